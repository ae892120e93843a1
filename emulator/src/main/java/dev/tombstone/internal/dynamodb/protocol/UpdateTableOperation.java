package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.AttributeType;
import dev.tombstone.dynamodb.DynamoDbError;
import dev.tombstone.dynamodb.DynamoDbState;
import dev.tombstone.dynamodb.TableDefinition;
import dev.tombstone.dynamodb.UpdateTable;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * UpdateTable of API 2012-08-10: billing mode, throughput, deletion protection and global
 * secondary index create/update/delete; decode, validate, apply, encode the description.
 */
final class UpdateTableOperation {
  private final DynamoDbState state;

  UpdateTableOperation(DynamoDbState state) {
    this.state = state;
  }

  byte[] handle(Json.Obj request) throws IOException {
    String tableName = Members.string(request, "TableName");
    String billingMode = Members.string(request, "BillingMode");
    Json.Obj throughput = Members.structure(request, "ProvisionedThroughput");
    List<Json> definitions = Members.list(request, "AttributeDefinitions");
    List<Json> updates = Members.list(request, "GlobalSecondaryIndexUpdates");
    Boolean deletionProtection = Members.bool(request, "DeletionProtectionEnabled");

    Constraints constraints = new Constraints();
    constraints.tableNameOrArn("tableName", tableName);
    constraints.oneOf("billingMode", billingMode, "PROVISIONED", "PAY_PER_REQUEST");
    Throughput units = Throughput.read(throughput, constraints);
    Long read = units.read();
    Long write = units.write();
    Map<String, AttributeType> types = new LinkedHashMap<>();
    if (definitions != null) {
      int i = 1;
      for (Json definition : definitions) {
        Json.Obj d = Members.structure(definition);
        String name = Members.string(d, "AttributeName");
        String type = Members.string(d, "AttributeType");
        constraints.notNull("attributeDefinitions." + i + ".member.attributeName", name);
        constraints.notNull("attributeDefinitions." + i + ".member.attributeType", type);
        constraints.oneOf("attributeDefinitions." + i + ".member.attributeType", type, "B",
            "N", "S");
        if (name != null && type != null && type.matches("[BNS]")) {
          types.put(name, AttributeType.valueOf(type));
        }
        i++;
      }
    }
    constraints.check();
    units.checkBounds();

    UpdateTable.Request update = UpdateTable.Request.of(tableName);
    if (billingMode != null) {
      update = update.withBillingMode(TableDefinition.BillingMode.valueOf(billingMode));
    }
    if (read != null) {
      update = update.withThroughput(read, write);
    }
    if (deletionProtection != null) {
      update = update.withDeletionProtection(deletionProtection);
    }
    if (updates != null) {
      Map<String, AttributeType> known = new LinkedHashMap<>(
          state.tableDefinition(tableName).attributeDefinitions());
      known.putAll(types);
      for (Json raw : updates) {
        update = update.withIndexChange(change(Members.structure(raw), known));
      }
    }
    return TableDescriptions.write("TableDescription",
        state.updateTable(update.withAttributeDefinitions(types)));
  }

  private static UpdateTable.IndexChange change(Json.Obj element,
      Map<String, AttributeType> types) {
    Json.Obj create = Members.structure(element, "Create");
    Json.Obj delete = Members.structure(element, "Delete");
    Json.Obj update = Members.structure(element, "Update");
    if (create != null) {
      return new UpdateTable.IndexChange.Create(CreateTableOperation.indexes(
          List.of(create), "globalSecondaryIndexUpdates.1.member.create", types, false).get(0));
    }
    if (delete != null) {
      String name = Members.string(delete, "IndexName");
      new Constraints().notNull("globalSecondaryIndexUpdates.1.member.delete.indexName", name)
          .check();
      return new UpdateTable.IndexChange.Delete(name);
    }
    if (update != null) {
      String name = Members.string(update, "IndexName");
      Json.Obj throughput = Members.structure(update, "ProvisionedThroughput");
      Constraints constraints = new Constraints()
          .notNull("globalSecondaryIndexUpdates.1.member.update.indexName", name)
          .notNull("globalSecondaryIndexUpdates.1.member.update.provisionedThroughput",
              throughput);
      Throughput units = Throughput.read(throughput,
          "globalSecondaryIndexUpdates.1.member.update.provisionedThroughput", constraints);
      constraints.check();
      units.checkBounds();
      return new UpdateTable.IndexChange.Update(name, units.read(), units.write());
    }
    throw new DynamoDbError.Validation("One or more parameter values were invalid: One of"
        + " GlobalSecondaryIndexUpdate.Create, Update or Delete must be specified");
  }
}
