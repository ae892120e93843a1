package dev.tombstone.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StoredObjectTest {
  private static final Instant WHEN = Instant.parse("2026-01-01T00:00:00Z");
  private static final ObjectContent BODY = ObjectContent.of(new byte[] {1, 2, 3});
  private static final AccessControlList ACL =
      AccessControlList.ownerFullControl(Owner.DEFAULT);
  private final VersionIds ids = new VersionIds();

  private static StoredObject version(String versionId) {
    return StoredObject.of("k", versionId, WHEN, BODY, ETags.of(BODY), ObjectMetadata.DEFAULT,
        Optional.empty(), Map.of(), ACL, Optional.empty());
  }

  @Test
  void aMadeId_isKeptAsItsLongs_andGivenBackAsText() {
    String id = ids.next();
    StoredObject object = version(id);

    assertThat(object).isInstanceOf(StoredObject.MadeVersion.class);
    assertThat(object.versionId()).isEqualTo(id);
    assertThat(Entry.hasVersionId(object, id)).isTrue();
    assertThat(Entry.hasVersionId(object, ids.next())).isFalse();
    assertThat(Entry.hasVersionId(object, VersionIds.NULL)).isFalse();
    assertThat(object.toString()).contains("versionId=" + id);
  }

  @Test
  void theNullVersion_andAnyOtherText_keepTheirText() {
    StoredObject nullVersion = version(VersionIds.NULL);
    StoredObject other = version("v1");

    assertThat(nullVersion).isInstanceOf(StoredObject.NamedVersion.class);
    assertThat(nullVersion.versionId()).isSameAs(VersionIds.NULL);
    assertThat(Entry.hasVersionId(nullVersion, VersionIds.NULL)).isTrue();
    assertThat(Entry.hasVersionId(nullVersion, ids.next())).isFalse();
    assertThat(other.versionId()).isEqualTo("v1");
    assertThat(Entry.hasVersionId(other, "v1")).isTrue();
  }

  @Test
  void versions_areValues_whateverHoldsTheirId() {
    String id = ids.next();

    assertThat(version(id)).isEqualTo(version(id)).hasSameHashCodeAs(version(id))
        .isNotEqualTo(version(ids.next()))
        .isNotEqualTo(version(VersionIds.NULL))
        .isNotEqualTo(version(id).withTags(Map.of("a", "b")));
    assertThat(version(VersionIds.NULL)).isEqualTo(version(VersionIds.NULL))
        .hasSameHashCodeAs(version(VersionIds.NULL));
  }

  @Test
  void changedCopies_keepTheVersionId_andChangeOnlyWhatTheySay() {
    String id = ids.next();
    StoredObject object = version(id);

    StoredObject tagged = object.withTags(Map.of("a", "b"));
    StoredObject archived = object.withStorageClass("GLACIER");
    StoredObject withoutBytes = object.withoutContent();

    assertThat(tagged.versionId()).isEqualTo(id);
    assertThat(tagged.tags()).containsExactly(Map.entry("a", "b"));
    assertThat(tagged.content()).isSameAs(BODY);
    assertThat(archived.versionId()).isEqualTo(id);
    assertThat(archived.metadata().storageClass()).isEqualTo("GLACIER");
    assertThat(withoutBytes.versionId()).isEqualTo(id);
    assertThat(withoutBytes.size()).isZero();
    assertThat(withoutBytes.etag()).isEqualTo(object.etag());
    assertThat(version(VersionIds.NULL).withAcl(ACL).versionId()).isSameAs(VersionIds.NULL);
  }
}
