package dev.tombstone.internal.dynamodb.protocol;

import static dev.tombstone.dynamodb.AttributeValue.n;
import static dev.tombstone.dynamodb.AttributeValue.s;
import static dev.tombstone.dynamodb.AttributeValue.ss;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.Tombstone;
import dev.tombstone.dynamodb.AttributeValue;
import dev.tombstone.dynamodb.Item;
import dev.tombstone.testing.RunningTombstone;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** UpdateItem of API 2011-12-05 over raw HTTP, on the store the other dialects share. */
class Legacy2011UpdateItemTest {
  static final String UI_2011 = "DynamoDB_20111205.UpdateItem";
  static final String MINGUS_KEY = "\"Key\":{\"HashKeyElement\":{\"S\":\"Mingus\"},"
      + "\"RangeKeyElement\":{\"N\":\"200\"}}";

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  final Tombstone tombstone = server.tombstone();
  final Wire wire = new Wire(server.tombstone().endpoint());

  @BeforeEach
  void fixtures() {
    Fixtures.create(tombstone.dynamoDb());
  }

  private Wire.Response update(String members) {
    return wire.post(UI_2011, "{\"TableName\":\"comp-table\"," + MINGUS_KEY + "," + members + "}");
  }

  private Optional<Item> mingus() {
    return tombstone.dynamoDb().getItem(Fixtures.T2, Legacy2011VectorsTest.MINGUS);
  }

  @Test
  void documentedShape_putsWithExpected_andReturnsAllNew() {
    // The documented sample (table comp5) on this suite's comp-table: PUT status, if offline.
    Wire.Response response = update("\"AttributeUpdates\":{\"status\":{\"Value\":{\"S\":"
        + "\"online\"},\"Action\":\"PUT\"}},\"Expected\":{\"status\":{\"Value\":{\"S\":"
        + "\"shopping\"}}},\"ReturnValues\":\"ALL_NEW\"");

    assertThat(response.status()).as(response.body()).isEqualTo(200);
    assertThat(JsonTrees.parse(response.body())).isEqualTo(JsonTrees.parse("{\"Attributes\":"
        + "{\"friends\":{\"SS\":[\"Dooley\",\"Ben\",\"Daisy\"]},\"status\":{\"S\":\"online\"},"
        + "\"time\":{\"N\":\"200\"},\"user\":{\"S\":\"Mingus\"}},\"ConsumedCapacityUnits\":1}"));
    assertThat(response.body()).endsWith(",\"ConsumedCapacityUnits\":1}");
    assertThat(mingus().orElseThrow().get("status")).isEqualTo(s("online"));
  }

  @Test
  void addAndDelete_changeNumbersAndSets_andUpdatedValuesAreReturned() {
    Wire.Response response = update("\"AttributeUpdates\":{\"visits\":{\"Value\":{\"N\":\"3\"},"
        + "\"Action\":\"ADD\"},\"friends\":{\"Value\":{\"SS\":[\"Ben\"]},\"Action\":\"DELETE\"},"
        + "\"status\":{\"Action\":\"DELETE\"}},\"ReturnValues\":\"UPDATED_NEW\"");

    assertThat(response.status()).as(response.body()).isEqualTo(200);
    assertThat(JsonTrees.parse(response.body())).isEqualTo(JsonTrees.parse("{\"Attributes\":"
        + "{\"visits\":{\"N\":\"3\"},\"friends\":{\"SS\":[\"Dooley\",\"Daisy\"]}},"
        + "\"ConsumedCapacityUnits\":1}"));
    Item stored = mingus().orElseThrow();
    assertThat(stored.has("status")).isFalse();
    assertThat(stored.get("visits")).isEqualTo(n("3"));
    assertThat(stored.get("friends")).isEqualTo(ss("Dooley", "Daisy"));
  }

  @Test
  void updatedOld_returnsTheReplacedValuesOnly() {
    Wire.Response response = update("\"AttributeUpdates\":{\"status\":{\"Value\":{\"S\":\"idle\"}}},"
        + "\"ReturnValues\":\"UPDATED_OLD\"");

    assertThat(JsonTrees.parse(response.body())).isEqualTo(JsonTrees.parse(
        "{\"Attributes\":{\"status\":{\"S\":\"shopping\"}},\"ConsumedCapacityUnits\":1}"));
  }

  @Test
  void missingItem_isCreatedWithItsKey_andAddStartsFromZero() {
    Wire.Response response = wire.post(UI_2011, "{\"TableName\":\"comp-table\",\"Key\":"
        + "{\"HashKeyElement\":{\"S\":\"Julie\"},\"RangeKeyElement\":{\"N\":\"1307654350\"}},"
        + "\"AttributeUpdates\":{\"logins\":{\"Value\":{\"N\":\"-2\"},\"Action\":\"ADD\"},"
        + "\"status\":{\"Value\":{\"S\":\"online\"}}}}");

    assertThat(response.body()).isEqualTo("{\"ConsumedCapacityUnits\":1}");
    assertThat(tombstone.dynamoDb().getItem(Fixtures.T2,
        Map.of("user", s("Julie"), "time", n("1307654350"))))
        .hasValue(Item.builder().put("user", s("Julie")).put("time", n("1307654350"))
            .put("logins", n("-2")).put("status", s("online")).build());
  }

  @Test
  void failedExpectation_isConditionalCheckFailedWithThe2011Prefix_andChangesNothing() {
    Wire.Response response = update("\"AttributeUpdates\":{\"status\":{\"Value\":{\"S\":"
        + "\"online\"},\"Action\":\"PUT\"}},\"Expected\":{\"status\":{\"Value\":{\"S\":"
        + "\"offline\"}}}");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body()).isEqualTo("{\"__type\":\"" + Legacy2011VectorsTest.CCF_2011
        + "\",\"message\":\"The conditional request failed\"}");
    assertThat(mingus().orElseThrow().get("status")).isEqualTo(s("shopping"));
  }

  @Test
  void expectedAbsentAttribute_holds_andTheUpdateApplies() {
    Wire.Response response = update("\"AttributeUpdates\":{\"nickname\":{\"Value\":{\"S\":"
        + "\"Charlie\"},\"Action\":\"PUT\"}},\"Expected\":{\"nickname\":{\"Exists\":false}}");

    assertThat(response.body()).isEqualTo("{\"ConsumedCapacityUnits\":1}");
    assertThat(mingus().orElseThrow().get("nickname")).isEqualTo(s("Charlie"));
  }

  @Test
  void attributeUpdatesIsRequired_inThe2011Model() {
    Wire.Response response = update("\"ReturnValues\":\"ALL_NEW\"");

    assertThat(ErrorBody.parse(response.body())).isEqualTo(new ErrorBody(
        Legacy2011VectorsTest.VAL, "1 validation error detected: Value null at"
            + " 'attributeUpdates' failed to satisfy constraint: Member must not be null"));
  }

  @Test
  void unknownAction_isAModelConstraintViolation() {
    Wire.Response response = update("\"AttributeUpdates\":{\"status\":{\"Value\":{\"S\":\"x\"},"
        + "\"Action\":\"REPLACE\"}}");

    assertThat(ErrorBody.parse(response.body())).isEqualTo(new ErrorBody(
        Legacy2011VectorsTest.VAL, "1 validation error detected: Value 'REPLACE' at"
            + " 'attributeUpdates.status.member.action' failed to satisfy constraint: Member"
            + " must satisfy enum value set: [ADD, PUT, DELETE]"));
    assertThat(mingus().orElseThrow().get("status")).isEqualTo(s("shopping"));
  }

  @Test
  void attributeUpdatesUnderAnEmptyName_areRefusedAsPutItemRefusesThem() {
    Wire.Response response = update("\"AttributeUpdates\":{\"\":{\"Value\":{\"S\":\"x\"},"
        + "\"Action\":\"PUT\"}}");

    assertThat(ErrorBody.parse(response.body())).isEqualTo(new ErrorBody(
        Legacy2011VectorsTest.VAL, "Empty attribute name"));
    assertThat(mingus().orElseThrow().get("")).isNull();
  }

  @Test
  void updatingAKeyAttribute_isRefused() {
    Wire.Response response = update("\"AttributeUpdates\":{\"time\":{\"Value\":{\"N\":\"1\"}}}");

    assertThat(ErrorBody.parse(response.body())).isEqualTo(new ErrorBody(
        Legacy2011VectorsTest.VAL, "One or more parameter values were invalid: Cannot update"
            + " attribute time. This attribute is part of the key"));
  }

  @Test
  void typesUnknownIn2011_areRefused_andChangeNothing() {
    Wire.Response response = update("\"AttributeUpdates\":{\"flag\":{\"Value\":{\"BOOL\":true},"
        + "\"Action\":\"PUT\"}}");

    assertThat(ErrorBody.parse(response.body()))
        .isEqualTo(new ErrorBody(Legacy2011VectorsTest.VAL, AttributeValueDecoder.EMPTY));
    assertThat(mingus().orElseThrow().has("flag")).isFalse();
  }

  @Test
  void putWithoutValue_isRefusedWithTheCurrentApisMessage() {
    Wire.Response response = update("\"AttributeUpdates\":{\"status\":{\"Action\":\"PUT\"}}");

    assertThat(ErrorBody.parse(response.body())).isEqualTo(new ErrorBody(
        Legacy2011VectorsTest.VAL, "One or more parameter values were invalid: Only DELETE"
            + " action is allowed when no attribute value is specified"));
  }

  @Test
  void keyWithoutItsRangeElement_doesNotMatchTheSchema() {
    Wire.Response response = wire.post(UI_2011, "{\"TableName\":\"comp-table\",\"Key\":"
        + "{\"HashKeyElement\":{\"S\":\"Mingus\"}},\"AttributeUpdates\":{\"a\":{\"Value\":"
        + "{\"S\":\"x\"}}}}");

    assertThat(ErrorBody.parse(response.body())).isEqualTo(new ErrorBody(
        Legacy2011VectorsTest.VAL, "The provided key element does not match the schema"));
  }

  @Test
  void missingTable_isResourceNotFoundWithThe2011Prefix() {
    Wire.Response response = wire.post(UI_2011, "{\"TableName\":\"nope\",\"Key\":"
        + "{\"HashKeyElement\":{\"S\":\"x\"}},\"AttributeUpdates\":{\"a\":{\"Value\":"
        + "{\"S\":\"x\"}}}}");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body()).isEqualTo("{\"__type\":\"" + Legacy2011ProtocolTest.RNF_2011
        + "\",\"message\":\"Requested resource not found\"}");
  }

  @Test
  void itemWrittenThroughTheCurrentApi_isUpdatedThrough2011_andKeepsItsNewerTypes() {
    Wire.Response put = wire.post("DynamoDB_20120810.PutItem", "{\"TableName\":\"comp-table\","
        + "\"Item\":{\"user\":{\"S\":\"Parker\"},\"time\":{\"N\":\"300\"},\"vip\":{\"BOOL\":true}}}");
    assertThat(put.status()).isEqualTo(200);

    Wire.Response response = wire.post(UI_2011, "{\"TableName\":\"comp-table\",\"Key\":"
        + "{\"HashKeyElement\":{\"S\":\"Parker\"},\"RangeKeyElement\":{\"N\":\"300\"}},"
        + "\"AttributeUpdates\":{\"status\":{\"Value\":{\"S\":\"idle\"}}},"
        + "\"ReturnValues\":\"ALL_OLD\"}");

    assertThat(JsonTrees.parse(response.body())).isEqualTo(JsonTrees.parse("{\"Attributes\":"
        + "{\"user\":{\"S\":\"Parker\"},\"time\":{\"N\":\"300\"},\"vip\":{\"BOOL\":true}},"
        + "\"ConsumedCapacityUnits\":1}"));
    assertThat(tombstone.dynamoDb().getItem(Fixtures.T2,
        Map.of("user", s("Parker"), "time", n("300"))).orElseThrow().get("vip"))
        .isEqualTo(new AttributeValue.Bool(true));
  }
}
