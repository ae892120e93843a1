package dev.tombstone.internal.server;

import static dev.tombstone.internal.server.RawHttp.ascii;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.testing.RunningTombstone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The content type of DynamoDB's answers: {@code application/x-amz-json-1.0} only when the request
 * named it; {@code application/json} for a request with {@code application/json} or with no
 * content type at all (dynalite test/connection.js, 'should return UnknownOperationException if
 * incorrect target operation').
 */
class DynamoDbContentTypeTest {
  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  @Test
  void unknownOperationWithoutAContentType_isApplicationJson() throws Exception {
    RawHttp.Answer answer = post("DynamoDB_20120810.ListTable", null, "");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.text()).contains("Content-Type: application/json\r\n",
        "x-amz-crc32: 1368724161")
        .endsWith("{\"__type\":\"com.amazon.coral.service#UnknownOperationException\"}");
  }

  @Test
  void theRequestsOwnJsonType_comesBack() throws Exception {
    assertThat(post("DynamoDB_20120810.ListTable", "application/x-amz-json-1.0", "{}").text())
        .contains("Content-Type: application/x-amz-json-1.0\r\n");
    assertThat(post("DynamoDB_20120810.ListTables", "application/json; charset=utf-8", "{}")
        .text()).contains("Content-Type: application/json\r\n");
  }

  private static RawHttp.Answer post(String target, String contentType, String body)
      throws Exception {
    return RawHttp.send(server.tombstone().port(), ascii("POST / HTTP/1.1\r\nHost: localhost\r\n"
        + "X-Amz-Target: " + target + "\r\n"
        + (contentType == null ? "" : "Content-Type: " + contentType + "\r\n")
        + "Connection: close\r\nContent-Length: " + body.length() + "\r\n\r\n" + body));
  }
}
