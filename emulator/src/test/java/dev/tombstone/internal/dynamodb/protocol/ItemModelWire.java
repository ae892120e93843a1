package dev.tombstone.internal.dynamodb.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * The item model test's requests, answered by {@link DynamoDbJsonProtocol} below HTTP, and the
 * checks every answer shares: status, {@code __type}, message and the members present.
 */
final class ItemModelWire {
  static final String DDB = "com.amazonaws.dynamodb.v20120810#";
  static final String VALIDATION = "com.amazon.coral.validate#ValidationException";
  static final String CONDITION_FAILED = "The conditional request failed";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final DynamoDbJsonProtocol protocol;

  ItemModelWire(DynamoDbJsonProtocol protocol) {
    this.protocol = protocol;
  }

  /** One answer: its status, its body as sent and its body read. */
  record Answer(String request, int status, String text, JsonNode body) {
    /** The answer for an assertion's description. */
    String describe() {
      return request + " -> " + status + " " + text;
    }

    /** The body's member names in document order. */
    List<String> members() {
      List<String> names = new ArrayList<>();
      body.fieldNames().forEachRemaining(names::add);
      return names;
    }
  }

  /** A request object naming the model's table. */
  static ObjectNode request() {
    return ItemValue.JSON.objectNode().put("TableName", ItemModel.TABLE);
  }

  Answer send(String operation, ObjectNode request) {
    String text = request.toString();
    JsonResponse response = protocol.handle("DynamoDB_20120810." + operation,
        text.getBytes(StandardCharsets.UTF_8));
    String body = new String(response.body(), StandardCharsets.UTF_8);
    try {
      return new Answer(operation + " " + text, response.status(), body, JSON.readTree(body));
    } catch (IOException e) {
      throw new AssertionError(operation + " " + text + " answered no JSON: " + body, e);
    }
  }

  /** A 200 whose body has exactly {@code members}, in any order. */
  static void assertOk(Answer answer, String... members) {
    assertThat(answer.status()).as("status of %s", answer.describe()).isEqualTo(200);
    assertThat(answer.members()).as("members of %s", answer.describe())
        .containsExactlyInAnyOrder(members);
  }

  /** A 400 with this {@code __type}, message member and message, and no other members. */
  static void assertError(Answer answer, String type, String messageKey, String message,
      String... otherMembers) {
    assertThat(answer.status()).as("status of %s", answer.describe()).isEqualTo(400);
    assertThat(answer.body().path("__type").asText()).as("__type of %s", answer.describe())
        .isEqualTo(type);
    assertThat(answer.body().path(messageKey).asText()).as("%s of %s", messageKey,
        answer.describe()).isEqualTo(message);
    List<String> expected = new ArrayList<>(List.of("__type", messageKey));
    expected.addAll(List.of(otherMembers));
    assertThat(answer.members()).as("members of %s", answer.describe())
        .containsExactlyInAnyOrderElementsOf(expected);
  }

  static void assertValidation(Answer answer, String message) {
    assertError(answer, VALIDATION, "message", message);
  }

  /**
   * A ConditionalCheckFailedException, with {@code Item} exactly when {@code item} is present.
   */
  static void assertConditionFailed(Answer answer,
      Optional<SortedMap<String, ItemValue>> item) {
    if (item.isPresent()) {
      assertError(answer, DDB + "ConditionalCheckFailedException", "message", CONDITION_FAILED,
          "Item");
      assertItem(answer, answer.body().get("Item"), item.get(), "Item");
    } else {
      assertError(answer, DDB + "ConditionalCheckFailedException", "message", CONDITION_FAILED);
    }
  }

  /** {@code node} is {@code expected}, by DynamoDB's equality. */
  static void assertItem(Answer answer, JsonNode node, Map<String, ItemValue> expected,
      String what) {
    assertThat(ItemValue.readItem(node)).as("%s of %s", what, answer.describe())
        .isEqualTo(expected);
  }

  /** The items of a list member, in order. */
  static List<SortedMap<String, ItemValue>> items(JsonNode list) {
    List<SortedMap<String, ItemValue>> items = new ArrayList<>();
    for (Iterator<JsonNode> it = list.elements(); it.hasNext(); ) {
      items.add(ItemValue.readItem(it.next()));
    }
    return items;
  }
}
