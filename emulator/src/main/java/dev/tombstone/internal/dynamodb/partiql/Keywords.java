package dev.tombstone.internal.dynamodb.partiql;

import dev.tombstone.internal.dynamodb.WordLists;
import java.util.Locale;
import java.util.Set;

/**
 * PartiQL's keywords, which a statement may use as names only double-quoted. The list (in
 * {@code keywords.txt}) is the keyword set of the PartiQL parser DynamoDB's front end runs, as
 * DynamoDB Local 3.3.1 ships it; Local refuses each of them as a bare name.
 */
final class Keywords {
  private static final String RESOURCE = "keywords.txt";
  private static final Set<String> WORDS = WordLists.load(Keywords.class, RESOURCE);
  /** The keywords PartiQL also reads as function names when a {@code (} follows. */
  private static final Set<String> FUNCTION_NAMES = Set.of("AVG", "BAG", "BIT_LENGTH",
      "CHAR_LENGTH", "CHARACTER_LENGTH", "COALESCE", "COUNT", "EXISTS", "LIST", "LOWER", "MAX",
      "MIN", "NULLIF", "OCTET_LENGTH", "SEXP", "SIZE", "SUBSTRING", "SUM", "UPPER");

  private Keywords() {}

  /** Whether {@code word} is a keyword; matching ignores case. */
  static boolean contains(String word) {
    return WORDS.contains(word.toUpperCase(Locale.ROOT));
  }

  /** Whether {@code word} may name a function: any word but a keyword that names none. */
  static boolean mayNameFunction(String word) {
    String upper = word.toUpperCase(Locale.ROOT);
    return !WORDS.contains(upper) || FUNCTION_NAMES.contains(upper);
  }

  static Set<String> all() {
    return WORDS;
  }
}
