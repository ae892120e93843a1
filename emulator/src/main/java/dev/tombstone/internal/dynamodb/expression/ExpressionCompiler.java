package dev.tombstone.internal.dynamodb.expression;

import dev.tombstone.dynamodb.AttributeValue;
import dev.tombstone.dynamodb.DynamoDbError;
import dev.tombstone.dynamodb.ItemCondition;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Compiles DynamoDB expressions, failing with DynamoDB's exact validation messages. Thread-safe;
 * parsed expressions are cached by their text, so a repeated expression is never parsed again.
 *
 * <pre>{@code
 * ExpressionCompiler compiler = new ExpressionCompiler();
 * CompiledCondition c = compiler.condition(ExpressionKind.CONDITION,
 *     "#s = :v", Map.of("#s", "status"), Map.of(":v", AttributeValue.s("NEW")));
 * }</pre>
 *
 * <p>It checks the expression itself (DynamoDB's steps from "empty" to the textual walk over
 * placeholders, functions and operands), not the request around it: the caller checks the
 * placeholder maps before, and after all of a request's expressions compiled, reports the
 * placeholders none of them {@linkplain CompiledCondition#usedNames() used}.
 */
public final class ExpressionCompiler {
  static final int DEFAULT_CAPACITY = 4096;

  private final int capacity;
  private final ConcurrentHashMap<String, ConditionEntry> conditions = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, ProjectionEntry> projections = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, UpdateEntry> updates = new ConcurrentHashMap<>();

  /**
   * A parsed condition or why it is invalid. A condition without placeholders does not depend on
   * the request, so it is bound once and kept in {@code bound}.
   */
  private record ConditionEntry(
      Parser.ParsedCondition parsed, CompiledCondition bound, Problem problem) {}

  private record ProjectionEntry(
      Parser.ParsedProjection parsed, Projection bound, Problem problem) {}

  private record UpdateEntry(
      UpdateParser.ParsedUpdate parsed, CompiledUpdate bound, Problem problem) {}

  /** A compiler caching up to 4096 expressions of each grammar. */
  public ExpressionCompiler() {
    this(DEFAULT_CAPACITY);
  }

  ExpressionCompiler(int capacity) {
    this.capacity = capacity;
  }

  /**
   * Compiles a ConditionExpression or FilterExpression.
   *
   * @param kind {@link ExpressionKind#CONDITION} or {@link ExpressionKind#FILTER}; decides the
   *     message prefix
   * @param names ExpressionAttributeNames, or null when the request has none
   * @param values ExpressionAttributeValues, or null when the request has none
   * @throws DynamoDbError.Validation with DynamoDB's message when the expression is invalid
   */
  public CompiledCondition condition(
      ExpressionKind kind,
      String text,
      Map<String, String> names,
      Map<String, AttributeValue> values) {
    if (kind != ExpressionKind.CONDITION && kind != ExpressionKind.FILTER) {
      throw new IllegalArgumentException("not a condition kind: " + kind);
    }
    Objects.requireNonNull(text, "text");
    ConditionEntry entry = conditions.get(text);
    if (entry == null) {
      entry = parseCondition(text);
      if (cacheable(text)) {
        entry = cache(conditions, text, entry);
      }
    }
    if (entry.problem() != null) {
      throw invalid(kind, entry.problem());
    }
    if (entry.bound() != null) {
      return entry.bound();
    }
    try {
      return bind(text, entry.parsed(), names, values);
    } catch (ExpressionException e) {
      throw invalid(kind, e.problem());
    }
  }

  /**
   * Compiles a ProjectionExpression: comma-separated document paths.
   *
   * @param names ExpressionAttributeNames, or null when the request has none
   * @throws DynamoDbError.Validation with DynamoDB's message when the expression is invalid
   */
  public Projection projection(String text, Map<String, String> names) {
    Objects.requireNonNull(text, "text");
    ProjectionEntry entry = projections.get(text);
    if (entry == null) {
      entry = parseProjection(text);
      if (cacheable(text)) {
        entry = cache(projections, text, entry);
      }
    }
    if (entry.problem() != null) {
      throw invalid(ExpressionKind.PROJECTION, entry.problem());
    }
    if (entry.bound() != null) {
      return entry.bound();
    }
    try {
      return Projection.bind(entry.parsed(), text, names);
    } catch (ExpressionException e) {
      throw invalid(ExpressionKind.PROJECTION, e.problem());
    }
  }

  /**
   * Compiles an UpdateExpression.
   *
   * @param names ExpressionAttributeNames, or null when the request has none
   * @param values ExpressionAttributeValues, or null when the request has none
   * @throws DynamoDbError.Validation with DynamoDB's message when the expression is invalid
   */
  public CompiledUpdate update(
      String text, Map<String, String> names, Map<String, AttributeValue> values) {
    Objects.requireNonNull(text, "text");
    UpdateEntry entry = updates.get(text);
    if (entry == null) {
      entry = parseUpdate(text);
      if (cacheable(text)) {
        entry = cache(updates, text, entry);
      }
    }
    if (entry.problem() != null) {
      throw invalid(ExpressionKind.UPDATE, entry.problem());
    }
    if (entry.bound() != null) {
      return entry.bound();
    }
    try {
      return UpdateBinder.bind(text, entry.parsed(), names, values);
    } catch (ExpressionException e) {
      throw invalid(ExpressionKind.UPDATE, e.problem());
    }
  }

  /**
   * Validates legacy {@code AttributeUpdates} and compiles them, entries checked in map order.
   *
   * @throws DynamoDbError.Validation with DynamoDB's message for an invalid entry
   */
  public static CompiledUpdate legacyUpdate(Map<String, LegacyUpdate> updates) {
    return LegacyUpdates.compile(updates);
  }

  private static UpdateEntry parseUpdate(String text) {
    UpdateParser.ParsedUpdate parsed;
    try {
      parsed = UpdateParser.parse(text);
      UpdateBinder.checkStatic(parsed);
    } catch (ExpressionException e) {
      return new UpdateEntry(null, null, e.problem());
    }
    if (!parsed.names().isEmpty() || !parsed.values().isEmpty()) {
      return new UpdateEntry(parsed, null, null);
    }
    try {
      return new UpdateEntry(parsed, UpdateBinder.bind(text, parsed, null, null), null);
    } catch (ExpressionException e) {
      return new UpdateEntry(null, null, e.problem());
    }
  }

  /**
   * Compiles a KeyConditionExpression as far as it is checked before the unused placeholders;
   * {@link KeyConditions#checkShape} and {@link KeyConditions#resolve} do the rest.
   *
   * @throws DynamoDbError.Validation with DynamoDB's message when the expression is invalid
   */
  public KeyConditions keyCondition(
      String text, Map<String, String> names, Map<String, AttributeValue> values) {
    Objects.requireNonNull(text, "text");
    return KeyConditions.compile(text, names, values);
  }

  /**
   * {@link #keyCondition(String, Map, Map)} with {@code beforeOperators} run once the expression
   * has passed the grammar's checks, before the operators a key condition allows are checked.
   */
  public KeyConditions keyCondition(String text, Map<String, String> names,
      Map<String, AttributeValue> values, Runnable beforeOperators) {
    Objects.requireNonNull(text, "text");
    return KeyConditions.compile(text, names, values, beforeOperators);
  }

  /**
   * Validates the legacy {@code Expected} parameter and compiles it into one condition: each
   * entry a test on the top-level attribute it names, joined by AND, or by OR when {@code
   * conditionalOperator} is {@code "OR"}. Entries are checked in map iteration order and the
   * first failure is thrown. Never returns null: an empty or null map gives a condition that
   * always matches.
   *
   * @throws DynamoDbError.Validation with DynamoDB's message for an invalid entry
   */
  public static ItemCondition legacy(
      Map<String, ExpectedEntry> expected, String conditionalOperator) {
    Predicate predicate = Legacy.compile(expected, conditionalOperator);
    return new CompiledCondition("Expected", predicate, Set.of(), Set.of());
  }

  /**
   * A legacy {@code ScanFilter} or {@code QueryFilter}: as {@link #legacy}, with each entry's
   * values checked before their count.
   */
  public static ItemCondition legacyFilter(
      Map<String, ExpectedEntry> filter, String conditionalOperator) {
    Predicate predicate = Legacy.compileConditions(filter, conditionalOperator);
    return new CompiledCondition("Expected", predicate, Set.of(), Set.of());
  }

  /**
   * Validates the legacy {@code KeyConditions} parameter (each entry as an {@code Expected}
   * entry, then the operators a key condition allows) and returns it as a key condition.
   * An operator no key condition allows is refused as DynamoDB refuses it: "not supported"
   * on {@code partitionKey}, "not an indexable operation" elsewhere.
   *
   * @throws DynamoDbError.Validation with DynamoDB's message for an invalid entry
   */
  public static dev.tombstone.dynamodb.KeyCondition legacyKeyCondition(
      Map<String, ExpectedEntry> entries, String partitionKey) {
    return legacyKeyCondition(entries, java.util.Set.of(partitionKey), 2);
  }

  /**
   * The checks of the legacy {@code KeyConditions} that need no table: each entry's values,
   * argument count and types, and an empty map. They come before the table lookup (dynalite
   * test/query.js, 'should return ValidationException for bad attribute values in
   * KeyConditions' and '... for incorrect number of KeyConditions', on a missing table).
   *
   * @throws DynamoDbError.Validation with DynamoDB's message for an invalid entry
   */
  public static void checkLegacyKeyConditions(Map<String, ExpectedEntry> entries) {
    Legacy.compileConditions(entries, null);
    if (entries.isEmpty()) {
      throw new DynamoDbError.Validation("Conditions can be of length 1 or 2 only");
    }
  }

  /**
   * The legacy {@code KeyConditions} of a query whose key has the partition attributes
   * {@code partitionKeys} and {@code maxParts} attributes in all (more than two only on a
   * multi-attribute index key).
   */
  public static dev.tombstone.dynamodb.KeyCondition legacyKeyCondition(
      Map<String, ExpectedEntry> entries, java.util.Set<String> partitionKeys, int maxParts) {
    checkLegacyKeyConditions(entries);
    java.util.List<dev.tombstone.dynamodb.KeyCondition.Part> parts = new java.util.ArrayList<>();
    for (Map.Entry<String, ExpectedEntry> e : entries.entrySet()) {
      dev.tombstone.dynamodb.KeyCondition.Operator operator;
      try {
        operator = dev.tombstone.dynamodb.KeyCondition.Operator.valueOf(
            e.getValue().comparisonOperator());
      } catch (IllegalArgumentException | NullPointerException notIndexable) {
        throw new DynamoDbError.Validation(partitionKeys.contains(e.getKey())
            ? "Query key condition not supported"
            : "Attempted conditional constraint is not an indexable operation");
      }
      parts.add(new dev.tombstone.dynamodb.KeyCondition.Part(
          e.getKey(), operator, e.getValue().attributeValueList()));
    }
    if (parts.isEmpty() || parts.size() > Math.max(2, maxParts)) {
      throw new DynamoDbError.Validation("Conditions can be of length 1 or 2 only");
    }
    return new dev.tombstone.dynamodb.KeyCondition(parts);
  }

  /** Number of cached expressions, for tests. */
  int cachedCount() {
    return conditions.size() + projections.size() + updates.size();
  }

  private static ConditionEntry parseCondition(String text) {
    Parser.ParsedCondition parsed;
    try {
      parsed = Parser.condition(text);
      StaticChecks.check(parsed.condition());
    } catch (ExpressionException e) {
      return new ConditionEntry(null, null, e.problem());
    }
    if (!parsed.names().isEmpty() || !parsed.values().isEmpty()) {
      return new ConditionEntry(parsed, null, null);
    }
    try {
      return new ConditionEntry(parsed, bind(text, parsed, null, null), null);
    } catch (ExpressionException e) {
      return new ConditionEntry(null, null, e.problem());
    }
  }

  private static ProjectionEntry parseProjection(String text) {
    Parser.ParsedProjection parsed;
    try {
      parsed = Parser.projection(text);
      StaticChecks.checkReserved(parsed.paths());
    } catch (ExpressionException e) {
      return new ProjectionEntry(null, null, e.problem());
    }
    if (!parsed.names().isEmpty()) {
      return new ProjectionEntry(parsed, null, null);
    }
    try {
      return new ProjectionEntry(parsed, Projection.bind(parsed, text, null), null);
    } catch (ExpressionException e) {
      return new ProjectionEntry(null, null, e.problem());
    }
  }

  private static CompiledCondition bind(
      String text,
      Parser.ParsedCondition parsed,
      Map<String, String> names,
      Map<String, AttributeValue> values) {
    Predicate predicate = Binder.bind(parsed.condition(), names, values);
    return new CompiledCondition(text, predicate, parsed.names(), parsed.values());
  }

  /** Empty and oversized texts fail before parsing; caching them would only cost memory. */
  private static boolean cacheable(String text) {
    return !text.isEmpty() && text.length() <= Parser.MAX_LENGTH;
  }

  /** Bounded by clearing when full: simple, and a working set that fits is never evicted. */
  private <V> V cache(ConcurrentHashMap<String, V> map, String text, V entry) {
    if (map.size() >= capacity) {
      map.clear();
    }
    V previous = map.putIfAbsent(text, entry);
    return previous != null ? previous : entry;
  }

  private static DynamoDbError.Validation invalid(ExpressionKind kind, Problem problem) {
    return new DynamoDbError.Validation(kind.prefix() + problem.message());
  }
}
