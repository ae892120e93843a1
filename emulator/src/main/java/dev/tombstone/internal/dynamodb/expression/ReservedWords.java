package dev.tombstone.internal.dynamodb.expression;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** DynamoDB's reserved words, which may not appear as names in expressions. */
final class ReservedWords {
  private static final String RESOURCE = "reserved-words.txt";
  private static final Set<String> WORDS = load();

  private ReservedWords() {}

  /** Whether {@code name} is reserved; matching ignores case. */
  static boolean contains(String name) {
    return WORDS.contains(name.toUpperCase(Locale.ROOT));
  }

  static int size() {
    return WORDS.size();
  }

  private static Set<String> load() {
    try (InputStream in = ReservedWords.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      Set<String> words = new HashSet<>();
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String word = line.strip();
        if (!word.isEmpty()) {
          words.add(word.toUpperCase(Locale.ROOT));
        }
      }
      return Set.copyOf(words);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
