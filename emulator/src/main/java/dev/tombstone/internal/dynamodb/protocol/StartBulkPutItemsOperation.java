package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.DynamoDbError;
import dev.tombstone.dynamodb.DynamoDbState;
import dev.tombstone.internal.TableNames;
import dev.tombstone.internal.dynamodb.BulkOperation;
import dev.tombstone.internal.dynamodb.TableTransfers;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * StartBulkPutItems: puts the items of every object under a prefix of a bucket of this
 * emulator's S3 into an existing table, before it answers, so the answer describes a finished
 * operation (COMPLETED, COMPLETED_WITH_ERRORS or FAILED). Each item is written as a PutItem
 * writes it, under its document's condition if it carries one ({@link BulkPutConditions}); one
 * that fails its checks is counted and, with {@code ERROR} output, reported to the output
 * location, one its condition refuses is reported with {@code CONDITION_CHECK_FAILURE} output
 * ({@link BulkPutReports}).
 */
final class StartBulkPutItemsOperation {
  static final String ZSTD_REFUSED =
      "InputCompressionType ZSTD is not supported by Tombstone: use GZIP or NONE";
  static final String[] OUTPUT_TYPES = {"ERROR", "CONDITION_CHECK_FAILURE"};

  private final DynamoDbState state;
  private final TableTransfers transfers;

  StartBulkPutItemsOperation(DynamoDbState state, TableTransfers transfers) {
    this.state = state;
    this.transfers = transfers;
  }

  byte[] handle(Json.Obj request) throws IOException {
    String token = Members.string(request, "ClientToken");
    String table = Members.string(request, "TableName");
    Json.Obj input = Members.structure(request, "InputS3Configuration");
    Json.Obj output = Members.structure(request, "OutputS3Configuration");
    Long maxUnits = Members.longValue(request, "MaxWriteRequestUnits");
    String tier = Members.string(request, "PerformanceTier");

    Constraints constraints = new Constraints();
    ExportTableToPointInTimeOperation.pattern(constraints, "clientToken", token,
        ExportTableToPointInTimeOperation.TOKEN_PATTERN);
    constraints.notNull("inputS3Configuration", input);
    BulkOperation.Input in = input == null ? null : input(input, constraints);
    constraints.notNull("outputS3Configuration", output);
    BulkOperation.Output out = output == null ? null : output(output, constraints);
    constraints.atLeast("maxWriteRequestUnits", maxUnits, 1L);
    constraints.oneOf("performanceTier", tier, "STANDARD", "ACCELERATED");
    constraints.notNull("tableName", table);
    constraints.lengthBetween("tableName", table, 1, 1024);
    constraints.check();
    if (in.compression().filter("ZSTD"::equals).isPresent()) {
      throw new DynamoDbError.Validation(ZSTD_REFUSED);
    }

    BulkOperation.Request asked = new BulkOperation.Request(table, in, out,
        Optional.ofNullable(maxUnits), Optional.ofNullable(tier));
    BulkPutRun run = new BulkPutRun(state, transfers);
    return transfers.bulkOperations().serialized(() -> BulkOperationDescriptions.answer(
        run.start(TableNames.fromNameOrArn(table), token, asked)));
  }

  private static BulkOperation.Input input(Json.Obj input, Constraints constraints) {
    String bucket = Members.string(input, "S3Bucket");
    String prefix = Members.string(input, "S3KeyPrefix");
    String owner = Members.string(input, "S3BucketOwner");
    String format = Members.string(input, "InputFormat");
    String compression = Members.string(input, "InputCompressionType");
    bucket(constraints, "inputS3Configuration.", bucket, prefix, owner);
    constraints.notNull("inputS3Configuration.inputFormat", format);
    constraints.oneOf("inputS3Configuration.inputFormat", format, "DYNAMODB_JSON", "ION");
    constraints.oneOf("inputS3Configuration.inputCompressionType", compression,
        "GZIP", "ZSTD", "NONE");
    return new BulkOperation.Input(bucket, Optional.ofNullable(prefix),
        Optional.ofNullable(owner), format, Optional.ofNullable(compression));
  }

  private static BulkOperation.Output output(Json.Obj output, Constraints constraints) {
    String bucket = Members.string(output, "S3Bucket");
    String prefix = Members.string(output, "S3KeyPrefix");
    String owner = Members.string(output, "S3BucketOwner");
    String sse = Members.string(output, "S3SseAlgorithm");
    String kmsKey = Members.string(output, "S3SseKmsKeyId");
    List<String> types = Members.stringList(output, "OutputType");
    bucket(constraints, "outputS3Configuration.", bucket, prefix, owner);
    constraints.oneOf("outputS3Configuration.s3SseAlgorithm", sse, "AES256", "KMS");
    constraints.lengthBetween("outputS3Configuration.s3SseKmsKeyId", kmsKey, 1, 2048);
    constraints.notNull("outputS3Configuration.outputType", types);
    if (types != null) {
      for (String type : types) {
        constraints.oneOf("outputS3Configuration.outputType.member", type, OUTPUT_TYPES);
      }
    }
    return new BulkOperation.Output(bucket, Optional.ofNullable(prefix),
        Optional.ofNullable(owner), Optional.ofNullable(sse), Optional.ofNullable(kmsKey),
        types == null ? List.of() : types);
  }

  private static void bucket(Constraints constraints, String path, String bucket, String prefix,
      String owner) {
    constraints.notNull(path + "s3Bucket", bucket);
    constraints.lengthBetween(path + "s3Bucket", bucket, 0, 255);
    ExportTableToPointInTimeOperation.pattern(constraints, path + "s3Bucket", bucket,
        ExportTableToPointInTimeOperation.BUCKET_PATTERN);
    constraints.lengthBetween(path + "s3KeyPrefix", prefix, 0, 1024);
    ExportTableToPointInTimeOperation.pattern(constraints, path + "s3BucketOwner", owner,
        ExportTableToPointInTimeOperation.OWNER_PATTERN);
  }
}
