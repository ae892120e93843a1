package dev.tombstone.internal.s3.protocol;

import static dev.tombstone.internal.s3.protocol.RawBucketRequests.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.Tombstone;
import dev.tombstone.testing.BrowserUploadForm;
import dev.tombstone.testing.RunningTombstone;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * How S3 refuses a browser upload whose form or POST policy is wrong, with the codes and texts
 * of LocalStack's AWS-validated recordings and of captures quoted in issue threads; each refusal
 * stores nothing.
 */
class PostObjectRefusalsHttpTest {
  private static final String KEY_ID = "AKIDPOSTEXAMPLE";

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  private final Tombstone tombstone = server.tombstone();
  private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

  @BeforeEach
  void bucket() {
    server.s3().createBucket(b -> b.bucket("uploads"));
  }

  @AfterEach
  void nothingStored() {
    assertThat(tombstone.s3().keys("uploads")).isEmpty();
  }

  private static URI url(Tombstone tombstone) {
    return URI.create(tombstone.endpoint() + "/uploads");
  }

  /** A form for key "k" signed with botocore's policy around these conditions. */
  private BrowserUploadForm withConditions(String... conditions) {
    return signed(BrowserUploadForm.policy(now.plusSeconds(600), "uploads", "{\"key\": \"k\"}",
        KEY_ID, now, conditions));
  }

  private BrowserUploadForm signed(String policyJson) {
    return new BrowserUploadForm().field("key", "k").signedV4(KEY_ID, "s", now, policyJson);
  }

  @Test
  void bodyThatIsNoForm_isPreconditionFailed() {
    HttpResponse<String> answer = BrowserUploadForm.post(url(tombstone), "text/html",
        "<p>".getBytes(StandardCharsets.UTF_8));

    assertError(answer, 412, "PreconditionFailed",
        "At least one of the pre-conditions you specified did not hold");
    assertThat(answer.body()).contains("<Condition>Bucket POST must be of the enclosure-type"
        + " multipart/form-data</Condition>");
  }

  static Stream<Arguments> unreadableBodies() {
    String file = "--x\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\n";
    return Stream.of(
        Arguments.of("multipart/form-data", "--x\r\n\r\nk\r\n--x--"),
        Arguments.of("multipart/form-data; boundary=x", file + "no closing delimiter"),
        Arguments.of("multipart/form-data; boundary=x", "no delimiter at all"),
        Arguments.of("multipart/form-data; boundary=x", "--x\r\n\r\nno name\r\n--x--"));
  }

  @ParameterizedTest
  @MethodSource("unreadableBodies")
  void bodyThatCannotBeRead_isMalformedPostRequest(String contentType, String body) {
    assertError(BrowserUploadForm.post(url(tombstone), contentType,
        body.getBytes(StandardCharsets.UTF_8)), 400, "MalformedPOSTRequest",
        "The body of your POST request is not well-formed multipart/form-data.");
  }

  @Test
  void fieldsBeforeTheFileOver20KB_areMaxPostPreDataLengthExceeded() {
    HttpResponse<String> answer = new BrowserUploadForm().field("key", "k")
        .field("x-ignore-padding", "p".repeat(20_400)).file("f", "x").postTo(url(tombstone));

    assertError(answer, 400, "MaxPostPreDataLengthExceeded",
        "Your POST request fields preceeding the upload file was too large.");
    assertThat(answer.body()).contains("<MaxPostPreDataLengthBytes>20480"
        + "</MaxPostPreDataLengthBytes>");
  }

  @Test
  void formWithoutAFilePart_isInvalidArgument_namingFile() {
    HttpResponse<String> answer = new BrowserUploadForm().field("key", "k")
        .field("upload", "a file part under another name").postTo(url(tombstone));

    assertError(answer, 400, "InvalidArgument",
        "POST requires exactly one file upload per request.");
    assertThat(answer.body()).contains("<ArgumentName>file</ArgumentName>"
        + "<ArgumentValue>0</ArgumentValue>");
  }

  @Test
  void keyMissing_orSentAfterTheFile_isInvalidArgument() {
    HttpResponse<String> answer = new BrowserUploadForm().file("f", "x")
        .fieldAfterFile("key", "k").postTo(url(tombstone));

    assertError(answer, 400, "InvalidArgument", "Bucket POST must contain a field named 'key'."
        + "  If it is specified, please check the order of the fields.");
    assertThat(answer.body()).contains("<ArgumentName>key</ArgumentName><ArgumentValue>"
        + "</ArgumentValue>");
  }

  @ParameterizedTest
  @CsvSource({"x-amz-signature, X-Amz-Signature", "x-amz-algorithm, X-Amz-Algorithm",
      "policy, Policy"})
  void signedFormMissingAField_namesIt(String dropped, String named) {
    BrowserUploadForm full = withConditions();
    BrowserUploadForm form = new BrowserUploadForm();
    String sent = new String(full.body(), StandardCharsets.UTF_8);
    for (String name : new String[] {"key", "x-amz-algorithm", "x-amz-credential",
        "x-amz-date", "policy", "x-amz-signature"}) {
      if (!name.equals(dropped)) {
        form.field(name, valueOf(sent, name));
      }
    }

    HttpResponse<String> answer = form.file("f", "x").postTo(url(tombstone));

    assertError(answer, 400, "InvalidArgument", "Bucket POST must contain a field named '"
        + named + "'.  If it is specified, please check the order of the fields.");
  }

  @Test
  void sigV2FormWithoutSignature_namesSignature() {
    HttpResponse<String> answer = new BrowserUploadForm().field("key", "k")
        .field("AWSAccessKeyId", KEY_ID).field("policy", "e30=").file("f", "x")
        .postTo(url(tombstone));

    assertError(answer, 400, "InvalidArgument", "Bucket POST must contain a field named"
        + " 'Signature'.  If it is specified, please check the order of the fields.");
  }

  @Test
  void expiredPolicy_isAccessDenied() {
    HttpResponse<String> answer = signed(BrowserUploadForm.policy(now.minusSeconds(1),
        "uploads", "{\"key\": \"k\"}", KEY_ID, now)).file("f", "x").postTo(url(tombstone));

    assertError(answer, 403, "AccessDenied", "Invalid according to Policy: Policy expired.");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"Content-Disposition\": \"a.png\"}|[\"eq\", \"$Content-Disposition\", \"a.png\"]",
      "[\"eq\", \"$Content-Disposition\", \"filename=\\\"b.png\\\"\"]"
          + "|[\"eq\", \"$Content-Disposition\", \"filename=\\\"b.png\\\"\"]",
      "[\"starts-with\", \"Content-Disposition\", \"\"]"
          + "|[\"starts-with\", \"Content-Disposition\", \"\"]",
      "[\"StArTs-WiTh\", \"$content-disposition\", \"inline\"]"
          + "|[\"StArTs-WiTh\", \"$content-disposition\", \"inline\"]",
      "[\"starts-with\", \"$x-amz-meta-absent\", \"\"]"
          + "|[\"starts-with\", \"$x-amz-meta-absent\", \"\"]",
      "[\"content-length-range\", \"one\", 10]|[\"content-length-range\", \"one\", 10]"})
  void failedCondition_isAccessDenied_printedAsInThePolicy(String condition, String printed) {
    HttpResponse<String> answer = withConditions(condition)
        .field("Content-Disposition", "attachment").file("f", "x").postTo(url(tombstone));

    assertError(answer, 403, "AccessDenied",
        "Invalid according to Policy: Policy Condition failed: " + printed.replace("\"", "&quot;"));
  }

  @Test
  void bucketCondition_namesTheBucketPostedTo() {
    server.s3().createBucket(b -> b.bucket("other"));

    HttpResponse<String> answer = new BrowserUploadForm().field("key", "k")
        .signedV4(KEY_ID, "s", now, BrowserUploadForm.policy(now.plusSeconds(600), "uploads",
            "{\"key\": \"k\"}", KEY_ID, now))
        .field("bucket", "uploads").file("f", "x")
        .postTo(URI.create(tombstone.endpoint() + "/other"));

    assertError(answer, 403, "AccessDenied", "Invalid according to Policy: Policy Condition"
        + " failed: [&quot;eq&quot;, &quot;$bucket&quot;, &quot;uploads&quot;]");
    assertThat(tombstone.s3().keys("other")).isEmpty();
  }

  @Test
  void fieldNoConditionNames_isAccessDenied_namedAsSent() {
    HttpResponse<String> answer = withConditions().field("x-ignore-client", "any")
        .field("X-Amz-Meta-Foo", "bar").file("f", "x").postTo(url(tombstone));

    assertError(answer, 403, "AccessDenied",
        "Invalid according to Policy: Extra input fields: X-Amz-Meta-Foo");
  }

  @ParameterizedTest
  @CsvSource({"12, 400, EntityTooLarge", "1, 400, EntityTooSmall"})
  void sizeOutsideTheContentLengthRange_isRefused_withTheSizes(int size, int status,
      String code) {
    HttpResponse<String> answer = withConditions("[\"content-length-range\", 5, \"10\"]")
        .file("f", "x".repeat(size)).postTo(url(tombstone));

    assertThat(answer.statusCode()).isEqualTo(status);
    assertThat(answer.body()).contains("<Code>" + code + "</Code>",
        "<ProposedSize>" + size + "</ProposedSize>",
        size > 10 ? "<Message>Your proposed upload exceeds the maximum allowed size</Message>"
            + "<ProposedSize>12</ProposedSize><MaxSizeAllowed>10</MaxSizeAllowed>"
            : "<Message>Your proposed upload is smaller than the minimum allowed size</Message>"
            + "<ProposedSize>1</ProposedSize><MinSizeAllowed>5</MinSizeAllowed>");
  }

  @Test
  void contentTypeList_mustStartWithThePrefixInEveryEntry() {
    HttpResponse<String> answer = withConditions("[\"starts-with\", \"$Content-Type\", \"image/\"]")
        .field("Content-Type", "image/jpg,text/plain").file("f", "x").postTo(url(tombstone));

    assertError(answer, 403, "AccessDenied", "Invalid according to Policy: Policy Condition"
        + " failed: [&quot;starts-with&quot;, &quot;$Content-Type&quot;, &quot;image/&quot;]");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "not json|Invalid JSON.",
      "{\"expiration\": \"2099-01-01T00:00:00Z\", \"conditions\": [], \"Statement\": []}"
          + "|Unexpected: 'statement'",
      "{\"conditions\": []}|Policy missing expiration.",
      "{\"expiration\": \"2099-01-01T00:00:00Z\"}|Policy missing conditions.",
      "{\"expiration\": \"2011-09-13T07:52:58+02:00\", \"conditions\": []}"
          + "|Invalid 'expiration' value: '2011-09-13T07:52:58+02:00'",
      "{\"expiration\": \"2099-01-01T00:00:00Z\", \"conditions\": [{}]}"
          + "|Invalid Simple-Condition: Simple-Conditions must have exactly one property"
          + " specified.",
      "{\"expiration\": \"2099-01-01T00:00:00Z\", \"conditions\": [{\"Content-Length\": 6}]}"
          + "|Invalid Simple-Condition: value must be a string.",
      "{\"expiration\": \"2099-01-01T00:00:00Z\", \"conditions\": [{\"key\": null}]}"
          + "|Invalid JSON.",
      "{\"expiration\": \"2099-01-01T00:00:00Z\", \"conditions\": [[]]}"
          + "|Invalid Condition: missing operation identifier.",
      "{\"expiration\": \"2099-01-01T00:00:00Z\", \"conditions\":"
          + " [[\"content-length-range\", 0, 512.0]]}|Invalid JSON."})
  void policyThatIsNoPolicy_isInvalidPolicyDocument(String policy, String reason) {
    HttpResponse<String> answer = signed(policy).file("f", "x").postTo(url(tombstone));

    assertError(answer, 400, "InvalidPolicyDocument",
        "Invalid Policy: " + reason);
  }

  @Test
  void uploadToABucketThatDoesNotExist_isNoSuchBucket() {
    HttpResponse<String> answer = new BrowserUploadForm().field("key", "k").file("f", "x")
        .postTo(URI.create(tombstone.endpoint() + "/absent"));

    assertError(answer, 404, "NoSuchBucket", "The specified bucket does not exist");
  }

  private static String valueOf(String body, String field) {
    String start = "name=\"" + field + "\"\r\n\r\n";
    int at = body.indexOf(start) + start.length();
    return body.substring(at, body.indexOf("\r\n", at));
  }
}
