package dev.tombstone.internal.dynamodb.protocol;

import static dev.tombstone.internal.dynamodb.protocol.QuerySdkTest.def;
import static dev.tombstone.internal.dynamodb.protocol.QuerySdkTest.key;
import static dev.tombstone.internal.dynamodb.protocol.QuerySdkTest.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.Tombstone;
import dev.tombstone.testing.RunningTombstone;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.IdempotentParameterMismatchException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.Tag;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/** Tags on table ARNs, and TransactWriteItems' ClientRequestToken, through the SDK v2. */
class TagsAndIdempotencySdkTest {
  static final MovableClock CLOCK = new MovableClock();

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass(b -> b.clock(CLOCK));

  final Tombstone tombstone = server.tombstone();
  final DynamoDbClient dynamo = server.dynamoDb();
  String arn;

  /** A clock the test moves by hand. */
  static final class MovableClock extends Clock {
    private volatile Instant now = Instant.parse("2026-01-01T00:00:00Z");

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }

  @BeforeEach
  void table() {
    arn = dynamo.createTable(b -> b.tableName("ledger").keySchema(key("id", KeyType.HASH))
        .attributeDefinitions(def("id", ScalarAttributeType.S))
        .billingMode(BillingMode.PAY_PER_REQUEST)).tableDescription().tableArn();
  }

  @Test
  void tags_areAdded_replaced_listed_andRemoved() {
    dynamo.tagResource(b -> b.resourceArn(arn).tags(tag("team", "billing"), tag("env", "test")));
    dynamo.tagResource(b -> b.resourceArn(arn).tags(tag("team", "payments")));

    assertThat(dynamo.listTagsOfResource(b -> b.resourceArn(arn)).tags())
        .containsExactly(tag("team", "payments"), tag("env", "test"));

    dynamo.untagResource(b -> b.resourceArn(arn).tagKeys("team", "absent"));
    assertThat(dynamo.listTagsOfResource(b -> b.resourceArn(arn)).tags())
        .containsExactly(tag("env", "test"));
  }

  /** ScyllaDB's test_tags_return_empty_body, run against DynamoDB: no {} on success. */
  @Test
  void tagAndUntag_answerAnEmptyBody() {
    Wire wire = new Wire(tombstone.endpoint());

    Wire.Response tagged = wire.post("DynamoDB_20120810.TagResource",
        "{\"ResourceArn\":\"" + arn + "\",\"Tags\":[{\"Key\":\"k\",\"Value\":\"v\"}]}");
    Wire.Response untagged = wire.post("DynamoDB_20120810.UntagResource",
        "{\"ResourceArn\":\"" + arn + "\",\"TagKeys\":[\"k\"]}");

    assertThat(tagged.status()).isEqualTo(200);
    assertThat(tagged.body()).isEmpty();
    assertThat(untagged.status()).isEqualTo(200);
    assertThat(untagged.body()).isEmpty();
    assertThat(dynamo.listTagsOfResource(b -> b.resourceArn(arn)).tags()).isEmpty();
  }

  @Test
  void tags_limits() {
    List<Tag> many = new ArrayList<>();
    for (int i = 0; i < 51; i++) {
      many.add(tag("k" + i, "v"));
    }
    DynamoDbException tooMany = catchThrowableOfType(DynamoDbException.class,
        () -> dynamo.tagResource(b -> b.resourceArn(arn).tags(many)));
    assertThat(tooMany.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
    assertThat(tooMany.awsErrorDetails().errorMessage())
        .isEqualTo("Number of Tags exceed the current limit for the provided ResourceArn");
    assertThat(dynamo.listTagsOfResource(b -> b.resourceArn(arn)).tags()).isEmpty();

    DynamoDbException longKey = catchThrowableOfType(DynamoDbException.class,
        () -> dynamo.tagResource(b -> b.resourceArn(arn).tags(tag("k".repeat(129), "v"))));
    assertThat(longKey.awsErrorDetails().errorMessage())
        .isEqualTo("The Tag Key provided is invalid, Key: " + "k".repeat(129));
    DynamoDbException reserved = catchThrowableOfType(DynamoDbException.class,
        () -> dynamo.tagResource(b -> b.resourceArn(arn).tags(tag("aws:x", "v"))));
    assertThat(reserved.awsErrorDetails().errorCode()).isEqualTo("ValidationException");

    ResourceNotFoundException missing = catchThrowableOfType(ResourceNotFoundException.class,
        () -> dynamo.listTagsOfResource(b -> b.resourceArn(arn.replace("ledger", "nope"))));
    assertThat(missing.awsErrorDetails().errorMessage()).contains("nope");
  }

  @Test
  void goingPastFiftyTags_withExistingOnes_isAValidationException() {
    dynamo.tagResource(b -> b.resourceArn(arn).tags(numbered(0, 30)));
    dynamo.tagResource(b -> b.resourceArn(arn).tags(numbered(20, 40)));

    DynamoDbException e = catchThrowableOfType(DynamoDbException.class,
        () -> dynamo.tagResource(b -> b.resourceArn(arn).tags(numbered(40, 60))));

    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
    assertThat(dynamo.listTagsOfResource(b -> b.resourceArn(arn)).tags()).hasSize(40);
  }

  @Test
  void emptyLists_areRefused() {
    DynamoDbException tag = catchThrowableOfType(DynamoDbException.class,
        () -> dynamo.tagResource(b -> b.resourceArn(arn).tags(List.of())));
    DynamoDbException untag = catchThrowableOfType(DynamoDbException.class,
        () -> dynamo.untagResource(b -> b.resourceArn(arn).tagKeys(List.of())));

    assertThat(tag.awsErrorDetails().errorMessage())
        .isEqualTo("Atleast one Tag needs to be provided as Input.");
    assertThat(untag.awsErrorDetails().errorMessage())
        .isEqualTo("Atleast one Tag Key needs to be provided as Input.");
  }

  @Test
  void untaggingMoreThanFiftyKeys_isRefused() {
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < 51; i++) {
      keys.add("k" + i);
    }
    DynamoDbException e = catchThrowableOfType(DynamoDbException.class,
        () -> dynamo.untagResource(b -> b.resourceArn(arn).tagKeys(keys)));

    assertThat(e.awsErrorDetails().errorMessage())
        .isEqualTo("Number of Tags exceed the current limit for the provided ResourceArn");
  }

  @Test
  void aResourceArnNotStartingWithArn_isRefused() {
    DynamoDbException e = catchThrowableOfType(DynamoDbException.class,
        () -> dynamo.tagResource(b -> b.resourceArn("I_do_not_exist").tags(tag("7", "8"))));

    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(
        "One or more parameter values were invalid: ARNs must start with 'arn:': I_do_not_exist");
  }

  @Test
  void anIndexArn_isRefusedByAllThreeOperations() {
    String indexArn = arn + "/index/byTeam";
    String expected = "One or more parameter values were invalid: Invalid resource arn"
        + " provided, only table or stream is accepted. Provided resource arn: " + indexArn;

    DynamoDbException list = catchThrowableOfType(DynamoDbException.class,
        () -> dynamo.listTagsOfResource(b -> b.resourceArn(indexArn)));
    DynamoDbException tag = catchThrowableOfType(DynamoDbException.class,
        () -> dynamo.tagResource(b -> b.resourceArn(indexArn).tags(tag("a", "b"))));
    DynamoDbException untag = catchThrowableOfType(DynamoDbException.class,
        () -> dynamo.untagResource(b -> b.resourceArn(indexArn).tagKeys("a")));

    for (DynamoDbException e : List.of(list, tag, untag)) {
      assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
      assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(expected);
    }
    assertThat(dynamo.listTagsOfResource(b -> b.resourceArn(arn)).tags()).isEmpty();
  }

  @Test
  void clientRequestToken_repeatedWithinTenMinutes_isNotAppliedAgain() {
    dynamo.transactWriteItems(b -> b.clientRequestToken("tok-1").transactItems(put("a")));
    dynamo.deleteItem(b -> b.tableName("ledger").key(Map.of("id", s("a"))));

    CLOCK.advance(Duration.ofMinutes(9));
    dynamo.transactWriteItems(b -> b.clientRequestToken("tok-1").transactItems(put("a")));

    assertThat(dynamo.getItem(b -> b.tableName("ledger").key(Map.of("id", s("a")))).hasItem())
        .as("the repeat is answered, not applied").isFalse();

    CLOCK.advance(Duration.ofMinutes(2));
    dynamo.transactWriteItems(b -> b.clientRequestToken("tok-1").transactItems(put("a")));
    assertThat(dynamo.getItem(b -> b.tableName("ledger").key(Map.of("id", s("a")))).hasItem())
        .as("after 10 minutes the token is new again").isTrue();
  }

  @Test
  void clientRequestToken_withOtherParameters_isRefused() {
    dynamo.transactWriteItems(b -> b.clientRequestToken("tok-2").transactItems(put("a")));

    IdempotentParameterMismatchException e = catchThrowableOfType(
        IdempotentParameterMismatchException.class,
        () -> dynamo.transactWriteItems(b -> b.clientRequestToken("tok-2")
            .transactItems(put("b"))));

    assertThat(e.statusCode()).isEqualTo(400);
    assertThat(dynamo.getItem(b -> b.tableName("ledger").key(Map.of("id", s("b")))).hasItem())
        .isFalse();
  }

  @Test
  void clientRequestToken_mismatch_answersWithAnUpperCaseMessageMember() {
    String put = "{\"Put\":{\"TableName\":\"ledger\",\"Item\":{\"id\":{\"S\":\"%s\"}}}}";
    Wire wire = new Wire(tombstone.endpoint());
    String target = "DynamoDB_20120810.TransactWriteItems";
    wire.post(target, "{\"ClientRequestToken\":\"tok-3\",\"TransactItems\":["
        + put.formatted("a") + "]}");

    Wire.Response mismatch = wire.post(target, "{\"ClientRequestToken\":\"tok-3\","
        + "\"TransactItems\":[" + put.formatted("b") + "]}");

    assertThat(mismatch.status()).isEqualTo(400);
    assertThat(mismatch.body()).isEqualTo("{\"__type\":\"com.amazonaws.dynamodb.v20120810#"
        + "IdempotentParameterMismatchException\",\"Message\":\"\"}");
  }

  @Test
  void transactionPayloadOver4Mb_isRefused() {
    List<TransactWriteItem> items = new ArrayList<>();
    for (int i = 0; i < 15; i++) {
      String id = "k" + i;
      items.add(TransactWriteItem.builder().put(p -> p.tableName("ledger")
          .item(Map.of("id", s(id), "d", s("x".repeat(300_000))))).build());
    }
    DynamoDbException e = catchThrowableOfType(DynamoDbException.class,
        () -> dynamo.transactWriteItems(b -> b.transactItems(items)));

    assertThat(e.awsErrorDetails().errorMessage())
        .isEqualTo("Transaction payload size cannot exceed 4MB. Payload Size: 4200074");
    assertThat(tombstone.dynamoDb().items("ledger")).isEmpty();
  }

  private static TransactWriteItem put(String id) {
    return TransactWriteItem.builder()
        .put(p -> p.tableName("ledger").item(Map.of("id", s(id)))).build();
  }

  private static List<Tag> numbered(int from, int to) {
    List<Tag> tags = new ArrayList<>();
    for (int i = from; i < to; i++) {
      tags.add(tag(Integer.toString(i), Integer.toString(i)));
    }
    return tags;
  }

  private static Tag tag(String key, String value) {
    return Tag.builder().key(key).value(value).build();
  }
}
