package dev.tombstone.internal;

import java.util.Objects;

/**
 * The server's way to {@code dev.tombstone.s3.ObjectContent}'s bytes without a copy, which the
 * public type does not offer: a request body already read into an array becomes content as it
 * is, and a scanner reads content's own array. The content type registers its {@link Access}
 * when its class initializes; this class names it only as a type parameter, so the packages do
 * not depend on each other in a cycle. Internal; the array is shared, so no one may write to it.
 */
public final class ContentBytes {
  /** What the content type lets the server do. */
  public interface Access<C> {
    /** Content made of {@code bytes} themselves. */
    C adopt(byte[] bytes);

    /** The content's own array when it holds exactly the content's bytes, else a copy. */
    byte[] array(C content);
  }

  private static volatile Access<?> access;

  private ContentBytes() {}

  /** Called once, by the content type's static initializer. */
  public static void register(Access<?> implementation) {
    if (access != null) {
      throw new IllegalStateException("registered twice");
    }
    access = Objects.requireNonNull(implementation);
  }

  /** The access {@code contentType} registered, initializing that class first if need be. */
  @SuppressWarnings("unchecked")
  public static <C> Access<C> of(Class<C> contentType) {
    if (access == null) {
      try {
        Class.forName(contentType.getName(), true, contentType.getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(e);
      }
    }
    return (Access<C>) access;
  }
}
