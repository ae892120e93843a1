package dev.tombstone.internal.dynamodb.protocol;

import static dev.tombstone.dynamodb.AttributeValue.n;
import static dev.tombstone.dynamodb.AttributeValue.s;
import static dev.tombstone.dynamodb.AttributeValue.ss;

import dev.tombstone.dynamodb.DynamoDbState;
import dev.tombstone.dynamodb.Item;
import dev.tombstone.dynamodb.KeyAttribute;
import dev.tombstone.dynamodb.KeySchema;
import dev.tombstone.dynamodb.TableDefinition;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The tables T1–T4 of dynamodb-api.md §8, created through the domain API. */
final class Fixtures {
  static final String T1 = "compare-yourself";
  static final String T2 = "comp-table";
  static final String T3 = "upload_metadata";
  static final String T4 = "big";

  private Fixtures() {}

  static void create(DynamoDbState dynamo) {
    dynamo.createTable(T1, KeySchema.of(KeyAttribute.s("UserId")));
    for (String user : List.of("user001", "user002", "user003")) {
      dynamo.putItem(T1, Item.builder().put("UserId", user).build());
    }

    KeySchema t2 = KeySchema.of(KeyAttribute.s("user"), KeyAttribute.n("time"));
    Map<String, dev.tombstone.dynamodb.AttributeType> definitions = new LinkedHashMap<>();
    definitions.put("user", dev.tombstone.dynamodb.AttributeType.S);
    definitions.put("time", dev.tombstone.dynamodb.AttributeType.N);
    dynamo.createTable(new TableDefinition(T2, t2, definitions,
        TableDefinition.BillingMode.PROVISIONED, 5, 5, List.of(), List.of(), false));
    dynamo.putItem(T2, Item.builder()
        .put("user", s("Mingus"))
        .put("time", n("200"))
        .put("status", s("shopping"))
        .put("friends", ss("Dooley", "Ben", "Daisy"))
        .build());

    dynamo.createTable(T3, KeySchema.of(KeyAttribute.s("bucket"), KeyAttribute.s("object_key")));

    dynamo.createTable(T4, KeySchema.of(KeyAttribute.s("pk")));
    dynamo.putItem(T4, Item.builder().put("pk", "k").put("data", "x".repeat(1018)).build());
  }
}
