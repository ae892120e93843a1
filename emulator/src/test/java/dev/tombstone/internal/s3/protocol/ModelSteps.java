package dev.tombstone.internal.s3.protocol;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import dev.tombstone.internal.s3.protocol.VersioningModel.Entry;
import dev.tombstone.internal.s3.protocol.VersioningModel.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The steps of one versioning sequence, read from the fuzzer's bytes before any runs, so that a
 * failure can show the whole sequence. A version id is picked by where it comes from; which id
 * that is depends on the bucket when the step runs.
 */
final class ModelSteps {
  /** Three keys; one has a {@code /}, and they sort in another order than they are listed. */
  static final List<String> KEYS = List.of("photo", "dir/photo", "zeta");
  static final List<String> BODIES = List.of("one", "two", "", "three");
  static final int MAX_STEPS = 30;
  private static final String ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._";

  private ModelSteps() {}

  /** One request of a sequence. */
  sealed interface Step {}

  record SetVersioning(Status status) implements Step {}

  record Put(String key, String body) implements Step {}

  record Delete(String key, Optional<IdPick> versionId) implements Step {}

  record DeleteMany(List<TargetPick> targets, boolean quiet) implements Step {}

  record Read(String method, String key, Optional<IdPick> versionId) implements Step {}

  record ListVersions() implements Step {}

  /** ListObjectVersions page by page, {@code maxKeys} entries a page. */
  record ListVersionPages(int maxKeys) implements Step {}

  record ListObjects() implements Step {}

  record GetVersioning() implements Step {}

  /** CopyObject of {@code sourceKey}'s current version or of a version onto {@code key}. */
  record Copy(String sourceKey, Optional<IdPick> versionId, String key) implements Step {}

  /** One object of a DeleteObjects step. */
  record TargetPick(String key, Optional<IdPick> versionId) {}

  /** Where a version id comes from. */
  enum IdSource {
    /** An entry the key has now, version or marker. */
    OWN,
    /** {@code null}, the null version's id. */
    NULL,
    /** Any id made so far, of any key, removed or not: well-formed, maybe naming nothing. */
    MADE,
    /** A made id with one character changed: its shape, but not its checksum. */
    CORRUPTED,
    /** The empty string. */
    EMPTY,
    /** {@code NULL}: not the null version's id, which is lower-case. */
    UPPER_CASE_NULL
  }

  /** Sources of a copy's version id: AWS documents its answers for well-formed ids only. */
  private static final List<IdSource> COPY_SOURCES =
      List.of(IdSource.OWN, IdSource.NULL, IdSource.MADE);

  /** A version id by its source; {@code index} and {@code change} choose within it. */
  record IdPick(IdSource source, int index, int change) {}

  static List<Step> read(FuzzedDataProvider data) {
    List<Step> steps = new ArrayList<>();
    while (steps.size() < MAX_STEPS && data.remainingBytes() > 0) {
      steps.add(step(data));
    }
    return steps;
  }

  private static Step step(FuzzedDataProvider data) {
    return switch (data.consumeInt(0, 11)) {
      case 0 -> new SetVersioning(data.consumeBoolean() ? Status.ENABLED : Status.SUSPENDED);
      case 1, 2 -> new Put(data.pickValue(KEYS), data.pickValue(BODIES));
      case 3 -> new Delete(data.pickValue(KEYS), Optional.empty());
      case 4 -> new Delete(data.pickValue(KEYS), Optional.of(idPick(data)));
      case 5 -> deleteMany(data);
      case 6 -> new Read(data.consumeBoolean() ? "GET" : "HEAD", data.pickValue(KEYS),
          data.consumeBoolean() ? Optional.of(idPick(data)) : Optional.empty());
      case 7 -> new ListVersions();
      case 8 -> new ListObjects();
      case 9 -> new GetVersioning();
      case 11 -> new ListVersionPages(data.consumeInt(1, 4));
      default -> new Copy(data.pickValue(KEYS), data.consumeBoolean()
          ? Optional.of(new IdPick(data.pickValue(COPY_SOURCES), data.consumeInt(0, 63), 0))
          : Optional.empty(), data.pickValue(KEYS));
    };
  }

  private static DeleteMany deleteMany(FuzzedDataProvider data) {
    boolean quiet = data.consumeBoolean();
    int count = data.consumeInt(1, 5);
    List<TargetPick> targets = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      targets.add(new TargetPick(data.pickValue(KEYS),
          data.consumeBoolean() ? Optional.of(idPick(data)) : Optional.empty()));
    }
    return new DeleteMany(targets, quiet);
  }

  private static IdPick idPick(FuzzedDataProvider data) {
    return new IdPick(data.pickValue(IdSource.values()), data.consumeInt(0, 63),
        data.consumeInt(0, 31 * 64));
  }

  /** The id {@code pick} names for {@code key} in the bucket as {@code model} has it now. */
  static String resolve(IdPick pick, String key, VersioningModel model) {
    List<String> made = model.madeIds();
    List<Entry> own = model.entries(key);
    return switch (pick.source()) {
      case OWN -> own.isEmpty() ? VersioningModel.NULL
          : own.get(pick.index() % own.size()).versionId();
      case NULL -> VersioningModel.NULL;
      case MADE -> made.isEmpty() ? VersioningModel.NULL : made.get(pick.index() % made.size());
      case CORRUPTED -> made.isEmpty() ? "bogus"
          : corrupted(made.get(pick.index() % made.size()), pick.change());
      case EMPTY -> "";
      case UPPER_CASE_NULL -> "NULL";
    };
  }

  // One character changed is at most six bits in a row changed, which the id's CRC32 catches.
  private static String corrupted(String id, int change) {
    int at = change % id.length();
    int from = ALPHABET.indexOf(id.charAt(at));
    char other = ALPHABET.charAt((from + 1 + change / id.length() % 63) % ALPHABET.length());
    return id.substring(0, at) + other + id.substring(at + 1);
  }
}
