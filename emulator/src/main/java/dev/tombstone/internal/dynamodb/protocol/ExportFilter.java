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

  /** What an export reads and what it writes of it. */
  record Selection(List<Item> read, List<Item> written) {
    /** The bytes read: the items the key condition selects, before the filter. */
    long readBytes() {
      long bytes = 0;
      for (Item item : read) {
        bytes += item.sizeInBytes();
      }
      return bytes;
    }
  }

  /** What an incremental export reads and what it writes of it. */
  record ChangeSelection(List<ItemChange> read, List<ItemChange> written) {
    /** The bytes read: both images of every change the key condition selects. */
    long readBytes() {
      long bytes = 0;
      for (ItemChange change : read) {
        bytes += change.oldImage().map(Item::sizeInBytes).orElse(0)
            + change.newImage().map(Item::sizeInBytes).orElse(0);
      }
      return bytes;
    }
  }

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
  static Selection select(DynamoDbState state, String tableName, Instant at, ExportFilter spec) {
    if (spec == null) {
      List<Item> items = state.backups().itemsAt(tableName, at);
      return new Selection(items, items);
    }
    ConditionSupport.checkKeyPaths(spec.projection(), () -> state.tableDefinition(tableName));
    List<Item> read;
    if (spec.keyCondition() == null) {
      read = state.backups().itemsAt(tableName, at);
    } else {
      read = state.backups().itemsAt(tableName, at, keyCondition(state, tableName, spec),
          spec.filter());
    }
    ConditionSupport.checkKeyPaths(spec.filter(), () -> state.tableDefinition(tableName));
    List<Item> written = new ArrayList<>(read.size());
    for (Item item : read) {
      if (spec.filter() == null || spec.filter().matches(item)) {
        written.add(spec.projection() == null ? item : spec.projection().apply(item));
      }
    }
    return new Selection(read, written);
  }

  /** The request's key condition, resolved against the table's key schema. */
  private static KeyCondition keyCondition(DynamoDbState state, String tableName,
      ExportFilter spec) {
    KeySchema schema = state.keySchema(tableName);
    Set<String> keyNames = new HashSet<>();
    schema.attributes().forEach(attribute -> keyNames.add(attribute.name()));
    return spec.keyCondition().resolve(keyNames, schema.size());
  }

  /**
   * The changes of {@code tableName} in the window that an incremental export reads and writes,
   * with the checks of {@link #select} first. As the developer guide has it, the filter is held
   * against each change's latest image (the old one for a deleted item); the projection applies
   * to both images, the keys are written whole.
   *
   * @param spec the request's filter, or null for every change
   */
  static ChangeSelection selectChanges(DynamoDbState state, String tableName,
      TableExport.Window window, ExportFilter spec) {
    if (spec == null) {
      List<ItemChange> changes =
          state.backups().changesBetween(tableName, window.fromTime(), window.toTime());
      return new ChangeSelection(changes, changes);
    }
    ConditionSupport.checkKeyPaths(spec.projection(), () -> state.tableDefinition(tableName));
    List<ItemChange> read;
    if (spec.keyCondition() == null) {
      read = state.backups().changesBetween(tableName, window.fromTime(), window.toTime());
    } else {
      read = state.backups().changesBetween(tableName, window.fromTime(), window.toTime(),
          keyCondition(state, tableName, spec), spec.filter());
    }
    ConditionSupport.checkKeyPaths(spec.filter(), () -> state.tableDefinition(tableName));
    List<ItemChange> written = new ArrayList<>(read.size());
    for (ItemChange change : read) {
      if (spec.filter() == null || spec.filter().matches(change.latestImage())) {
        written.add(spec.projection() == null ? change : new ItemChange(change.keys(),
            change.oldImage().map(spec.projection()::apply),
            change.newImage().map(spec.projection()::apply), change.lastWrite()));
      }
    }
    return new ChangeSelection(read, written);
  }
}
