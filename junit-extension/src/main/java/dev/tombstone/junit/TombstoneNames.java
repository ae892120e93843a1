package dev.tombstone.junit;

import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * The real names of the tables and buckets a test declared. Against the in-process emulator a
 * name is itself; against an external endpoint ({@code tombstone.endpoint}) each test gets a
 * unique suffix, so runs never collide on a shared account.
 *
 * <pre>{@code
 * @Test
 * void deletes(DynamoDbClient dynamo, TombstoneNames names) {
 *   dynamo.deleteItem(b -> b.tableName(names.table("users")).key(...));
 * }
 * }</pre>
 */
public final class TombstoneNames {
  private final String suffix;

  private TombstoneNames(String suffix) {
    this.suffix = suffix;
  }

  static TombstoneNames identity() {
    return new TombstoneNames("");
  }

  static TombstoneNames unique() {
    String random = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    return new TombstoneNames("-" + random.toLowerCase(Locale.ROOT));
  }

  /** The real name of the table declared as {@code declared}. */
  public String table(String declared) {
    return Objects.requireNonNull(declared, "declared") + suffix;
  }

  /** The real name of the bucket declared as {@code declared}. */
  public String bucket(String declared) {
    return Objects.requireNonNull(declared, "declared") + suffix;
  }

  /** The suffix appended to declared names; empty against the in-process emulator. */
  public String suffix() {
    return suffix;
  }

  @Override
  public String toString() {
    return suffix.isEmpty() ? "TombstoneNames[as declared]" : "TombstoneNames[*" + suffix + "]";
  }
}
