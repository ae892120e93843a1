package dev.tombstone.internal.dynamodb.partiql;

import dev.tombstone.dynamodb.AttributeType;
import dev.tombstone.dynamodb.DynamoDbError;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The type names PartiQL takes after IS (besides NULL and MISSING), and what Tombstone makes of
 * them. AWS filters on {@code IS BOOL} and {@code IS STRING} (conformance suite 2026,
 * tests/tier2/partiql/whereFunctions.test.ts); it parses INT4, INT8, DOUBLE PRECISION and
 * CHARACTER VARYING too (tests/tier3/error-messages/partiqlGrammar.test.ts), but no AWS answer
 * says which DynamoDB values they match, so Tombstone refuses those and the other type names
 * of PartiQL's grammar rather than guess.
 */
final class TypeNames {
  static final String UNSUPPORTED = String.format(StatementParser.UNSUPPORTED_OPERATION,
      "IsType");
  private static final Map<String, AttributeType> SERVED = Map.of("BOOL", AttributeType.BOOL,
      "BOOLEAN", AttributeType.BOOL, "STRING", AttributeType.S);
  /** PartiQL's other one-word type names. */
  private static final Set<String> OTHERS = Set.of("SMALLINT", "INT2", "INTEGER2", "INT",
      "INTEGER", "INT4", "INTEGER4", "INT8", "INTEGER8", "BIGINT", "FLOAT", "REAL", "DECIMAL",
      "DEC", "NUMERIC", "TIMESTAMP", "DATE", "TIME", "CHAR", "VARCHAR", "SYMBOL",
      "CLOB", "BLOB", "STRUCT", "TUPLE", "LIST", "SEXP", "BAG", "ANY");

  private TypeNames() {}

  /**
   * Reads the type name after IS with {@code accept} (which consumes a word when it matches).
   *
   * @throws MalformedStatement when no type name follows
   * @throws DynamoDbError.Validation for a type name Tombstone does not serve
   */
  static AttributeType read(Predicate<String> accept) {
    for (Map.Entry<String, AttributeType> served : SERVED.entrySet()) {
      if (accept.test(served.getKey())) {
        return served.getValue();
      }
    }
    if (accept.test("DOUBLE")) {
      if (!accept.test("PRECISION")) {
        throw new MalformedStatement();
      }
      throw new DynamoDbError.Validation(UNSUPPORTED);
    }
    if (accept.test("CHARACTER")) {
      accept.test("VARYING");
      throw new DynamoDbError.Validation(UNSUPPORTED);
    }
    if (OTHERS.stream().anyMatch(accept)) {
      throw new DynamoDbError.Validation(UNSUPPORTED);
    }
    throw new MalformedStatement();
  }
}
