package dev.tombstone.s3;

import dev.tombstone.internal.ContentBytes;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * The immutable bytes of an object version. Equal when the bytes are equal.
 *
 * <pre>{@code
 * ObjectContent content = ObjectContent.of("hello");
 * content.size();      // 5
 * content.asUtf8();    // "hello"
 * }</pre>
 */
public final class ObjectContent {
  /** No bytes. */
  public static final ObjectContent EMPTY = new ObjectContent(new byte[0], 0);

  private final byte[] bytes;
  private final int length;

  static {
    ContentBytes.register(new ContentBytes.Access<ObjectContent>() {
      @Override
      public ObjectContent adopt(byte[] bytes) {
        return bytes.length == 0 ? EMPTY : new ObjectContent(bytes, bytes.length);
      }

      @Override
      public byte[] array(ObjectContent content) {
        return content.bytes.length == content.length ? content.bytes : content.toByteArray();
      }
    });
  }

  private ObjectContent(byte[] bytes, int length) {
    this.bytes = bytes;
    this.length = length;
  }

  /** A copy of {@code bytes}. */
  public static ObjectContent of(byte[] bytes) {
    Objects.requireNonNull(bytes, "bytes");
    return new ObjectContent(bytes.clone(), bytes.length);
  }

  /** The UTF-8 bytes of {@code text}. */
  public static ObjectContent of(String text) {
    Objects.requireNonNull(text, "text");
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return new ObjectContent(bytes, bytes.length);
  }

  /**
   * A stream that collects bytes and hands them over without another copy. Use it when the
   * bytes arrive in pieces (a request body); {@link Writer#toContent()} ends it.
   *
   * @param expectedSize a capacity hint
   */
  public static Writer writer(int expectedSize) {
    return new Writer(expectedSize);
  }

  /** The number of bytes. */
  public int size() {
    return length;
  }

  /** A copy of the bytes. */
  public byte[] toByteArray() {
    return Arrays.copyOf(bytes, length);
  }

  /** The bytes decoded as UTF-8. */
  public String asUtf8() {
    return new String(bytes, 0, length, StandardCharsets.UTF_8);
  }

  /** A read-only view of the bytes, without copying them. */
  public ByteBuffer asReadOnlyBuffer() {
    return ByteBuffer.wrap(bytes, 0, length).slice().asReadOnlyBuffer();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ObjectContent that
        && Arrays.equals(bytes, 0, length, that.bytes, 0, that.length);
  }

  @Override
  public int hashCode() {
    int hash = 1;
    for (int i = 0; i < length; i++) {
      hash = 31 * hash + bytes[i];
    }
    return hash;
  }

  @Override
  public String toString() {
    return "ObjectContent[" + length + " bytes]";
  }

  /** Collects bytes for one {@link ObjectContent}; not thread-safe, single use. */
  public static final class Writer extends OutputStream {
    private byte[] buffer;
    private int count;
    private boolean closed;

    private Writer(int expectedSize) {
      buffer = new byte[Math.max(0, expectedSize)];
    }

    /** Bytes written so far. */
    public long size() {
      return count;
    }

    @Override
    public void write(int b) {
      ensureOpen();
      grow(1);
      buffer[count++] = (byte) b;
    }

    @Override
    public void write(byte[] source, int offset, int len) {
      Objects.checkFromIndexSize(offset, len, source.length);
      ensureOpen();
      grow(len);
      System.arraycopy(source, offset, buffer, count, len);
      count += len;
    }

    /** Ends writing; the collected bytes become the content. */
    public ObjectContent toContent() {
      ensureOpen();
      closed = true;
      return count == 0 ? EMPTY : new ObjectContent(buffer, count);
    }

    private void ensureOpen() {
      if (closed) {
        throw new IllegalStateException("the content was already taken from this writer");
      }
    }

    private void grow(int extra) {
      int needed = count + extra;
      if (needed < 0) {
        throw new OutOfMemoryError("object content larger than 2 GiB");
      }
      if (needed > buffer.length) {
        int doubled = buffer.length > (Integer.MAX_VALUE - 8) / 2 ? Integer.MAX_VALUE - 8
            : Math.max(buffer.length * 2, 256);
        buffer = Arrays.copyOf(buffer, Math.max(needed, doubled));
      }
    }
  }
}
