package dev.tombstone.internal.s3.protocol;

/** What a request body holds, which decides its size limit and the error beyond it. */
enum BodyKind {
  /**
   * PutObject content. The emulator keeps objects in memory, so the limit is lower than S3's
   * 5 GiB: 512 MiB, or a quarter of the heap when that is smaller.
   */
  OBJECT(Math.min(512L * 1024 * 1024, Runtime.getRuntime().maxMemory() / 4)),
  /** An XML request document (DeleteObjects, versioning and bucket configuration). */
  DOCUMENT(8L * 1024 * 1024),
  /**
   * A CompleteMultipartUpload document. Its {@code x-amz-checksum-*} headers are the checksum
   * of the object being completed, not of the document, whose integrity rests on Content-MD5 or
   * an aws-chunked trailer alone.
   */
  COMPLETION(8L * 1024 * 1024),
  /**
   * A browser upload's form (POST Object): an object's worth of file, and room for the fields
   * before it (at most 20 KB) and whatever a browser sends after it.
   */
  FORM(OBJECT.limit + 1024 * 1024);

  private final long limit;

  BodyKind(long limit) {
    this.limit = limit;
  }

  /** Whether the {@code x-amz-checksum-*} headers are a checksum of this body. */
  boolean checksumHeadersDescribeBody() {
    return this != COMPLETION;
  }

  long limit() {
    return limit;
  }

  WireError tooLarge(long size) {
    return switch (this) {
      case OBJECT, FORM -> WireError.entityTooLarge(size, OBJECT.limit);
      case DOCUMENT, COMPLETION -> WireError.messageTooLong();
    };
  }
}
