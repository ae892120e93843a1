package dev.tombstone.internal.s3.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/** The ids S3 makes up for configurations a request leaves unnamed. */
final class GeneratedIds {
  private GeneratedIds() {}

  /** The Base64 of a random UUID's text, as S3's generated ids are. */
  static String random() {
    return Base64.getEncoder().encodeToString(
        UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII));
  }
}
