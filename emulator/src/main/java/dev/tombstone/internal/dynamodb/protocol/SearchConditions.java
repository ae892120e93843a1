package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.DynamoDbError;
import dev.tombstone.dynamodb.ItemCondition;
import dev.tombstone.dynamodb.KeyAttribute;
import dev.tombstone.dynamodb.KeySchema;
import dev.tombstone.internal.dynamodb.VectorIndex;
import dev.tombstone.internal.dynamodb.expression.CompiledCondition;
import dev.tombstone.internal.dynamodb.expression.Projection;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * SearchVectors' checks of its expressions against the vector index: the condition reads only
 * top-level search schema attributes and names the partition key (HASH) when there is one; the
 * projection names only what the index projects. The missing-HASH text is AWS's (developer
 * guide, troubleshooting vector indexes); the others are Tombstone's.
 */
final class SearchConditions {
  private SearchConditions() {}

  /** @param filter the compiled SearchConditionExpression, or null when the request has none */
  static void check(VectorIndex index, ItemCondition filter) {
    VectorIndex.SearchKey hash = index.hashKey();
    if (filter == null) {
      if (hash != null) {
        throw new DynamoDbError.Validation(
            SearchVectorsOperation.HASH_CONDITION_MISSING);
      }
      return;
    }
    CompiledCondition compiled = (CompiledCondition) filter;
    if (!compiled.nestedAttributeNames().isEmpty()) {
      throw ServiceErrors.invalidParameters("SearchConditionExpression supports top-level"
          + " attributes only: " + new ArrayList<>(compiled.nestedAttributeNames()));
    }
    Set<String> schema = new HashSet<>();
    index.searchSchema().forEach(key -> schema.add(key.attribute()));
    List<String> outside = new ArrayList<>();
    for (String name : compiled.attributeNames()) {
      if (!schema.contains(name)) {
        outside.add(name);
      }
    }
    if (!outside.isEmpty()) {
      throw ServiceErrors.invalidParameters("SearchConditionExpression can only use the"
          + " SearchSchema attributes of vector index " + index.name() + ": " + outside);
    }
    if (hash != null && !compiled.attributeNames().contains(hash.attribute())) {
      throw new DynamoDbError.Validation(
          SearchVectorsOperation.HASH_CONDITION_MISSING);
    }
  }

  /** @param projection the compiled ProjectionExpression, or null when the request has none */
  static void checkProjection(VectorIndex index, KeySchema tableKey, Projection projection) {
    if (projection == null || index.projectionType().equals("ALL")) {
      return;
    }
    Set<String> held = new HashSet<>(index.nonKeyAttributes());
    for (KeyAttribute key : tableKey.attributes()) {
      held.add(key.name());
    }
    held.add(index.vectorAttribute());
    index.searchSchema().forEach(key -> held.add(key.attribute()));
    List<String> missing = new ArrayList<>();
    for (String name : projection.topLevelAttributes()) {
      if (!held.contains(name)) {
        missing.add(name);
      }
    }
    if (!missing.isEmpty()) {
      throw ServiceErrors.invalidParameters("Vector index " + index.name()
          + " does not project " + missing);
    }
  }
}
