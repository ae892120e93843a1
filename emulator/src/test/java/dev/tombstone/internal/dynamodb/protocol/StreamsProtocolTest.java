package dev.tombstone.internal.dynamodb.protocol;

import static dev.tombstone.internal.dynamodb.protocol.SdkErrors.validationMessage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.ManualClock;
import dev.tombstone.Tombstone;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ShardFilterType;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamDescription;
import software.amazon.awssdk.services.dynamodb.model.StreamStatus;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** DynamoDB Streams through the SDK v2: the stream on tables, the four reads, every write path. */
class StreamsProtocolTest {
  static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  ManualClock clock;
  Tombstone tombstone;
  DynamoDbClient dynamo;
  DynamoDbStreamsClient streams;

  @BeforeEach
  void start() {
    clock = ManualClock.startingAt(START);
    tombstone = Tombstone.builder().clock(clock).start();
    dynamo = SdkClients.dynamoDb(tombstone.endpoint());
    streams = SdkClients.streams(tombstone.endpoint());
  }

  @AfterEach
  void stop() {
    streams.close();
    dynamo.close();
    tombstone.close();
  }

  TableDescription create(String name, StreamViewType viewType) {
    return dynamo.createTable(b -> {
      b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
          .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
          .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S));
      if (viewType != null) {
        b.streamSpecification(s -> s.streamEnabled(true).streamViewType(viewType));
      }
    }).tableDescription();
  }

  static Map<String, AttributeValue> item(String id, String value) {
    return Map.of("id", AttributeValue.fromS(id), "v", AttributeValue.fromS(value));
  }

  static Map<String, AttributeValue> key(String id) {
    return Map.of("id", AttributeValue.fromS(id));
  }

  String iterator(String streamArn, ShardIteratorType type) {
    String shard = streams.describeStream(b -> b.streamArn(streamArn)).streamDescription()
        .shards().get(0).shardId();
    return streams.getShardIterator(b -> b.streamArn(streamArn).shardId(shard)
        .shardIteratorType(type)).shardIterator();
  }

  List<Record> all(String streamArn) {
    return streams.getRecords(b -> b.shardIterator(iterator(streamArn,
        ShardIteratorType.TRIM_HORIZON))).records();
  }

  @Test
  void createTable_withStream_describesItAndListsIt() {
    TableDescription created = create("orders", StreamViewType.NEW_AND_OLD_IMAGES);

    assertThat(created.streamSpecification().streamEnabled()).isTrue();
    assertThat(created.streamSpecification().streamViewType())
        .isEqualTo(StreamViewType.NEW_AND_OLD_IMAGES);
    assertThat(created.latestStreamLabel()).isEqualTo("2026-01-01T00:00:00.000");
    assertThat(created.latestStreamArn()).isEqualTo(
        "arn:aws:dynamodb:us-east-1:000000000000:table/orders/stream/2026-01-01T00:00:00.000");
    TableDescription described = dynamo.describeTable(b -> b.tableName("orders")).table();
    assertThat(described.latestStreamArn()).isEqualTo(created.latestStreamArn());
    assertThat(streams.listStreams(b -> b.tableName("orders")).streams())
        .singleElement().satisfies(s -> {
          assertThat(s.streamArn()).isEqualTo(created.latestStreamArn());
          assertThat(s.streamLabel()).isEqualTo(created.latestStreamLabel());
          assertThat(s.tableName()).isEqualTo("orders");
        });
    StreamDescription stream = streams.describeStream(b -> b.streamArn(created.latestStreamArn()))
        .streamDescription();
    assertThat(stream.streamStatus()).isEqualTo(StreamStatus.ENABLED);
    assertThat(stream.streamViewType()).isEqualTo(StreamViewType.NEW_AND_OLD_IMAGES);
    assertThat(stream.tableName()).isEqualTo("orders");
    assertThat(stream.keySchema()).singleElement()
        .satisfies(k -> assertThat(k.attributeName()).isEqualTo("id"));
    assertThat(stream.creationRequestDateTime()).isEqualTo(START);
    assertThat(stream.shards()).singleElement().satisfies(shard -> {
      assertThat(shard.shardId()).hasSizeBetween(28, 65);
      assertThat(shard.sequenceNumberRange().startingSequenceNumber()).matches("[0-9]{21}");
      assertThat(shard.sequenceNumberRange().endingSequenceNumber()).isNull();
    });
  }

  @Test
  void tableWithoutStream_hasNoStreamFields_andNoStreams() {
    TableDescription created = create("plain", null);

    assertThat(created.streamSpecification()).isNull();
    assertThat(created.latestStreamArn()).isNull();
    assertThat(streams.listStreams(b -> b.tableName("plain")).streams()).isEmpty();
  }

  @Test
  void everyWritePath_recordsInsertModifyRemove_inOrder_andSkipsNonChanges() {
    String arn = create("tab-t1", StreamViewType.NEW_AND_OLD_IMAGES).latestStreamArn();

    dynamo.putItem(b -> b.tableName("tab-t1").item(item("a", "1")));
    dynamo.putItem(b -> b.tableName("tab-t1").item(item("a", "1"))); // unchanged: no record
    dynamo.updateItem(b -> b.tableName("tab-t1").key(key("a")).updateExpression("SET v = :v")
        .expressionAttributeValues(Map.of(":v", AttributeValue.fromS("2"))));
    dynamo.deleteItem(b -> b.tableName("tab-t1").key(key("a")));
    dynamo.deleteItem(b -> b.tableName("tab-t1").key(key("a"))); // nothing deleted: no record
    dynamo.batchWriteItem(b -> b.requestItems(Map.of("tab-t1", List.of(
        software.amazon.awssdk.services.dynamodb.model.WriteRequest.builder()
            .putRequest(p -> p.item(item("b", "1"))).build()))));
    dynamo.transactWriteItems(b -> b.transactItems(t -> t.delete(d -> d.tableName("tab-t1")
        .key(key("b")))));

    List<Record> records = all(arn);

    assertThat(records).extracting(Record::eventName).containsExactly(OperationType.INSERT,
        OperationType.MODIFY, OperationType.REMOVE, OperationType.INSERT, OperationType.REMOVE);
    Record modify = records.get(1);
    assertThat(modify.dynamodb().oldImage()).isEqualTo(item("a", "1"));
    assertThat(modify.dynamodb().newImage()).isEqualTo(item("a", "2"));
    assertThat(modify.dynamodb().keys()).isEqualTo(key("a"));
    Record remove = records.get(2);
    assertThat(remove.dynamodb().oldImage()).isEqualTo(item("a", "2"));
    assertThat(remove.dynamodb().newImage()).isEmpty();
    assertThat(remove.userIdentity()).isNull();
    assertThat(records).allSatisfy(r -> {
      assertThat(r.eventVersion()).isEqualTo("1.1");
      assertThat(r.eventSource()).isEqualTo("aws:dynamodb");
      assertThat(r.awsRegion()).isEqualTo("us-east-1");
      assertThat(r.eventID()).isNotBlank();
      assertThat(r.dynamodb().sequenceNumber()).matches("[0-9]{21}");
      assertThat(r.dynamodb().approximateCreationDateTime()).isEqualTo(START);
      assertThat(r.dynamodb().sizeBytes()).isPositive();
    });
    assertThat(records).extracting(r -> r.dynamodb().sequenceNumber()).isSorted();
  }

  @ParameterizedTest
  @EnumSource(value = StreamViewType.class, names = "UNKNOWN_TO_SDK_VERSION",
      mode = EnumSource.Mode.EXCLUDE)
  void eachViewType_carriesItsImages(StreamViewType viewType) {
    String arn = create("views", viewType).latestStreamArn();
    dynamo.putItem(b -> b.tableName("views").item(item("a", "1")));
    dynamo.putItem(b -> b.tableName("views").item(item("a", "2")));

    Record modify = all(arn).get(1);

    boolean newImage = viewType == StreamViewType.NEW_IMAGE
        || viewType == StreamViewType.NEW_AND_OLD_IMAGES;
    boolean oldImage = viewType == StreamViewType.OLD_IMAGE
        || viewType == StreamViewType.NEW_AND_OLD_IMAGES;
    assertThat(modify.dynamodb().streamViewType()).isEqualTo(viewType);
    assertThat(modify.dynamodb().keys()).isEqualTo(key("a"));
    assertThat(modify.dynamodb().hasNewImage()).isEqualTo(newImage);
    assertThat(modify.dynamodb().hasOldImage()).isEqualTo(oldImage);
    // "id"+"a" is 3 bytes; each image "id"+"a"+"v"+"1" is 5.
    assertThat(modify.dynamodb().sizeBytes()).isEqualTo(3 + (newImage ? 5 : 0) + (oldImage ? 5 : 0));
  }

  @Test
  void latestIterator_readsOnlyLaterChanges_andNextIteratorContinues() {
    String arn = create("tab-t2", StreamViewType.KEYS_ONLY).latestStreamArn();
    dynamo.putItem(b -> b.tableName("tab-t2").item(item("before", "1")));
    String latest = iterator(arn, ShardIteratorType.LATEST);

    GetRecordsResponse empty = streams.getRecords(b -> b.shardIterator(latest));
    dynamo.putItem(b -> b.tableName("tab-t2").item(item("after", "1")));
    GetRecordsResponse next =
        streams.getRecords(b -> b.shardIterator(empty.nextShardIterator()));

    assertThat(empty.records()).isEmpty();
    assertThat(next.records()).singleElement()
        .satisfies(r -> assertThat(r.dynamodb().keys()).isEqualTo(key("after")));
    assertThat(next.nextShardIterator()).isNotNull();
  }

  @Test
  void sequenceNumberIterators_startAtOrAfterTheRecord_andLimitPages() {
    String arn = create("tab-t3", StreamViewType.KEYS_ONLY).latestStreamArn();
    for (String id : List.of("a", "b", "c")) {
      dynamo.putItem(b -> b.tableName("tab-t3").item(item(id, "1")));
    }
    List<Record> records = all(arn);
    String shard = streams.describeStream(b -> b.streamArn(arn)).streamDescription().shards()
        .get(0).shardId();
    String second = records.get(1).dynamodb().sequenceNumber();

    String at = streams.getShardIterator(b -> b.streamArn(arn).shardId(shard)
        .shardIteratorType(ShardIteratorType.AT_SEQUENCE_NUMBER).sequenceNumber(second))
        .shardIterator();
    String after = streams.getShardIterator(b -> b.streamArn(arn).shardId(shard)
        .shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER).sequenceNumber(second))
        .shardIterator();
    GetRecordsResponse page = streams.getRecords(b -> b.shardIterator(at).limit(1));

    assertThat(page.records()).extracting(r -> r.dynamodb().keys()).containsExactly(key("b"));
    assertThat(streams.getRecords(b -> b.shardIterator(page.nextShardIterator())).records())
        .extracting(r -> r.dynamodb().keys()).containsExactly(key("c"));
    assertThat(streams.getRecords(b -> b.shardIterator(after)).records())
        .extracting(r -> r.dynamodb().keys()).containsExactly(key("c"));
  }

  @Test
  void atAndAfterTheStartingSequenceNumber_ofAnEmptyShard_readTheFirstRecordWrittenLater() {
    String arn = create("tab-s1", StreamViewType.KEYS_ONLY).latestStreamArn();
    var shard = streams.describeStream(b -> b.streamArn(arn)).streamDescription().shards()
        .get(0);
    String start = shard.sequenceNumberRange().startingSequenceNumber();

    String after = streams.getShardIterator(b -> b.streamArn(arn).shardId(shard.shardId())
        .shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER).sequenceNumber(start))
        .shardIterator();
    String at = streams.getShardIterator(b -> b.streamArn(arn).shardId(shard.shardId())
        .shardIteratorType(ShardIteratorType.AT_SEQUENCE_NUMBER).sequenceNumber(start))
        .shardIterator();
    dynamo.putItem(b -> b.tableName("tab-s1").item(item("first", "1")));

    for (String iterator : List.of(after, at)) {
      assertThat(streams.getRecords(b -> b.shardIterator(iterator)).records()).singleElement()
          .satisfies(r -> {
            assertThat(r.dynamodb().keys()).isEqualTo(key("first"));
            assertThat(r.dynamodb().sequenceNumber()).isGreaterThan(start);
          });
    }
  }

  @Test
  void sequenceNumbersNotYetHandedOut_areRefused_forAtAndAfterAlike() {
    String arn = create("tab-s2", StreamViewType.KEYS_ONLY).latestStreamArn();
    dynamo.putItem(b -> b.tableName("tab-s2").item(item("a", "1")));
    String shard = streams.describeStream(b -> b.streamArn(arn)).streamDescription().shards()
        .get(0).shardId();
    String last = all(arn).get(0).dynamodb().sequenceNumber();
    String unwritten = String.format("%021d", Long.parseLong(last) + 1);

    for (ShardIteratorType type : List.of(ShardIteratorType.AT_SEQUENCE_NUMBER,
        ShardIteratorType.AFTER_SEQUENCE_NUMBER)) {
      DynamoDbException thrown = catchThrowableOfType(() -> streams.getShardIterator(b -> b
          .streamArn(arn).shardId(shard).shardIteratorType(type).sequenceNumber(unwritten)),
          DynamoDbException.class);
      assertThat(thrown.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
      assertThat(thrown.awsErrorDetails().errorMessage())
          .isEqualTo("Invalid SequenceNumber for the shard");
    }
    String afterLast = streams.getShardIterator(b -> b.streamArn(arn).shardId(shard)
        .shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER).sequenceNumber(last))
        .shardIterator();
    dynamo.putItem(b -> b.tableName("tab-s2").item(item("b", "1")));
    assertThat(streams.getRecords(b -> b.shardIterator(afterLast)).records())
        .extracting(r -> r.dynamodb().keys()).containsExactly(key("b"));
  }

  @Test
  void updateTable_enablesAndDisablesTheStream_closingItsShard() {
    create("tab-t4", null);
    TableDescription enabled = dynamo.updateTable(b -> b.tableName("tab-t4")
        .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.KEYS_ONLY)))
        .tableDescription();
    dynamo.putItem(b -> b.tableName("tab-t4").item(item("a", "1")));
    String open = iterator(enabled.latestStreamArn(), ShardIteratorType.TRIM_HORIZON);

    TableDescription disabled = dynamo.updateTable(b -> b.tableName("tab-t4")
        .streamSpecification(s -> s.streamEnabled(false))).tableDescription();
    dynamo.putItem(b -> b.tableName("tab-t4").item(item("b", "1")));
    GetRecordsResponse read = streams.getRecords(b -> b.shardIterator(open));

    assertThat(enabled.streamSpecification().streamViewType()).isEqualTo(StreamViewType.KEYS_ONLY);
    assertThat(disabled.streamSpecification()).isNull();
    assertThat(disabled.latestStreamArn()).isEqualTo(enabled.latestStreamArn());
    StreamDescription stream = streams.describeStream(b -> b.streamArn(enabled.latestStreamArn()))
        .streamDescription();
    assertThat(stream.streamStatus()).isEqualTo(StreamStatus.DISABLED);
    assertThat(stream.shards().get(0).sequenceNumberRange().endingSequenceNumber())
        .isEqualTo(read.records().get(0).dynamodb().sequenceNumber());
    assertThat(read.records()).singleElement();
    assertThat(read.nextShardIterator()).isNull();
  }

  @Test
  void streamSpecification_refusesASecondStream_noStreamToDisable_andAMissingViewType() {
    create("tab-t5", StreamViewType.KEYS_ONLY);
    create("tab-t6", null);

    assertThat(catchThrowableOfType(() -> dynamo.updateTable(b -> b.tableName("tab-t5")
        .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE))),
        DynamoDbException.class).awsErrorDetails().errorMessage())
        .isEqualTo("Table already has an enabled stream: TableName: tab-t5");
    assertThat(catchThrowableOfType(() -> dynamo.updateTable(b -> b.tableName("tab-t6")
        .streamSpecification(s -> s.streamEnabled(false))),
        DynamoDbException.class).awsErrorDetails().errorMessage())
        .isEqualTo("Table has no stream to disable: TableName: tab-t6");
    assertThat(catchThrowableOfType(() -> dynamo.updateTable(b -> b.tableName("tab-t6")
        .streamSpecification(s -> s.streamEnabled(true))),
        DynamoDbException.class).awsErrorDetails().errorMessage())
        .isEqualTo("One or more parameter values were invalid: If stream is being enabled then"
            + " UpdateViewType is required");
    assertThat(catchThrowableOfType(() -> dynamo.createTable(b -> b.tableName("tab-t8")
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
        .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
        .streamSpecification(s -> s.streamEnabled(true))),
        DynamoDbException.class).awsErrorDetails().errorMessage())
        .isEqualTo("One or more parameter values were invalid: Table is being created with a"
            + " stream enabled, UpdateViewType is required");
    DynamoDbException both = catchThrowableOfType(() -> dynamo.createTable(b -> b.tableName("tab-t8")
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
        .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
        .streamSpecification(s -> s.streamEnabled(false)
            .streamViewType(StreamViewType.KEYS_ONLY))), DynamoDbException.class);
    assertThat(both.awsErrorDetails().errorMessage()).isEqualTo("One or more parameter values"
        + " were invalid: Table is being created with a stream disabled, UpdateViewType should"
        + " not be specified");
    assertThat(dynamo.listTables().tableNames()).doesNotContain("tab-t8");
    assertThat(streams.listStreams(b -> b.tableName("tab-t6")).streams()).isEmpty();
  }

  @Test
  void updateTable_disablingWithAViewType_isRefused_andKeepsTheStream() {
    String arn = create("tab-t7", StreamViewType.KEYS_ONLY).latestStreamArn();

    DynamoDbException thrown = catchThrowableOfType(() -> dynamo.updateTable(b -> b
        .tableName("tab-t7").streamSpecification(s -> s.streamEnabled(false)
            .streamViewType(StreamViewType.NEW_IMAGE))), DynamoDbException.class);

    assertThat(thrown.statusCode()).isEqualTo(400);
    assertThat(thrown.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
    assertThat(thrown.awsErrorDetails().errorMessage()).isEqualTo("One or more parameter values"
        + " were invalid: If stream is being disabled, then UpdateViewType must not be"
        + " specified");
    assertThat(streams.describeStream(b -> b.streamArn(arn)).streamDescription().streamStatus())
        .isEqualTo(StreamStatus.ENABLED);
  }

  @Test
  void deleteTable_disablesTheStream_whichStaysReadableFor24Hours() {
    String arn = create("tab-t9", StreamViewType.KEYS_ONLY).latestStreamArn();
    dynamo.putItem(b -> b.tableName("tab-t9").item(item("a", "1")));

    dynamo.deleteTable(b -> b.tableName("tab-t9"));

    assertThat(streams.describeStream(b -> b.streamArn(arn)).streamDescription().streamStatus())
        .isEqualTo(StreamStatus.DISABLED);
    assertThat(all(arn)).singleElement();
    clock.advance(Duration.ofHours(24).plusSeconds(1));
    assertThat(catchThrowableOfType(() -> streams.describeStream(b -> b.streamArn(arn)),
        ResourceNotFoundException.class).awsErrorDetails().errorMessage())
        .isEqualTo("Requested resource not found: Stream: " + arn + " not found");
  }

  @Test
  void timeToLiveDelete_isARemove_byTheDynamoDbService() {
    String arn = create("sessions", StreamViewType.OLD_IMAGE).latestStreamArn();
    dynamo.updateTimeToLive(b -> b.tableName("sessions")
        .timeToLiveSpecification(s -> s.attributeName("expiresAt").enabled(true)));
    long inOneHour = START.plus(Duration.ofHours(1)).getEpochSecond();
    dynamo.putItem(b -> b.tableName("sessions").item(Map.of("id", AttributeValue.fromS("s-1"),
        "expiresAt", AttributeValue.fromN(Long.toString(inOneHour)))));
    dynamo.putItem(b -> b.tableName("sessions").item(item("s-2", "1")));
    dynamo.deleteItem(b -> b.tableName("sessions").key(key("s-2")));

    clock.advance(Duration.ofHours(2));
    List<Record> records = all(arn);

    assertThat(records).extracting(Record::eventName).containsExactly(OperationType.INSERT,
        OperationType.INSERT, OperationType.REMOVE, OperationType.REMOVE);
    assertThat(records.get(2).userIdentity()).isNull();
    Record expired = records.get(3);
    assertThat(expired.dynamodb().keys()).isEqualTo(key("s-1"));
    assertThat(expired.dynamodb().oldImage()).containsKey("expiresAt");
    assertThat(expired.userIdentity().type()).isEqualTo("Service");
    assertThat(expired.userIdentity().principalId()).isEqualTo("dynamodb.amazonaws.com");
    assertThat(expired.dynamodb().approximateCreationDateTime())
        .isEqualTo(START.plus(Duration.ofHours(2)));
  }

  @Test
  void iterator_expiresAfter15MinutesOnTheClock() {
    String arn = create("tab-t10", StreamViewType.KEYS_ONLY).latestStreamArn();
    String fresh = iterator(arn, ShardIteratorType.TRIM_HORIZON);
    clock.advance(Duration.ofMinutes(15));
    String next = streams.getRecords(b -> b.shardIterator(fresh)).nextShardIterator();

    clock.advance(Duration.ofMinutes(15).plusSeconds(1));

    assertThat(catchThrowableOfType(() -> streams.getRecords(b -> b.shardIterator(next)),
        ExpiredIteratorException.class).statusCode()).isEqualTo(400);
  }

  @Test
  void recordsOlderThan24Hours_areTrimmed() {
    String arn = create("tab-t11", StreamViewType.KEYS_ONLY).latestStreamArn();
    dynamo.putItem(b -> b.tableName("tab-t11").item(item("old", "1")));
    String oldSequence = all(arn).get(0).dynamodb().sequenceNumber();
    clock.advance(Duration.ofHours(23).plusMinutes(59));
    dynamo.putItem(b -> b.tableName("tab-t11").item(item("new", "1")));
    String atOld = iterator(arn, ShardIteratorType.TRIM_HORIZON);

    clock.advance(Duration.ofMinutes(2));

    assertThat(all(arn)).extracting(r -> r.dynamodb().keys()).containsExactly(key("new"));
    assertThat(catchThrowableOfType(() -> streams.getRecords(b -> b.shardIterator(atOld)),
        TrimmedDataAccessException.class).awsErrorDetails().errorMessage())
        .isEqualTo("The operation attempted to read past the oldest stream record in a shard.");
    String shard = streams.describeStream(b -> b.streamArn(arn)).streamDescription().shards()
        .get(0).shardId();
    assertThat(catchThrowableOfType(() -> streams.getShardIterator(b -> b.streamArn(arn)
        .shardId(shard).shardIteratorType(ShardIteratorType.AT_SEQUENCE_NUMBER)
        .sequenceNumber(oldSequence)), TrimmedDataAccessException.class)).isNotNull();
  }

  @Test
  void errors_areDynamoDbsAnswers() {
    String arn = create("tab-t12", StreamViewType.KEYS_ONLY).latestStreamArn();
    String shard = streams.describeStream(b -> b.streamArn(arn)).streamDescription().shards()
        .get(0).shardId();
    String unknown = arn.replace("tab-t12", "tab-t13");

    assertThat(catchThrowableOfType(() -> streams.describeStream(b -> b.streamArn(unknown)),
        ResourceNotFoundException.class).awsErrorDetails().errorMessage())
        .isEqualTo("Requested resource not found: Stream: " + unknown + " not found");
    assertThat(validationMessage(() -> streams.describeStream(b -> b.streamArn(
        "not-a-stream-arn-but-long-enough-for-the-model")))).isEqualTo("Invalid StreamArn");
    assertThat(validationMessage(() -> streams.listStreams(b -> b.limit(0))))
        .isEqualTo("1 validation error detected: Value '0' at 'limit' failed to satisfy"
            + " constraint: Member must have value greater than or equal to 1");
    assertThat(validationMessage(() -> streams.getShardIterator(b -> b.streamArn(arn).shardId(shard)
        .shardIteratorType(ShardIteratorType.AT_SEQUENCE_NUMBER))))
        .isEqualTo("One or more parameter values were invalid: Invalid SequenceNumber");
    assertThat(validationMessage(() -> streams.getShardIterator(b -> b.streamArn(arn).shardId(shard)
        .shardIteratorType(ShardIteratorType.LATEST).sequenceNumber("000000000000000000001"))))
        .isEqualTo("One or more parameter values were invalid: SequenceNumber should not be"
            + " passed for this iterator type");
    assertThat(catchThrowableOfType(() -> streams.getShardIterator(b -> b.streamArn(arn)
        .shardId("shardId-00000000000000000000-00000000")
        .shardIteratorType(ShardIteratorType.LATEST)), ResourceNotFoundException.class))
        .isNotNull();
    assertThat(validationMessage(() -> streams.getRecords(b -> b.shardIterator("garbage"))))
        .isEqualTo("Invalid ShardIterator");
    assertThat(validationMessage(
        () -> streams.getRecords(b -> b.shardIterator("garbage").limit(1001))))
        .isEqualTo("One or more parameter values were invalid: Limit should be less than or"
            + " equal to 1000");
  }

  @Test
  void describeStream_childShardsFilter_listsNoShard_sinceTheOneShardNeverSplits() {
    String arn = create("tab-f1", StreamViewType.KEYS_ONLY).latestStreamArn();
    String shard = streams.describeStream(b -> b.streamArn(arn)).streamDescription().shards()
        .get(0).shardId();

    StreamDescription children = streams.describeStream(b -> b.streamArn(arn)
        .shardFilter(f -> f.type(ShardFilterType.CHILD_SHARDS).shardId(shard)))
        .streamDescription();

    assertThat(children.shards()).isEmpty();
    assertThat(children.lastEvaluatedShardId()).isNull();
    assertThat(children.streamArn()).isEqualTo(arn);
  }

  @Test
  void describeStream_refusesAShardFilterOutsideTheModel() {
    String arn = create("tab-f2", StreamViewType.KEYS_ONLY).latestStreamArn();

    assertThat(validationMessage(() -> streams.describeStream(b -> b.streamArn(arn)
        .shardFilter(f -> f.type("FOO").shardId("shardId-00000000000000000000-00000000")))))
        .isEqualTo("1 validation error detected: Value 'FOO' at 'shardFilter.type' failed to"
            + " satisfy constraint: Member must satisfy enum value set: [CHILD_SHARDS]");
    assertThat(validationMessage(() -> streams.describeStream(b -> b.streamArn(arn)
        .shardFilter(f -> f.type(ShardFilterType.CHILD_SHARDS).shardId("shardId-1")))))
        .isEqualTo("1 validation error detected: Value 'shardId-1' at 'shardFilter.shardId'"
            + " failed to satisfy constraint: Member must have length greater than or equal"
            + " to 28");
  }

  @Test
  void listStreams_pagesNewestFirst() {
    String first = create("tab-p1", StreamViewType.KEYS_ONLY).latestStreamArn();
    clock.advance(Duration.ofSeconds(1));
    String second = create("tab-p2", StreamViewType.KEYS_ONLY).latestStreamArn();

    var page = streams.listStreams(b -> b.limit(1));
    var rest = streams.listStreams(b -> b.exclusiveStartStreamArn(page.lastEvaluatedStreamArn()));

    assertThat(page.streams()).extracting(s -> s.streamArn()).containsExactly(second);
    assertThat(page.lastEvaluatedStreamArn()).isEqualTo(second);
    assertThat(rest.streams()).extracting(s -> s.streamArn()).containsExactly(first);
    assertThat(rest.lastEvaluatedStreamArn()).isNull();
  }

  @Test
  void listStreams_startArnForgottenOrFilteredOut_pagesOnFromWhereItStood() {
    String oldest = create("tab-a", StreamViewType.KEYS_ONLY).latestStreamArn();
    clock.advance(Duration.ofSeconds(1));
    String middle = create("tab-b", StreamViewType.KEYS_ONLY).latestStreamArn();
    clock.advance(Duration.ofSeconds(1));
    String newest = create("tab-c", StreamViewType.KEYS_ONLY).latestStreamArn();
    var first = streams.listStreams(b -> b.limit(1));
    dynamo.deleteTable(b -> b.tableName("tab-c"));
    clock.advance(Duration.ofHours(25));

    var rest = streams.listStreams(b -> b.exclusiveStartStreamArn(first.lastEvaluatedStreamArn()));
    var ofTableA = streams.listStreams(b -> b.tableName("tab-a").exclusiveStartStreamArn(middle));

    assertThat(first.lastEvaluatedStreamArn()).isEqualTo(newest);
    assertThat(rest.streams()).extracting(s -> s.streamArn()).containsExactly(middle, oldest);
    assertThat(rest.lastEvaluatedStreamArn()).isNull();
    assertThat(ofTableA.streams()).extracting(s -> s.streamArn()).containsExactly(oldest);
  }

  @Test
  void listStreams_streamsOfOneMillisecond_listByArnDescending() {
    String a = create("tab-s1", StreamViewType.KEYS_ONLY).latestStreamArn();
    String b = create("tab-s2", StreamViewType.KEYS_ONLY).latestStreamArn();

    var page = streams.listStreams(r -> r.limit(1));
    var rest = streams.listStreams(r -> r.exclusiveStartStreamArn(page.lastEvaluatedStreamArn()));

    assertThat(page.streams()).extracting(s -> s.streamArn()).containsExactly(b);
    assertThat(rest.streams()).extracting(s -> s.streamArn()).containsExactly(a);
  }

  @Test
  void reset_dropsEveryStream() {
    create("tab-r1", StreamViewType.KEYS_ONLY);

    tombstone.reset();

    assertThat(streams.listStreams().streams()).isEmpty();
  }
}
