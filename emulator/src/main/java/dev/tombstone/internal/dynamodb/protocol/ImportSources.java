package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.AttributeType;
import dev.tombstone.dynamodb.AttributeValue;
import dev.tombstone.dynamodb.Bytes;
import dev.tombstone.dynamodb.DynamoDbError;
import dev.tombstone.dynamodb.Item;
import dev.tombstone.dynamodb.TableDefinition;
import dev.tombstone.internal.dynamodb.TableImport;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;

/**
 * Turns the objects of an import into items, as DynamoDB reads them. An item that does not pass
 * the table's checks (a key missing or of another type, an item too large) counts as one error
 * and the next item is read; text that cannot form an item (not JSON or not Ion, not an
 * {@code Item} document, a value of no DynamoDB type, a CSV row longer than its header) counts as
 * one error and abandons the rest of its object. DYNAMODB_JSON objects hold
 * {@code {"Item":{...}}} documents one after the other, usually one a line; ION objects hold Ion
 * text of {@code {Item:{...}}} structs ({@link IonItems}), each a top-level value or all in one
 * top-level list, and a binary Ion object is refused whole; a CSV row's key attributes take the
 * type of their attribute definition, every other value is a string and an empty one is left
 * out. In a bulk put a document may carry its condition ({@link BulkPutConditions}); an item its
 * condition refuses is read but neither written nor an error.
 */
final class ImportSources {
  static final String PARSE_ERROR = "ParseError";
  static final String NOT_COMPRESSED = "The object is not compressed as InputCompressionType says";
  static final String NOT_JSON = "The text is not DynamoDB JSON";
  static final String NOT_AN_ITEM = "The document is not an {\"Item\":{...}} of attribute values";
  static final String NOT_ION = "The text is not Ion";
  static final String NOT_UTF8 = "The text is not UTF-8, as Ion text must be";
  static final String BINARY_ION = "Binary Ion is not read by Tombstone: write Ion text";
  static final String ROW_TOO_LONG = "The row has more values than the header has names";
  static final String KEY_TYPE = "A key value is not of its attribute definition's type";
  private static final AttributeValueDecoder DECODER =
      new AttributeValueDecoder(AttributeValueDecoder.Dialect.CURRENT);

  private final String format;
  private final String compression;
  private final Optional<TableImport.Csv> csv;
  private final TableDefinition table;
  private final Rejects rejects;
  private final boolean conditions;
  private long processed;
  private long imported;
  private long errors;
  private long bytes;

  /** Told of each input that was not written: why, and the item when there was one. */
  interface Rejects {
    Rejects NONE = (code, message, item) -> { };

    void rejected(String code, String message, Item item);

    /** The item was not written because its condition did not hold ({@code e}). */
    default void conditionFailed(DynamoDbError.ConditionalCheckFailed e, Item item) {}
  }

  /**
   * One input document: its item and, in a bulk put, the condition members it carries.
   *
   * @param condition the document's condition members, or null when it has none
   */
  record Document(Item item, ConditionParameters condition) {}

  ImportSources(String format, String compression, Optional<TableImport.Csv> csv,
      TableDefinition table) {
    this(format, compression, csv, table, Rejects.NONE, false);
  }

  /**
   * Sources that tell {@code rejects} of each input not written; with {@code conditions}, the
   * condition members of a document are read ({@link BulkPutConditions}) and any other member
   * beside {@code Item} fails its document; without, members beside {@code Item} are ignored.
   */
  ImportSources(String format, String compression, Optional<TableImport.Csv> csv,
      TableDefinition table, Rejects rejects, boolean conditions) {
    this.format = format;
    this.compression = compression;
    this.csv = csv;
    this.table = table;
    this.rejects = rejects;
    this.conditions = conditions;
  }

  /** Reads one object, handing each document to {@code write}, which may refuse it by throwing. */
  void read(byte[] object, Consumer<Document> write) {
    byte[] content;
    try {
      content = "GZIP".equals(compression)
          ? new GZIPInputStream(new ByteArrayInputStream(object)).readAllBytes() : object;
    } catch (IOException e) {
      failed(NOT_COMPRESSED);
      return;
    }
    bytes += content.length;
    if ("CSV".equals(format)) {
      csvItems(new String(content, StandardCharsets.UTF_8), write);
    } else if ("ION".equals(format)) {
      ionItems(content, write);
    } else {
      jsonItems(content, write);
    }
  }

  TableImport.Counts counts() {
    return new TableImport.Counts(processed, imported, errors, bytes);
  }

  private void store(Document document, Consumer<Document> write) {
    Item item = document.item();
    processed++;
    try {
      write.accept(document);
      imported++;
    } catch (DynamoDbError.ConditionalCheckFailed e) {
      rejects.conditionFailed(e, item);
    } catch (DynamoDbError e) {
      errors++;
      rejects.rejected(e.code(), e.getMessage(), item);
    }
  }

  private void failed(String message) {
    processed++;
    errors++;
    rejects.rejected(PARSE_ERROR, message, null);
  }

  private void jsonItems(byte[] content, Consumer<Document> write) {
    try {
      Json.parseSequence(content, document -> {
        Item item = jsonItem(document);
        if (item == null) {
          failed(NOT_AN_ITEM);
          return false;
        }
        storeWithCondition(item, () -> BulkPutConditions.json((Json.Obj) document), write);
        return true;
      });
    } catch (IOException e) {
      failed(NOT_JSON);
    }
  }

  private void ionItems(byte[] content, Consumer<Document> write) {
    if (content.length >= 4 && (content[0] & 0xFF) == 0xE0 && content[1] == 0x01
        && content[2] == 0x00 && (content[3] & 0xFF) == 0xEA) {
      failed(BINARY_ION);
      return;
    }
    IonReader reader;
    try {
      reader = new IonReader(StandardCharsets.UTF_8.newDecoder()
          .decode(ByteBuffer.wrap(content)).toString());
    } catch (CharacterCodingException e) {
      failed(NOT_UTF8);
      return;
    }
    try {
      for (IonValue value = reader.next(); value != null; value = reader.next()) {
        // The import guide shows the items of a file in one top-level list too.
        List<IonValue> documents = value instanceof IonValue.ListValue list
            ? list.values() : List.of(value);
        for (IonValue document : documents) {
          if (!ionItem(document, write)) {
            return;
          }
        }
      }
    } catch (IonSyntaxException e) {
      failed(NOT_ION + ": " + e.getMessage());
    }
  }

  /** Stores one Ion document's item; false when it holds none, which ends its object. */
  private boolean ionItem(IonValue document, Consumer<Document> write) {
    Item item;
    try {
      item = IonItems.item(document);
    } catch (IonItems.NotAnItem e) {
      failed(e.getMessage());
      return false;
    }
    storeWithCondition(item, () -> BulkPutConditions.ion(document), write);
    return true;
  }

  /**
   * Stores {@code item} with the condition its document carries, read by {@code condition} when
   * conditions are read here; condition members that cannot be read fail the document alone.
   */
  private void storeWithCondition(Item item, Supplier<ConditionParameters> condition,
      Consumer<Document> write) {
    ConditionParameters read = null;
    if (conditions) {
      try {
        read = condition.get();
      } catch (BulkPutConditions.Unreadable e) {
        failed(e.getMessage());
        return;
      }
    }
    store(new Document(item, read), write);
  }

  private static Item jsonItem(Json document) {
    try {
      if (document instanceof Json.Obj object
          && object.get("Item") instanceof Json.Obj attributes) {
        Decoded decoded = DECODER.entries(attributes);
        return decoded.problem() == null ? Item.of(decoded.values()) : null;
      }
      return null;
    } catch (SerializationError e) {
      return null;
    }
  }

  private void csvItems(String text, Consumer<Document> write) {
    char delimiter = csv.flatMap(TableImport.Csv::delimiter).map(d -> d.charAt(0)).orElse(',');
    List<List<String>> rows = CsvRows.parse(text, delimiter);
    Optional<List<String>> given = csv.flatMap(TableImport.Csv::headers);
    List<String> headers = given.orElse(rows.isEmpty() ? List.of() : rows.get(0));
    for (List<String> row : rows.subList(given.isPresent() || rows.isEmpty() ? 0 : 1,
        rows.size())) {
      if (row.size() > headers.size()) {
        failed(ROW_TOO_LONG);
        return;
      }
      Item item = csvItem(headers, row);
      if (item == null) {
        failed(KEY_TYPE);
      } else {
        store(new Document(item, null), write);
      }
    }
  }

  /** The row's item; null when a key value is not of its attribute's type. */
  private Item csvItem(List<String> headers, List<String> row) {
    Map<String, AttributeValue> attributes = new LinkedHashMap<>();
    for (int i = 0; i < row.size(); i++) {
      String value = row.get(i);
      if (value.isEmpty()) {
        continue;
      }
      AttributeValue typed = typed(headers.get(i), value);
      if (typed == null) {
        return null;
      }
      attributes.put(headers.get(i), typed);
    }
    return Item.of(attributes);
  }

  private AttributeValue typed(String name, String value) {
    AttributeType type = table.attributeDefinitions().get(name);
    try {
      if (type == AttributeType.N) {
        return AttributeValue.N.parse(value);
      }
      if (type == AttributeType.B) {
        return new AttributeValue.B(Bytes.fromBase64(value));
      }
      return AttributeValue.s(value);
    } catch (RuntimeException e) {
      return null;
    }
  }
}
