package dev.tombstone.internal.dynamodb.protocol;

import static dev.tombstone.dynamodb.AttributeValue.n;
import static dev.tombstone.dynamodb.AttributeValue.s;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.Tombstone;
import dev.tombstone.dynamodb.AttributeType;
import dev.tombstone.dynamodb.Item;
import dev.tombstone.dynamodb.KeyAttribute;
import dev.tombstone.dynamodb.KeySchema;
import dev.tombstone.dynamodb.TableDefinition;
import dev.tombstone.testing.RunningTombstone;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** MagnetoDB's update_item and query over raw HTTP, on a project's table and on the shared one. */
class MagnetoDbUpdateAndQueryTest {
  static final String THREAD = MagnetoDbVectorsTest.THREAD_P1;
  static final String SUBJECT_2 = "How do I update an item?";

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  final Tombstone tombstone = server.tombstone();
  final MagnetoDbWire wire = new MagnetoDbWire(server.tombstone().endpoint());

  @BeforeEach
  void fixture() {
    MagnetoDbVectorsTest.createThread(wire, "p1");
    MagnetoDbWire.Response put = wire.post(THREAD + "/put_item", "{\"item\":{\"ForumName\":"
        + "{\"S\":\"MagnetoDB\"},\"Subject\":{\"S\":\"" + SUBJECT_2 + "\"},\"Replies\":"
        + "{\"N\":\"2\"}}}");
    assertThat(put.status()).isEqualTo(200);
  }

  private Json.Obj storedThread(String subject) {
    MagnetoDbWire.Response get = wire.post(THREAD + "/get_item", "{\"key\":{\"ForumName\":"
        + "{\"S\":\"MagnetoDB\"},\"Subject\":{\"S\":\"" + subject + "\"}}}");
    return Members.structure(get.json(), "item");
  }

  @Test
  void documentedSample_putsTheNewPoster_andAllNewReturnsTheWholeItem() {
    MagnetoDbWire.Response response = wire.post(THREAD + "/update_item", """
        {
            "key": {
                "ForumName": {
                    "S": "MagnetoDB"
                },
                "Subject": {
                    "S": "How do I delete an item?"
                }
            },
            "attribute_updates": {
                "LastPostedBy": {
                    "value": {
                        "S": "me@test.com"
                    },
                    "action": "PUT"
                }
            },
            "expected": {
                "LastPostedBy": {
                    "value": {
                        "S": "fred@example.com"
                    }
                },
                 "Replies": {
                    "exists": false
                }
           },
            "return_values": "ALL_NEW"
        }""");

    assertThat(response.status()).as(response.body()).isEqualTo(200);
    assertThat(response.json()).isEqualTo(JsonTrees.parse(MagnetoDbVectorsTest.DELETED
        .replace("fred@example.com", "me@test.com")));
    assertThat(storedThread("How do I delete an item?").get("LastPostedBy"))
        .isEqualTo(JsonTrees.parse("{\"S\":\"me@test.com\"}"));
  }

  @Test
  void addAndDelete_withUpdatedNew_returnOnlyTheUpdatedAttributes() {
    MagnetoDbWire.Response response = wire.post(THREAD + "/update_item", "{\"key\":"
        + "{\"ForumName\":{\"S\":\"MagnetoDB\"},\"Subject\":{\"S\":\"" + SUBJECT_2 + "\"}},"
        + "\"attribute_updates\":{\"Replies\":{\"action\":\"ADD\",\"value\":{\"N\":\"3\"}},"
        + "\"Tags\":{\"action\":\"ADD\",\"value\":{\"SS\":[\"howto\"]}},"
        + "\"Message\":{\"action\":\"DELETE\"}},\"return_values\":\"UPDATED_NEW\"}");

    assertThat(response.json()).isEqualTo(JsonTrees.parse("{\"attributes\":{\"Replies\":"
        + "{\"N\":\"5\"},\"Tags\":{\"SS\":[\"howto\"]}}}"));
  }

  @Test
  void missingItem_isCreated_andNoReturnValuesAnswersAnEmptyObject() {
    MagnetoDbWire.Response response = wire.post(THREAD + "/update_item", "{\"key\":"
        + "{\"ForumName\":{\"S\":\"Nova\"},\"Subject\":{\"S\":\"Hi\"}},\"attribute_updates\":"
        + "{\"Views\":{\"action\":\"ADD\",\"value\":{\"N\":\"1\"}}}}");

    assertThat(response.body()).isEqualTo("{}");
    assertThat(wire.post(THREAD + "/get_item", "{\"key\":{\"ForumName\":{\"S\":\"Nova\"},"
        + "\"Subject\":{\"S\":\"Hi\"}}}").json()).isEqualTo(JsonTrees.parse("{\"item\":"
        + "{\"ForumName\":{\"S\":\"Nova\"},\"Subject\":{\"S\":\"Hi\"},\"Views\":{\"N\":\"1\"}}}"));
  }

  @Test
  void failedExpectation_isConditionalCheckFailed_andChangesNothing() {
    MagnetoDbWire.Response response = wire.post(THREAD + "/update_item", "{"
        + MagnetoDbVectorsTest.KEY + ",\"attribute_updates\":{\"LastPostedBy\":{\"action\":"
        + "\"PUT\",\"value\":{\"S\":\"me@test.com\"}}},\"expected\":{\"Replies\":{\"exists\":"
        + "true}}}");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.errorType()).isEqualTo("ConditionalCheckFailedException");
    assertThat(response.errorMessage()).isEqualTo("The conditional request failed");
    assertThat(storedThread("How do I delete an item?").get("LastPostedBy"))
        .isEqualTo(JsonTrees.parse("{\"S\":\"fred@example.com\"}"));
  }

  @Test
  void badUpdates_areValidationErrors() {
    String key = "{" + MagnetoDbVectorsTest.KEY + ",\"attribute_updates\":";

    MagnetoDbWire.Response noAction = wire.post(THREAD + "/update_item",
        key + "{\"Replies\":{\"value\":{\"N\":\"1\"}}}}");
    MagnetoDbWire.Response badAction = wire.post(THREAD + "/update_item",
        key + "{\"Replies\":{\"action\":\"INCREMENT\",\"value\":{\"N\":\"1\"}}}}");
    MagnetoDbWire.Response extra = wire.post(THREAD + "/update_item",
        key + "{\"Replies\":{\"action\":\"PUT\",\"value\":{\"N\":\"1\"},\"when\":1}}}");
    MagnetoDbWire.Response ttl = wire.post(THREAD + "/update_item",
        key + "{},\"time_to_live\":-60}");
    MagnetoDbWire.Response badReturn = wire.post(THREAD + "/update_item",
        key + "{},\"return_values\":\"EVERYTHING\"}");
    MagnetoDbWire.Response bool = wire.post(THREAD + "/update_item",
        key + "{\"Flag\":{\"action\":\"PUT\",\"value\":{\"BOOL\":true}}}}");

    assertThat(List.of(noAction, badAction, extra, ttl, badReturn, bool))
        .allSatisfy(r -> {
          assertThat(r.status()).isEqualTo(400);
          assertThat(r.errorType()).isEqualTo("ValidationError");
        });
    assertThat(noAction.errorMessage())
        .isEqualTo("Required property 'action' wasn't found or it's value is null");
    assertThat(badAction.errorMessage()).isEqualTo("Update action 'INCREMENT' isn't allowed");
    assertThat(extra.errorMessage())
        .isEqualTo("Unexpected properties were found for 'Replies': {\"when\": 1}");
    assertThat(ttl.errorMessage())
        .isEqualTo("'time_to_live' property value[-60] is less then min_value[0].");
    assertThat(badReturn.errorMessage()).isEqualTo("Return values type 'EVERYTHING' isn't allowed");
    assertThat(bool.errorMessage()).startsWith("Can't recognize attribute typed value format:");
    assertThat(storedThread("How do I delete an item?").has("Replies")).isFalse();
  }

  @Test
  void updateInAProjectWithoutTheTable_isTableNotExists() {
    MagnetoDbWire.Response response = wire.post("/v1/data/p2/tables/Thread/update_item",
        "{" + MagnetoDbVectorsTest.KEY + "}");

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.errorType()).isEqualTo("TableNotExistsException");
    assertThat(response.errorMessage()).isEqualTo("Table 'Thread' does not exist");
  }

  @Test
  void query_readsOneForum_inSubjectOrder_andPagesWithLastEvaluatedKey() {
    String conditions = "\"key_conditions\":{\"ForumName\":{\"attribute_value_list\":[{\"S\":"
        + "\"MagnetoDB\"}],\"comparison_operator\":\"EQ\"}},\"attributes_to_get\":[\"Subject\"]";

    MagnetoDbWire.Response all = wire.post(THREAD + "/query", "{" + conditions + "}");
    MagnetoDbWire.Response first = wire.post(THREAD + "/query", "{" + conditions
        + ",\"limit\":1,\"scan_index_forward\":false}");
    MagnetoDbWire.Response second = wire.post(THREAD + "/query", "{" + conditions
        + ",\"limit\":1,\"scan_index_forward\":false,\"exclusive_start_key\":"
        + MagnetoDbBody.render(Members.structure(first.json(), "last_evaluated_key")) + "}");

    assertThat(all.json()).isEqualTo(JsonTrees.parse("{\"count\":2,\"items\":[{\"Subject\":"
        + "{\"S\":\"How do I delete an item?\"}},{\"Subject\":{\"S\":\"" + SUBJECT_2 + "\"}}]}"));
    assertThat(first.json()).isEqualTo(JsonTrees.parse("{\"count\":1,\"items\":[{\"Subject\":"
        + "{\"S\":\"" + SUBJECT_2 + "\"}}],\"last_evaluated_key\":{\"ForumName\":{\"S\":"
        + "\"MagnetoDB\"},\"Subject\":{\"S\":\"" + SUBJECT_2 + "\"}}}"));
    assertThat(second.json().get("items")).isEqualTo(JsonTrees.parse(
        "[{\"Subject\":{\"S\":\"How do I delete an item?\"}}]"));
  }

  @Test
  void query_rangeConditionsAndCount() {
    MagnetoDbWire.Response prefix = wire.post(THREAD + "/query", "{\"key_conditions\":"
        + "{\"ForumName\":{\"attribute_value_list\":[{\"S\":\"MagnetoDB\"}],"
        + "\"comparison_operator\":\"EQ\"},\"Subject\":{\"attribute_value_list\":[{\"S\":"
        + "\"How do I u\"}],\"comparison_operator\":\"BEGINS_WITH\"}},\"select\":\"COUNT\"}");
    MagnetoDbWire.Response between = wire.post(THREAD + "/query", "{\"key_conditions\":"
        + "{\"Subject\":{\"attribute_value_list\":[{\"S\":\"A\"},{\"S\":\"How do I e\"}],"
        + "\"comparison_operator\":\"BETWEEN\"},\"ForumName\":{\"attribute_value_list\":"
        + "[{\"S\":\"MagnetoDB\"}],\"comparison_operator\":\"EQ\"}},"
        + "\"attributes_to_get\":[\"Subject\"],\"consistent_read\":true}");

    assertThat(prefix.body()).isEqualTo("{\"count\":1}");
    assertThat(between.json()).isEqualTo(JsonTrees.parse("{\"count\":1,\"items\":[{\"Subject\":"
        + "{\"S\":\"How do I delete an item?\"}}]}"));
  }

  @Test
  void query_badConditions_areValidationErrors() {
    String forum = "\"ForumName\":{\"attribute_value_list\":[{\"S\":\"MagnetoDB\"}],"
        + "\"comparison_operator\":\"EQ\"}";

    MagnetoDbWire.Response missing = wire.post(THREAD + "/query", "{\"limit\":1}");
    MagnetoDbWire.Response notIndexed = wire.post(THREAD + "/query", "{\"key_conditions\":{"
        + forum + ",\"Subject\":{\"attribute_value_list\":[{\"S\":\"x\"}],"
        + "\"comparison_operator\":\"NE\"}}}");
    MagnetoDbWire.Response between = wire.post(THREAD + "/query", "{\"key_conditions\":{"
        + forum + ",\"Subject\":{\"attribute_value_list\":[{\"S\":\"x\"}],"
        + "\"comparison_operator\":\"BETWEEN\"}}}");
    MagnetoDbWire.Response select = wire.post(THREAD + "/query", "{\"key_conditions\":{"
        + forum + "},\"select\":\"COUNT\",\"attributes_to_get\":[\"Subject\"]}");
    MagnetoDbWire.Response noHash = wire.post(THREAD + "/query", "{\"key_conditions\":"
        + "{\"Subject\":{\"attribute_value_list\":[{\"S\":\"x\"}],\"comparison_operator\":"
        + "\"EQ\"}}}");

    assertThat(List.of(missing, notIndexed, between, select, noHash)).allSatisfy(r -> {
      assertThat(r.status()).isEqualTo(400);
      assertThat(r.errorType()).isEqualTo("ValidationError");
    });
    assertThat(missing.errorMessage())
        .isEqualTo("Required property 'key_conditions' wasn't found or it's value is null");
    assertThat(notIndexed.errorMessage()).isEqualTo("IndexedCondition of type['NE'] is not allowed");
    assertThat(between.errorMessage())
        .isEqualTo("BETWEEN condition type requires exactly 2 arguments, but 1 given");
    assertThat(select.errorMessage())
        .isEqualTo("Attribute list is only expected with select_type 'SPECIFIC_ATTRIBUTES'");
    assertThat(noHash.errorMessage())
        .isEqualTo("Query condition missed key schema element: ForumName");
  }

  @Test
  void query_onAnIndexOfATableCreatedThroughTheDynamoDbApi() {
    tombstone.dynamoDb().createTable(new TableDefinition("Forum",
        KeySchema.of(KeyAttribute.s("Name")),
        Map.of("Name", AttributeType.S, "Category", AttributeType.S),
        TableDefinition.BillingMode.PAY_PER_REQUEST, 0, 0, List.of(),
        List.of(new TableDefinition.IndexDefinition("byCategory",
            KeySchema.of(KeyAttribute.s("Category")), "KEYS_ONLY", List.of(), 0, 0)),
        false));
    tombstone.dynamoDb().putItem("Forum", Item.builder().put("Name", s("MagnetoDB"))
        .put("Category", s("OpenStack KVaaS")).put("Threads", n(2)).build());

    MagnetoDbWire.Response response = wire.post(
        "/v1/data/default_tenant/tables/Forum/query", "{\"index_name\":\"byCategory\","
            + "\"key_conditions\":{\"Category\":{\"attribute_value_list\":[{\"S\":"
            + "\"OpenStack KVaaS\"}],\"comparison_operator\":\"EQ\"}}}");

    assertThat(response.json()).isEqualTo(JsonTrees.parse("{\"count\":1,\"items\":[{\"Name\":"
        + "{\"S\":\"MagnetoDB\"},\"Category\":{\"S\":\"OpenStack KVaaS\"}}]}"));
  }
}
