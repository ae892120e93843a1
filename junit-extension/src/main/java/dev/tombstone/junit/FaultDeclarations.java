package dev.tombstone.junit;

import dev.tombstone.faults.Fault;
import dev.tombstone.faults.FaultRule;
import dev.tombstone.Faults;
import dev.tombstone.Tombstone;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Adds the {@link DynamoDbFault} and {@link S3Fault} rules a test declared (enclosing classes
 * outermost first, then the class, then the method), and removes every rule the test added when
 * it ends, however it added them; rules added at class level before it stay.
 */
final class FaultDeclarations {
  private FaultDeclarations() {}

  /** One annotation, as a rule to add. */
  private record Declared(Annotation annotation, AnnotatedElement element) {
    String where() {
      return element instanceof Class<?> c ? c.getName() : element.toString();
    }
  }

  static void apply(ExtensionContext ctx, Endpoint endpoint) {
    List<Declared> declared = collect(ctx);
    Optional<Tombstone> tombstone = endpoint.tombstone();
    if (tombstone.isEmpty()) {
      if (!declared.isEmpty()) {
        Declared first = declared.get(0);
        throw new ExtensionConfigurationException("Tombstone: @"
            + first.annotation().annotationType().getSimpleName() + " on " + first.where()
            + " needs the in-process emulator, but the tests run against the external endpoint "
            + endpoint.describe() + ". Unset " + ExternalEndpoint.ENDPOINT
            + " or leave fault rules out of tests meant for real endpoints.");
      }
      return;
    }
    Faults faults = tombstone.get().faults();
    // Closed by JUnit when the test's context ends: the rules the test added never outlive it.
    // Rules already there were added at class level (@BeforeAll) and survived the reset, which
    // means resetBeforeEach = false: like the data, they stay for the tests that follow.
    Set<String> before = new HashSet<>();
    faults.rules().forEach(rule -> before.add(rule.id()));
    ctx.getStore(TombstoneExtension.NAMESPACE).put(FaultDeclarations.class,
        (AutoCloseable) () -> removeAllBut(faults, before));
    for (Declared d : declared) {
      try {
        add(faults, d.annotation());
      } catch (IllegalArgumentException e) {
        throw new ExtensionConfigurationException("Tombstone: @"
            + d.annotation().annotationType().getSimpleName() + " on " + d.where() + ": "
            + e.getMessage(), e);
      }
    }
  }

  private static void removeAllBut(Faults faults, Set<String> kept) {
    if (kept.isEmpty()) {
      faults.clear();
      return;
    }
    for (FaultRule rule : faults.rules()) {
      if (!kept.contains(rule.id())) {
        faults.remove(rule.id());
      }
    }
  }

  private static void add(Faults faults, Annotation annotation) {
    if (annotation instanceof DynamoDbFault f) {
      rule(faults.dynamoDb(f.operation()), f.table(), f.key(), f.keyPrefix(), f.times(),
          f.probability(), f.seed(), f.latencyMs(), f.error(), f.unprocessed(), f.drop());
    } else if (annotation instanceof S3Fault f) {
      rule(faults.s3(f.operation()), f.bucket(), f.key(), f.keyPrefix(), f.times(),
          f.probability(), f.seed(), f.latencyMs(), f.error(), f.unprocessed(), f.drop());
    }
  }

  private static void rule(Faults.RuleBuilder rule, String resource, String key,
      String keyPrefix, int times, double probability, long seed, long latencyMs, String error,
      int unprocessed, String drop) {
    if (!resource.isEmpty()) {
      rule.resource(resource);
    }
    if (!key.isEmpty()) {
      rule.key(key);
    }
    if (!keyPrefix.isEmpty()) {
      rule.keyPrefix(keyPrefix);
    }
    if (times != DynamoDbFault.EVERY) {
      rule.times(times);
    }
    if (probability != 1.0) {
      rule.probability(probability, seed);
    }
    if (latencyMs < 0) {
      throw new IllegalArgumentException("latencyMs must not be negative, was " + latencyMs);
    }
    List<Fault> effects = new ArrayList<>();
    if (!error.isEmpty()) {
      effects.add(Fault.error(error));
    }
    if (unprocessed != 0) {
      effects.add(Fault.unprocessed(unprocessed));
    }
    if (!drop.isEmpty()) {
      effects.add(switch (drop) {
        case "before" -> Fault.DROP_BEFORE;
        case "after" -> Fault.DROP_AFTER;
        default -> throw new IllegalArgumentException(
            "drop must be \"before\" or \"after\", was \"" + drop + "\"");
      });
    }
    if (effects.size() > 1) {
      throw new IllegalArgumentException("give one of error, unprocessed, drop");
    }
    if (effects.isEmpty()) {
      if (latencyMs == 0) {
        throw new IllegalArgumentException("give an error, unprocessed, drop or latencyMs");
      }
      rule.delay(Duration.ofMillis(latencyMs));
    } else {
      rule.latency(Duration.ofMillis(latencyMs)).respond(effects.get(0));
    }
  }

  private static List<Declared> collect(ExtensionContext ctx) {
    Deque<ExtensionContext> chain = new ArrayDeque<>();
    for (Optional<ExtensionContext> c = Optional.of(ctx); c.isPresent(); c = c.get().getParent()) {
      if (c.get().getTestClass().isPresent()) {
        chain.push(c.get());
      }
    }
    Set<AnnotatedElement> elements = new LinkedHashSet<>();
    for (ExtensionContext c : chain) {
      elements.add(c.getRequiredTestClass());
      c.getTestMethod().ifPresent(elements::add);
    }
    List<Declared> declared = new ArrayList<>();
    for (AnnotatedElement element : elements) {
      for (DynamoDbFault f : AnnotationSupport.findRepeatableAnnotations(element,
          DynamoDbFault.class)) {
        declared.add(new Declared(f, element));
      }
      for (S3Fault f : AnnotationSupport.findRepeatableAnnotations(element, S3Fault.class)) {
        declared.add(new Declared(f, element));
      }
    }
    return declared;
  }
}
