package dev.tombstone.internal.server;

import dev.tombstone.faults.Fault;
import dev.tombstone.faults.FaultRule;
import dev.tombstone.faults.FaultRule.Service;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The JSON rule format of {@code /_tombstone/faults}:
 *
 * <pre>{@code
 * {"service":"dynamodb", "operation":"DeleteItem", "resource":"users", "key":"user003",
 *  "times":2, "error":"ProvisionedThroughputExceededException"}
 * }</pre>
 *
 * with {@code "unprocessed":2}, {@code "drop":"before"|"after"} or only {@code "latencyMs"} in
 * place of {@code "error"}, and {@code keyPrefix}, {@code probability}, {@code seed},
 * {@code latencyMs} as further fields.
 */
final class RuleJson {
  private static final Set<String> FIELDS = Set.of("service", "operation", "resource", "table",
      "bucket", "key", "keyPrefix", "times", "probability", "seed", "latencyMs", "error",
      "unprocessed", "drop");

  private RuleJson() {}

  /**
   * A rule spec from its JSON.
   *
   * @throws IllegalArgumentException with a message for the client
   */
  static FaultRule parse(byte[] body) {
    Object tree;
    try {
      tree = JsonTree.parseStrict(body);
    } catch (JsonTree.Malformed e) {
      throw new IllegalArgumentException("the rule is not valid JSON: " + e.getMessage());
    }
    if (!(tree instanceof Map<?, ?> map)) {
      throw new IllegalArgumentException("a rule is a JSON object, e.g. {\"service\":\"dynamodb\","
          + "\"operation\":\"DeleteItem\",\"times\":1,\"error\":\"ThrottlingException\"}");
    }
    for (Object name : map.keySet()) {
      if (!FIELDS.contains(name)) {
        throw new IllegalArgumentException("unknown field '" + name + "'; known fields: "
            + new java.util.TreeSet<>(FIELDS));
      }
    }
    String serviceText = text(map, "service")
        .orElseThrow(() ->
            new IllegalArgumentException("service is required: \"dynamodb\" or \"s3\""));
    Service service = switch (serviceText.toLowerCase(Locale.ROOT)) {
      case "dynamodb" -> Service.DYNAMODB;
      case "s3" -> Service.S3;
      default -> throw new IllegalArgumentException(
          "service must be \"dynamodb\" or \"s3\", was \"" + serviceText + "\"");
    };
    Optional<String> operation = text(map, "operation").filter(op -> !op.equals("*"));
    Optional<String> resource = text(map, "resource");
    for (String alias : List.of("table", "bucket")) {
      Optional<String> value = text(map, alias);
      if (value.isPresent()) {
        if (resource.isPresent()) {
          throw new IllegalArgumentException("give one of resource, table, bucket");
        }
        resource = value;
      }
    }
    OptionalInt times = integer(map, "times").map(OptionalInt::of).orElse(OptionalInt.empty());
    double probability = number(map, "probability").map(BigDecimal::doubleValue).orElse(1.0);
    if (map.get("seed") != null && map.get("probability") == null) {
      throw new IllegalArgumentException("seed needs probability: it seeds the random draws");
    }
    long seed = number(map, "seed").map(RuleJson::seed).orElse(0L);
    long latencyMs = number(map, "latencyMs").map(RuleJson::latencyMs).orElse(0L);
    List<Fault> effects = new ArrayList<>();
    text(map, "error").ifPresent(code -> effects.add(Fault.error(code)));
    integer(map, "unprocessed").ifPresent(count -> effects.add(Fault.unprocessed(count)));
    text(map, "drop").ifPresent(when -> effects.add(switch (when.toLowerCase(Locale.ROOT)) {
      case "before" -> Fault.DROP_BEFORE;
      case "after" -> Fault.DROP_AFTER;
      default -> throw new IllegalArgumentException(
          "drop must be \"before\" or \"after\", was \"" + when + "\"");
    }));
    if (effects.size() > 1) {
      throw new IllegalArgumentException("give one of error, unprocessed, drop");
    }
    return new FaultRule("", service, operation, resource, text(map, "key"),
        text(map, "keyPrefix"), times, probability, seed, Duration.ofMillis(latencyMs),
        effects.stream().findFirst(), 0);
  }

  /** A rule as JSON, in the same format plus {@code id} and {@code fired}. */
  static Map<String, Object> render(FaultRule rule) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", rule.id());
    json.put("service", rule.service().wireName());
    json.put("operation", rule.operation().orElse("*"));
    rule.resource().ifPresent(r -> json.put("resource", r));
    rule.key().ifPresent(k -> json.put("key", k));
    rule.keyPrefix().ifPresent(p -> json.put("keyPrefix", p));
    if (rule.times().isPresent()) {
      json.put("times", new JsonTree.Num(Integer.toString(rule.times().getAsInt())));
    }
    if (rule.probability() < 1) {
      json.put("probability", new JsonTree.Num(Double.toString(rule.probability())));
      json.put("seed", new JsonTree.Num(Long.toString(rule.seed())));
    }
    if (!rule.latency().isZero()) {
      json.put("latencyMs", new JsonTree.Num(Long.toString(rule.latency().toMillis())));
    }
    rule.effect().ifPresent(effect -> {
      if (effect instanceof Fault.Error error) {
        json.put("error", error.code());
      } else if (effect instanceof Fault.Unprocessed unprocessed) {
        json.put("unprocessed", new JsonTree.Num(Integer.toString(unprocessed.count())));
      } else if (effect instanceof Fault.Drop drop) {
        json.put("drop", drop.when().name().toLowerCase(Locale.ROOT));
      }
    });
    json.put("fired", new JsonTree.Num(Integer.toString(rule.fired())));
    return json;
  }

  /** The effect in words, for the journal: {@code ThrottlingException}, {@code drop after}. */
  static String effectText(Fault effect) {
    if (effect instanceof Fault.Error error) {
      return error.code();
    }
    if (effect instanceof Fault.Unprocessed unprocessed) {
      return "unprocessed " + unprocessed.count();
    }
    if (effect instanceof Fault.Drop drop) {
      return "drop " + drop.when().name().toLowerCase(Locale.ROOT);
    }
    return "throttled";
  }

  private static Optional<String> text(Map<?, ?> map, String name) {
    Object value = map.get(name);
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof String s)) {
      throw new IllegalArgumentException(name + " must be a string");
    }
    return Optional.of(s);
  }

  private static Optional<BigDecimal> number(Map<?, ?> map, String name) {
    Object value = map.get(name);
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof JsonTree.Num num)) {
      throw new IllegalArgumentException(name + " must be a number");
    }
    return Optional.of(new BigDecimal(num.text()));
  }

  /** A count: {@code times} or {@code unprocessed}. */
  private static Optional<Integer> integer(Map<?, ?> map, String name) {
    return number(map, name).map(n -> {
      whole(name, n);
      if (n.compareTo(BigDecimal.ONE) < 0) {
        throw new IllegalArgumentException(name + " must be at least 1, was " + n);
      }
      if (n.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
        throw new IllegalArgumentException(
            name + " must be at most " + Integer.MAX_VALUE + ", was " + n);
      }
      return n.intValueExact();
    });
  }

  private static long seed(BigDecimal n) {
    whole("seed", n);
    if (n.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) < 0
        || n.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
      throw new IllegalArgumentException("seed must be between " + Long.MIN_VALUE + " and "
          + Long.MAX_VALUE + ", was " + n);
    }
    return n.longValueExact();
  }

  private static long latencyMs(BigDecimal n) {
    whole("latencyMs", n);
    if (n.signum() < 0) {
      throw new IllegalArgumentException("latencyMs must not be negative, was " + n);
    }
    long max = FaultRules.MAX_LATENCY.toMillis();
    if (n.compareTo(BigDecimal.valueOf(max)) > 0) {
      throw new IllegalArgumentException("latencyMs must be at most " + max + ", was " + n);
    }
    return n.longValueExact();
  }

  private static void whole(String name, BigDecimal n) {
    if (n.signum() != 0 && n.stripTrailingZeros().scale() > 0) {
      throw new IllegalArgumentException(name + " must be a whole number, was " + n);
    }
  }
}
