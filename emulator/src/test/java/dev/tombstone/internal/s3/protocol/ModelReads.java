package dev.tombstone.internal.s3.protocol;

import static dev.tombstone.internal.s3.protocol.ModelWire.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.internal.s3.protocol.ModelWire.ReadElement;
import dev.tombstone.internal.s3.protocol.VersioningModel.Entry;
import dev.tombstone.internal.s3.protocol.VersioningModel.IdKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The versioning model test's reads: each sends one request and checks the answer against
 * {@link VersioningModel}, which it leaves as it is (but for the ids of markers a quiet
 * DeleteObjects made, which a listing tells).
 */
final class ModelReads {
  private static final String NO_SUCH_KEY = "The specified key does not exist.";

  /** One {@code Version} or {@code DeleteMarker} of ListObjectVersions. */
  record Listed(String key, String versionId, boolean marker, boolean latest,
      Optional<String> etag, Optional<String> size) {}

  private final ModelWire wire;
  private final VersioningModel model;

  ModelReads(ModelWire wire, VersioningModel model) {
    this.wire = wire;
    this.model = model;
  }

  /** GetObject or HeadObject, of the current version or of {@code versionId} (§3.8). */
  void read(String method, String key, Optional<String> versionId) {
    boolean head = method.equals("HEAD");
    S3Response response = wire.read(method, key, versionId);
    String request = method + " " + key + " " + versionId;

    if (versionId.isEmpty()) {
      Optional<Entry> latest = model.latest(key);
      if (latest.isEmpty() || latest.get().marker()) {
        assertError(response, 404, "NoSuchKey", NO_SUCH_KEY);
        assertMarkerHeaders(response, request, latest.map(Entry::versionId));
      } else {
        assertObject(response, request, head, latest.get());
      }
      return;
    }
    IdKind kind = model.kind(versionId.get());
    if (kind != IdKind.WELL_FORMED) {
      assertError(response, 400, "InvalidArgument", kind == IdKind.EMPTY
          ? "Version id cannot be the empty string" : "Invalid version id specified");
      return;
    }
    Optional<Entry> entry = model.find(key, versionId.get());
    if (entry.isEmpty()) {
      assertError(response, 404, "NoSuchVersion", "The specified version does not exist.");
    } else if (entry.get().marker()) {
      assertError(response, 405, "MethodNotAllowed",
          "The specified method is not allowed against this resource.");
      assertMarkerHeaders(response, request, versionId);
      assertThat(response.header("Allow")).as("Allow of %s", request).hasValue("DELETE");
      ReadElement error = ModelWire.root(response);
      assertThat(error.child("Method")).as("Method of %s", request).hasValue(method);
      assertThat(error.child("ResourceType")).as("ResourceType of %s", request)
          .hasValue("DeleteMarker");
    } else {
      assertObject(response, request, head, entry.get());
    }
  }

  /** The delete-marker headers of a 404 or 405: present exactly when a marker is named. */
  private static void assertMarkerHeaders(S3Response response, String request,
      Optional<String> markerId) {
    assertThat(response.header("x-amz-delete-marker")).as("x-amz-delete-marker of %s", request)
        .isEqualTo(markerId.map(id -> "true"));
    assertThat(response.header("x-amz-version-id")).as("x-amz-version-id of %s", request)
        .isEqualTo(markerId);
  }

  private void assertObject(S3Response response, String request, boolean head, Entry entry) {
    assertThat(response.status()).as("%s: %s", request, ModelWire.text(response))
        .isEqualTo(200);
    assertThat(ModelWire.text(response)).as("body of %s", request)
        .isEqualTo(head ? "" : entry.body());
    assertThat(response.header("ETag")).as("ETag of %s", request)
        .hasValue(ModelWire.etag(entry.body()));
    assertThat(response.header("x-amz-version-id")).as("x-amz-version-id of %s", request)
        .isEqualTo(model.versioningAware() ? Optional.of(entry.versionId()) : Optional.empty());
  }

  /**
   * ListObjectVersions of the whole bucket (§3.11): keys ascending, each key's entries newest
   * first, exactly one latest per key.
   */
  void listVersions() {
    S3Response response = wire.bucketGet("versions");

    assertThat(response.status()).as("ListObjectVersions: %s", ModelWire.text(response))
        .isEqualTo(200);
    assertThat(ModelWire.root(response).child("IsTruncated")).hasValue("false");
    List<Listed> actual = listed(response);
    learnUntoldIds(actual);
    assertThat(actual).as("ListObjectVersions").containsExactlyElementsOf(expectedVersions());
  }

  /**
   * ListObjectVersions page by page: each page the next {@code maxKeys} entries of the whole
   * listing; a truncated page names its last entry in {@code NextKeyMarker} and
   * {@code NextVersionIdMarker}, and the next page starts right after it (§3.11).
   */
  void listVersionPages(int maxKeys) {
    List<Listed> expected = expectedVersions();
    String query = "versions&max-keys=" + maxKeys;
    for (int from = 0; ; from += maxKeys) {
      S3Response response = wire.bucketGet(query);
      assertThat(response.status()).as("%s: %s", query, ModelWire.text(response))
          .isEqualTo(200);
      int to = Math.min(from + maxKeys, expected.size());
      assertThat(listed(response)).as(query).containsExactlyElementsOf(expected.subList(from, to));
      ReadElement page = ModelWire.root(response);
      boolean truncated = to < expected.size();
      assertThat(page.child("IsTruncated")).as("IsTruncated of %s", query)
          .hasValue(Boolean.toString(truncated));
      if (!truncated) {
        assertThat(page.child("NextKeyMarker")).as("NextKeyMarker of %s", query).isEmpty();
        return;
      }
      Listed last = expected.get(to - 1);
      assertThat(page.child("NextKeyMarker")).as("NextKeyMarker of %s", query)
          .hasValue(last.key());
      assertThat(page.child("NextVersionIdMarker")).as("NextVersionIdMarker of %s", query)
          .hasValue(last.versionId());
      query = "versions&max-keys=" + maxKeys + "&key-marker=" + last.key()
          + "&version-id-marker=" + last.versionId();
    }
  }

  private static List<Listed> listed(S3Response response) {
    List<Listed> listed = new ArrayList<>();
    for (ReadElement element : ModelWire.children(response, List.of("Version", "DeleteMarker"))) {
      listed.add(new Listed(element.child("Key").orElse(null),
          element.child("VersionId").orElse(null), element.name().equals("DeleteMarker"),
          element.child("IsLatest").map(Boolean::parseBoolean).orElse(false),
          element.child("ETag"), element.child("Size")));
    }
    return listed;
  }

  private List<Listed> expectedVersions() {
    List<Listed> expected = new ArrayList<>();
    for (Map.Entry<String, List<Entry>> key : model.keys().entrySet()) {
      List<Entry> entries = key.getValue();
      for (int i = 0; i < entries.size(); i++) {
        Entry entry = entries.get(i);
        expected.add(new Listed(key.getKey(), entry.versionId(), entry.marker(), i == 0,
            entry.marker() ? Optional.empty() : Optional.of(ModelWire.etag(entry.body())),
            entry.marker() ? Optional.empty()
                : Optional.of(Integer.toString(entry.body().length()))));
      }
    }
    return expected;
  }

  // A marker a quiet DeleteObjects made takes the id listed at its place, when a marker is there.
  private void learnUntoldIds(List<Listed> actual) {
    int at = 0;
    for (Map.Entry<String, List<Entry>> key : model.keys().entrySet()) {
      List<Entry> entries = key.getValue();
      for (int i = 0; i < entries.size(); i++, at++) {
        if (entries.get(i).versionId() == null && at < actual.size()
            && actual.get(at).marker() && key.getKey().equals(actual.get(at).key())) {
          model.learn(key.getKey(), i, actual.get(at).versionId());
        }
      }
    }
  }

  /** ListObjectsV2: the keys whose current entry is an object, not a marker (§3.10). */
  void listObjects() {
    S3Response response = wire.bucketGet("list-type=2");

    assertThat(response.status()).as("ListObjectsV2: %s", ModelWire.text(response))
        .isEqualTo(200);
    List<String> actual = new ArrayList<>();
    for (ReadElement contents : ModelWire.children(response, List.of("Contents"))) {
      actual.add(contents.child("Key").orElse(null));
    }
    List<String> expected = new ArrayList<>();
    model.keys().forEach((key, entries) -> {
      if (!entries.get(0).marker()) {
        expected.add(key);
      }
    });
    assertThat(actual).as("ListObjectsV2 keys").containsExactlyElementsOf(expected);
  }

  /** GetBucketVersioning: no {@code Status} until versioning was first set (§3.6). */
  void getVersioning() {
    S3Response response = wire.bucketGet("versioning");

    assertThat(response.status()).isEqualTo(200);
    ReadElement configuration = ModelWire.root(response);
    assertThat(configuration.name()).isEqualTo("VersioningConfiguration");
    assertThat(configuration.child("Status")).as("Status").isEqualTo(switch (model.status()) {
      case UNVERSIONED -> Optional.empty();
      case ENABLED -> Optional.of("Enabled");
      case SUSPENDED -> Optional.of("Suspended");
    });
  }
}
