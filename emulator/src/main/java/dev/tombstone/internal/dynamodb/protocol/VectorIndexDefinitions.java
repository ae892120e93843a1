package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.AttributeType;
import dev.tombstone.dynamodb.DynamoDbError;
import dev.tombstone.internal.dynamodb.VectorDistance;
import dev.tombstone.internal.dynamodb.VectorIndex;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and checks vector index declarations ({@code CreateVectorIndexAction}, as CreateTable's
 * {@code VectorIndexes} and UpdateTable's {@code VectorIndexUpdates} hold them): first the
 * model's constraints, reported with the request's other violations, then the rules of the
 * developer guide against the table. Texts the guide quotes are AWS's; the others are
 * Tombstone's and say so in the README.
 */
final class VectorIndexDefinitions {
  /** The largest {@code Dimensions} (CloudFormation's VectorIndex, Maximum 4096). */
  static final int MAX_DIMENSIONS = 4096;
  /** Quoted verbatim by the developer guide's troubleshooting table. */
  static final String SEARCH_SCHEMA_UNDEFINED =
      "One element in SearchSchema is not defined in attribute definitions";
  static final String ON_DEMAND_ONLY =
      "Vector indexes are supported only on tables with BillingMode PAY_PER_REQUEST";

  private static final String[] DISTANCES = {"COSINE", "DOT_PRODUCT", "EUCLIDEAN"};
  private static final String[] ELEMENT_TYPES = {"HASH", "INLINE_FILTER"};

  private VectorIndexDefinitions() {}

  /** A declaration as read, before the checks against the table. */
  record Declared(String name, String vectorAttribute, Long dimensions, String distance,
      List<String[]> searchSchema, String projectionType, List<String> nonKeyAttributes) {}

  /** Each declaration of a {@code VectorIndexes} list at {@code path}; empty when absent. */
  static List<Declared> readAll(List<Json> indexes, String path, Constraints constraints) {
    List<Declared> declared = new ArrayList<>();
    if (indexes != null) {
      int i = 1;
      for (Json index : indexes) {
        declared.add(read(Members.element(index, "VectorIndex"), path + "." + i + ".member",
            constraints));
        i++;
      }
    }
    return declared;
  }

  /** One {@code CreateVectorIndexAction} at {@code path}, its model violations collected. */
  static Declared read(Json.Obj index, String path, Constraints constraints) {
    String name = Members.string(index, "IndexName");
    constraints.globalIndexName(path + ".indexName", name);
    Json.Obj vector = Members.structure(index, "VectorAttribute");
    constraints.notNull(path + ".vectorAttribute", vector);
    String vectorAttribute = null;
    if (vector != null) {
      vectorAttribute = Members.string(vector, "AttributeName");
      constraints.notNull(path + ".vectorAttribute.attributeName", vectorAttribute);
      constraints.lengthBetween(path + ".vectorAttribute.attributeName", vectorAttribute, 1,
          255);
    }
    Long dimensions = Members.longValue(index, "Dimensions");
    constraints.notNull(path + ".dimensions", dimensions);
    constraints.atLeast(path + ".dimensions", dimensions, 1L);
    String distance = Members.string(index, "DistanceFunction");
    constraints.notNull(path + ".distanceFunction", distance);
    constraints.oneOf(path + ".distanceFunction", distance, DISTANCES);
    List<String[]> schema = new ArrayList<>();
    List<Json> elements = Members.list(index, "SearchSchema");
    if (elements != null) {
      int i = 1;
      for (Json element : elements) {
        Json.Obj e = Members.element(element, "SearchSchemaElement");
        String member = path + ".searchSchema." + i + ".member.";
        String attribute = Members.string(e, "AttributeName");
        String type = Members.string(e, "SearchSchemaElementType");
        constraints.notNull(member + "attributeName", attribute);
        constraints.lengthBetween(member + "attributeName", attribute, 1, 255);
        constraints.notNull(member + "searchSchemaElementType", type);
        constraints.oneOf(member + "searchSchemaElementType", type, ELEMENT_TYPES);
        schema.add(new String[] {attribute, type});
        i++;
      }
    }
    SecondaryIndexes.DeclaredProjection projection =
        SecondaryIndexes.readProjection(index, path, constraints);
    return new Declared(name, vectorAttribute, dimensions, distance, schema, projection.type(),
        projection.nonKeyAttributes());
  }

  /**
   * Checks {@code declared} against the table and returns the index it declares.
   *
   * @param types the table's attribute definitions (with the request's, for UpdateTable)
   * @param onDemand whether the table is (or is created) PAY_PER_REQUEST
   * @param takenNames the names of the table's other indexes, secondary and vector; the new
   *     name is added
   * @param others the table's other vector indexes, for the one-dimension-count-per-attribute
   *     rule
   */
  static VectorIndex define(Declared declared, Map<String, AttributeType> types,
      boolean onDemand, Set<String> takenNames, Collection<VectorIndex> others) {
    if (!onDemand) {
      throw ServiceErrors.invalidParameters(ON_DEMAND_ONLY);
    }
    String type = declared.projectionType();
    SecondaryIndexes.checkProjection(type, declared.nonKeyAttributes());
    if (declared.dimensions() > MAX_DIMENSIONS) {
      throw ServiceErrors.invalidParameters("Dimensions must be between 1 and "
          + MAX_DIMENSIONS + " for vector index: " + declared.name());
    }
    List<VectorIndex.SearchKey> schema = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    boolean hash = false;
    for (String[] element : declared.searchSchema()) {
      AttributeType attributeType = types.get(element[0]);
      if (attributeType == null) {
        throw new DynamoDbError.Validation(SEARCH_SCHEMA_UNDEFINED);
      }
      if (!seen.add(element[0])) {
        throw ServiceErrors.invalidParameters("Duplicate attribute in SearchSchema: "
            + element[0] + " for vector index: " + declared.name());
      }
      boolean isHash = element[1].equals("HASH");
      if (isHash && hash) {
        throw ServiceErrors.invalidParameters(
            "SearchSchema can have at most one HASH element for vector index: "
                + declared.name());
      }
      hash |= isHash;
      schema.add(new VectorIndex.SearchKey(element[0], isHash, attributeType));
    }
    if (!takenNames.add(declared.name())) {
      throw ServiceErrors.invalidParameters("Duplicate index name: " + declared.name());
    }
    for (VectorIndex other : others) {
      if (other.vectorAttribute().equals(declared.vectorAttribute())
          && other.dimensions() != declared.dimensions()) {
        throw ServiceErrors.invalidParameters("Vector indexes on attribute "
            + declared.vectorAttribute() + " must all have the same Dimensions: "
            + other.name() + " has " + other.dimensions());
      }
    }
    return new VectorIndex(declared.name(), declared.vectorAttribute(),
        declared.dimensions().intValue(), VectorDistance.valueOf(declared.distance()), schema,
        type, declared.nonKeyAttributes() == null ? List.of() : declared.nonKeyAttributes());
  }
}
