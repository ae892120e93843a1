package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.Item;
import dev.tombstone.internal.dynamodb.BulkOperation;
import dev.tombstone.internal.dynamodb.TableTransfers;
import java.io.ByteArrayOutputStream;

/**
 * The report of the items a bulk put did not write, Tombstone's layout (DynamoDB's is not
 * documented precisely enough to copy): with {@code ERROR} among the output types and at least
 * one failed item, one object {@code <prefix>/AWSDynamoDB/bulk-operation/<id>/ERROR.json} of JSON
 * lines {@code {"SourceObject":key,"SourceRecord":n,"ErrorCode":...,"ErrorMessage":...,
 * "Item":{...}}} (n counts from 1 within its object; Item when the record formed one).
 */
final class BulkPutReports {
  static final String FOLDER = "AWSDynamoDB/bulk-operation/";

  private final BulkOperation.Output output;
  private final boolean errors;
  private final ByteArrayOutputStream lines = new ByteArrayOutputStream();

  BulkPutReports(BulkOperation.Output output) {
    this.output = output;
    this.errors = output.outputTypes().contains("ERROR");
  }

  void rejected(String object, long record, String code, String message, Item item) {
    if (!errors) {
      return;
    }
    JsonOut out = new JsonOut();
    out.json().writeStartObject();
    out.json().writeStringField("SourceObject", object);
    out.json().writeNumberField("SourceRecord", record);
    out.json().writeStringField("ErrorCode", code);
    out.json().writeStringField("ErrorMessage", message);
    if (item != null) {
      out.item("Item", item);
    }
    out.json().writeEndObject();
    lines.writeBytes(out.finish());
    lines.write('\n');
  }

  /** Writes the report, if there is anything to report, under the operation's folder. */
  void write(TableTransfers s3, String id) {
    if (lines.size() == 0) {
      return;
    }
    String prefix = output.keyPrefix().filter(p -> !p.isEmpty())
        .map(p -> p.endsWith("/") ? p : p + "/").orElse("");
    s3.put(output.bucket(), prefix + FOLDER + id + "/ERROR.json", lines.toByteArray());
  }
}
