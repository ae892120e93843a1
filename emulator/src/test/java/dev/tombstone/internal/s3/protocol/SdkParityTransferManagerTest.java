package dev.tombstone.internal.s3.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.testing.RunningTombstone;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.core.async.ResponsePublisher;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.transfer.s3.S3TransferManager;
import software.amazon.awssdk.transfer.s3.model.CompletedFileUpload;
import software.amazon.awssdk.transfer.s3.model.DownloadRequest;
import software.amazon.awssdk.transfer.s3.model.FileUpload;
import software.amazon.awssdk.transfer.s3.model.ResumableFileUpload;

/**
 * The SDK for Java v2's S3 Transfer Manager integration tests for single objects (Upload,
 * Download, Copy, UploadPauseResume), replayed over both transfer managers the SDK tests: the
 * one on the Java multipart client and the one on the CRT client.
 */
class SdkParityTransferManagerTest {
  private static final String BUCKET = "transfers";
  private static final int MIB = 1024 * 1024;
  private static final byte[] CONTENT = random(16 * MIB);

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  private static TransferManagers managers;
  private final S3Client s3 = server.s3();

  @TempDir
  Path directory;

  @BeforeEach
  void bucket() {
    if (managers == null) {
      managers = new TransferManagers(server.tombstone());
    }
    s3.createBucket(b -> b.bucket(BUCKET));
  }

  @AfterAll
  static void close() {
    if (managers != null) {
      managers.close();
      managers = null;
    }
  }

  private static byte[] random(int size) {
    byte[] bytes = new byte[size];
    new Random(size).nextBytes(bytes);
    return bytes;
  }

  private Path file(String name, byte[] content) throws IOException {
    return Files.write(directory.resolve(name), content);
  }

  private byte[] read(String key) {
    return s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(key)).asByteArray();
  }

  @Test
  void uploadFile_withMetadataAndACrc32_isStoredWhole_byBothManagers() throws IOException {
    Path source = file("16mib.dat", CONTENT);
    int n = 0;
    for (S3TransferManager tm : managers.both()) {
      String key = "upload-" + n++;
      FileUpload upload = tm.uploadFile(u -> u.source(source).putObjectRequest(p -> p
          .bucket(BUCKET).key(key).metadata(Map.of("x-amz-meta-foobar", "FOO BAR"))
          .checksumAlgorithm(ChecksumAlgorithm.CRC32)));

      CompletedFileUpload completed = upload.completionFuture().join();

      assertThat(completed.response().responseMetadata().requestId()).isNotNull();
      assertThat(read(key)).isEqualTo(CONTENT);
      assertThat(s3.headObject(b -> b.bucket(BUCKET).key(key)).metadata())
          .containsEntry("foobar", "FOO BAR");
    }
  }

  @Test
  void upload_ofARequestBody_isStored_byBothManagers() {
    int n = 0;
    for (S3TransferManager tm : managers.both()) {
      String key = "body-" + n++;
      tm.upload(u -> u.putObjectRequest(p -> p.bucket(BUCKET).key(key))
          .requestBody(AsyncRequestBody.fromString("some content"))).completionFuture().join();

      assertThat(new String(read(key), java.nio.charset.StandardCharsets.UTF_8))
          .isEqualTo("some content");
    }
  }

  @Test
  void download_toAFileToBytesAndToAPublisher_givesBackTheObject() throws IOException {
    s3.putObject(b -> b.bucket(BUCKET).key("key"), RequestBody.fromBytes(CONTENT));
    int n = 0;
    for (S3TransferManager tm : managers.both()) {
      Path destination = directory.resolve("download-" + n++);
      tm.downloadFile(d -> d.getObjectRequest(g -> g.bucket(BUCKET).key("key"))
          .destination(destination)).completionFuture().join();
      ResponseBytes<GetObjectResponse> bytes = tm.download(DownloadRequest.builder()
          .getObjectRequest(g -> g.bucket(BUCKET).key("key"))
          .responseTransformer(AsyncResponseTransformer.toBytes()).build()).completionFuture()
          .join().result();
      ResponsePublisher<GetObjectResponse> publisher = tm.download(DownloadRequest.builder()
          .getObjectRequest(g -> g.bucket(BUCKET).key("key"))
          .responseTransformer(AsyncResponseTransformer.toPublisher()).build())
          .completionFuture().join().result();
      ByteBuffer drained = ByteBuffer.allocate(publisher.response().contentLength().intValue());
      publisher.subscribe(drained::put).join();

      assertThat(Files.readAllBytes(destination)).isEqualTo(CONTENT);
      assertThat(bytes.asByteArray()).isEqualTo(CONTENT);
      assertThat(drained.array()).isEqualTo(CONTENT);
    }
  }

  @Test
  void copy_ofAnObjectAboveThePartSize_copiesItsBytes() {
    byte[] content = random(11 * MIB);
    s3.putObject(b -> b.bucket(BUCKET).key("test_file.dat"), RequestBody.fromBytes(content));
    int n = 0;
    for (S3TransferManager tm : managers.both()) {
      String key = "test_file_copy-" + n++ + ".dat";
      var completed = tm.copy(c -> c.copyObjectRequest(r -> r.sourceBucket(BUCKET)
          .sourceKey("test_file.dat").destinationBucket(BUCKET).destinationKey(key)))
          .completionFuture().join();

      assertThat(completed.response().responseMetadata().requestId()).isNotNull();
      assertThat(read(key)).isEqualTo(content);
    }
  }

  @Test
  void pausedUpload_resumes_andCompletesTheSameObject() throws IOException {
    Path source = file("paused.dat", CONTENT);
    S3TransferManager tm = managers.java();
    // Parts answer late, so the pause lands while the upload is in flight: on a local server an
    // upload left to run may complete before pause() is called, and resuming a completed upload
    // is NoSuchUpload, in S3 as here. The delay is long enough for a loaded machine (300 ms was
    // not, once), and it ends before the resume, whose parts then answer at once.
    server.tombstone().faults().s3("UploadPart").delay(Duration.ofSeconds(3));
    ResumableFileUpload paused;
    try {
      FileUpload upload = tm.uploadFile(u -> u.source(source)
          .putObjectRequest(p -> p.bucket(BUCKET).key("paused")));
      paused = upload.pause();
    } finally {
      server.tombstone().faults().clear();
    }
    tm.resumeUploadFile(paused).completionFuture().join();

    assertThat(read("paused")).isEqualTo(CONTENT);
    assertThat(s3.listMultipartUploads(b -> b.bucket(BUCKET)).uploads()).isEmpty();
  }
}
