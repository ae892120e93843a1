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
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** BatchGetItem of API 2011-12-05 over raw HTTP: positional keys, per-table capacity units. */
class Legacy2011BatchGetItemTest {
  static final String BGI_2011 = "DynamoDB_20111205.BatchGetItem";
  static final String SAMPLE = "{\"RequestItems\":\n    {\"comp2\":\n        {\"Keys\":\n"
      + "            [{\"HashKeyElement\":{\"S\":\"Julie\"}},{\"HashKeyElement\":{\"S\":"
      + "\"Mingus\"}}],\n        \"AttributesToGet\":[\"user\",\"friends\"]},\n    \"comp1\":\n"
      + "        {\"Keys\":\n            [{\"HashKeyElement\":{\"S\":\"Casey\"},"
      + "\"RangeKeyElement\":{\"N\":\"1319509152\"}},\n            {\"HashKeyElement\":{\"S\":"
      + "\"Dave\"},\"RangeKeyElement\":{\"N\":\"1319509155\"}},\n            {\"HashKeyElement\":"
      + "{\"S\":\"Riley\"},\"RangeKeyElement\":{\"N\":\"1319509158\"}}],\n"
      + "        \"AttributesToGet\":[\"user\",\"status\"]}\n    }\n}";

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  final Tombstone tombstone = server.tombstone();
  final Wire wire = new Wire(server.tombstone().endpoint());

  /** The tables of the documentation's sample: comp1 (user, time) and comp2 (user). */
  @BeforeEach
  void fixtures() {
    DynamoDbState dynamo = tombstone.dynamoDb();
    dynamo.createTable("comp1", KeySchema.of(KeyAttribute.s("user"), KeyAttribute.n("time")));
    dynamo.createTable("comp2", KeySchema.of(KeyAttribute.s("user")));
    String[][] statuses = {{"Casey", "1319509152", "online"}, {"Dave", "1319509155", "running"},
        {"Riley", "1319509158", "working"}};
    for (String[] row : statuses) {
      dynamo.putItem("comp1", Item.builder().put("user", s(row[0])).put("time", n(row[1]))
          .put("status", s(row[2])).put("friends", ss("Ben")).build());
    }
    dynamo.putItem("comp2", Item.builder().put("user", "Julie")
        .put("friends", ss("Dave", "Peter")).put("status", "away").build());
    dynamo.putItem("comp2", Item.builder().put("user", "Mingus")
        .put("friends", ss("Elisabeth", "Peter")).build());
  }

  @Test
  void documentedSample_answersPerTableWithItemsAndCapacityUnits() {
    Wire.Response response = wire.post(BGI_2011, SAMPLE);

    assertThat(response.status()).as(response.body()).isEqualTo(200);
    assertThat(JsonTrees.parse(response.body())).isEqualTo(JsonTrees.parse("{\"Responses\":"
        + "{\"comp2\":{\"Items\":[{\"friends\":{\"SS\":[\"Dave\",\"Peter\"]},\"user\":{\"S\":"
        + "\"Julie\"}},{\"friends\":{\"SS\":[\"Elisabeth\",\"Peter\"]},\"user\":{\"S\":"
        + "\"Mingus\"}}],\"ConsumedCapacityUnits\":1},\"comp1\":{\"Items\":[{\"status\":{\"S\":"
        + "\"online\"},\"user\":{\"S\":\"Casey\"}},{\"status\":{\"S\":\"running\"},\"user\":"
        + "{\"S\":\"Dave\"}},{\"status\":{\"S\":\"working\"},\"user\":{\"S\":\"Riley\"}}],"
        + "\"ConsumedCapacityUnits\":1.5}},\"UnprocessedKeys\":{}}"));
  }

  @Test
  void missingItems_areLeftOut_butStillConsumeUnits() {
    Wire.Response response = wire.post(BGI_2011, "{\"RequestItems\":{\"comp2\":{\"Keys\":"
        + "[{\"HashKeyElement\":{\"S\":\"Nobody\"}}],\"ConsistentRead\":true}}}");

    assertThat(response.body()).isEqualTo("{\"Responses\":{\"comp2\":{\"Items\":[],"
        + "\"ConsumedCapacityUnits\":1}},\"UnprocessedKeys\":{}}");
  }

  @Test
  void keyWithoutItsRangeElement_doesNotMatchTheSchema() {
    Wire.Response response = wire.post(BGI_2011, "{\"RequestItems\":{\"comp1\":{\"Keys\":"
        + "[{\"HashKeyElement\":{\"S\":\"Casey\"}}]}}}");

    assertThat(ErrorBody.parse(response.body())).isEqualTo(new ErrorBody(
        Legacy2011VectorsTest.VAL, "The provided key element does not match the schema"));
  }

  @Test
  void duplicateKeys_areRefused() {
    Wire.Response response = wire.post(BGI_2011, "{\"RequestItems\":{\"comp2\":{\"Keys\":"
        + "[{\"HashKeyElement\":{\"S\":\"Julie\"}},{\"HashKeyElement\":{\"S\":\"Julie\"}}]}}}");

    assertThat(ErrorBody.parse(response.body())).isEqualTo(new ErrorBody(
        Legacy2011VectorsTest.VAL, "Provided list of item keys contains duplicates"));
  }

  @Test
  void moreThan100KeysAcrossTables_areTooMany() {
    String keys = IntStream.range(0, 60)
        .mapToObj(i -> "{\"HashKeyElement\":{\"S\":\"u" + i + "\"}}")
        .collect(Collectors.joining(","));
    Wire.Response response = wire.post(BGI_2011, "{\"RequestItems\":{\"comp2\":{\"Keys\":["
        + keys + "]},\"compare-yourself\":{\"Keys\":[" + keys + "]}}}");

    assertThat(ErrorBody.parse(response.body())).isEqualTo(new ErrorBody(
        Legacy2011VectorsTest.VAL, "Too many items requested for the BatchGetItem call"));
  }

  @Test
  void emptyKeys_andEmptyAttributesToGet_areModelConstraintViolations() {
    Wire.Response response = wire.post(BGI_2011, "{\"RequestItems\":{\"comp2\":{\"Keys\":[],"
        + "\"AttributesToGet\":[]}}}");

    assertThat(ErrorBody.parse(response.body())).isEqualTo(new ErrorBody(
        Legacy2011VectorsTest.VAL, "2 validation errors detected: Value '[]' at"
            + " 'requestItems.comp2.member.keys' failed to satisfy constraint: Member must have"
            + " length greater than or equal to 1; Value '[]' at"
            + " 'requestItems.comp2.member.attributesToGet' failed to satisfy constraint: Member"
            + " must have length greater than or equal to 1"));
  }

  @Test
  void typesUnknownIn2011_areRefused() {
    Wire.Response response = wire.post(BGI_2011, "{\"RequestItems\":{\"comp2\":{\"Keys\":"
        + "[{\"HashKeyElement\":{\"M\":{}}}]}}}");

    assertThat(ErrorBody.parse(response.body()))
        .isEqualTo(new ErrorBody(Legacy2011VectorsTest.VAL, AttributeValueDecoder.EMPTY));
  }

  @Test
  void missingTable_isResourceNotFoundWithThe2011Prefix() {
    Wire.Response response = wire.post(BGI_2011, "{\"RequestItems\":{\"nope\":{\"Keys\":"
        + "[{\"HashKeyElement\":{\"S\":\"x\"}}]}}}");

    assertThat(ErrorBody.parse(response.body())).isEqualTo(new ErrorBody(
        Legacy2011ProtocolTest.RNF_2011, "Requested resource not found"));
  }
}
