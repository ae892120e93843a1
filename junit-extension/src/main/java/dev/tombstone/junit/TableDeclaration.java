package dev.tombstone.junit;

import dev.tombstone.dynamodb.AttributeType;
import dev.tombstone.dynamodb.KeyAttribute;
import dev.tombstone.dynamodb.KeySchema;
import dev.tombstone.dynamodb.TableDefinition;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * What a {@link DynamoDbTable} asks for, read once: the key schema, the indexes, the TTL
 * attribute (empty for none), the stream and deletion protection. Whether DynamoDB accepts it is
 * left to its CreateTable.
 */
record TableDeclaration(KeySchema keySchema, List<Index> globalIndexes,
    List<Index> localIndexes, Optional<String> timeToLiveAttribute, DynamoDbTable.Stream stream,
    boolean deletionProtection) {

  /** A secondary index: its key (a local index's includes the table's partition key). */
  record Index(String name, KeySchema keySchema, DynamoDbTable.Projection projection,
      List<String> nonKeyAttributes) {
    Index {
      nonKeyAttributes = List.copyOf(nonKeyAttributes);
    }

    static Index of(TableDefinition.IndexDefinition index) {
      return new Index(index.name(), index.keySchema(),
          DynamoDbTable.Projection.valueOf(index.projectionType()), index.nonKeyAttributes());
    }

    /**
     * {@code byStatus: Status (S), projection INCLUDE [a, b]}, the attributes sorted; a local
     * index without the partition key it shares with its table.
     */
    String describe(boolean local) {
      String keys = local ? keys(KeySchema.of(keySchema.sortKey())) : keys(keySchema);
      String text = name + ": " + keys + ", projection " + projection;
      if (!nonKeyAttributes.isEmpty()) {
        text += " " + nonKeyAttributes.stream().sorted().toList();
      }
      return text;
    }
  }

  static TableDeclaration of(DynamoDbTable t, String where) {
    try {
      KeySchema table = key(t.partitionKey(), t.partitionKeyType(), t.sortKey(), t.sortKeyType());
      List<Index> globals = new ArrayList<>();
      for (DynamoDbTable.GlobalIndex g : t.globalSecondaryIndexes()) {
        globals.add(new Index(g.name(),
            key(g.partitionKey(), g.partitionKeyType(), g.sortKey(), g.sortKeyType()),
            g.projection(), Arrays.asList(g.nonKeyAttributes())));
      }
      List<Index> locals = new ArrayList<>();
      for (DynamoDbTable.LocalIndex l : t.localSecondaryIndexes()) {
        locals.add(new Index(l.name(), KeySchema.of(table.partitionKey(),
            new KeyAttribute(l.sortKey(), l.sortKeyType())), l.projection(),
            Arrays.asList(l.nonKeyAttributes())));
      }
      return new TableDeclaration(table, globals, locals,
          Optional.of(t.timeToLiveAttribute()).filter(a -> !a.isEmpty()), t.stream(),
          t.deletionProtection());
    } catch (IllegalArgumentException e) {
      throw new ExtensionConfigurationException("Tombstone: @DynamoDbTable(name = \"" + t.name()
          + "\") on " + where + ": " + e.getMessage() + "; key types are S, N or B", e);
    }
  }

  private static KeySchema key(String partition, AttributeType partitionType, String sort,
      AttributeType sortType) {
    KeyAttribute hash = new KeyAttribute(partition, partitionType);
    return sort.isEmpty() ? KeySchema.of(hash)
        : KeySchema.of(hash, new KeyAttribute(sort, sortType));
  }

  /** Only a key schema: the emulator's state can take it without CreateTable's request. */
  boolean keyOnly() {
    return globalIndexes.isEmpty() && localIndexes.isEmpty() && timeToLiveAttribute.isEmpty()
        && stream == DynamoDbTable.Stream.NONE && !deletionProtection;
  }

  /** The settings two declarations of one table must agree on beyond the key, as text. */
  Map<String, String> settings() {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("globalSecondaryIndexes", describe(globalIndexes, false));
    settings.put("localSecondaryIndexes", describe(localIndexes, true));
    settings.put("timeToLiveAttribute", "\"" + timeToLiveAttribute.orElse("") + "\"");
    settings.put("stream", stream.name());
    settings.put("deletionProtection", Boolean.toString(deletionProtection));
    return settings;
  }

  /**
   * The settings beyond the key that this declaration makes, which a table kept from an earlier
   * test must have as declared; what it leaves out (no indexes, no TTL, no stream, no deletion
   * protection) a test may have changed.
   */
  Map<String, String> declaredSettings() {
    Map<String, String> declared = settings();
    if (globalIndexes.isEmpty()) {
      declared.remove("globalSecondaryIndexes");
    }
    if (localIndexes.isEmpty()) {
      declared.remove("localSecondaryIndexes");
    }
    if (timeToLiveAttribute.isEmpty()) {
      declared.remove("timeToLiveAttribute");
    }
    if (stream == DynamoDbTable.Stream.NONE) {
      declared.remove("stream");
    }
    if (!deletionProtection) {
      declared.remove("deletionProtection");
    }
    return declared;
  }

  /** The indexes as {@code [a: …, b: …]}, in name order. */
  static String describe(List<Index> indexes, boolean local) {
    return indexes.stream().sorted(Comparator.comparing(Index::name))
        .map(index -> index.describe(local)).toList().toString();
  }

  /** {@code Id (S)} or {@code Id (S), Line (N)}. */
  static String keys(KeySchema schema) {
    return String.join(", ", schema.attributes().stream()
        .map(k -> k.name() + " (" + k.type() + ")").toList());
  }

  /**
   * The attribute definitions: each key attribute of the table and its indexes once per type, in
   * order of appearance. An attribute given two types appears twice, which CreateTable refuses.
   */
  List<KeyAttribute> attributeDefinitions() {
    List<KeyAttribute> definitions = new ArrayList<>();
    List<KeySchema> schemas = new ArrayList<>();
    schemas.add(keySchema);
    globalIndexes.forEach(i -> schemas.add(i.keySchema()));
    localIndexes.forEach(i -> schemas.add(i.keySchema()));
    for (KeySchema schema : schemas) {
      for (KeyAttribute attribute : schema.attributes()) {
        if (!definitions.contains(attribute)) {
          definitions.add(attribute);
        }
      }
    }
    return definitions;
  }
}
