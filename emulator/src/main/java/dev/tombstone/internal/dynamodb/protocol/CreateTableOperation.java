package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.AttributeType;
import dev.tombstone.dynamodb.DynamoDbError;
import dev.tombstone.dynamodb.DynamoDbState;
import dev.tombstone.dynamodb.KeyAttribute;
import dev.tombstone.dynamodb.KeySchema;
import dev.tombstone.dynamodb.TableDefinition;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CreateTable of API 2012-08-10: decode and validate in DynamoDB's order (the model's
 * constraints, billing, key schema, indexes, attribute definitions), create, encode.
 */
final class CreateTableOperation {
  private final DynamoDbState state;

  CreateTableOperation(DynamoDbState state) {
    this.state = state;
  }

  byte[] handle(Json.Obj request) throws IOException {
    String tableName = Members.string(request, "TableName");
    List<Json> keySchema = Members.list(request, "KeySchema");
    List<Json> definitions = Members.list(request, "AttributeDefinitions");
    String billingMode = Members.string(request, "BillingMode");
    Json.Obj throughput = Members.structure(request, "ProvisionedThroughput");
    List<Json> localIndexes = Members.list(request, "LocalSecondaryIndexes");
    List<Json> globalIndexes = Members.list(request, "GlobalSecondaryIndexes");
    Boolean deletionProtection = Members.bool(request, "DeletionProtectionEnabled");

    Constraints constraints = new Constraints();
    constraints.notNull("attributeDefinitions", definitions);
    constraints.tableName("tableName", tableName, true);
    constraints.notNull("keySchema", keySchema);
    if (keySchema != null) {
      constraints.size("keySchema",
          ConstraintValues.structures(keySchema, "KeySchemaElement", "AttributeName", "KeyType"),
          1, 2);
    }
    constraints.oneOf("billingMode", billingMode, "PROVISIONED", "PAY_PER_REQUEST");
    Throughput units = Throughput.read(throughput, constraints);
    Long read = units.read();
    Long write = units.write();
    Map<String, AttributeType> attributeTypes = new LinkedHashMap<>();
    boolean duplicateDefinition = false;
    if (definitions != null) {
      int i = 1;
      for (Json definition : definitions) {
        Json.Obj d = Members.structure(definition);
        String name = Members.string(d, "AttributeName");
        String type = Members.string(d, "AttributeType");
        constraints.notNull("attributeDefinitions." + i + ".member.attributeName", name);
        constraints.notNull("attributeDefinitions." + i + ".member.attributeType", type);
        constraints.oneOf("attributeDefinitions." + i + ".member.attributeType", type, "B", "N",
            "S");
        if (name != null && type != null && type.matches("[BNS]")
            && attributeTypes.put(name, AttributeType.valueOf(type)) != null) {
          duplicateDefinition = true;
        }
        i++;
      }
    }
    List<String[]> keyElements = keyElements(keySchema, "keySchema", constraints);
    constraints.check();

    if (duplicateDefinition) {
      throw new DynamoDbError.Validation("Cannot have two attributes with the same name");
    }
    boolean onDemand = "PAY_PER_REQUEST".equals(billingMode);
    if (onDemand && throughput != null) {
      throw ServiceErrors.invalidParameters("Neither ReadCapacityUnits nor"
          + " WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");
    }
    if (!onDemand && throughput == null) {
      throw ServiceErrors.invalidParameters("ReadCapacityUnits and WriteCapacityUnits"
          + " must both be specified when BillingMode is PROVISIONED");
    }
    units.checkBounds();
    KeySchema schema = keySchema(keyElements, attributeTypes);
    List<TableDefinition.IndexDefinition> lsis =
        indexes(localIndexes, "localSecondaryIndexes", attributeTypes, false);
    List<TableDefinition.IndexDefinition> gsis =
        indexes(globalIndexes, "globalSecondaryIndexes", attributeTypes, !onDemand);
    checkNameLengths(schema, lsis, gsis);
    if (lsis.isEmpty() && gsis.isEmpty() && attributeTypes.size() != schema.size()) {
      throw ServiceErrors.invalidParameters("Number of attributes in KeySchema does not"
          + " exactly match number of attributes defined in AttributeDefinitions");
    }
    TableDefinition definition =
        new TableDefinition(
            tableName,
            schema,
            attributeTypes,
            onDemand ? TableDefinition.BillingMode.PAY_PER_REQUEST
                : TableDefinition.BillingMode.PROVISIONED,
            onDemand ? 0 : read,
            onDemand ? 0 : write,
            lsis,
            gsis,
            Boolean.TRUE.equals(deletionProtection));
    return TableDescriptions.write("TableDescription", state.createTable(definition));
  }

  /**
   * Key attribute names (of the table and its indexes) and projected attribute names are at
   * most 255 characters; checked after the key attributes are found defined, as DynamoDB does.
   */
  private static void checkNameLengths(KeySchema schema,
      List<TableDefinition.IndexDefinition> lsis, List<TableDefinition.IndexDefinition> gsis) {
    List<String> names = new ArrayList<>();
    addKeyNames(names, schema);
    for (List<TableDefinition.IndexDefinition> indexes : List.of(lsis, gsis)) {
      for (TableDefinition.IndexDefinition index : indexes) {
        addKeyNames(names, index.keySchema());
        names.addAll(index.nonKeyAttributes());
      }
    }
    for (String name : names) {
      if (name.isEmpty() || name.length() > 255) {
        throw new DynamoDbError.Validation("Names of key attributes and attributes projected"
            + " into an index must be between 1 and 255 characters, inclusive");
      }
    }
  }

  private static void addKeyNames(List<String> names, KeySchema schema) {
    names.add(schema.partitionKey().name());
    schema.sortKeyIfAny().ifPresent(sort -> names.add(sort.name()));
  }

  /** Key schema elements as [name, keyType] pairs, with their constraint checks. */
  private static List<String[]> keyElements(
      List<Json> elements, String path, Constraints constraints) {
    List<String[]> result = new ArrayList<>();
    if (elements == null) {
      return result;
    }
    int i = 1;
    for (Json element : elements) {
      Json.Obj e = Members.structure(element);
      String name = Members.string(e, "AttributeName");
      String keyType = Members.string(e, "KeyType");
      constraints.notNull(path + "." + i + ".member.attributeName", name);
      constraints.notNull(path + "." + i + ".member.keyType", keyType);
      constraints.oneOf(path + "." + i + ".member.keyType", keyType, "HASH", "RANGE");
      result.add(new String[] {name, keyType});
      i++;
    }
    return result;
  }

  private static KeySchema keySchema(List<String[]> elements, Map<String, AttributeType> types) {
    if (!"HASH".equals(elements.get(0)[1])) {
      throw new DynamoDbError.Validation(
          "Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
    }
    if (elements.size() == 2) {
      if (!"RANGE".equals(elements.get(1)[1])) {
        throw new DynamoDbError.Validation(
            "Invalid KeySchema: The second KeySchemaElement is not a RANGE key type");
      }
      if (elements.get(0)[0].equals(elements.get(1)[0])) {
        throw ServiceErrors.sameHashAndRangeName();
      }
    }
    List<String> missing = new ArrayList<>();
    for (String[] element : elements) {
      if (!types.containsKey(element[0])) {
        missing.add(element[0]);
      }
    }
    if (!missing.isEmpty()) {
      List<String> keys = new ArrayList<>();
      for (String[] element : elements) {
        keys.add(element[0]);
      }
      throw ServiceErrors.invalidParameters("Some index key attributes are not defined in"
          + " AttributeDefinitions. Keys: " + keys + ", AttributeDefinitions: "
          + new ArrayList<>(types.keySet()));
    }
    KeyAttribute hash = new KeyAttribute(elements.get(0)[0], types.get(elements.get(0)[0]));
    if (elements.size() == 1) {
      return KeySchema.of(hash);
    }
    return KeySchema.of(hash, new KeyAttribute(elements.get(1)[0], types.get(elements.get(1)[0])));
  }

  static List<TableDefinition.IndexDefinition> indexes(
      List<Json> indexes, String path, Map<String, AttributeType> types, boolean provisioned) {
    List<TableDefinition.IndexDefinition> result = new ArrayList<>();
    if (indexes == null) {
      return result;
    }
    int i = 1;
    for (Json raw : indexes) {
      Json.Obj index = Members.structure(raw);
      String name = Members.string(index, "IndexName");
      Constraints constraints = new Constraints();
      constraints.notNull(path + "." + i + ".member.indexName", name);
      constraints.lengthBetween(path + "." + i + ".member.indexName", name, 3, 255);
      List<String[]> elements =
          keyElements(Members.list(index, "KeySchema"), path + "." + i + ".member.keySchema",
              constraints);
      Json.Obj projection = Members.structure(index, "Projection");
      constraints.notNull(path + "." + i + ".member.projection", projection);
      String projectionType = projection == null ? null
          : Members.string(projection, "ProjectionType");
      constraints.oneOf(path + "." + i + ".member.projection.projectionType", projectionType,
          "ALL", "KEYS_ONLY", "INCLUDE");
      if (elements.isEmpty()) {
        constraints.notNull(path + "." + i + ".member.keySchema", null);
      }
      constraints.check();
      List<String> nonKey = projection == null ? null
          : Members.stringList(projection, "NonKeyAttributes");
      Json.Obj throughput = Members.structure(index, "ProvisionedThroughput");
      long read = throughput == null ? 0
          : orZero(Members.longValue(throughput, "ReadCapacityUnits"));
      long write = throughput == null ? 0
          : orZero(Members.longValue(throughput, "WriteCapacityUnits"));
      if (provisioned && throughput == null && path.startsWith("global")) {
        throw ServiceErrors.invalidParameters("ProvisionedThroughput must be specified"
            + " for index: " + name);
      }
      result.add(new TableDefinition.IndexDefinition(
          name, keySchema(elements, types), projectionType == null ? "ALL" : projectionType,
          nonKey == null ? List.of() : nonKey, read, write));
      i++;
    }
    return result;
  }

  private static long orZero(Long value) {
    return value == null ? 0 : value;
  }
}
