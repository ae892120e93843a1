package dev.tombstone.internal.s3.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.Tombstone;
import dev.tombstone.testing.RunningTombstone;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;

/**
 * ListParts and ListMultipartUploads documents as LocalStack's AWS recordings show them
 * (test_s3_list_operations, 21-01-2025).
 */
class MultipartListingShapeTest {
  private static final String BUCKET = "listing-shape";

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  private final Tombstone tombstone = server.tombstone();
  private final S3Client s3 = server.s3();
  private final RawObjectRequests raw = new RawObjectRequests(tombstone);

  @BeforeEach
  void bucket() {
    s3.createBucket(b -> b.bucket(BUCKET));
  }

  private String create(String key) {
    return s3.createMultipartUpload(b -> b.bucket(BUCKET).key(key)).uploadId();
  }

  private void part(String key, String uploadId, int number) {
    s3.uploadPart(b -> b.bucket(BUCKET).key(key).uploadId(uploadId).partNumber(number),
        RequestBody.fromString("part"));
  }

  private String get(String pathAndQuery) {
    var answer = raw.send("GET", "/" + BUCKET + pathAndQuery, "");
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return answer.body();
  }

  @Test
  void listParts_emptyMarkerAndMaxParts_areAsIfNotSent() {
    String uploadId = create("k");
    part("k", uploadId, 1);

    String emptyMarker = get("/k?uploadId=" + uploadId + "&part-number-marker=");
    String emptyMax = get("/k?uploadId=" + uploadId + "&max-parts=");

    for (String body : new String[] {emptyMarker, emptyMax}) {
      assertThat(RawObjectRequests.element(body, "PartNumberMarker")).isEqualTo("0");
      assertThat(RawObjectRequests.element(body, "MaxParts")).isEqualTo("1000");
      assertThat(RawObjectRequests.element(body, "NextPartNumberMarker")).isEqualTo("1");
    }
  }

  @Test
  void listParts_withNothingListed_hasNextPartNumberMarkerZero() {
    String uploadId = create("k");

    String none = get("/k?uploadId=" + uploadId);
    part("k", uploadId, 1);
    String pastTheLast = get("/k?uploadId=" + uploadId + "&part-number-marker=10");

    assertThat(RawObjectRequests.element(none, "NextPartNumberMarker")).isEqualTo("0");
    assertThat(RawObjectRequests.element(pastTheLast, "NextPartNumberMarker")).isEqualTo("0");
    assertThat(pastTheLast).doesNotContain("<Part>");
  }

  @Test
  void listParts_showsPartChecksums_onlyForAnUploadCreatedWithAnAlgorithm() {
    String plain = create("plain");
    part("plain", plain, 1);
    String withCrc32 = s3.createMultipartUpload(b -> b.bucket(BUCKET).key("crc")
        .checksumAlgorithm(ChecksumAlgorithm.CRC32)).uploadId();
    part("crc", withCrc32, 1);

    var plainParts = s3.listParts(b -> b.bucket(BUCKET).key("plain").uploadId(plain)).parts();
    var crcParts = s3.listParts(b -> b.bucket(BUCKET).key("crc").uploadId(withCrc32)).parts();

    assertThat(plainParts).singleElement().satisfies(p -> assertThat(p.checksumCRC32()).isNull());
    assertThat(crcParts).singleElement()
        .satisfies(p -> assertThat(p.checksumCRC32()).isNotBlank());
  }

  @Test
  void listMultipartUploads_alwaysNamesTheLastUploadAsNextMarkers_andNoUnaskedPrefix() {
    String empty = get("?uploads");
    create("test_b");
    String last = create("test_c");

    String all = get("?uploads");
    String afterTheLast = get("?uploads&key-marker=test_c&max-uploads=1");
    String prefixed = get("?uploads&prefix=test");

    assertThat(RawObjectRequests.element(empty, "NextKeyMarker")).isEmpty();
    assertThat(RawObjectRequests.element(empty, "NextUploadIdMarker")).isEmpty();
    assertThat(empty).doesNotContain("<Prefix");
    assertThat(RawObjectRequests.element(all, "IsTruncated")).isEqualTo("false");
    assertThat(RawObjectRequests.element(all, "NextKeyMarker")).isEqualTo("test_c");
    assertThat(RawObjectRequests.element(all, "NextUploadIdMarker")).isEqualTo(last);
    assertThat(RawObjectRequests.element(afterTheLast, "NextKeyMarker")).isEmpty();
    assertThat(RawObjectRequests.element(afterTheLast, "NextUploadIdMarker")).isEmpty();
    assertThat(RawObjectRequests.element(prefixed, "Prefix")).isEqualTo("test");
  }

  @Test
  void listMultipartUploads_uploadIdMarkerOfAnotherKey_isInvalidArgument() {
    create("test_c");
    String ofB = create("test_b");
    String ofA = create("test_a");

    var answer = raw.send("GET", "/" + BUCKET + "?uploads&max-uploads=1&key-marker=test_c"
        + "&upload-id-marker=" + ofB, "");
    String ownKey = get("?uploads&key-marker=test_a&upload-id-marker=" + ofA);

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
    assertThat(RawObjectRequests.element(answer.body(), "Code")).isEqualTo("InvalidArgument");
    assertThat(RawObjectRequests.element(answer.body(), "Message"))
        .isEqualTo("Invalid uploadId marker");
    assertThat(RawObjectRequests.element(answer.body(), "ArgumentName"))
        .isEqualTo("upload-id-marker");
    assertThat(RawObjectRequests.element(answer.body(), "ArgumentValue")).isEqualTo(ofB);
    assertThat(RawObjectRequests.element(ownKey, "Key")).isEqualTo("test_b");
  }
}
