package dev.tombstone.internal.dynamodb.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.ManualClock;
import dev.tombstone.dynamodb.Backup;
import dev.tombstone.dynamodb.DynamoDbState;
import dev.tombstone.dynamodb.TableDescription;
import dev.tombstone.internal.dynamodb.TableAttachments;
import dev.tombstone.internal.dynamodb.TableSideState;
import dev.tombstone.internal.dynamodb.TableTransfers;
import dev.tombstone.s3.S3State;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;

/**
 * The emulator state the table-management fuzz target runs against, made the same way for every
 * input through the JSON protocol itself: tables {@code tab} (hash {@code id}, on demand, with
 * point-in-time recovery, TTL on {@code ttl}, a tag, a resource policy, Contributor Insights and
 * a Kinesis destination), {@code rrr} (hash {@code pk}, range {@code sk}, global index {@code gsi},
 * local index {@code lsi}, a stream, point-in-time recovery and a backup) and {@code prv}
 * (provisioned at 5 and 5, global index {@code pgsi}), each with an item; and a bucket
 * {@code bucket} holding DynamoDB JSON under {@code json/} and CSV under {@code csv/}, for
 * imports, bulk puts and exports. The clock then moves on an hour, so the recovery window is an
 * hour wide and its ends can be named.
 */
final class TableManagementState {
  static final Instant SEEDED_AT = Instant.parse("2026-01-01T00:00:00Z");
  /** Where the clock stands while the fuzzer's request runs. */
  static final Instant NOW = SEEDED_AT.plus(Duration.ofHours(1));
  static final String REGION = "us-east-1";
  static final String ACCOUNT = "000000000000";
  static final String BUCKET = "bucket";
  static final String KINESIS_STREAM = "arn:aws:kinesis:us-east-1:000000000000:stream/seeded";

  final DynamoDbState state;
  final TableAttachments attachments;
  final S3State s3;
  final TableTransfers transfers;
  final DynamoDbJsonProtocol protocol;
  /** The seeded values a plausible request names. */
  final PlausibleValues.Seeded seeded;

  TableManagementState() {
    ManualClock clock = ManualClock.startingAt(SEEDED_AT);
    state = new DynamoDbState(REGION, clock);
    attachments = new TableAttachments(clock);
    s3 = new S3State(REGION, clock);
    transfers = new TableTransfers(s3, REGION, clock);
    protocol = new DynamoDbJsonProtocol(state, attachments, transfers);
    seedTables();
    String backupArn = seed("CreateBackup", "{\"TableName\":\"rrr\",\"BackupName\":\"seeded\"}")
        .get("BackupDetails") instanceof Json.Obj details
        && details.get("BackupArn") instanceof Json.Str arn ? arn.value() : null;
    String revisionId = seed("PutResourcePolicy", "{\"ResourceArn\":\"" + tableArn("tab")
        + "\",\"Policy\":" + DynamoDbJsonFuzzTest.quote(PlausibleValues.POLICY) + "}")
        .get("RevisionId") instanceof Json.Str revision ? revision.value() : null;
    String streamArn = state.describeTable("rrr").latestStreamArn().orElseThrow();
    s3.createBucket(BUCKET);
    s3.putObject(BUCKET, "json/part-1.json",
        "{\"Item\":{\"id\":{\"S\":\"i1\"},\"pk\":{\"S\":\"i1\"},\"sk\":{\"N\":\"2\"}}}\n"
            + "{\"Item\":{\"id\":{\"S\":\"i2\"},\"n\":{\"N\":\"2\"}}}\n");
    s3.putObject(BUCKET, "csv/part-1.csv", "id,n\ni3,3\ni4,x\n");
    clock.advance(Duration.ofHours(1));
    seeded = new PlausibleValues.Seeded(backupArn, revisionId, streamArn);
  }

  static String tableArn(String table) {
    return "arn:aws:dynamodb:" + REGION + ":" + ACCOUNT + ":table/" + table;
  }

  private void seedTables() {
    seed("CreateTable", "{\"TableName\":\"tab\",\"BillingMode\":\"PAY_PER_REQUEST\","
        + "\"AttributeDefinitions\":[{\"AttributeName\":\"id\",\"AttributeType\":\"S\"}],"
        + "\"KeySchema\":[{\"AttributeName\":\"id\",\"KeyType\":\"HASH\"}],"
        + "\"Tags\":[{\"Key\":\"k\",\"Value\":\"v\"}]}");
    seed("CreateTable", "{\"TableName\":\"rrr\",\"BillingMode\":\"PAY_PER_REQUEST\","
        + "\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"},"
        + "{\"AttributeName\":\"sk\",\"AttributeType\":\"N\"},"
        + "{\"AttributeName\":\"g\",\"AttributeType\":\"S\"},"
        + "{\"AttributeName\":\"l\",\"AttributeType\":\"N\"}],"
        + "\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"},"
        + "{\"AttributeName\":\"sk\",\"KeyType\":\"RANGE\"}],"
        + "\"GlobalSecondaryIndexes\":[{\"IndexName\":\"gsi\",\"KeySchema\":[{\"AttributeName\":"
        + "\"g\",\"KeyType\":\"HASH\"}],\"Projection\":{\"ProjectionType\":\"ALL\"}}],"
        + "\"LocalSecondaryIndexes\":[{\"IndexName\":\"lsi\",\"KeySchema\":[{\"AttributeName\":"
        + "\"pk\",\"KeyType\":\"HASH\"},{\"AttributeName\":\"l\",\"KeyType\":\"RANGE\"}],"
        + "\"Projection\":{\"ProjectionType\":\"KEYS_ONLY\"}}],"
        + "\"StreamSpecification\":{\"StreamEnabled\":true,"
        + "\"StreamViewType\":\"NEW_AND_OLD_IMAGES\"}}");
    seed("CreateTable", "{\"TableName\":\"prv\",\"BillingMode\":\"PROVISIONED\","
        + "\"ProvisionedThroughput\":{\"ReadCapacityUnits\":5,\"WriteCapacityUnits\":5},"
        + "\"AttributeDefinitions\":[{\"AttributeName\":\"id\",\"AttributeType\":\"S\"},"
        + "{\"AttributeName\":\"p\",\"AttributeType\":\"S\"}],"
        + "\"KeySchema\":[{\"AttributeName\":\"id\",\"KeyType\":\"HASH\"}],"
        + "\"GlobalSecondaryIndexes\":[{\"IndexName\":\"pgsi\",\"KeySchema\":[{\"AttributeName\":"
        + "\"p\",\"KeyType\":\"HASH\"}],\"Projection\":{\"ProjectionType\":\"KEYS_ONLY\"},"
        + "\"ProvisionedThroughput\":{\"ReadCapacityUnits\":5,\"WriteCapacityUnits\":5}}]}");
    seed("PutItem", "{\"TableName\":\"tab\",\"Item\":{\"id\":{\"S\":\"a\"},\"n\":{\"N\":\"1\"},"
        + "\"l\":{\"L\":[{\"S\":\"x\"}]},\"m\":{\"M\":{\"k\":{\"BOOL\":true}}},"
        + "\"ttl\":{\"N\":\"1767229200\"}}}");
    seed("PutItem", "{\"TableName\":\"rrr\",\"Item\":{\"pk\":{\"S\":\"p\"},\"sk\":{\"N\":\"1\"},"
        + "\"g\":{\"S\":\"x\"},\"l\":{\"N\":\"7\"}}}");
    seed("PutItem", "{\"TableName\":\"prv\",\"Item\":{\"id\":{\"S\":\"a\"},\"p\":{\"S\":\"q\"}}}");
    for (String table : List.of("tab", "rrr")) {
      seed("UpdateContinuousBackups", "{\"TableName\":\"" + table + "\","
          + "\"PointInTimeRecoverySpecification\":{\"PointInTimeRecoveryEnabled\":true}}");
    }
    seed("UpdateTimeToLive", "{\"TableName\":\"tab\",\"TimeToLiveSpecification\":"
        + "{\"Enabled\":true,\"AttributeName\":\"ttl\"}}");
    seed("UpdateContributorInsights",
        "{\"TableName\":\"tab\",\"ContributorInsightsAction\":\"ENABLE\"}");
    seed("EnableKinesisStreamingDestination",
        "{\"TableName\":\"tab\",\"StreamArn\":\"" + KINESIS_STREAM + "\"}");
  }

  private Json.Obj seed(String operation, String body) {
    JsonResponse response = protocol.handle(DynamoDbJsonProtocol.PREFIX_2012 + operation,
        body.getBytes(StandardCharsets.UTF_8));
    String answer = new String(response.body(), StandardCharsets.UTF_8);
    assertThat(response.status()).as("seeding %s %s -> %s", operation, body, answer)
        .isEqualTo(200);
    try {
      return (Json.Obj) Json.parse(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Everything a table-management request may change, as text: per table its description,
   * throughput change dates, items, TTL, tags, point-in-time recovery and what the attachments
   * keep for it (policies, Contributor Insights, encryption, on-demand limits, Kinesis
   * destinations, vector indexes); the backups, streams, exports, imports and bulk operations;
   * and the bucket's keys.
   */
  String snapshot() {
    StringBuilder out = new StringBuilder();
    for (String table : state.tableNames()) {
      TableDescription description = state.describeTable(table);
      out.append(table).append(description)
          .append(ThroughputChangeDates.of(attachments, description))
          .append(state.items(table))
          .append(state.describeTimeToLive(table))
          .append(state.listTagsOfResource(description.arn()))
          .append(state.backups().describeContinuousBackups(table));
      for (TableSideState<?> side : List.of(attachments.policies(), attachments.insights(),
          attachments.encryption(), attachments.onDemand(), attachments.kinesis(),
          attachments.vectors(), attachments.throughputChanges())) {
        out.append(side.all(table, description.tableId()));
      }
      out.append('\n');
    }
    out.append(state.backups().listBackups(null, null, null, EnumSet.allOf(Backup.Type.class)))
        .append(state.listStreams(null))
        .append(transfers.exports().all())
        .append(transfers.imports().all())
        .append(transfers.bulkOperations().all());
    for (String bucket : s3.bucketNames()) {
      out.append(bucket).append(s3.keys(bucket));
    }
    return out.toString();
  }
}
