package dev.tombstone.internal.dynamodb.protocol;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The members and elements of the objects and arrays one parse has open, a nested container's
 * above its parent's, in two arrays the whole parse reuses. A container is copied out into
 * exactly sized arrays when it closes, so building one allocates no growing collection.
 */
final class JsonStack {
  private static final List<Json> NO_ELEMENTS = Collections.unmodifiableList(Arrays.asList());

  private String[] names = new String[8];
  private Json[] values = new Json[8];
  private int size;

  /** Where the container opening now starts; give it back to close the container. */
  int open() {
    return size;
  }

  void member(String name, Json value) {
    if (size == values.length) {
      names = Arrays.copyOf(names, size * 2);
      values = Arrays.copyOf(values, size * 2);
    }
    names[size] = name;
    values[size++] = value;
  }

  void element(Json value) {
    member(null, value);
  }

  /** The members pushed since {@code start}, now popped. */
  Map<String, Json> closeObject(int start) {
    Map<String, Json> members = JsonMembers.of(names, values, start, size);
    size = start;
    return members;
  }

  /** The elements pushed since {@code start}, now popped. */
  List<Json> closeArray(int start) {
    List<Json> elements = start == size ? NO_ELEMENTS
        : Collections.unmodifiableList(Arrays.asList(Arrays.copyOfRange(values, start, size)));
    size = start;
    return elements;
  }
}
