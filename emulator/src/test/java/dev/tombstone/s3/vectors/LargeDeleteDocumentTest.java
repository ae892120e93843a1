package dev.tombstone.s3.vectors;

import static dev.tombstone.s3.vectors.S3Fixture.MALFORMED_XML;
import static dev.tombstone.s3.vectors.S3Fixture.U;
import static dev.tombstone.s3.vectors.S3Fixture.deleteBody;
import static dev.tombstone.s3.vectors.S3Fixture.expectError;
import static dev.tombstone.s3.vectors.S3Fixture.expectErrorCode;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * DeleteObjects documents large enough (from 16 KiB) that their MD5 is computed on another core
 * while the document is decoded: the checks still come in S3's order (payload SHA-256,
 * Content-MD5, checksum, then the document), and nothing changes unless all pass.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LargeDeleteDocumentTest {
  private static final int KEYS = 1000;

  private final S3Fixture fixture = new S3Fixture();
  private String[] keys;
  private String document;

  @BeforeEach
  void putThousandObjects() {
    fixture.reset();
    fixture.unversioned();
    keys = new String[KEYS];
    for (int i = 0; i < KEYS; i++) {
      keys[i] = "large/document/key-" + i;
      fixture.tombstone.s3().putObject(U, keys[i], "x");
    }
    document = deleteBody(false, keys);
    assertThat(document.length()).isGreaterThan(32 * 1024);
  }

  @AfterAll
  void close() {
    fixture.close();
  }

  @RepeatedTest(5)
  void everyKeyIsDeletedWhenTheChecksPass() {
    Reply reply = post(document, "Content-MD5", md5(document), "x-amz-content-sha256",
        sha256(document));

    assertThat(reply.status()).as(reply.text()).isEqualTo(200);
    assertThat(reply.xpath("//Deleted/Key")).containsExactly(keys);
    assertThat(fixture.tombstone.s3().keys(U)).isEmpty();
  }

  @Test
  void aMalformedDocumentWithAMatchingMd5IsMalformedXml() {
    String truncated = document.substring(0, document.length() - 3);

    expectError(post(truncated, "Content-MD5", md5(truncated)), 400, "MalformedXML",
        MALFORMED_XML);
    assertThat(fixture.tombstone.s3().keys(U)).hasSize(KEYS);
  }

  @Test
  void aWrongMd5ComesBeforeAMalformedDocument() {
    String truncated = document.substring(0, document.length() - 3);

    expectErrorCode(post(truncated, "Content-MD5", md5(document)), 400, "BadDigest");
    expectErrorCode(post(document, "Content-MD5", md5(truncated)), 400, "BadDigest");
    assertThat(fixture.tombstone.s3().keys(U)).hasSize(KEYS);
  }

  @Test
  void anUndecodableMd5IsInvalidDigest() {
    expectErrorCode(post(document, "Content-MD5", "not base64!"), 400, "InvalidDigest");
    assertThat(fixture.tombstone.s3().keys(U)).hasSize(KEYS);
  }

  @Test
  void aWrongPayloadHashComesBeforeAWrongMd5() {
    String truncated = document.substring(0, document.length() - 3);

    expectErrorCode(post(truncated, "Content-MD5", md5(document), "x-amz-content-sha256",
        sha256(document)), 400, "XAmzContentSHA256Mismatch");
    assertThat(fixture.tombstone.s3().keys(U)).hasSize(KEYS);
  }

  @Test
  void aWrongChecksumComesAfterTheMd5AndBeforeTheDocument() {
    String truncated = document.substring(0, document.length() - 3);

    expectErrorCode(post(truncated, "Content-MD5", md5(truncated), "x-amz-checksum-crc32",
        "AAAAAA=="), 400, "BadDigest");
    assertThat(fixture.tombstone.s3().keys(U)).hasSize(KEYS);
  }

  private Reply post(String body, String... headers) {
    return fixture.wire.post("/" + U + "?delete", body, headers);
  }

  private static String md5(String body) {
    return Base64.getEncoder().encodeToString(digest("MD5", body));
  }

  private static String sha256(String body) {
    return HexFormat.of().formatHex(digest("SHA-256", body));
  }

  private static byte[] digest(String algorithm, String body) {
    try {
      return MessageDigest.getInstance(algorithm).digest(body.getBytes(StandardCharsets.UTF_8));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
