package dev.tombstone.internal.dynamodb.protocol;

import static dev.tombstone.internal.dynamodb.protocol.QuerySdkTest.def;
import static dev.tombstone.internal.dynamodb.protocol.QuerySdkTest.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.testing.RunningTombstone;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ContributorInsightsAction;
import software.amazon.awssdk.services.dynamodb.model.ContributorInsightsMode;
import software.amazon.awssdk.services.dynamodb.model.ContributorInsightsStatus;
import software.amazon.awssdk.services.dynamodb.model.ContributorInsightsSummary;
import software.amazon.awssdk.services.dynamodb.model.DescribeContributorInsightsResponse;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ListContributorInsightsResponse;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.UpdateContributorInsightsResponse;

/** UpdateContributorInsights, DescribeContributorInsights, ListContributorInsights, SDK v2. */
class ContributorInsightsSdkTest {
  static final Instant NOW = Instant.parse("2026-01-01T00:00:00.123Z");

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass(
      b -> b.clock(Clock.fixed(NOW, ZoneOffset.UTC)));

  final DynamoDbClient dynamo = server.dynamoDb();

  @BeforeEach
  void tables() {
    create("orders", true);
    create("users", false);
  }

  void create(String name, boolean withSortKeyAndIndexes) {
    dynamo.createTable(b -> {
      b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST);
      if (withSortKeyAndIndexes) {
        b.keySchema(key("id", KeyType.HASH), key("at", KeyType.RANGE))
            .attributeDefinitions(def("id", ScalarAttributeType.S),
                def("at", ScalarAttributeType.N), def("customer", ScalarAttributeType.S))
            .globalSecondaryIndexes(g -> g.indexName("byCustomer")
                .keySchema(key("customer", KeyType.HASH))
                .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY)))
            .localSecondaryIndexes(l -> l.indexName("byIdCustomer")
                .keySchema(key("id", KeyType.HASH), key("customer", KeyType.RANGE))
                .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY)));
      } else {
        b.keySchema(key("id", KeyType.HASH)).attributeDefinitions(def("id",
            ScalarAttributeType.S));
      }
    });
  }

  UpdateContributorInsightsResponse update(String table, String index,
      ContributorInsightsAction action) {
    return dynamo.updateContributorInsights(
        b -> b.tableName(table).indexName(index).contributorInsightsAction(action));
  }

  @Test
  void neverConfigured_isDisabled_withNothingElse() {
    DescribeContributorInsightsResponse described =
        dynamo.describeContributorInsights(b -> b.tableName("orders"));

    assertThat(described.tableName()).isEqualTo("orders");
    assertThat(described.contributorInsightsStatus()).isEqualTo(ContributorInsightsStatus.DISABLED);
    assertThat(described.hasContributorInsightsRuleList()).isFalse();
    assertThat(described.lastUpdateDateTime()).isNull();
    assertThat(described.contributorInsightsMode()).isNull();
    assertThat(dynamo.listContributorInsights(b -> { }).contributorInsightsSummaries()).isEmpty();
  }

  @Test
  void enable_answersEnabling_thenDescribeShowsEnabled_withTheRules() {
    UpdateContributorInsightsResponse updated =
        update("orders", null, ContributorInsightsAction.ENABLE);

    DescribeContributorInsightsResponse described =
        dynamo.describeContributorInsights(b -> b.tableName("orders"));

    assertThat(updated.contributorInsightsStatus()).isEqualTo(ContributorInsightsStatus.ENABLING);
    assertThat(updated.contributorInsightsMode())
        .isEqualTo(ContributorInsightsMode.ACCESSED_AND_THROTTLED_KEYS);
    assertThat(described.contributorInsightsStatus()).isEqualTo(ContributorInsightsStatus.ENABLED);
    assertThat(described.contributorInsightsRuleList()).containsExactly(
        "DynamoDBContributorInsights-PKC-orders-" + NOW.toEpochMilli(),
        "DynamoDBContributorInsights-PKT-orders-" + NOW.toEpochMilli(),
        "DynamoDBContributorInsights-SKC-orders-" + NOW.toEpochMilli(),
        "DynamoDBContributorInsights-SKT-orders-" + NOW.toEpochMilli());
    assertThat(described.lastUpdateDateTime()).isEqualTo(NOW);
  }

  @Test
  void enableAgain_isANoOp_answeringEnabled_andDisableAnswersDisabling() {
    update("users", null, ContributorInsightsAction.ENABLE);

    UpdateContributorInsightsResponse again = update("users", null,
        ContributorInsightsAction.ENABLE);
    UpdateContributorInsightsResponse disabled = update("users", null,
        ContributorInsightsAction.DISABLE);
    UpdateContributorInsightsResponse disabledAgain = update("users", null,
        ContributorInsightsAction.DISABLE);

    assertThat(again.contributorInsightsStatus()).isEqualTo(ContributorInsightsStatus.ENABLED);
    assertThat(disabled.contributorInsightsStatus())
        .isEqualTo(ContributorInsightsStatus.DISABLING);
    assertThat(disabledAgain.contributorInsightsStatus())
        .isEqualTo(ContributorInsightsStatus.DISABLED);
    DescribeContributorInsightsResponse described =
        dynamo.describeContributorInsights(b -> b.tableName("users"));
    assertThat(described.contributorInsightsStatus()).isEqualTo(ContributorInsightsStatus.DISABLED);
    assertThat(described.contributorInsightsMode())
        .isEqualTo(ContributorInsightsMode.ACCESSED_AND_THROTTLED_KEYS);
    assertThat(described.lastUpdateDateTime()).isEqualTo(NOW);
  }

  @Test
  void throttledKeysMode_hasOnlyTheThrottledRules_andAGlobalIndexHasItsOwnSettings() {
    dynamo.updateContributorInsights(b -> b.tableName("orders").indexName("byCustomer")
        .contributorInsightsAction(ContributorInsightsAction.ENABLE)
        .contributorInsightsMode(ContributorInsightsMode.THROTTLED_KEYS));

    DescribeContributorInsightsResponse index = dynamo.describeContributorInsights(
        b -> b.tableName("orders").indexName("byCustomer"));

    assertThat(index.indexName()).isEqualTo("byCustomer");
    assertThat(index.contributorInsightsRuleList()).containsExactly(
        "DynamoDBContributorInsights-PKT-orders-byCustomer-" + NOW.toEpochMilli());
    assertThat(dynamo.describeContributorInsights(b -> b.tableName("orders"))
        .contributorInsightsStatus()).isEqualTo(ContributorInsightsStatus.DISABLED);
  }

  @Test
  void list_givesEnabledSettings_tablesByName_tableBeforeItsIndexes_inPages() {
    update("users", null, ContributorInsightsAction.ENABLE);
    update("orders", "byCustomer", ContributorInsightsAction.ENABLE);
    update("orders", null, ContributorInsightsAction.ENABLE);

    ListContributorInsightsResponse first = dynamo.listContributorInsights(b -> b.maxResults(2));
    ListContributorInsightsResponse second = dynamo.listContributorInsights(
        b -> b.maxResults(2).nextToken(first.nextToken()));
    List<ContributorInsightsSummary> ofUsers = dynamo.listContributorInsights(
        b -> b.tableName("users")).contributorInsightsSummaries();

    assertThat(first.contributorInsightsSummaries()).extracting(
        ContributorInsightsSummary::tableName, ContributorInsightsSummary::indexName)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("orders", null),
            org.assertj.core.groups.Tuple.tuple("orders", "byCustomer"));
    assertThat(first.nextToken()).isNotNull();
    assertThat(second.contributorInsightsSummaries()).extracting(
        ContributorInsightsSummary::tableName).containsExactly("users");
    assertThat(second.nextToken()).isNull();
    assertThat(ofUsers).singleElement().satisfies(s -> {
      assertThat(s.contributorInsightsStatus()).isEqualTo(ContributorInsightsStatus.ENABLED);
      assertThat(s.contributorInsightsMode())
          .isEqualTo(ContributorInsightsMode.ACCESSED_AND_THROTTLED_KEYS);
    });
  }

  @Test
  void missingTable_localIndex_andUnknownIndex_areResourceNotFound() {
    assertThat(notFound(() -> dynamo.describeContributorInsights(b -> b.tableName("nope"))))
        .isEqualTo("Requested resource not found: Table: nope not found");
    assertThat(notFound(() -> update("nope", null, ContributorInsightsAction.ENABLE)))
        .isEqualTo("Requested resource not found: Table: nope not found");
    assertThat(notFound(() -> dynamo.listContributorInsights(b -> b.tableName("nope"))))
        .isEqualTo("Requested resource not found: Table: nope not found");
    assertThat(notFound(() -> update("orders", "byIdCustomer", ContributorInsightsAction.ENABLE)))
        .isEqualTo("Requested resource not found: Index: byIdCustomer not found for table:"
            + " orders");
    assertThat(notFound(() -> dynamo.describeContributorInsights(
        b -> b.tableName("orders").indexName("ghost"))))
        .isEqualTo("Requested resource not found: Index: ghost not found for table: orders");
  }

  @Test
  void badMembers_areModelViolations() {
    DynamoDbException noAction = catchThrowableOfType(() -> dynamo.updateContributorInsights(
        b -> b.tableName("orders")), DynamoDbException.class);
    DynamoDbException tooMany = catchThrowableOfType(() -> dynamo.listContributorInsights(
        b -> b.maxResults(101)), DynamoDbException.class);

    assertThat(noAction.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
    assertThat(noAction.awsErrorDetails().errorMessage()).isEqualTo("1 validation error"
        + " detected: Value null at 'contributorInsightsAction' failed to satisfy constraint:"
        + " Member must not be null");
    assertThat(tooMany.awsErrorDetails().errorMessage()).isEqualTo("1 validation error"
        + " detected: Value '101' at 'maxResults' failed to satisfy constraint: Member must"
        + " have value less than or equal to 100");
    assertThat(catchThrowableOfType(() -> dynamo.listContributorInsights(
        b -> b.nextToken("not-a-token")), DynamoDbException.class).awsErrorDetails().errorCode())
        .isEqualTo("ValidationException");
  }

  @Test
  void settingsDieWithTheTable_andReset() {
    update("orders", null, ContributorInsightsAction.ENABLE);
    update("users", null, ContributorInsightsAction.ENABLE);

    dynamo.deleteTable(b -> b.tableName("orders"));
    create("orders", true);
    server.tombstone().reset();
    create("users", false);

    assertThat(dynamo.describeContributorInsights(b -> b.tableName("users"))
        .contributorInsightsStatus()).isEqualTo(ContributorInsightsStatus.DISABLED);
    assertThat(dynamo.listContributorInsights(b -> { }).contributorInsightsSummaries()).isEmpty();
  }

  @Test
  void settingsOfADeletedGlobalIndex_dieWithIt_notComingBackWithAnIndexOfItsName() {
    update("orders", "byCustomer", ContributorInsightsAction.ENABLE);
    update("orders", null, ContributorInsightsAction.ENABLE);

    dynamo.updateTable(b -> b.tableName("orders")
        .globalSecondaryIndexUpdates(u -> u.delete(d -> d.indexName("byCustomer"))));
    dynamo.updateTable(b -> b.tableName("orders")
        .attributeDefinitions(def("customer", ScalarAttributeType.S))
        .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName("byCustomer")
            .keySchema(key("customer", KeyType.HASH))
            .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY)))));
    DescribeContributorInsightsResponse index = dynamo.describeContributorInsights(
        b -> b.tableName("orders").indexName("byCustomer"));

    assertThat(index.contributorInsightsStatus()).isEqualTo(ContributorInsightsStatus.DISABLED);
    assertThat(index.hasContributorInsightsRuleList()).isFalse();
    assertThat(index.lastUpdateDateTime()).isNull();
    assertThat(index.contributorInsightsMode()).isNull();
    assertThat(dynamo.listContributorInsights(b -> { }).contributorInsightsSummaries())
        .extracting(ContributorInsightsSummary::tableName, ContributorInsightsSummary::indexName)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("orders", null));
  }

  @Test
  void deletedTable_isNotListed() {
    update("orders", null, ContributorInsightsAction.ENABLE);

    dynamo.deleteTable(b -> b.tableName("orders"));
    create("orders", true);

    assertThat(dynamo.listContributorInsights(b -> { }).contributorInsightsSummaries()).isEmpty();
  }

  private static String notFound(Runnable call) {
    return catchThrowableOfType(call::run, ResourceNotFoundException.class)
        .awsErrorDetails().errorMessage();
  }
}
