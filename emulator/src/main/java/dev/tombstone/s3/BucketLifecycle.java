package dev.tombstone.s3;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * S3 lifecycle configuration: rules that move versions to other storage classes, expire current
 * versions, remove noncurrent versions and clean up delete markers left alone, as time passes
 * on the emulator's clock. Days count
 * from creation (or from becoming noncurrent) and round up to the next midnight UTC, as S3
 * documents; locked versions are never removed.
 */
public final class BucketLifecycle {
  private BucketLifecycle() {}

  /**
   * One rule.
   *
   * @param id the rule's ID (S3 makes one up when none is given)
   * @param enabled Status Enabled; disabled rules are kept but do nothing
   * @param filter which objects the rule applies to
   * @param expiration what happens to current versions
   * @param noncurrentExpiration what happens to noncurrent versions
   * @param abortIncompleteMultipartUploadDays uploads in progress this many days after they were
   *     initiated (rounded to the next midnight UTC) are aborted
   * @param transitions moves of current versions to other storage classes
   * @param noncurrentTransitions moves of noncurrent versions to other storage classes
   */
  public record Rule(
      String id,
      boolean enabled,
      Filter filter,
      Optional<Expiration> expiration,
      Optional<NoncurrentExpiration> noncurrentExpiration,
      OptionalInt abortIncompleteMultipartUploadDays,
      List<Transition> transitions,
      List<NoncurrentTransition> noncurrentTransitions) {
    public Rule {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(filter, "filter");
      Objects.requireNonNull(expiration, "expiration");
      Objects.requireNonNull(noncurrentExpiration, "noncurrentExpiration");
      Objects.requireNonNull(abortIncompleteMultipartUploadDays,
          "abortIncompleteMultipartUploadDays");
      transitions = List.copyOf(transitions);
      noncurrentTransitions = List.copyOf(noncurrentTransitions);
    }

    /** A rule without transitions. */
    public Rule(String id, boolean enabled, Filter filter, Optional<Expiration> expiration,
        Optional<NoncurrentExpiration> noncurrentExpiration,
        OptionalInt abortIncompleteMultipartUploadDays) {
      this(id, enabled, filter, expiration, noncurrentExpiration,
          abortIncompleteMultipartUploadDays, List.of(), List.of());
    }
  }

  /**
   * Which objects a rule applies to: every condition given must hold; an object matches the
   * tags when it carries each of them with the same value. Delete markers carry no tags.
   *
   * @param namesPrefix whether the rule was put with a Prefix element, even an empty one: S3
   *     returns an empty {@code <Filter/>} for a rule put without one
   * @param legacyPrefix whether the rule was put in S3's older form (Lifecycle V1), its
   *     {@code Prefix} directly in the rule rather than in a {@code Filter}: S3 returns such a
   *     rule in the form it was put. Such a filter holds a prefix only; it matches as any other.
   */
  public record Filter(String prefix, List<Tag> tags, OptionalLong sizeGreaterThan,
      OptionalLong sizeLessThan, boolean namesPrefix, boolean legacyPrefix) {
    public Filter {
      Objects.requireNonNull(prefix, "prefix");
      tags = List.copyOf(tags);
      Objects.requireNonNull(sizeGreaterThan, "sizeGreaterThan");
      Objects.requireNonNull(sizeLessThan, "sizeLessThan");
      if (legacyPrefix
          && (!tags.isEmpty() || sizeGreaterThan.isPresent() || sizeLessThan.isPresent())) {
        throw new IllegalArgumentException(
            "a legacy (top-level) prefix holds no tags or sizes, was " + tags + ", "
                + sizeGreaterThan + ", " + sizeLessThan);
      }
      namesPrefix = namesPrefix || legacyPrefix || !prefix.isEmpty();
    }

    /** A filter put in a {@code Filter} element (Lifecycle V2). */
    public Filter(String prefix, List<Tag> tags, OptionalLong sizeGreaterThan,
        OptionalLong sizeLessThan, boolean namesPrefix) {
      this(prefix, tags, sizeGreaterThan, sizeLessThan, namesPrefix, false);
    }

    /** A filter that names a Prefix element only when {@code prefix} is not empty. */
    public Filter(
        String prefix, List<Tag> tags, OptionalLong sizeGreaterThan, OptionalLong sizeLessThan) {
      this(prefix, tags, sizeGreaterThan, sizeLessThan, false);
    }

    /** Every object. */
    public static final Filter ALL =
        new Filter("", List.of(), OptionalLong.empty(), OptionalLong.empty());

    boolean matches(String key, long size, Map<String, String> objectTags) {
      return key.startsWith(prefix) && hasTags(objectTags)
          && (sizeGreaterThan.isEmpty() || size > sizeGreaterThan.getAsLong())
          && (sizeLessThan.isEmpty() || size < sizeLessThan.getAsLong());
    }

    /** The key-level part of the filter: its prefix. Size and tags are a version's. */
    boolean matchesKey(String key) {
      return key.startsWith(prefix);
    }

    /**
     * Whether a delete marker of {@code key} matches: markers carry no tags, so a Tag condition
     * excludes them; they have no size, so size conditions do not.
     */
    boolean matchesMarker(String key) {
      return matchesKey(key) && tags.isEmpty();
    }

    private boolean hasTags(Map<String, String> objectTags) {
      for (Tag tag : tags) {
        if (!tag.value().equals(objectTags.get(tag.key()))) {
          return false;
        }
      }
      return true;
    }
  }

  /** A tag condition of a filter. */
  public record Tag(String key, String value) {
    public Tag {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(value, "value");
    }
  }

  /**
   * Expiration of current versions: after {@code days} or on {@code date}; and/or removal of a
   * delete marker that is its key's only version ({@code expiredObjectDeleteMarker} at once;
   * {@code days} and {@code date} remove such a marker too, once it is as old as they say).
   */
  public record Expiration(OptionalInt days, Optional<Instant> date,
      boolean expiredObjectDeleteMarker) {
    public Expiration {
      Objects.requireNonNull(days, "days");
      Objects.requireNonNull(date, "date");
    }
  }

  /**
   * Removal of noncurrent versions {@code noncurrentDays} after they became noncurrent, keeping
   * the {@code newerNoncurrentVersions} newest ones.
   */
  public record NoncurrentExpiration(int noncurrentDays, OptionalInt newerNoncurrentVersions) {
    public NoncurrentExpiration {
      Objects.requireNonNull(newerNoncurrentVersions, "newerNoncurrentVersions");
    }
  }

  /**
   * A Transition action: current versions move to {@code storageClass} after {@code days} (0 or
   * more, rounded up to midnight UTC) or on {@code date}. Only moves down S3's waterfall
   * (STANDARD, STANDARD_IA, INTELLIGENT_TIERING, ONEZONE_IA, GLACIER_IR, GLACIER, DEEP_ARCHIVE)
   * are made.
   */
  public record Transition(OptionalInt days, Optional<Instant> date, String storageClass) {
    public Transition {
      Objects.requireNonNull(days, "days");
      Objects.requireNonNull(date, "date");
      Objects.requireNonNull(storageClass, "storageClass");
    }
  }

  /**
   * A NoncurrentVersionTransition action: noncurrent versions move to {@code storageClass}
   * {@code noncurrentDays} after they became noncurrent, keeping the
   * {@code newerNoncurrentVersions} newest ones.
   */
  public record NoncurrentTransition(int noncurrentDays, OptionalInt newerNoncurrentVersions,
      String storageClass) {
    public NoncurrentTransition {
      Objects.requireNonNull(newerNoncurrentVersions, "newerNoncurrentVersions");
      Objects.requireNonNull(storageClass, "storageClass");
    }
  }

  /**
   * The default minimum object size for transitions of a configuration (the
   * {@code x-amz-transition-default-minimum-object-size} header of Put and
   * GetBucketLifecycleConfiguration). A rule with its own size filter is not held to it.
   */
  public enum TransitionMinimumSize {
    /** Objects under 128 KB transition to no storage class: S3's default since September 2024. */
    ALL_STORAGE_CLASSES_128K("all_storage_classes_128K"),
    /** Objects under 128 KB transition only to GLACIER and DEEP_ARCHIVE: the earlier default. */
    VARIES_BY_STORAGE_CLASS("varies_by_storage_class");

    /** What a configuration put without the header gets. */
    public static final TransitionMinimumSize DEFAULT = ALL_STORAGE_CLASSES_128K;

    private final String wireName;

    TransitionMinimumSize(String wireName) {
      this.wireName = wireName;
    }

    /** The header's value, e.g. {@code all_storage_classes_128K}. */
    public String wireName() {
      return wireName;
    }

    /** The value named {@code wireName} exactly; empty for any other text. */
    public static Optional<TransitionMinimumSize> named(String wireName) {
      for (TransitionMinimumSize size : values()) {
        if (size.wireName.equals(wireName)) {
          return Optional.of(size);
        }
      }
      return Optional.empty();
    }
  }

  /**
   * What one sweep did to one key: a version removed or moved to another storage class, or a
   * delete marker added.
   */
  public record Action(String bucket, String key, String versionId, Kind kind, String ruleId,
      Instant at) {}

  /** The kinds of {@link Action}. */
  public enum Kind {
    /** The current version expired; a delete marker now hides it (versioned buckets). */
    DELETE_MARKER_ADDED,
    /** The current version expired and was removed (unversioned buckets). */
    CURRENT_VERSION_REMOVED,
    /** A noncurrent version was removed for good. */
    NONCURRENT_VERSION_REMOVED,
    /** A delete marker that was its key's only version was removed. */
    EXPIRED_DELETE_MARKER_REMOVED,
    /** A multipart upload in progress was aborted; the action's version id is the upload id. */
    MULTIPART_UPLOAD_ABORTED,
    /** The current version moved to another storage class (a Transition action). */
    CURRENT_VERSION_TRANSITIONED,
    /** A noncurrent version moved to another storage class (NoncurrentVersionTransition). */
    NONCURRENT_VERSION_TRANSITIONED
  }

  /**
   * When the current version of a key expires under the first enabled rule that applies to it:
   * what S3 reports in {@code x-amz-expiration}; or when an upload in progress is aborted, as
   * {@code x-amz-abort-date} and {@code x-amz-abort-rule-id} report it.
   */
  public record Expiry(Instant date, String ruleId) {
    public Expiry {
      Objects.requireNonNull(date, "date");
      Objects.requireNonNull(ruleId, "ruleId");
    }
  }

  static Optional<Expiry> expiry(List<Rule> rules, String key, long size,
      Map<String, String> tags, Instant created) {
    for (Rule rule : rules) {
      if (!rule.enabled() || rule.expiration().isEmpty()
          || !rule.filter().matches(key, size, tags)) {
        continue;
      }
      Expiration expiration = rule.expiration().get();
      if (expiration.days().isPresent()) {
        return Optional.of(new Expiry(due(created, expiration.days().getAsInt()), rule.id()));
      }
      if (expiration.date().isPresent()) {
        return Optional.of(new Expiry(expiration.date().get(), rule.id()));
      }
    }
    return Optional.empty();
  }

  /**
   * When the earliest enabled AbortIncompleteMultipartUpload rule whose prefix matches
   * {@code key} aborts an upload initiated at {@code initiated}; the first such rule on a tie.
   */
  static Optional<Expiry> abort(List<Rule> rules, String key, Instant initiated) {
    Expiry first = null;
    for (Rule rule : rules) {
      if (rule.enabled() && rule.abortIncompleteMultipartUploadDays().isPresent()
          && rule.filter().matchesKey(key)) {
        Instant due = due(initiated, rule.abortIncompleteMultipartUploadDays().getAsInt());
        if (first == null || due.isBefore(first.date())) {
          first = new Expiry(due, rule.id());
        }
      }
    }
    return Optional.ofNullable(first);
  }

  /** {@code start + days}, rounded up to the next midnight UTC (S3's rule). */
  static Instant due(Instant start, int days) {
    Instant plus = start.plus(Duration.ofDays(days));
    Instant midnight = plus.truncatedTo(ChronoUnit.DAYS);
    return midnight.equals(plus) ? plus : midnight.plus(Duration.ofDays(1));
  }

  /** Whether {@code date} is a midnight UTC, which S3 requires of Expiration Date. */
  public static boolean isMidnight(Instant date) {
    return date.atOffset(ZoneOffset.UTC).toLocalTime().equals(LocalTime.MIDNIGHT);
  }
}
