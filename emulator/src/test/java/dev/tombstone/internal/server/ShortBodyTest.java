package dev.tombstone.internal.server;

import static dev.tombstone.internal.server.RawHttp.ascii;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.Tombstone;
import dev.tombstone.dynamodb.Item;
import dev.tombstone.dynamodb.KeyAttribute;
import dev.tombstone.dynamodb.KeySchema;
import dev.tombstone.faults.Fault;
import dev.tombstone.testing.RunningTombstone;
import java.io.IOException;
import java.net.Socket;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A body shorter than its {@code Content-Length} (or a chunked body without its last chunk)
 * whose client then half-closes the connection: S3 answers {@code 400 IncompleteBody}, the
 * JSON protocols close the connection without an answer, and nothing changes, whether the
 * end of the stream arrives with the body or after it.
 */
class ShortBodyTest {
  private static final String DELETE_ITEM =
      "{\"TableName\":\"short\",\"Key\":{\"pk\":{\"S\":\"a\"}}}";

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  private final Tombstone tombstone = server.tombstone();

  @BeforeEach
  void seed() {
    tombstone.dynamoDb().createTable("short", KeySchema.of(KeyAttribute.s("pk")));
    tombstone.dynamoDb().putItem("short", Item.builder().put("pk", "a").build());
    tombstone.s3().createBucket("short");
    tombstone.s3().putObject("short", "kept", "still here");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 300})
  void dynamoDbBodyShorterThanItsLength_isClosedUnanswered_andDeletesNothing(int pauseMillis)
      throws Exception {
    RawHttp.Answer answer = sendAndHalfClose(dynamoDbHead("DynamoDB_20120810.DeleteItem", 1000)
        + DELETE_ITEM, pauseMillis);

    assertThat(answer).isEqualTo(RawHttp.Answer.CLOSED);
    assertThat(tombstone.dynamoDb().items("short")).hasSize(1);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 300})
  void legacyDynamoDbBodyShorterThanItsLength_isClosedUnanswered_andDeletesNothing(
      int pauseMillis) throws Exception {
    RawHttp.Answer answer = sendAndHalfClose(dynamoDbHead("DynamoDB_20111205.DeleteItem", 1000)
        + "{\"TableName\":\"short\",\"Key\":{\"HashKeyElement\":{\"S\":\"a\"}}}", pauseMillis);

    assertThat(answer).isEqualTo(RawHttp.Answer.CLOSED);
    assertThat(tombstone.dynamoDb().items("short")).hasSize(1);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 300})
  void dynamoDbChunkedBodyWithoutItsLastChunk_isClosedUnanswered(int pauseMillis)
      throws Exception {
    RawHttp.Answer answer = sendAndHalfClose(dynamoDbHeadChunked("DynamoDB_20120810.DeleteItem")
        + Integer.toHexString(DELETE_ITEM.length()) + "\r\n" + DELETE_ITEM + "\r\n", pauseMillis);

    assertThat(answer).isEqualTo(RawHttp.Answer.CLOSED);
    assertThat(tombstone.dynamoDb().items("short")).hasSize(1);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 300})
  void dynamoDbBodyShorterThanItsLength_underAFaultRule_isClosedUnanswered(int pauseMillis)
      throws Exception {
    // A rule for the operation makes the fault layer read the body first.
    tombstone.faults().dynamoDb("DeleteItem").table("elsewhere").respond(Fault.THROTTLED);

    RawHttp.Answer answer = sendAndHalfClose(dynamoDbHead("DynamoDB_20120810.DeleteItem", 1000)
        + DELETE_ITEM, pauseMillis);

    assertThat(answer).isEqualTo(RawHttp.Answer.CLOSED);
    assertThat(tombstone.dynamoDb().items("short")).hasSize(1);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 300})
  void magnetoDbBodyShorterThanItsLength_isClosedUnanswered_andCreatesNothing(int pauseMillis)
      throws Exception {
    String create = "{\"table_name\":\"Made\","
        + "\"attribute_definitions\":[{\"attribute_name\":\"a\",\"attribute_type\":\"S\"}],"
        + "\"key_schema\":[{\"attribute_name\":\"a\",\"key_type\":\"HASH\"}]}";

    RawHttp.Answer answer = sendAndHalfClose("POST /v1/data/p1/tables HTTP/1.1\r\n"
        + "Host: localhost\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n"
        + create, pauseMillis);

    assertThat(answer).isEqualTo(RawHttp.Answer.CLOSED);
    RawHttp.Answer tables = RawHttp.send(tombstone.port(),
        ascii("GET /v1/data/p1/tables HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"));
    assertThat(tables.status()).isEqualTo(200);
    assertThat(tables.text()).doesNotContain("Made");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 300})
  void s3PutShorterThanItsLength_isIncompleteBody_andStoresNothing(int pauseMillis)
      throws Exception {
    RawHttp.Answer answer = sendAndHalfClose("PUT /short/cut HTTP/1.1\r\nHost: localhost\r\n"
        + "Content-Length: 100\r\n\r\nabc", pauseMillis);

    assertIncompleteBody(answer);
    assertThat(tombstone.s3().keys("short")).containsExactly("kept");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 300})
  void s3PutOfSomeHundredKilobytes_shorterThanItsLength_isIncompleteBody(int pauseMillis)
      throws Exception {
    // Over the 64 KiB read into an array of the declared size, under the 1 MiB read before a
    // worker is taken.
    RawHttp.Answer answer = sendAndHalfClose("PUT /short/cut HTTP/1.1\r\nHost: localhost\r\n"
        + "Content-Length: 300000\r\n\r\n" + "x".repeat(100_000), pauseMillis);

    assertIncompleteBody(answer);
    assertThat(tombstone.s3().keys("short")).containsExactly("kept");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 300})
  void s3DeleteObjectsDocumentShorterThanItsLength_isIncompleteBody_andDeletesNothing(
      int pauseMillis) throws Exception {
    String document = "<Delete><Object><Key>kept</Key></Object></Delete>";

    RawHttp.Answer answer = sendAndHalfClose("POST /short?delete HTTP/1.1\r\nHost: localhost\r\n"
        + "Content-Length: " + (document.length() + 50) + "\r\n\r\n" + document, pauseMillis);

    assertIncompleteBody(answer);
    assertThat(tombstone.s3().keys("short")).containsExactly("kept");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 300})
  void s3DeleteObjectsShorterThanItsLength_underAFaultRule_isIncompleteBody(int pauseMillis)
      throws Exception {
    // A rule for DeleteObjects makes the fault layer read the document first.
    tombstone.faults().s3("DeleteObjects").bucket("elsewhere").respond(Fault.THROTTLED);
    String document = "<Delete><Object><Key>kept</Key></Object></Delete>";

    RawHttp.Answer answer = sendAndHalfClose("POST /short?delete HTTP/1.1\r\nHost: localhost\r\n"
        + "Content-Length: " + (document.length() + 50) + "\r\n\r\n" + document, pauseMillis);

    assertIncompleteBody(answer);
    assertThat(tombstone.s3().keys("short")).containsExactly("kept");
  }

  private static void assertIncompleteBody(RawHttp.Answer answer) {
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.text()).contains("<Code>IncompleteBody</Code>",
        "You did not provide the number of bytes specified by the Content-Length HTTP header");
  }

  private static String dynamoDbHead(String target, int length) {
    return "POST / HTTP/1.1\r\nHost: localhost\r\nX-Amz-Target: " + target + "\r\n"
        + "Content-Type: application/x-amz-json-1.0\r\nContent-Length: " + length + "\r\n\r\n";
  }

  private static String dynamoDbHeadChunked(String target) {
    return "POST / HTTP/1.1\r\nHost: localhost\r\nX-Amz-Target: " + target + "\r\n"
        + "Content-Type: application/x-amz-json-1.0\r\nTransfer-Encoding: chunked\r\n\r\n";
  }

  /** Writes {@code request}, waits, half-closes, and reads what comes back. */
  private RawHttp.Answer sendAndHalfClose(String request, int pauseMillis)
      throws IOException, InterruptedException {
    try (Socket socket = RawHttp.open(tombstone.port())) {
      socket.getOutputStream().write(ascii(request));
      socket.getOutputStream().flush();
      if (pauseMillis > 0) {
        Thread.sleep(pauseMillis);
      }
      socket.shutdownOutput();
      return RawHttp.read(socket.getInputStream());
    }
  }
}
