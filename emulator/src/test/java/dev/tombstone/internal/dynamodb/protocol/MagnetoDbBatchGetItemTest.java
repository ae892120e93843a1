package dev.tombstone.internal.dynamodb.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.Tombstone;
import dev.tombstone.testing.RunningTombstone;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** MagnetoDB's batch_get_item ({@code /v1/data/{project}/batch_get_item}) over raw HTTP. */
class MagnetoDbBatchGetItemTest {
  static final String BATCH = "/v1/data/p1/batch_get_item";
  static final String SAMPLE = """
      {
          "request_items": {
              "Forum": {
                  "keys": [
                      {
                          "Name": {
                              "S": "MagnetoDB"
                          },
                          "Category": {
                              "S": "OpenStack KVaaS"
                          }
                      },
                      {
                          "Name": {
                              "S": "Nova"
                          },
                          "Category": {
                              "S": "OpenStack Core"
                          }
                      }
                  ]
              },
              "Thread": {
                  "keys": [
                      {
                          "Name": {
                              "S": "MagnetoDB"
                          },
                          "Category": {
                              "S": "OpenStack KVaaS"
                          }
                      },
                      {
                          "Name": {
                              "S": "Nova"
                          },
                          "Category": {
                              "S": "OpenStack Core"
                          }
                      }
                  ]
              }
          }
      }""";

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  final Tombstone tombstone = server.tombstone();
  final MagnetoDbWire wire = new MagnetoDbWire(server.tombstone().endpoint());

  /** The sample's tables in project p1, both keyed by Name and Category; only Forum has rows. */
  @BeforeEach
  void fixture() {
    for (String table : new String[] {"Forum", "Thread"}) {
      wire.createTable("p1", "{\"table_name\":\""
          + table + "\",\"attribute_definitions\":[{\"attribute_name\":\"Name\","
          + "\"attribute_type\":\"S\"},{\"attribute_name\":\"Category\",\"attribute_type\":"
          + "\"S\"}],\"key_schema\":[{\"attribute_name\":\"Name\",\"key_type\":\"HASH\"},"
          + "{\"attribute_name\":\"Category\",\"key_type\":\"RANGE\"}]}");
    }
    put("{\"Name\":{\"S\":\"MagnetoDB\"},\"Category\":{\"S\":\"OpenStack KVaaS\"},"
        + "\"Threads\":{\"N\":\"2\"}}");
    put("{\"Name\":{\"S\":\"Nova\"},\"Category\":{\"S\":\"OpenStack Core\"},"
        + "\"Threads\":{\"N\":\"9\"}}");
  }

  private void put(String item) {
    assertThat(wire.post("/v1/data/p1/tables/Forum/put_item", "{\"item\":" + item + "}")
        .status()).isEqualTo(200);
  }

  @Test
  void documentedSample_answersItemsPerTable_andLeavesTablesWithoutItemsOut() {
    MagnetoDbWire.Response response = wire.post(BATCH, SAMPLE);

    assertThat(response.status()).as(response.body()).isEqualTo(200);
    assertThat(response.json()).isEqualTo(JsonTrees.parse("{\"responses\":{\"Forum\":["
        + "{\"Name\":{\"S\":\"MagnetoDB\"},\"Category\":{\"S\":\"OpenStack KVaaS\"},"
        + "\"Threads\":{\"N\":\"2\"}},{\"Name\":{\"S\":\"Nova\"},\"Category\":{\"S\":"
        + "\"OpenStack Core\"},\"Threads\":{\"N\":\"9\"}}]},\"unprocessed_keys\":{}}"));
  }

  @Test
  void attributesToGetAndConsistentRead_applyPerTable() {
    MagnetoDbWire.Response response = wire.post(BATCH, "{\"request_items\":{\"Forum\":"
        + "{\"keys\":[{\"Name\":{\"S\":\"Nova\"},\"Category\":{\"S\":\"OpenStack Core\"}}],"
        + "\"attributes_to_get\":[\"Threads\"],\"consistent_read\":true}}}");

    assertThat(response.json()).isEqualTo(JsonTrees.parse("{\"responses\":{\"Forum\":"
        + "[{\"Threads\":{\"N\":\"9\"}}]},\"unprocessed_keys\":{}}"));
  }

  @Test
  void tableMissingFromTheProject_isTableNotExists() {
    MagnetoDbWire.Response otherProject = wire.post("/v1/data/p2/batch_get_item", SAMPLE);
    MagnetoDbWire.Response missingTable = wire.post(BATCH, "{\"request_items\":{\"Post\":"
        + "{\"keys\":[{\"Name\":{\"S\":\"x\"}}]}}}");

    assertThat(otherProject.status()).isEqualTo(404);
    assertThat(otherProject.errorType()).isEqualTo("TableNotExistsException");
    assertThat(otherProject.errorMessage()).isEqualTo("Table 'Forum' does not exist");
    assertThat(missingTable.errorMessage()).isEqualTo("Table 'Post' does not exist");
  }

  @Test
  void badRequests_areValidationErrors() {
    MagnetoDbWire.Response noItems = wire.post(BATCH, "{}");
    MagnetoDbWire.Response keysNotAList = wire.post(BATCH,
        "{\"request_items\":{\"Forum\":{\"keys\":{}}}}");
    MagnetoDbWire.Response extra = wire.post(BATCH,
        "{\"request_items\":{\"Forum\":{\"keys\":[],\"select\":\"COUNT\"}}}");
    MagnetoDbWire.Response wrongKey = wire.post(BATCH,
        "{\"request_items\":{\"Forum\":{\"keys\":[{\"Name\":{\"S\":\"Nova\"}}]}}}");
    MagnetoDbWire.Response badName = wire.post(BATCH,
        "{\"request_items\":{\"F!\":{\"keys\":[]}}}");

    assertThat(noItems.errorMessage())
        .isEqualTo("Required property 'request_items' wasn't found or it's value is null");
    assertThat(keysNotAList.errorMessage())
        .isEqualTo("Wrong 'keys' type. Array is expected, but {} found");
    assertThat(extra.errorMessage())
        .isEqualTo("Unexpected properties were found for 'Forum': {\"select\": \"COUNT\"}");
    assertThat(wrongKey.errorMessage())
        .isEqualTo("The provided key element does not match the schema");
    assertThat(badName.errorMessage()).isEqualTo("Wrong table name 'F!' found");
    assertThat(new MagnetoDbWire.Response[] {noItems, keysNotAList, extra, wrongKey, badName})
        .allSatisfy(r -> assertThat(r.status()).isEqualTo(400));
  }

  @Test
  void otherMethods_areNotAllowed() {
    MagnetoDbWire.Response response = wire.get(BATCH);

    assertThat(response.status()).isEqualTo(405);
    assertThat(response.errorType()).isEqualTo("MethodNotAllowed");
  }
}
