package dev.tombstone.internal.server;

import static dev.tombstone.internal.server.RawHttp.ascii;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.Tombstone;
import dev.tombstone.dynamodb.KeyAttribute;
import dev.tombstone.dynamodb.KeySchema;
import dev.tombstone.s3.Versioning;
import dev.tombstone.testing.RunningTombstone;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Each request limit, over the wire: the service's answer, and no state change. The bodies are
 * written by hand because no SDK sends them.
 */
class RequestLimitsTest {
  private static final String PUT_ITEM = "POST / HTTP/1.1\r\nHost: localhost\r\n"
      + "X-Amz-Target: DynamoDB_20120810.PutItem\r\n"
      + "Content-Type: application/x-amz-json-1.0\r\n";

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  private final Tombstone tombstone = server.tombstone();

  @BeforeEach
  void seed() {
    tombstone.dynamoDb().createTable("limits", KeySchema.of(KeyAttribute.s("id")));
    tombstone.s3().createBucket("limits");
    tombstone.s3().putObject("limits", "kept", "still here");
  }

  private static byte[] putItemPaddedTo(int size) {
    byte[] item = "{\"TableName\":\"limits\",\"Item\":{\"id\":{\"S\":\"x\"}}}"
        .getBytes(StandardCharsets.UTF_8);
    byte[] body = new byte[size];
    Arrays.fill(body, (byte) ' ');
    System.arraycopy(item, 0, body, 0, item.length);
    return body;
  }

  @Test
  void dynamoDbChunkedBodyOverSixteenMebibytes_isAnswered413_andStoresNothing() throws Exception {
    RawHttp.Answer answer = RawHttp.chunked(tombstone.port(), PUT_ITEM,
        putItemPaddedTo((int) JsonBodies.MAX_BODY_BYTES + 1), 64 * 1024);

    assertThat(answer.status()).isEqualTo(413);
    assertThat(tombstone.dynamoDb().items("limits")).isEmpty();
  }

  @Test
  void dynamoDbChunkedBodyAtTheLimit_isServed() throws Exception {
    RawHttp.Answer answer = RawHttp.chunked(tombstone.port(), PUT_ITEM,
        putItemPaddedTo((int) JsonBodies.MAX_BODY_BYTES), 64 * 1024);

    assertThat(answer.status()).isEqualTo(200);
    assertThat(tombstone.dynamoDb().items("limits")).hasSize(1);
  }

  @Test
  void dynamoDbJsonNestedTenThousandDeep_isASerializationError() throws Exception {
    String deep = "[".repeat(10_000) + "]".repeat(10_000);
    byte[] body = ascii("{\"TableName\":\"limits\",\"Item\":{\"id\":{\"S\":\"x\"},\"d\":" + deep
        + "}}");

    RawHttp.Answer answer = RawHttp.send(tombstone.port(),
        concat(ascii(PUT_ITEM + "Content-Length: " + body.length + "\r\n\r\n"), body));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.text()).contains("SerializationException");
    assertThat(tombstone.dynamoDb().items("limits")).isEmpty();
  }

  @Test
  void dynamoDbAttributeValueNestedBeyondThirtyTwoLevels_isAValidationError() throws Exception {
    String deep = "{\"L\":[".repeat(40) + "{\"S\":\"v\"}" + "]}".repeat(40);
    byte[] body = ascii("{\"TableName\":\"limits\",\"Item\":{\"id\":{\"S\":\"x\"},\"d\":" + deep
        + "}}");

    RawHttp.Answer answer = RawHttp.send(tombstone.port(),
        concat(ascii(PUT_ITEM + "Content-Length: " + body.length + "\r\n\r\n"), body));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.text()).contains("Nesting Levels have exceeded supported limits:"
        + " Attributes in the item have nested levels beyond supported limit");
    assertThat(tombstone.dynamoDb().items("limits")).isEmpty();
  }

  @Test
  void s3DeleteObjectsChunkedBeyondEightMebibytes_isMaxMessageLengthExceeded() throws Exception {
    byte[] document = new byte[8 * 1024 * 1024 + 1];
    Arrays.fill(document, (byte) ' ');
    byte[] start = ascii("<Delete><Object><Key>kept</Key></Object></Delete>");
    System.arraycopy(start, 0, document, 0, start.length);

    RawHttp.Answer answer = RawHttp.chunked(tombstone.port(),
        "POST /limits?delete HTTP/1.1\r\nHost: localhost\r\n", document, 64 * 1024);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.text()).contains("<Code>MaxMessageLengthExceeded</Code>");
    assertThat(tombstone.s3().keys("limits")).containsExactly("kept");
  }

  @Test
  void s3BodyRefusedUnread_isDiscarded_soTheAnswerArrivesAndTheConnectionServesOn()
      throws Exception {
    byte[] document = new byte[9 * 1024 * 1024];
    Arrays.fill(document, (byte) ' ');

    try (java.net.Socket socket = RawHttp.open(tombstone.port())) {
      java.io.OutputStream out = socket.getOutputStream();
      // Refused on its declared length: the server answers without needing the body, but
      // reads and drops it, so this write completes and the answer is not lost to a reset.
      out.write(ascii("POST /limits?delete HTTP/1.1\r\nHost: localhost\r\nContent-Length: "
          + document.length + "\r\n\r\n"));
      out.write(document);
      RawHttp.Answer refused = RawHttp.read(socket.getInputStream());
      out.write(ascii("GET /limits/kept HTTP/1.1\r\nHost: localhost\r\n\r\n"));
      RawHttp.Answer next = RawHttp.read(socket.getInputStream());

      assertThat(refused.status()).isEqualTo(400);
      assertThat(refused.text()).contains("<Code>MaxMessageLengthExceeded</Code>");
      assertThat(next.status()).isEqualTo(200);
      assertThat(next.text()).endsWith("still here");
    }
  }

  @Test
  void s3DeleteObjectsNestedDeep_isMalformedXml() throws Exception {
    byte[] document = ascii("<Delete>" + "<Object>".repeat(5_000) + "</Object>".repeat(5_000)
        + "</Delete>");

    RawHttp.Answer answer = s3Post("/limits?delete", document);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.text()).contains("<Code>MalformedXML</Code>");
    assertThat(tombstone.s3().keys("limits")).containsExactly("kept");
  }

  @Test
  void s3DeleteObjectsWithAnExternalEntity_isMalformedXml_andReadsNoFile() throws Exception {
    byte[] document = ascii("<?xml version=\"1.0\"?><!DOCTYPE Delete [<!ENTITY k SYSTEM "
        + "\"file:///etc/hostname\">]><Delete><Object><Key>&k;</Key></Object></Delete>");

    RawHttp.Answer answer = s3Post("/limits?delete", document);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.text()).contains("<Code>MalformedXML</Code>");
    assertThat(tombstone.s3().keys("limits")).containsExactly("kept");
  }

  @Test
  void s3DeleteObjectsWithEntityExpansion_isMalformedXml() throws Exception {
    byte[] document = ascii("<?xml version=\"1.0\"?><!DOCTYPE Delete [<!ENTITY a \"kept\">"
        + "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>"
        + "<Delete><Object><Key>&b;</Key></Object></Delete>");

    RawHttp.Answer answer = s3Post("/limits?delete", document);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.text()).contains("<Code>MalformedXML</Code>");
    assertThat(tombstone.s3().keys("limits")).containsExactly("kept");
  }

  @Test
  void s3CompleteMultipartUploadNestedDeep_isMalformedXml_andTheUploadStaysOpen()
      throws Exception {
    String uploadId = tombstone.s3().createMultipartUpload("limits", "big",
        dev.tombstone.s3.ObjectMetadata.DEFAULT, java.util.Optional.empty()).uploadId();
    byte[] document = ascii("<CompleteMultipartUpload>" + "<Part>".repeat(5_000)
        + "</Part>".repeat(5_000) + "</CompleteMultipartUpload>");

    RawHttp.Answer answer = s3Post("/limits/big?uploadId=" + uploadId, document);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.text()).contains("<Code>MalformedXML</Code>");
    assertThat(tombstone.s3().multipartUploads("limits")).hasSize(1);
  }

  @Test
  void s3VersioningWithADtd_isMalformedXml_andVersioningStaysOff() throws Exception {
    byte[] document = ascii("<?xml version=\"1.0\"?><!DOCTYPE VersioningConfiguration>"
        + "<VersioningConfiguration><Status>Enabled</Status></VersioningConfiguration>");

    RawHttp.Answer answer = RawHttp.send(tombstone.port(), concat(ascii(
        "PUT /limits?versioning HTTP/1.1\r\nHost: localhost\r\nContent-MD5: " + md5(document)
            + "\r\nContent-Length: "
            + document.length + "\r\n\r\n"), document));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.text()).contains("<Code>MalformedXML</Code>");
    assertThat(tombstone.s3().versioning("limits")).isNotEqualTo(Versioning.ENABLED);
  }

  @Test
  void s3HeaderSectionOverEightKibibytes_isRequestHeaderSectionTooLarge() throws Exception {
    RawHttp.Answer answer = RawHttp.send(tombstone.port(), ascii(
        "DELETE /limits/kept HTTP/1.1\r\nHost: localhost\r\nx-amz-meta-pad: "
            + "p".repeat(8200) + "\r\n\r\n"));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.text()).contains("<Code>RequestHeaderSectionTooLarge</Code><Message>Your"
        + " request header section exceeds the maximum allowed size.</Message>"
        + "<MaxSizeAllowed>8192</MaxSizeAllowed><RequestId>");
    assertThat(tombstone.s3().keys("limits")).containsExactly("kept");
  }

  @Test
  void s3HeaderSectionJustUnderTheLimit_isServed() throws Exception {
    RawHttp.Answer answer = RawHttp.send(tombstone.port(), ascii(
        "DELETE /limits/kept HTTP/1.1\r\nHost: localhost\r\nx-amz-meta-pad: "
            + "p".repeat(8000) + "\r\n\r\n"));

    assertThat(answer.status()).isEqualTo(204);
    assertThat(tombstone.s3().keys("limits")).isEmpty();
  }

  @Test
  void requestHeadBeyondSixtyFourKibibytes_isRefusedByTheHttpLayer_forDynamoDb()
      throws Exception {
    byte[] body = ascii("{\"TableName\":\"limits\",\"Item\":{\"id\":{\"S\":\"x\"}}}");
    RawHttp.Answer answer = RawHttp.send(tombstone.port(), concat(ascii(PUT_ITEM
        + "X-Padding: " + "p".repeat(HeaderLimits.SERVER_MAX_HEAD) + "\r\nContent-Length: "
        + body.length + "\r\n\r\n"), body));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(tombstone.dynamoDb().items("limits")).isEmpty();
  }

  private RawHttp.Answer s3Post(String target, byte[] document) throws Exception {
    return RawHttp.send(tombstone.port(), concat(ascii("POST " + target
        + " HTTP/1.1\r\nHost: localhost\r\nContent-MD5: " + md5(document)
        + "\r\nContent-Length: " + document.length + "\r\n\r\n"), document));
  }

  static String md5(byte[] document) throws Exception {
    return java.util.Base64.getEncoder().encodeToString(
        java.security.MessageDigest.getInstance("MD5").digest(document));
  }

  static byte[] concat(byte[] head, byte[] body) {
    byte[] all = Arrays.copyOf(head, head.length + body.length);
    System.arraycopy(body, 0, all, head.length, body.length);
    return all;
  }
}
