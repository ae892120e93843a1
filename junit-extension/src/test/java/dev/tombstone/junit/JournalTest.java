package dev.tombstone.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;

class JournalTest {

  @TombstoneTest
  @DynamoDbTable(name = "users", partitionKey = "UserId")
  static class Failing {
    @Test
    void deletesTheWrongUser(DynamoDbClient dynamo, S3Client s3) {
      dynamo.deleteItem(b -> b.tableName("users").key(Map.of("UserId", AttributeValue.fromS("u2"))));
      s3.listBuckets();
      throw new AssertionError("user u1 still there");
    }
  }

  @Test
  void failedTest_carriesTheRequestsItSent() {
    Throwable failure = Kit.onlyFailure(Kit.run(Failing.class));

    assertThat(failure).hasMessage("user u1 still there");
    assertThat(failure.getSuppressed()).singleElement().satisfies(journal -> assertThat(
        journal.getMessage())
        .startsWith("Requests this test sent to Tombstone at http://127.0.0.1:")
        .containsPattern("\\R  1\\. POST / DynamoDB_20120810\\.DeleteItem -> 200"
            + " \\{\"TableName\":\"users\",\"Key\":\\{\"UserId\":\\{\"S\":\"u2\"}}}")
        .containsPattern("\\R  2\\. GET / -> 200$"));
  }

  @TombstoneTest
  static class FailingWithoutRequests {
    @Test
    void neverCallsTheEmulator() {
      throw new AssertionError("boom");
    }
  }

  @Test
  void failedTestWithoutRequests_saysSo() {
    Throwable failure = Kit.onlyFailure(Kit.run(FailingWithoutRequests.class));

    assertThat(failure.getSuppressed()).singleElement().satisfies(journal -> assertThat(
        journal.getMessage()).startsWith("This test sent no requests to Tombstone at http://")
        .endsWith("(is the code under test using the injected clients or endpoint?)"));
  }

  @TombstoneTest(journalOnFailure = false)
  static class JournalOff {
    @Test
    void fails(DynamoDbClient dynamo) {
      dynamo.listTables();
      throw new AssertionError("boom");
    }
  }

  @Test
  void journalOnFailureFalse_leavesTheFailureAlone() {
    assertThat(Kit.onlyFailure(Kit.run(JournalOff.class)).getSuppressed()).isEmpty();
  }
}
