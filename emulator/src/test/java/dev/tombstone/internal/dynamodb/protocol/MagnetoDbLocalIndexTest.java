package dev.tombstone.internal.dynamodb.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.testing.RunningTombstone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** MagnetoDB's create_table with {@code local_secondary_indexes}, queried by index name. */
class MagnetoDbLocalIndexTest {
  static final String TABLES = "/v1/data/p1/tables";
  static final String DEFINITIONS = "'attribute_definitions':[{'attribute_name':'ForumName',"
      + "'attribute_type':'S'},{'attribute_name':'Subject','attribute_type':'S'},"
      + "{'attribute_name':'LastPostDateTime','attribute_type':'S'}],'key_schema':"
      + "[{'attribute_name':'ForumName','key_type':'HASH'},{'attribute_name':'Subject',"
      + "'key_type':'RANGE'}]";
  static final String INDEX_KEY = "'key_schema':[{'attribute_name':'ForumName','key_type':"
      + "'HASH'},{'attribute_name':'LastPostDateTime','key_type':'RANGE'}]";

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  final MagnetoDbWire wire = new MagnetoDbWire(server.tombstone().endpoint());

  static String json(String text) {
    return text.replace('\'', '"');
  }

  private MagnetoDbWire.Response create(String indexes) {
    return wire.post(TABLES, json("{'table_name':'Thread'," + DEFINITIONS
        + ",'local_secondary_indexes':" + indexes + "}"));
  }

  private void put(String subject, String posted) {
    MagnetoDbWire.Response put = wire.post(TABLES + "/Thread/put_item", json("{'item':{"
        + "'ForumName':{'S':'MagnetoDB'},'Subject':{'S':'" + subject + "'},"
        + "'LastPostDateTime':{'S':'" + posted + "'},'Replies':{'N':'1'}}}"));
    assertThat(put.status()).as(put.body()).isEqualTo(200);
  }

  @Test
  void documentedSample_isCreated_described_andQueriedByIndexName() {
    MagnetoDbWire.Response created = create("[{'index_name':'LastPostIndex'," + INDEX_KEY
        + ",'projection':{'projection_type':'KEYS_ONLY'}}]");
    assertThat(created.status()).as(created.body()).isEqualTo(200);
    put("b", "2026-01-01");
    put("a", "2026-03-01");
    put("c", "2026-02-01");

    MagnetoDbWire.Response described = wire.get(TABLES + "/Thread");
    MagnetoDbWire.Response query = wire.post(TABLES + "/Thread/query", json("{'index_name':"
        + "'LastPostIndex','key_conditions':{'ForumName':{'comparison_operator':'EQ',"
        + "'attribute_value_list':[{'S':'MagnetoDB'}]},'LastPostDateTime':{'comparison_operator':"
        + "'GE','attribute_value_list':[{'S':'2026-02-01'}]}}}"));

    Json.Obj table = (Json.Obj) described.json().get("table");
    assertThat(Long.parseLong(indexSize(table))).isPositive();
    assertThat(table.get("local_secondary_indexes")).isEqualTo(JsonTrees.parse(json(
        "[{'index_name':'LastPostIndex','index_size_bytes':" + indexSize(table)
            + ",'item_count':3," + INDEX_KEY + ",'projection':{'projection_type':"
            + "'KEYS_ONLY'}}]")));
    assertThat(((Json.Obj) created.json().get("table_description"))
        .get("local_secondary_indexes")).isNotNull();
    assertThat(query.status()).as(query.body()).isEqualTo(200);
    assertThat(query.json()).isEqualTo(JsonTrees.parse(json("{'count':2,'items':["
        + "{'ForumName':{'S':'MagnetoDB'},'Subject':{'S':'c'},'LastPostDateTime':"
        + "{'S':'2026-02-01'}},{'ForumName':{'S':'MagnetoDB'},'Subject':{'S':'a'},"
        + "'LastPostDateTime':{'S':'2026-03-01'}}]}")));
  }

  private static String indexSize(Json.Obj table) {
    return ((Json.Num) ((Json.Obj) ((Json.Arr) table.get("local_secondary_indexes")).elements()
        .get(0)).get("index_size_bytes")).text();
  }

  @Test
  void includeAndDefaultProjections_areDescribedAsMagnetoDbRead_them() {
    MagnetoDbWire.Response created = create("[{'index_name':'Posted'," + INDEX_KEY
        + ",'projection':{'projection_type':'INCLUDE','non_key_attributes':['Replies',"
        + "'Replies']}}]");
    MagnetoDbWire.Response noProjection = wire.post(TABLES, json("{'table_name':'Other',"
        + DEFINITIONS + ",'local_secondary_indexes':[{'index_name':'Posted'," + INDEX_KEY
        + "}]}"));
    put("a", "2026-03-01");
    MagnetoDbWire.Response query = wire.post(TABLES + "/Thread/query", json("{'index_name':"
        + "'Posted','key_conditions':{'ForumName':{'comparison_operator':'EQ',"
        + "'attribute_value_list':[{'S':'MagnetoDB'}]}}}"));

    assertThat(indexOf(created).get("projection")).isEqualTo(JsonTrees.parse(json(
        "{'projection_type':'INCLUDE','non_key_attributes':['Replies']}")));
    assertThat(indexOf(noProjection).get("projection")).isEqualTo(JsonTrees.parse(json(
        "{'projection_type':'ALL'}")));
    assertThat(query.json().get("items")).isEqualTo(JsonTrees.parse(json("[{'ForumName':"
        + "{'S':'MagnetoDB'},'Subject':{'S':'a'},'LastPostDateTime':{'S':'2026-03-01'},"
        + "'Replies':{'N':'1'}}]")));
  }

  private static Json.Obj indexOf(MagnetoDbWire.Response created) {
    assertThat(created.status()).as(created.body()).isEqualTo(200);
    Json.Obj table = (Json.Obj) created.json().get("table_description");
    return (Json.Obj) ((Json.Arr) table.get("local_secondary_indexes")).elements().get(0);
  }

  @Test
  void badIndexes_areValidationErrors_andCreateNothing() {
    String key = INDEX_KEY;
    assertRefused("{'index_name':'x'}",
        "Required property 'key_schema' wasn't found or it's value is null");
    assertRefused("{'index_name':'Posted','key_schema':[{'attribute_name':'ForumName',"
        + "'key_type':'HASH'}]}", "Range key in index wasn't specified");
    assertRefused("{" + key + "}",
        "Required property 'index_name' wasn't found or it's value is null");
    assertRefused("{'index_name':'P!'," + key + "}", "Wrong index name 'P!' found");
    assertRefused("{'index_name':'Posted'," + key + ",'projection':{'projection_type':'SOME'}}",
        "Only 'ALL', 'KEYS_ONLY' or 'INCLUDE' projection types are allowed, but 'SOME' is"
            + " found");
    assertRefused("{'index_name':'Posted'," + key + ",'projection':{'projection_type':'ALL',"
        + "'non_key_attributes':['Replies']}}",
        "Unexpected properties were found for 'projection': {\"non_key_attributes\":"
            + " [\"Replies\"]}");
    assertRefused("{'index_name':'Posted'," + key + ",'throughput':1}",
        "Unexpected properties were found for 'local_secondary_index': {\"throughput\": 1}");
    assertRefused("{'index_name':'Posted'," + key + "},{'index_name':'Posted'," + key + "}",
        "Two or more indexes with the same name");
    assertRefused("{'index_name':'Posted'," + key + "},{'index_name':'Again'," + key + "}",
        "Table and its indices must have unique key schema");
    assertRefused("{'index_name':'Posted','key_schema':[{'attribute_name':'Subject',"
        + "'key_type':'HASH'},{'attribute_name':'LastPostDateTime','key_type':'RANGE'}]}",
        "Hash key of index 'Posted' must be the same as primary key's hash key.");
    assertRefused("{'index_name':'Posted','key_schema':[{'attribute_name':'ForumName',"
        + "'key_type':'HASH'},{'attribute_name':'Replies','key_type':'RANGE'}]}",
        "Couldn't find expected key attributes: 'Replies' with a scalar type in"
            + " attribute_definitions");
  }

  @Test
  void dynamoDbsLimits_andAHashOnlyTable_areRefused() {
    StringBuilder six = new StringBuilder("'attribute_definitions':[{'attribute_name':'h',"
        + "'attribute_type':'S'},{'attribute_name':'r','attribute_type':'S'}");
    StringBuilder indexes = new StringBuilder();
    for (int i = 0; i < 6; i++) {
      six.append(",{'attribute_name':'i").append(i).append("','attribute_type':'S'}");
      indexes.append(i == 0 ? "" : ",").append("{'index_name':'idx").append(i)
          .append("','key_schema':[{'attribute_name':'h','key_type':'HASH'},"
              + "{'attribute_name':'i").append(i).append("','key_type':'RANGE'}]}");
    }
    MagnetoDbWire.Response tooMany = wire.post(TABLES, json("{'table_name':'Many'," + six
        + "],'key_schema':[{'attribute_name':'h','key_type':'HASH'},{'attribute_name':'r',"
        + "'key_type':'RANGE'}],'local_secondary_indexes':[" + indexes + "]}"));
    MagnetoDbWire.Response hashOnly = wire.post(TABLES, json("{'table_name':'HashOnly',"
        + "'attribute_definitions':[{'attribute_name':'ForumName','attribute_type':'S'},"
        + "{'attribute_name':'LastPostDateTime','attribute_type':'S'}],'key_schema':"
        + "[{'attribute_name':'ForumName','key_type':'HASH'}],'local_secondary_indexes':"
        + "[{'index_name':'Posted'," + INDEX_KEY + "}]}"));

    assertThat(tooMany.errorMessage()).isEqualTo("One or more parameter values were invalid:"
        + " Number of LocalSecondaryIndexes exceeds per-table limit of 5");
    assertThat(hashOnly.errorMessage())
        .isEqualTo("Table without range key in primary key schema can not have indices");
    assertThat(wire.get(TABLES + "/Many").status()).isEqualTo(404);
    assertThat(wire.get(TABLES + "/HashOnly").status()).isEqualTo(404);
  }

  private void assertRefused(String indexes, String message) {
    MagnetoDbWire.Response response = create("[" + indexes + "]");

    assertThat(response.status()).as(indexes + " -> " + response.body()).isEqualTo(400);
    assertThat(response.errorType()).isEqualTo("ValidationError");
    assertThat(response.errorMessage()).as(indexes).isEqualTo(message);
    assertThat(wire.get(TABLES + "/Thread").status()).isEqualTo(404);
  }
}
