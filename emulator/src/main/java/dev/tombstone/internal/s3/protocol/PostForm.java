package dev.tombstone.internal.s3.protocol;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;

/**
 * A browser upload's form: the fields before the file, in order, and the file. Field names
 * compare case-insensitively ("The post parameters are case insensitive", S3's SigV4 POST
 * example); fields after the file are not part of it, as S3 ignores them.
 *
 * @param filename the file part's {@code filename} parameter, if it had one
 */
record PostForm(List<Field> fields, Optional<String> filename, ByteBuffer file) {
  private static final String FILENAME_VARIABLE = "${filename}";

  PostForm {
    fields = List.copyOf(fields);
    file = file.asReadOnlyBuffer();
  }

  /** One form field: its name as sent and its UTF-8 text. */
  record Field(String name, String value) {
    boolean named(String other) {
      return name.equalsIgnoreCase(other);
    }
  }

  /** The first field of this name. */
  Optional<String> field(String name) {
    for (Field field : fields) {
      if (field.named(name)) {
        return Optional.of(field.value());
      }
    }
    return Optional.empty();
  }

  boolean has(String name) {
    return field(name).isPresent();
  }

  /**
   * This form with {@code ${filename}} in every field replaced by the file's name, as S3 expands
   * it before it checks the policy: the text after the last slash or backslash of the file part's
   * {@code filename}. A file part without that parameter leaves the variable as written (S3 kept
   * {@code ${filename}} literally in LocalStack's 2026 recording).
   */
  PostForm expanded() {
    if (filename.isEmpty()) {
      return this;
    }
    String name = filename.get();
    String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    List<Field> expanded = fields.stream()
        .map(field -> new Field(field.name(), field.value().replace(FILENAME_VARIABLE, base)))
        .toList();
    return new PostForm(expanded, filename, file);
  }
}
