package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.AttributeType;
import dev.tombstone.dynamodb.DynamoDbError;
import dev.tombstone.dynamodb.DynamoDbState;
import dev.tombstone.dynamodb.KeySchema;
import dev.tombstone.dynamodb.TableDefinition;
import dev.tombstone.dynamodb.TableDescription;
import dev.tombstone.internal.TableTagRules;
import dev.tombstone.internal.dynamodb.TableAttachments;
import dev.tombstone.internal.dynamodb.VectorIndex;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * CreateTable of API 2012-08-10: decode and validate in DynamoDB's order (the model's
 * constraints of every member, the global indexes' then the local indexes' included; duplicate
 * definitions, billing and throughput, the key schema, the local then the global indexes, name
 * lengths, the attributes projected into all indexes, the definitions' use, then SSEType, then
 * the tags), create, tag, encode. A request that fails any of these never learns whether the
 * table exists.
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
    TagLists.Read tags = TagLists.read(Members.list(request, "Tags"));
    Json.Obj sseSpecification =
        SseSpecifications.read(request, "SSESpecification", "sSESpecification", constraints);
    TableAttachments.OnDemandLimits onDemand = OnDemandThroughputs.read(request);
    List<VectorIndexDefinitions.Declared> vectors = VectorIndexDefinitions.readAll(
        Members.list(request, "VectorIndexes"), "vectorIndexes", constraints);
    Set<String> searchKeys = new HashSet<>();
    vectors.forEach(v -> v.searchSchema().forEach(e -> searchKeys.add(e[0])));
    GlobalTableUpdates.readCreate(request, constraints);
    TableDefinition definition = define(request, "", constraints, true, searchKeys);
    GlobalTableUpdates.refuseCreate(request);
    boolean provisioned = definition.billingMode() == TableDefinition.BillingMode.PROVISIONED;
    OnDemandThroughputs.checkCreate(onDemand, provisioned);
    Map<String, TableAttachments.OnDemandLimits> indexOnDemand =
        OnDemandThroughputs.byIndex(request, "GlobalSecondaryIndexes");
    OnDemandThroughputs.checkCreateIndexes(indexOnDemand, provisioned);
    List<VectorIndex> vectorIndexes = vectorIndexes(vectors, definition);
    SseSpecifications.Spec sse = SseSpecifications.check(sseSpecification);
    String policy = resourcePolicy == null ? null : PolicyDocuments.check(resourcePolicy);
    Map<String, String> checkedTags = tags.check();
    if (checkedTags.size() > TableTagRules.MAX_TAGS) {
      // AWS's text, though no table has an ARN yet; a ValidationException, not LimitExceeded.
      throw new DynamoDbError.Validation(TableTagRules.TOO_MANY);
    }
    TableDescription created = state.createTable(definition);
    for (VectorIndex index : vectorIndexes) {
      attachments.vectors().put(created.definition().name(), created.tableId(), index.name(),
          index);
    }
    if (!checkedTags.isEmpty()) {
      // Checked above, so a refused CreateTable leaves no table behind and this cannot fail.
      state.tagResource(created.arn(), checkedTags);
    }
    // Stored once the table exists: a refused CreateTable leaves no policy or key behind.
    if (policy != null) {
      attachments.policies().put(created.definition().name(), created.tableId(), created.arn(),
          new TableAttachments.ResourcePolicy(policy,
              Long.toString(attachments.clock().millis())));
    }
    return TableDescriptions.write("TableDescription", created, Set.of(),
        SseSpecifications.created(attachments, created, sse),
        OnDemandThroughputs.created(attachments, created, onDemand, indexOnDemand),
        VectorIndexDescriptions.of(attachments, state, created));
  }

  /** The vector indexes {@code declared} asks for, checked against the new table. */
  private static List<VectorIndex> vectorIndexes(
      List<VectorIndexDefinitions.Declared> declared, TableDefinition table) {
    Set<String> names = new HashSet<>();
    table.localSecondaryIndexes().forEach(index -> names.add(index.name()));
    table.globalSecondaryIndexes().forEach(index -> names.add(index.name()));
    List<VectorIndex> indexes = new ArrayList<>();
    for (VectorIndexDefinitions.Declared index : declared) {
      indexes.add(VectorIndexDefinitions.define(index, table.attributeDefinitions(),
          table.billingMode() == TableDefinition.BillingMode.PAY_PER_REQUEST, names, indexes));
    }
    return indexes;
  }

  /**
   * Decodes and checks a table's definition as CreateTable does, reporting the model's
   * violations together with those {@code constraints} already holds.
   *
   * @param path what the member paths start with: "" for CreateTable, {@code
   *     tableCreationParameters.} for ImportTable
   * @param createTable whether the CreateTable-only members (local indexes, stream, deletion
   *     protection, table class, warm throughput) are read; ImportTable's parameters have none
   */
  static TableDefinition define(Json.Obj request, String path, Constraints constraints,
      boolean createTable) {
    return define(request, path, constraints, createTable, Set.of());
  }

  /**
   * As above, where {@code searchKeys} are the attributes the request's vector indexes' search
   * schemas name, whose definitions count as used.
   */
  static TableDefinition define(Json.Obj request, String path, Constraints constraints,
      boolean createTable, Set<String> searchKeys) {
    String tableName = Members.string(request, "TableName");
    List<Json> keySchema = Members.list(request, "KeySchema");
    List<Json> definitions = Members.list(request, "AttributeDefinitions");
    String billingMode = Members.string(request, "BillingMode");
    Json.Obj throughput = Members.structure(request, "ProvisionedThroughput");
    List<Json> localIndexes = Members.list(request, "LocalSecondaryIndexes");
    List<Json> globalIndexes = Members.list(request, "GlobalSecondaryIndexes");
    Boolean deletionProtection = Members.bool(request, "DeletionProtectionEnabled");
    String tableClassName = Members.string(request, "TableClass");
    if (!createTable) {
      localIndexes = null;
      deletionProtection = null;
      tableClassName = null;
    }
    // Read with the other members: a unit that is no integer is a SerializationException.
    TableDefinition.WarmThroughput warm = createTable ? WarmThroughputs.read(request) : null;
    List<TableDefinition.WarmThroughput> indexWarm = new ArrayList<>();
    if (createTable && globalIndexes != null) {
      for (Json index : globalIndexes) {
        indexWarm.add(WarmThroughputs.read(Members.element(index, "GlobalSecondaryIndex")));
      }
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
    String duplicateDefinition = null;
    if (definitions != null) {
      int i = 1;
      for (Json definition : definitions) {
        Json.Obj d = Members.element(definition, "AttributeDefinition");
        String name = Members.string(d, "AttributeName");
        String type = Members.string(d, "AttributeType");
        String member = path + "attributeDefinitions." + i + ".member.";
        constraints.notNull(member + "attributeName", name);
        constraints.notNull(member + "attributeType", type);
        constraints.oneOf(member + "attributeType", type, "B", "N", "S");
        if (name != null && type != null && type.matches("[BNS]")
            && attributeTypes.put(name, AttributeType.valueOf(type)) != null
            && duplicateDefinition == null) {
          duplicateDefinition = name;
        }
        i++;
      }
    }
    List<String[]> keyElements = KeySchemas.read(keySchema, path + "keySchema", constraints);
    // The global indexes' violations come before the local ones' whatever the request's order
    // (the 2026 AWS-run conformance suite, validation-ordering createTable.test.ts).
    List<SecondaryIndexes.Declared> declaredGlobal =
        SecondaryIndexes.readAll(globalIndexes, path + "globalSecondaryIndexes", true,
            constraints);
    List<SecondaryIndexes.Declared> declaredLocal =
        SecondaryIndexes.readAll(localIndexes, path + "localSecondaryIndexes", false,
            constraints);
    constraints.check();

    TableDefinition.TableClass tableClass = TableClasses.read(tableClassName);
    if (duplicateDefinition != null) {
      // AWS's text (scylladb/scylladb#13870); DynamoDB Local says "Cannot have two attributes
      // with the same name".
      throw new DynamoDbError.Validation("Attribute Name is duplicated: " + duplicateDefinition);
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
    KeySchemas.checkTableDefinitionCount(keyElements, attributeTypes);
    KeySchema schema = KeySchemas.build(keyElements, attributeTypes);
    Set<String> indexNames = new HashSet<>();
    List<TableDefinition.IndexDefinition> lsis =
        SecondaryIndexes.local(declaredLocal, schema, attributeTypes, indexNames);
    List<TableDefinition.IndexDefinition> gsis = withWarmThroughputs(
        SecondaryIndexes.global(declaredGlobal, attributeTypes, !onDemand, indexNames),
        indexWarm);
    SecondaryIndexes.checkProjectedTotal(lsis, gsis);
    AttributeDefinitionsUse.check(attributeTypes, schema, lsis, gsis, searchKeys);
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
            stream == null ? null : stream.viewType(),
            tableClass,
            warm);
  }

  /** Each of {@code gsis} with the warm throughput in the same place of {@code warm}, if any. */
  private static List<TableDefinition.IndexDefinition> withWarmThroughputs(
      List<TableDefinition.IndexDefinition> gsis, List<TableDefinition.WarmThroughput> warm) {
    List<TableDefinition.IndexDefinition> warmed = new ArrayList<>();
    for (int i = 0; i < gsis.size(); i++) {
      warmed.add(i < warm.size() ? gsis.get(i).withWarmThroughput(warm.get(i)) : gsis.get(i));
    }
    return warmed;
  }
}
