package dev.tombstone.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.tombstone.Tombstone;
import dev.tombstone.dynamodb.AttributeValue;
import dev.tombstone.dynamodb.Item;
import dev.tombstone.dynamodb.KeyAttribute;
import dev.tombstone.dynamodb.KeySchema;
import dev.tombstone.s3.Versioning;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@TombstoneTest
class AssertionsTest {
  @Injected Tombstone tombstone;

  @BeforeEach
  void seed() {
    tombstone.dynamoDb().createTable("users", KeySchema.of(KeyAttribute.s("UserId")));
    tombstone.dynamoDb().putItem("users", Item.builder().put("UserId", "u1").build());
    tombstone.s3().createBucket("uploads");
    tombstone.s3().setVersioning("uploads", Versioning.ENABLED);
    tombstone.s3().putObject("uploads", "a.txt", "hello");
  }

  @Test
  void passingAssertions_chain() {
    TombstoneAssertions.assertThat(tombstone.dynamoDb()).hasTable("users").doesNotHaveTable("x")
        .table("users").containsKey("UserId", "u1").doesNotContainKey("UserId", "u2").hasSize(1)
        .hasItem(Map.of("UserId", AttributeValue.s("u1")),
            Item.builder().put("UserId", "u1").build());
    TombstoneAssertions.assertThat(tombstone.s3()).hasBucket("uploads")
        .containsObject("uploads", "a.txt").hasContent("uploads", "a.txt", "hello")
        .hasVersions("uploads", "a.txt", 1).hasNoVersions("uploads", "b.txt")
        .doesNotContainObject("uploads", "b.txt");
  }

  @Test
  void containsKey_failsWithTheTablesItems() {
    Throwable thrown = catchThrowable(() -> TombstoneAssertions.assertThat(tombstone.dynamoDb())
        .table("users").containsKey("UserId", "u2"));

    assertThat(thrown).isInstanceOf(AssertionError.class).hasMessage(String.format(
        "%nExpecting table users to contain an item with key%n  {UserId=S[value=u2]}%nbut it did"
            + " not; its items were:%n  [%s]",
        tombstone.dynamoDb().items("users").get(0)));
  }

  @Test
  void doesNotContainKey_failsWithTheItemFound() {
    Throwable thrown = catchThrowable(() -> TombstoneAssertions.assertThat(tombstone.dynamoDb())
        .table("users").doesNotContainKey("UserId", "u1"));

    assertThat(thrown).hasMessageStartingWith(String.format(
        "%nExpecting table users not to contain an item with key%n  {UserId=S[value=u1]}%nbut it"
            + " contained%n  "));
  }

  @Test
  void table_failsForAMissingTable() {
    Throwable thrown = catchThrowable(() -> TombstoneAssertions.assertThat(tombstone.dynamoDb())
        .table("orders"));

    assertThat(thrown).hasMessage(String.format(
        "%nExpecting a table named orders but the tables were:%n  [users]"));
  }

  @Test
  void hasSize_andIsEmpty_failWithTheCountAndTheItems() {
    Throwable wrongSize = catchThrowable(() -> TombstoneAssertions.assertThat(tombstone.dynamoDb())
        .table("users").hasSize(2));
    Throwable notEmpty = catchThrowable(() -> TombstoneAssertions.assertThat(tombstone.dynamoDb())
        .table("users").isEmpty());

    String items = tombstone.dynamoDb().items("users").toString();
    assertThat(wrongSize).hasMessage(String.format(
        "%nExpecting table users to hold 2 items but it held 1:%n  %s", items));
    assertThat(notEmpty).hasMessage(String.format(
        "%nExpecting table users to be empty but it held 1 item:%n  %s", items));
  }

  @Test
  void hasDeleteMarker_failsWithTheVersions() {
    String versionId = tombstone.s3().versions("uploads", "a.txt").get(0).versionId();

    Throwable thrown = catchThrowable(() -> TombstoneAssertions.assertThat(tombstone.s3())
        .hasDeleteMarker("uploads", "a.txt"));

    assertThat(thrown).hasMessage(String.format("%nExpecting a delete marker as the current"
        + " version of uploads/a.txt but the versions were (newest first):%n  [object %s (5"
        + " bytes) [current]]", versionId));
  }

  @Test
  void hasVersions_andHasNoVersions_failWithTheVersions() {
    tombstone.s3().deleteObject("uploads", "a.txt");
    String marker = tombstone.s3().versions("uploads", "a.txt").get(0).versionId();
    String data = tombstone.s3().versions("uploads", "a.txt").get(1).versionId();
    String listed = "[delete marker " + marker + " [current], object " + data + " (5 bytes)]";

    assertThat(catchThrowable(() -> TombstoneAssertions.assertThat(tombstone.s3())
        .hasVersions("uploads", "a.txt", 1))).hasMessage(String.format(
            "%nExpecting uploads/a.txt to have 1 version but it had 2 (newest first):%n  %s",
            listed));
    assertThat(catchThrowable(() -> TombstoneAssertions.assertThat(tombstone.s3())
        .hasNoVersions("uploads", "a.txt"))).hasMessage(String.format(
            "%nExpecting no versions of uploads/a.txt but found (newest first):%n  %s", listed));
  }

  @Test
  void hasContent_failsWithBothTexts() {
    assertThat(catchThrowable(() -> TombstoneAssertions.assertThat(tombstone.s3())
        .hasContent("uploads", "a.txt", "bye"))).hasMessage(String.format(
            "%nExpecting uploads/a.txt to contain%n  \"bye\"%nbut it contained%n  \"hello\""));
  }

  @Test
  void hasContent_showsContentThatIsNotText_asHex() {
    tombstone.s3().putObject("uploads", "b.bin", new byte[] {(byte) 0xff, 0, 1});

    assertThat(catchThrowable(() -> TombstoneAssertions.assertThat(tombstone.s3())
        .hasContent("uploads", "b.bin", "x\u0000"))).hasMessage(String.format(
            "%nExpecting uploads/b.bin to contain%n  \"x\\u0000\"%nbut it contained%n"
                + "  3 bytes, not text, in hex: ff 00 01"));
  }

  @Test
  void hasContent_showsTheStartOfLongBinaryContent() {
    byte[] content = new byte[100];
    content[0] = 0x1f;
    tombstone.s3().putObject("uploads", "b.bin", content);

    assertThat(catchThrowable(() -> TombstoneAssertions.assertThat(tombstone.s3())
        .hasContent("uploads", "b.bin", "x"))).hasMessageEndingWith(
            "100 bytes, not text, the first 64 in hex: 1f" + " 00".repeat(63));
  }

  @Test
  void itemAttributes_passForASoftDeletedItem() {
    tombstone.dynamoDb().putItem("users", Item.builder().put("UserId", "u1")
        .put("deletedAt", "2026-12-03").build());

    TombstoneAssertions.assertThat(tombstone.dynamoDb()).table("users").item("UserId", "u1")
        .exists().hasAttribute("deletedAt").hasAttribute("deletedAt", "2026-12-03")
        .doesNotHaveAttribute("name");
  }

  @Test
  void doesNotHaveAttribute_failsWithTheValueStillThere() {
    tombstone.dynamoDb().putItem("users", Item.builder().put("UserId", "u1")
        .put("deletedAt", "2026-12-03").build());

    Throwable thrown = catchThrowable(() -> TombstoneAssertions.assertThat(tombstone.dynamoDb())
        .table("users").item("UserId", "u1").doesNotHaveAttribute("deletedAt"));

    assertThat(thrown).isInstanceOf(AssertionError.class).hasMessage(String.format(
        "%nExpecting the item of table users with key%n  {UserId=S[value=u1]}%nnot to have"
            + " attribute deletedAt but it had%n  S[value=2026-12-03]"));
  }

  @Test
  void hasAttribute_failsWhenTheItemIsGone() {
    Throwable thrown = catchThrowable(() -> TombstoneAssertions.assertThat(tombstone.dynamoDb())
        .table("users").item("UserId", "u9").hasAttribute("deletedAt"));

    assertThat(thrown).isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expecting table users to contain an item with key");
  }

  @Test
  void stringKeyOnANumberKey_isReadAsTheNumber() {
    tombstone.dynamoDb().createTable("orders", KeySchema.of(KeyAttribute.n("OrderId")));
    tombstone.dynamoDb().putItem("orders", Item.builder().put("OrderId", AttributeValue.n("42"))
        .put("status", "NEW").build());

    TombstoneAssertions.assertThat(tombstone.dynamoDb()).table("orders")
        .containsKey("OrderId", "42").containsKey("OrderId", "42.0")
        .doesNotContainKey("OrderId", "43")
        .item("OrderId", "42").exists().hasAttribute("status", "NEW");
  }

  @Test
  void stringKeyThatIsNoNumber_onANumberKey_failsNamingTheKeyAndTheMapOverload() {
    tombstone.dynamoDb().createTable("orders", KeySchema.of(KeyAttribute.n("OrderId")));

    Throwable thrown = catchThrowable(() -> TombstoneAssertions.assertThat(tombstone.dynamoDb())
        .table("orders").doesNotContainKey("OrderId", "o-42"));

    assertThat(thrown).isInstanceOf(AssertionError.class).hasMessage(String.format(
        "%nTable orders is keyed by OrderId (N), so doesNotContainKey(\"OrderId\", \"o-42\")"
            + " cannot name an item: \"o-42\" is not a number.%nName the whole key with"
            + " doesNotContainKey(Map<String, AttributeValue>), e.g.%n"
            + "  doesNotContainKey(Map.of(\"OrderId\", AttributeValue.n(\"42\")))"));
  }

  @Test
  void stringKeyOnACompositeKey_failsPointingAtTheMapOverload() {
    tombstone.dynamoDb().createTable("lines",
        KeySchema.of(KeyAttribute.s("OrderId"), KeyAttribute.n("LineNo")));
    tombstone.dynamoDb().putItem("lines", Item.builder().put("OrderId", "o1")
        .put("LineNo", AttributeValue.n("1")).build());

    Throwable containsKey = catchThrowable(() -> TombstoneAssertions
        .assertThat(tombstone.dynamoDb()).table("lines").containsKey("OrderId", "o1"));
    Throwable item = catchThrowable(() -> TombstoneAssertions
        .assertThat(tombstone.dynamoDb()).table("lines").item("OrderId", "o1").exists());

    assertThat(containsKey).isInstanceOf(AssertionError.class).hasMessage(String.format(
        "%nTable lines is keyed by partition key OrderId (S) and sort key LineNo (N), so"
            + " containsKey(\"OrderId\", \"o1\") cannot name an item: a key has two attributes."
            + "%nName the whole key with containsKey(Map<String, AttributeValue>), e.g.%n"
            + "  containsKey(Map.of(\"OrderId\", AttributeValue.s(\"...\"), \"LineNo\","
            + " AttributeValue.n(\"42\")))"));
    assertThat(item).isInstanceOf(AssertionError.class)
        .hasMessageContaining("so item(\"OrderId\", \"o1\") cannot name an item");
    TombstoneAssertions.assertThat(tombstone.dynamoDb()).table("lines")
        .containsKey(Map.of("OrderId", AttributeValue.s("o1"), "LineNo", AttributeValue.n("1")));
  }

  @Test
  void stringKeyOfAnotherAttribute_failsNamingThePartitionKey() {
    Throwable thrown = catchThrowable(() -> TombstoneAssertions.assertThat(tombstone.dynamoDb())
        .table("users").containsKey("Email", "ada@example.com"));

    assertThat(thrown).isInstanceOf(AssertionError.class).hasMessageStartingWith(String.format(
        "%nTable users is keyed by UserId (S), so containsKey(\"Email\", \"ada@example.com\")"
            + " cannot name an item: Email is not its partition key."));
  }

  @Test
  void mapKeyThatDoesNotFitTheSchema_failsAsAnAssertion() {
    Map<String, AttributeValue> key = Map.of("UserId", AttributeValue.n("1"));

    Throwable containsKey = catchThrowable(() -> TombstoneAssertions
        .assertThat(tombstone.dynamoDb()).table("users").containsKey(key));
    Throwable item = catchThrowable(() -> TombstoneAssertions
        .assertThat(tombstone.dynamoDb()).table("users").item(key).exists());

    assertThat(containsKey).isInstanceOf(AssertionError.class).hasMessage(String.format(
        "%nTable users is keyed by UserId (S); the key%n  {UserId=N[1]}%ndoes not fit it: The"
            + " provided key element does not match the schema%nName the key like%n"
            + "  Map.of(\"UserId\", AttributeValue.s(\"...\"))"));
    assertThat(item).isInstanceOf(AssertionError.class).hasMessage(containsKey.getMessage());
  }
}
