package dev.tombstone.internal.server;

import static dev.tombstone.internal.server.RawHttp.ascii;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.Tombstone;
import dev.tombstone.dynamodb.Item;
import dev.tombstone.dynamodb.KeyAttribute;
import dev.tombstone.dynamodb.KeySchema;
import dev.tombstone.testing.RunningTombstone;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A request with a DynamoDB {@code X-Amz-Target} that is not a POST gets DynamoDB's 404 and
 * runs nothing; requests without the header still go to S3 whatever their method.
 */
class NotPostToDynamoDbTest {
  private static final String DELETE_ITEM =
      "{\"TableName\":\"methods\",\"Key\":{\"pk\":{\"S\":\"a\"}}}";

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  private final Tombstone tombstone = server.tombstone();

  @BeforeEach
  void seed() {
    tombstone.dynamoDb().createTable("methods", KeySchema.of(KeyAttribute.s("pk")));
    tombstone.dynamoDb().putItem("methods", Item.builder().put("pk", "a").build());
  }

  @ParameterizedTest
  @ValueSource(strings = {"GET", "PUT", "DELETE", "PATCH"})
  void nonPostWithADynamoDbTarget_is404UnknownOperation_andDeletesNothing(String method)
      throws Exception {
    RawHttp.Answer answer = RawHttp.send(tombstone.port(), ascii(method + " / HTTP/1.1\r\n"
        + "Host: localhost\r\nX-Amz-Target: DynamoDB_20120810.DeleteItem\r\n"
        + "Content-Type: application/x-amz-json-1.0\r\nConnection: close\r\n"
        + "Content-Length: " + DELETE_ITEM.length() + "\r\n\r\n" + DELETE_ITEM));

    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.text()).contains("x-amz-crc32: 3552371480", "Content-Length: 29")
        .endsWith("\r\n\r\n<UnknownOperationException/>\n");
    assertThat(tombstone.dynamoDb().items("methods")).hasSize(1);
  }

  @Test
  void legacyDialectTarget_isRefusedTheSameWay() throws Exception {
    RawHttp.Answer answer = RawHttp.send(tombstone.port(), ascii("DELETE / HTTP/1.1\r\n"
        + "Host: localhost\r\nX-Amz-Target: DynamoDB_20111205.DeleteItem\r\n"
        + "Connection: close\r\nContent-Length: 0\r\n\r\n"));

    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.text()).endsWith("<UnknownOperationException/>\n");
  }

  @Test
  void requestsWithoutATarget_stillGoToS3() throws Exception {
    RawHttp.Answer created = RawHttp.send(tombstone.port(), ascii("PUT /methods-bucket HTTP/1.1\r\n"
        + "Host: localhost\r\nConnection: close\r\nContent-Length: 0\r\n\r\n"));
    RawHttp.Answer listed = RawHttp.send(tombstone.port(), ascii("GET / HTTP/1.1\r\n"
        + "Host: localhost\r\nConnection: close\r\n\r\n"));

    assertThat(created.status()).isEqualTo(200);
    assertThat(listed.status()).isEqualTo(200);
    assertThat(listed.text()).contains("<Name>methods-bucket</Name>");
  }
}
