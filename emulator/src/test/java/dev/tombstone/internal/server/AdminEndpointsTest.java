package dev.tombstone.internal.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.Tombstone;
import dev.tombstone.dynamodb.KeyAttribute;
import dev.tombstone.dynamodb.KeySchema;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AdminEndpointsTest {
  static Tombstone tombstone;
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    tombstone = Tombstone.builder().start();
  }

  @AfterAll
  static void stop() {
    tombstone.close();
  }

  static HttpResponse<String> send(String method, String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(tombstone.endpoint().resolve(path))
        .method(method, HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void health_reportsStatusVersionAndServices() throws Exception {
    HttpResponse<String> response = send("GET", "/_tombstone/health");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(response.body()).isEqualTo("{\"status\":\"running\",\"version\":\""
        + Version.current() + "\",\"services\":{\"dynamodb\":\"running\",\"s3\":\"running\"}}");
  }

  @Test
  void localStackHealth_answersInLocalStacksShape() throws Exception {
    HttpResponse<String> response = send("GET", "/_localstack/health");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).startsWith(
        "{\"services\":{\"dynamodb\":\"running\",\"s3\":\"running\"}");
  }

  @Test
  void reset_dropsAllState() throws Exception {
    tombstone.dynamoDb().createTable("table1", KeySchema.of(KeyAttribute.s("k")));

    HttpResponse<String> response = send("POST", "/_tombstone/reset");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(tombstone.dynamoDb().tableNames()).isEmpty();
  }

  @Test
  void wrongMethodsAndUnknownPaths_getClearAnswers() throws Exception {
    assertThat(send("GET", "/_tombstone/reset").statusCode()).isEqualTo(405);
    assertThat(send("DELETE", "/_tombstone/health").statusCode()).isEqualTo(405);
    assertThat(send("GET", "/_tombstone/nothing").statusCode()).isEqualTo(404);
  }

  @Test
  void dynamoDbJsonWithoutTarget_isRoutedToDynamoDb() throws Exception {
    HttpResponse<String> response = HTTP.send(
        HttpRequest.newBuilder(tombstone.endpoint().resolve("/"))
            .header("Content-Type", "application/x-amz-json-1.0; charset=utf-8")
            .POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body())
        .isEqualTo("{\"__type\":\"com.amazon.coral.service#UnknownOperationException\"}");
  }
}
