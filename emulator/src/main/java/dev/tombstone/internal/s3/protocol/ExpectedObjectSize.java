package dev.tombstone.internal.s3.protocol;

import dev.tombstone.s3.Multipart;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * CompleteMultipartUpload's {@code x-amz-mp-object-size}: the size the client expects the
 * assembled object to have. S3 documents a mismatch as 400 {@code InvalidRequest}; SDKs' transfer
 * managers send the header with every completion, so a matching value must pass unnoticed.
 */
final class ExpectedObjectSize {
  static final String HEADER = "x-amz-mp-object-size";
  // The code is S3's, as its API reference gives it; the text is Tombstone's (none recorded).
  static final String MISMATCH =
      "The value of the x-amz-mp-object-size header does not match the size of the object the"
          + " listed parts make";

  private ExpectedObjectSize() {}

  /**
   * Checks the header, when sent, against the sizes of the listed parts. A listed part that was
   * never uploaded is left to the completion's own {@code InvalidPart} answer.
   *
   * @throws WireError InvalidRequest when the value is not the parts' total size (or not a
   *     whole number of bytes)
   */
  static void check(RequestHeaders headers, List<Multipart.Part> uploaded,
      List<Multipart.CompletedPart> listed) {
    String sent = headers.first(HEADER).map(String::trim).orElse(null);
    if (sent == null) {
      return;
    }
    Map<Integer, Long> sizes = new HashMap<>();
    for (Multipart.Part part : uploaded) {
      sizes.put(part.partNumber(), (long) part.content().size());
    }
    long total = 0;
    for (Multipart.CompletedPart part : listed) {
      Long size = sizes.get(part.partNumber());
      if (size == null) {
        return;
      }
      total += size;
    }
    if (!matches(sent, total)) {
      throw WireError.invalidRequest(MISMATCH);
    }
  }

  private static boolean matches(String sent, long total) {
    try {
      return Long.parseLong(sent) == total;
    } catch (NumberFormatException notANumber) {
      return false;
    }
  }
}
