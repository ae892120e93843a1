package dev.tombstone.internal.dynamodb.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.Tombstone;
import dev.tombstone.testing.RunningTombstone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One store, three dialects: the 2012 and 2011 APIs and MagnetoDB's default project share one
 * namespace; every other MagnetoDB project has its own.
 */
class OneStoreTest {
  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  final Tombstone tombstone = server.tombstone();
  final Wire dynamo = new Wire(server.tombstone().endpoint());
  final MagnetoDbWire magneto = new MagnetoDbWire(server.tombstone().endpoint());

  @Test
  void tableOf2012_isDeletedFrom2011_andReadThroughMagnetoDbDefaultProject() {
    assertThat(dynamo.post("DynamoDB_20120810.CreateTable", "{\"TableName\":\"orders\","
        + "\"AttributeDefinitions\":[{\"AttributeName\":\"id\",\"AttributeType\":\"S\"}],"
        + "\"KeySchema\":[{\"AttributeName\":\"id\",\"KeyType\":\"HASH\"}],"
        + "\"BillingMode\":\"PAY_PER_REQUEST\"}").status()).isEqualTo(200);
    for (String id : new String[] {"o-1", "o-2"}) {
      dynamo.post("DynamoDB_20120810.PutItem",
          "{\"TableName\":\"orders\",\"Item\":{\"id\":{\"S\":\"" + id + "\"}}}");
    }

    Wire.Response deleted = dynamo.post("DynamoDB_20111205.DeleteItem", "{\"TableName\":"
        + "\"orders\",\"Key\":{\"HashKeyElement\":{\"S\":\"o-1\"}},\"ReturnValues\":\"ALL_OLD\"}");
    MagnetoDbWire.Response gone = magneto.post("/v1/data/default_tenant/tables/orders/get_item",
        "{\"key\":{\"id\":{\"S\":\"o-1\"}}}");
    MagnetoDbWire.Response kept = magneto.post("/v1/data/default_tenant/tables/orders/get_item",
        "{\"key\":{\"id\":{\"S\":\"o-2\"}}}");

    assertThat(deleted.body())
        .isEqualTo("{\"Attributes\":{\"id\":{\"S\":\"o-1\"}},\"ConsumedCapacityUnits\":1}");
    assertThat(gone.status()).isEqualTo(200);
    assertThat(gone.body()).isEqualTo("{}");
    assertThat(kept.body()).isEqualTo("{\"item\":{\"id\":{\"S\":\"o-2\"}}}");
  }

  @Test
  void tableOfProjectP1_isInvisibleToP2_andToTheDynamoDbApis() {
    MagnetoDbVectorsTest.createThread(magneto, "p1");

    MagnetoDbWire.Response p2 = magneto.get("/v1/data/p2/tables/Thread");
    MagnetoDbWire.Response p2List = magneto.get("/v1/data/p2/tables");
    Wire.Response describe2012 =
        dynamo.post("DynamoDB_20120810.DescribeTable", "{\"TableName\":\"Thread\"}");
    Wire.Response list2012 = dynamo.post("DynamoDB_20120810.ListTables", "{}");

    assertThat(p2.status()).isEqualTo(404);
    assertThat(p2.errorType()).isEqualTo("TableNotExistsException");
    assertThat(p2List.body()).isEqualTo("{\"tables\":[]}");
    assertThat(ErrorBody.parse(describe2012.body()).type())
        .isEqualTo(DynamoDbApiVectorsTest.RNF);
    assertThat(list2012.body()).isEqualTo("{\"TableNames\":[]}");
    assertThat(tombstone.dynamoDb().hasTable("Thread")).isFalse();
  }

  @Test
  void sameTableNameInTwoProjects_areTwoTables() {
    MagnetoDbVectorsTest.createThread(magneto, "p1");
    MagnetoDbVectorsTest.createThread(magneto, "p2");

    magneto.post(MagnetoDbVectorsTest.THREAD_P1 + "/delete_item",
        "{" + MagnetoDbVectorsTest.KEY + "}");

    assertThat(magneto.post("/v1/data/p2/tables/Thread/get_item",
        "{" + MagnetoDbVectorsTest.KEY + "}").json().has("item")).isTrue();
  }

  @Test
  void reset_dropsEveryNamespace() {
    MagnetoDbVectorsTest.createThread(magneto, "p1");

    tombstone.reset();

    assertThat(magneto.get("/v1/data/p1/tables").body()).isEqualTo("{\"tables\":[]}");
    assertThat(magneto.get(MagnetoDbVectorsTest.THREAD_P1).status()).isEqualTo(404);
  }
}
