package dev.tombstone.internal.dynamodb.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.ManualClock;
import dev.tombstone.testing.RunningTombstone;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableClass;
import software.amazon.awssdk.services.dynamodb.model.TableClassSummary;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * TableClass on CreateTable and UpdateTable, and the TableClassSummary that reports it: absent for
 * a table never given a class, without LastUpdateDateTime until UpdateTable changes it (as
 * ScyllaDB's AWS-run test_tableclass.py observed).
 */
class TableClassSdkTest {
  private static final Instant START = Instant.parse("2026-03-01T08:00:00Z");
  private static final String INVALID = "Invalid table-class parameter provided. Please try"
      + " again with a valid table-class value: [STANDARD, STANDARD_INFREQUENT_ACCESS].";
  private static final ManualClock clock = ManualClock.startingAt(START);

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass(b -> b.clock(clock));

  private final DynamoDbClient dynamo = server.dynamoDb();

  @Test
  void tableCreatedWithoutAClass_hasNoSummary() {
    TableDescription created = create("plain", b -> {});

    assertThat(created.tableClassSummary()).isNull();
    assertThat(describe("plain").tableClassSummary()).isNull();
  }

  @Test
  void classGivenAtCreation_isReportedWithoutAnUpdateTime() {
    TableDescription created =
        create("cold", b -> b.tableClass(TableClass.STANDARD_INFREQUENT_ACCESS));

    TableClassSummary expected =
        TableClassSummary.builder().tableClass(TableClass.STANDARD_INFREQUENT_ACCESS).build();
    assertThat(created.tableClassSummary()).isEqualTo(expected);
    assertThat(describe("cold").tableClassSummary()).isEqualTo(expected);
  }

  @Test
  void explicitStandard_isReported() {
    create("standard", b -> b.tableClass(TableClass.STANDARD));

    assertThat(describe("standard").tableClassSummary().tableClass())
        .isEqualTo(TableClass.STANDARD);
  }

  @ParameterizedTest
  @ValueSource(strings = {"invalid_tableclass_name", "standard"})
  void createTable_refusesAnUnknownClass_andCreatesNothing(String tableClass) {
    DynamoDbException e = catchThrowableOfType(DynamoDbException.class,
        () -> create("refused", b -> b.tableClass(tableClass)));

    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(INVALID);
    assertThat(dynamo.listTables().tableNames()).doesNotContain("refused");
  }

  @Test
  void updateTable_changingOnlyTheClass_changesIt_andDatesTheChange() {
    create("moving", b -> b.tableClass(TableClass.STANDARD));
    Instant changed = clock.advance(Duration.ofHours(3));

    TableDescription answer = dynamo.updateTable(b -> b.tableName("moving")
        .tableClass(TableClass.STANDARD_INFREQUENT_ACCESS)).tableDescription();

    TableClassSummary expected = TableClassSummary.builder()
        .tableClass(TableClass.STANDARD_INFREQUENT_ACCESS).lastUpdateDateTime(changed).build();
    assertThat(answer.tableClassSummary()).isEqualTo(expected);
    assertThat(describe("moving").tableClassSummary()).isEqualTo(expected);
  }

  @Test
  void updateTable_givingATableItsFirstClass_isReported() {
    create("first", b -> {});
    Instant changed = clock.advance(Duration.ofMinutes(5));

    dynamo.updateTable(b -> b.tableName("first").tableClass(TableClass.STANDARD_INFREQUENT_ACCESS));
    dynamo.updateTable(b -> b.tableName("first").tableClass(TableClass.STANDARD));

    TableClassSummary summary = describe("first").tableClassSummary();
    assertThat(summary.tableClass()).isEqualTo(TableClass.STANDARD);
    assertThat(summary.lastUpdateDateTime()).isEqualTo(changed);
  }

  @Test
  void updateTable_refusesAnUnknownClass_andKeepsTheOldOne() {
    create("kept", b -> b.tableClass(TableClass.STANDARD_INFREQUENT_ACCESS));

    DynamoDbException e = catchThrowableOfType(DynamoDbException.class,
        () -> dynamo.updateTable(b -> b.tableName("kept").tableClass("junk")));

    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(INVALID);
    assertThat(describe("kept").tableClassSummary().tableClass())
        .isEqualTo(TableClass.STANDARD_INFREQUENT_ACCESS);
  }

  private TableDescription create(String name, Consumer<CreateTableRequest.Builder> extra) {
    return dynamo.createTable(b -> {
      b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
          .keySchema(k -> k.attributeName("p").keyType(KeyType.HASH))
          .attributeDefinitions(d -> d.attributeName("p").attributeType(ScalarAttributeType.S));
      extra.accept(b);
    }).tableDescription();
  }

  private TableDescription describe(String name) {
    return dynamo.describeTable(b -> b.tableName(name)).table();
  }
}
