package dev.tombstone.internal.dynamodb.protocol;

import static dev.tombstone.internal.dynamodb.protocol.QuerySdkTest.def;
import static dev.tombstone.internal.dynamodb.protocol.QuerySdkTest.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import dev.tombstone.testing.RunningTombstone;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ApproximateCreationDateTimePrecision;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DescribeKinesisStreamingDestinationResponse;
import software.amazon.awssdk.services.dynamodb.model.DestinationStatus;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.EnableKinesisStreamingDestinationResponse;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.KinesisDataStreamDestination;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.UpdateKinesisStreamingDestinationResponse;

/**
 * Enable/Disable/Describe/UpdateKinesisStreamingDestination, SDK v2 over HTTP. The texts and
 * rules are AWS's as the ack-api-quirks catalogue recorded them in 2026 (DDB-TABLE-234, -236,
 * -268, -299 to -302, -442).
 */
class KinesisStreamingDestinationSdkTest {
  static final String STATE = "Table is not in a valid state to enable Kinesis Streaming"
      + " Destination: ";
  static final String MUST_BE_ACTIVE = STATE
      + "KinesisStreamingDestination must be ACTIVE to perform DISABLE operation.";
  static final String MUST_BE_DISABLED = STATE
      + "EnableKinesisStreamingDestination must be DISABLED or ENABLE_FAILED to perform ENABLE"
      + " operation.";

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  final DynamoDbClient dynamo = server.dynamoDb();
  String tableArn;
  String first;
  String second;

  @BeforeEach
  void table() {
    tableArn = create("orders");
    String prefix = tableArn.substring(0, tableArn.indexOf(":table/"))
        .replace(":dynamodb:", ":kinesis:");
    first = prefix + ":stream/order-changes";
    second = prefix + ":stream/order-audit";
  }

  String create(String name) {
    return dynamo.createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(key("id", KeyType.HASH)).attributeDefinitions(def("id",
            ScalarAttributeType.S))).tableDescription().tableArn();
  }

  EnableKinesisStreamingDestinationResponse enable(String stream) {
    return dynamo.enableKinesisStreamingDestination(b -> b.tableName("orders").streamArn(stream));
  }

  UpdateKinesisStreamingDestinationResponse update(String stream,
      ApproximateCreationDateTimePrecision precision) {
    return dynamo.updateKinesisStreamingDestination(b -> b.tableName("orders").streamArn(stream)
        .updateKinesisStreamingConfiguration(c -> c.approximateCreationDateTimePrecision(
            precision)));
  }

  DescribeKinesisStreamingDestinationResponse describe() {
    return dynamo.describeKinesisStreamingDestination(b -> b.tableName("orders"));
  }

  static String validation(Runnable call) {
    DynamoDbException e = catchThrowableOfType(call::run, DynamoDbException.class);
    assertThat(e.statusCode()).isEqualTo(400);
    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
    return e.awsErrorDetails().errorMessage();
  }

  @Test
  void neverEnabled_isAnEmptyList_andDescribeTableShowsNoDestination() {
    DescribeKinesisStreamingDestinationResponse described = describe();

    assertThat(described.tableName()).isEqualTo("orders");
    assertThat(described.hasKinesisDataStreamDestinations()).isTrue();
    assertThat(described.kinesisDataStreamDestinations()).isEmpty();
  }

  @Test
  void enable_answersEnabling_withAnEmptyConfiguration_thenTheDestinationIsActive() {
    EnableKinesisStreamingDestinationResponse enabled = dynamo.enableKinesisStreamingDestination(
        b -> b.tableName(tableArn).streamArn(first));

    assertThat(enabled.tableName()).isEqualTo("orders");
    assertThat(enabled.streamArn()).isEqualTo(first);
    assertThat(enabled.destinationStatus()).isEqualTo(DestinationStatus.ENABLING);
    assertThat(enabled.enableKinesisStreamingConfiguration()).isNotNull();
    assertThat(enabled.enableKinesisStreamingConfiguration()
        .approximateCreationDateTimePrecision()).isNull();
    KinesisDataStreamDestination destination =
        describe().kinesisDataStreamDestinations().get(0);
    assertThat(destination.streamArn()).isEqualTo(first);
    assertThat(destination.destinationStatus()).isEqualTo(DestinationStatus.ACTIVE);
    assertThat(destination.approximateCreationDateTimePrecision()).isNull();
    assertThat(destination.destinationStatusDescription()).isNull();
  }

  @Test
  void enable_withAPrecision_echoesAndKeepsIt() {
    EnableKinesisStreamingDestinationResponse enabled = dynamo.enableKinesisStreamingDestination(
        b -> b.tableName("orders").streamArn(first).enableKinesisStreamingConfiguration(
            c -> c.approximateCreationDateTimePrecision("MICROSECOND")));

    assertThat(enabled.enableKinesisStreamingConfiguration()
        .approximateCreationDateTimePrecisionAsString()).isEqualTo("MICROSECOND");
    assertThat(describe().kinesisDataStreamDestinations().get(0)
        .approximateCreationDateTimePrecisionAsString()).isEqualTo("MICROSECOND");
  }

  @Test
  void whileOneIsActive_enablingItOrAnotherStream_isRefused_andChangesNothing() {
    enable(first);

    assertThat(validation(() -> enable(first))).isEqualTo(MUST_BE_DISABLED);
    assertThat(validation(() -> enable(second))).isEqualTo(MUST_BE_DISABLED);
    assertThat(describe().kinesisDataStreamDestinations())
        .extracting(KinesisDataStreamDestination::streamArn,
            KinesisDataStreamDestination::destinationStatus)
        .containsExactly(tuple(first, DestinationStatus.ACTIVE));
  }

  @Test
  void disable_answersDisabling_theEntryStaysDisabled_andEnablingAgainFlipsIt() {
    enable(first);
    update(first, ApproximateCreationDateTimePrecision.MICROSECOND);

    var disabled = dynamo.disableKinesisStreamingDestination(
        b -> b.tableName("orders").streamArn(first));
    var afterDisable = describe().kinesisDataStreamDestinations();
    enable(second);
    dynamo.disableKinesisStreamingDestination(b -> b.tableName("orders").streamArn(second));
    enable(first);

    assertThat(disabled.tableName()).isEqualTo("orders");
    assertThat(disabled.streamArn()).isEqualTo(first);
    assertThat(disabled.destinationStatus()).isEqualTo(DestinationStatus.DISABLING);
    assertThat(afterDisable).extracting(KinesisDataStreamDestination::destinationStatus,
            KinesisDataStreamDestination::approximateCreationDateTimePrecision)
        .containsExactly(tuple(DestinationStatus.DISABLED, null));
    // One entry per stream, the most recently first enabled listed first; no precision is
    // carried over the disable.
    assertThat(describe().kinesisDataStreamDestinations())
        .extracting(KinesisDataStreamDestination::streamArn,
            KinesisDataStreamDestination::destinationStatus,
            KinesisDataStreamDestination::approximateCreationDateTimePrecision)
        .containsExactly(tuple(second, DestinationStatus.DISABLED, null),
            tuple(first, DestinationStatus.ACTIVE, null));
  }

  @Test
  void disable_ofAnythingButAnActiveDestination_isRefusedAlike() {
    enable(first);
    dynamo.disableKinesisStreamingDestination(b -> b.tableName("orders").streamArn(first));

    assertThat(validation(() -> dynamo.disableKinesisStreamingDestination(
        b -> b.tableName("orders").streamArn(first)))).isEqualTo(MUST_BE_ACTIVE);
    assertThat(validation(() -> dynamo.disableKinesisStreamingDestination(
        b -> b.tableName("orders").streamArn(second)))).isEqualTo(MUST_BE_ACTIVE);
    assertThat(validation(() -> dynamo.disableKinesisStreamingDestination(
        b -> b.tableName("orders").streamArn("not-a-stream-arn-but-long-enough-anyway"))))
        .isEqualTo(MUST_BE_ACTIVE);
  }

  @Test
  void disable_withAnEnableConfiguration_isRefused_andTheDestinationStaysActive() {
    enable(first);

    assertThat(validation(() -> dynamo.disableKinesisStreamingDestination(
        b -> b.tableName("orders").streamArn(first).enableKinesisStreamingConfiguration(
            c -> c.approximateCreationDateTimePrecision("MICROSECOND")))))
        .isEqualTo("Stream cannot be disabled using EnableKinesisStreamingConfiguration"
            + " parameters");
    assertThat(describe().kinesisDataStreamDestinations().get(0).destinationStatus())
        .isEqualTo(DestinationStatus.ACTIVE);
  }

  @Test
  void update_answersUpdating_andDescribeShowsTheNewPrecision() {
    enable(first);

    UpdateKinesisStreamingDestinationResponse updated =
        update(first, ApproximateCreationDateTimePrecision.MICROSECOND);

    assertThat(updated.tableName()).isEqualTo("orders");
    assertThat(updated.streamArn()).isEqualTo(first);
    assertThat(updated.destinationStatus()).isEqualTo(DestinationStatus.UPDATING);
    assertThat(updated.updateKinesisStreamingConfiguration()
        .approximateCreationDateTimePrecisionAsString()).isEqualTo("MICROSECOND");
    assertThat(describe().kinesisDataStreamDestinations())
        .extracting(KinesisDataStreamDestination::destinationStatus,
            KinesisDataStreamDestination::approximateCreationDateTimePrecisionAsString)
        .containsExactly(tuple(DestinationStatus.ACTIVE, "MICROSECOND"));
  }

  @Test
  void update_refusals_haveAwsTexts_andChangeNothing() {
    enable(first);
    String tableId = dynamo.describeTable(b -> b.tableName("orders")).table().tableId();

    assertThat(validation(() -> dynamo.updateKinesisStreamingDestination(
        b -> b.tableName("orders").streamArn(first)))).isEqualTo("Streaming destination cannot"
            + " be updated with given parameters: UpdateKinesisStreamingConfiguration cannot be"
            + " null or contain only null values");
    assertThat(validation(() -> dynamo.updateKinesisStreamingDestination(
        b -> b.tableName("orders").streamArn(first).updateKinesisStreamingConfiguration(
            c -> { })))).startsWith("Streaming destination cannot be updated");
    // A destination enabled without a precision has MILLISECOND (DDB-TABLE-460).
    assertThat(validation(() -> update(first, ApproximateCreationDateTimePrecision.MILLISECOND)))
        .isEqualTo("Invalid Request: Precision is already set to the desired value of"
            + " MILLISECOND for tableId: " + tableId + ", kdsArn: " + first);
    assertThat(validation(() -> update(second, ApproximateCreationDateTimePrecision.MICROSECOND)))
        .isEqualTo(STATE + "No streaming destination with streamArn: " + second
            + " found for table with tableName: orders");
    assertThat(validation(() -> dynamo.updateKinesisStreamingDestination(
        b -> b.tableName("orders").streamArn(first).updateKinesisStreamingConfiguration(
            c -> c.approximateCreationDateTimePrecision("SECOND")))))
        .isEqualTo("1 validation error detected: Value 'SECOND' at"
            + " 'updateKinesisStreamingConfiguration.approximateCreationDateTimePrecision'"
            + " failed to satisfy constraint: Member must satisfy enum value set:"
            + " [MILLISECOND, MICROSECOND]");
    dynamo.disableKinesisStreamingDestination(b -> b.tableName("orders").streamArn(first));
    assertThat(validation(() -> update(first, ApproximateCreationDateTimePrecision.MICROSECOND)))
        .isEqualTo(STATE + "Kinesis streaming is not in ACTIVE state. Updates are only allowed"
            + " in ACTIVE state. TableName: orders, kdsArn: " + first);
    assertThat(describe().kinesisDataStreamDestinations().get(0)
        .approximateCreationDateTimePrecision()).isNull();
  }

  @Test
  void aStreamOfAnotherRegionOrAccount_orNoStreamArn_failsAfterEnabling_andBlocksNothing() {
    String[] parts = first.split(":", 6);
    String region = parts[3];
    String otherRegion = first.replace(":" + region + ":",
        region.equals("eu-west-1") ? ":eu-west-2:" : ":eu-west-1:");
    String otherAccount = first.replace(":" + parts[4] + ":",
        parts[4].equals("123456789012") ? ":210987654321:" : ":123456789012:");
    String notAStream = first.replace(":kinesis:", ":sqs:").replace(":stream/", ":");

    for (String stream : new String[] {otherRegion, otherAccount, notAStream}) {
      assertThat(enable(stream).destinationStatus()).isEqualTo(DestinationStatus.ENABLING);
    }
    enable(first);

    assertThat(describe().kinesisDataStreamDestinations())
        .extracting(KinesisDataStreamDestination::streamArn,
            KinesisDataStreamDestination::destinationStatus,
            KinesisDataStreamDestination::destinationStatusDescription)
        .containsExactly(tuple(first, DestinationStatus.ACTIVE, null),
            tuple(notAStream, DestinationStatus.ENABLE_FAILED,
                "User does not have a permission to use kinesis stream"),
            tuple(otherAccount, DestinationStatus.ENABLE_FAILED,
                "User does not have a permission to use kinesis stream"),
            tuple(otherRegion, DestinationStatus.ENABLE_FAILED,
                "User does not have a permission to use kinesis stream"));
    assertThat(validation(() -> dynamo.disableKinesisStreamingDestination(
        b -> b.tableName("orders").streamArn(otherRegion)))).isEqualTo(MUST_BE_ACTIVE);
  }

  @Test
  void aMissingTable_isResourceNotFound_forEveryOperation() {
    String text = "Requested resource not found: Table: missing not found";

    assertThat(notFound(() -> dynamo.describeKinesisStreamingDestination(
        b -> b.tableName("missing")))).isEqualTo(text);
    assertThat(notFound(() -> dynamo.enableKinesisStreamingDestination(
        b -> b.tableName("missing").streamArn(first)))).isEqualTo(text);
    assertThat(notFound(() -> dynamo.disableKinesisStreamingDestination(
        b -> b.tableName("missing").streamArn(first)))).isEqualTo(text);
    assertThat(notFound(() -> dynamo.updateKinesisStreamingDestination(
        b -> b.tableName("missing").streamArn(first).updateKinesisStreamingConfiguration(
            c -> c.approximateCreationDateTimePrecision("MICROSECOND"))))).isEqualTo(text);
  }

  static String notFound(Runnable call) {
    return catchThrowableOfType(call::run, ResourceNotFoundException.class)
        .awsErrorDetails().errorMessage();
  }

  @Test
  void modelConstraints_comeFirst() {
    assertThat(validation(() -> dynamo.enableKinesisStreamingDestination(
        b -> b.tableName("missing").streamArn("arn:aws:kinesis:us-east-1:1:stream/s"))))
        .isEqualTo("1 validation error detected: Value 'arn:aws:kinesis:us-east-1:1:stream/s'"
            + " at 'streamArn' failed to satisfy constraint: Member must have length greater"
            + " than or equal to 37");
    assertThat(validation(() -> dynamo.enableKinesisStreamingDestination(b -> b.tableName(""))))
        .isEqualTo("2 validation errors detected: Value '' at 'tableName' failed to satisfy"
            + " constraint: Member must have length greater than or equal to 1; Value null at"
            + " 'streamArn' failed to satisfy constraint: Member must not be null");
    assertThat(validation(() -> dynamo.enableKinesisStreamingDestination(
        b -> b.tableName("orders").streamArn(first).enableKinesisStreamingConfiguration(
            c -> c.approximateCreationDateTimePrecision("NANOSECOND")))))
        .contains("'enableKinesisStreamingConfiguration.approximateCreationDateTimePrecision'");
    assertThat(describe().kinesisDataStreamDestinations()).isEmpty();
  }

  @Test
  void destinationsDieWithTheTable_andAreNotRestored() {
    enable(first);
    dynamo.updateContinuousBackups(b -> b.tableName("orders")
        .pointInTimeRecoverySpecification(s -> s.pointInTimeRecoveryEnabled(true)));
    String backup = dynamo.createBackup(b -> b.tableName("orders").backupName("before"))
        .backupDetails().backupArn();
    dynamo.restoreTableFromBackup(b -> b.backupArn(backup).targetTableName("restored"));
    dynamo.restoreTableToPointInTime(b -> b.sourceTableName("orders")
        .targetTableName("recovered").useLatestRestorableTime(true));
    dynamo.deleteTable(b -> b.tableName("orders"));

    assertThat(notFound(() -> describe()))
        .isEqualTo("Requested resource not found: Table: orders not found");
    create("orders");
    assertThat(describe().kinesisDataStreamDestinations()).isEmpty();
    assertThat(dynamo.describeKinesisStreamingDestination(b -> b.tableName("restored"))
        .kinesisDataStreamDestinations()).isEmpty();
    assertThat(dynamo.describeKinesisStreamingDestination(b -> b.tableName("recovered"))
        .kinesisDataStreamDestinations()).isEmpty();
  }

  @Test
  void reset_forgetsDestinations() {
    enable(first);

    server.tombstone().reset();
    create("orders");

    assertThat(describe().kinesisDataStreamDestinations()).isEmpty();
  }
}
