package dev.tombstone.internal.s3.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.Tombstone;
import dev.tombstone.testing.RunningTombstone;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The elements of conditional-write errors, as LocalStack's AWS recordings of
 * TestS3ObjectWritePrecondition show them (17-03-2025).
 */
class ConditionalWriteErrorFieldsTest {
  private static final String BUCKET = "write-conditions";

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  private final Tombstone tombstone = server.tombstone();
  private final S3Client s3 = server.s3();
  private final RawObjectRequests raw = new RawObjectRequests(tombstone);

  @BeforeEach
  void bucket() {
    s3.createBucket(b -> b.bucket(BUCKET));
  }

  private static void assertNotImplemented(HttpResponse<String> answer, String header,
      String additionalMessage) {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(501);
    assertThat(RawObjectRequests.element(answer.body(), "Code")).isEqualTo("NotImplemented");
    assertThat(RawObjectRequests.element(answer.body(), "Message"))
        .isEqualTo("A header you provided implies functionality that is not implemented");
    assertThat(RawObjectRequests.element(answer.body(), "Header")).isEqualTo(header);
    assertThat(RawObjectRequests.element(answer.body(), "additionalMessage"))
        .isEqualTo(additionalMessage);
  }

  @Test
  void putIfMatchStar_isNotImplemented_andWritesNothing() {
    var answer = raw.send("PUT", "/" + BUCKET + "/nokey", "x", "If-Match", "*");

    assertNotImplemented(answer, "If-Match",
        "We don't accept the provided value of If-Match header for this API");
    assertThat(tombstone.s3().keys(BUCKET)).isEmpty();
  }

  @Test
  void putIfMatchStar_onAnExistingKey_isNotImplemented_andKeepsTheObject() {
    s3.putObject(b -> b.bucket(BUCKET).key("k"), RequestBody.fromString("first"));

    var answer = raw.send("PUT", "/" + BUCKET + "/k", "second", "If-Match", "*");

    assertNotImplemented(answer, "If-Match",
        "We don't accept the provided value of If-Match header for this API");
    assertThat(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("k")).asUtf8String())
        .isEqualTo("first");
  }

  @Test
  void putIfNoneMatchOtherThanStar_carriesTheAdditionalMessage() {
    var answer = raw.send("PUT", "/" + BUCKET + "/k", "x", "If-None-Match", "\"abc\"");

    assertNotImplemented(answer, "If-None-Match",
        "We don't accept the provided value of If-None-Match header for this API");
  }

  @Test
  void putIfMatchWithIfNoneMatch_namesBothHeaders() {
    var answer = raw.send("PUT", "/" + BUCKET + "/k", "x",
        "If-Match", "\"abc\"", "If-None-Match", "*");

    assertNotImplemented(answer, "If-Match,If-None-Match",
        "Multiple conditional request headers present in the request");
    assertThat(tombstone.s3().keys(BUCKET)).isEmpty();
  }

  @Test
  void conflictOnCompletion_namesTheConditionAndTheKey() {
    String ifNoneMatchUpload = upload("a");
    s3.putObject(b -> b.bucket(BUCKET).key("b"), RequestBody.fromString("same"));
    String etag = s3.headObject(b -> b.bucket(BUCKET).key("b")).eTag();
    String ifMatchUpload = upload("b");
    s3.putObject(b -> b.bucket(BUCKET).key("a"), RequestBody.fromString("during"));
    s3.deleteObject(b -> b.bucket(BUCKET).key("a"));
    s3.putObject(b -> b.bucket(BUCKET).key("b"), RequestBody.fromString("same"));

    var ifNoneMatch = complete("a", ifNoneMatchUpload, "If-None-Match", "*");
    var ifMatch = complete("b", ifMatchUpload, "If-Match", etag);

    assertThat(ifNoneMatch.statusCode()).as(ifNoneMatch.body()).isEqualTo(409);
    assertThat(RawObjectRequests.element(ifNoneMatch.body(), "Code"))
        .isEqualTo("ConditionalRequestConflict");
    assertThat(RawObjectRequests.element(ifNoneMatch.body(), "Condition"))
        .isEqualTo("If-None-Match");
    assertThat(RawObjectRequests.element(ifNoneMatch.body(), "Key")).isEqualTo("a");
    assertThat(ifMatch.statusCode()).as(ifMatch.body()).isEqualTo(409);
    assertThat(RawObjectRequests.element(ifMatch.body(), "Condition")).isEqualTo("If-Match");
    assertThat(RawObjectRequests.element(ifMatch.body(), "Key")).isEqualTo("b");
  }

  private String upload(String key) {
    return s3.createMultipartUpload(b -> b.bucket(BUCKET).key(key)).uploadId();
  }

  private HttpResponse<String> complete(String key, String uploadId, String header,
      String value) {
    String etag = s3.uploadPart(b -> b.bucket(BUCKET).key(key).uploadId(uploadId).partNumber(1),
        RequestBody.fromString("part")).eTag();
    return raw.send("POST", "/" + BUCKET + "/" + key + "?uploadId=" + uploadId,
        "<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>" + etag
            + "</ETag></Part></CompleteMultipartUpload>", header, value);
  }
}
