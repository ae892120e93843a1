package dev.tombstone.internal.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.tombstone.faults.Fault;
import dev.tombstone.faults.FaultRule;
import dev.tombstone.faults.FaultRule.Service;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class FaultRulesTest {
  private final FaultRules rules = new FaultRules();

  private static FaultRule spec(String operation, Optional<String> resource, OptionalInt times,
      double probability, long seed, Fault effect) {
    return new FaultRule("", Service.DYNAMODB, Optional.of(operation), resource, Optional.empty(),
        Optional.empty(), times, probability, seed, Duration.ZERO, Optional.ofNullable(effect),
        0);
  }

  private static RequestFacts deleteItem(String table, String key) {
    return new RequestFacts(Service.DYNAMODB, "DeleteItem",
        List.of(new RequestFacts.Target(table, key)));
  }

  @Test
  void times_firesForTheNextNMatchingRequestsOnly() {
    rules.add(spec("DeleteItem", Optional.of("users"), OptionalInt.of(2), 1, 0, Fault.THROTTLED));

    List<Boolean> fired = new ArrayList<>();
    fired.add(rules.fire(deleteItem("orders", "o1")).isPresent());
    for (int i = 0; i < 3; i++) {
      fired.add(rules.fire(deleteItem("users", "u1")).isPresent());
    }

    assertThat(fired).containsExactly(false, true, true, false);
    assertThat(rules.list()).singleElement().satisfies(r -> {
      assertThat(r.fired()).isEqualTo(2);
      assertThat(r.exhausted()).isTrue();
      assertThat(r.effect()).contains(Fault.PROVISIONED_THROUGHPUT_EXCEEDED);
    });
  }

  @Test
  void probability_withTheSameSeed_firesForTheSameRequests() {
    List<Boolean> first = draws(42);
    List<Boolean> second = draws(42);

    assertThat(first).isEqualTo(second).contains(true, false);
    assertThat(first.stream().filter(b -> b).count()).isBetween(30L, 70L);
  }

  private static List<Boolean> draws(long seed) {
    FaultRules rules = new FaultRules();
    rules.add(spec("DeleteItem", Optional.empty(), OptionalInt.empty(), 0.5, seed,
        Fault.THROTTLED));
    List<Boolean> fired = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      fired.add(rules.fire(deleteItem("users", "u" + i)).isPresent());
    }
    return fired;
  }

  @Test
  void rules_areTriedInOrder_andAnExhaustedOneGivesWay() {
    FaultRule first = rules.add(spec("DeleteItem", Optional.empty(), OptionalInt.of(1), 1, 0,
        Fault.THROTTLED));
    FaultRule second = rules.add(spec("DeleteItem", Optional.empty(), OptionalInt.empty(), 1, 0,
        Fault.INTERNAL_SERVER_ERROR));

    String a = rules.fire(deleteItem("users", "u1")).orElseThrow().rule().id();
    String b = rules.fire(deleteItem("users", "u1")).orElseThrow().rule().id();

    assertThat(List.of(a, b)).containsExactly(first.id(), second.id());
  }

  @Test
  void keyAndKeyPrefix_selectByTheKey() {
    FaultRule byPrefix = new FaultRule("", Service.S3, Optional.of("DeleteObject"),
        Optional.of("uploads"), Optional.empty(), Optional.of("incoming/"), OptionalInt.empty(),
        1, 0, Duration.ZERO, Optional.of(Fault.SLOW_DOWN), 0);
    rules.add(byPrefix);

    assertThat(rules.fire(new RequestFacts(Service.S3, "DeleteObject",
        List.of(new RequestFacts.Target("uploads", "other/a.txt"))))).isEmpty();
    assertThat(rules.fire(new RequestFacts(Service.S3, "DeleteObject",
        List.of(new RequestFacts.Target("uploads", "incoming/a.txt"))))).isPresent();
  }

  private static FaultRule keyRule(Optional<String> key, Optional<String> keyPrefix) {
    return new FaultRule("", Service.DYNAMODB, Optional.of("DeleteItem"), Optional.empty(), key,
        keyPrefix, OptionalInt.empty(), 1, 0, Duration.ZERO, Optional.of(Fault.THROTTLED), 0);
  }

  private static RequestFacts.Target number(String text) {
    return new RequestFacts.Target("scores", text, true);
  }

  @Test
  void key_matchesANumberKeyByValue_andOtherKeysAsText() {
    FaultRule rule = keyRule(Optional.of("42"), Optional.empty());

    assertThat(List.of("42", "42.0", "4.2E1", "4.2e+1", "420E-1", "42.000"))
        .allMatch(n -> FaultRules.selects(rule, number(n)));
    assertThat(List.of("43", "4.2", "-42", "not a number", "4" + "0".repeat(2000)))
        .noneMatch(n -> FaultRules.selects(rule, number(n)));
    assertThat(FaultRules.selects(rule, new RequestFacts.Target("users", "42.0"))).isFalse();
    assertThat(FaultRules.selects(rule, new RequestFacts.Target("users", "42"))).isTrue();
  }

  @Test
  void key_thatIsNoNumber_matchesNoNumberKey() {
    FaultRule rule = keyRule(Optional.of("forty-two"), Optional.empty());

    assertThat(FaultRules.selects(rule, number("42"))).isFalse();
    assertThat(FaultRules.selects(rule, number("forty-two"))).isFalse();
  }

  @Test
  void keyPrefix_comparesANumberKeyAsWritten() {
    FaultRule rule = keyRule(Optional.empty(), Optional.of("42."));

    assertThat(FaultRules.selects(rule, number("42.0"))).isTrue();
    assertThat(FaultRules.selects(rule, number("42"))).isFalse();
  }

  @Test
  void invalidRules_areRefusedWithAClearMessage() {
    assertThatIllegalArgumentException().isThrownBy(() -> rules.add(spec("DeleteItems",
        Optional.empty(), OptionalInt.empty(), 1, 0, Fault.THROTTLED)))
        .withMessageStartingWith("unknown DynamoDB operation 'DeleteItems'; one of [");
    assertThatIllegalArgumentException().isThrownBy(() -> rules.add(spec("DeleteItem",
        Optional.empty(), OptionalInt.empty(), 1, 0, Fault.SLOW_DOWN)))
        .withMessageStartingWith("unknown DynamoDB error 'SlowDown'; one of [");
    assertThatIllegalArgumentException().isThrownBy(() -> rules.add(spec("DeleteItem",
        Optional.empty(), OptionalInt.empty(), 1, 0, Fault.unprocessed(1))))
        .withMessage("unprocessed needs operation BatchWriteItem or BatchGetItem");
    assertThatIllegalArgumentException().isThrownBy(() -> rules.add(spec("DeleteItem",
        Optional.empty(), OptionalInt.empty(), 1, 0, Fault.TRANSACTION_CANCELED)))
        .withMessage("TransactionCanceledException needs operation TransactWriteItems");
    assertThatIllegalArgumentException().isThrownBy(() -> rules.add(spec("DeleteItem",
        Optional.empty(), OptionalInt.empty(), 1, 0, null)))
        .withMessage("a rule needs an effect (error, unprocessed or drop) or a latency");
    assertThat(rules.list()).isEmpty();
  }

  @Test
  void keyRules_forOperationsThatNameNoKey_areRefused() {
    FaultRule onQuery = new FaultRule("", Service.DYNAMODB, Optional.of("Query"),
        Optional.empty(), Optional.of("user001"), Optional.empty(), OptionalInt.empty(), 1, 0,
        Duration.ZERO, Optional.of(Fault.THROTTLED), 0);
    FaultRule onEveryOperation = new FaultRule("", Service.DYNAMODB, Optional.empty(),
        Optional.empty(), Optional.of("user001"), Optional.empty(), OptionalInt.empty(), 1, 0,
        Duration.ZERO, Optional.of(Fault.THROTTLED), 0);

    assertThatIllegalArgumentException().isThrownBy(() -> rules.add(onQuery))
        .withMessageStartingWith("key never matches Query, which names no key;");
    assertThat(rules.add(onEveryOperation).key()).contains("user001");
  }

  @Test
  void tableRules_forOperationsThatNameNoTable_areRefused() {
    FaultRule onStatement = new FaultRule("", Service.DYNAMODB, Optional.of("ExecuteStatement"),
        Optional.of("users"), Optional.empty(), Optional.empty(), OptionalInt.empty(), 1, 0,
        Duration.ZERO, Optional.of(Fault.THROTTLED), 0);
    FaultRule onListTables = new FaultRule("", Service.DYNAMODB, Optional.of("ListTables"),
        Optional.of("users"), Optional.empty(), Optional.empty(), OptionalInt.empty(), 1, 0,
        Duration.ZERO, Optional.of(Fault.THROTTLED), 0);
    FaultRule onEveryOperation = new FaultRule("", Service.DYNAMODB, Optional.empty(),
        Optional.of("users"), Optional.empty(), Optional.empty(), OptionalInt.empty(), 1, 0,
        Duration.ZERO, Optional.of(Fault.THROTTLED), 0);

    assertThatIllegalArgumentException().isThrownBy(() -> rules.add(onStatement))
        .withMessage("resource never matches ExecuteStatement, which names no table; operations"
            + " that name none: [BatchExecuteStatement, DescribeEndpoints, DescribeLimits,"
            + " ExecuteStatement, ExecuteTransaction, ListBulkOperations, ListGlobalTables,"
            + " ListTables] (PartiQL statements name their tables inside the statement)");
    assertThatIllegalArgumentException().isThrownBy(() -> rules.add(onListTables))
        .withMessageStartingWith("resource never matches ListTables, which names no table;");
    assertThat(rules.add(onEveryOperation).resource()).contains("users");
  }

  @Test
  void bucketRules_forListBuckets_areRefused() {
    FaultRule onListBuckets = new FaultRule("", Service.S3, Optional.of("ListBuckets"),
        Optional.of("uploads"), Optional.empty(), Optional.empty(), OptionalInt.empty(), 1, 0,
        Duration.ZERO, Optional.of(Fault.THROTTLED), 0);

    assertThatIllegalArgumentException().isThrownBy(() -> rules.add(onListBuckets))
        .withMessage("resource never matches ListBuckets, which names no bucket");
  }
}
