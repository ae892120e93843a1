package dev.tombstone.s3;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The multipart uploads a bucket completed last, so that CompleteMultipartUpload sent again with
 * the same parts answers 200 with the first answer, as S3 does for a client that retries after
 * losing the response. A bucket keeps its last {@value #LIMIT} completions and forgets them when
 * it is deleted; each keeps the answer and a digest of the parts, never the object's bytes.
 */
final class CompletedUploads {
  /** How many completions a bucket remembers; an older upload id answers NoSuchUpload again. */
  static final int LIMIT = 1_000;

  private record Completion(String key, String selection, PutObject.Result result) {}

  private final Map<String, Completion> byUploadId = new LinkedHashMap<>() {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Completion> eldest) {
      return size() > LIMIT;
    }
  };

  synchronized void remember(String uploadId, String key,
      List<Multipart.CompletedPart> selection, PutObject.Result result) {
    StoredObject withoutBytes = result.stored().withoutContent();
    byUploadId.put(uploadId, new Completion(key, digest(selection),
        new PutObject.Result(withoutBytes, result.versioning())));
  }

  /**
   * The answer of the completion of {@code uploadId}, when it completed {@code key} with the
   * same part numbers and ETags (quoted or not); empty for anything else.
   *
   * @return the completed version as it was written, without its bytes
   */
  synchronized Optional<PutObject.Result> repeated(String uploadId, String key,
      List<Multipart.CompletedPart> selection) {
    Completion completion = byUploadId.get(uploadId);
    if (completion == null || !completion.key().equals(key)
        || !completion.selection().equals(digest(selection))) {
      return Optional.empty();
    }
    return Optional.of(completion.result());
  }

  /** Whether {@code uploadId} is a remembered completion of {@code key}, whatever its parts. */
  synchronized boolean completed(String uploadId, String key) {
    Completion completion = byUploadId.get(uploadId);
    return completion != null && completion.key().equals(key);
  }

  // Up to 10,000 parts per completion: a digest keeps the memory of each one small.
  private static String digest(List<Multipart.CompletedPart> selection) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      for (Multipart.CompletedPart part : selection) {
        sha256.update((part.partNumber() + ":" + ETags.bare(part.etag()) + "\n")
            .getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(sha256.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
