package dev.tombstone.internal.s3.protocol;

import dev.tombstone.s3.Checksum;
import dev.tombstone.s3.ObjectParts;
import dev.tombstone.s3.StoredObject;
import java.util.Optional;

/**
 * The checksum a part read of a multipart object (GetObject or HeadObject with
 * {@code partNumber} and {@code x-amz-checksum-mode: ENABLED}) carries, as S3 answers it in
 * LocalStack's AWS recordings: of a COMPOSITE object, the checksum that part was uploaded with
 * and {@code x-amz-checksum-type: COMPOSITE}; of a FULL_OBJECT object of one part, the object's
 * checksum (the part's too) and FULL_OBJECT; of a FULL_OBJECT object of several parts, none.
 */
final class PartReadChecksum {
  private static final String TYPE_HEADER = "x-amz-checksum-type";

  private PartReadChecksum() {}

  /** {@code response} with the checksum headers of part {@code partNumber} (from 1), if any. */
  static S3Response add(S3Response response, StoredObject object, ObjectParts parts,
      int partNumber) {
    if (object.checksum().isEmpty()) {
      return response;
    }
    Checksum whole = object.checksum().get();
    if (ChecksumTypes.isComposite(whole.value())) {
      Optional<String> value = parts.checksum(partNumber - 1);
      Optional<String> header = parts.checksumAlgorithm().flatMap(ChecksumAlgorithm::named)
          .map(ChecksumAlgorithm::headerName);
      return value.isEmpty() || header.isEmpty() ? response
          : response.with(header.get(), value.get()).with(TYPE_HEADER, ChecksumTypes.COMPOSITE);
    }
    if (parts.count() != 1) {
      return response;
    }
    Optional<String> header = ChecksumAlgorithm.headerFor(whole);
    return header.isEmpty() ? response : response.with(header.get(), whole.value())
        .with(TYPE_HEADER, ChecksumTypes.FULL_OBJECT);
  }
}
