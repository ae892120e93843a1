package dev.tombstone.s3;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/** ETags of single-part objects and parts, and the {@code If-Match} comparison. */
final class ETags {
  private ETags() {}

  /**
   * The ETag of a version or part written with {@code encryption}: the MD5 of the content,
   * except under SSE-KMS, DSSE-KMS and SSE-C, whose ETags S3 says are not an MD5 digest of the
   * data (its Object reference). Theirs is {@link #opaque()}, drawn once and stored with the write.
   */
  static String of(ObjectContent content, ObjectEncryption encryption) {
    return isOpaque(encryption) ? opaque() : of(content);
  }

  /** Whether writes with {@code encryption} get an ETag that is no digest of their bytes. */
  static boolean isOpaque(ObjectEncryption encryption) {
    return encryption.algorithm().startsWith("aws:kms") || encryption.isCustomerKey();
  }

  /**
   * A quoted 32-hex-digit ETag that is not derived from the bytes, new for every write, as
   * S3's are for KMS-encrypted data (the same bytes written twice get two ETags).
   */
  static String opaque() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    HexFormat hex = HexFormat.of();
    return '"' + hex.toHexDigits(random.nextLong()) + hex.toHexDigits(random.nextLong()) + '"';
  }

  /** The quoted lower-case hex MD5 of the content. */
  static String of(ObjectContent content) {
    try {
      MessageDigest md5 = MessageDigest.getInstance("MD5");
      md5.update(content.asReadOnlyBuffer());
      return '"' + HexFormat.of().formatHex(md5.digest()) + '"';
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has MD5", e);
    }
  }

  /**
   * Whether an {@code If-Match} value matches: {@code *} matches anything; otherwise any member
   * of the comma list, compared without quotes and without a weak {@code W/} prefix. S3 also
   * accepts an ETag with only one of its quotes, so each quote is dropped on its own.
   */
  static boolean matches(String condition, String etag) {
    String wanted = bare(etag);
    for (String member : condition.split(",", -1)) {
      String candidate = member.trim();
      if (candidate.equals("*") || bare(candidate).equals(wanted)) {
        return true;
      }
    }
    return false;
  }

  /** {@code tag} without a weak {@code W/} prefix and without each of its quotes. */
  static String bare(String tag) {
    String bare = tag.startsWith("W/") ? tag.substring(2) : tag;
    if (bare.startsWith("\"")) {
      bare = bare.substring(1);
    }
    if (bare.endsWith("\"")) {
      bare = bare.substring(0, bare.length() - 1);
    }
    return bare;
  }

  /** {@code tag} without its surrounding double quotes, if it has them. */
  static String unquoted(String tag) {
    if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
      return tag.substring(1, tag.length() - 1);
    }
    return tag;
  }
}
