package dev.tombstone.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The typed UpdateItem on {@link DynamoDbState}, without HTTP. */
class UpdateItemTest {
  private static final Map<String, AttributeValue> KEY = Map.of("UserId", AttributeValue.s("u1"));
  private DynamoDbState state;

  @BeforeEach
  void table() {
    state = new DynamoDbState("us-east-1", Clock.systemUTC());
    state.createTable("users", KeySchema.of(KeyAttribute.s("UserId")));
    state.putItem("users", Item.builder().put("UserId", "u1").put("name", "Ada").build());
  }

  @Test
  void softDeleteAndRestore_withTheJavaBuilder() {
    ItemUpdate softDelete = ItemUpdate.builder().set("deletedAt", AttributeValue.s("now")).build();

    UpdateItem.Result result = state.updateItem(
        UpdateItem.Request.of("users", KEY, softDelete).returningAllNew());
    state.updateItem(UpdateItem.Request.of("users", KEY,
        ItemUpdate.builder().remove("deletedAt").build()));

    assertThat(result.attributes()).hasValueSatisfying(
        item -> assertThat(item.get("deletedAt")).isEqualTo(AttributeValue.s("now")));
    assertThat(state.getItem("users", KEY)).hasValue(
        Item.builder().put("UserId", "u1").put("name", "Ada").build());
  }

  @Test
  void updateOfAMissingItem_createsItFromItsKey() {
    state.updateItem(UpdateItem.Request.of("users", Map.of("UserId", AttributeValue.s("u2")),
        ItemUpdate.builder().set("n", AttributeValue.n(1)).build()));

    assertThat(state.getItem("users", Map.of("UserId", AttributeValue.s("u2"))))
        .hasValue(Item.builder().put("UserId", "u2").put("n", AttributeValue.n(1)).build());
  }

  @Test
  void failedCondition_changesNothing_andCarriesTheItemWhenAsked() {
    UpdateItem.Request request = UpdateItem.Request.of("users", KEY,
        ItemUpdate.builder().set("deletedAt", AttributeValue.s("now")).build())
        .withCondition(item -> item.has("deletedAt"))
        .returningItemOnConditionFailure();

    assertThatThrownBy(() -> state.updateItem(request))
        .isInstanceOfSatisfying(DynamoDbError.ConditionalCheckFailed.class,
            e -> assertThat(e.item()).hasValueSatisfying(
                item -> assertThat(item.get("name")).isEqualTo(AttributeValue.s("Ada"))));
    assertThat(state.getItem("users", KEY).orElseThrow().has("deletedAt")).isFalse();
  }

  @Test
  void writingAKeyAttribute_isRefused() {
    assertThatThrownBy(() -> state.updateItem(UpdateItem.Request.of("users", KEY,
        ItemUpdate.builder().set("UserId", AttributeValue.s("u9")).build())))
        .isInstanceOf(DynamoDbError.Validation.class)
        .hasMessage("One or more parameter values were invalid: Cannot update attribute UserId."
            + " This attribute is part of the key");
  }

  @Test
  void writingAnEmptyName_isRefusedAsPutItemRefusesIt_andChangesNothing() {
    assertThatThrownBy(() -> state.updateItem(UpdateItem.Request.of("users", KEY,
        ItemUpdate.builder().set("", AttributeValue.s("x")).build())))
        .isInstanceOf(DynamoDbError.Validation.class)
        .hasMessage("Empty attribute name");
    assertThat(state.getItem("users", KEY)).hasValue(
        Item.builder().put("UserId", "u1").put("name", "Ada").build());
  }

  @Test
  void updatedNew_returnsOnlyTheChangedAttributes() {
    UpdateItem.Result result = state.updateItem(UpdateItem.Request.of("users", KEY,
        ItemUpdate.builder().set("n", AttributeValue.n(2)).remove("name").build())
        .withReturnValues(ReturnValues.UPDATED_NEW));

    assertThat(result.attributes()).hasValue(Item.builder().put("n", AttributeValue.n(2)).build());
  }
}
