package dev.tombstone.internal.dynamodb;

import dev.tombstone.dynamodb.AttributeType;
import java.util.List;
import java.util.Objects;

/**
 * A vector index of a table, as CreateTable's {@code VectorIndexes} or UpdateTable's {@code
 * VectorIndexUpdates} declared it. Kept beside the table, like its other side settings: the
 * index holds no copy of the items, a search reads the table as it is. Internal.
 *
 * @param name the index name
 * @param vectorAttribute the top-level attribute that holds each item's vector
 * @param dimensions how many numbers each vector has
 * @param distance how a search scores an item against the search vector
 * @param searchSchema the vector index partition key and inline filter attributes, in order
 * @param projectionType ALL, KEYS_ONLY or INCLUDE
 * @param nonKeyAttributes the attributes INCLUDE names; empty otherwise
 */
public record VectorIndex(String name, String vectorAttribute, int dimensions,
    VectorDistance distance, List<SearchKey> searchSchema, String projectionType,
    List<String> nonKeyAttributes) {

  /** Copies the lists. */
  public VectorIndex {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(vectorAttribute, "vectorAttribute");
    Objects.requireNonNull(distance, "distance");
    searchSchema = List.copyOf(searchSchema);
    nonKeyAttributes = List.copyOf(nonKeyAttributes);
  }

  /**
   * One element of a {@code SearchSchema}.
   *
   * @param attribute the attribute name
   * @param hash whether it is the vector index partition key (HASH) rather than an inline
   *     filter (INLINE_FILTER)
   * @param type its type, from the table's {@code AttributeDefinitions}
   */
  public record SearchKey(String attribute, boolean hash, AttributeType type) {
    /** {@code HASH} or {@code INLINE_FILTER}, as the API names the element's role. */
    public String elementType() {
      return hash ? "HASH" : "INLINE_FILTER";
    }
  }

  /** The partition key element of the search schema, or null when it has none. */
  public SearchKey hashKey() {
    for (SearchKey key : searchSchema) {
      if (key.hash()) {
        return key;
      }
    }
    return null;
  }
}
