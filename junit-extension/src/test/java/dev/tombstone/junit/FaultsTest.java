package dev.tombstone.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.faults.Fault;
import dev.tombstone.Tombstone;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.testkit.engine.EngineExecutionResults;

class FaultsTest {

  @TombstoneTest(resetBeforeEach = false)
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  @S3Fault(operation = "DeleteObject", error = "SlowDown")
  static class RulesLiveForOneTest {
    @Test
    @Order(1)
    @DynamoDbFault(operation = "DeleteItem", table = "users", times = 2, error = "ThrottlingException")
    void declaredAndProgrammaticRules(Tombstone tombstone) {
      tombstone.faults().dynamoDb("BatchWriteItem").respond(Fault.unprocessed(1));

      assertThat(tombstone.faults().rules()).extracting(r -> r.operation().orElseThrow())
          .containsExactly("DeleteObject", "DeleteItem", "BatchWriteItem");
    }

    @Test
    @Order(2)
    void laterTest_seesOnlyTheClassRule(Tombstone tombstone) {
      assertThat(tombstone.faults().rules()).extracting(r -> r.operation().orElseThrow())
          .containsExactly("DeleteObject");
    }
  }

  @Test
  void rules_areClearedAfterEachTest_evenWithoutReset() {
    EngineExecutionResults results = Kit.run(RulesLiveForOneTest.class);

    results.testEvents().assertStatistics(stats -> stats.succeeded(2).failed(0));
  }

  @TombstoneTest(resetBeforeEach = false)
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class ClassLevelRuleWithoutReset {
    @BeforeAll
    static void throttleGetItem(Tombstone tombstone) {
      tombstone.faults().dynamoDb("GetItem").respond(Fault.THROTTLED);
    }

    @Test
    @Order(1)
    void first(Tombstone tombstone) {
      tombstone.faults().dynamoDb("PutItem").respond(Fault.THROTTLED);

      assertThat(tombstone.faults().rules()).extracting(r -> r.operation().orElseThrow())
          .containsExactly("GetItem", "PutItem");
    }

    @Test
    @Order(2)
    void second_keepsTheClassRule_butNotTheFirstTestsRule(Tombstone tombstone) {
      assertThat(tombstone.faults().rules()).extracting(r -> r.operation().orElseThrow())
          .containsExactly("GetItem");
    }
  }

  @Test
  void withoutReset_rulesFromBeforeAll_stayForTheClass_likeTheData() {
    Kit.run(ClassLevelRuleWithoutReset.class).testEvents()
        .assertStatistics(stats -> stats.succeeded(2).failed(0));
  }

  @TombstoneTest
  static class ClassLevelRuleWithReset {
    @BeforeAll
    static void throttleGetItem(Tombstone tombstone) {
      tombstone.faults().dynamoDb("GetItem").respond(Fault.THROTTLED);
    }

    @Test
    void test(Tombstone tombstone) {
      assertThat(tombstone.faults().rules()).isEmpty();
    }
  }

  @Test
  void withReset_rulesFromBeforeAll_goWithTheReset() {
    Kit.run(ClassLevelRuleWithReset.class).testEvents()
        .assertStatistics(stats -> stats.succeeded(1).failed(0));
  }

  @TombstoneTest
  static class WrongError {
    @Test
    @DynamoDbFault(operation = "DeleteItem", error = "SlowDown")
    void test() {
    }
  }

  @Test
  void aRuleThatDoesNotFitItsService_failsWithTheAnnotationAndTheFix() {
    assertThat(Kit.onlyFailure(Kit.run(WrongError.class)))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessageStartingWith("Tombstone: @DynamoDbFault on ")
        .hasMessageContaining("WrongError.test()")
        .hasMessageContaining(": unknown DynamoDB error 'SlowDown'; one of [");
  }

  @TombstoneTest
  static class TwoEffects {
    @Test
    @S3Fault(operation = "DeleteObjects", unprocessed = 1, drop = "after")
    void test() {
    }
  }

  @Test
  void twoEffects_areRefused() {
    assertThat(Kit.onlyFailure(Kit.run(TwoEffects.class)))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessageEndingWith(": give one of error, unprocessed, drop");
  }
}
