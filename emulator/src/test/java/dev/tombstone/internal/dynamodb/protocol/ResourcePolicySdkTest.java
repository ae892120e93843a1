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
import software.amazon.awssdk.services.dynamodb.model.GetResourcePolicyResponse;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.PolicyNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/** PutResourcePolicy, GetResourcePolicy and DeleteResourcePolicy through the SDK v2. */
class ResourcePolicySdkTest {
  static final String POLICY = "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\":"
      + " \"Allow\", \"Principal\": {\"AWS\": \"arn:aws:iam::000000000000:root\"},"
      + " \"Action\": \"dynamodb:GetItem\", \"Resource\": \"*\"}]}";
  static final String MINIFIED = POLICY.replace(": ", ":").replace(", ", ",");
  static final String OTHER = POLICY.replace("GetItem", "PutItem");

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  final DynamoDbClient dynamo = server.dynamoDb();
  String arn;

  @BeforeEach
  void table() {
    arn = create("orders");
  }

  String create(String name) {
    return dynamo.createTable(b -> b.tableName(name).keySchema(key("id", KeyType.HASH))
        .attributeDefinitions(def("id", ScalarAttributeType.S))
        .billingMode(BillingMode.PAY_PER_REQUEST)).tableDescription().tableArn();
  }

  String put(String policy) {
    return dynamo.putResourcePolicy(b -> b.resourceArn(arn).policy(policy)).revisionId();
  }

  @Test
  void put_thenGet_answersTheMinifiedDocumentAndItsRevision() {
    String revision = put(POLICY);

    GetResourcePolicyResponse got = dynamo.getResourcePolicy(b -> b.resourceArn(arn));

    assertThat(got.policy()).isEqualTo(MINIFIED);
    assertThat(got.revisionId()).isEqualTo(revision).matches("[0-9]+");
  }

  @Test
  void put_ofTheSameDocument_keepsTheRevision_anotherDocumentGetsALaterOne() {
    String first = put(POLICY);

    String again = put(MINIFIED);
    String changed = put(OTHER);

    assertThat(again).isEqualTo(first);
    assertThat(Long.parseLong(changed)).isGreaterThan(Long.parseLong(first));
  }

  @Test
  void put_withExpectedRevision_checksIt() {
    String first = put(POLICY);
    String second = dynamo.putResourcePolicy(b -> b.resourceArn(arn).policy(OTHER)
        .expectedRevisionId(first)).revisionId();

    PolicyNotFoundException stale = catchThrowableOfType(() -> dynamo.putResourcePolicy(
        b -> b.resourceArn(arn).policy(POLICY).expectedRevisionId(first)),
        PolicyNotFoundException.class);
    PolicyNotFoundException noneExpected = catchThrowableOfType(() -> dynamo.putResourcePolicy(
        b -> b.resourceArn(arn).policy(POLICY).expectedRevisionId("NO_POLICY")),
        PolicyNotFoundException.class);

    assertThat(stale.awsErrorDetails().errorMessage()).isEqualTo("Resource-based policy not"
        + " found for the provided ResourceArn: Requested update for policy with revision id "
        + first + ", but the policy associated to target table orders has revision id "
        + second + ".");
    assertThat(noneExpected.awsErrorDetails().errorMessage()).isEqualTo("Resource-based policy"
        + " not found for the provided ResourceArn: Requested policy update expecting none to be"
        + " present for table orders, but a policy exists with revision id " + second + ".");
    assertThat(dynamo.getResourcePolicy(b -> b.resourceArn(arn)).revisionId()).isEqualTo(second);
  }

  @Test
  void get_withoutPolicy_isPolicyNotFound() {
    PolicyNotFoundException thrown = catchThrowableOfType(
        () -> dynamo.getResourcePolicy(b -> b.resourceArn(arn)), PolicyNotFoundException.class);

    assertThat(thrown.statusCode()).isEqualTo(400);
    assertThat(thrown.awsErrorDetails().errorMessage())
        .isEqualTo("Resource-based policy not found for the provided ResourceArn: " + arn);
  }

  @Test
  void delete_answersTheRemovedRevision_andIsIdempotent() {
    String revision = put(POLICY);

    String removed = dynamo.deleteResourcePolicy(b -> b.resourceArn(arn)).revisionId();
    String again = dynamo.deleteResourcePolicy(b -> b.resourceArn(arn)).revisionId();

    assertThat(removed).isEqualTo(revision);
    assertThat(again).isNull();
    assertThat(catchThrowableOfType(() -> dynamo.getResourcePolicy(b -> b.resourceArn(arn)),
        PolicyNotFoundException.class)).isNotNull();
  }

  @Test
  void delete_withStaleRevision_isPolicyNotFound_andKeepsThePolicy() {
    String first = put(POLICY);
    String second = put(OTHER);

    PolicyNotFoundException thrown = catchThrowableOfType(() -> dynamo.deleteResourcePolicy(
        b -> b.resourceArn(arn).expectedRevisionId(first)), PolicyNotFoundException.class);

    assertThat(thrown.awsErrorDetails().errorMessage()).endsWith("Requested update for policy"
        + " with revision id " + first + ", but the policy associated to target table orders"
        + " has revision id " + second + ".");
    assertThat(dynamo.getResourcePolicy(b -> b.resourceArn(arn)).revisionId()).isEqualTo(second);
  }

  @Test
  void missingTable_isResourceNotFound() {
    String missing = arn.replace("table/orders", "table/nope");

    ResourceNotFoundException get = catchThrowableOfType(
        () -> dynamo.getResourcePolicy(b -> b.resourceArn(missing)),
        ResourceNotFoundException.class);
    ResourceNotFoundException put = catchThrowableOfType(
        () -> dynamo.putResourcePolicy(b -> b.resourceArn(missing).policy(POLICY)),
        ResourceNotFoundException.class);
    ResourceNotFoundException delete = catchThrowableOfType(
        () -> dynamo.deleteResourcePolicy(b -> b.resourceArn(missing)),
        ResourceNotFoundException.class);

    assertThat(get.awsErrorDetails().errorMessage())
        .isEqualTo("Requested resource not found: Table: nope not found");
    assertThat(put.awsErrorDetails().errorMessage()).isEqualTo(get.awsErrorDetails()
        .errorMessage());
    assertThat(delete.awsErrorDetails().errorMessage()).isEqualTo(get.awsErrorDetails()
        .errorMessage());
  }

  @Test
  void badArns_areValidationErrors() {
    assertThat(validationMessage(() -> dynamo.getResourcePolicy(b -> b.resourceArn("orders"))))
        .isEqualTo("One or more parameter values were invalid: ARNs must start with 'arn:':"
            + " orders");
    String otherPartition = arn.replace("arn:aws:", "arn:aws-cn:");
    assertThat(validationMessage(() -> dynamo.getResourcePolicy(
        b -> b.resourceArn(otherPartition))))
        .isEqualTo("One or more parameter values were invalid: Invalid resource Arn: "
            + otherPartition);
    String otherRegion = arn.replace("us-east-1", "eu-west-1");
    assertThat(validationMessage(() -> dynamo.getResourcePolicy(b -> b.resourceArn(otherRegion))))
        .isEqualTo("One or more parameter values were invalid: Invalid resource Arn: "
            + otherRegion);
    String otherAccount = arn.replace(":000000000000:", ":111111111111:");
    assertThat(validationMessage(() -> dynamo.getResourcePolicy(b -> b.resourceArn(otherAccount))))
        .isEqualTo("This action is only supported by accounts that match the resource owner\u2019s"
            + " account.");
    String index = arn + "/index/byDate";
    assertThat(validationMessage(() -> dynamo.getResourcePolicy(b -> b.resourceArn(index))))
        .isEqualTo("One or more parameter values were invalid: Invalid resource arn provided,"
            + " only table or stream is accepted. Provided resource arn: " + index);
    String backup = arn + "/backup/01700000000000-abcdefgh";
    assertThat(validationMessage(() -> dynamo.getResourcePolicy(b -> b.resourceArn(backup))))
        .isEqualTo("One or more parameter values were invalid: Provided Arn is not a DynamoDB"
            + " resource arn: " + backup);
  }

  @Test
  void badPolicies_areValidationErrors_andStoreNothing() {
    String tooLarge = POLICY.replace("{\"Version\"", "{" + " ".repeat(20_480) + "\"Version\"");

    assertThat(validationMessage(() -> put(tooLarge))).isEqualTo(
        "One or more parameter values were invalid: Maximum policy size of 20480 bytes exceeded");
    assertThat(validationMessage(() -> put("{not json"))).isEqualTo("One or more parameter values"
        + " were invalid: Invalid policy document: This policy contains invalid Json");
    assertThat(validationMessage(() -> put("{\"Version\":\"2012-10-17\",\"Statement\":[]}")))
        .isEqualTo("One or more parameter values were invalid: Invalid policy document: Could"
            + " not parse the policy: Statement is empty!");
    assertThat(validationMessage(() -> put("{\"Statement\":[{\"Effect\":\"Allow\","
        + "\"Principal\":\"*\",\"Action\":\"dynamodb:GetItem\"}]}"))).isEqualTo("One or more"
        + " parameter values were invalid: Invalid policy document: Missing required field"
        + " Resource");
    assertThat(catchThrowableOfType(() -> dynamo.getResourcePolicy(b -> b.resourceArn(arn)),
        PolicyNotFoundException.class)).isNotNull();
  }

  @Test
  void anEmptyObjectAndNull_getAwsTexts() {
    // As AWS answered in 2026 (ack-api-quirks catalogue, DDB-TABLE-457).
    String prefix = "One or more parameter values were invalid: Invalid policy document: ";

    assertThat(validationMessage(() -> put("{}")))
        .isEqualTo(prefix + "Syntax error at position (1,3)");
    assertThat(validationMessage(() -> put("null")))
        .isEqualTo(prefix + "This text appears not to be a policy");
    assertThat(validationMessage(() -> put("[]")))
        .isEqualTo(prefix + "This policy contains invalid Json");
    assertThat(catchThrowableOfType(() -> dynamo.getResourcePolicy(b -> b.resourceArn(arn)),
        PolicyNotFoundException.class)).isNotNull();
  }

  @Test
  void effectAndVersion_areCheckedAsTheIamPolicyGrammarSays() {
    String prefix = "One or more parameter values were invalid: Invalid policy document: ";

    assertThat(validationMessage(() -> put(POLICY.replace("\"Effect\": \"Allow\", ", ""))))
        .isEqualTo(prefix + "Missing required field Effect");
    assertThat(validationMessage(() -> put("{\"Statement\":[{}]}")))
        .isEqualTo(prefix + "Missing required field Effect");
    assertThat(validationMessage(() -> put(POLICY.replace("Allow", "Maybe"))))
        .isEqualTo(prefix + "Invalid effect: Maybe");
    assertThat(validationMessage(() -> put(POLICY.replace("2012-10-17", "2099-01-01"))))
        .isEqualTo(prefix + "The policy must contain a valid version string");
    assertThat(validationMessage(() -> put(POLICY.replace("\"2012-10-17\"", "20121017"))))
        .isEqualTo(prefix + "The policy must contain a valid version string");
    assertThat(catchThrowableOfType(() -> dynamo.getResourcePolicy(b -> b.resourceArn(arn)),
        PolicyNotFoundException.class)).isNotNull();
  }

  @Test
  void deny_theOlderVersion_andNoVersion_areAccepted() {
    String deny = POLICY.replace("Allow", "Deny").replace("2012-10-17", "2008-10-17");
    String unversioned = POLICY.replace("\"Version\": \"2012-10-17\", ", "");

    put(deny);
    String denied = dynamo.getResourcePolicy(b -> b.resourceArn(arn)).policy();
    put(unversioned);

    assertThat(denied).contains("\"Effect\":\"Deny\"", "\"Version\":\"2008-10-17\"");
    // Read back with IAM's default version, as AWS answers (ack-api-quirks DDB-TABLE-354), yet
    // a different document from the explicit 2008-10-17 one: a new revision each time.
    GetResourcePolicyResponse read = dynamo.getResourcePolicy(b -> b.resourceArn(arn));
    assertThat(read.policy()).startsWith("{\"Version\":\"2008-10-17\",\"Statement\":");
    String again = dynamo.putResourcePolicy(b -> b.resourceArn(arn).policy(read.policy()))
        .revisionId();
    assertThat(again).isNotEqualTo(read.revisionId());
  }

  @Test
  void theDocument_isKeptInDynamoDbsCanonicalForm() {
    // ack-api-quirks DDB-TABLE-208, -351, -352, -353, -355 (AWS, 2026).
    String sent = "{\"Statement\": {\"Resource\": [\"*\"], \"Action\": [\"dynamodb:Query\","
        + " \"dynamodb:GetItem\"], \"Effect\": \"allow\", \"Principal\": {\"AWS\":"
        + " [\"000000000000\", \"arn:aws:iam::000000000000:root\"]}, \"Condition\":"
        + " {\"StringEquals\": {\"aws:PrincipalAccount\": [\"000000000000\"]}},"
        + " \"Sid\": \"read\"}, \"Version\": \"2012-10-17\"}";
    String first = dynamo.putResourcePolicy(b -> b.resourceArn(arn).policy(sent)).revisionId();

    String read = dynamo.getResourcePolicy(b -> b.resourceArn(arn)).policy();

    assertThat(read).isEqualTo("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"read\","
        + "\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::000000000000:root\"},"
        + "\"Action\":[\"dynamodb:Query\",\"dynamodb:GetItem\"],\"Resource\":\"*\","
        + "\"Condition\":{\"StringEquals\":{\"aws:PrincipalAccount\":\"000000000000\"}}}]}");
    assertThat(dynamo.putResourcePolicy(b -> b.resourceArn(arn).policy(read)).revisionId())
        .isEqualTo(first);
  }

  @Test
  void repeatedStatementIds_andAnAllowToEveryone_areRefused() {
    String twice = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"s\",\"Effect\":"
        + "\"Deny\",\"Principal\":\"*\",\"Action\":\"dynamodb:GetItem\",\"Resource\":\"*\"},"
        + "{\"Sid\":\"s\",\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":"
        + "\"dynamodb:Query\",\"Resource\":\"*\"}]}";

    assertThat(validationMessage(() -> put(twice))).isEqualTo("One or more parameter values"
        + " were invalid: Invalid policy document: The Statement Ids in the policy are not"
        + " unique");
    String unbounded = "Resource-based policy grants unbounded access in one or more elements."
        + " Please revise the policy to ensure least-privilege form of access";
    assertThat(validationMessage(() -> put(POLICY.replace(
        "{\"AWS\": \"arn:aws:iam::000000000000:root\"}", "\"*\"")))).isEqualTo(unbounded);
    assertThat(validationMessage(() -> put(POLICY.replace(
        "\"arn:aws:iam::000000000000:root\"", "[\"*\"]")))).isEqualTo(unbounded);
    assertThat(catchThrowableOfType(() -> dynamo.getResourcePolicy(b -> b.resourceArn(arn)),
        PolicyNotFoundException.class)).isNotNull();
  }

  @Test
  void missingMembers_areModelViolations() {
    assertThat(validationMessage(() -> dynamo.putResourcePolicy(b -> b.resourceArn(arn))))
        .isEqualTo("1 validation error detected: Value null at 'policy' failed to satisfy"
            + " constraint: Member must not be null");
  }

  @Test
  void theStream_hasAPolicyOfItsOwn() {
    String streamArn = dynamo.updateTable(b -> b.tableName("orders").streamSpecification(
        s -> s.streamEnabled(true).streamViewType(StreamViewType.KEYS_ONLY)))
        .tableDescription().latestStreamArn();
    put(POLICY);

    String streamRevision = dynamo.putResourcePolicy(
        b -> b.resourceArn(streamArn).policy(OTHER)).revisionId();

    assertThat(dynamo.getResourcePolicy(b -> b.resourceArn(streamArn)).revisionId())
        .isEqualTo(streamRevision);
    assertThat(dynamo.getResourcePolicy(b -> b.resourceArn(arn)).policy()).isEqualTo(MINIFIED);
    String bogus = arn + "/stream/2000-01-01T00:00:00.000";
    assertThat(catchThrowableOfType(() -> dynamo.getResourcePolicy(b -> b.resourceArn(bogus)),
        ResourceNotFoundException.class).awsErrorDetails().errorMessage()).isEqualTo(
        "Requested resource not found: Stream: 2000-01-01T00:00:00.000 not found for Table:"
            + " orders");
  }

  @Test
  void thePolicy_diesWithItsTable() {
    put(POLICY);

    dynamo.deleteTable(b -> b.tableName("orders"));
    create("orders");

    assertThat(catchThrowableOfType(() -> dynamo.getResourcePolicy(b -> b.resourceArn(arn)),
        PolicyNotFoundException.class)).isNotNull();
  }

  @Test
  void reset_forgetsPolicies() {
    put(POLICY);

    server.tombstone().reset();
    create("orders");

    assertThat(catchThrowableOfType(() -> dynamo.getResourcePolicy(b -> b.resourceArn(arn)),
        PolicyNotFoundException.class)).isNotNull();
  }

  @Test
  void createTable_withResourcePolicy_attachesIt_andABadOneCreatesNoTable() {
    String created = dynamo.createTable(b -> b.tableName("invoices")
        .keySchema(key("id", KeyType.HASH)).attributeDefinitions(def("id", ScalarAttributeType.S))
        .billingMode(BillingMode.PAY_PER_REQUEST).resourcePolicy(POLICY))
        .tableDescription().tableArn();

    String message = validationMessage(() -> dynamo.createTable(b -> b.tableName("refused")
        .keySchema(key("id", KeyType.HASH)).attributeDefinitions(def("id", ScalarAttributeType.S))
        .billingMode(BillingMode.PAY_PER_REQUEST).resourcePolicy("{not json")));

    assertThat(dynamo.getResourcePolicy(b -> b.resourceArn(created)).policy())
        .isEqualTo(MINIFIED);
    assertThat(message).endsWith("This policy contains invalid Json");
    assertThat(dynamo.listTables().tableNames()).doesNotContain("refused");
  }
}
