package dev.tombstone.internal.s3.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.Tombstone;
import dev.tombstone.testing.RunningTombstone;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.ObjectLockLegalHoldStatus;
import software.amazon.awssdk.services.s3.model.ObjectLockRetentionMode;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Object Lock requests S3 refuses, or answers with less than a configuration, as recorded
 * against AWS: the bypass header without Object Lock, an empty default rule, a legal hold that
 * was never set, and the error details that go with them.
 */
class SdkObjectLockRefusalsTest {
  static final String BYPASS_ONLY_WITH_LOCK =
      "x-amz-bypass-governance-retention is only applicable to Object Lock enabled buckets.";

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  final Tombstone tombstone = server.tombstone();
  final S3Client s3 = server.s3();

  // The SDK keeps no error body; the extra elements are read from a plain request's answer.
  HttpResponse<String> send(String method, String path, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(
        URI.create(tombstone.endpoint() + path)).method(method, BodyPublishers.noBody());
    if (headers.length > 0) {
      request.headers(headers);
    }
    return HttpClient.newHttpClient().send(request.build(), BodyHandlers.ofString());
  }

  static void assertBypassRefused(S3Exception thrown) {
    assertThat(thrown.statusCode()).isEqualTo(400);
    assertThat(thrown.awsErrorDetails().errorCode()).isEqualTo("InvalidArgument");
    assertThat(thrown.awsErrorDetails().errorMessage()).isEqualTo(BYPASS_ONLY_WITH_LOCK);
  }

  @Test
  void bypassHeader_onABucketWithoutObjectLock_isRefused_whateverItsValue_andDeletesNothing()
      throws Exception {
    s3.createBucket(b -> b.bucket("plain"));
    s3.putObject(b -> b.bucket("plain").key("k"), RequestBody.fromString("test"));

    assertBypassRefused(catchThrowableOfType(() -> s3.deleteObject(
        b -> b.bucket("plain").key("k").bypassGovernanceRetention(true)), S3Exception.class));
    assertBypassRefused(catchThrowableOfType(() -> s3.deleteObject(
        b -> b.bucket("plain").key("k").bypassGovernanceRetention(false)), S3Exception.class));
    assertBypassRefused(catchThrowableOfType(() -> s3.deleteObjects(b -> b.bucket("plain")
        .bypassGovernanceRetention(true)
        .delete(d -> d.objects(ObjectIdentifier.builder().key("k").build()))),
        S3Exception.class));
    HttpResponse<String> raw = send("DELETE", "/plain/k",
        "x-amz-bypass-governance-retention", "true");

    assertThat(raw.body())
        .contains("<ArgumentName>x-amz-bypass-governance-retention</ArgumentName>")
        .doesNotContain("ArgumentValue");
    assertThat(tombstone.s3().versions("plain", "k")).hasSize(1);
  }

  @Test
  void emptyRule_isMalformedXml_andKeepsTheDefaultRetention() {
    s3.createBucket(b -> b.bucket("vault").objectLockEnabledForBucket(true));
    s3.putObjectLockConfiguration(b -> b.bucket("vault").objectLockConfiguration(c -> c
        .objectLockEnabled("Enabled").rule(r -> r.defaultRetention(d -> d
            .mode(ObjectLockRetentionMode.GOVERNANCE).days(1)))));

    S3Exception thrown = catchThrowableOfType(() -> s3.putObjectLockConfiguration(b -> b
        .bucket("vault").objectLockConfiguration(c -> c.objectLockEnabled("Enabled")
            .rule(r -> { }))), S3Exception.class);

    assertThat(thrown.statusCode()).isEqualTo(400);
    assertThat(thrown.awsErrorDetails().errorCode()).isEqualTo("MalformedXML");
    assertThat(s3.getObjectLockConfiguration(b -> b.bucket("vault")).objectLockConfiguration()
        .rule().defaultRetention().days()).isEqualTo(1);
  }

  @Test
  void legalHoldNeverSet_isNoSuchObjectLockConfiguration_andALiftedHoldReadsOff() {
    s3.createBucket(b -> b.bucket("vault").objectLockEnabledForBucket(true));
    s3.putObject(b -> b.bucket("vault").key("k"), RequestBody.fromString("x"));

    S3Exception unset = catchThrowableOfType(() -> s3.getObjectLegalHold(
        b -> b.bucket("vault").key("k")), S3Exception.class);
    assertThat(unset.statusCode()).isEqualTo(404);
    assertThat(unset.awsErrorDetails().errorCode()).isEqualTo("NoSuchObjectLockConfiguration");
    assertThat(unset.awsErrorDetails().errorMessage())
        .isEqualTo("The specified object does not have a ObjectLock configuration");
    assertThat(s3.headObject(b -> b.bucket("vault").key("k")).objectLockLegalHoldStatus())
        .isNull();

    s3.putObjectLegalHold(b -> b.bucket("vault").key("k")
        .legalHold(h -> h.status(ObjectLockLegalHoldStatus.ON)));
    s3.putObjectLegalHold(b -> b.bucket("vault").key("k")
        .legalHold(h -> h.status(ObjectLockLegalHoldStatus.OFF)));

    assertThat(s3.getObjectLegalHold(b -> b.bucket("vault").key("k")).legalHold().status())
        .isEqualTo(ObjectLockLegalHoldStatus.OFF);
    assertThat(s3.headObject(b -> b.bucket("vault").key("k")).objectLockLegalHoldStatus())
        .isEqualTo(ObjectLockLegalHoldStatus.OFF);
  }

  @Test
  void lockConfigurationOfABucketWithoutObjectLock_namesTheBucket() throws Exception {
    s3.createBucket(b -> b.bucket("plain"));

    HttpResponse<String> answer = send("GET", "/plain?object-lock");

    RawBucketRequests.assertError(answer, 404, "ObjectLockConfigurationNotFoundError",
        "Object Lock configuration does not exist for this bucket");
    assertThat(answer.body()).contains("<BucketName>plain</BucketName>");
  }

  @Test
  void lockConfiguration_withoutABody_isMissingRequestBody_andAnEmptyOneMalformed() {
    s3.createBucket(b -> b.bucket("locked-empty").objectLockEnabledForBucket(true));

    S3Exception noBody = catchThrowableOfType(
        () -> s3.putObjectLockConfiguration(b -> b.bucket("locked-empty")), S3Exception.class);
    S3Exception emptyConfiguration = catchThrowableOfType(
        () -> s3.putObjectLockConfiguration(b -> b.bucket("locked-empty")
            .objectLockConfiguration(c -> {})), S3Exception.class);

    assertThat(noBody.statusCode()).isEqualTo(400);
    assertThat(noBody.awsErrorDetails().errorCode()).isEqualTo("MissingRequestBodyError");
    assertThat(noBody.awsErrorDetails().errorMessage()).isEqualTo("Request Body is empty");
    assertThat(emptyConfiguration.awsErrorDetails().errorCode()).isEqualTo("MalformedXML");
  }
}
