package dev.tombstone.internal.s3.protocol;

import dev.tombstone.s3.ObjectParts;
import dev.tombstone.s3.StoredObject;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * GetObject and HeadObject's {@code partNumber}: a ranged read of one part of an object. Parts
 * count in object order from 1, whatever numbers the upload gave them, so that part 1 to
 * {@code x-amz-mp-parts-count} cover the object. An object not written by a multipart upload is
 * one part.
 *
 * @param range the part's bytes within the object
 * @param partsCount the object's part count, for a multipart object only
 */
record ObjectPartRead(ByteRange range, OptionalInt partsCount) {
  private static final String PARAMETER = "partNumber";

  /**
   * The part number a read asks for, checked before the object is looked up.
   *
   * @throws WireError InvalidArgument for a number outside 1..10000, InvalidRequest with a Range
   */
  static OptionalInt requested(QueryParameters query, RequestHeaders headers) {
    Optional<String> value = query.get(PARAMETER);
    if (value.isEmpty()) {
      return OptionalInt.empty();
    }
    int number = MultipartOperations.partNumber(value);
    if (headers.first("Range").isPresent()) {
      throw WireError.invalidRequest(
          "Cannot specify both Range header and partNumber query parameter");
    }
    return OptionalInt.of(number);
  }

  /** @throws WireError InvalidPartNumber when the object has fewer parts */
  static ObjectPartRead of(StoredObject object, int partNumber) {
    Optional<ObjectParts> parts = object.parts();
    int count = parts.map(ObjectParts::count).orElse(1);
    if (partNumber > count) {
      throw WireError.invalidPartNumber(partNumber, count);
    }
    if (parts.isEmpty()) {
      return new ObjectPartRead(new ByteRange(0, object.size() - 1), OptionalInt.empty());
    }
    long first = 0;
    for (int i = 0; i < partNumber - 1; i++) {
      first += parts.get().size(i);
    }
    long last = first + parts.get().size(partNumber - 1) - 1;
    return new ObjectPartRead(new ByteRange(first, last), OptionalInt.of(count));
  }

  /** Whether the part holds no bytes, which no Content-Range can describe. */
  boolean isEmpty() {
    return range.length() == 0;
  }
}
