package dev.tombstone.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.Tombstone;
import dev.tombstone.dynamodb.KeyAttribute;
import dev.tombstone.dynamodb.KeySchema;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Which tests share an emulator when JUnit runs tests in parallel (QA8 findings 1 to 3). */
class ParallelTest {
  static final Map<String, String> PARALLEL = Map.of(
      "junit.jupiter.execution.parallel.enabled", "true",
      "junit.jupiter.execution.parallel.mode.default", "concurrent",
      "junit.jupiter.execution.parallel.config.strategy", "fixed",
      "junit.jupiter.execution.parallel.config.fixed.parallelism", "4");

  static final Set<Tombstone> EMULATORS =
      Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));

  @BeforeEach
  void clear() {
    EMULATORS.clear();
  }

  /**
   * The outer class's tests run one after the other on its thread; the nested class may run
   * alongside them, its own tests again one after the other.
   */
  @TombstoneTest
  @Execution(ExecutionMode.SAME_THREAD)
  @DynamoDbTable(name = "users", partitionKey = "id")
  static class OuterAndConcurrentNested {
    /** Opened once an outer and a nested test both got here: they overlap. */
    static volatile CountDownLatch twoRunning = new CountDownLatch(2);

    static void putAndWait(String id, DynamoDbClient dynamo, Tombstone tombstone)
        throws InterruptedException {
      EMULATORS.add(tombstone);
      dynamo.putItem(b -> b.tableName("users").item(Map.of("id", AttributeValue.fromS(id))));

      CountDownLatch latch = twoRunning;
      latch.countDown();
      assertThat(latch.await(60, TimeUnit.SECONDS)).as("another test running meanwhile").isTrue();

      assertThat(tombstone.dynamoDb().items("users")).as("items seen by " + id).hasSize(1);
    }

    @Test
    void outer(DynamoDbClient dynamo, Tombstone tombstone) throws InterruptedException {
      putAndWait("outer", dynamo, tombstone);
    }

    @Nested
    @Execution(ExecutionMode.CONCURRENT)
    class Inner {
      @Test
      @Execution(ExecutionMode.SAME_THREAD)
      void first(DynamoDbClient dynamo, Tombstone tombstone) throws InterruptedException {
        putAndWait("first", dynamo, tombstone);
      }

      @Test
      @Execution(ExecutionMode.SAME_THREAD)
      void second(DynamoDbClient dynamo, Tombstone tombstone) throws InterruptedException {
        putAndWait("second", dynamo, tombstone);
      }
    }
  }

  @Test
  void aNestedClassRunningAlongsideTheOuterTests_hasAnEmulatorOfItsOwn_sharedByItsTests() {
    OuterAndConcurrentNested.twoRunning = new CountDownLatch(2);

    EngineExecutionResults results = Kit.run(OuterAndConcurrentNested.class, PARALLEL);

    results.testEvents().assertStatistics(s -> s.succeeded(3).failed(0));
    assertThat(EMULATORS).hasSize(2);
  }

  @TombstoneTest
  @Execution(ExecutionMode.CONCURRENT)
  static class ConcurrentWithoutParallelExecution {
    @RepeatedTest(3)
    void test(Tombstone tombstone) {
      EMULATORS.add(tombstone);
      assertThat(tombstone.dynamoDb().tableNames()).isEmpty();
      tombstone.dynamoDb().createTable("orders", KeySchema.of(KeyAttribute.s("Id")));
    }
  }

  @Test
  void withoutParallelExecution_concurrentTestsRunOneAfterTheOther_andShareTheClassEmulator() {
    Kit.run(ConcurrentWithoutParallelExecution.class).testEvents()
        .assertStatistics(s -> s.succeeded(3).failed(0));

    assertThat(EMULATORS).hasSize(1);
  }

  @TombstoneTest
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  @Execution(ExecutionMode.CONCURRENT)
  static class InjectedFieldsOfASharedInstance {
    @Injected Tombstone tombstone;

    @Test
    void a() {}

    @Test
    void b() {}
  }

  @Test
  void injectedFieldsOfAPerClassInstance_withConcurrentTests_areRefused() {
    EngineExecutionResults results = Kit.run(InjectedFieldsOfASharedInstance.class, PARALLEL);

    results.testEvents().assertStatistics(s -> s.succeeded(0).failed(2));
    assertThat(failures(results)).allSatisfy(failure -> assertThat(failure)
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessage("Tombstone: @Injected field " + InjectedFieldsOfASharedInstance.class.getName()
            + ".tombstone is set for each test, but "
            + InjectedFieldsOfASharedInstance.class.getName() + " has"
            + " @TestInstance(Lifecycle.PER_CLASS) and its tests may run at the same time, each"
            + " with an emulator of its own, so one test would overwrite the field another is"
            + " using. Inject into test or @BeforeEach method parameters instead, or run the"
            + " class's tests one after the other with @Execution(ExecutionMode.SAME_THREAD)"));
  }

  @TombstoneTest
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  @Execution(ExecutionMode.CONCURRENT)
  static class InjectedFieldsOfASharedInstanceOnOneThread {
    @Injected Tombstone tombstone;

    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    void a(Tombstone parameter) {
      assertThat(tombstone).isSameAs(parameter);
      EMULATORS.add(parameter);
    }

    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    void b(Tombstone parameter) {
      assertThat(tombstone).isSameAs(parameter);
      EMULATORS.add(parameter);
    }
  }

  @Test
  void injectedFieldsOfAPerClassInstance_withTestsOnOneThread_shareTheClassEmulator() {
    Kit.run(InjectedFieldsOfASharedInstanceOnOneThread.class, PARALLEL).testEvents()
        .assertStatistics(s -> s.succeeded(2).failed(0));

    assertThat(EMULATORS).hasSize(1);
  }

  @TombstoneTest(resetBeforeEach = false)
  @Execution(ExecutionMode.CONCURRENT)
  static class BeforeAllWithConcurrentTests {
    @BeforeAll
    static void seed(Tombstone tombstone) {
      tombstone.dynamoDb().createTable("reference", KeySchema.of(KeyAttribute.s("id")));
    }

    @Test
    void a() {}

    @Test
    void b() {}
  }

  @Test
  void beforeAllInjection_withConcurrentTests_failsTheTests_insteadOfLosingItsState() {
    EngineExecutionResults results = Kit.run(BeforeAllWithConcurrentTests.class, PARALLEL);

    results.testEvents().assertStatistics(s -> s.succeeded(0).failed(2));
    assertThat(failures(results)).allSatisfy(failure -> assertThat(failure)
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessageStartingWith("Tombstone: ")
        .hasMessageContaining(" may run at the same time as other tests of "
            + BeforeAllWithConcurrentTests.class.getName() + ", so it has an emulator of its own"
            + " and would not see what was set up in the one parameter ")
        .hasMessageContaining(".seed(dev.tombstone.Tombstone) was given. Set up per-test state"
            + " in @BeforeEach, or run these tests one after the other with"
            + " @Execution(ExecutionMode.SAME_THREAD) on the class"));
  }

  @TombstoneTest(resetBeforeEach = false)
  @Execution(ExecutionMode.CONCURRENT)
  static class BeforeAllWithTestsOnOneThread {
    @BeforeAll
    static void seed(Tombstone tombstone) {
      tombstone.dynamoDb().createTable("reference", KeySchema.of(KeyAttribute.s("id")));
    }

    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    void a(DynamoDbClient dynamo) {
      assertThat(dynamo.listTables().tableNames()).containsExactly("reference");
    }

    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    void b(DynamoDbClient dynamo) {
      assertThat(dynamo.listTables().tableNames()).containsExactly("reference");
    }
  }

  @Test
  void beforeAllInjection_withTestsOnOneThread_isSeenByTheTests() {
    Kit.run(BeforeAllWithTestsOnOneThread.class, PARALLEL).testEvents()
        .assertStatistics(s -> s.succeeded(2).failed(0));
  }

  private static java.util.List<Throwable> failures(EngineExecutionResults results) {
    return results.testEvents().failed().stream()
        .map(e -> e.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow())
        .toList();
  }
}
