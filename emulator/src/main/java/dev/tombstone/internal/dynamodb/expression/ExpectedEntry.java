package dev.tombstone.internal.dynamodb.expression;

import dev.tombstone.dynamodb.AttributeValue;
import java.util.List;

/**
 * One entry of the legacy {@code Expected} parameter as decoded from the request; every member
 * may be null when absent.
 *
 * @param value {@code Value}
 * @param exists {@code Exists}
 * @param comparisonOperator {@code ComparisonOperator}, already checked against its enum
 * @param attributeValueList {@code AttributeValueList}
 * @param invalidValueMessage DynamoDB's message for an invalid AttributeValue found in {@code
 *     Value} or {@code AttributeValueList}, whose slot then holds null; null when all are valid
 */
public record ExpectedEntry(
    AttributeValue value,
    Boolean exists,
    String comparisonOperator,
    List<AttributeValue> attributeValueList,
    String invalidValueMessage) {}
