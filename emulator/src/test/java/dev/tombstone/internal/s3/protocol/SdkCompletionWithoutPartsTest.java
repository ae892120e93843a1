package dev.tombstone.internal.s3.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.Tombstone;
import dev.tombstone.testing.RunningTombstone;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * CompleteMultipartUpload errors as LocalStack's AWS recordings show them: no body
 * ({@code complete-exc}, {@code complete-exc-no-parts}) and a part that is not there
 * ({@code complete-exc-wrong-part-number}).
 */
class SdkCompletionWithoutPartsTest {
  private static final String BUCKET = "completion-errors";

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  private final Tombstone tombstone = server.tombstone();
  private final S3Client s3 = server.s3();

  @BeforeEach
  void bucket() {
    s3.createBucket(b -> b.bucket(BUCKET));
  }

  private final RawObjectRequests raw = new RawObjectRequests(tombstone);

  @Test
  void noBody_forAnUnknownUploadId_isNoSuchUpload() {
    S3Exception thrown = catchThrowableOfType(S3Exception.class, () ->
        s3.completeMultipartUpload(b -> b.bucket(BUCKET).key("k").uploadId("fakeid")));
    var answer = raw.send("POST", "/" + BUCKET + "/k?uploadId=fakeid", "");

    assertThat(thrown.statusCode()).isEqualTo(404);
    assertThat(thrown.awsErrorDetails().errorCode()).isEqualTo("NoSuchUpload");
    assertThat(answer.statusCode()).isEqualTo(404);
    assertThat(RawObjectRequests.element(answer.body(), "UploadId")).isEqualTo("fakeid");
  }

  @Test
  void noBody_forAnUploadInProgress_isInvalidRequest_andTheUploadStaysOpen() {
    String uploadId = s3.createMultipartUpload(b -> b.bucket(BUCKET).key("k")).uploadId();
    s3.uploadPart(b -> b.bucket(BUCKET).key("k").uploadId(uploadId).partNumber(1),
        RequestBody.fromString("part"));

    S3Exception thrown = catchThrowableOfType(S3Exception.class, () ->
        s3.completeMultipartUpload(b -> b.bucket(BUCKET).key("k").uploadId(uploadId)));

    assertThat(thrown.statusCode()).isEqualTo(400);
    assertThat(thrown.awsErrorDetails().errorCode()).isEqualTo("InvalidRequest");
    assertThat(thrown.awsErrorDetails().errorMessage())
        .isEqualTo("You must specify at least one part");
    assertThat(tombstone.s3().multipartUploads(BUCKET)).hasSize(1);
    assertThat(tombstone.s3().keys(BUCKET)).isEmpty();
  }

  @Test
  void invalidPart_namesTheEtagWithoutQuotes() {
    String uploadId = s3.createMultipartUpload(b -> b.bucket(BUCKET).key("k")).uploadId();
    String etag = s3.uploadPart(b -> b.bucket(BUCKET).key("k").uploadId(uploadId).partNumber(1),
        RequestBody.fromString("part")).eTag();

    var answer = raw.send("POST", "/" + BUCKET + "/k?uploadId=" + uploadId,
        "<CompleteMultipartUpload><Part><PartNumber>2</PartNumber><ETag>" + etag
            + "</ETag></Part></CompleteMultipartUpload>");

    assertThat(etag).startsWith("\"");
    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(RawObjectRequests.element(answer.body(), "Code")).isEqualTo("InvalidPart");
    assertThat(RawObjectRequests.element(answer.body(), "ETag"))
        .isEqualTo(etag.substring(1, etag.length() - 1));
    assertThat(RawObjectRequests.element(answer.body(), "PartNumber")).isEqualTo("2");
  }
}
