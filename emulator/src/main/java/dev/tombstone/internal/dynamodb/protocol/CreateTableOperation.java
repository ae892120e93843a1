package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.AttributeType;
import dev.tombstone.dynamodb.DynamoDbError;
import dev.tombstone.dynamodb.DynamoDbState;
import dev.tombstone.dynamodb.KeySchema;
import dev.tombstone.dynamodb.TableDefinition;
import dev.tombstone.dynamodb.TableDescription;
import dev.tombstone.internal.dynamodb.TableAttachments;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * CreateTable of API 2012-08-10: decode and validate in DynamoDB's order (the model's
 * constraints of every member, the indexes' included; duplicate definitions, billing and
 * throughput, the key schema, the local then the global indexes, name lengths, the attributes
 * projected into all indexes, the definitions' use, then SSEType), create, encode. A request
 * that fails any of these never learns whether the table exists.
 */
final class CreateTableOperation {
  private final DynamoDbState state;
  private final TableAttachments attachments;

  CreateTableOperation(DynamoDbState state, TableAttachments attachments) {
    this.state = state;
    this.attachments = attachments;
  }

  byte[] handle(Json.Obj request) throws IOException {
    String resourcePolicy = Members.string(request, "ResourcePolicy");
    Constraints constraints = new Constraints();
    Json.Obj sseSpecification =
        SseSpecifications.read(request, "SSESpecification", "sSESpecification", constraints);
    TableDefinition definition = define(request, "", constraints, true);
    SseSpecifications.Spec sse = SseSpecifications.check(sseSpecification);
    String policy = resourcePolicy == null ? null : PolicyDocuments.check(resourcePolicy);
    TableDescription created = state.createTable(definition);
    // Stored once the table exists: a refused CreateTable leaves no policy or key behind.
    if (policy != null) {
      attachments.policies().put(created.definition().name(), created.tableId(), created.arn(),
          new TableAttachments.ResourcePolicy(policy,
              Long.toString(attachments.clock().millis())));
    }
    return TableDescriptions.write("TableDescription", created,
        SseSpecifications.created(attachments, created, sse));
  }

  /**
   * Decodes and checks a table's definition as CreateTable does, reporting the model's
   * violations together with those {@code constraints} already holds.
   *
   * @param path what the member paths start with: "" for CreateTable, {@code
   *     tableCreationParameters.} for ImportTable
   * @param createTable whether the CreateTable-only members (local indexes, stream, deletion
   *     protection) are read; ImportTable's parameters have none
   */
  static TableDefinition define(Json.Obj request, String path, Constraints constraints,
      boolean createTable) {
    String tableName = Members.string(request, "TableName");
    List<Json> keySchema = Members.list(request, "KeySchema");
    List<Json> definitions = Members.list(request, "AttributeDefinitions");
    String billingMode = Members.string(request, "BillingMode");
    Json.Obj throughput = Members.structure(request, "ProvisionedThroughput");
    List<Json> localIndexes = Members.list(request, "LocalSecondaryIndexes");
    List<Json> globalIndexes = Members.list(request, "GlobalSecondaryIndexes");
    Boolean deletionProtection = Members.bool(request, "DeletionProtectionEnabled");
    if (!createTable) {
      localIndexes = null;
      deletionProtection = null;
    }

    constraints.notNull(path + "attributeDefinitions", definitions);
    constraints.tableName(path + "tableName", tableName, true);
    KeySchemas.checkSize(keySchema, path + "keySchema", constraints);
    Json.Obj streamSpecification =
        createTable ? StreamSpecifications.read(request, constraints) : null;
    constraints.oneOf(path + "billingMode", billingMode, "PROVISIONED", "PAY_PER_REQUEST");
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
        String member = path + "attributeDefinitions." + i + ".member.";
        constraints.notNull(member + "attributeName", name);
        constraints.notNull(member + "attributeType", type);
        constraints.oneOf(member + "attributeType", type, "B", "N", "S");
        if (name != null && type != null && type.matches("[BNS]")
            && attributeTypes.put(name, AttributeType.valueOf(type)) != null) {
          duplicateDefinition = true;
        }
        i++;
      }
    }
    List<String[]> keyElements = KeySchemas.read(keySchema, path + "keySchema", constraints);
    List<SecondaryIndexes.Declared> declaredLocal =
        SecondaryIndexes.readAll(localIndexes, path + "localSecondaryIndexes", false,
            constraints);
    List<SecondaryIndexes.Declared> declaredGlobal =
        SecondaryIndexes.readAll(globalIndexes, path + "globalSecondaryIndexes", true,
            constraints);
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
    StreamSpecifications.Spec stream = StreamSpecifications.check(streamSpecification,
        StreamSpecifications.Request.CREATE_TABLE);
    TableAttributeNames.check(attributeTypes.keySet(), keyElements,
        Arrays.asList(declaredLocal, declaredGlobal));
    KeySchema schema = KeySchemas.build(keyElements, attributeTypes);
    Set<String> indexNames = new HashSet<>();
    List<TableDefinition.IndexDefinition> lsis =
        SecondaryIndexes.local(declaredLocal, schema, attributeTypes, indexNames);
    List<TableDefinition.IndexDefinition> gsis =
        SecondaryIndexes.global(declaredGlobal, attributeTypes, !onDemand, indexNames);
    SecondaryIndexes.checkProjectedTotal(lsis, gsis);
    AttributeDefinitionsUse.check(attributeTypes, schema, lsis, gsis);
    return new TableDefinition(
            tableName,
            schema,
            attributeTypes,
            onDemand ? TableDefinition.BillingMode.PAY_PER_REQUEST
                : TableDefinition.BillingMode.PROVISIONED,
            onDemand ? 0 : read,
            onDemand ? 0 : write,
            lsis,
            gsis,
            Boolean.TRUE.equals(deletionProtection),
            stream == null ? null : stream.viewType());
  }
}
