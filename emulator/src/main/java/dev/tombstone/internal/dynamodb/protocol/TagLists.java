package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.DynamoDbError;
import dev.tombstone.internal.TableTagRules;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request's {@code Tags} list (TagResource, CreateTable): the model's constraints on each
 * {@code Key} and {@code Value}, then DynamoDB's own checks of the keys and values.
 */
final class TagLists {
  private TagLists() {}

  /**
   * The tags of {@code tags} in their order, reporting the model's violations to {@code
   * constraints} (which the caller checks). A key given twice is kept once: {@link #check}
   * refuses it once the model's constraints held.
   */
  static Read read(List<Json> tags, Constraints constraints) {
    Map<String, String> parsed = new LinkedHashMap<>();
    String duplicate = null;
    if (tags != null) {
      int i = 1;
      for (Json raw : tags) {
        Json.Obj tag = Members.element(raw, "Tag");
        String key = tag == null ? null : Members.string(tag, "Key");
        String value = tag == null ? null : Members.string(tag, "Value");
        String path = "tags." + i + ".member.";
        constraints.notNull(path + "key", key).lengthBetween(path + "key", key, 1, 128);
        constraints.notNull(path + "value", value).lengthBetween(path + "value", value, 0, 256);
        if (key != null && value != null && parsed.put(key, value) != null && duplicate == null) {
          duplicate = key;
        }
        i++;
      }
    }
    return new Read(Collections.unmodifiableMap(parsed), duplicate);
  }

  /** The tags of one request, and the first key it gave twice (or null). */
  record Read(Map<String, String> tags, String duplicate) {
    /**
     * Refuses a key given twice, then a key or value DynamoDB refuses, as DynamoDB answers them.
     */
    Read check() {
      if (duplicate != null) {
        throw new DynamoDbError.Validation(
            "Duplicate Tag Keys provided as input: Duplicate Tag Key found " + duplicate);
      }
      TableTagRules.tagsError(tags).ifPresent(message -> {
        throw new DynamoDbError.Validation(message);
      });
      return this;
    }
  }
}
