package dev.tombstone.internal.auth;

import static dev.tombstone.internal.auth.StrictClients.KEY;
import static dev.tombstone.internal.auth.StrictClients.SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.Tombstone;
import dev.tombstone.testing.BrowserUploadForm;
import dev.tombstone.testing.RunningTombstone;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * In strict mode a browser upload carries no request signature: its form's POST policy is signed
 * instead, and S3 checks that signature before it reads the policy (LocalStack's AWS-validated
 * recordings: a truncated policy is SignatureDoesNotMatch with the policy as the string to sign).
 */
class StrictPostObjectTest {
  @RegisterExtension
  static final RunningTombstone server =
      RunningTombstone.perClass(b -> b.credentials(KEY, SECRET));

  private final Tombstone tombstone = server.tombstone();
  private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

  @BeforeEach
  void bucket() {
    tombstone.s3().createBucket("uploads");
  }

  private URI url() {
    return URI.create(tombstone.endpoint() + "/uploads");
  }

  private String policy(String key) {
    return BrowserUploadForm.policy(now.plusSeconds(600), "uploads", "{\"key\": \"k\"}", key,
        now);
  }

  @Test
  void awsDocumentedPolicy_hasItsDocumentedSignature() {
    // The SigV4 POST example of the S3 developer guide: its policy, with CRLF line ends, and
    // the signature it gives for AKIAIOSFODNN7EXAMPLE.
    String policy = BrowserUploadForm.base64("{ \"expiration\": \"2015-12-30T12:00:00.000Z\","
        + "\r\n  \"conditions\": [\r\n    {\"bucket\": \"sigv4examplebucket\"},\r\n"
        + "    [\"starts-with\", \"$key\", \"user/user1/\"],\r\n    {\"acl\": \"public-read\"},"
        + "\r\n    {\"success_action_redirect\": \"http://sigv4examplebucket.s3.amazonaws.com/"
        + "successful_upload.html\"},\r\n    [\"starts-with\", \"$Content-Type\", \"image/\"],"
        + "\r\n    {\"x-amz-meta-uuid\": \"14365123651274\"},\r\n"
        + "    {\"x-amz-server-side-encryption\": \"AES256\"},\r\n"
        + "    [\"starts-with\", \"$x-amz-meta-tag\", \"\"],\r\n\r\n"
        + "    {\"x-amz-credential\": \"AKIAIOSFODNN7EXAMPLE/20151229/us-east-1/s3/aws4_request\"},"
        + "\r\n    {\"x-amz-algorithm\": \"AWS4-HMAC-SHA256\"},\r\n"
        + "    {\"x-amz-date\": \"20151229T000000Z\" }\r\n  ]\r\n}");
    PolicySignatures signatures = new PolicySignatures(
        new Credentials("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"));

    assertThat(signatures.check("AKIAIOSFODNN7EXAMPLE/20151229/us-east-1/s3/aws4_request",
        policy, "8afdbf4008c03f22c2cd3cdb72e4afbb1f6a588f3255ac628749a66d7f09699e"))
        .isInstanceOf(PolicySignatures.Outcome.Valid.class);
  }

  @Test
  void policySignedWithTheConfiguredKey_isStored() {
    HttpResponse<String> answer = new BrowserUploadForm().field("key", "k")
        .signedV4(KEY, SECRET, now, policy(KEY)).file("f", "x").postTo(url());

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(204);
    assertThat(tombstone.s3().keys("uploads")).containsExactly("k");
  }

  @Test
  void policySignedWithAnotherSecret_isSignatureDoesNotMatch_showingThePolicyAsSigned() {
    BrowserUploadForm form = new BrowserUploadForm().field("key", "k")
        .signedV4(KEY, "another secret", now, policy(KEY));
    String sent = BrowserUploadForm.base64(policy(KEY));

    HttpResponse<String> answer = form.file("f", "x").postTo(url());

    assertThat(answer.statusCode()).isEqualTo(403);
    assertThat(answer.body()).contains("<Code>SignatureDoesNotMatch</Code><Message>The request"
        + " signature we calculated does not match the signature you provided. Check your key"
        + " and signing method.</Message><AWSAccessKeyId>" + KEY + "</AWSAccessKeyId>"
        + "<StringToSign>" + sent + "</StringToSign><SignatureProvided>"
        + BrowserUploadForm.signature("another secret", now.toString().substring(0, 10)
            .replace("-", ""), sent)
        + "</SignatureProvided><StringToSignBytes>65 79 4a");
    assertThat(tombstone.s3().keys("uploads")).isEmpty();
  }

  @Test
  void policySignedWithAnotherKey_isInvalidAccessKeyId() {
    HttpResponse<String> answer = new BrowserUploadForm().field("key", "k")
        .signedV4("AKIDOTHER", SECRET, now, policy("AKIDOTHER")).file("f", "x").postTo(url());

    assertThat(answer.statusCode()).isEqualTo(403);
    assertThat(answer.body()).contains("<Code>InvalidAccessKeyId</Code><Message>The AWS Access"
        + " Key Id you provided does not exist in our records.</Message>"
        + "<AWSAccessKeyId>AKIDOTHER</AWSAccessKeyId>");
    assertThat(tombstone.s3().keys("uploads")).isEmpty();
  }

  @Test
  void anonymousForm_andSigV2Form_areAccessDenied() {
    HttpResponse<String> anonymous = new BrowserUploadForm().field("key", "k").file("f", "x")
        .postTo(url());
    HttpResponse<String> sigV2 = new BrowserUploadForm().field("key", "k")
        .field("AWSAccessKeyId", KEY).field("policy", "e30=").field("signature", "c2ln")
        .file("f", "x").postTo(url());

    assertThat(anonymous.statusCode()).isEqualTo(403);
    assertThat(anonymous.body()).contains("<Code>AccessDenied</Code><Message>Access Denied");
    assertThat(sigV2.statusCode()).isEqualTo(403);
    assertThat(sigV2.body()).contains("<Code>AccessDenied</Code><Message>Access Denied");
    assertThat(tombstone.s3().keys("uploads")).isEmpty();
  }

  @Test
  void unsignedPostWithAQuery_isStillARequestToSign() {
    HttpResponse<String> answer = BrowserUploadForm.post(
        URI.create(tombstone.endpoint() + "/uploads?delete"), "application/xml",
        "<Delete/>".getBytes(java.nio.charset.StandardCharsets.UTF_8));

    assertThat(answer.statusCode()).isEqualTo(403);
    assertThat(answer.body()).contains("<Code>AccessDenied</Code>");
  }
}
