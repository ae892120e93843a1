package dev.tombstone.internal.dynamodb.protocol;

import static dev.tombstone.dynamodb.AttributeValue.n;
import static dev.tombstone.dynamodb.AttributeValue.s;
import static dev.tombstone.dynamodb.AttributeValue.ss;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.Tombstone;
import dev.tombstone.dynamodb.DynamoDbState;
import dev.tombstone.dynamodb.Item;
import dev.tombstone.dynamodb.KeyAttribute;
import dev.tombstone.dynamodb.KeySchema;
import dev.tombstone.testing.RunningTombstone;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Query of API 2011-12-05 over raw HTTP: HashKeyValue, RangeKeyCondition, paging, Count. */
class Legacy2011QueryTest {
  static final String Q_2011 = "DynamoDB_20111205.Query";
  static final String MOVIES = "1-hash-rangetable";

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  final Tombstone tombstone = server.tombstone();
  final Wire wire = new Wire(server.tombstone().endpoint());

  @BeforeEach
  void fixtures() {
    DynamoDbState dynamo = tombstone.dynamoDb();
    Fixtures.create(dynamo);
    for (int time : new int[] {100, 300, 400}) {
      dynamo.putItem(Fixtures.T2, Item.builder().put("user", s("Mingus")).put("time", n(time))
          .put("status", s("s" + time)).build());
    }
    dynamo.putItem(Fixtures.T2, Item.builder().put("user", s("Dooley")).put("time", n(250))
        .build());
    // The table of the documentation's samples: hash "name", range "title", both strings.
    dynamo.createTable(MOVIES, KeySchema.of(KeyAttribute.s("name"), KeyAttribute.s("title")));
    for (String title : new String[] {"The Beatles", "The End", "The Matrix", "Yesterday"}) {
      dynamo.putItem(MOVIES, Item.builder().put("fans", ss("Jody", "Jake")).put("name", "John")
          .put("rating", "***").put("title", title).build());
    }
  }

  private Wire.Response query(String members) {
    return wire.post(Q_2011, "{\"TableName\":\"comp-table\",\"HashKeyValue\":{\"S\":\"Mingus\"}"
        + (members.isEmpty() ? "" : "," + members) + "}");
  }

  @Test
  void documentedSample_pagesBackwardsFromTheStartKey() {
    Wire.Response response = wire.post(Q_2011, "{\"TableName\":\"1-hash-rangetable\",\n"
        + "\t\"Limit\":2,\n\t\"HashKeyValue\":{\"S\":\"John\"},\n\t\"ScanIndexForward\":false,\n"
        + "\t\"ExclusiveStartKey\":{\n\t\t\"HashKeyElement\":{\"S\":\"John\"},\n"
        + "\t\t\"RangeKeyElement\":{\"S\":\"The Matrix\"}\n\t}\n}");

    assertThat(response.status()).as(response.body()).isEqualTo(200);
    // As documented, except ConsumedCapacityUnits: an eventually consistent read of under
    // 4 KB is 0.5 units here, as it is for 2011 GetItem.
    assertThat(JsonTrees.parse(response.body())).isEqualTo(JsonTrees.parse("{\"Count\":2,"
        + "\"Items\":[{\"fans\":{\"SS\":[\"Jody\",\"Jake\"]},\"name\":{\"S\":\"John\"},"
        + "\"rating\":{\"S\":\"***\"},\"title\":{\"S\":\"The End\"}},{\"fans\":{\"SS\":[\"Jody\","
        + "\"Jake\"]},\"name\":{\"S\":\"John\"},\"rating\":{\"S\":\"***\"},\"title\":{\"S\":"
        + "\"The Beatles\"}}],\"LastEvaluatedKey\":{\"HashKeyElement\":{\"S\":\"John\"},"
        + "\"RangeKeyElement\":{\"S\":\"The Beatles\"}},\"ConsumedCapacityUnits\":0.5}"));
  }

  @Test
  void hashKeyValueAlone_readsThePartitionInRangeOrder_withoutScannedCount() {
    Wire.Response response = query("\"AttributesToGet\":[\"time\"]");

    assertThat(JsonTrees.parse(response.body())).isEqualTo(JsonTrees.parse("{\"Count\":4,"
        + "\"Items\":[{\"time\":{\"N\":\"100\"}},{\"time\":{\"N\":\"200\"}},{\"time\":{\"N\":"
        + "\"300\"}},{\"time\":{\"N\":\"400\"}}],\"ConsumedCapacityUnits\":0.5}"));
  }

  @Test
  void rangeKeyCondition_narrowsTheRange() {
    Wire.Response between = query("\"RangeKeyCondition\":{\"AttributeValueList\":[{\"N\":\"150\"},"
        + "{\"N\":\"300\"}],\"ComparisonOperator\":\"BETWEEN\"},\"AttributesToGet\":[\"time\"]");
    Wire.Response greater = query("\"RangeKeyCondition\":{\"AttributeValueList\":[{\"N\":\"300\"}],"
        + "\"ComparisonOperator\":\"GT\"},\"AttributesToGet\":[\"time\"],\"ConsistentRead\":true");
    Wire.Response prefix = wire.post(Q_2011, "{\"TableName\":\"1-hash-rangetable\","
        + "\"HashKeyValue\":{\"S\":\"John\"},\"RangeKeyCondition\":{\"AttributeValueList\":"
        + "[{\"S\":\"The \"}],\"ComparisonOperator\":\"BEGINS_WITH\"},\"Count\":true}");

    assertThat(JsonTrees.parse(between.body())).isEqualTo(JsonTrees.parse("{\"Count\":2,"
        + "\"Items\":[{\"time\":{\"N\":\"200\"}},{\"time\":{\"N\":\"300\"}}],"
        + "\"ConsumedCapacityUnits\":0.5}"));
    assertThat(JsonTrees.parse(greater.body())).isEqualTo(JsonTrees.parse("{\"Count\":1,"
        + "\"Items\":[{\"time\":{\"N\":\"400\"}}],\"ConsumedCapacityUnits\":1}"));
    assertThat(prefix.body()).isEqualTo("{\"Count\":3,\"ConsumedCapacityUnits\":0.5}");
  }

  @Test
  void limit_givesAPositionalLastEvaluatedKey_thatContinuesTheQuery() {
    Wire.Response first = query("\"Limit\":3,\"AttributesToGet\":[\"time\"]");
    Json.Obj lastKey = Members.structure(JsonTrees.object(first.body()), "LastEvaluatedKey");
    Wire.Response second = query("\"Limit\":3,\"AttributesToGet\":[\"time\"],"
        + "\"ExclusiveStartKey\":" + MagnetoDbBody.render(lastKey));

    assertThat(lastKey).isEqualTo(JsonTrees.parse("{\"HashKeyElement\":{\"S\":\"Mingus\"},"
        + "\"RangeKeyElement\":{\"N\":\"300\"}}"));
    assertThat(JsonTrees.parse(second.body())).isEqualTo(JsonTrees.parse("{\"Count\":1,"
        + "\"Items\":[{\"time\":{\"N\":\"400\"}}],\"ConsumedCapacityUnits\":0.5}"));
  }

  @Test
  void countWithAttributesToGet_isRefused() {
    Wire.Response response = query("\"Count\":true,\"AttributesToGet\":[\"time\"]");

    assertThat(ErrorBody.parse(response.body())).isEqualTo(new ErrorBody(
        Legacy2011VectorsTest.VAL,
        "Cannot specify the AttributesToGet when choosing to get only the Count"));
  }

  @Test
  void hashOnlyTable_cannotBeQueried_in2011() {
    Wire.Response response = wire.post(Q_2011, "{\"TableName\":\"compare-yourself\","
        + "\"HashKeyValue\":{\"S\":\"user001\"}}");

    assertThat(ErrorBody.parse(response.body())).isEqualTo(new ErrorBody(
        Legacy2011VectorsTest.VAL, Legacy2011QueryOperation.HASH_RANGE_ONLY));
  }

  @Test
  void missingHashKeyValue_andComparisonOperator_areModelConstraintViolations() {
    Wire.Response response = wire.post(Q_2011, "{\"TableName\":\"comp-table\","
        + "\"RangeKeyCondition\":{\"AttributeValueList\":[{\"N\":\"1\"}]}}");

    assertThat(ErrorBody.parse(response.body())).isEqualTo(new ErrorBody(
        Legacy2011VectorsTest.VAL, "2 validation errors detected: Value null at 'hashKeyValue'"
            + " failed to satisfy constraint: Member must not be null; Value null at"
            + " 'rangeKeyCondition.comparisonOperator' failed to satisfy constraint: Member must"
            + " not be null"));
  }

  @Test
  void operatorThatNoKeyConditionAllows_isNotIndexable() {
    Wire.Response response = query("\"RangeKeyCondition\":{\"AttributeValueList\":[{\"N\":\"1\"}],"
        + "\"ComparisonOperator\":\"NE\"}");

    assertThat(ErrorBody.parse(response.body())).isEqualTo(new ErrorBody(
        Legacy2011VectorsTest.VAL, "Attempted conditional constraint is not an indexable"
            + " operation"));
  }

  @Test
  void rangeValueOfAnotherType_doesNotMatchTheSchema() {
    Wire.Response response = query("\"RangeKeyCondition\":{\"AttributeValueList\":[{\"S\":\"1\"}],"
        + "\"ComparisonOperator\":\"EQ\"}");

    assertThat(ErrorBody.parse(response.body())).isEqualTo(new ErrorBody(
        Legacy2011VectorsTest.VAL, "One or more parameter values were invalid: Condition"
            + " parameter type does not match schema type"));
  }

  @Test
  void typesUnknownIn2011_areRefused() {
    Wire.Response response = wire.post(Q_2011, "{\"TableName\":\"comp-table\","
        + "\"HashKeyValue\":{\"NULL\":true}}");

    assertThat(ErrorBody.parse(response.body()))
        .isEqualTo(new ErrorBody(Legacy2011VectorsTest.VAL, AttributeValueDecoder.EMPTY));
  }

  @Test
  void missingTable_isResourceNotFoundWithThe2011Prefix() {
    Wire.Response response = wire.post(Q_2011, "{\"TableName\":\"nope\","
        + "\"HashKeyValue\":{\"S\":\"x\"}}");

    assertThat(ErrorBody.parse(response.body())).isEqualTo(new ErrorBody(
        Legacy2011ProtocolTest.RNF_2011, "Requested resource not found"));
  }
}
