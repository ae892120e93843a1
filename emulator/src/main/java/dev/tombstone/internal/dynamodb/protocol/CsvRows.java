package dev.tombstone.internal.dynamodb.protocol;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits CSV text into rows of fields (RFC 4180): a field in double quotes may hold the
 * delimiter, line breaks and {@code ""} for a quote; rows end at LF or CRLF; blank rows are
 * skipped.
 */
final class CsvRows {
  private CsvRows() {}

  static List<List<String>> parse(String text, char delimiter) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean rowHasContent = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
        rowHasContent = true;
      } else if (c == delimiter) {
        row.add(field.toString());
        field.setLength(0);
        rowHasContent = true;
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        if (rowHasContent) {
          row.add(field.toString());
          rows.add(row);
        }
        row = new ArrayList<>();
        field.setLength(0);
        rowHasContent = false;
      } else {
        field.append(c);
        rowHasContent = rowHasContent || !Character.isWhitespace(c);
      }
    }
    if (rowHasContent) {
      row.add(field.toString());
      rows.add(row);
    }
    return rows;
  }
}
