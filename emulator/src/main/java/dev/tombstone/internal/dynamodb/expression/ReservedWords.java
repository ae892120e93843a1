package dev.tombstone.internal.dynamodb.expression;

import dev.tombstone.internal.dynamodb.WordLists;
import java.util.Locale;
import java.util.Set;

/** DynamoDB's reserved words, which may not appear as names in expressions. */
final class ReservedWords {
  private static final String RESOURCE = "reserved-words.txt";
  private static final Set<String> WORDS = WordLists.load(ReservedWords.class, RESOURCE);

  private ReservedWords() {}

  /** Whether {@code name} is reserved; matching ignores case. */
  static boolean contains(String name) {
    return WORDS.contains(name.toUpperCase(Locale.ROOT));
  }

  static int size() {
    return WORDS.size();
  }
}
