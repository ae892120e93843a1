package dev.tombstone.internal.s3.protocol;

import dev.tombstone.s3.Checksum;
import dev.tombstone.s3.Multipart;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The whole-object checksum of a CompleteMultipartUpload. Its {@code x-amz-checksum-<alg>}
 * header is the checksum of the object, not of the request document: for a FULL_OBJECT upload
 * the CRC of the joined bytes, for a COMPOSITE one the checksum of the part checksums followed
 * by {@code -<part count>}. The value the client sent is compared with the one computed from the
 * parts; an upload with a checksum algorithm gets the computed value even when none was sent.
 */
final class CompletionChecksum {
  private CompletionChecksum() {}

  /**
   * A complete request's {@code x-amz-checksum-type}, if any, must be the upload's.
   *
   * @throws WireError InvalidRequest for an unknown type or another one than the upload's
   */
  static void checkType(RequestHeaders headers, Multipart.Upload upload) {
    Optional<String> named = MultipartOperations.checksumType(headers);
    if (named.isPresent() && !named.equals(upload.checksumType())) {
      throw WireError.invalidRequest("The upload was created using the "
          + upload.checksumType().orElse("null") + " checksum mode. The complete request must"
          + " use the same checksum mode.");
    }
  }

  /**
   * @param upload the upload being completed, if it exists (the state answers NoSuchUpload)
   * @param uploaded its parts so far
   * @param selection the parts the request names, in its order
   * @return the checksum the completed object gets; empty without an algorithm, or when the
   *     selection is one the state refuses (InvalidPart, InvalidPartOrder, EntityTooSmall)
   * @throws WireError InvalidRequest for several checksum headers, a malformed value or another
   *     algorithm than the upload's; BadDigest when the value differs from the object's
   */
  static Optional<Checksum> check(RequestHeaders headers, Optional<Multipart.Upload> upload,
      List<Multipart.Part> uploaded, List<Multipart.CompletedPart> selection) {
    Map<ChecksumAlgorithm, String> sent = new EnumMap<>(ChecksumAlgorithm.class);
    for (ChecksumAlgorithm algorithm : ChecksumAlgorithm.values()) {
      headers.first(algorithm.headerName()).ifPresent(value -> sent.put(algorithm, value.trim()));
    }
    if (sent.size() > 1) {
      throw WireError.invalidRequest("Expecting a single x-amz-checksum- header. Multiple"
          + " checksum Types are not allowed.");
    }
    Optional<ChecksumAlgorithm> named = upload.flatMap(Multipart.Upload::checksumAlgorithm)
        .flatMap(ChecksumAlgorithm::named);
    Optional<ChecksumAlgorithm> given = sent.keySet().stream().findFirst();
    if (given.isPresent() && named.isPresent() && given.get() != named.get()) {
      throw WireError.invalidRequest("Checksum Type mismatch occurred, expected checksum Type: "
          + lower(named.get()) + ", actual checksum Type: " + lower(given.get()));
    }
    Optional<ChecksumAlgorithm> chosenAlgorithm = given.or(() -> named);
    if (chosenAlgorithm.isEmpty()) {
      return Optional.empty();
    }
    ChecksumAlgorithm algorithm = chosenAlgorithm.get();
    Optional<String> value = Optional.ofNullable(sent.get(algorithm));
    boolean fullObject = algorithm.isCrc() && isFullObject(upload, algorithm, value);
    value.ifPresent(v -> checkForm(algorithm, v, fullObject));
    Optional<List<Multipart.Part>> parts = selected(uploaded, selection);
    if (parts.isEmpty()) {
      return Optional.empty();
    }
    String computed = fullObject ? fullObject(algorithm, parts.get())
        : composite(algorithm, parts.get());
    if (value.isPresent() && !matches(value.get(), computed, fullObject)) {
      throw WireError.checksumMismatch(lower(algorithm));
    }
    return Optional.of(new Checksum(algorithm.name(), computed));
  }

  // An upload created with an algorithm has its type; one created without takes it from the
  // value: CRC64NVME's only type, or a CRC value sent without a composite's part count.
  private static boolean isFullObject(Optional<Multipart.Upload> upload,
      ChecksumAlgorithm algorithm, Optional<String> value) {
    Optional<String> type = upload.flatMap(Multipart.Upload::checksumType);
    if (type.isPresent()) {
      return type.get().equals(Multipart.FULL_OBJECT);
    }
    return algorithm == ChecksumAlgorithm.CRC64NVME
        || value.filter(v -> !ChecksumTypes.isComposite(v)).isPresent();
  }

  private static void checkForm(ChecksumAlgorithm algorithm, String value, boolean fullObject) {
    String digest = fullObject ? value : value.replaceFirst("-[0-9]+$", "");
    byte[] decoded;
    try {
      decoded = Base64.getDecoder().decode(digest);
    } catch (IllegalArgumentException e) {
      decoded = null;
    }
    if (decoded == null || decoded.length != algorithm.digestLength()) {
      throw WireError.invalidRequest(
          "Value for " + algorithm.headerName() + " header is invalid.");
    }
  }

  private static boolean matches(String sent, String computed, boolean fullObject) {
    if (fullObject || ChecksumTypes.isComposite(sent)) {
      return sent.equals(computed);
    }
    return computed.startsWith(sent + "-");
  }

  /** The parts the selection names, in order; empty when the state would refuse it. */
  private static Optional<List<Multipart.Part>> selected(
      List<Multipart.Part> uploaded, List<Multipart.CompletedPart> selection) {
    Map<Integer, Multipart.Part> byNumber = new HashMap<>();
    uploaded.forEach(part -> byNumber.put(part.partNumber(), part));
    List<Multipart.Part> chosen = new ArrayList<>(selection.size());
    int previous = 0;
    for (Multipart.CompletedPart wanted : selection) {
      Multipart.Part part = byNumber.get(wanted.partNumber());
      if (wanted.partNumber() <= previous || part == null
          || !unquoted(wanted.etag()).equals(unquoted(part.etag()))) {
        return Optional.empty();
      }
      previous = wanted.partNumber();
      chosen.add(part);
    }
    for (int i = 0; i < chosen.size() - 1; i++) {
      if (chosen.get(i).size() < Multipart.MIN_PART_SIZE) {
        return Optional.empty();
      }
    }
    return Optional.of(chosen);
  }

  private static String fullObject(ChecksumAlgorithm algorithm, List<Multipart.Part> parts) {
    List<ByteBuffer> pieces = parts.stream().map(p -> p.content().asReadOnlyBuffer()).toList();
    return Base64.getEncoder().encodeToString(algorithm.digest(pieces));
  }

  private static String composite(ChecksumAlgorithm algorithm, List<Multipart.Part> parts) {
    ByteArrayOutputStream digests = new ByteArrayOutputStream();
    for (Multipart.Part part : parts) {
      digests.writeBytes(algorithm.digest(part.content().asReadOnlyBuffer()));
    }
    byte[] ofDigests = algorithm.digest(ByteBuffer.wrap(digests.toByteArray()));
    return Base64.getEncoder().encodeToString(ofDigests) + "-" + parts.size();
  }

  private static String unquoted(String etag) {
    String trimmed = etag.trim();
    return trimmed.length() >= 2 && trimmed.startsWith("\"") && trimmed.endsWith("\"")
        ? trimmed.substring(1, trimmed.length() - 1) : trimmed;
  }

  private static String lower(ChecksumAlgorithm algorithm) {
    return algorithm.name().toLowerCase(Locale.ROOT);
  }
}
