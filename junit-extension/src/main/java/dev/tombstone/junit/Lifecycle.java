package dev.tombstone.junit;

/**
 * How long one emulator lives and which tests share it.
 *
 * <p>Whatever the choice, tests that JUnit runs concurrently each get an emulator of their own,
 * so parallel tests never see each other's tables, items, buckets or objects.
 */
public enum Lifecycle {
  /** One emulator per test class (and its {@code @Nested} classes), reset before each test. */
  PER_CLASS,
  /** A fresh emulator for every test method; nothing to reset. */
  PER_METHOD,
  /**
   * One emulator for the whole JVM (every class with the same settings), reset before each
   * test and stopped when the test run ends. Saves a start per class in large suites.
   */
  PER_JVM
}
