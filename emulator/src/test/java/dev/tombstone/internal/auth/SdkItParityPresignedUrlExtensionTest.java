package dev.tombstone.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.tombstone.testing.RunningTombstone;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presignedurl.model.PresignedUrlDownloadRequest;

/**
 * The SDK for Java v2's presigned-URL extension integration tests
 * (AsyncPresignedUrlExtensionTestSuite with its plain and multipart clients,
 * AsyncPresignedUrlExtensionSignedHeadersIntegrationTest), replayed with signatures checked:
 * {@code S3AsyncClient.presignedUrlExtension()} downloads through a presigned GET, adding an
 * unsigned {@code Range} (its own or the multipart client's part ranges) or {@code If-Match}.
 */
class SdkItParityPresignedUrlExtensionTest {
  private static final String BUCKET = "presigned-extension";
  private static final String SMALL = "Hello AsyncPresignedUrlExtension Integration Test";
  private static final int MIB = 1024 * 1024;
  private static final byte[] LARGE = random(12 * MIB);

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass(
      b -> b.credentials(StrictClients.KEY, StrictClients.SECRET));

  private static S3Presigner presigner;
  private static S3Client s3;
  private static S3AsyncClient plain;
  private static S3AsyncClient multipart;
  private static final List<String> ranges = new CopyOnWriteArrayList<>();

  private static byte[] random(int size) {
    byte[] bytes = new byte[size];
    new Random(7).nextBytes(bytes);
    return bytes;
  }

  @BeforeEach
  void objects() {
    if (presigner == null) {   // the emulator starts after @BeforeAll methods of this class
      presigner = StrictClients.presigner(server.tombstone().endpoint());
      s3 = StrictClients.s3(server.tombstone().endpoint(), StrictClients.KEY,
          StrictClients.SECRET);
      plain = client(false);
      multipart = client(true);
    }
    ranges.clear();
    s3.createBucket(b -> b.bucket(BUCKET));
    s3.putObject(b -> b.bucket(BUCKET).key("small"), RequestBody.fromString(SMALL));
    s3.putObject(b -> b.bucket(BUCKET).key("large"), RequestBody.fromBytes(LARGE));
  }

  private static S3AsyncClient client(boolean multipartEnabled) {
    return S3AsyncClient.builder().endpointOverride(server.tombstone().endpoint())
        .region(Region.US_EAST_1).forcePathStyle(true)
        .credentialsProvider(StrictClients.credentials(StrictClients.KEY, StrictClients.SECRET))
        .multipartEnabled(multipartEnabled)
        .multipartConfiguration(c -> c.minimumPartSizeInBytes(8L * MIB))
        .overrideConfiguration(o -> o.addExecutionInterceptor(new ExecutionInterceptor() {
          @Override
          public void beforeTransmission(Context.BeforeTransmission context,
              ExecutionAttributes attributes) {
            context.httpRequest().firstMatchingHeader("Range").ifPresent(ranges::add);
          }
        }))
        .build();
  }

  @AfterAll
  static void close() {
    if (presigner != null) {
      presigner.close();
      s3.close();
      plain.close();
      multipart.close();
    }
  }

  private static URL presign(String key, Consumer<GetObjectRequest.Builder> more) {
    return presigner.presignGetObject(p -> p.signatureDuration(Duration.ofMinutes(10))
        .getObjectRequest(g -> more.accept(g.bucket(BUCKET).key(key)))).url();
  }

  private static ResponseBytes<GetObjectResponse> download(S3AsyncClient client,
      PresignedUrlDownloadRequest request) {
    return client.presignedUrlExtension().getObject(request, AsyncResponseTransformer.toBytes())
        .join();
  }

  @Test
  void wholeObjects_smallAndLarge_downloadThroughThePresignedUrl() {
    ResponseBytes<GetObjectResponse> small = download(plain,
        PresignedUrlDownloadRequest.builder().presignedUrl(presign("small", g -> { })).build());
    ResponseBytes<GetObjectResponse> large = download(plain,
        PresignedUrlDownloadRequest.builder().presignedUrl(presign("large", g -> { })).build());

    assertThat(small.asUtf8String()).isEqualTo(SMALL);
    assertThat(small.response().contentLength()).isEqualTo(SMALL.length());
    assertThat(large.asByteArray()).isEqualTo(LARGE);
  }

  @Test
  void aDownloadToAFile_writesTheObject(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("download.txt");
    plain.presignedUrlExtension().getObject(b -> b.presignedUrl(presign("small", g -> { })),
        file).join();

    assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(SMALL);
  }

  @ParameterizedTest
  @CsvSource({"bytes=0-9, 0, 10", "bytes=-10, 39, 49", "bytes=10-19, 10, 20",
      "bytes=0-0, 0, 1"})
  void anUnsignedRange_isServed_asA206OfThoseBytes(String range, int from, int to) {
    ResponseBytes<GetObjectResponse> part = download(plain, PresignedUrlDownloadRequest.builder()
        .presignedUrl(presign("small", g -> { })).range(range).build());

    assertThat(part.asUtf8String()).isEqualTo(SMALL.substring(from, to));
    assertThat(part.response().sdkHttpResponse().statusCode()).isEqualTo(206);
  }

  @Test
  void concurrentRanges_ofOneUrl_eachGetTheirBytes() {
    String content = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    s3.putObject(b -> b.bucket(BUCKET).key("concurrent"), RequestBody.fromString(content));
    URL url = presign("concurrent", g -> { });

    List<CompletableFuture<ResponseBytes<GetObjectResponse>>> parts = Stream.of(0, 9, 18, 27)
        .map(start -> plain.presignedUrlExtension().getObject(b -> b.presignedUrl(url)
            .range("bytes=" + start + "-" + (start + 8)), AsyncResponseTransformer.toBytes()))
        .collect(Collectors.toList());

    assertThat(parts.stream().map(f -> f.join().asUtf8String()).collect(Collectors.joining()))
        .isEqualTo(content);
  }

  @Test
  void theMultipartClient_downloadsAPresignedUrlInRangedParts() {
    ResponseBytes<GetObjectResponse> whole = download(multipart, PresignedUrlDownloadRequest
        .builder().presignedUrl(presign("large", g -> { })).build());

    assertThat(whole.asByteArray()).isEqualTo(LARGE);
    assertThat(ranges).hasSizeGreaterThan(1);
  }

  @Test
  void ifMatch_ofTheObjectsETag_isServed_andOfAnotherETag_isPreconditionFailed() {
    String etag = s3.headObject(b -> b.bucket(BUCKET).key("large")).eTag();
    URL url = presign("large", g -> { });

    assertThat(download(multipart, PresignedUrlDownloadRequest.builder().presignedUrl(url)
        .ifMatch(etag).build()).asByteArray()).isEqualTo(LARGE);
    Throwable refused = catchThrowable(() -> download(plain, PresignedUrlDownloadRequest
        .builder().presignedUrl(url).ifMatch("\"d41d8cd98f00b204e9800998ecf8427e\"").build()));
    assertThat(refused).hasCauseInstanceOf(S3Exception.class);
    S3Exception e = (S3Exception) refused.getCause();
    assertThat(e.statusCode()).isEqualTo(412);
    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("PreconditionFailed");
  }
}
