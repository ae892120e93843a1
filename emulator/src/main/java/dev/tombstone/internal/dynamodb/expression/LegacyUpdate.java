package dev.tombstone.internal.dynamodb.expression;

import dev.tombstone.dynamodb.AttributeValue;

/**
 * One entry of the legacy {@code AttributeUpdates} parameter as read off the wire.
 *
 * @param action {@code PUT}, {@code ADD} or {@code DELETE}; null for the default, PUT
 * @param value the entry's {@code Value}, or null
 * @param problem DynamoDB's message for an invalid value, or null
 */
public record LegacyUpdate(String action, AttributeValue value, String problem) {}
