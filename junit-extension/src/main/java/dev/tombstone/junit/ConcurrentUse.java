package dev.tombstone.junit;

import dev.tombstone.Tombstone;
import java.lang.reflect.Field;
import java.util.Optional;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Refuses what cannot work when JUnit runs tests at the same time: each such test has an
 * emulator of its own, so neither a class-level injection nor a field of a shared test instance
 * can hold "the" emulator. Both used to fail silently, with state in the wrong emulator.
 */
final class ConcurrentUse {
  private ConcurrentUse() {}

  /** The emulator a class-level context (@BeforeAll, a PER_CLASS constructor) was given. */
  private record ClassLevelUse(Object emulatorKey, Tombstone tombstone, String element) {}

  private record ClassLevelKey(String contextId) {}

  /** Remembers, under parallel execution, that a class-level element was given this emulator. */
  static void recordClassLevel(ExtensionContext classContext, Settings settings,
      Endpoint endpoint, String element) {
    if (endpoint.tombstone().isEmpty() || !Concurrency.enabled(classContext)) {
      return;
    }
    TombstoneExtension.computeIfAbsent(classContext.getStore(TombstoneExtension.NAMESPACE),
        new ClassLevelKey(classContext.getUniqueId()),
        key -> new ClassLevelUse(settings.emulatorKey(), endpoint.tombstone().get(), element),
        ClassLevelUse.class);
  }

  /**
   * Fails a test that runs on another emulator than the one an enclosing class's
   * {@code @BeforeAll} or constructor was given with the same settings: what was set up there
   * would silently be missing. (A class with other settings has another emulator by design.)
   */
  static void requireClassLevelEmulator(ExtensionContext test, Settings settings,
      Endpoint endpoint) {
    for (Optional<ExtensionContext> c = test.getParent(); c.isPresent();
        c = c.get().getParent()) {
      ClassLevelUse use = c.get().getStore(TombstoneExtension.NAMESPACE)
          .get(new ClassLevelKey(c.get().getUniqueId()), ClassLevelUse.class);
      if (use != null && use.emulatorKey().equals(settings.emulatorKey())
          && use.tombstone() != endpoint.tombstone().orElse(null)) {
        throw new ExtensionConfigurationException("Tombstone: " + test.getDisplayName()
            + " may run at the same time as other tests of "
            + c.get().getRequiredTestClass().getName() + ", so it has an emulator of its own"
            + " and would not see what was set up in the one " + use.element() + " was given."
            + " Set up per-test state in @BeforeEach, or run these tests one after the other"
            + " with @Execution(ExecutionMode.SAME_THREAD) on the class");
      }
    }
  }

  /**
   * Fails a test that would write its emulator or clients into an {@link Injected} field of a
   * {@code @TestInstance(PER_CLASS)} instance while another test may be using that field.
   */
  static void requireUnsharedInstance(ExtensionContext test, Object instance, Field field) {
    for (Optional<ExtensionContext> c = test.getParent(); c.isPresent();
        c = c.get().getParent()) {
      if (c.get().getTestMethod().isEmpty()
          && c.get().getTestClass().filter(type -> type == instance.getClass()).isPresent()) {
        if (c.get().getTestInstanceLifecycle().orElse(null) == TestInstance.Lifecycle.PER_CLASS
            && Concurrency.concurrentBelow(test, c.get())) {
          throw new ExtensionConfigurationException("Tombstone: @Injected field "
              + field.getDeclaringClass().getName() + "." + field.getName() + " is set for"
              + " each test, but " + instance.getClass().getName() + " has"
              + " @TestInstance(Lifecycle.PER_CLASS) and its tests may run at the same time,"
              + " each with an emulator of its own, so one test would overwrite the field"
              + " another is using. Inject into test or @BeforeEach method parameters instead,"
              + " or run the class's tests one after the other with"
              + " @Execution(ExecutionMode.SAME_THREAD)");
        }
        return;
      }
    }
  }
}
