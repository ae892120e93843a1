package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.AttributeValue;
import dev.tombstone.dynamodb.DynamoDbError;
import dev.tombstone.dynamodb.Item;
import dev.tombstone.dynamodb.ItemCondition;
import dev.tombstone.dynamodb.ItemUpdate;
import dev.tombstone.dynamodb.TableDefinition;
import dev.tombstone.internal.AttributeNameRules;
import dev.tombstone.internal.dynamodb.ValueLayer;
import dev.tombstone.internal.dynamodb.expression.CompiledCondition;
import dev.tombstone.internal.dynamodb.expression.CompiledUpdate;
import dev.tombstone.internal.dynamodb.expression.ExpectedEntry;
import dev.tombstone.internal.dynamodb.expression.ExpressionCompiler;
import dev.tombstone.internal.dynamodb.expression.ExpressionKind;
import dev.tombstone.internal.dynamodb.expression.KeyConditions;
import dev.tombstone.internal.dynamodb.expression.Projection;
import dev.tombstone.internal.dynamodb.expression.ScalarKeys;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * The request-level rules around condition, filter and projection expressions, in DynamoDB's
 * order, and their compilation.
 */
final class ConditionSupport {
  private final ExpressionCompiler compiler = new ExpressionCompiler();
  private static final Pattern NAME_KEY = Pattern.compile("#[0-9a-zA-Z_]+");
  private static final Pattern VALUE_KEY = Pattern.compile(":[0-9a-zA-Z_]+");

  /**
   * The checks that come before the key's values: mixing expression and legacy parameters,
   * and placeholder maps without an expression.
   */
  void checkCombination(ConditionParameters p) {
    checkMix(p);
    checkPlaceholdersWithoutExpression(p, ValueLayer.OLDER);
  }

  /** The first half of {@link #checkCombination}: expression and legacy parameters mixed. */
  void checkMix(ConditionParameters p) {
    new ParameterMix().writeCondition(p).check();
  }

  /**
   * The second half of {@link #checkCombination}: a ConditionalOperator without Expected, and
   * placeholder maps without an expression. The current layer's text for values ends before
   * {@code ": ConditionExpression is null"}.
   */
  void checkPlaceholdersWithoutExpression(ConditionParameters p, ValueLayer layer) {
    requireConditions(p.conditionalOperator(), p.expected());
    if (p.names() != null && !p.hasExpression()) {
      throw ServiceErrors.namesWithoutExpression();
    }
    if (p.values() != null && !p.hasExpression()) {
      throw layer == ValueLayer.CURRENT ? ServiceErrors.valuesWithoutExpression()
          : ServiceErrors.valuesWithoutExpression("ConditionExpression");
    }
  }

  /**
   * DynamoDB's rule for the legacy {@code ConditionalOperator}: it joins the conditions of an
   * {@code Expected}, {@code QueryFilter} or {@code ScanFilter} map, so it needs two or more.
   *
   * @param conditions the map's entries, or null when the request has none
   */
  static void checkConditionalOperator(String operator, Map<String, ?> conditions) {
    requireConditions(operator, conditions);
    requireTwoConditions(operator, conditions);
  }

  /** The first half of that rule: a {@code ConditionalOperator} needs a map of conditions. */
  static void requireConditions(String operator, Map<String, ?> conditions) {
    if (operator != null && (conditions == null || conditions.isEmpty())) {
      throw new DynamoDbError.Validation(
          "ConditionalOperator cannot be used without Filter or Expected");
    }
  }

  /**
   * The second half: two or more conditions. On the write operations DynamoDB (Local) checks
   * it after the entries of {@code Expected} themselves, so {@link #compile} does it there.
   */
  static void requireTwoConditions(String operator, Map<String, ?> conditions) {
    if (operator != null && conditions != null && conditions.size() < 2) {
      throw new DynamoDbError.Validation("ConditionalOperator can only be used when Filter or"
          + " Expected has two or more elements");
    }
  }

  /**
   * Validates the rest and compiles the condition: legacy Expected entries, the placeholder
   * maps, the expression, then unused placeholders. Null when the request has no condition.
   */
  ItemCondition compile(ConditionParameters p) {
    return compile(p, ValueLayer.OLDER);
  }

  /** {@link #compile(ConditionParameters)}, with expression values checked in {@code layer}. */
  ItemCondition compile(ConditionParameters p, ValueLayer layer) {
    if (p.hasExpected()) {
      if (p.expected().isEmpty()) {
        return null;
      }
      ItemCondition legacy = ExpressionCompiler.legacy(p.expected(), p.conditionalOperator());
      requireTwoConditions(p.conditionalOperator(), p.expected());
      return legacy;
    }
    checkPlaceholderMaps(p.names(), p.values(), layer);
    if (!p.hasExpression()) {
      return null;
    }
    CompiledCondition condition = compiler.condition(ExpressionKind.CONDITION, p.expression(),
        p.names(), p.values() == null ? null : p.values().values());
    checkUnused(p.names(), p.values(), condition.usedNames(), condition.usedValues());
    return condition;
  }

  /** UpdateItem's update and condition, compiled together. */
  record WriteExpressions(ItemUpdate update, ItemCondition condition) {}

  /**
   * UpdateItem's expressions in DynamoDB's order: the placeholder maps, the UpdateExpression, the
   * ConditionExpression, then placeholders neither of them used. Either may be null.
   */
  WriteExpressions update(String updateExpression, ConditionParameters p, ValueLayer layer) {
    checkPlaceholderMaps(p.names(), p.values(), layer);
    Map<String, AttributeValue> values = p.values() == null ? null : p.values().values();
    Set<String> usedNames = new HashSet<>();
    Set<String> usedValues = new HashSet<>();
    CompiledUpdate update = null;
    if (updateExpression != null) {
      update = compiler.update(updateExpression, p.names(), values);
      usedNames.addAll(update.usedNames());
      usedValues.addAll(update.usedValues());
    }
    CompiledCondition condition = null;
    if (p.hasExpression()) {
      condition = compiler.condition(ExpressionKind.CONDITION, p.expression(), p.names(), values);
      usedNames.addAll(condition.usedNames());
      usedValues.addAll(condition.usedValues());
    }
    checkUnused(p.names(), p.values(), usedNames, usedValues);
    return new WriteExpressions(update, condition);
  }

  /**
   * Legacy {@code Expected} or {@code ScanFilter} entries ANDed, as the 2011-12-05 and
   * MagnetoDB dialects send them; null when there are none.
   */
  static ItemCondition compileLegacy(Map<String, ExpectedEntry> entries) {
    return entries == null || entries.isEmpty() ? null : ExpressionCompiler.legacy(entries, null);
  }

  /**
   * Scan's filter and projection, whose placeholders are pooled for the unused check; the
   * compiled projection is kept for the checks against the table.
   */
  record ReadExpressions(ItemCondition filter, Projection projection) {
    /** The projection as the store applies it; null when there is none. */
    UnaryOperator<Item> projector() {
      return applying(projection);
    }
  }

  ReadExpressions read(
      String filter, String projection, Map<String, String> names, Decoded values) {
    QueryExpressions compiled =
        readExpressions(ValueLayer.OLDER, null, filter, projection, names, values);
    return new ReadExpressions(compiled.filter(), compiled.projection());
  }

  /**
   * DynamoDB refuses a projection that descends into a key attribute of the table or of one of
   * its indexes ({@code pk.x}, {@code gsiKey[0]}); checked once the table is known.
   *
   * @param projection the request's compiled ProjectionExpression, or null when it has none
   */
  static void checkKeyPaths(Projection projection,
      Supplier<TableDefinition> table) {
    if (projection == null) {
      return;
    }
    Set<String> nested = projection.nestedAttributes();
    if (!nested.isEmpty()) {
      ScalarKeys.check(nested, table.get());
    }
  }

  /** The same rule for a filter expression's paths; a legacy filter has none. */
  static void checkKeyPaths(ItemCondition filter,
      Supplier<TableDefinition> table) {
    if (filter instanceof CompiledCondition compiled) {
      Set<String> nested = compiled.nestedAttributeNames();
      if (!nested.isEmpty()) {
        ScalarKeys.check(nested, table.get());
      }
    }
  }

  /**
   * A global secondary index without the ALL projection can only return what it projects:
   * DynamoDB refuses a ProjectionExpression naming anything else.
   */
  static void checkIndexProjects(Projection projection,
      TableDefinition table, String indexName) {
    if (projection != null) {
      checkIndexProjects(projection.topLevelAttributes(), table, indexName);
    }
  }

  /**
   * The same rule for the legacy AttributesToGet (null when absent): "you can only request
   * attributes that are projected into the index" (Query and Scan API reference, Select).
   */
  static void checkIndexProjects(Collection<String> names,
      TableDefinition table, String indexName) {
    if (names == null || indexName == null) {
      return;
    }
    for (TableDefinition.IndexDefinition index
        : table.globalSecondaryIndexes()) {
      if (!index.name().equals(indexName) || index.projectionType().equals("ALL")) {
        continue;
      }
      Set<String> projected = new HashSet<>(index.nonKeyAttributes());
      for (dev.tombstone.dynamodb.KeySchema schema : List.of(table.keySchema(),
          index.keySchema())) {
        schema.attributes().forEach(key -> projected.add(key.name()));
      }
      List<String> missing = new ArrayList<>();
      for (String name : names) {
        if (!projected.contains(name) && !missing.contains(name)) {
          missing.add(name);
        }
      }
      if (!missing.isEmpty()) {
        throw ServiceErrors.invalidParameters("Global secondary index " + indexName
            + " does not project " + missing);
      }
    }
  }

  /** Query's expressions, whose placeholders are pooled for the unused check. */
  record QueryExpressions(KeyConditions keyCondition, ItemCondition filter,
      Projection projection) {
    /** The projection as the store applies it; null when there is none. */
    UnaryOperator<Item> projector() {
      return applying(projection);
    }
  }

  private static UnaryOperator<Item> applying(Projection projection) {
    return projection == null ? null : projection::apply;
  }

  QueryExpressions query(String keyCondition, String filter, String projection,
      Map<String, String> names, Decoded values) {
    return readExpressions(ValueLayer.CURRENT, keyCondition, filter, projection, names, values);
  }

  /** The expressions present (null for an absent one), their placeholders checked together. */
  private QueryExpressions readExpressions(ValueLayer layer, String keyCondition, String filter,
      String projection, Map<String, String> names, Decoded values) {
    checkPlaceholderMaps(names, values, layer);
    Set<String> usedNames = new HashSet<>();
    Set<String> usedValues = new HashSet<>();
    Map<String, dev.tombstone.dynamodb.AttributeValue> bound =
        values == null ? null : values.values();
    // An empty filter or projection comes after the key condition's grammar and before the
    // operators it allows (dynalite test/query.js, AWS-validated: 'should return
    // ValidationException for empty FilterExpression', '... for empty ProjectionExpression',
    // '... for syntax errors in KeyConditionExpression').
    Runnable emptyExpressions = () -> {
      if ("".equals(filter)) {
        compiler.condition(ExpressionKind.FILTER, filter, names, bound);
      }
      if ("".equals(projection)) {
        compiler.projection(projection, names);
      }
    };
    KeyConditions key = null;
    if (keyCondition == null) {
      emptyExpressions.run();
    } else {
      key = compiler.keyCondition(keyCondition, names, bound, emptyExpressions);
      usedNames.addAll(key.usedNames());
      usedValues.addAll(key.usedValues());
    }
    CompiledCondition condition = null;
    if (filter != null) {
      condition = compiler.condition(ExpressionKind.FILTER, filter, names, bound);
      usedNames.addAll(condition.usedNames());
      usedValues.addAll(condition.usedValues());
    }
    Projection compiled = null;
    if (projection != null) {
      compiled = compiler.projection(projection, names);
      usedNames.addAll(compiled.usedNames());
    }
    checkUnused(names, values, usedNames, usedValues);
    if (key != null) {
      key.checkShape();
    }
    return new QueryExpressions(key, condition, compiled);
  }

  private static void checkUnused(
      Map<String, String> names, Decoded values, Set<String> usedNames, Set<String> usedValues) {
    if (names != null) {
      List<String> unused = new ArrayList<>();
      for (String name : names.keySet()) {
        if (!usedNames.contains(name)) {
          unused.add(name);
        }
      }
      if (!unused.isEmpty()) {
        throw new DynamoDbError.Validation(
            "Value provided in ExpressionAttributeNames unused in expressions: keys: {"
                + String.join(", ", unused) + "}");
      }
    }
    if (values != null) {
      List<String> unused = new ArrayList<>();
      for (String value : values.values().keySet()) {
        if (!usedValues.contains(value)) {
          unused.add(value);
        }
      }
      if (!unused.isEmpty()) {
        throw new DynamoDbError.Validation(
            "Value provided in ExpressionAttributeValues unused in expressions: keys: {"
                + String.join(", ", unused) + "}");
      }
    }
  }

  /**
   * The placeholder maps' own checks. A bad value is wrapped with its key in the older layer;
   * the current layer reports it bare.
   */
  static void checkPlaceholderMaps(Map<String, String> names, Decoded values, ValueLayer layer) {
    if (names != null) {
      if (names.isEmpty()) {
        throw new DynamoDbError.Validation("ExpressionAttributeNames must not be empty");
      }
      for (Map.Entry<String, String> e : names.entrySet()) {
        if (!NAME_KEY.matcher(e.getKey()).matches()) {
          throw new DynamoDbError.Validation(
              "ExpressionAttributeNames contains invalid key: Syntax error; key: \"" + e.getKey()
                  + "\"");
        }
        AttributeNameRules.problem(e.getValue()).ifPresent(problem -> {
          throw new DynamoDbError.Validation(
              "ExpressionAttributeNames contains invalid value: " + problem + " for key "
                  + e.getKey());
        });
      }
    }
    if (values != null) {
      if (values.values().isEmpty() && values.problem() == null) {
        throw new DynamoDbError.Validation("ExpressionAttributeValues must not be empty");
      }
      for (String key : values.values().keySet()) {
        if (!VALUE_KEY.matcher(key).matches()) {
          throw new DynamoDbError.Validation(
              "ExpressionAttributeValues contains invalid key: Syntax error; key: \"" + key
                  + "\"");
        }
      }
      if (values.problem() != null) {
        // DynamoDB reports a number's precision bare (condition-expressions.md §2.9, corrected
        // 2026-12; DynamoDB Local wraps it like the other problems).
        if (layer == ValueLayer.CURRENT || values.problem().equals(ServiceErrors.TOO_MANY_DIGITS)) {
          throw new DynamoDbError.Validation(values.problem());
        }
        throw new DynamoDbError.Validation("ExpressionAttributeValues contains invalid value: "
            + values.problem() + " for key " + values.problemKey());
      }
    }
  }
}
