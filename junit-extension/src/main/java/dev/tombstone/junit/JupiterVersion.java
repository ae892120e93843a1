package dev.tombstone.junit;

import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Refuses JUnit Jupiter before 5.13, which does not close the {@code AutoCloseable} values the
 * extension keeps in JUnit's store: emulators, clients and a test's fault rules would outlive
 * their tests without a word. Told apart by a type that 5.13 added.
 */
final class JupiterVersion {
  /** An API type JUnit Jupiter has had since 5.13, and still has in 6. */
  static final String SINCE_5_13 =
      "org.junit.jupiter.api.extension.ClassTemplateInvocationContextProvider";

  private static final Optional<String> PROBLEM = problem(JupiterVersion::present,
      ExtensionContext.class.getPackage().getImplementationVersion());

  private JupiterVersion() {}

  /** Throws when the JUnit Jupiter on the class path is older than 5.13. */
  static void require() {
    PROBLEM.ifPresent(message -> {
      throw new ExtensionConfigurationException(message);
    });
  }

  /** The refusal's text when {@link #SINCE_5_13} is missing; empty otherwise. */
  static Optional<String> problem(Predicate<String> present, String version) {
    if (present.test(SINCE_5_13)) {
      return Optional.empty();
    }
    return Optional.of("Tombstone: the JUnit extension needs JUnit Jupiter 5.13 or newer, found "
        + (version == null ? "an older one" : version) + ". Older versions do not close what"
        + " the extension keeps in JUnit's store, so emulators, clients and fault rules would"
        + " outlive their tests. Use junit-jupiter 5.13+ or 6 (with Maven, import the"
        + " org.junit:junit-bom of that version)");
  }

  private static boolean present(String className) {
    try {
      Class.forName(className, false, ExtensionContext.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }
}
