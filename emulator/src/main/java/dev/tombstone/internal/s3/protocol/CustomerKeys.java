package dev.tombstone.internal.s3.protocol;

import dev.tombstone.s3.ObjectEncryption;
import dev.tombstone.s3.S3Error.Field;
import dev.tombstone.s3.S3State;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * SSE-C, server-side encryption with a customer-provided key: the three headers of a write (or,
 * with the {@code x-amz-copy-source-} prefix, of a copy's source) checked as S3 checks them, the
 * block a bucket's default encryption puts on SSE-C writes, and the key a read must present.
 * Only the key's MD5 is kept with a version, so a read is checked against that.
 */
final class CustomerKeys {
  /** The headers that name the key of the object written or read. */
  static final CustomerKeys OBJECT = new CustomerKeys("x-amz-server-side-encryption-customer-");
  /** The headers that name the key of a copy's source. */
  static final CustomerKeys COPY_SOURCE =
      new CustomerKeys("x-amz-copy-source-server-side-encryption-customer-");

  static final String ALGORITHM_HEADER = OBJECT.algorithm;
  static final String KEY_MD5_HEADER = OBJECT.keyMd5;
  private static final String SSE = EncryptionHeaders.ALGORITHM;
  private static final String PREFIX = "Requests specifying Server Side Encryption with"
      + " Customer provided keys must provide ";
  private static final String NOT_APPLICABLE =
      "The encryption parameters are not applicable to this object.";
  private static final String STORED_ENCRYPTED = "The object was stored using a form of Server"
      + " Side Encryption. The correct parameters must be provided to retrieve the object.";

  private final String prefix;
  private final String algorithm;
  private final String key;
  private final String keyMd5;

  private CustomerKeys(String prefix) {
    this.prefix = prefix;
    this.algorithm = prefix + "algorithm";
    this.key = prefix + "key";
    this.keyMd5 = prefix + "key-MD5";
  }

  /** Whether the request sends any of these headers. */
  boolean named(RequestHeaders headers) {
    return headers.hasNameStartingWith(prefix);
  }

  /**
   * The 403 of a write naming a customer key to a bucket that blocks SSE-C, checked before the
   * key is: S3's text from its 403 troubleshooting guide, with this emulator's account.
   *
   * @param action {@code s3:PutObject}, or {@code s3:CopyObject} for a copy
   */
  static void refuseIfBlocked(S3State state, S3Call call, String action) {
    if (OBJECT.named(call.headers())
        && state.bucketEncryption(call.bucket()).blocksCustomerKeys()) {
      throw WireError.accessDeniedBecause("User: arn:aws:iam::" + Owner.ACCOUNT_ID
          + ":root is not authorized to perform: " + action + " on resource: \"arn:aws:s3:::"
          + call.bucket() + "/" + call.key() + "\" because this bucket has blocked upload"
          + " requests that specify Server Side Encryption with Customer provided keys (SSE-C)."
          + " Please specify a different server-side encryption type");
    }
  }

  /**
   * The key a request names, checked: the Base64 MD5 of its bytes, empty when none of the
   * headers is sent. A read may leave out the key's MD5 and takes a key of the wrong length as a
   * wrong key, so only a write requires the MD5 and checks the length.
   *
   * @throws WireError InvalidArgument or InvalidEncryptionAlgorithmError, in S3's order
   */
  Optional<String> requested(RequestHeaders headers, boolean write) {
    if (!named(headers)) {
      return Optional.empty();
    }
    if (this == OBJECT) {
      headers.first(SSE).ifPresent(value -> {
        throw WireError.invalidArgument("Server Side Encryption with Customer provided key is"
            + " incompatible with the encryption method specified", SSE, value);
      });
    }
    Optional<String> named = headers.first(algorithm).map(String::trim);
    if (named.isEmpty() || named.get().isEmpty()) {
      throw invalid(PREFIX + "a valid encryption algorithm.");
    }
    if (!named.get().equals("AES256")) {
      throw new WireError(WireError.Kind.INVALID_ENCRYPTION_ALGORITHM,
          "The Encryption request you specified is not valid. Supported value: AES256.",
          List.of(new Field("ArgumentName", SSE), new Field("ArgumentValue", named.get())));
    }
    Optional<String> sent = headers.first(key).map(String::trim).filter(k -> !k.isEmpty());
    if (sent.isEmpty()) {
      throw invalid(PREFIX + "an appropriate secret key.");
    }
    // A write must send the key's MD5 (S3's answer in Ceph's s3-tests and in a compliance suite
    // run against S3); a read may leave it out.
    Optional<String> claimed = headers.first(keyMd5).map(String::trim);
    if (write && claimed.filter(m -> !m.isEmpty()).isEmpty()) {
      throw invalid(PREFIX + "the client calculated MD5 of the secret key.");
    }
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(sent.get());
    } catch (IllegalArgumentException e) {
      throw invalid("The secret key was invalid for the specified algorithm.");
    }
    String md5 = md5(bytes);
    // S3 checks the MD5 before the length (keys of 24 bytes get the MD5 answer).
    if (claimed.isPresent() && !claimed.get().equals(md5)) {
      throw invalid("The calculated MD5 hash of the key did not match the hash that was"
          + " provided.");
    }
    if (write && bytes.length != 32) {
      throw invalid("The secret key was invalid for the specified algorithm.");
    }
    return Optional.of(md5);
  }

  /**
   * A read of {@code stored} (GetObject, HeadObject, a copy's source): an SSE-C version needs
   * its own key, any other none.
   *
   * @throws WireError InvalidRequest for a missing key or a key for an object without one,
   *     AccessDenied for another key
   */
  void checkRead(RequestHeaders headers, ObjectEncryption stored) {
    Optional<String> md5 = requested(headers, false);
    if (stored.customerKeyMd5().isEmpty()) {
      if (md5.isPresent()) {
        throw WireError.invalidRequest(NOT_APPLICABLE);
      }
      return;
    }
    if (md5.isEmpty()) {
      throw WireError.invalidRequest(STORED_ENCRYPTED);
    }
    if (!md5.equals(stored.customerKeyMd5())) {
      throw WireError.accessDeniedBecause(PREFIX + "the correct secret key.");
    }
  }

  /**
   * UploadPart and UploadPartCopy: the part's key must be the one CreateMultipartUpload named,
   * and a part of an upload without one names none.
   *
   * @throws WireError InvalidRequest
   */
  static void checkPart(RequestHeaders headers, ObjectEncryption upload) {
    Optional<String> md5 = OBJECT.requested(headers, true);
    if (md5.isPresent() != upload.isCustomerKey()) {
      throw WireError.invalidRequest("The multipart upload initiate requested encryption."
          + " Subsequent part requests must include the appropriate encryption parameters.");
    }
    if (md5.isPresent() && !md5.equals(upload.customerKeyMd5())) {
      throw WireError.invalidRequest(
          "The provided encryption parameters did not match the ones used originally.");
    }
  }

  private static WireError invalid(String message) {
    return WireError.invalidArgument(message, SSE, "null");
  }

  static String md5(byte[] bytes) {
    try {
      return Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has MD5", e);
    }
  }
}
