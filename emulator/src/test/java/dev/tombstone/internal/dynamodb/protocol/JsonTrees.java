package dev.tombstone.internal.dynamodb.protocol;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Parses response bodies into {@link Json} trees, whose objects compare regardless of order. */
final class JsonTrees {
  private JsonTrees() {}

  static Json parse(String text) {
    try {
      return Json.parse(text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Json.Obj object(String text) {
    return (Json.Obj) parse(text);
  }
}
