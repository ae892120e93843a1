package dev.tombstone.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.ManualClock;
import dev.tombstone.RecordedRequest;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
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

  @TombstoneTest
  static class FailingBeforeEach {
    @BeforeEach
    void describeAMissingTable(DynamoDbClient dynamo) {
      dynamo.describeTable(b -> b.tableName("nosuch"));
    }

    @Test
    void test() {}
  }

  @Test
  void failedBeforeEach_carriesTheRequestsSentSoFar() {
    Throwable failure = Kit.onlyFailure(Kit.run(FailingBeforeEach.class));

    assertThat(failure).isInstanceOf(ResourceNotFoundException.class);
    assertThat(failure.getSuppressed()).singleElement().satisfies(journal -> assertThat(
        journal.getMessage()).containsPattern(
            "\\R  1\\. POST / DynamoDB_20120810\\.DescribeTable -> 400"));
  }

  @TombstoneTest
  static class FailingAfterEach {
    @AfterEach
    void listAndFail(DynamoDbClient dynamo) {
      dynamo.listTables();
      throw new AssertionError("afterEach boom");
    }

    @Test
    void test() {}
  }

  @Test
  void failedAfterEach_carriesTheJournal() {
    Throwable failure = Kit.onlyFailure(Kit.run(FailingAfterEach.class));

    assertThat(failure).hasMessage("afterEach boom");
    assertThat(failure.getSuppressed()).singleElement().satisfies(journal -> assertThat(
        journal.getMessage()).containsPattern("\\R  1\\. POST / DynamoDB_20120810\\.ListTables"));
  }

  @TombstoneTest
  static class FailingTestAndAfterEach {
    @AfterEach
    void fail() {
      throw new AssertionError("afterEach boom");
    }

    @Test
    void test(DynamoDbClient dynamo) {
      dynamo.listTables();
      throw new AssertionError("test boom");
    }
  }

  @Test
  void failedTestAndAfterEach_carryOneJournal() {
    Throwable failure = Kit.onlyFailure(Kit.run(FailingTestAndAfterEach.class));

    assertThat(failure).hasMessage("test boom");
    assertThat(failure.getSuppressed()).hasSize(2);
    assertThat(failure.getSuppressed()[0]).isInstanceOf(RequestJournal.class);
    assertThat(failure.getSuppressed()[1]).hasMessage("afterEach boom");
    assertThat(failure.getSuppressed()[1].getSuppressed()).isEmpty();
  }

  @TombstoneTest
  static class FailingDynamicTest {
    @TestFactory
    List<DynamicTest> tests(DynamoDbClient dynamo) {
      return List.of(DynamicTest.dynamicTest("lists and fails", () -> {
        dynamo.listTables();
        throw new AssertionError("dynamic boom");
      }));
    }
  }

  @Test
  void failedDynamicTest_carriesTheJournal() {
    Throwable failure = Kit.onlyFailure(Kit.run(FailingDynamicTest.class));

    assertThat(failure).hasMessage("dynamic boom");
    assertThat(failure.getSuppressed()).singleElement().satisfies(journal -> assertThat(
        journal.getMessage()).containsPattern("\\R  1\\. POST / DynamoDB_20120810\\.ListTables"));
  }

  @TombstoneTest
  static class UnresolvableParameter {
    @Test
    void needsAManualClock(ManualClock clock) {}
  }

  @Test
  void unresolvedParameter_carriesNoJournal_theTestNeverRan() {
    Throwable failure = Kit.onlyFailure(Kit.run(UnresolvableParameter.class));

    assertThat(failure).isInstanceOf(ParameterResolutionException.class);
    assertThat(failure.getSuppressed()).isEmpty();
  }

  @Test
  void aFullJournal_saysThatEarlierRequestsAreNotShown() {
    RecordedRequest request = new RecordedRequest(Instant.EPOCH, "GET", "/", "", "", "", 200, "");

    String full = RequestJournal.render("http://127.0.0.1:1",
        Collections.nCopies(RequestJournal.KEPT, request));
    String notFull = RequestJournal.render("http://127.0.0.1:1",
        Collections.nCopies(RequestJournal.KEPT - 1, request));

    assertThat(full).startsWith("Requests this test sent to Tombstone at http://127.0.0.1:1, the"
        + " last 512 only (the journal keeps no more; any earlier ones are not shown):");
    assertThat(notFull).startsWith("Requests this test sent to Tombstone at http://127.0.0.1:1:");
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
