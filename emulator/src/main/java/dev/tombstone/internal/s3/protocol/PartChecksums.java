package dev.tombstone.internal.s3.protocol;

import dev.tombstone.s3.Checksum;
import dev.tombstone.s3.Multipart;
import dev.tombstone.s3.S3Error;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The part checksums of a CompleteMultipartUpload request ({@code <ChecksumCRC32>} and the like
 * in each {@code <Part>}), checked against an upload created with a checksum algorithm: a
 * composite upload must name every part's checksum, and a named checksum must be the one the
 * part was uploaded with.
 */
final class PartChecksums {
  private PartChecksums() {}

  /** A {@code <Part>} of the request: its number, ETag and the checksums it names. */
  record RequestedPart(Multipart.CompletedPart part, List<Checksum> checksums) {
    RequestedPart {
      checksums = List.copyOf(checksums);
    }

    /** The checksums a {@code <Part>} element names, one per {@code <ChecksumNAME>} child. */
    static List<Checksum> named(XmlElement part) {
      return Arrays.stream(ChecksumAlgorithm.values())
          .flatMap(a -> part.childText("Checksum" + a.name()).map(String::trim).stream()
              .map(value -> new Checksum(a.name(), value)))
          .toList();
    }

    Optional<Checksum> checksum(String algorithm) {
      return checksums.stream().filter(c -> c.algorithm().equals(algorithm)).findFirst();
    }
  }

  /**
   * Part checksums are asked only of COMPOSITE uploads; a FULL_OBJECT upload's named ones are
   * still compared.
   *
   * @throws WireError InvalidRequest naming the first part without the upload's checksum
   * @throws S3Error.InvalidPart for a part whose checksum is not the one it was uploaded with
   */
  static void check(Multipart.Upload upload, List<Multipart.Part> uploaded,
      List<RequestedPart> requested) {
    boolean fullObject = upload.isFullObject();
    if (upload.checksumAlgorithm().isEmpty()) {
      return;
    }
    String algorithm = upload.checksumAlgorithm().get();
    Map<Integer, Checksum> stored = new HashMap<>();
    Set<Integer> copied = new HashSet<>();
    for (Multipart.Part part : uploaded) {
      part.checksum().filter(c -> c.algorithm().equals(algorithm))
          .ifPresent(c -> stored.put(part.partNumber(), c));
      if (part.copied()) {
        copied.add(part.partNumber());
      }
    }
    for (RequestedPart wanted : requested) {
      int number = wanted.part().partNumber();
      Optional<Checksum> given = wanted.checksum(algorithm);
      // A part copied with UploadPartCopy has a checksum S3 computed, not one the client sent:
      // no recording shows S3 asking for it, so it is checked only when named.
      if (given.isEmpty() && !fullObject && stored.containsKey(number)
          && !copied.contains(number)) {
        throw WireError.invalidRequest("The upload was created using a "
            + algorithm.toLowerCase(Locale.ROOT) + " checksum. The complete request must"
            + " include the checksum for each part. It was missing for part " + number
            + " in the request.");
      }
      if (given.isPresent() && stored.containsKey(number)
          && !given.get().value().equals(stored.get(number).value())) {
        throw new S3Error.InvalidPart(upload.uploadId(), number, wanted.part().etag());
      }
    }
  }
}
