package dev.tombstone.internal.s3.protocol;

import dev.tombstone.s3.Checksum;
import dev.tombstone.s3.StoredObject;
import dev.tombstone.s3.S3State;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * GetObject and HeadObject: the same lookup and headers; HEAD sends no body, and is answered
 * for an archived object whose bytes GET refuses.
 */
final class ObjectReads {
  private final S3State state;
  private final Clock clock;

  ObjectReads(S3State state, Clock clock) {
    this.state = state;
    this.clock = clock;
  }

  S3Response read(S3Call call) {
    OptionalInt partNumber = ObjectPartRead.requested(call.query(), call.headers());
    StoredObject object = state.getObject(call.bucket(), call.key(), call.query().get("versionId"));
    EncryptionRefusals.refuseAlgorithm(call.headers());
    CustomerKeys.OBJECT.checkRead(call.headers(), object.metadata().encryption());
    if (!call.request().isHead()) {
      state.checkReadable(object);
    }
    boolean versioningAware = state.bucket(call.bucket()).versioning().isVersioningAware();
    if (ReadPreconditions.notModified(call.headers(), object, clock)) {
      return ObjectHeaders.validators(S3Response.empty(304), object, versioningAware);
    }
    Optional<ObjectPartRead> part = partNumber.isPresent()
        ? Optional.of(ObjectPartRead.of(object, partNumber.getAsInt())) : Optional.empty();
    Optional<ByteRange> range = part.isPresent()
        ? part.filter(p -> !p.isEmpty()).map(ObjectPartRead::range)
        : ByteRange.parse(call.header("Range"), object.size());
    S3Response response = ObjectHeaders.describe(
        S3Response.empty(range.isPresent() ? 206 : 200), object, versioningAware, call.query());
    response = TimeHeaders.read(response, state, call.bucket(), call.key(), object,
        call.query().has("versionId"));
    response = RestoreOperations.withRestoreHeader(response, object, clock);
    ByteBuffer body = object.content().asReadOnlyBuffer();
    boolean checksumMode = call.header("x-amz-checksum-mode")
        .filter("ENABLED"::equalsIgnoreCase).isPresent();
    // A part of a multipart object has its own checksum, or none (see PartReadChecksum).
    boolean multipartPart = part.isPresent() && object.parts().isPresent();
    if (range.isPresent()) {
      ByteRange bytes = range.get();
      body = body.position((int) bytes.first()).limit((int) bytes.last() + 1).slice();
      response = response.with("Content-Range", bytes.contentRange(object.size()));
      // A range that covers every byte (bytes=-15 of 10, bytes=0-100) is the whole object's
      // checksum's, and S3 sends it with the 206.
      if (checksumMode && !multipartPart && bytes.length() == object.size()) {
        response = withChecksum(response, object);
      }
    } else if (part.isPresent()) {
      body = body.limit(0).slice();
    } else if (checksumMode) {
      response = withChecksum(response, object);
    }
    if (checksumMode && multipartPart) {
      response = PartReadChecksum.add(response, object, object.parts().get(),
          partNumber.getAsInt());
    }
    OptionalInt partsCount = part.map(ObjectPartRead::partsCount).orElse(OptionalInt.empty());
    if (partsCount.isPresent()) {
      response = response.with("x-amz-mp-parts-count", Integer.toString(partsCount.getAsInt()));
    }
    response = response.with("Content-Length", Long.toString(body.remaining()));
    return call.request().isHead() ? response : response.withBody(body);
  }

  // The stored value exactly: the SDKs validate it against the bytes they receive.
  private static S3Response withChecksum(S3Response response, StoredObject object) {
    if (object.checksum().isEmpty()) {
      return response;
    }
    Checksum checksum = object.checksum().get();
    Optional<String> header = ChecksumAlgorithm.headerFor(checksum);
    return header.isEmpty() ? response : response.with(header.get(), checksum.value())
        .with("x-amz-checksum-type", ChecksumTypes.of(checksum));
  }
}
