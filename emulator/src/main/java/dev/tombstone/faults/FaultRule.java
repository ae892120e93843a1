package dev.tombstone.faults;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One fault rule as the emulator holds it, with how often it has fired so far. Made with
 * {@link Faults#dynamoDb(String)} / {@link Faults#s3(String)} or posted as JSON to
 * {@code /_tombstone/faults}; listed by {@link Faults#rules()}.
 *
 * @param id the rule's id, e.g. {@code fault-1}
 * @param service the service whose requests it matches
 * @param operation the operation it matches, e.g. {@code DeleteItem}; empty for every one
 * @param resource the table or bucket it matches; empty for any
 * @param key the key it matches (the S3 object key, or the DynamoDB partition key value as
 *     text; a Number partition key matches by value); empty for any
 * @param keyPrefix a prefix of that key, a Number as the request writes it; empty for any
 * @param times how many matching requests it fires for; empty for every one
 * @param probability the chance it fires for a matching request, in (0, 1]
 * @param seed the seed of the random draws when {@code probability} is below 1
 * @param latency how long to wait before the effect (or the normal answer)
 * @param effect what it does; empty for latency only
 * @param fired how many requests it has fired for: requests whose answer its effect reached (a
 *     partial batch whose passed-on part the service refused with an error does not count)
 */
public record FaultRule(
    String id,
    Service service,
    Optional<String> operation,
    Optional<String> resource,
    Optional<String> key,
    Optional<String> keyPrefix,
    OptionalInt times,
    double probability,
    long seed,
    Duration latency,
    Optional<Fault> effect,
    int fired) {

  /** The services a rule can match. */
  public enum Service {
    /** DynamoDB's JSON API, 2012-08-10 and 2011-12-05 (not the MagnetoDB dialect). */
    DYNAMODB,
    /** The S3 REST API. */
    S3;

    /** The name used in the JSON rule format: {@code dynamodb} or {@code s3}. */
    public String wireName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** Checks that no component is null. */
  public FaultRule {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(keyPrefix, "keyPrefix");
    Objects.requireNonNull(times, "times");
    Objects.requireNonNull(latency, "latency");
    Objects.requireNonNull(effect, "effect");
  }

  /** This rule with another fired count. */
  public FaultRule withFired(int count) {
    return new FaultRule(id, service, operation, resource, key, keyPrefix, times, probability,
        seed, latency, effect, count);
  }

  /** This rule with another id. */
  public FaultRule withId(String newId) {
    return new FaultRule(newId, service, operation, resource, key, keyPrefix, times,
        probability, seed, latency, effect, fired);
  }

  /** Whether the rule fires for no more requests. */
  public boolean exhausted() {
    return times.isPresent() && fired >= times.getAsInt();
  }
}
