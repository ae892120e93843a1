package dev.tombstone.internal.dynamodb.protocol;

import static dev.tombstone.internal.dynamodb.protocol.TableManagementState.KINESIS_STREAM;
import static dev.tombstone.internal.dynamodb.protocol.TableManagementState.NOW;
import static dev.tombstone.internal.dynamodb.protocol.TableManagementState.SEEDED_AT;
import static dev.tombstone.internal.dynamodb.protocol.TableManagementState.tableArn;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The values a table-management request plausibly carries, by member name, as JSON text: the
 * seeded tables, indexes, attributes, ARNs, bucket and prefixes, numbers at and beyond the ends
 * of their ranges, times inside and outside the recovery window. The first of each list is the
 * likeliest to succeed: a fuzzer out of data picks it.
 */
final class PlausibleValues {
  /** The resource policy seeded on {@code tab}. */
  static final String POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":"
      + "\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::000000000000:root\"},"
      + "\"Action\":\"dynamodb:GetItem\",\"Resource\":\"*\"}]}";

  /**
   * What seeding made that a request may name and that is only known once made.
   *
   * @param backupArn the backup of {@code rrr}
   * @param revisionId the revision of the policy on {@code tab}
   * @param streamArn the stream of {@code rrr}
   */
  record Seeded(String backupArn, String revisionId, String streamArn) {}

  private static final List<String> TABLES = List.of("tab", "rrr", "prv", "new", "new.2",
      tableArn("tab"), "missing", "ab", "bad name");
  /** The names of tables a request makes: a new one first. */
  private static final List<String> NEW_TABLES = List.of("new", "new.2", "tab", "ab",
      "bad name", "x".repeat(256));
  /** The structures whose TableName names the table they make. */
  private static final Set<String> MAKING_TABLES = Set.of("CreateTableRequest",
      "TableCreationParameters");
  private static final List<String> TABLE_ARNS = List.of(tableArn("tab"), tableArn("rrr"),
      tableArn("prv"), tableArn("missing"), "arn:aws:dynamodb:eu-west-1:000000000000:table/tab",
      "arn:aws:dynamodb:us-east-1:111111111111:table/tab", tableArn("rrr") + "/index/gsi",
      "arn:aws:s3:::bucket", "tab", "arn:aws:dynamodb:us-east-1:000000000000:table/");
  private static final Map<String, List<String>> TEXTS = Map.ofEntries(
      Map.entry("TableName", TABLES),
      Map.entry("SourceTableName", TABLES),
      Map.entry("TargetTableName", NEW_TABLES),
      Map.entry("GlobalTableName", TABLES),
      Map.entry("IndexName", List.of("gsi", "lsi", "pgsi", "new", "missing", "ab")),
      Map.entry("AttributeName", List.of("id", "pk", "sk", "g", "l", "p", "n", "ttl", "v", "")),
      Map.entry("NonKeyAttributes", List.of("n", "l", "m", "id")),
      Map.entry("HeaderList", List.of("id", "n", "pk", "sk", "a\"b")),
      Map.entry("Delimiter", List.of(",", ";", "\t", "x", ",,")),
      Map.entry("S3Bucket", List.of("bucket", "missing", "Bad_Bucket!", "b")),
      Map.entry("S3Prefix", List.of("exports", "json/", "", "a/b/")),
      Map.entry("S3KeyPrefix", List.of("json/", "csv/", "", "missing/", "json")),
      Map.entry("S3BucketOwner", List.of("000000000000", "111111111111", "abc")),
      Map.entry("S3SseKmsKeyId", List.of("alias/aws/s3", "")),
      Map.entry("KMSMasterKeyId", List.of("alias/aws/dynamodb",
          "arn:aws:kms:us-east-1:000000000000:key/1234abcd-12ab-34cd-56ef-1234567890ab",
          "arn:aws:kms:eu-west-1:000000000000:key/other", "")),
      Map.entry("ClientToken", List.of("token-1", "token-2", "$bad", "")),
      Map.entry("BackupName", List.of("nightly", "seeded", "a", "bad name!")),
      Map.entry("Policy", List.of(POLICY, POLICY.replace("GetItem", "PutItem"), "{}",
          "not json", "{\"Statement\":[]}")),
      Map.entry("ResourcePolicy", List.of(POLICY, "{}", "not json")),
      Map.entry("RegionName", List.of("us-east-1", "eu-west-1", "", "mars-1")),
      Map.entry("Key", List.of("k", "new", "aws:reserved", "")),
      Map.entry("Value", List.of("v", "", "w")),
      Map.entry("TagKeys", List.of("k", "new", "aws:reserved", "")),
      Map.entry("KeyConditionExpression", List.of("id = :v", "#k = :v", "pk = :v AND sk > :n",
          "begins_with(id, :v)", "pk = :v AND sk BETWEEN :n AND :n", "n = :n", "id = :x",
          "id = :v OR id = :v", "")),
      Map.entry("FilterExpression", List.of("n > :n", "attribute_exists(l)", "#k = :v",
          "size(l) > :n", "contains(l, :v)", "id = :v", "n >", ":v")),
      Map.entry("ProjectionExpression", List.of("id, n", "#k", "l[0]", "m.k", "n, n", "")),
      Map.entry("ExpressionAttributeNames", List.of("id", "pk", "n", "sk", "")),
      Map.entry("AutoScalingRoleArn", List.of("arn:aws:iam::000000000000:role/scaling", "")),
      Map.entry("PolicyName", List.of("scale", "")),
      Map.entry("GlobalTableSourceArn", List.of(tableArn("tab"),
          "arn:aws:dynamodb:eu-west-1:111111111111:table/tab")),
      Map.entry("S", List.of("a", "p", "x", "")),
      Map.entry("N", List.of("1", "7", "-0", "1e400", "abc", "")),
      Map.entry("SS", List.of("a", "b")),
      Map.entry("NS", List.of("1", "2", "x")));
  private static final Map<String, List<String>> NUMBERS = Map.ofEntries(
      Map.entry("ReadCapacityUnits", capacities()),
      Map.entry("WriteCapacityUnits", capacities()),
      Map.entry("ProvisionedReadCapacityUnits", capacities()),
      Map.entry("ProvisionedWriteCapacityUnits", capacities()),
      Map.entry("ReplicaProvisionedReadCapacityUnits", capacities()),
      Map.entry("GlobalTableProvisionedWriteCapacityUnits", capacities()),
      Map.entry("MinimumUnits", capacities()),
      Map.entry("MaximumUnits", capacities()),
      Map.entry("MaxReadRequestUnits", List.of("-1", "10", "1", "0", "40000", "40001", "-2")),
      Map.entry("MaxWriteRequestUnits", List.of("-1", "10", "1", "0", "40000", "40001", "-2")),
      Map.entry("ReadUnitsPerSecond", List.of("12000", "13000", "4000", "40000", "40001", "0",
          "-1")),
      Map.entry("WriteUnitsPerSecond", List.of("4000", "5000", "12000", "40000", "40001", "0",
          "-1")),
      Map.entry("RecoveryPeriodInDays", List.of("35", "1", "7", "0", "36", "-1")),
      Map.entry("ScaleInCooldown", List.of("60", "0", "-1")),
      Map.entry("ScaleOutCooldown", List.of("60", "0", "-1")),
      Map.entry("TargetValue", List.of("70", "20", "90", "19.9", "90.1", "0", "1e400")),
      Map.entry("Dimensions", List.of("3", "1", "0", "4096", "4097", "-1")));
  private static final List<String> ANY_NUMBERS = List.of("1", "0", "-1", "5", "10", "1.5",
      "1e3", "9223372036854775807", "9223372036854775808", "1e400", "-0");
  private static final List<String> ANY_TEXTS = List.of("a", "tab", "x", "");

  private final Seeded seeded;

  PlausibleValues(Seeded seeded) {
    this.seeded = seeded;
  }

  /**
   * Strings for the member (or for the elements of the list member) {@code name} of the model
   * class {@code owner}.
   */
  List<String> texts(Class<?> owner, String name) {
    if (name.equals("TableName") && MAKING_TABLES.contains(owner.getSimpleName())) {
      return NEW_TABLES;
    }
    switch (name) {
      case "TableArn", "SourceTableArn", "ResourceArn" -> {
        List<String> arns = new ArrayList<>(TABLE_ARNS);
        arns.add(2, seeded.streamArn());
        arns.add(seeded.streamArn().replace("/stream/", "/stream/2000-"));
        return arns;
      }
      case "BackupArn" -> {
        return List.of(seeded.backupArn(), seeded.backupArn() + "0",
            tableArn("rrr") + "/backup/01767225600000-00000000", "backup", tableArn("rrr"));
      }
      case "StreamArn" -> {
        return List.of(KINESIS_STREAM, "arn:aws:kinesis:us-east-1:000000000000:stream/other",
            "arn:aws:kinesis:eu-west-1:000000000000:stream/seeded",
            "arn:aws:kinesis:us-east-1:000000000000:stream/", seeded.streamArn(), "stream");
      }
      case "ExpectedRevisionId" -> {
        return List.of(seeded.revisionId(), "1", "NO_POLICY", "");
      }
      default -> {
        return TEXTS.getOrDefault(name, ANY_TEXTS);
      }
    }
  }

  /** JSON numbers for the member {@code name}. */
  static List<String> numbers(String name) {
    return NUMBERS.getOrDefault(name, ANY_NUMBERS);
  }

  /**
   * Times as epoch seconds: inside the recovery window (from {@link TableManagementState#SEEDED_AT}
   * to 5 minutes before {@link TableManagementState#NOW}), at and around its ends, in the future,
   * and far off.
   */
  static List<String> times() {
    List<String> times = new ArrayList<>();
    for (Instant at : List.of(NOW.minus(Duration.ofMinutes(30)), NOW, SEEDED_AT,
        NOW.minus(Duration.ofMinutes(5)), NOW.minus(Duration.ofMinutes(4)),
        NOW.plus(Duration.ofHours(1)), SEEDED_AT.minusSeconds(1), Instant.EPOCH)) {
      times.add(Long.toString(at.getEpochSecond()));
    }
    times.add(new BigDecimal(NOW.toEpochMilli() - 1).movePointLeft(3).toPlainString());
    times.addAll(List.of("-1", "1e12", "1e19", "1e400", "0.0001"));
    return times;
  }

  /** Keys of a map member: placeholders for the expression maps, tag-like words otherwise. */
  static List<String> mapKeys(String name) {
    return switch (name) {
      case "ExpressionAttributeNames" -> List.of("#k", "#n", "#x", "k");
      case "ExpressionAttributeValues" -> List.of(":v", ":n", ":x", "v");
      default -> List.of("id", "pk", "n", "k", "");
    };
  }

  private static List<String> capacities() {
    return List.of("5", "1", "10", "0", "-1", "40000", "40001", "9223372036854775807");
  }
}
