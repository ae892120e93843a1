package dev.tombstone.internal.s3.protocol;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads a {@code multipart/form-data} body (RFC 7578 over RFC 2046 §5.1) up to the end of the
 * part named {@code file}: the browser-upload form S3 takes on POST to a bucket. Only a
 * {@code form-data} part named {@code file} is the file; the bytes before its content (fields,
 * part headers and boundaries) may not exceed {@link PostErrors#MAX_PRE_DATA}.
 */
final class MultipartForms {
  private static final byte[] CRLF = {'\r', '\n'};
  private static final byte[] HEADERS_END = {'\r', '\n', '\r', '\n'};

  private MultipartForms() {}

  /**
   * @throws WireError PreconditionFailed when the body is not {@code multipart/form-data},
   *     MalformedPOSTRequest when it cannot be read, MaxPostPreDataLengthExceeded, or
   *     InvalidArgument when it has no file
   */
  static PostForm parse(Optional<String> contentType, ByteBuffer sent) {
    ByteBuffer body = sent.slice();
    byte[] delimiter = ("--" + requireForm(contentType)).getBytes(StandardCharsets.ISO_8859_1);
    int at = firstDelimiter(body, delimiter);
    List<PostForm.Field> fields = new ArrayList<>();
    while (true) {
      int after = at + delimiter.length;
      if (startsWith(body, after, new byte[] {'-', '-'})) {
        throw PostErrors.noFile();
      }
      while (after < body.limit() && (body.get(after) == ' ' || body.get(after) == '\t')) {
        after++;
      }
      if (!startsWith(body, after, CRLF)) {
        throw PostErrors.malformed();
      }
      int headersStart = after + CRLF.length;
      int headersEnd = blankLineFrom(body, headersStart);
      if (headersEnd < 0) {
        throw tooLongOr(body.limit(), PostErrors.malformed());
      }
      Disposition part = disposition(text(body, headersStart, headersEnd));
      int contentStart = headersEnd + HEADERS_END.length;
      if (part.isFile()) {
        if (contentStart > PostErrors.MAX_PRE_DATA) {
          throw PostErrors.preDataTooLong();
        }
        int end = indexOf(body, delimiterLine(delimiter), contentStart);
        if (end < 0) {
          throw PostErrors.malformed();
        }
        return new PostForm(fields, part.filename(), body.slice(contentStart, end - contentStart));
      }
      int end = indexOf(body, delimiterLine(delimiter), contentStart);
      if (end < 0) {
        throw tooLongOr(body.limit(), PostErrors.malformed());
      }
      if (end > PostErrors.MAX_PRE_DATA) {
        throw PostErrors.preDataTooLong();
      }
      if (part.name().isEmpty()) {
        throw PostErrors.malformed();
      }
      fields.add(new PostForm.Field(part.name().get(), text(body, contentStart, end)));
      at = end + CRLF.length;
    }
  }

  private static WireError tooLongOr(int read, WireError otherwise) {
    return read > PostErrors.MAX_PRE_DATA ? PostErrors.preDataTooLong() : otherwise;
  }

  /**
   * The boundary parameter of a {@code multipart/form-data} Content-Type.
   *
   * @throws WireError PreconditionFailed for another type, MalformedPOSTRequest without one
   */
  static String requireForm(Optional<String> contentType) {
    String value = contentType.orElse("");
    int semicolon = value.indexOf(';');
    String mediaType = (semicolon < 0 ? value : value.substring(0, semicolon)).trim();
    if (!mediaType.equalsIgnoreCase("multipart/form-data")) {
      throw PostErrors.notMultipart();
    }
    Optional<String> boundary = semicolon < 0 ? Optional.empty()
        : Parameters.of(value.substring(semicolon + 1)).get("boundary");
    if (boundary.isEmpty() || boundary.get().isEmpty() || boundary.get().length() > 70) {
      throw PostErrors.malformed();
    }
    return boundary.get();
  }

  /** The first delimiter line: at the start of the body, or after a preamble and CRLF. */
  private static int firstDelimiter(ByteBuffer body, byte[] delimiter) {
    if (startsWith(body, 0, delimiter)) {
      return 0;
    }
    int line = indexOf(body, delimiterLine(delimiter), 0);
    if (line < 0) {
      throw tooLongOr(body.limit(), PostErrors.malformed());
    }
    return line + CRLF.length;
  }

  private static byte[] delimiterLine(byte[] delimiter) {
    byte[] line = new byte[delimiter.length + 2];
    line[0] = '\r';
    line[1] = '\n';
    System.arraycopy(delimiter, 0, line, 2, delimiter.length);
    return line;
  }

  private static int blankLineFrom(ByteBuffer body, int from) {
    // A part without headers starts with its blank line at once.
    if (startsWith(body, from, CRLF)) {
      return from - CRLF.length;
    }
    return indexOf(body, HEADERS_END, from);
  }

  /** The part's Content-Disposition: type, {@code name} and {@code filename}, if any. */
  private static Disposition disposition(String headers) {
    for (String line : headers.split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("Content-Disposition")) {
        String value = line.substring(colon + 1);
        int semicolon = value.indexOf(';');
        String type = (semicolon < 0 ? value : value.substring(0, semicolon)).trim();
        Parameters parameters = Parameters.of(semicolon < 0 ? "" : value.substring(semicolon + 1));
        return new Disposition(type, parameters.get("name"), parameters.get("filename"));
      }
    }
    return new Disposition("", Optional.empty(), Optional.empty());
  }

  private record Disposition(String type, Optional<String> name, Optional<String> filename) {
    boolean isFile() {
      return type.equalsIgnoreCase("form-data")
          && name.filter(n -> n.equalsIgnoreCase("file")).isPresent();
    }
  }

  private static String text(ByteBuffer body, int from, int to) {
    byte[] bytes = new byte[Math.max(0, to - from)];
    body.get(from, bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private static boolean startsWith(ByteBuffer body, int at, byte[] prefix) {
    if (at < 0 || at + prefix.length > body.limit()) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (body.get(at + i) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static int indexOf(ByteBuffer body, byte[] pattern, int from) {
    int last = body.limit() - pattern.length;
    for (int i = Math.max(0, from); i <= last; i++) {
      if (body.get(i) == pattern[0] && startsWith(body, i, pattern)) {
        return i;
      }
    }
    return -1;
  }

  /** Header parameters ({@code ; name="value"}); names case-insensitive, values unquoted. */
  private record Parameters(List<String[]> pairs) {
    static Parameters of(String text) {
      List<String[]> pairs = new ArrayList<>();
      int i = 0;
      while (i < text.length()) {
        int equals = text.indexOf('=', i);
        if (equals < 0) {
          break;
        }
        String name = text.substring(i, equals).replace(";", "").trim().toLowerCase(Locale.ROOT);
        StringBuilder value = new StringBuilder();
        int j = equals + 1;
        if (j < text.length() && text.charAt(j) == '"') {
          for (j++; j < text.length() && text.charAt(j) != '"'; j++) {
            char c = text.charAt(j);
            // Browsers send a backslash as is (a Windows path); urllib3 doubles it and escapes
            // a quote with it. Only those two pairs are read as escapes.
            if (c == '\\' && j + 1 < text.length()
                && (text.charAt(j + 1) == '\\' || text.charAt(j + 1) == '"')) {
              c = text.charAt(++j);
            }
            value.append(c);
          }
          j++;
        } else {
          for (; j < text.length() && text.charAt(j) != ';'; j++) {
            value.append(text.charAt(j));
          }
        }
        pairs.add(new String[] {name, value.toString().strip()});
        int semicolon = text.indexOf(';', j);
        i = semicolon < 0 ? text.length() : semicolon + 1;
      }
      return new Parameters(pairs);
    }

    Optional<String> get(String name) {
      return pairs.stream().filter(pair -> pair[0].equals(name)).map(pair -> pair[1])
          .findFirst();
    }
  }
}
