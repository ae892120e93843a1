package dev.tombstone.internal.dynamodb.protocol;

import static dev.tombstone.internal.dynamodb.protocol.QuerySdkTest.def;
import static dev.tombstone.internal.dynamodb.protocol.QuerySdkTest.key;
import static dev.tombstone.internal.dynamodb.protocol.SdkErrors.validationMessage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.Tombstone;
import dev.tombstone.dynamodb.DynamoDbError;
import dev.tombstone.dynamodb.DynamoDbState;
import dev.tombstone.testing.RunningTombstone;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.Tag;

/**
 * TagResource, UntagResource and CreateTable refuse a tag with the texts DynamoDB answered in 2026
 * (the ack-api-quirks catalogue, DDB-TABLE-105/106/107/110/372), through the SDK v2; a refused
 * request changes nothing.
 */
class TagTextsSdkTest {
  static final Tag KEPT = tag("team", "billing");

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  final Tombstone tombstone = server.tombstone();
  final DynamoDbClient dynamo = server.dynamoDb();
  String arn;

  @BeforeEach
  void table() {
    arn = create("texts", List.of(KEPT));
  }

  @Test
  void keysAndValues_atTheirLongest_areAccepted_onePast_isNamed() {
    Tag longest = tag("k".repeat(128), "v".repeat(256));
    dynamo.tagResource(b -> b.resourceArn(arn).tags(longest));
    dynamo.untagResource(b -> b.resourceArn(arn).tagKeys(longest.key()));

    assertThat(refusedTag(tag("k".repeat(129), "v")))
        .isEqualTo("The Tag Key provided is invalid, Key: " + "k".repeat(129));
    assertThat(refusedTag(tag("k", "v".repeat(257))))
        .isEqualTo("The Tag Value provided is invalid, Value: " + "v".repeat(257));
    assertThat(refusedTag(tag("", "v"))).isEqualTo("The Tag Key provided is invalid, Key: ");
    assertThat(tags()).containsExactly(KEPT);
  }

  @Test
  void lengths_countCharacters_notBytesOrUtf16Units() {
    String hebrew = "\u05d0".repeat(128);
    String supplementary = "\uD840\uDC00".repeat(128); // U+20000, a CJK letter, 128 times
    dynamo.tagResource(b -> b.resourceArn(arn).tags(tag(hebrew, "x"), tag(supplementary,
        "\uD840\uDC00".repeat(256))));

    assertThat(tags()).extracting(Tag::key).containsExactly("team", hebrew, supplementary);
  }

  @Test
  void anAwsPrefixInAnyCase_isReserved_toAddAndToRemove() {
    assertThat(refusedTag(tag("aws:foo", "v")))
        .isEqualTo("Tag Key cannot be prefixed with aws:, Key: aws:foo");
    assertThat(refusedTag(tag("AWS:foo", "v")))
        .isEqualTo("Tag Key cannot be prefixed with aws:, Key: AWS:foo");
    assertThat(validationMessage(() -> dynamo.untagResource(b -> b.resourceArn(arn)
        .tagKeys("aws:foo")))).isEqualTo("Tag Key cannot be prefixed with aws:, Key: aws:foo");

    dynamo.tagResource(b -> b.resourceArn(arn).tags(tag("myaws:foo", "v")));
    assertThat(tags()).containsExactly(KEPT, tag("myaws:foo", "v"));
  }

  @Test
  void untag_namesAnEmptyOrTooLongKey() {
    assertThat(validationMessage(() -> dynamo.untagResource(b -> b.resourceArn(arn)
        .tagKeys("")))).isEqualTo("The Tag Key provided is invalid, Key: ");
    assertThat(validationMessage(() -> dynamo.untagResource(b -> b.resourceArn(arn)
        .tagKeys("team", "k".repeat(129)))))
        .isEqualTo("The Tag Key provided is invalid, Key: " + "k".repeat(129));
    assertThat(tags()).containsExactly(KEPT);
  }

  @Test
  void lettersNumbersAndSpacesOfAnyScript_andTheEightMarks_areAccepted() {
    // Cyrillic, Latin-1 and CJK letters, NBSP and ideographic space, numbers that are no digits.
    List<Tag> accepted = List.of(
        tag("\u043a\u043b\u044e\u0447", "\u0437\u043d\u0430\u0447\u0435\u043d\u0438\u0435"),
        tag("caf\u00e9", "cr\u00e8me"), tag("\u8868", "\u5024"),
        tag("nbsp\u00A0key", "ideographic\u3000space"), tag(" lead", "\u00bd \u216b"),
        tag("marks", "a+b-c=d.e_f:g/h@i"));
    dynamo.tagResource(b -> b.resourceArn(arn).tags(accepted));

    assertThat(tags()).hasSize(accepted.size() + 1).containsAll(accepted);
  }

  @ParameterizedTest
  @ValueSource(strings = {"\uD83D\uDD11", "100%", "a,b", "it's \"q\"", "(x)[y]{z}", "a&b",
      "a*b", "a;b", "a?b", "a|b", "a\\b", "<a>", "~a", "bad#char", "tab\tbed", "new\nline"})
  void otherCharacters_areRefused_inKeysAndValues(String text) {
    // Tab and newline are white space but no separator (\p{Z}): AWS's tag pattern refuses them.
    assertThat(refusedTag(tag(text, "v")))
        .isEqualTo("The Tag Key provided is invalid, Key: " + text);
    assertThat(refusedTag(tag("k", text)))
        .isEqualTo("The Tag Value provided is invalid, Value: " + text);
    assertThat(tags()).containsExactly(KEPT);
  }

  @Test
  void oneRefusedTag_failsTheWholeCall() {
    assertThat(validationMessage(() -> dynamo.tagResource(b -> b.resourceArn(arn)
        .tags(tag("good", "1"), tag("x".repeat(129), "2")))))
        .isEqualTo("The Tag Key provided is invalid, Key: " + "x".repeat(129));
    assertThat(validationMessage(() -> dynamo.tagResource(b -> b.resourceArn(arn)
        .tags(tag("good", "1"), tag("aws:zzz", "2")))))
        .isEqualTo("Tag Key cannot be prefixed with aws:, Key: aws:zzz");
    assertThat(tags()).containsExactly(KEPT);
  }

  @Test
  void lengths_beforeDuplicates_beforeCharacters() {
    assertThat(refusedTags(tag("d", "1"), tag("d", "2"), tag("k", "v".repeat(257))))
        .isEqualTo("The Tag Value provided is invalid, Value: " + "v".repeat(257));
    assertThat(refusedTags(tag("bad#", "1"), tag("d", "1"), tag("d", "2")))
        .isEqualTo("Duplicate Tag Keys provided as input: Duplicate Tag Key found d");
    assertThat(tags()).containsExactly(KEPT);
  }

  @Test
  void createTable_refusesWithTheSameTexts_andCreatesNothing() {
    assertThat(validationMessage(() -> create("reserved", List.of(tag("aws:foo", "v")))))
        .isEqualTo("Tag Key cannot be prefixed with aws:, Key: aws:foo");
    assertThat(validationMessage(() -> create("longkey", List.of(tag("x".repeat(129), "v")))))
        .isEqualTo("The Tag Key provided is invalid, Key: " + "x".repeat(129));
    assertThat(validationMessage(() -> create("hash", List.of(tag("ok", "bad#char")))))
        .isEqualTo("The Tag Value provided is invalid, Value: bad#char");

    assertThat(tombstone.dynamoDb().tableNames()).containsExactly("texts");
  }

  @Test
  void theEmbeddedApi_refusesWithTheSameTexts() {
    DynamoDbState state = tombstone.dynamoDb();

    assertThat(catchThrowableOfType(DynamoDbError.Validation.class,
        () -> state.tagResource(arn, Map.of("Aws:x", "v"))))
        .hasMessage("Tag Key cannot be prefixed with aws:, Key: Aws:x");
    assertThat(catchThrowableOfType(DynamoDbError.Validation.class,
        () -> state.untagResource(arn, List.of("a;b"))))
        .hasMessage("The Tag Key provided is invalid, Key: a;b");
    assertThat(state.listTagsOfResource(arn)).containsExactly(Map.entry("team", "billing"));
  }

  private String refusedTag(Tag tag) {
    return refusedTags(tag);
  }

  private String refusedTags(Tag... tags) {
    return validationMessage(() -> dynamo.tagResource(b -> b.resourceArn(arn).tags(tags)));
  }

  private List<Tag> tags() {
    return dynamo.listTagsOfResource(b -> b.resourceArn(arn)).tags();
  }

  private String create(String name, List<Tag> tags) {
    return dynamo.createTable(b -> b.tableName(name).keySchema(key("id", KeyType.HASH))
        .attributeDefinitions(def("id", ScalarAttributeType.S))
        .billingMode(BillingMode.PAY_PER_REQUEST).tags(tags)).tableDescription().tableArn();
  }

  static Tag tag(String key, String value) {
    return Tag.builder().key(key).value(value).build();
  }
}
