package dev.tombstone.internal.dynamodb.protocol;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes compact JSON straight into a growable byte array. Response bodies used to be written
 * with a Jackson {@code JsonGenerator} made per request (an I/O context, the generator, its write
 * contexts and an output stream each time); this writer is one small object and keeps the hot
 * path short. Its methods are the {@code JsonGenerator} methods this package calls, with the same
 * names and arguments, and it writes the bytes Jackson 2.23 writes with default features:
 * {@code "} and {@code \} escaped; control characters as {@code \b \t \n \f \r} or
 * <code>&#92;u00XX</code>; every surrogate {@code char}, paired or not, as
 * <code>&#92;uXXXX</code>; other characters as UTF-8; doubles as {@link Double#toString}, NaN and
 * the infinities as strings; big decimals as {@link BigDecimal#toString}; a null string or number
 * as {@code null}; root values separated by a space. Of the nesting it checks only that an end
 * call matches what is open.
 *
 * <p>One deliberate difference: {@link #writeNumber(String)} writes its text raw, and for an
 * unpaired surrogate in that text, where Jackson throws, this writer writes what
 * {@code String.getBytes(UTF_8)} writes ({@code ?}).
 */
final class JsonWriter {
  private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] NULL = {'n', 'u', 'l', 'l'};
  private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
  private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};

  /** Per ASCII character: 0 to write it as is, else the letter after the backslash. */
  private static final byte[] ESCAPES = new byte[128];

  static {
    for (int c = 0; c < 0x20; c++) {
      ESCAPES[c] = 'u';
    }
    ESCAPES['"'] = '"';
    ESCAPES['\\'] = '\\';
    ESCAPES['\b'] = 'b';
    ESCAPES['\t'] = 't';
    ESCAPES['\n'] = 'n';
    ESCAPES['\f'] = 'f';
    ESCAPES['\r'] = 'r';
  }

  // A writer grown past this by a large answer is not kept for the next one.
  private static final int LARGEST_KEPT = 16 * 1024;
  // Each thread's writer between answers: most answers are written by the I/O threads, one at
  // a time, so one spare per thread saves a writer and its buffer per answer. A writer is
  // taken out while in use, so a nested or abandoned one just means a new writer.
  private static final ThreadLocal<JsonWriter> SPARE = new ThreadLocal<>();

  private byte[] out = new byte[256];
  private int size;

  // Per open scope (index 0 is the root): its closing byte, and whether it has a member yet.
  private byte[] closers = new byte[8];
  private boolean[] started = new boolean[8];
  private int depth;
  // A field name was written and its value is next: no separator before the value.
  private boolean afterName;

  /** This thread's spare writer, emptied, or a new one when the thread has none to spare. */
  static JsonWriter take() {
    JsonWriter spare = SPARE.get();
    if (spare == null) {
      return new JsonWriter();
    }
    SPARE.set(null);
    spare.size = 0;
    spare.depth = 0;
    spare.started[0] = false;
    spare.afterName = false;
    return spare;
  }

  void writeStartObject() {
    beforeValue();
    open((byte) '}', (byte) '{');
  }

  void writeStartArray() {
    beforeValue();
    open((byte) ']', (byte) '[');
  }

  void writeEndObject() {
    close((byte) '}');
  }

  void writeEndArray() {
    close((byte) ']');
  }

  void writeFieldName(String name) {
    separate();
    string(name);
    put((byte) ':');
    afterName = true;
  }

  void writeString(String text) {
    beforeValue();
    if (text == null) {
      put(NULL);
    } else {
      string(text);
    }
  }

  void writeBoolean(boolean value) {
    beforeValue();
    put(value ? TRUE : FALSE);
  }

  /** Writes {@code text}, a number's text, unquoted and unchanged. */
  void writeNumber(String text) {
    beforeValue();
    if (text == null) {
      put(NULL);
    } else {
      raw(text);
    }
  }

  void writeStringField(String name, String value) {
    writeFieldName(name);
    writeString(value);
  }

  void writeNumberField(String name, int value) {
    writeFieldName(name);
    beforeValue();
    integer(value);
  }

  void writeNumberField(String name, long value) {
    writeFieldName(name);
    beforeValue();
    integer(value);
  }

  void writeNumberField(String name, double value) {
    writeFieldName(name);
    if (Double.isFinite(value)) {
      beforeValue();
      ascii(Double.toString(value));
    } else {
      writeString(Double.toString(value));
    }
  }

  void writeNumberField(String name, BigDecimal value) {
    writeFieldName(name);
    beforeValue();
    if (value == null) {
      put(NULL);
    } else {
      ascii(value.toString());
    }
  }

  void writeBooleanField(String name, boolean value) {
    writeFieldName(name);
    writeBoolean(value);
  }

  void writeNullField(String name) {
    writeFieldName(name);
    beforeValue();
    put(NULL);
  }

  void writeArrayFieldStart(String name) {
    writeFieldName(name);
    writeStartArray();
  }

  void writeObjectFieldStart(String name) {
    writeFieldName(name);
    writeStartObject();
  }

  /**
   * Closes any object or array still open, as Jackson's {@code close()} does; the bytes. The
   * writer is done then: it goes back to its thread for the next answer.
   */
  byte[] toByteArray() {
    while (depth > 0) {
      close(closers[depth]);
    }
    byte[] bytes = Arrays.copyOf(out, size);
    if (out.length <= LARGEST_KEPT) {
      SPARE.set(this);
    }
    return bytes;
  }

  private void beforeValue() {
    if (afterName) {
      afterName = false;
    } else {
      separate();
    }
  }

  /** A comma before every member or element but the first; a space between root values. */
  private void separate() {
    if (started[depth]) {
      put(depth == 0 ? (byte) ' ' : (byte) ',');
    } else {
      started[depth] = true;
    }
  }

  private void open(byte closer, byte opener) {
    put(opener);
    if (++depth == closers.length) {
      closers = Arrays.copyOf(closers, depth * 2);
      started = Arrays.copyOf(started, depth * 2);
    }
    closers[depth] = closer;
    started[depth] = false;
  }

  private void close(byte closer) {
    if (depth == 0 || closers[depth] != closer) {
      String kind = closer == '}' ? "object" : "array";
      throw new IllegalStateException("no open " + kind + " to end here");
    }
    put(closer);
    depth--;
  }

  private void string(String text) {
    int length = text.length();
    // Room for one byte per character left and the closing quote; escapes make more room.
    ensure(length + 2);
    byte[] b = out;
    int n = size;
    b[n++] = '"';
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (c < 0x80 && ESCAPES[c] == 0) {
        b[n++] = (byte) c;
        continue;
      }
      if (n + 6 + (length - i) > b.length) {
        size = n;
        ensure(6 + (length - i));
        b = out;
      }
      if (c < 0x80) {
        b[n++] = '\\';
        byte escape = ESCAPES[c];
        b[n++] = escape;
        if (escape == 'u') {
          b[n++] = '0';
          b[n++] = '0';
          b[n++] = HEX[c >> 4];
          b[n++] = HEX[c & 0xF];
        }
      } else if (c < 0x800) {
        b[n++] = (byte) (0xC0 | c >> 6);
        b[n++] = (byte) (0x80 | c & 0x3F);
      } else if (Character.isSurrogate(c)) {
        b[n++] = '\\';
        b[n++] = 'u';
        b[n++] = HEX[c >> 12];
        b[n++] = HEX[c >> 8 & 0xF];
        b[n++] = HEX[c >> 4 & 0xF];
        b[n++] = HEX[c & 0xF];
      } else {
        b[n++] = (byte) (0xE0 | c >> 12);
        b[n++] = (byte) (0x80 | c >> 6 & 0x3F);
        b[n++] = (byte) (0x80 | c & 0x3F);
      }
    }
    b[n++] = '"';
    size = n;
  }

  private void integer(long value) {
    ascii(Long.toString(value));
  }

  /** Text known to be ASCII, such as a number's. */
  private void ascii(String text) {
    int length = text.length();
    ensure(length);
    for (int i = 0; i < length; i++) {
      out[size++] = (byte) text.charAt(i);
    }
  }

  private void raw(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= 0x80) {
        put(text.getBytes(StandardCharsets.UTF_8));
        return;
      }
    }
    ascii(text);
  }

  private void put(byte b) {
    ensure(1);
    out[size++] = b;
  }

  private void put(byte[] bytes) {
    ensure(bytes.length);
    System.arraycopy(bytes, 0, out, size, bytes.length);
    size += bytes.length;
  }

  /** Makes room for {@code more} bytes, at least doubling the array when it grows. */
  private void ensure(int more) {
    int needed = size + more;
    if (needed > out.length) {
      out = Arrays.copyOf(out, Math.max(out.length * 2, needed));
    }
  }
}
