package dev.tombstone.internal.dynamodb.protocol;

import static dev.tombstone.internal.dynamodb.protocol.QuerySdkTest.def;
import static dev.tombstone.internal.dynamodb.protocol.QuerySdkTest.key;
import static dev.tombstone.internal.dynamodb.protocol.SdkErrors.validationMessage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.testing.RunningTombstone;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The tag operations check the ARN before their lists, refuse a table name DynamoDB could not
 * have (dynalite's AWS-derived test/tagResource.js, test/untagResource.js and
 * test/listTagsOfResource.js), and all three name the ARN when it names no table (the
 * ack-api-quirks catalogue, DDB-TABLE-104 and -446, AWS 2026).
 */
class TagArnOrderSdkTest {
  static final String SHORT = "arn:aws:dynamodb:us-east-1:000000000000:table/ab";

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  final DynamoDbClient dynamo = server.dynamoDb();

  @Test
  void emptyLists_withAnInvalidArn_reportTheArn() {
    assertThat(validationMessage(() -> dynamo.tagResource(b -> b.resourceArn(SHORT)
        .tags(List.of()))))
        .isEqualTo("Invalid TableArn: Invalid ResourceArn provided as input " + SHORT);
    assertThat(validationMessage(() -> dynamo.untagResource(b -> b.resourceArn(SHORT)
        .tagKeys(List.of()))))
        .isEqualTo("Invalid TableArn: Invalid ResourceArn provided as input " + SHORT);
    assertThat(validationMessage(() -> dynamo.tagResource(b -> b.resourceArn("a:b:c:d:e:f/g")
        .tags(List.of()))))
        .isEqualTo("One or more parameter values were invalid: ARNs must start with 'arn:':"
            + " a:b:c:d:e:f/g");
    assertThat(validationMessage(() -> dynamo.untagResource(b -> b.resourceArn(
        "arn:aws:dynamodb:us-east-1:000000000000:stream/x").tagKeys(List.of()))))
        .isEqualTo("Invalid TableArn: Invalid ResourceArn provided as input"
            + " arn:aws:dynamodb:us-east-1:000000000000:stream/x");
  }

  @Test
  void listTags_ofAnImpossibleTableName_isAValidationError() {
    assertThat(validationMessage(() -> dynamo.listTagsOfResource(b -> b.resourceArn(SHORT))))
        .isEqualTo("Invalid TableArn: Invalid ResourceArn provided as input " + SHORT);
  }

  @Test
  void allThree_ofAMissingTable_nameTheArn() {
    String arn = "arn:aws:dynamodb:us-east-1:000000000000:table/missing";

    ResourceNotFoundException untag = catchThrowableOfType(ResourceNotFoundException.class,
        () -> dynamo.untagResource(b -> b.resourceArn(arn).tagKeys("k")));
    ResourceNotFoundException tag = catchThrowableOfType(ResourceNotFoundException.class,
        () -> dynamo.tagResource(b -> b.resourceArn(arn).tags(t -> t.key("k").value("v"))));
    ResourceNotFoundException list = catchThrowableOfType(ResourceNotFoundException.class,
        () -> dynamo.listTagsOfResource(b -> b.resourceArn(arn)));

    String expected = "Requested resource not found: ResourceArn: " + arn + " not found";
    assertThat(untag.awsErrorDetails().errorMessage()).isEqualTo(expected);
    assertThat(tag.awsErrorDetails().errorMessage()).isEqualTo(expected);
    assertThat(list.awsErrorDetails().errorMessage()).isEqualTo(expected);
  }

  @Test
  void anExistingTable_stillTagsAndUntags() {
    String arn = dynamo.createTable(b -> b.tableName("tagged")
        .keySchema(key("id", KeyType.HASH)).attributeDefinitions(def("id",
            ScalarAttributeType.S)).billingMode(BillingMode.PAY_PER_REQUEST))
        .tableDescription().tableArn();

    dynamo.tagResource(b -> b.resourceArn(arn).tags(t -> t.key("k").value("v")));
    dynamo.untagResource(b -> b.resourceArn(arn).tagKeys("k", "absent"));

    assertThat(dynamo.listTagsOfResource(b -> b.resourceArn(arn)).tags()).isEmpty();
  }
}
