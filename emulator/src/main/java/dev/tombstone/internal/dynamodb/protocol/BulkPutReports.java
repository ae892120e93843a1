package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.Item;
import dev.tombstone.internal.dynamodb.BulkOperation;
import dev.tombstone.internal.dynamodb.TableTransfers;
import java.io.ByteArrayOutputStream;

/**
 * The reports of the items a bulk put did not write, Tombstone's layout (DynamoDB's is not
 * documented precisely enough to copy): with {@code ERROR} among the output types and at least
 * one failed item, one object {@code <prefix>/AWSDynamoDB/bulk-operation/<id>/ERROR.json} of JSON
 * lines {@code {"SourceObject":key,"SourceRecord":n,"ErrorCode":...,"ErrorMessage":...,
 * "Item":{...}}} (n counts from 1 within its object; Item when the record formed one); with
 * {@code CONDITION_CHECK_FAILURE} and at least one item whose condition failed,
 * {@code CONDITION_CHECK_FAILURE.json} beside it, of the same lines with PutItem's error
 * ({@code ConditionalCheckFailedException}, {@code The conditional request failed}) and, when an
 * item was stored under the key, {@code "ExistingItem":{...}} after the attempted {@code Item}
 * (the API reference: the report holds "the attempted item and, when present, the existing
 * item"; the member's name is Tombstone's).
 */
final class BulkPutReports {
  static final String FOLDER = "AWSDynamoDB/bulk-operation/";

  static final String ERROR = "ERROR";
  static final String CONDITION_CHECK_FAILURE = "CONDITION_CHECK_FAILURE";

  private final BulkOperation.Output output;
  private final ByteArrayOutputStream errors = new ByteArrayOutputStream();
  private final ByteArrayOutputStream conditionFailures = new ByteArrayOutputStream();

  BulkPutReports(BulkOperation.Output output) {
    this.output = output;
  }

  /** An input not written because of a parsing or validation error. */
  void rejected(String object, long record, String code, String message, Item item) {
    if (output.outputTypes().contains(ERROR)) {
      line(errors, object, record, code, message, item, null);
    }
  }

  /**
   * An item not written because its condition did not hold.
   *
   * @param existing the item stored under its key, or null when there was none
   */
  void conditionFailed(String object, long record, String code, String message, Item item,
      Item existing) {
    if (output.outputTypes().contains(CONDITION_CHECK_FAILURE)) {
      line(conditionFailures, object, record, code, message, item, existing);
    }
  }

  private static void line(ByteArrayOutputStream lines, String object, long record, String code,
      String message, Item item, Item existing) {
    JsonOut out = new JsonOut();
    out.json().writeStartObject();
    out.json().writeStringField("SourceObject", object);
    out.json().writeNumberField("SourceRecord", record);
    out.json().writeStringField("ErrorCode", code);
    out.json().writeStringField("ErrorMessage", message);
    if (item != null) {
      out.item("Item", item);
    }
    if (existing != null) {
      out.item("ExistingItem", existing);
    }
    out.json().writeEndObject();
    lines.writeBytes(out.finish());
    lines.write('\n');
  }

  /** Writes each report that has anything to report under the operation's folder. */
  void write(TableTransfers s3, String id) {
    String folder = output.keyPrefix().filter(p -> !p.isEmpty())
        .map(p -> p.endsWith("/") ? p : p + "/").orElse("") + FOLDER + id + "/";
    if (errors.size() > 0) {
      s3.put(output.bucket(), folder + ERROR + ".json", errors.toByteArray());
    }
    if (conditionFailures.size() > 0) {
      s3.put(output.bucket(), folder + CONDITION_CHECK_FAILURE + ".json",
          conditionFailures.toByteArray());
    }
  }
}
