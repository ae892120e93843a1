package dev.tombstone.internal.s3;

import dev.tombstone.s3.ObjectContent;
import java.util.Objects;

/**
 * The server's way to {@link ObjectContent}'s bytes without a copy, which the public type does
 * not offer: a request body already read into an array becomes content as it is, and a scanner
 * reads content's own array. Internal; the array is shared, so no one may write to it.
 */
public final class ContentBytes {
  /** Implemented by {@link ObjectContent}, which registers it when its class initializes. */
  public interface Access {
    /** Content made of {@code bytes} themselves. */
    ObjectContent adopt(byte[] bytes);

    /** The content's own array when it holds exactly the content's bytes, else a copy. */
    byte[] array(ObjectContent content);
  }

  private static volatile Access access;

  private ContentBytes() {}

  /** Called once, by {@link ObjectContent}'s static initializer. */
  public static void register(Access implementation) {
    if (access != null) {
      throw new IllegalStateException("registered twice");
    }
    access = Objects.requireNonNull(implementation);
  }

  /** Content made of {@code bytes} themselves; the caller never writes to them again. */
  public static ObjectContent adopt(byte[] bytes) {
    return access().adopt(bytes);
  }

  /** {@code content}'s bytes, its own array where it can; never to be written to. */
  public static byte[] array(ObjectContent content) {
    return access().array(content);
  }

  private static Access access() {
    if (access == null) {
      // Reading a constant of ObjectContent initializes the class, which registers.
      Objects.requireNonNull(ObjectContent.EMPTY);
    }
    return access;
  }
}
