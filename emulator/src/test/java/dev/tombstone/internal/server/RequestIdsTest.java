package dev.tombstone.internal.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RequestIdsTest {
  @Test
  void dynamoDbIds_useEveryCharacterOfTheAlphabet_atEveryPosition() {
    int length = 52;
    Set<Character>[] seen = newSets(length);
    Set<String> ids = new HashSet<>();
    for (int n = 0; n < 5_000; n++) {
      String id = RequestIds.next();
      assertThat(id).matches("[0-9A-Z]{52}");
      ids.add(id);
      for (int i = 0; i < length; i++) {
        seen[i].add(id.charAt(i));
      }
    }
    assertThat(ids).hasSize(5_000);
    for (int i = 0; i < length; i++) {
      assertThat(seen[i]).as("characters at position %d", i).hasSize(36);
    }
  }

  @SuppressWarnings("unchecked")
  private static Set<Character>[] newSets(int n) {
    Set<Character>[] sets = new Set[n];
    for (int i = 0; i < n; i++) {
      sets[i] = new HashSet<>();
    }
    return sets;
  }
}
