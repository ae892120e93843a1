package dev.tombstone.internal.dynamodb.protocol;

import java.util.ArrayList;
import java.util.List;

/**
 * DynamoDB's rule that a request uses the legacy members or the expression members, never
 * both: collect the members a request carries, then {@link #check()}.
 *
 * <pre>{@code
 * new ParameterMix().legacy("ScanFilter", w.scanFilter())
 *     .expression("FilterExpression", w.filterExpression()).check();
 * }</pre>
 */
final class ParameterMix {
  // Made on the first member: most requests carry one kind or none, on every write's path.
  private List<String> legacy = List.of();
  private List<String> expression = List.of();

  /** Names {@code member} among the legacy members if the request carries it. */
  ParameterMix legacy(String member, Object value) {
    if (value != null) {
      legacy = added(legacy, member);
    }
    return this;
  }

  /** Names {@code member} among the expression members if the request carries it. */
  ParameterMix expression(String member, Object value) {
    if (value != null) {
      expression = added(expression, member);
    }
    return this;
  }

  private static List<String> added(List<String> members, String member) {
    List<String> grown = members.isEmpty() ? new ArrayList<>(3) : members;
    grown.add(member);
    return grown;
  }

  /**
   * Names the condition members of a write: {@code Expected} and {@code ConditionalOperator}
   * among the legacy members, {@code ConditionExpression} among the expression members.
   */
  ParameterMix writeCondition(ConditionParameters condition) {
    return legacy("Expected", condition.expected())
        .legacy("ConditionalOperator", condition.conditionalOperator())
        .expression("ConditionExpression", condition.expression());
  }

  /** @throws dev.tombstone.dynamodb.DynamoDbError.Validation when both kinds are present */
  void check() {
    if (!legacy.isEmpty() && !expression.isEmpty()) {
      throw ServiceErrors.expressionAndNonExpression(
          String.join(", ", legacy), String.join(", ", expression));
    }
  }
}
