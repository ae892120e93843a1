package dev.tombstone.internal.auth;

import static dev.tombstone.internal.auth.StrictClients.KEY;
import static dev.tombstone.internal.auth.StrictClients.SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.Tombstone;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Strict mode with the SDK v2 at default settings: the right key pair works end to end. */
class StrictModeSdkTest {
  private static Tombstone tombstone;
  private static DynamoDbClient dynamo;
  private static S3Client s3;

  @BeforeAll
  static void start() {
    tombstone = Tombstone.builder().credentials(KEY, SECRET).start();
    dynamo = StrictClients.dynamoDb(tombstone.endpoint(), KEY, SECRET);
    s3 = StrictClients.s3(tombstone.endpoint(), KEY, SECRET);
  }

  @AfterAll
  static void stop() {
    dynamo.close();
    s3.close();
    tombstone.close();
  }

  @BeforeEach
  void reset() {
    tombstone.reset();
  }

  @Test
  void dynamoDb_withTheConfiguredKeyPair_servesEveryDeletePath() {
    dynamo.createTable(t -> t.tableName("orders")
        .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
        .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
        .billingMode("PAY_PER_REQUEST"));
    dynamo.putItem(p -> p.tableName("orders").item(Map.of(
        "id", AttributeValue.fromS("o-1"), "status", AttributeValue.fromS("NEW"),
        "note", AttributeValue.fromS("ünïcødé & spaces"))));

    Throwable refused = catchThrowableOfType(ConditionalCheckFailedException.class,
        () -> dynamo.deleteItem(d -> d.tableName("orders")
            .key(Map.of("id", AttributeValue.fromS("o-1")))
            .conditionExpression("#s = :s").expressionAttributeNames(Map.of("#s", "status"))
            .expressionAttributeValues(Map.of(":s", AttributeValue.fromS("SHIPPED")))));
    dynamo.deleteItem(d -> d.tableName("orders").key(Map.of("id", AttributeValue.fromS("o-1"))));

    assertThat(refused).isNotNull();
    assertThat(dynamo.scan(s -> s.tableName("orders")).count()).isZero();
    assertThat(dynamo.listTables().tableNames()).containsExactly("orders");
  }

  @Test
  void s3_withTheConfiguredKeyPair_servesUploadsWithChecksumsAndDeletes() {
    s3.createBucket(b -> b.bucket("strict"));
    s3.putBucketVersioning(v -> v.bucket("strict")
        .versioningConfiguration(c -> c.status(BucketVersioningStatus.ENABLED)));
    s3.putObject(p -> p.bucket("strict").key("dir/a b+c.txt"),
        RequestBody.fromString("hello, strict world"));
    s3.putObject(p -> p.bucket("strict").key("sha").checksumAlgorithm(ChecksumAlgorithm.SHA256),
        RequestBody.fromBytes(new byte[200_000]));

    String read = s3.getObjectAsBytes(g -> g.bucket("strict").key("dir/a b+c.txt"))
        .asString(StandardCharsets.UTF_8);
    s3.deleteObject(d -> d.bucket("strict").key("dir/a b+c.txt"));
    s3.deleteObjects(d -> d.bucket("strict").delete(x -> x.objects(
        ObjectIdentifier.builder().key("sha").build())));
    var versions = s3.listObjectVersions(l -> l.bucket("strict").prefix("dir/"));

    assertThat(read).isEqualTo("hello, strict world");
    assertThat(versions.deleteMarkers()).hasSize(1);
    assertThat(tombstone.s3().isDeleteMarker("strict", "sha")).isTrue();
  }

  @Test
  void s3_signedChunkUploads_ofEmptyAndMultiChunkBodies_areStored() {
    s3.createBucket(b -> b.bucket("sizes"));
    byte[] large = new byte[300_000];
    java.util.Arrays.fill(large, (byte) 'x');

    s3.putObject(p -> p.bucket("sizes").key("empty"), RequestBody.empty());
    s3.putObject(p -> p.bucket("sizes").key("large"), RequestBody.fromBytes(large));

    assertThat(s3.getObjectAsBytes(g -> g.bucket("sizes").key("empty")).asByteArray()).isEmpty();
    assertThat(s3.getObjectAsBytes(g -> g.bucket("sizes").key("large")).asByteArray())
        .isEqualTo(large);
  }

  @Test
  void s3_requestsCarryingManyAmzHeaders_signThemAll_andAreServed() {
    s3.createBucket(b -> b.bucket("headers").objectLockEnabledForBucket(true));
    s3.putObject(p -> p.bucket("headers").key("doc").metadata(Map.of("owner", "ops"))
        .tagging("team=payments").storageClass("STANDARD_IA").acl("private")
        .objectLockMode("GOVERNANCE").objectLockRetainUntilDate(
            java.time.Instant.now().plus(java.time.Duration.ofDays(1)))
        .checksumAlgorithm(ChecksumAlgorithm.CRC32_C), RequestBody.fromString("locked"));
    s3.copyObject(c -> c.sourceBucket("headers").sourceKey("doc").destinationBucket("headers")
        .destinationKey("copy").metadataDirective("REPLACE").metadata(Map.of("owner", "dev"))
        .taggingDirective("REPLACE").tagging("team=dev"));

    s3.deleteObjects(d -> d.bucket("headers").bypassGovernanceRetention(true)
        .delete(x -> x.objects(ObjectIdentifier.builder().key("copy").build())));

    assertThat(s3.headObject(h -> h.bucket("headers").key("doc")).metadata())
        .containsEntry("owner", "ops");
    assertThat(tombstone.s3().isDeleteMarker("headers", "copy")).isTrue();
  }

  @Test
  void s3_multipartUpload_withTheConfiguredKeyPair_completes() {
    s3.createBucket(b -> b.bucket("parts"));
    String upload = s3.createMultipartUpload(c -> c.bucket("parts").key("big")).uploadId();
    String etag = s3.uploadPart(u -> u.bucket("parts").key("big").uploadId(upload)
        .partNumber(1), RequestBody.fromString("only part")).eTag();

    s3.completeMultipartUpload(c -> c.bucket("parts").key("big").uploadId(upload)
        .multipartUpload(m -> m.parts(p -> p.partNumber(1).eTag(etag))));

    assertThat(s3.getObjectAsBytes(g -> g.bucket("parts").key("big")).asUtf8String())
        .isEqualTo("only part");
  }

  @Test
  void wrongSecret_isInvalidSignatureException_withTheCanonicalString() {
    try (DynamoDbClient wrong = StrictClients.dynamoDb(tombstone.endpoint(), KEY, "not-it")) {
      DynamoDbException thrown = catchThrowableOfType(DynamoDbException.class,
          wrong::listTables);

      assertThat(thrown.statusCode()).isEqualTo(400);
      assertThat(thrown.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");
      assertThat(thrown.awsErrorDetails().errorMessage()).startsWith(
          "The request signature we calculated does not match the signature you provided."
              + " Check your AWS Secret Access Key and signing method. Consult the service"
              + " documentation for details.\n\nThe Canonical String for this request should"
              + " have been\n'POST\n/\n\n");
      assertThat(thrown.awsErrorDetails().errorMessage())
          .contains("\n\nThe String-to-Sign should have been\n'AWS4-HMAC-SHA256\n");
    }
  }

  @Test
  void wrongKey_isUnrecognizedClientException() {
    try (DynamoDbClient wrong = StrictClients.dynamoDb(tombstone.endpoint(), "AKIDOTHER", SECRET)) {
      DynamoDbException thrown = catchThrowableOfType(DynamoDbException.class,
          wrong::listTables);

      assertThat(thrown.statusCode()).isEqualTo(400);
      assertThat(thrown.awsErrorDetails().errorCode()).isEqualTo("UnrecognizedClientException");
      assertThat(thrown.awsErrorDetails().errorMessage())
          .isEqualTo("The security token included in the request is invalid.");
    }
  }

  @Test
  void s3WrongSecret_isSignatureDoesNotMatch_andStoresNothing() {
    s3.createBucket(b -> b.bucket("guarded"));
    try (S3Client wrong = StrictClients.s3(tombstone.endpoint(), KEY, "not-it")) {
      S3Exception thrown = catchThrowableOfType(S3Exception.class,
          () -> wrong.putObject(p -> p.bucket("guarded").key("k"), RequestBody.fromString("x")));

      assertThat(thrown.statusCode()).isEqualTo(403);
      assertThat(thrown.awsErrorDetails().errorCode()).isEqualTo("SignatureDoesNotMatch");
      assertThat(thrown.awsErrorDetails().errorMessage()).isEqualTo("The request signature we"
          + " calculated does not match the signature you provided. Check your key and signing"
          + " method.");
      assertThat(tombstone.s3().keys("guarded")).isEmpty();
    }
  }

  @Test
  void s3WrongKey_isInvalidAccessKeyId_andDeletesNothing() {
    s3.createBucket(b -> b.bucket("guarded"));
    tombstone.s3().putObject("guarded", "kept", "x");
    try (S3Client wrong = StrictClients.s3(tombstone.endpoint(), "AKIDOTHER", SECRET)) {
      S3Exception thrown = catchThrowableOfType(S3Exception.class,
          () -> wrong.deleteObject(d -> d.bucket("guarded").key("kept")));

      assertThat(thrown.statusCode()).isEqualTo(403);
      assertThat(thrown.awsErrorDetails().errorCode()).isEqualTo("InvalidAccessKeyId");
      assertThat(thrown.awsErrorDetails().errorMessage())
          .isEqualTo("The AWS Access Key Id you provided does not exist in our records.");
      assertThat(tombstone.s3().keys("guarded")).containsExactly("kept");
    }
  }
}
