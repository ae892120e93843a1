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
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * Turns the objects of an import into items, as DynamoDB reads them: blank lines are skipped;
 * the first line (or CSV row) that is not an item the table accepts counts as one error and
 * abandons the rest of its object. DYNAMODB_JSON lines are {@code {"Item":{...}}}; a CSV row's
 * key attributes take the type of their attribute definition, every other value is a string and
 * an empty one is left out.
 */
final class ImportSources {
  private static final AttributeValueDecoder DECODER =
      new AttributeValueDecoder(AttributeValueDecoder.Dialect.CURRENT);

  private final String format;
  private final String compression;
  private final Optional<TableImport.Csv> csv;
  private final TableDefinition table;
  private long processed;
  private long imported;
  private long errors;
  private long bytes;

  ImportSources(String format, String compression, Optional<TableImport.Csv> csv,
      TableDefinition table) {
    this.format = format;
    this.compression = compression;
    this.csv = csv;
    this.table = table;
  }

  /** Reads one object, handing each item to {@code write}, which may refuse it by throwing. */
  void read(byte[] object, Consumer<Item> write) {
    byte[] content;
    try {
      content = "GZIP".equals(compression)
          ? new GZIPInputStream(new ByteArrayInputStream(object)).readAllBytes() : object;
    } catch (IOException e) {
      processed++;
      errors++;
      return;
    }
    bytes += content.length;
    String text = new String(content, StandardCharsets.UTF_8);
    List<Item> items = new ArrayList<>();
    boolean bad = "CSV".equals(format) ? csvItems(text, items) : jsonItems(text, items);
    for (Item item : items) {
      processed++;
      try {
        write.accept(item);
        imported++;
      } catch (DynamoDbError e) {
        errors++;
        return;
      }
    }
    if (bad) {
      processed++;
      errors++;
    }
  }

  TableImport.Counts counts() {
    return new TableImport.Counts(processed, imported, errors, bytes);
  }

  /** The items before the first bad line; true when there was one. */
  private static boolean jsonItems(String text, List<Item> items) {
    for (String line : text.split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      Item item = jsonItem(line);
      if (item == null) {
        return true;
      }
      items.add(item);
    }
    return false;
  }

  private static Item jsonItem(String line) {
    try {
      if (Json.parse(line.getBytes(StandardCharsets.UTF_8)) instanceof Json.Obj document
          && document.get("Item") instanceof Json.Obj attributes) {
        Decoded decoded = DECODER.entries(attributes);
        return decoded.problem() == null ? Item.of(decoded.values()) : null;
      }
      return null;
    } catch (IOException | SerializationError e) {
      return null;
    }
  }

  private boolean csvItems(String text, List<Item> items) {
    char delimiter = csv.flatMap(TableImport.Csv::delimiter).map(d -> d.charAt(0)).orElse(',');
    List<List<String>> rows = CsvRows.parse(text, delimiter);
    Optional<List<String>> given = csv.flatMap(TableImport.Csv::headers);
    List<String> headers = given.orElse(rows.isEmpty() ? List.of() : rows.get(0));
    for (List<String> row : rows.subList(given.isPresent() || rows.isEmpty() ? 0 : 1,
        rows.size())) {
      if (row.size() > headers.size()) {
        return true;
      }
      Map<String, AttributeValue> attributes = new LinkedHashMap<>();
      for (int i = 0; i < row.size(); i++) {
        String value = row.get(i);
        if (value.isEmpty()) {
          continue;
        }
        AttributeValue typed = typed(headers.get(i), value);
        if (typed == null) {
          return true;
        }
        attributes.put(headers.get(i), typed);
      }
      items.add(Item.of(attributes));
    }
    return false;
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
