package dev.tombstone.internal.server;

import static dev.tombstone.internal.server.RawHttp.ascii;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.testing.RunningTombstone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The content type of DynamoDB's answers: {@code application/x-amz-json-1.0} only when the request
 * named it; {@code application/json} otherwise, a request with no content type at all included
 * (dynalite test/connection.js, 'should return UnknownOperationException if incorrect target
 * operation'). A body of neither JSON type is not read: 404 {@code <UnknownOperationException/>}
 * (test/connection.js, 'should return 404 if body but no content-type' and '… but incorrect
 * content-type').
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

  @Test
  void anotherTypeWithoutABody_isAnsweredAsApplicationJson() throws Exception {
    RawHttp.Answer answer = post("DynamoDB_20120810.ListTable", "text/plain", "");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.text()).contains("Content-Type: application/json\r\n")
        .endsWith("{\"__type\":\"com.amazon.coral.service#UnknownOperationException\"}");
  }

  @Test
  void aBodyOfAnotherType_isNotReadAndChangesNothing() throws Exception {
    String createTable = "{\"TableName\":\"typed\",\"BillingMode\":\"PAY_PER_REQUEST\","
        + "\"KeySchema\":[{\"AttributeName\":\"id\",\"KeyType\":\"HASH\"}],"
        + "\"AttributeDefinitions\":[{\"AttributeName\":\"id\",\"AttributeType\":\"S\"}]}";
    for (String type : new String[] {"application/x-www-form-urlencoded", "text/plain",
        "application/x-amz-json-1.1", null}) {
      RawHttp.Answer answer = post("DynamoDB_20120810.CreateTable", type, createTable);

      assertThat(answer.status()).as(String.valueOf(type)).isEqualTo(404);
      assertThat(answer.text()).as(String.valueOf(type))
          .contains("x-amz-crc32: 3552371480\r\n", "Content-Length: 29\r\n")
          .doesNotContain("Content-Type")
          .endsWith("\r\n\r\n<UnknownOperationException/>\n");
    }
    assertThat(server.tombstone().dynamoDb().hasTable("typed")).isFalse();
  }

  @Test
  void theTwoJsonTypes_areReadWhateverTheirCaseAndParameters() throws Exception {
    assertThat(post("DynamoDB_20120810.ListTables", " Application/JSON ; charset=utf-8", "{}")
        .status()).isEqualTo(200);
    assertThat(post("DynamoDB_20120810.ListTables", "APPLICATION/X-AMZ-JSON-1.0", "{}").text())
        .startsWith("HTTP/1.1 200").contains("Content-Type: application/x-amz-json-1.0\r\n");
  }

  private static RawHttp.Answer post(String target, String contentType, String body)
      throws Exception {
    return RawHttp.send(server.tombstone().port(), ascii("POST / HTTP/1.1\r\nHost: localhost\r\n"
        + "X-Amz-Target: " + target + "\r\n"
        + (contentType == null ? "" : "Content-Type: " + contentType + "\r\n")
        + "Connection: close\r\nContent-Length: " + body.length() + "\r\n\r\n" + body));
  }
}
