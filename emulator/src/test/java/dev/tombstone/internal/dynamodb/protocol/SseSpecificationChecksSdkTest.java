package dev.tombstone.internal.dynamodb.protocol;

import static dev.tombstone.internal.dynamodb.protocol.QuerySdkTest.def;
import static dev.tombstone.internal.dynamodb.protocol.QuerySdkTest.key;
import static dev.tombstone.internal.dynamodb.protocol.SdkErrors.validationMessage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.testing.RunningTombstone;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.SSEDescription;
import software.amazon.awssdk.services.dynamodb.model.SSESpecification;
import software.amazon.awssdk.services.dynamodb.model.SSEType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.UpdateTableResponse;

/**
 * The {@code SSESpecification} checks of CreateTable and UpdateTable and UpdateTable's answers to
 * re-sent encryption settings, with AWS's texts as the ack-api-quirks catalogue recorded them in
 * 2026 (DDB-TABLE-036, -031, -044, -457, -018, -082, -141).
 */
class SseSpecificationChecksSdkTest {
  private static final String PREFIX = "One or more parameter values were invalid: ";

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  final DynamoDbClient dynamo = server.dynamoDb();

  private void create(String name, Consumer<SSESpecification.Builder> sse) {
    dynamo.createTable(b -> b.tableName(name).keySchema(key("id", KeyType.HASH))
        .attributeDefinitions(def("id", ScalarAttributeType.S))
        .billingMode(BillingMode.PAY_PER_REQUEST).sseSpecification(sse));
  }

  private SSEDescription described(String name) {
    return dynamo.describeTable(b -> b.tableName(name)).table().sseDescription();
  }

  @Test
  void disabledEncryption_takesNeitherATypeNorAKey_typeNamedFirst() {
    assertThat(validationMessage(() -> create("off-type",
        s -> s.enabled(false).sseType(SSEType.KMS).kmsMasterKeyId("alias/mine"))))
        .isEqualTo(PREFIX + "SSEType can not be specified if Enabled is false");
    assertThat(validationMessage(() -> create("off-aes", s -> s.enabled(false)
        .sseType(SSEType.AES256))))
        .isEqualTo(PREFIX + "SSEType can not be specified if Enabled is false");
    assertThat(validationMessage(() -> create("off-key",
        s -> s.enabled(false).kmsMasterKeyId("alias/mine"))))
        .isEqualTo(PREFIX + "KMSMasterKeyId can not be specified if Enabled is false");
    assertThat(dynamo.listTables().tableNames()).doesNotContain("off-type", "off-aes", "off-key");
  }

  @Test
  void aKeyWithoutTheKmsType_isRefused() {
    assertThat(validationMessage(() -> create("key-no-type",
        s -> s.enabled(true).kmsMasterKeyId("alias/aws/dynamodb"))))
        .isEqualTo(PREFIX + "SSEType KMS is required if KMSMasterKeyId is specified");
  }

  @Test
  void anEmptyKey_failsItsMinimumLength() {
    assertThat(validationMessage(() -> create("empty-key",
        s -> s.enabled(true).sseType(SSEType.KMS).kmsMasterKeyId(""))))
        .isEqualTo("1 validation error detected: Value '' at 'sSESpecification.kMSMasterKeyId'"
            + " failed to satisfy constraint: Member must have length greater than or equal to 1");
  }

  @Test
  void theKmsTypeWithoutEnabled_enablesEncryption() {
    create("type-only", s -> s.sseType(SSEType.KMS));

    assertThat(described("type-only").statusAsString()).isEqualTo("ENABLED");
  }

  @Test
  void disablingTheAwsOwnedKeyAgain_isRefused() {
    create("owned", s -> { });

    assertThat(validationMessage(() -> dynamo.updateTable(b -> b.tableName("owned")
        .sseSpecification(s -> s.enabled(false)))))
        .isEqualTo(PREFIX + "Table is already encrypted by default");
    assertThat(described("owned")).isNull();
  }

  @Test
  void theCurrentKeyByItsArn_isRefused_anotherSpellingIsAChange() {
    create("managed", s -> s.enabled(true));
    String arn = described("managed").kmsMasterKeyArn();

    assertThat(validationMessage(() -> dynamo.updateTable(b -> b.tableName("managed")
        .sseSpecification(s -> s.enabled(true).sseType(SSEType.KMS).kmsMasterKeyId(arn)))))
        .isEqualTo(PREFIX + "Table is already encrypted with given KMSMasterKeyId. Use"
            + " KMSMasterKeyId parameter if you want to change Master Key");
    UpdateTableResponse again = dynamo.updateTable(b -> b.tableName("managed")
        .sseSpecification(s -> s.enabled(true)));
    assertThat(again.tableDescription().sseDescription().statusAsString()).isEqualTo("UPDATING");
    assertThat(again.tableDescription().sseDescription().kmsMasterKeyArn()).isEqualTo(arn);
  }
}
