package dev.tombstone.junit;

import dev.tombstone.dynamodb.KeyAttribute;
import dev.tombstone.dynamodb.KeySchema;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CreateTable and UpdateTimeToLive sent to the in-process emulator's own endpoint, so that a
 * table with indexes or TTL goes through DynamoDB's validation and gets its messages. Plain
 * tables go straight into the state instead, which is quicker.
 */
final class EmulatorTableRequests {
  private static final Pattern TYPE =
      Pattern.compile("\"__type\"\\s*:\\s*\"(?:[^\"#]*#)?([^\"]*)\"");
  private static final Pattern MESSAGE =
      Pattern.compile("\"[Mm]essage\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

  private EmulatorTableRequests() {}

  static void createTable(URI endpoint, String name, TableDeclaration table) {
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
    post(endpoint, "CreateTable", json.append('}').toString());
  }

  static void enableTimeToLive(URI endpoint, String name, String attribute) {
    post(endpoint, "UpdateTimeToLive", "{\"TableName\":" + quote(name)
        + ",\"TimeToLiveSpecification\":{\"AttributeName\":" + quote(attribute)
        + ",\"Enabled\":true}}");
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

  static String quote(String text) {
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

  private static void post(URI endpoint, String operation, String json) {
    try {
      HttpURLConnection connection = (HttpURLConnection) endpoint.resolve("/").toURL()
          .openConnection();
      connection.setRequestMethod("POST");
      connection.setDoOutput(true);
      connection.setRequestProperty("Content-Type", "application/x-amz-json-1.0");
      connection.setRequestProperty("X-Amz-Target", "DynamoDB_20120810." + operation);
      try (OutputStream body = connection.getOutputStream()) {
        body.write(json.getBytes(StandardCharsets.UTF_8));
      }
      int status = connection.getResponseCode();
      InputStream answer = status < 400 ? connection.getInputStream()
          : connection.getErrorStream();
      String text = answer == null ? "" : read(answer);
      if (status >= 400) {
        throw refusal(status, text);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(operation + " to " + endpoint + " failed", e);
    }
  }

  private static ServiceRefusal refusal(int status, String body) {
    Matcher type = TYPE.matcher(body);
    Matcher message = MESSAGE.matcher(body);
    return new ServiceRefusal(type.find() ? type.group(1) : "HTTP " + status,
        message.find() ? unescape(message.group(1)) : body);
  }

  private static String unescape(String json) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      if (c != '\\' || i + 1 == json.length()) {
        out.append(c);
        continue;
      }
      char next = json.charAt(++i);
      switch (next) {
        case 'n' -> out.append('\n');
        case 't' -> out.append('\t');
        case 'r' -> out.append('\r');
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'u' -> {
          out.append((char) Integer.parseInt(json.substring(i + 1, i + 5), 16));
          i += 4;
        }
        default -> out.append(next);
      }
    }
    return out.toString();
  }

  private static String read(InputStream in) throws IOException {
    try (in) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      in.transferTo(bytes);
      return bytes.toString(StandardCharsets.UTF_8);
    }
  }
}
