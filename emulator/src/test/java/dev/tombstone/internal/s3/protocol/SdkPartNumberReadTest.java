package dev.tombstone.internal.s3.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.Tombstone;
import dev.tombstone.testing.RunningTombstone;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * GetObject and HeadObject with {@code partNumber} through the SDK v2 at default settings: a
 * ranged read of one part, with the object's ETag and part count.
 */
class SdkPartNumberReadTest {
  private static final String BUCKET = "mp1";
  private static final int MIB = 1024 * 1024;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  private final Tombstone tombstone = server.tombstone();
  private final S3Client s3 = server.s3();

  @BeforeEach
  void bucket() {
    s3.createBucket(b -> b.bucket(BUCKET));
  }

  private static byte[] filled(int size, int seed) {
    byte[] bytes = new byte[size];
    for (int i = 0; i < size; i++) {
      bytes[i] = (byte) (i * 31 + seed);
    }
    return bytes;
  }

  /** Uploads {@code parts} under the given part numbers and completes; returns the ETag. */
  private String multipart(String key, int[] numbers, byte[]... parts) {
    String uploadId = s3.createMultipartUpload(b -> b.bucket(BUCKET).key(key)).uploadId();
    List<CompletedPart> completed = new ArrayList<>();
    for (int i = 0; i < parts.length; i++) {
      int number = numbers[i];
      String etag = s3.uploadPart(b -> b.bucket(BUCKET).key(key).uploadId(uploadId)
          .partNumber(number), RequestBody.fromBytes(parts[i])).eTag();
      completed.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
    }
    return s3.completeMultipartUpload(b -> b.bucket(BUCKET).key(key).uploadId(uploadId)
        .multipartUpload(m -> m.parts(completed))).eTag();
  }

  private String big() {
    return multipart("big", new int[] {1, 2}, filled(5 * MIB, 1), filled(3, 2));
  }

  private ResponseBytes<GetObjectResponse> getPart(String key, int partNumber) {
    return s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(key).partNumber(partNumber));
  }

  private HttpResponse<String> raw(String method, String pathAndQuery) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(tombstone.endpoint() + pathAndQuery))
        .method(method, HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void getObject_partNumber_readsThatPartAsARange() {
    String etag = big();

    ResponseBytes<GetObjectResponse> second = getPart("big", 2);
    ResponseBytes<GetObjectResponse> first = getPart("big", 1);

    assertThat(second.asByteArray()).isEqualTo(filled(3, 2));
    assertThat(second.response().contentRange()).isEqualTo("bytes 5242880-5242882/5242883");
    assertThat(second.response().contentLength()).isEqualTo(3);
    assertThat(second.response().partsCount()).isEqualTo(2);
    assertThat(second.response().eTag()).isEqualTo(etag);
    assertThat(second.response().sdkHttpResponse().statusCode()).isEqualTo(206);
    assertThat(first.asByteArray()).isEqualTo(filled(5 * MIB, 1));
    assertThat(first.response().contentRange()).isEqualTo("bytes 0-5242879/5242883");
  }

  @Test
  void headObject_partNumber_givesThePartsSizeAndCount() {
    big();

    HeadObjectResponse head = s3.headObject(b -> b.bucket(BUCKET).key("big").partNumber(2));
    HeadObjectResponse whole = s3.headObject(b -> b.bucket(BUCKET).key("big"));

    assertThat(head.contentLength()).isEqualTo(3);
    assertThat(head.partsCount()).isEqualTo(2);
    assertThat(head.sdkHttpResponse().statusCode()).isEqualTo(206);
    assertThat(head.sdkHttpResponse().firstMatchingHeader("Content-Range"))
        .hasValue("bytes 5242880-5242882/5242883");
    assertThat(whole.contentLength()).isEqualTo(5 * MIB + 3);
    assertThat(whole.partsCount()).isNull();
  }

  @Test
  void partNumber_pastTheLastPart_isInvalidPartNumber() throws Exception {
    big();

    S3Exception get = catchThrowableOfType(() -> getPart("big", 3), S3Exception.class);
    S3Exception head = catchThrowableOfType(
        () -> s3.headObject(b -> b.bucket(BUCKET).key("big").partNumber(3)), S3Exception.class);
    HttpResponse<String> body = raw("GET", "/mp1/big?partNumber=3");

    assertThat(get.statusCode()).isEqualTo(416);
    assertThat(get.awsErrorDetails().errorCode()).isEqualTo("InvalidPartNumber");
    assertThat(get.awsErrorDetails().errorMessage())
        .isEqualTo("The requested partnumber is not satisfiable");
    assertThat(head.statusCode()).isEqualTo(416);
    assertThat(body.body()).contains("<PartNumberRequested>3</PartNumberRequested>",
        "<ActualPartCount>2</ActualPartCount>");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, 10_001})
  void partNumber_outsideOneToTenThousand_isInvalidArgument(int partNumber) {
    big();

    S3Exception thrown = catchThrowableOfType(() -> getPart("big", partNumber),
        S3Exception.class);

    assertThat(thrown.statusCode()).isEqualTo(400);
    assertThat(thrown.awsErrorDetails().errorCode()).isEqualTo("InvalidArgument");
    assertThat(thrown.awsErrorDetails().errorMessage())
        .isEqualTo("Part number must be an integer between 1 and 10000, inclusive");
  }

  @Test
  void partNumber_notAnInteger_isInvalidArgumentNamingIt() throws Exception {
    big();

    HttpResponse<String> response = raw("GET", "/mp1/big?partNumber=abc");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("<Code>InvalidArgument</Code>",
        "<ArgumentName>partNumber</ArgumentName>", "<ArgumentValue>abc</ArgumentValue>");
  }

  @Test
  void partNumber_withARange_isInvalidRequest() {
    big();

    S3Exception thrown = catchThrowableOfType(() -> s3.getObjectAsBytes(
        b -> b.bucket(BUCKET).key("big").partNumber(1).range("bytes=0-9")), S3Exception.class);

    assertThat(thrown.statusCode()).isEqualTo(400);
    assertThat(thrown.awsErrorDetails().errorCode()).isEqualTo("InvalidRequest");
    assertThat(thrown.awsErrorDetails().errorMessage())
        .isEqualTo("Cannot specify both Range header and partNumber query parameter");
  }

  @Test
  void objectWrittenInOnePiece_isPartOne_andHasNoOther() {
    s3.putObject(b -> b.bucket(BUCKET).key("small"), RequestBody.fromString("0123456789"));

    ResponseBytes<GetObjectResponse> one = getPart("small", 1);
    S3Exception two = catchThrowableOfType(() -> getPart("small", 2), S3Exception.class);

    assertThat(one.asUtf8String()).isEqualTo("0123456789");
    assertThat(one.response().sdkHttpResponse().statusCode()).isEqualTo(206);
    assertThat(one.response().contentRange()).isEqualTo("bytes 0-9/10");
    assertThat(one.response().partsCount()).isNull();
    assertThat(two.statusCode()).isEqualTo(416);
    assertThat(two.awsErrorDetails().errorCode()).isEqualTo("InvalidPartNumber");
  }

  @Test
  void versionId_andPartNumber_readAPartOfThatVersion() {
    s3.putBucketVersioning(b -> b.bucket(BUCKET)
        .versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
    big();
    String multipartVersion = s3.headObject(b -> b.bucket(BUCKET).key("big")).versionId();
    s3.putObject(b -> b.bucket(BUCKET).key("big"), RequestBody.fromString("newer"));

    ResponseBytes<GetObjectResponse> part = s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("big")
        .versionId(multipartVersion).partNumber(2));

    assertThat(part.asByteArray()).isEqualTo(filled(3, 2));
    assertThat(part.response().versionId()).isEqualTo(multipartVersion);
    assertThat(part.response().partsCount()).isEqualTo(2);
  }

  @Test
  void partsWithGaps_areCountedInObjectOrder() {
    multipart("gaps", new int[] {1, 3}, filled(5 * MIB, 1), filled(7, 3));

    ResponseBytes<GetObjectResponse> second = getPart("gaps", 2);

    assertThat(second.asByteArray()).isEqualTo(filled(7, 3));
    assertThat(second.response().partsCount()).isEqualTo(2);
  }

  @Test
  void copyOfAMultipartObject_isOnePart() {
    big();
    s3.copyObject(b -> b.sourceBucket(BUCKET).sourceKey("big")
        .destinationBucket(BUCKET).destinationKey("copy"));

    ResponseBytes<GetObjectResponse> one = getPart("copy", 1);

    assertThat(one.asByteArray()).hasSize(5 * MIB + 3);
    assertThat(one.response().partsCount()).isNull();
    assertThat(Arrays.equals(one.asByteArray(), 0, 3, filled(3, 1), 0, 3)).isTrue();
  }
}
