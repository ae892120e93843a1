package dev.tombstone.internal.dynamodb.protocol;

import static dev.tombstone.internal.dynamodb.protocol.QuerySdkTest.def;
import static dev.tombstone.internal.dynamodb.protocol.QuerySdkTest.key;
import static dev.tombstone.internal.dynamodb.protocol.SdkErrors.validationMessage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.testing.RunningTombstone;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ContributorInsightsAction;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Texts of the Contributor Insights index name and of two enum constraints as AWS wrote them in
 * 2026 (ack-api-quirks catalogue, DDB-TABLE-457 and DDB-TABLE-035).
 */
class EnumAndNameTextsSdkTest {
  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  final DynamoDbClient dynamo = server.dynamoDb();

  @BeforeEach
  void table() {
    dynamo.createTable(b -> b.tableName("orders").keySchema(key("id", KeyType.HASH))
        .attributeDefinitions(def("id", ScalarAttributeType.S))
        .billingMode(BillingMode.PAY_PER_REQUEST));
  }

  @Test
  void insightsIndexNameOfTheWrongLength_getsItsOwnText() {
    String text = "IndexName must be at least 3 characters long and at most 255 characters long";

    assertThat(validationMessage(() -> dynamo.describeContributorInsights(b -> b
        .tableName("orders").indexName("")))).isEqualTo(text);
    assertThat(validationMessage(() -> dynamo.updateContributorInsights(b -> b
        .tableName("orders").indexName("ab")
        .contributorInsightsAction(ContributorInsightsAction.ENABLE)))).isEqualTo(text);
    assertThat(catchNotFound(() -> dynamo.describeContributorInsights(b -> b
        .tableName("orders").indexName("no#such"))))
        .isEqualTo("Requested resource not found: Index: no#such not found for table: orders");
  }

  @Test
  void anUnknownInsightsMode_listsThrottledKeysFirst() {
    assertThat(validationMessage(() -> dynamo.updateContributorInsights(b -> b
        .tableName("orders").contributorInsightsAction(ContributorInsightsAction.ENABLE)
        .contributorInsightsMode(""))))
        .isEqualTo("1 validation error detected: Value '' at 'contributorInsightsMode' failed to"
            + " satisfy constraint: Member must satisfy enum value set: [THROTTLED_KEYS,"
            + " ACCESSED_AND_THROTTLED_KEYS]");
  }

  @Test
  void anUnknownStreamViewType_listsTheTypesInAwsOrder() {
    assertThat(validationMessage(() -> dynamo.updateTable(b -> b.tableName("orders")
        .streamSpecification(s -> s.streamEnabled(true).streamViewType("new_image")))))
        .isEqualTo("1 validation error detected: Value 'new_image' at"
            + " 'streamSpecification.streamViewType' failed to satisfy constraint: Member must"
            + " satisfy enum value set: [OLD_IMAGE, KEYS_ONLY, NEW_AND_OLD_IMAGES, NEW_IMAGE]");
  }

  private static String catchNotFound(Runnable call) {
    ResourceNotFoundException e =
        catchThrowableOfType(call::run, ResourceNotFoundException.class);
    assertThat(e).isNotNull();
    return e.awsErrorDetails().errorMessage();
  }
}
