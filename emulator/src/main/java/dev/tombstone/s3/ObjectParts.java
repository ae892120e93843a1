package dev.tombstone.s3;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The parts a completed multipart upload joined into an object version: each part's number, size
 * and, when the upload was created with a checksum algorithm, the checksum the part was uploaded
 * with. GetObjectAttributes reports them under {@code ObjectParts}.
 *
 * <pre>{@code
 * ObjectParts parts = s3.currentObject("docs", "video.mp4").orElseThrow().parts().orElseThrow();
 * for (int i = 0; i < parts.count(); i++) {
 *   System.out.println(parts.partNumber(i) + ": " + parts.size(i) + " " + parts.checksum(i));
 * }
 * }</pre>
 */
public final class ObjectParts {
  // Parallel arrays: an object may have 10,000 parts, and a version keeps them for its lifetime.
  private final int[] numbers;
  private final long[] sizes;
  private final String checksumAlgorithm;
  private final String[] checksums;

  private ObjectParts(int[] numbers, long[] sizes, String checksumAlgorithm, String[] checksums) {
    this.numbers = numbers;
    this.sizes = sizes;
    this.checksumAlgorithm = checksumAlgorithm;
    this.checksums = checksums;
  }

  /**
   * The layout of the given parts, in order. Their checksums are kept when the upload named an
   * algorithm, which UploadPart has made every part's checksum use.
   */
  static ObjectParts of(List<Multipart.Part> parts, Optional<String> checksumAlgorithm) {
    int[] numbers = new int[parts.size()];
    long[] sizes = new long[parts.size()];
    String algorithm = checksumAlgorithm.orElse(null);
    String[] checksums = algorithm == null ? null : new String[parts.size()];
    for (int i = 0; i < numbers.length; i++) {
      Multipart.Part part = parts.get(i);
      numbers[i] = part.partNumber();
      sizes[i] = part.size();
      if (checksums != null) {
        checksums[i] = part.checksum().map(Checksum::value).orElse(null);
      }
    }
    return new ObjectParts(numbers, sizes, algorithm, checksums);
  }

  /** How many parts the object has. */
  public int count() {
    return numbers.length;
  }

  /** The part number of the part at {@code index} (0-based, in object order). */
  public int partNumber(int index) {
    return numbers[index];
  }

  /** The size in bytes of the part at {@code index}. */
  public long size(int index) {
    return sizes[index];
  }

  /**
   * The algorithm CreateMultipartUpload named ({@code CRC32}, {@code CRC32C}, {@code CRC64NVME},
   * {@code SHA1} or {@code SHA256}); empty when the upload named none.
   */
  public Optional<String> checksumAlgorithm() {
    return Optional.ofNullable(checksumAlgorithm);
  }

  /** The Base64 checksum the part at {@code index} was uploaded with, in that algorithm. */
  public Optional<String> checksum(int index) {
    Objects.checkIndex(index, numbers.length);
    return checksums == null ? Optional.empty() : Optional.ofNullable(checksums[index]);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ObjectParts that
        && Arrays.equals(numbers, that.numbers)
        && Arrays.equals(sizes, that.sizes)
        && Objects.equals(checksumAlgorithm, that.checksumAlgorithm)
        && Arrays.equals(checksums, that.checksums);
  }

  @Override
  public int hashCode() {
    return Objects.hash(Arrays.hashCode(numbers), Arrays.hashCode(sizes), checksumAlgorithm,
        Arrays.hashCode(checksums));
  }

  @Override
  public String toString() {
    return "ObjectParts[count=" + numbers.length + ", checksumAlgorithm=" + checksumAlgorithm
        + "]";
  }
}
