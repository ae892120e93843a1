package dev.tombstone.internal.dynamodb.expression;

import dev.tombstone.dynamodb.AttributeType;
import dev.tombstone.dynamodb.AttributeValue;
import dev.tombstone.dynamodb.DynamoDbError;
import dev.tombstone.internal.AttributeNameRules;
import dev.tombstone.internal.dynamodb.expression.UpdateParser.Section;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Legacy {@code AttributeUpdates}: each entry a top-level PUT, ADD or DELETE, under a name
 * PutItem would take.
 */
final class LegacyUpdates {
  private LegacyUpdates() {}

  static CompiledUpdate compile(Map<String, LegacyUpdate> updates) {
    List<CompiledUpdate.Step> steps = new ArrayList<>();
    for (Map.Entry<String, LegacyUpdate> e : updates.entrySet()) {
      AttributeNameRules.problem(e.getKey()).ifPresent(problem -> {
        throw new DynamoDbError.Validation(problem);
      });
      LegacyUpdate update = e.getValue();
      if (update.problem() != null) {
        throw new DynamoDbError.Validation(update.problem());
      }
      String action = update.action() == null ? "PUT" : update.action();
      AttributeValue value = update.value();
      List<Object> path = List.of(e.getKey());
      if (value == null) {
        if (!action.equals("DELETE")) {
          throw invalid("Only DELETE action is allowed when no attribute value is specified");
        }
        steps.add(new CompiledUpdate.Step(Section.REMOVE, path, null, null));
        continue;
      }
      AttributeType type = value.type();
      boolean set = type == AttributeType.SS || type == AttributeType.NS
          || type == AttributeType.BS;
      // The legacy texts name the type as on the wire (S, BOOL), unlike UpdateExpression's
      // (dynalite test/updateItem.js, 'should return ValidationException if trying to add
      // incorrect types' and 'should return ValidationException if trying to delete incorrect
      // types').
      switch (action) {
        case "ADD" -> {
          if (!set && type != AttributeType.N && type != AttributeType.L) {
            throw invalid("ADD action is not supported for the type "
                + type.name());
          }
          steps.add(new CompiledUpdate.Step(Section.ADD, path, null, value));
        }
        case "DELETE" -> {
          if (!set) {
            throw invalid("DELETE action with value is not supported for the type "
                + type.name());
          }
          steps.add(new CompiledUpdate.Step(Section.DELETE, path, null, value));
        }
        default -> steps.add(new CompiledUpdate.Step(Section.SET, path,
            new UpdateValue.Literal(value), null));
      }
    }
    return new CompiledUpdate("AttributeUpdates", steps, true, Set.of(), Set.of());
  }

  private static DynamoDbError.Validation invalid(String detail) {
    return DynamoDbError.Validation.invalidParameters(detail);
  }
}
