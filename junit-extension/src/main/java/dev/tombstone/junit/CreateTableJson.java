package dev.tombstone.junit;

import dev.tombstone.dynamodb.KeyAttribute;
import dev.tombstone.dynamodb.KeySchema;
import java.util.ArrayList;
import java.util.List;

/**
 * A declared table as a CreateTable request in DynamoDB JSON, for the emulator's CreateTable
 * checks ({@code DynamoDbJson.tableDefinition}): a table with indexes is refused for DynamoDB's
 * reasons and with its messages.
 */
final class CreateTableJson {
  private CreateTableJson() {}

  static String of(String name, TableDeclaration table) {
    StringBuilder json = new StringBuilder("{\"TableName\":").append(quote(name))
        .append(",\"BillingMode\":\"PAY_PER_REQUEST\",\"KeySchema\":")
        .append(keySchema(table.keySchema())).append(",\"AttributeDefinitions\":[");
    List<String> definitions = new ArrayList<>();
    for (KeyAttribute a : table.attributeDefinitions()) {
      definitions.add("{\"AttributeName\":" + quote(a.name()) + ",\"AttributeType\":\""
          + a.type() + "\"}");
    }
    json.append(String.join(",", definitions)).append(']');
    indexes(json, "GlobalSecondaryIndexes", table.globalIndexes());
    indexes(json, "LocalSecondaryIndexes", table.localIndexes());
    if (table.stream() != DynamoDbTable.Stream.NONE) {
      json.append(",\"StreamSpecification\":{\"StreamEnabled\":true,\"StreamViewType\":\"")
          .append(table.stream()).append("\"}");
    }
    if (table.deletionProtection()) {
      json.append(",\"DeletionProtectionEnabled\":true");
    }
    return json.append('}').toString();
  }

  private static void indexes(StringBuilder json, String member,
      List<TableDeclaration.Index> indexes) {
    if (indexes.isEmpty()) {
      return;
    }
    List<String> written = new ArrayList<>();
    for (TableDeclaration.Index index : indexes) {
      String projection = "{\"ProjectionType\":\"" + index.projection() + "\"";
      if (!index.nonKeyAttributes().isEmpty()) {
        projection += ",\"NonKeyAttributes\":["
            + String.join(",", index.nonKeyAttributes().stream().map(a -> quote(a)).toList())
            + "]";
      }
      written.add("{\"IndexName\":" + quote(index.name()) + ",\"KeySchema\":"
          + keySchema(index.keySchema()) + ",\"Projection\":" + projection + "}}");
    }
    json.append(",\"").append(member).append("\":[").append(String.join(",", written))
        .append(']');
  }

  private static String keySchema(KeySchema schema) {
    String json = "[{\"AttributeName\":" + quote(schema.partitionKey().name())
        + ",\"KeyType\":\"HASH\"}";
    if (schema.sortKey() != null) {
      json += ",{\"AttributeName\":" + quote(schema.sortKey().name()) + ",\"KeyType\":\"RANGE\"}";
    }
    return json + "]";
  }

  private static String quote(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }
}
