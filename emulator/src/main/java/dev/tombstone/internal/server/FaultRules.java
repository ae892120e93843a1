package dev.tombstone.internal.server;

import dev.tombstone.faults.Fault;
import dev.tombstone.faults.FaultRule;
import dev.tombstone.faults.FaultRule.Service;
import dev.tombstone.internal.s3.protocol.S3RequestNames;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The fault rules of one emulator: added, listed, cleared, and matched against requests. Every
 * change and every match holds this object's lock, so counts stay exact under concurrency; the
 * layer reads {@link #isEmpty()} without the lock, so requests cost nothing while there are no
 * rules. Internal: users reach it through {@code Tombstone.faults()}.
 */
public final class FaultRules {
  static final Duration MAX_LATENCY = Duration.ofMinutes(5);
  /** Number keys longer than this match as text: a DynamoDB number has 38 digits at most. */
  static final int MAX_NUMBER_TEXT = 1024;
  /** Table names and bucket names (the oldest us-east-1 ones too) are at most this long. */
  static final int MAX_RESOURCE = 255;

  private final List<Active> rules = new ArrayList<>();
  private volatile boolean empty = true;
  private long nextId = 1;

  /** A rule and its mutable counters. */
  private static final class Active {
    private FaultRule rule;
    private final Random random;

    Active(FaultRule rule) {
      this.rule = rule;
      this.random = new Random(rule.seed());
    }
  }

  /**
   * A rule that fired for a request.
   *
   * @param rule the rule, its fired count including this request
   */
  record Firing(FaultRule rule) {
    boolean selects(RequestFacts.Target target) {
      return FaultRules.selects(rule, target);
    }
  }

  /**
   * Validates {@code spec} and adds it with a fresh id; {@link Fault#THROTTLED} becomes the
   * service's throttling error.
   *
   * @throws IllegalArgumentException with a message naming what is wrong
   */
  public synchronized FaultRule add(FaultRule spec) {
    FaultRule rule = validate(spec).withId("fault-" + nextId++).withFired(0);
    rules.add(new Active(rule));
    empty = false;
    return rule;
  }

  /** The rules, oldest first. */
  public synchronized List<FaultRule> list() {
    List<FaultRule> copy = new ArrayList<>(rules.size());
    for (Active active : rules) {
      copy.add(active.rule);
    }
    return copy;
  }

  /** The rule with this id. */
  public synchronized Optional<FaultRule> get(String id) {
    return rules.stream().map(a -> a.rule).filter(r -> r.id().equals(id)).findFirst();
  }

  /** Removes the rule with this id; false when there is none. */
  public synchronized boolean remove(String id) {
    boolean removed = rules.removeIf(a -> a.rule.id().equals(id));
    empty = rules.isEmpty();
    return removed;
  }

  /** Removes every rule. */
  public synchronized void clear() {
    rules.clear();
    empty = true;
  }

  /** True while there are no rules: the layer then passes requests straight on. */
  boolean isEmpty() {
    return empty;
  }

  /** Whether some rule not yet exhausted could match this service and operation. */
  synchronized boolean mayMatch(Service service, String operation) {
    for (Active active : rules) {
      FaultRule rule = active.rule;
      if (rule.service() == service && !rule.exhausted()
          && (rule.operation().isEmpty() || rule.operation().get().equals(operation))) {
        return true;
      }
    }
    return false;
  }

  /**
   * The first rule, in the order they were added, that matches the request and fires for it
   * (its count not used up, its random draw within the probability); its count goes up.
   */
  synchronized Optional<Firing> fire(RequestFacts facts) {
    return fire(facts, rule -> true);
  }

  /**
   * As {@link #fire(RequestFacts)}, among the rules whose effect can act on this request: a
   * rule {@code effective} refuses (a partial batch of a batch with nothing it selects) is
   * passed over, uncounted, as if it did not match.
   */
  synchronized Optional<Firing> fire(RequestFacts facts, Predicate<FaultRule> effective) {
    for (Active active : rules) {
      FaultRule rule = active.rule;
      if (rule.exhausted() || !matches(rule, facts) || !effective.test(rule)) {
        continue;
      }
      if (rule.probability() < 1 && active.random.nextDouble() >= rule.probability()) {
        continue;
      }
      active.rule = rule.withFired(rule.fired() + 1);
      return Optional.of(new Firing(active.rule));
    }
    return Optional.empty();
  }

  /**
   * Takes back a firing whose effect never reached the client (the part of a partial batch
   * that was passed on got an error answer): the rule's fired count goes down again, so
   * {@code fired} counts answers the rule shaped and {@code times} that many answers. The
   * random draw is not taken back.
   */
  synchronized void withdraw(Firing firing) {
    for (Active active : rules) {
      if (active.rule.id().equals(firing.rule().id()) && active.rule.fired() > 0) {
        active.rule = active.rule.withFired(active.rule.fired() - 1);
        return;
      }
    }
  }

  /** The rule under the current name of its S3 operation (PutBucketLifecycleConfiguration). */
  private static FaultRule currentS3Name(FaultRule spec) {
    return new FaultRule(spec.id(), spec.service(),
        spec.operation().map(S3RequestNames::currentName), spec.resource(), spec.key(),
        spec.keyPrefix(), spec.times(), spec.probability(), spec.seed(), spec.latency(),
        spec.effect(), spec.fired());
  }

  static boolean matches(FaultRule rule, RequestFacts facts) {
    if (rule.service() != facts.service()
        || rule.operation().filter(op -> !op.equals(facts.operation())).isPresent()) {
      return false;
    }
    if (rule.resource().isEmpty() && rule.key().isEmpty() && rule.keyPrefix().isEmpty()) {
      return true;
    }
    return facts.targets().stream().anyMatch(target -> selects(rule, target));
  }

  static boolean selects(FaultRule rule, RequestFacts.Target target) {
    if (rule.resource().filter(r -> !r.equals(target.resource())).isPresent()) {
      return false;
    }
    if (rule.key().filter(k -> !keyMatches(k, target)).isPresent()) {
      return false;
    }
    return rule.keyPrefix()
        .map(p -> target.key() != null && target.key().startsWith(p)).orElse(true);
  }

  /**
   * DynamoDB stores 42, 42.0 and 4.2E1 as one Number key, so a Number key matches a rule's key
   * by value; a rule's key that is no number matches no Number key. Other keys match as text.
   */
  private static boolean keyMatches(String ruleKey, RequestFacts.Target target) {
    if (target.key() == null || !target.numberKey()) {
      return ruleKey.equals(target.key());
    }
    // BigDecimal parses in time quadratic in the length, and a valid DynamoDB number this long
    // is all padding zeros: such texts match as written.
    if (ruleKey.length() > MAX_NUMBER_TEXT || target.key().length() > MAX_NUMBER_TEXT) {
      return ruleKey.equals(target.key());
    }
    Optional<BigDecimal> wanted = number(ruleKey);
    Optional<BigDecimal> actual = number(target.key());
    return wanted.isPresent() && actual.isPresent() && wanted.get().compareTo(actual.get()) == 0;
  }

  private static Optional<BigDecimal> number(String text) {
    try {
      return Optional.of(new BigDecimal(text));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static FaultRule validate(FaultRule given) {
    Service service = given.service();
    String name = service == Service.DYNAMODB ? "DynamoDB" : "S3";
    FaultRule spec = service == Service.S3 ? currentS3Name(given) : given;
    if (spec.operation().isPresent()
        && !ErrorCatalog.operations(service).contains(spec.operation().get())) {
      throw new IllegalArgumentException("unknown " + name + " operation '"
          + spec.operation().get() + "'; one of " + ErrorCatalog.operations(service)
          + " or \"*\" for every operation");
    }
    if (spec.resource().filter(r -> r.length() > MAX_RESOURCE).isPresent()) {
      throw new IllegalArgumentException("resource must be at most " + MAX_RESOURCE
          + " characters (a table or bucket name), was " + spec.resource().get().length());
    }
    if (service == Service.DYNAMODB && spec.resource().isPresent() && spec.operation()
        .filter(DynamoDbTableMembers.UNTABLED_OPERATIONS::contains).isPresent()) {
      throw new IllegalArgumentException("resource never matches " + spec.operation().get()
          + ", which names no table; operations that name none: "
          + DynamoDbTableMembers.UNTABLED_OPERATIONS
          + " (PartiQL statements name their tables inside the statement)");
    }
    if (service == Service.S3 && spec.resource().isPresent()
        && spec.operation().filter("ListBuckets"::equals).isPresent()) {
      throw new IllegalArgumentException("resource never matches ListBuckets, which names no"
          + " bucket");
    }
    if (spec.key().isPresent() && spec.keyPrefix().isPresent()) {
      throw new IllegalArgumentException("give key or keyPrefix, not both");
    }
    if ((spec.key().isPresent() || spec.keyPrefix().isPresent()) && spec.operation().isPresent()) {
      Set<String> keyed = service == Service.DYNAMODB
          ? DynamoDbFaults.KEYED_OPERATIONS : S3RequestNames.keyedOperationNames();
      if (!keyed.contains(spec.operation().get())) {
        throw new IllegalArgumentException((spec.key().isPresent() ? "key" : "keyPrefix")
            + " never matches " + spec.operation().get() + ", which names no key; operations"
            + " that do: " + keyed);
      }
    }
    if (spec.times().isPresent() && spec.times().getAsInt() < 1) {
      throw new IllegalArgumentException("times must be at least 1, was "
          + spec.times().getAsInt());
    }
    if (!(spec.probability() > 0 && spec.probability() <= 1)) {
      throw new IllegalArgumentException("probability must be in (0, 1], was "
          + spec.probability());
    }
    if (spec.latency().isNegative() || spec.latency().compareTo(MAX_LATENCY) > 0) {
      throw new IllegalArgumentException("latency must be between 0 and "
          + MAX_LATENCY.toMillis() + " ms, was " + spec.latency().toMillis() + " ms");
    }
    if (spec.effect().isEmpty()) {
      if (spec.latency().isZero()) {
        throw new IllegalArgumentException(
            "a rule needs an effect (error, unprocessed or drop) or a latency");
      }
      return spec;
    }
    Fault effect = spec.effect().get();
    if (effect instanceof Fault.Throttled) {
      effect = Fault.error(ErrorCatalog.throttlingCode(service));
    }
    if (effect instanceof Fault.Error error) {
      if (ErrorCatalog.find(service, error.code()).isEmpty()) {
        throw new IllegalArgumentException("unknown " + name + " error '" + error.code()
            + "'; one of " + ErrorCatalog.codes(service));
      }
      if (error.code().equals(ErrorCatalog.TRANSACTION_CANCELED)
          && !spec.operation().equals(Optional.of("TransactWriteItems"))) {
        throw new IllegalArgumentException(
            "TransactionCanceledException needs operation TransactWriteItems");
      }
    }
    if (effect instanceof Fault.Unprocessed) {
      List<String> batches = service == Service.DYNAMODB
          ? List.of("BatchWriteItem", "BatchGetItem") : List.of("DeleteObjects");
      if (spec.operation().filter(batches::contains).isEmpty()) {
        throw new IllegalArgumentException(
            "unprocessed needs operation " + String.join(" or ", batches));
      }
    }
    return new FaultRule(spec.id(), service, spec.operation(), spec.resource(), spec.key(),
        spec.keyPrefix(), spec.times(), spec.probability(), spec.seed(), spec.latency(),
        Optional.of(effect), spec.fired());
  }
}
