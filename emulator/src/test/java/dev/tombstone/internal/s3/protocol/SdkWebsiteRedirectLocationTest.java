package dev.tombstone.internal.s3.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.testing.RunningTombstone;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * {@code x-amz-website-redirect-location}: stored with the version, returned on reads, never
 * copied by CopyObject (LocalStack's AWS-validated
 * {@code test_s3_copy_object_in_place_website_redirect_location}).
 */
class SdkWebsiteRedirectLocationTest {
  private static final String BUCKET = "site";

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  private final S3Client s3 = server.s3();

  @BeforeEach
  void bucket() {
    s3.createBucket(b -> b.bucket(BUCKET));
  }

  private String redirectOf(String key) {
    return s3.headObject(b -> b.bucket(BUCKET).key(key)).websiteRedirectLocation();
  }

  @Test
  void putObject_storesTheRedirectLocation_andHeadAndGetReturnIt() {
    s3.putObject(b -> b.bucket(BUCKET).key("old.html").websiteRedirectLocation("/test/direct"),
        RequestBody.fromString("test"));

    assertThat(redirectOf("old.html")).isEqualTo("/test/direct");
    assertThat(s3.getObject(b -> b.bucket(BUCKET).key("old.html")).response()
        .websiteRedirectLocation()).isEqualTo("/test/direct");
  }

  @Test
  void copyInPlace_settingTheSameRedirectLocation_isLegal() {
    s3.putObject(b -> b.bucket(BUCKET).key("source-object")
        .websiteRedirectLocation("/test/direct"), RequestBody.fromString("test"));

    s3.copyObject(b -> b.sourceBucket(BUCKET).sourceKey("source-object")
        .destinationBucket(BUCKET).destinationKey("source-object")
        .websiteRedirectLocation("/test/direct"));

    assertThat(redirectOf("source-object")).isEqualTo("/test/direct");
  }

  @Test
  void copy_doesNotCopyTheSourcesRedirectLocation_underEitherDirective() {
    s3.putObject(b -> b.bucket(BUCKET).key("a").websiteRedirectLocation("/elsewhere"),
        RequestBody.fromString("test"));

    s3.copyObject(b -> b.sourceBucket(BUCKET).sourceKey("a")
        .destinationBucket(BUCKET).destinationKey("copied"));
    s3.copyObject(b -> b.sourceBucket(BUCKET).sourceKey("a")
        .destinationBucket(BUCKET).destinationKey("replaced")
        .metadataDirective(MetadataDirective.REPLACE));
    s3.copyObject(b -> b.sourceBucket(BUCKET).sourceKey("a")
        .destinationBucket(BUCKET).destinationKey("redirected")
        .websiteRedirectLocation("https://example.com/"));

    assertThat(redirectOf("copied")).isNull();
    assertThat(redirectOf("replaced")).isNull();
    assertThat(redirectOf("redirected")).isEqualTo("https://example.com/");
  }

  @Test
  void copyInPlace_withoutAnyChange_isStillIllegal_forAnObjectWithARedirect() {
    s3.putObject(b -> b.bucket(BUCKET).key("a").websiteRedirectLocation("/elsewhere"),
        RequestBody.fromString("test"));

    S3Exception thrown = catchThrowableOfType(() -> s3.copyObject(b -> b.sourceBucket(BUCKET)
        .sourceKey("a").destinationBucket(BUCKET).destinationKey("a")), S3Exception.class);

    assertThat(thrown.awsErrorDetails().errorCode()).isEqualTo("InvalidRequest");
    assertThat(redirectOf("a")).isEqualTo("/elsewhere");
  }

  @Test
  void multipartUpload_keepsTheRedirectLocationOfCreateMultipartUpload() {
    String uploadId = s3.createMultipartUpload(b -> b.bucket(BUCKET).key("big")
        .websiteRedirectLocation("/small")).uploadId();
    String etag = s3.uploadPart(b -> b.bucket(BUCKET).key("big").uploadId(uploadId)
        .partNumber(1), RequestBody.fromString("part")).eTag();

    s3.completeMultipartUpload(b -> b.bucket(BUCKET).key("big").uploadId(uploadId)
        .multipartUpload(m -> m.parts(List.of(
            CompletedPart.builder().partNumber(1).eTag(etag).build()))));

    assertThat(redirectOf("big")).isEqualTo("/small");
  }

  @Test
  void putObject_refusesARedirectThatIsNeitherAPathNorAnHttpUrl_andStoresNothing() {
    S3Exception thrown = catchThrowableOfType(() -> s3.putObject(b -> b.bucket(BUCKET)
        .key("bad").websiteRedirectLocation("about.html"), RequestBody.fromString("x")),
        S3Exception.class);

    assertThat(thrown.statusCode()).isEqualTo(400);
    assertThat(thrown.awsErrorDetails().errorCode()).isEqualTo("InvalidRedirectLocation");
    assertThat(thrown.awsErrorDetails().errorMessage()).isEqualTo("The website redirect location"
        + " must have a prefix of 'http://' or 'https://' or '/'.");
    assertThat(s3.listObjectsV2(b -> b.bucket(BUCKET)).keyCount()).isZero();
  }
}
