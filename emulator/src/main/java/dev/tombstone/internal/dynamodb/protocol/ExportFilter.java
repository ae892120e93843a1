package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.DynamoDbError;
import dev.tombstone.dynamodb.DynamoDbState;
import dev.tombstone.dynamodb.Item;
import dev.tombstone.dynamodb.ItemChange;
import dev.tombstone.dynamodb.ItemCondition;
import dev.tombstone.dynamodb.KeyCondition;
import dev.tombstone.dynamodb.KeySchema;
import dev.tombstone.internal.dynamodb.TableExport;
import dev.tombstone.internal.dynamodb.ValueLayer;
import dev.tombstone.internal.dynamodb.expression.KeyConditions;
import dev.tombstone.internal.dynamodb.expression.Projection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * ExportTableToPointInTime's {@code FilterSpecification}: the key condition, filter and
 * projection of a Query, compiled and checked by Query's code with Query's messages, then
 * applied to the items of the export time. As the developer guide has it, the key condition
 * selects one partition (and a sort key range) of the table, the filter may name key attributes
 * only when there is no key condition, and the projection keeps the attributes it names.
 *
 * @param echo the specification as sent, for the description
 * @param keyCondition the compiled KeyConditionExpression, or null
 * @param filter the compiled FilterExpression, or null
 * @param projection the compiled ProjectionExpression, or null
 */
record ExportFilter(TableExport.Filter echo, KeyConditions keyCondition, ItemCondition filter,
    Projection projection) {
  private static final AttributeValueDecoder DECODER =
      new AttributeValueDecoder(AttributeValueDecoder.Dialect.CURRENT, ValueLayer.CURRENT);

  /**
   * What an export reads (items, or an incremental export's changes) and what it writes of them.
   *
   * @param readBytes the size of what the key condition selected, before the filter: the items,
   *     or both images of every change
   */
  record Selection<T>(List<T> read, List<T> written, long readBytes) {}

  /**
   * The request's FilterSpecification, checked as Query checks its expressions; null when the
   * request has none.
   */
  static ExportFilter read(Json.Obj request, ConditionSupport conditions) {
    Json.Obj spec = Members.structure(request, "FilterSpecification");
    if (spec == null) {
      return null;
    }
    String filter = Members.string(spec, "FilterExpression");
    String projection = Members.string(spec, "ProjectionExpression");
    String key = Members.string(spec, "KeyConditionExpression");
    Map<String, String> names = Members.stringMap(spec, "ExpressionAttributeNames");
    Decoded values = DECODER.map(spec, "ExpressionAttributeValues");
    if (names != null && filter == null && projection == null && key == null) {
      throw ServiceErrors.namesWithoutExpression();
    }
    if (values != null && filter == null && key == null) {
      throw new DynamoDbError.Validation("ExpressionAttributeValues can only be specified when"
          + " using expressions: FilterExpression and KeyConditionExpression are null");
    }
    ConditionSupport.QueryExpressions compiled =
        conditions.query(key, filter, projection, names, values);
    TableExport.Filter echo = new TableExport.Filter(Optional.ofNullable(filter),
        Optional.ofNullable(projection), Optional.ofNullable(key),
        names == null ? Map.of() : names, values == null ? Map.of() : values.values());
    return new ExportFilter(echo, compiled.keyCondition(), compiled.filter(),
        compiled.projection());
  }

  /**
   * The items of {@code tableName} at {@code at} that the export reads and writes; the checks
   * against the table (key condition against the key schema, key attributes in the filter,
   * paths into key attributes) come first, as in a Query, and write nothing.
   *
   * @param spec the request's filter, or null for the whole table
   */
  static Selection<Item> select(DynamoDbState state, String tableName, Instant at,
      ExportFilter spec) {
    return select(state, tableName, spec, () -> state.backups().itemsAt(tableName, at),
        condition -> state.backups().itemsAt(tableName, at, condition, spec.filter()),
        item -> item, (item, projection) -> projection.apply(item), Item::sizeInBytes);
  }

  /**
   * The changes of {@code tableName} in the window that an incremental export reads and writes,
   * with the checks of {@link #select} first. As the developer guide has it, the filter is held
   * against each change's latest image (the old one for a deleted item); the projection applies
   * to both images, the keys are written whole.
   *
   * @param spec the request's filter, or null for every change
   */
  static Selection<ItemChange> selectChanges(DynamoDbState state, String tableName,
      TableExport.Window window, ExportFilter spec) {
    return select(state, tableName, spec,
        () -> state.backups().changesBetween(tableName, window.fromTime(), window.toTime()),
        condition -> state.backups().changesBetween(tableName, window.fromTime(),
            window.toTime(), condition, spec.filter()),
        ItemChange::latestImage,
        (change, projection) -> new ItemChange(change.keys(),
            change.oldImage().map(projection::apply), change.newImage().map(projection::apply),
            change.lastWrite()),
        change -> change.oldImage().map(Item::sizeInBytes).orElse(0)
            + change.newImage().map(Item::sizeInBytes).orElse(0));
  }

  /**
   * What an export of {@code T}s reads and writes: all of them without a key condition, those
   * it selects with one; then the ones whose {@code filtered} image the filter matches, projected.
   */
  private static <T> Selection<T> select(DynamoDbState state, String tableName,
      ExportFilter spec, Supplier<List<T>> all, Function<KeyCondition, List<T>> byKey,
      Function<T, Item> filtered, BiFunction<T, Projection, T> projected,
      ToLongFunction<T> size) {
    List<T> read;
    List<T> written;
    if (spec == null) {
      read = all.get();
      written = read;
    } else {
      ConditionSupport.checkKeyPaths(spec.projection(), () -> state.tableDefinition(tableName));
      read = spec.keyCondition() == null ? all.get()
          : byKey.apply(keyCondition(state, tableName, spec));
      ConditionSupport.checkKeyPaths(spec.filter(), () -> state.tableDefinition(tableName));
      written = new ArrayList<>(read.size());
      for (T each : read) {
        if (spec.filter() == null || spec.filter().matches(filtered.apply(each))) {
          written.add(spec.projection() == null ? each : projected.apply(each, spec.projection()));
        }
      }
    }
    long bytes = 0;
    for (T each : read) {
      bytes += size.applyAsLong(each);
    }
    return new Selection<>(read, written, bytes);
  }

  /** The request's key condition, resolved against the table's key schema. */
  private static KeyCondition keyCondition(DynamoDbState state, String tableName,
      ExportFilter spec) {
    KeySchema schema = state.keySchema(tableName);
    Set<String> keyNames = new HashSet<>();
    schema.attributes().forEach(attribute -> keyNames.add(attribute.name()));
    return spec.keyCondition().resolve(keyNames, schema.size());
  }
}
