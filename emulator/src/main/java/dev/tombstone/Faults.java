package dev.tombstone;

import dev.tombstone.faults.Fault;
import dev.tombstone.faults.FaultRule;
import dev.tombstone.internal.server.FaultRules;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Faults on demand: rules that make the next matching requests fail the way AWS fails under
 * load, so a test can check that the code under test retries. Rules are matched in the order
 * they were added, before the protocol answers; the first one that fires decides. Reached
 * through {@link Tombstone#faults()}; {@link Tombstone#reset()} clears them.
 *
 * <pre>{@code
 * tombstone.faults().dynamoDb("DeleteItem").table("users").times(2).respond(Fault.THROTTLED);
 *
 * dynamo.deleteItem(b -> b.tableName("users").key(key));   // the SDK retries twice, then it works
 *
 * assertThat(tombstone.faults().rules()).singleElement()
 *     .extracting(FaultRule::fired).isEqualTo(2);
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class Faults {
  private final FaultRules rules;

  Faults(FaultRules rules) {
    this.rules = rules;
  }

  /**
   * Starts a rule for DynamoDB requests of {@code operation}, e.g. {@code "DeleteItem"},
   * {@code "BatchWriteItem"}, {@code "TransactWriteItems"}; {@code "*"} for every operation.
   */
  public RuleBuilder dynamoDb(String operation) {
    return new RuleBuilder(FaultRule.Service.DYNAMODB, operation);
  }

  /**
   * Starts a rule for S3 requests of {@code operation}, e.g. {@code "DeleteObject"},
   * {@code "DeleteObjects"}, {@code "PutObject"}; {@code "*"} for every operation.
   */
  public RuleBuilder s3(String operation) {
    return new RuleBuilder(FaultRule.Service.S3, operation);
  }

  /** The rules, oldest first, with how often each has fired; exhausted ones stay listed. */
  public List<FaultRule> rules() {
    return rules.list();
  }

  /** The rule with this id, as it stands now. */
  public Optional<FaultRule> rule(String id) {
    return rules.get(id);
  }

  /** Removes one rule; false when there is none with that id. */
  public boolean remove(String id) {
    return rules.remove(id);
  }

  /** Removes every rule. */
  public void clear() {
    rules.clear();
  }

  /**
   * A rule being built. The filters narrow what it matches; {@link #respond(Fault)} or
   * {@link #delay(Duration)} adds it.
   */
  public final class RuleBuilder {
    private final FaultRule.Service service;
    private final Optional<String> operation;
    private Optional<String> resource = Optional.empty();
    private Optional<String> key = Optional.empty();
    private Optional<String> keyPrefix = Optional.empty();
    private OptionalInt times = OptionalInt.empty();
    private double probability = 1.0;
    private long seed;
    private Duration latency = Duration.ZERO;

    private RuleBuilder(FaultRule.Service service, String operation) {
      Objects.requireNonNull(operation, "operation");
      this.service = service;
      this.operation = operation.equals("*") ? Optional.empty() : Optional.of(operation);
    }

    /** Only requests on this DynamoDB table (for batches and transactions: touching it). */
    public RuleBuilder table(String name) {
      return resource(name);
    }

    /** Only requests on this S3 bucket. */
    public RuleBuilder bucket(String name) {
      return resource(name);
    }

    /** Only requests on this table or bucket. */
    public RuleBuilder resource(String name) {
      this.resource = Optional.of(Objects.requireNonNull(name, "name"));
      return this;
    }

    /**
     * Only requests for this key: the S3 object key, or the DynamoDB partition key value as
     * text ({@code "user003"}, {@code "42"}). A Number partition key matches by value, so
     * {@code "42"} matches {@code 42.0} and {@code 4.2E1}.
     */
    public RuleBuilder key(String value) {
      this.key = Optional.of(Objects.requireNonNull(value, "value"));
      return this;
    }

    /**
     * Only requests for keys starting with {@code prefix}; see {@link #key(String)}. A Number
     * partition key is compared as the request writes it.
     */
    public RuleBuilder keyPrefix(String prefix) {
      this.keyPrefix = Optional.of(Objects.requireNonNull(prefix, "prefix"));
      return this;
    }

    /** Fires for the next {@code count} matching requests only (by default: every one). */
    public RuleBuilder times(int count) {
      if (count < 1) {
        throw new IllegalArgumentException("times must be at least 1, was " + count);
      }
      this.times = OptionalInt.of(count);
      return this;
    }

    /**
     * Fires for a matching request with this probability, drawn from a random sequence seeded
     * with {@code seed}, so the same requests in the same order fire the same way every run.
     */
    public RuleBuilder probability(double chance, long randomSeed) {
      if (!(chance > 0 && chance <= 1)) {
        throw new IllegalArgumentException("probability must be in (0, 1], was " + chance);
      }
      this.probability = chance;
      this.seed = randomSeed;
      return this;
    }

    /** Waits this long before the effect. */
    public RuleBuilder latency(Duration wait) {
      Objects.requireNonNull(wait, "wait");
      this.latency = wait;
      return this;
    }

    /**
     * Adds the rule with this effect.
     *
     * @throws IllegalArgumentException when the effect does not fit the service or operation
     *     (e.g. {@code SlowDown} on DynamoDB, {@code unprocessed} on DeleteItem)
     */
    public FaultRule respond(Fault effect) {
      Objects.requireNonNull(effect, "effect");
      return add(Optional.of(effect), latency);
    }

    /** Adds a rule that only delays the normal answer by {@code wait}. */
    public FaultRule delay(Duration wait) {
      Objects.requireNonNull(wait, "wait");
      return add(Optional.empty(), wait);
    }

    private FaultRule add(Optional<Fault> effect, Duration wait) {
      return rules.add(new FaultRule("", service, operation, resource, key, keyPrefix, times,
          probability, seed, wait, effect, 0));
    }
  }
}
