package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.DynamoDbError;
import dev.tombstone.internal.TableTagRules;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A request's {@code Tags} list (TagResource, CreateTable). DynamoDB does not apply the model's
 * length constraints to {@code Key} and {@code Value}: a missing, empty or too long one gets its
 * own text ({@code The Tag Key provided is invalid, Key: null}), as the ack-api-quirks catalogue
 * recorded in 2026 (DDB-TABLE-107, DDB-TABLE-457).
 */
final class TagLists {
  private TagLists() {}

  /** The tags of {@code tags} in their order, each as given (a key or value may be null). */
  static Read read(List<Json> tags) {
    List<Pair> pairs = new ArrayList<>();
    if (tags != null) {
      for (Json raw : tags) {
        Json.Obj tag = Members.element(raw, "Tag");
        pairs.add(tag == null ? new Pair(null, null)
            : new Pair(Members.string(tag, "Key"), Members.string(tag, "Value")));
      }
    }
    return new Read(List.copyOf(pairs));
  }

  /** One element of the list, as given. */
  record Pair(String key, String value) {}

  /** The tags of one request, in their order. */
  record Read(List<Pair> pairs) {
    /**
     * Refuses, as DynamoDB answers them: a key or value missing or of a wrong length (in the
     * list's order), then a key given twice, then a reserved prefix or a character not allowed.
     *
     * @return the tags, in their order
     */
    Map<String, String> check() {
      for (Pair pair : pairs) {
        refuse(TableTagRules.lengthError(pair.key(), pair.value()));
      }
      Map<String, String> tags = new LinkedHashMap<>();
      for (Pair pair : pairs) {
        if (tags.put(pair.key(), pair.value()) != null) {
          throw new DynamoDbError.Validation(
              "Duplicate Tag Keys provided as input: Duplicate Tag Key found " + pair.key());
        }
      }
      for (Pair pair : pairs) {
        refuse(TableTagRules.contentError(pair.key(), pair.value()));
      }
      return Collections.unmodifiableMap(tags);
    }

    boolean isEmpty() {
      return pairs.isEmpty();
    }

    private static void refuse(Optional<String> error) {
      error.ifPresent(message -> {
        throw new DynamoDbError.Validation(message);
      });
    }
  }
}
