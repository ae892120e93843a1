package dev.tombstone.internal.s3.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.testing.RunningTombstone;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.transfer.s3.S3TransferManager;
import software.amazon.awssdk.transfer.s3.model.CompletedDirectoryDownload;
import software.amazon.awssdk.transfer.s3.model.CompletedDirectoryUpload;

/**
 * The SDK for Java v2's S3 Transfer Manager directory tests (UploadDirectory, its Unicode
 * variant, DownloadDirectory), replayed over both transfer managers: a local tree goes up under a
 * prefix, with {@code /} or a custom delimiter between its levels, and comes back down whole.
 */
class SdkParityTransferDirectoryTest {
  private static final String BUCKET = "directories";
  private static final Map<String, String> TREE = Map.of(
      "bar.txt", "bar.txt contents",
      "foo/1.txt", "foo/1.txt contents",
      "foo/2.txt", "foo/2.txt contents",
      "notes/2021/\u65e5\u8a18.txt", "a diary",
      "notes/\u00e9t\u00e9 \uD83C\uDF1E.md", "summer");

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  private static TransferManagers managers;
  private final S3Client s3 = server.s3();

  @TempDir
  Path source;

  @TempDir
  Path destination;

  @BeforeEach
  void treeAndBucket() throws IOException {
    if (managers == null) {
      managers = new TransferManagers(server.tombstone());
    }
    s3.createBucket(b -> b.bucket(BUCKET));
    for (Map.Entry<String, String> file : TREE.entrySet()) {
      Path path = source.resolve(file.getKey());
      Files.createDirectories(path.getParent());
      Files.writeString(path, file.getValue(), StandardCharsets.UTF_8);
    }
  }

  @AfterAll
  static void close() {
    if (managers != null) {
      managers.close();
      managers = null;
    }
  }

  private List<String> keys(String prefix) {
    return s3.listObjectsV2Paginator(b -> b.bucket(BUCKET).prefix(prefix)).contents().stream()
        .map(S3Object::key).toList();
  }

  private String read(String key) {
    return s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(key)).asUtf8String();
  }

  @Test
  void uploadDirectory_underAPrefix_storesEveryFileUnderItsRelativePath() {
    int n = 0;
    for (S3TransferManager tm : managers.both()) {
      String prefix = "yolo" + n++;
      CompletedDirectoryUpload done = tm.uploadDirectory(u -> u.source(source).bucket(BUCKET)
          .s3Prefix(prefix)).completionFuture().join();

      assertThat(done.failedTransfers()).isEmpty();
      assertThat(keys(prefix)).containsExactlyInAnyOrderElementsOf(
          TREE.keySet().stream().map(path -> prefix + "/" + path).toList());
      TREE.forEach((path, content) -> assertThat(read(prefix + "/" + path)).isEqualTo(content));
    }
  }

  @Test
  void uploadDirectory_withACustomDelimiter_joinsTheLevelsWithIt() {
    List<String> prefixes = List.of("hello", "howdy");
    int n = 0;
    for (S3TransferManager tm : managers.both()) {
      String prefix = prefixes.get(n++);
      CompletedDirectoryUpload done = tm.uploadDirectory(u -> u.source(source).bucket(BUCKET)
          .s3Prefix(prefix).s3Delimiter("0")).completionFuture().join();

      assertThat(done.failedTransfers()).isEmpty();
      assertThat(keys(prefix)).contains(prefix + "0bar.txt", prefix + "0foo01.txt",
          prefix + "0foo02.txt").hasSize(TREE.size());
      assertThat(read(prefix + "0foo02.txt")).isEqualTo("foo/2.txt contents");
    }
  }

  @Test
  void downloadDirectory_ofAnUploadedTree_recreatesEveryFile_orThoseTheFilterKeeps()
      throws IOException {
    managers.java().uploadDirectory(u -> u.source(source).bucket(BUCKET)).completionFuture()
        .join();
    int n = 0;
    for (S3TransferManager tm : managers.both()) {
      Path whole = destination.resolve("whole-" + n);
      Path notes = destination.resolve("notes-" + n++);

      CompletedDirectoryDownload all = tm.downloadDirectory(d -> d.bucket(BUCKET)
          .destination(whole)).completionFuture().join();
      CompletedDirectoryDownload some = tm.downloadDirectory(d -> d.bucket(BUCKET)
          .destination(notes).filter(object -> object.key().startsWith("notes/")))
          .completionFuture().join();

      assertThat(all.failedTransfers()).isEmpty();
      assertThat(some.failedTransfers()).isEmpty();
      for (Map.Entry<String, String> file : TREE.entrySet()) {
        assertThat(whole.resolve(file.getKey())).hasContent(file.getValue());
        assertThat(Files.exists(notes.resolve(file.getKey())))
            .isEqualTo(file.getKey().startsWith("notes"));
      }
    }
  }
}
