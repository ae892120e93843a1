package dev.tombstone.junit;

import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Which tests JUnit may run at the same time. A node of the test tree runs its
 * {@code SAME_THREAD} children one after the other on its own thread, and may run each
 * {@code CONCURRENT} child alongside them, and finishes a child before it starts the next
 * {@code SAME_THREAD} one. Below a {@code CONCURRENT} node, and below no other, tests therefore
 * run one after the other, which is what the extension keys sharing on.
 */
final class Concurrency {
  static final String PARALLEL_ENABLED = "junit.jupiter.execution.parallel.enabled";

  private Concurrency() {}

  /** Whether JUnit runs anything in parallel; without it, every test runs after the other. */
  static boolean enabled(ExtensionContext ctx) {
    return ctx.getConfigurationParameter(PARALLEL_ENABLED, v -> Boolean.parseBoolean(v.trim()))
        .orElse(false);
  }

  /**
   * The nearest of {@code ctx} and its enclosing nodes that may run at the same time as its
   * siblings: every test below it and not below another such node runs one after the other.
   * Empty when there is none, or when parallel execution is off. Top-level classes count only
   * when {@code topLevelClasses} is set: what two of them share lives in the root store.
   */
  static Optional<ExtensionContext> nearestConcurrent(ExtensionContext ctx,
      boolean topLevelClasses) {
    if (!enabled(ctx)) {
      return Optional.empty();
    }
    for (ExtensionContext c = ctx; c.getParent().isPresent(); c = c.getParent().get()) {
      boolean topLevel = c.getParent().get().getParent().isEmpty();
      if ((topLevelClasses || !topLevel) && c.getExecutionMode() == ExecutionMode.CONCURRENT) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  /**
   * Whether tests below {@code ancestor} may run at the same time as each other, as seen from
   * {@code test}: a {@code CONCURRENT} node lies between them.
   */
  static boolean concurrentBelow(ExtensionContext test, ExtensionContext ancestor) {
    for (ExtensionContext c = test; c != ancestor && c.getParent().isPresent();
        c = c.getParent().get()) {
      if (c.getExecutionMode() == ExecutionMode.CONCURRENT) {
        return true;
      }
    }
    return false;
  }
}
