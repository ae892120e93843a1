package dev.tombstone.internal.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.internal.s3.protocol.ResponseIds;
import java.util.Base64;
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

  @Test
  void s3Ids_areSixteenHexCharacters_andTheBase64OfFortyEightBytes() {
    Set<Character>[] requestSeen = newSets(16);
    Set<Character>[] hostSeen = newSets(64);
    Set<String> hostIds = new HashSet<>();
    for (int n = 0; n < 5_000; n++) {
      ResponseIds ids = RequestIds.s3();
      assertThat(ids.requestId()).matches("[0-9A-F]{16}");
      assertThat(ids.hostId()).matches("[A-Za-z0-9+/]{64}");
      assertThat(Base64.getDecoder().decode(ids.hostId())).hasSize(48);
      hostIds.add(ids.hostId());
      for (int i = 0; i < 16; i++) {
        requestSeen[i].add(ids.requestId().charAt(i));
      }
      for (int i = 0; i < 64; i++) {
        hostSeen[i].add(ids.hostId().charAt(i));
      }
    }
    assertThat(hostIds).hasSize(5_000);
    for (int i = 0; i < 16; i++) {
      assertThat(requestSeen[i]).as("request id characters at position %d", i).hasSize(16);
    }
    for (int i = 0; i < 64; i++) {
      assertThat(hostSeen[i]).as("host id characters at position %d", i).hasSize(64);
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
