package dev.tombstone.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.testing.RunningTombstone;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.awscore.presigner.PresignedRequest;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.RequestPayer;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedGetObjectRequest;

/**
 * The SDK for Java v2's S3PresignerIntegrationTest, replayed with signatures checked (strict
 * mode): presigned GET for keys of every awkward character, requester-pays URLs that need their
 * signed headers, and presigned PUT, DELETE, HEAD, HeadBucket and each multipart upload step
 * (CreateMultipartUpload and CompleteMultipartUpload are POSTs) run by a plain HTTP client.
 */
class SdkParityPresignerTest {
  private static final String BUCKET = "presigned";
  private static final String CONTENT = "Howdy!";

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass(
      b -> b.credentials(StrictClients.KEY, StrictClients.SECRET));

  private static S3Presigner presigner;
  private static SdkHttpClient http;
  private static S3Client s3;

  @BeforeAll
  static void presigner() {
    http = ApacheHttpClient.builder().build();
  }

  @AfterAll
  static void close() {
    http.close();
    if (presigner != null) {
      presigner.close();
      s3.close();
    }
  }

  @BeforeEach
  void bucket() {
    if (presigner == null) {   // the emulator starts after @BeforeAll methods of this class
      presigner = StrictClients.presigner(server.tombstone().endpoint());
      s3 = StrictClients.s3(server.tombstone().endpoint(), StrictClients.KEY,
          StrictClients.SECRET);
    }
    s3.createBucket(b -> b.bucket(BUCKET));
    s3.putObject(b -> b.bucket(BUCKET).key("object"), RequestBody.fromString(CONTENT));
  }

  private HttpExecuteResponse execute(PresignedRequest presigned, String payload)
      throws IOException {
    return http.prepareRequest(HttpExecuteRequest.builder().request(presigned.httpRequest())
        .contentStreamProvider(payload == null ? null
            : () -> new java.io.ByteArrayInputStream(payload.getBytes(StandardCharsets.UTF_8)))
        .build()).call();
  }

  private static String body(HttpExecuteResponse response) throws IOException {
    try (InputStream in = response.responseBody().orElseThrow()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private PresignedGetObjectRequest presignGet(String key, RequestPayer payer) {
    return presigner.presignGetObject(p -> p.signatureDuration(Duration.ofMinutes(5))
        .getObjectRequest(g -> g.bucket(BUCKET).key(key).requestPayer(payer)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"object", "a0A!-_.*'()&@:,$=+?; \n\\^`<>{}[]#%\"~|\u5c71/object",
      "key//image.png"})
  void presignedGet_inABrowser_readsKeysOfAnyCharacters(String key) throws IOException {
    s3.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromString(CONTENT));
    PresignedGetObjectRequest presigned = presignGet(key, null);

    assertThat(presigned.isBrowserExecutable()).isTrue();
    try (InputStream in = presigned.url().openConnection().getInputStream()) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(CONTENT);
    }
  }

  @Test
  void requesterPaysUrl_withoutItsSignedHeader_isRefused_andWithIt_isServed() throws IOException {
    PresignedGetObjectRequest presigned = presignGet("object", RequestPayer.REQUESTER);
    assertThat(presigned.isBrowserExecutable()).isFalse();

    HttpURLConnection bare = (HttpURLConnection) presigned.url().openConnection();
    assertThat(bare.getResponseCode()).isEqualTo(403);
    bare.disconnect();

    HttpURLConnection withHeaders = (HttpURLConnection) presigned.url().openConnection();
    presigned.httpRequest().headers().forEach((name, values) ->
        values.forEach(value -> withHeaders.addRequestProperty(name, value)));
    try (InputStream in = withHeaders.getInputStream()) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(CONTENT);
    }
    assertThat(body(execute(presigned, null))).isEqualTo(CONTENT);
  }

  @Test
  void presignedPutDeleteAndHead_areServed() throws IOException {
    HttpExecuteResponse put = execute(presigner.presignPutObject(p -> p
        .signatureDuration(Duration.ofMinutes(5))
        .putObjectRequest(r -> r.bucket(BUCKET).key("put"))), CONTENT);
    assertThat(put.httpResponse().isSuccessful()).isTrue();
    assertThat(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("put")).asUtf8String())
        .isEqualTo(CONTENT);

    HttpExecuteResponse head = execute(presigner.presignHeadObject(p -> p
        .signatureDuration(Duration.ofMinutes(5))
        .headObjectRequest(r -> r.bucket(BUCKET).key("put"))), null);
    assertThat(head.httpResponse().isSuccessful()).isTrue();
    assertThat(head.httpResponse().firstMatchingHeader("Content-Length")).isPresent();
    assertThat(head.httpResponse().firstMatchingHeader("ETag")).isPresent();
    assertThat(head.httpResponse().firstMatchingHeader("Last-Modified")).isPresent();

    HttpExecuteResponse delete = execute(presigner.presignDeleteObject(p -> p
        .signatureDuration(Duration.ofMinutes(5))
        .deleteObjectRequest(r -> r.bucket(BUCKET).key("put")
            .requestPayer(RequestPayer.REQUESTER))),
        null);
    assertThat(delete.httpResponse().statusCode()).isEqualTo(204);
    assertThat(delete.responseBody()).isEmpty();
    assertThat(s3.listObjectsV2(b -> b.bucket(BUCKET).prefix("put")).keyCount()).isZero();
  }

  @Test
  void presignedHeadBucket_answersTheBucketRegion() throws IOException {
    HttpExecuteResponse head = execute(presigner.presignHeadBucket(p -> p
        .signatureDuration(Duration.ofMinutes(5)).headBucketRequest(r -> r.bucket(BUCKET))), null);

    assertThat(head.httpResponse().isSuccessful()).isTrue();
    assertThat(head.httpResponse().firstMatchingHeader("x-amz-bucket-region"))
        .hasValue("us-east-1");
  }

  @Test
  void everyMultipartStep_canBePresigned_butACompletionSignedOverItsBodyIsRefused()
      throws IOException {
    HttpExecuteResponse created = execute(presigner.presignCreateMultipartUpload(p -> p
        .signatureDuration(Duration.ofMinutes(10))
        .createMultipartUploadRequest(r -> r.bucket(BUCKET).key("upload"))), null);
    assertThat(created.httpResponse().isSuccessful()).isTrue();
    String uploadId = s3.listMultipartUploads(b -> b.bucket(BUCKET).prefix("upload")).uploads()
        .stream().map(MultipartUpload::uploadId).findFirst().orElseThrow();

    HttpExecuteResponse part = execute(presigner.presignUploadPart(p -> p
        .signatureDuration(Duration.ofDays(1)).uploadPartRequest(r -> r.bucket(BUCKET)
            .key("upload").partNumber(1).uploadId(uploadId))), CONTENT);
    assertThat(part.httpResponse().isSuccessful()).isTrue();
    String etag = part.httpResponse().firstMatchingHeader("ETag").orElseThrow();

    // The SDK signs this POST over its body's SHA-256; S3 takes a presigned request's payload as
    // UNSIGNED-PAYLOAD (S3 API reference, "Authenticating Requests: Using Query Parameters"), so
    // it answers SignatureDoesNotMatch, as users report (aws/aws-sdk-java-v2#4196, #5683).
    var complete = presigner.presignCompleteMultipartUpload(p -> p
        .signatureDuration(Duration.ofDays(1)).completeMultipartUploadRequest(r -> r
            .bucket(BUCKET).key("upload").uploadId(uploadId)
            .multipartUpload(m -> m.parts(x -> x.partNumber(1).eTag(etag)))));
    HttpExecuteResponse refused = execute(complete,
        complete.signedPayload().orElseThrow().asUtf8String());
    assertThat(refused.httpResponse().statusCode()).isEqualTo(403);
    assertThat(body(refused)).contains("<Code>SignatureDoesNotMatch</Code>",
        "UNSIGNED-PAYLOAD</CanonicalRequest>");
    s3.completeMultipartUpload(r -> r.bucket(BUCKET).key("upload").uploadId(uploadId)
        .multipartUpload(m -> m.parts(x -> x.partNumber(1).eTag(etag))));
    assertThat(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("upload")).asUtf8String())
        .isEqualTo(CONTENT);

    String second = s3.createMultipartUpload(b -> b.bucket(BUCKET).key("aborted")).uploadId();
    HttpExecuteResponse aborted = execute(presigner.presignAbortMultipartUpload(p -> p
        .signatureDuration(Duration.ofDays(1)).abortMultipartUploadRequest(r -> r.bucket(BUCKET)
            .key("aborted").uploadId(second))), null);
    assertThat(aborted.httpResponse().isSuccessful()).isTrue();
    assertThat(s3.listMultipartUploads(b -> b.bucket(BUCKET)).uploads()).isEmpty();
  }
}
