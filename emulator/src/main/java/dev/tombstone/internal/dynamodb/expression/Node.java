package dev.tombstone.internal.dynamodb.expression;

/**
 * A parsed piece of an expression. Inside parentheses the parser does not know yet whether it
 * holds a condition, {@code (a = :v)}, or an operand, {@code (a) = :v}, so both share this type.
 */
sealed interface Node permits Condition, Operand {}
