package dev.tombstone.s3.vectors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.Tombstone;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.zip.CRC32;

/**
 * A running emulator with the buckets of §8 ({@code u} never versioned, {@code v} Enabled,
 * {@code s} Enabled then Suspended) and helpers to drive and check it over raw HTTP. The spec's
 * one-letter names are shorthand: a real bucket name needs three characters.
 */
final class S3Fixture implements AutoCloseable {
  static final String U = "u-bucket";
  static final String V = "v-bucket";
  static final String S = "s-bucket";
  static final String NS = "http://s3.amazonaws.com/doc/2006-03-01/";
  static final String MALFORMED_XML = "The XML you provided was not well-formed or did not"
      + " validate against our published schema";

  final Tombstone tombstone = Tombstone.builder().start();
  final Wire wire = new Wire(tombstone.endpoint());

  void reset() {
    tombstone.reset();
  }

  @Override
  public void close() {
    tombstone.close();
  }

  // ---- setup ----

  String unversioned() {
    createBucket(U);
    return U;
  }

  String versioned() {
    createBucket(V);
    versioning(V, "Enabled");
    return V;
  }

  /** Enabled, PUT k "one" (returned id), then Suspended: the base setup of §8.7. */
  String suspendedBase() {
    createBucket(S);
    versioning(S, "Enabled");
    String v1 = put(S, "k", "one");
    versioning(S, "Suspended");
    return v1;
  }

  String suspended() {
    createBucket(S);
    versioning(S, "Enabled");
    versioning(S, "Suspended");
    return S;
  }

  void createBucket(String bucket) {
    assertThat(wire.put("/" + bucket, "").status()).isEqualTo(200);
  }

  void versioning(String bucket, String status) {
    Reply reply = putWithChecksum("/" + bucket + "?versioning",
        "<VersioningConfiguration xmlns=\"" + NS + "\"><Status>" + status
            + "</Status></VersioningConfiguration>");
    assertThat(reply.status()).as(reply.text()).isEqualTo(200);
  }

  /** PUT of an object; returns its {@code x-amz-version-id}, or null when none was sent. */
  String put(String bucket, String key, String body) {
    Reply reply = wire.put("/" + bucket + "/" + key, body);
    assertThat(reply.status()).as(reply.text()).isEqualTo(200);
    return reply.header("x-amz-version-id").orElse(null);
  }

  /** DELETE without version id; returns the {@code x-amz-version-id} (the marker's id). */
  String delete(String bucket, String key) {
    Reply reply = wire.delete("/" + bucket + "/" + key);
    assertThat(reply.status()).isEqualTo(204);
    return reply.header("x-amz-version-id").orElse(null);
  }

  Reply deleteVersion(String bucket, String key, String versionId) {
    return wire.delete("/" + bucket + "/" + key + "?versionId=" + versionId);
  }

  Reply putWithChecksum(String path, String body) {
    return wire.put(path, body, "x-amz-checksum-crc32", crc32(body));
  }

  Reply deleteObjects(String bucket, String body) {
    return wire.post("/" + bucket + "?delete", body, "x-amz-checksum-crc32", crc32(body),
        "Content-Type", "application/xml");
  }

  /** {@code [a, b@V1]}-style bodies: keys, optionally {@code key@versionId}. */
  static String deleteBody(boolean quiet, String... objects) {
    StringBuilder body = new StringBuilder("<Delete xmlns=\"" + NS + "\">");
    if (quiet) {
      body.append("<Quiet>true</Quiet>");
    }
    for (String object : objects) {
      int at = object.indexOf('@');
      body.append("<Object><Key>").append(at < 0 ? object : object.substring(0, at))
          .append("</Key>");
      if (at >= 0) {
        body.append("<VersionId>").append(object.substring(at + 1)).append("</VersionId>");
      }
      body.append("</Object>");
    }
    return body.append("</Delete>").toString();
  }

  static String crc32(String body) {
    CRC32 crc = new CRC32();
    crc.update(body.getBytes(StandardCharsets.UTF_8));
    return Base64.getEncoder().encodeToString(
        ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
  }

  // ---- inspection ----

  Reply versions(String bucket) {
    Reply reply = wire.get("/" + bucket + "?versions");
    assertThat(reply.status()).isEqualTo(200);
    return reply;
  }

  /** {@code Version:<id>} / {@code DeleteMarker:<id>} of every entry of a key, in order. */
  List<String> entries(String bucket, String key) {
    Reply reply = versions(bucket);
    List<String> kinds = reply.childNames("/ListVersionsResult");
    List<String> keys = reply.xpath("/ListVersionsResult/*[self::Version or self::DeleteMarker]"
        + "/Key");
    List<String> ids = reply.xpath("/ListVersionsResult/*[self::Version or self::DeleteMarker]"
        + "/VersionId");
    List<String> entryKinds = kinds.stream()
        .filter(k -> k.equals("Version") || k.equals("DeleteMarker")).toList();
    List<String> result = new java.util.ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      if (keys.get(i).equals(key)) {
        result.add(entryKinds.get(i) + ":" + ids.get(i));
      }
    }
    return result;
  }

  // ---- expectations ----

  /** Status, code and message of an error document, and the framing every response has. */
  static void expectError(Reply reply, int status, String code, String message) {
    expectErrorCode(reply, status, code);
    assertThat(reply.one("/Error/Message")).isEqualTo(message);
  }

  static void expectErrorCode(Reply reply, int status, String code) {
    assertThat(reply.status()).as(reply.text()).isEqualTo(status);
    expectFraming(reply);
    assertThat(reply.header("Content-Type")).hasValue("application/xml");
    assertThat(reply.one("/Error/Code")).isEqualTo(code);
    assertThat(reply.one("/Error/RequestId")).isEqualTo(reply.header("x-amz-request-id").get());
    assertThat(reply.one("/Error/HostId")).isEqualTo(reply.header("x-amz-id-2").get());
  }

  static void expectFraming(Reply reply) {
    assertThat(reply.header("x-amz-request-id")).get().asString().matches("[0-9A-F]{16}");
    assertThat(reply.header("x-amz-id-2")).isPresent();
    assertThat(reply.header("Date")).get().asString().endsWith(" GMT");
    assertThat(reply.header("Server")).hasValue("AmazonS3");
    assertThat(reply.header("x-amzn-RequestId")).isEmpty();
  }

  static void expectNoBody(Reply reply) {
    assertThat(reply.body()).isEmpty();
    assertThat(reply.header("Content-Length")).hasValue("0");
  }

  static void expectVersionId(String id) {
    assertThat(id).matches("[A-Za-z0-9._]{32}");
  }
}
