package dev.tombstone.internal.dynamodb.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tombstone.testing.FuzzTime;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Fuzzes the operations that create, change and delete tables and what hangs off them with
 * well-formed JSON whose members are the SDK model's ({@link RequestShapes}) and whose values are
 * mostly plausible for a seeded state ({@link TableManagementState}): random bytes rarely get
 * past the first checks of these operations, a structured body reaches their deep ones.
 * Invariants: no 500, bounded time, and a refused request changes nothing the snapshot covers.
 * {@code mvn verify} replays the committed inputs; {@code -Pfuzz} searches for new ones.
 */
class TableManagementFuzzTest {
  /** Every API 2012-08-10 operation that changes a table or something of it. */
  static final List<String> OPERATIONS = List.of(
      "UpdateTable", "CreateTable", "DeleteTable", "ExportTableToPointInTime",
      "RestoreTableToPointInTime", "RestoreTableFromBackup", "CreateBackup", "DeleteBackup",
      "UpdateContinuousBackups", "UpdateTimeToLive", "ImportTable", "UpdateContributorInsights",
      "EnableKinesisStreamingDestination", "DisableKinesisStreamingDestination",
      "UpdateKinesisStreamingDestination", "CreateGlobalTable", "UpdateGlobalTable",
      "UpdateGlobalTableSettings", "UpdateTableReplicaAutoScaling", "PutResourcePolicy",
      "DeleteResourcePolicy", "TagResource", "UntagResource", "StartBulkPutItems");

  @FuzzTest(maxDuration = "1m")
  @DictionaryFile(resourcePath = "table-management.dict")
  void tableManagement(FuzzedDataProvider data) {
    String operation = data.pickValue(OPERATIONS);
    TableManagementState seeded = new TableManagementState();
    String body = FuzzedBodies.write(data, new PlausibleValues(seeded.seeded),
        RequestShapes.requestClass(operation));
    check(seeded, operation, body);
  }

  static void check(TableManagementState seeded, String operation, String body) {
    String before = seeded.snapshot();

    JsonResponse response;
    try {
      response = FuzzTime.bounded(() -> seeded.protocol.handle(
          DynamoDbJsonProtocol.PREFIX_2012 + operation, body.getBytes(StandardCharsets.UTF_8)));
    } catch (AssertionError slow) {
      throw new AssertionError(operation + " " + shortened(body), slow);
    }

    assertThat(response.status())
        .as("%s %s -> %s", operation, body, new String(response.body(), StandardCharsets.UTF_8))
        .isIn(200, 400, 413);
    if (response.status() != 200) {
      assertThat(seeded.snapshot()).as("state after a refused %s %s -> %s", operation, body,
              new String(response.body(), StandardCharsets.UTF_8))
          .isEqualTo(before);
    }
  }

  private static String shortened(String body) {
    return body.length() <= 2_000 ? body
        : body.substring(0, 2_000) + "... (" + body.length() + " characters)";
  }
}
