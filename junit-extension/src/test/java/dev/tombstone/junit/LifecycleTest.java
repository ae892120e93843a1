package dev.tombstone.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.tombstone.Tombstone;
import dev.tombstone.dynamodb.Item;
import dev.tombstone.dynamodb.KeyAttribute;
import dev.tombstone.dynamodb.KeySchema;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

class LifecycleTest {
  /**
   * The emulators the tests saw, by identity: two emulators that run one after the other may
   * well get the same ephemeral port, so ports do not tell them apart.
   */
  static final Set<Tombstone> EMULATORS =
      Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));
  static volatile Tombstone captured;
  static volatile DynamoDbAsyncClient capturedClient;

  @BeforeEach
  void clear() {
    EMULATORS.clear();
    captured = null;
    capturedClient = null;
  }

  @ExtendWith(TombstoneExtension.class)
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class SharedPerClass {
    @Test
    @Order(1)
    void first_createsATable(Tombstone tombstone) {
      EMULATORS.add(tombstone);
      tombstone.dynamoDb().createTable("orders", KeySchema.of(KeyAttribute.s("Id")));
      tombstone.s3().createBucket("uploads");
    }

    @Test
    @Order(2)
    void second_seesAFreshState(Tombstone tombstone, DynamoDbClient dynamo,
        DynamoDbAsyncClient async) {
      EMULATORS.add(tombstone);
      captured = tombstone;
      capturedClient = async;
      assertThat(tombstone.dynamoDb().tableNames()).isEmpty();
      assertThat(tombstone.s3().bucketNames()).isEmpty();
      assertThat(dynamo.listTables().tableNames()).isEmpty();
    }
  }

  @Test
  void perClass_sharesOneEmulator_resetsBeforeEachTest_andClosesEverythingAfterTheClass() {
    EngineExecutionResults results = Kit.run(SharedPerClass.class);

    results.testEvents().assertStatistics(s -> s.succeeded(2).failed(0));
    assertThat(EMULATORS).hasSize(1);
    assertThat(isListening(captured.port())).isFalse();
    Throwable closed = catchThrowable(() -> capturedClient.listTables().join());
    // A closed Netty client refuses work before any connection attempt.
    assertThat(closed).hasRootCauseInstanceOf(RejectedExecutionException.class)
        .hasMessageContaining("event executor terminated");
  }

  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class WithoutReset {
    @RegisterExtension
    static final TombstoneExtension TOMBSTONE =
        TombstoneExtension.builder().resetBeforeEach(false).build();

    @Test
    @Order(1)
    void first(Tombstone tombstone) {
      tombstone.dynamoDb().createTable("kept", KeySchema.of(KeyAttribute.s("Id")));
    }

    @Test
    @Order(2)
    void second(Tombstone tombstone) {
      assertThat(tombstone.dynamoDb().tableNames()).containsExactly("kept");
    }
  }

  @Test
  void resetBeforeEachFalse_keepsStateBetweenTests() {
    Kit.run(WithoutReset.class).testEvents().assertStatistics(s -> s.succeeded(2).failed(0));
  }

  @TombstoneTest(lifecycle = Lifecycle.PER_METHOD)
  static class PerMethod {
    final Tombstone fromConstructor;

    PerMethod(Tombstone fromConstructor) {
      this.fromConstructor = fromConstructor;
    }

    @RepeatedTest(3)
    void eachTestHasItsOwnEmulator(Tombstone tombstone, URI endpoint) {
      assertThat(tombstone).isSameAs(fromConstructor);
      assertThat(endpoint).isEqualTo(tombstone.endpoint());
      EMULATORS.add(tombstone);
      tombstone.dynamoDb().createTable("orders", KeySchema.of(KeyAttribute.s("Id")));
    }
  }

  @Test
  void perMethod_startsAnEmulatorForEachTest_andInjectsItIntoTheConstructor() {
    Kit.run(PerMethod.class).testEvents().assertStatistics(s -> s.succeeded(3).failed(0));

    assertThat(EMULATORS).hasSize(3);
  }

  @TombstoneTest(lifecycle = Lifecycle.PER_JVM)
  static class PerJvmA {
    @Test
    void one(Tombstone tombstone) {
      EMULATORS.add(tombstone);
      assertThat(tombstone.dynamoDb().tableNames()).isEmpty();
      tombstone.dynamoDb().createTable("aaa", KeySchema.of(KeyAttribute.s("Id")));
    }
  }

  @TombstoneTest(lifecycle = Lifecycle.PER_JVM)
  static class PerJvmB {
    @Test
    void two(Tombstone tombstone) {
      EMULATORS.add(tombstone);
      assertThat(tombstone.dynamoDb().tableNames()).isEmpty();
    }
  }

  @Test
  void perJvm_sharesOneEmulatorAcrossClasses() {
    EngineExecutionResults results = org.junit.platform.testkit.engine.EngineTestKit
        .engine("junit-jupiter")
        .selectors(org.junit.platform.engine.discovery.DiscoverySelectors.selectClass(PerJvmA.class),
            org.junit.platform.engine.discovery.DiscoverySelectors.selectClass(PerJvmB.class))
        .execute();

    results.testEvents().assertStatistics(s -> s.succeeded(2).failed(0));
    assertThat(EMULATORS).hasSize(1);
  }

  @TombstoneTest
  static class Outer {
    @Test
    void outer(Tombstone tombstone) {
      EMULATORS.add(tombstone);
    }

    @Nested
    class Inner {
      @Test
      void inner(Tombstone tombstone) {
        EMULATORS.add(tombstone);
      }
    }
  }

  @Test
  void nestedClasses_shareTheOuterEmulator() {
    Kit.run(Outer.class).testEvents().assertStatistics(s -> s.succeeded(2).failed(0));

    assertThat(EMULATORS).hasSize(1);
  }

  @TombstoneTest
  @Execution(ExecutionMode.CONCURRENT)
  static class Parallel {
    /**
     * Opened by the second test to get here. Requiring all four at once made the test hang when
     * JUnit's fork-join pool happened to run fewer of them concurrently, which it may.
     */
    static volatile CountDownLatch twoRunning = new CountDownLatch(2);

    @RepeatedTest(4)
    void parallelTests_neverSeeEachOthersData(Tombstone tombstone, DynamoDbClient dynamo)
        throws Exception {
      EMULATORS.add(tombstone);
      tombstone.dynamoDb().createTable("orders", KeySchema.of(KeyAttribute.s("Id")));
      String mine = Thread.currentThread().getName() + "-" + System.nanoTime();
      tombstone.dynamoDb().putItem("orders", Item.builder().put("Id", mine).build());
      tombstone.s3().createBucket("uploads");
      tombstone.s3().putObject("uploads", mine, "x");

      // The first two run at once here; a shared emulator would now hold two items or have
      // failed to create the table a second time.
      CountDownLatch latch = twoRunning;
      latch.countDown();
      assertThat(latch.await(60, TimeUnit.SECONDS)).as("another test running meanwhile").isTrue();

      assertThat(dynamo.scan(b -> b.tableName("orders")).items()).hasSize(1);
      assertThat(tombstone.s3().keys("uploads")).containsExactly(mine);
    }
  }

  @Test
  void concurrentTests_eachGetTheirOwnEmulator() {
    Parallel.twoRunning = new CountDownLatch(2);
    EngineExecutionResults results = Kit.run(Parallel.class, Map.of(
        "junit.jupiter.execution.parallel.enabled", "true",
        "junit.jupiter.execution.parallel.config.strategy", "fixed",
        "junit.jupiter.execution.parallel.config.fixed.parallelism", "4"));

    results.testEvents().assertStatistics(s -> s.succeeded(4).failed(0));
    assertThat(EMULATORS).hasSize(4);
  }

  private static boolean isListening(int port) {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
