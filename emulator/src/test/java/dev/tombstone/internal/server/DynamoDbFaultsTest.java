package dev.tombstone.internal.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.internal.server.RequestFacts.Target;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the fault layer reads from DynamoDB request bodies. */
class DynamoDbFaultsTest {
  private static final String ARN = "arn:aws:dynamodb:us-east-1:000000000000:table/users";
  private static final PartitionKeys API_2012 = PartitionKeys.forTarget(
      "DynamoDB_20120810.PutItem", t -> t.equals("users") ? Optional.of("UserId") : Optional.empty());
  private static final PartitionKeys API_2011 = PartitionKeys.forTarget(
      "DynamoDB_20111205.PutItem", t -> t.equals("users") ? Optional.of("UserId") : Optional.empty());

  private static RequestFacts facts(String operation, String json, PartitionKeys keys)
      throws Exception {
    return DynamoDbFaults.facts(operation,
        JsonTree.parse(json.getBytes(StandardCharsets.UTF_8)), keys);
  }

  @Test
  void tableArns_becomeTheTableName_inItemBatchAndTransactRequests() throws Exception {
    String key = "{\"UserId\":{\"S\":\"u1\"}}";

    RequestFacts put = facts("PutItem", "{\"TableName\":\"" + ARN + "\",\"Item\":" + key + "}",
        API_2012);
    RequestFacts batchWrite = facts("BatchWriteItem", "{\"RequestItems\":{\"" + ARN
        + "\":[{\"DeleteRequest\":{\"Key\":" + key + "}}]}}", API_2012);
    RequestFacts batchGet = facts("BatchGetItem", "{\"RequestItems\":{\"" + ARN
        + "\":{\"Keys\":[" + key + "]}}}", API_2012);
    RequestFacts transact = facts("TransactWriteItems", "{\"TransactItems\":[{\"Delete\":"
        + "{\"TableName\":\"" + ARN + "\",\"Key\":" + key + "}}]}", API_2012);

    assertThat(put.targets()).containsExactly(new Target("users", "u1"));
    assertThat(batchWrite.targets()).containsExactly(new Target("users", "u1"));
    assertThat(batchGet.targets()).containsExactly(new Target("users", "u1"));
    assertThat(transact.targets()).containsExactly(new Target("users", "u1"));
  }

  @Test
  void api2011_keysNameTheHashKeyElement_itemsTheAttribute() throws Exception {
    String key = "{\"HashKeyElement\":{\"S\":\"u1\"},\"RangeKeyElement\":{\"N\":\"7\"}}";

    RequestFacts delete = facts("DeleteItem", "{\"TableName\":\"users\",\"Key\":" + key + "}",
        API_2011);
    RequestFacts put = facts("PutItem",
        "{\"TableName\":\"users\",\"Item\":{\"UserId\":{\"S\":\"u2\"}}}", API_2011);
    RequestFacts batchGet = facts("BatchGetItem",
        "{\"RequestItems\":{\"users\":{\"Keys\":[" + key + "]}}}", API_2011);

    assertThat(delete.targets()).containsExactly(new Target("users", "u1"));
    assertThat(put.targets()).containsExactly(new Target("users", "u2"));
    assertThat(batchGet.targets()).containsExactly(new Target("users", "u1"));
  }

  @Test
  void numberKeys_areMarkedAsNumbers_inBothApis() throws Exception {
    RequestFacts api2012 = facts("DeleteItem",
        "{\"TableName\":\"users\",\"Key\":{\"UserId\":{\"N\":\"42.0\"}}}", API_2012);
    RequestFacts api2011 = facts("DeleteItem",
        "{\"TableName\":\"users\",\"Key\":{\"HashKeyElement\":{\"N\":\"42.0\"}}}", API_2011);
    RequestFacts text = facts("DeleteItem",
        "{\"TableName\":\"users\",\"Key\":{\"UserId\":{\"S\":\"42.0\"}}}", API_2012);

    assertThat(api2012.targets()).containsExactly(new Target("users", "42.0", true));
    assertThat(api2011.targets()).containsExactly(new Target("users", "42.0", true));
    assertThat(text.targets()).containsExactly(new Target("users", "42.0", false));
  }

  @Test
  void api2012_keyNamedHashKeyElement_isNotThePartitionKey() throws Exception {
    RequestFacts delete = facts("DeleteItem", "{\"TableName\":\"users\",\"Key\":"
        + "{\"HashKeyElement\":{\"S\":\"u1\"}}}", API_2012);

    assertThat(delete.targets()).containsExactly(new Target("users", null));
  }

  @Test
  void tablesNamedOutsideTableName_areTargets_byArnOrByName() throws Exception {
    RequestFacts export = facts("ExportTableToPointInTime",
        "{\"TableArn\":\"" + ARN + "\",\"S3Bucket\":\"b\"}", API_2012);
    RequestFacts tag = facts("TagResource", "{\"ResourceArn\":\"" + ARN + "\",\"Tags\":[]}",
        API_2012);
    RequestFacts backup = facts("DescribeBackup",
        "{\"BackupArn\":\"" + ARN + "/backup/01767225600000-76187c1d\"}", API_2012);
    RequestFacts restore = facts("RestoreTableToPointInTime",
        "{\"SourceTableName\":\"users\",\"TargetTableName\":\"copy\"}", API_2012);
    RequestFacts imported = facts("ImportTable",
        "{\"TableCreationParameters\":{\"TableName\":\"users\"}}", API_2012);
    RequestFacts bulk = facts("DescribeBulkOperation",
        "{\"BulkOperationArn\":\"" + ARN + "/bulk-operation/01767225600000-76187c1d\"}",
        API_2012);
    RequestFacts global = facts("DescribeGlobalTable", "{\"GlobalTableName\":\"users\"}",
        API_2012);

    assertThat(export.targets()).containsExactly(new Target("users", null));
    assertThat(tag.targets()).containsExactly(new Target("users", null));
    assertThat(backup.targets()).containsExactly(new Target("users", null));
    assertThat(restore.targets())
        .containsExactly(new Target("users", null), new Target("copy", null));
    assertThat(imported.targets()).containsExactly(new Target("users", null));
    assertThat(bulk.targets()).containsExactly(new Target("users", null));
    assertThat(global.targets()).containsExactly(new Target("users", null));
  }

  @Test
  void tableOfArn_isTheSegmentAfterTable_andNullForOtherText() {
    assertThat(DynamoDbTableMembers.tableOfArn(ARN)).isEqualTo("users");
    assertThat(DynamoDbTableMembers.tableOfArn(ARN + "/stream/2026-01-01T00:00:00.000"))
        .isEqualTo("users");
    assertThat(DynamoDbTableMembers.tableOfArn(ARN + "/index/byName")).isEqualTo("users");
    assertThat(DynamoDbTableMembers.tableOfArn("users")).isNull();
    assertThat(DynamoDbTableMembers.tableOfArn("arn:aws:s3:::bucket")).isNull();
    assertThat(DynamoDbTableMembers.tableOfArn("arn:aws:dynamodb:us-east-1:0:table/")).isNull();
  }
}
