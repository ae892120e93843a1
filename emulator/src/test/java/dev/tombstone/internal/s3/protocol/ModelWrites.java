package dev.tombstone.internal.s3.protocol;

import static dev.tombstone.internal.s3.protocol.ModelWire.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.internal.s3.protocol.ModelWire.ReadElement;
import dev.tombstone.internal.s3.protocol.VersioningModel.IdKind;
import dev.tombstone.internal.s3.protocol.VersioningModel.Reported;
import dev.tombstone.internal.s3.protocol.VersioningModel.Status;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The versioning model test's writes: each sends one request, checks the answer against
 * {@link VersioningModel} and then changes the model as S3 changes the bucket.
 */
final class ModelWrites {
  private static final String INVALID_ID = "Invalid version id specified";
  private static final String EMPTY_ID = "Version id cannot be the empty string";
  private static final String NO_SUCH_VERSION = "The specified version does not exist.";

  /** One {@code <Object>} of a DeleteObjects request. */
  record Target(String key, Optional<String> versionId) {}

  private final ModelWire wire;
  private final VersioningModel model;

  ModelWrites(ModelWire wire, VersioningModel model) {
    this.wire = wire;
    this.model = model;
  }

  void putVersioning(Status status) {
    String text = status == Status.ENABLED ? "Enabled" : "Suspended";
    S3Response response = wire.putVersioning(text);

    assertThat(response.status()).as("PutBucketVersioning %s: %s", text,
        ModelWire.text(response)).isEqualTo(200);
    model.status(status);
  }

  void putObject(String key, String body) {
    S3Response response = wire.putObject(key, body);

    assertThat(response.status()).as("PutObject %s: %s", key, ModelWire.text(response))
        .isEqualTo(200);
    assertThat(response.header("ETag")).hasValue(ModelWire.etag(body));
    Optional<String> versionId = response.header("x-amz-version-id");
    if (model.status() != Status.ENABLED) {
      // S3 sends no version id for a write unversioned or Suspended (§3.7).
      assertThat(versionId).as("x-amz-version-id of a %s PutObject", model.status()).isEmpty();
    }
    model.put(key, body, () -> model.fresh(versionId.orElse(null)));
  }

  /**
   * CopyObject: a write of the source version's body onto {@code key}, as PutObject writes
   * (AWS's CopyObject reference: the current version unless a version id is given; a current
   * delete marker is as if the object was deleted; a marker's version id is a 400).
   */
  void copyObject(String sourceKey, Optional<String> versionId, String key) {
    S3Response response = wire.copyObject(sourceKey, versionId, key);
    String request = "CopyObject " + sourceKey + " " + versionId + " to " + key;

    Optional<VersioningModel.Entry> source = versionId.isPresent()
        ? model.find(sourceKey, versionId.get()) : model.latest(sourceKey);
    if (source.isEmpty() && versionId.isPresent()) {
      assertError(response, 404, "NoSuchVersion", NO_SUCH_VERSION);
      return;
    }
    if (source.isEmpty() || source.get().marker() && versionId.isEmpty()) {
      assertError(response, 404, "NoSuchKey", "The specified key does not exist.");
      return;
    }
    if (source.get().marker()) {
      assertError(response, 400, "InvalidRequest", "The source of a copy request may not"
          + " specifically refer to a delete marker by version id.");
      return;
    }
    String body = source.get().body();
    assertThat(response.status()).as("%s: %s", request, ModelWire.text(response))
        .isEqualTo(200);
    assertThat(ModelWire.root(response).child("ETag")).as("ETag of %s", request)
        .hasValue(ModelWire.etag(body));
    if (model.versioningAware()) {
      assertThat(response.header("x-amz-copy-source-version-id"))
          .as("x-amz-copy-source-version-id of %s", request)
          .hasValue(source.get().versionId());
    }
    Optional<String> newId = response.header("x-amz-version-id");
    if (model.status() != Status.ENABLED) {
      assertThat(newId).as("x-amz-version-id of a %s CopyObject", model.status()).isEmpty();
    }
    model.put(key, body, () -> model.fresh(newId.orElse(null)));
  }

  void deleteObject(String key, Optional<String> versionId) {
    S3Response response = wire.deleteObject(key, versionId);
    String request = "DeleteObject " + key + " " + versionId;

    IdKind kind = versionId.map(model::kind).orElse(IdKind.WELL_FORMED);
    if (kind != IdKind.WELL_FORMED) {
      assertError(response, 400, "InvalidArgument",
          kind == IdKind.EMPTY ? EMPTY_ID : INVALID_ID);
      return;
    }
    assertThat(response.status()).as("%s: %s", request, ModelWire.text(response))
        .isEqualTo(204);
    Optional<String> reportedId = response.header("x-amz-version-id");
    Reported expected = model.delete(key, versionId, () -> model.fresh(reportedId.orElse(null)));
    assertThat(response.header("x-amz-delete-marker")).as("x-amz-delete-marker of %s", request)
        .isEqualTo(expected.deleteMarker() ? Optional.of("true") : Optional.empty());
    assertThat(reportedId).as("x-amz-version-id of %s", request)
        .isEqualTo(expected.versionId());
  }

  /**
   * DeleteObjects: each object as a DeleteObject in request order, a malformed or empty version
   * id a per-key {@code NoSuchVersion} (§5.3); quiet mode leaves out every {@code Deleted}.
   *
   * @return whether the request made markers whose ids it did not report (quiet mode)
   */
  boolean deleteObjects(List<Target> targets, boolean quiet) {
    S3Response response = wire.deleteObjects(document(targets, quiet));

    assertThat(response.status()).as("DeleteObjects: %s", ModelWire.text(response))
        .isEqualTo(200);
    List<ReadElement> actual = ModelWire.children(response, List.of("Deleted", "Error"));
    List<ReadElement> expected = new ArrayList<>();
    boolean untold = false;
    for (Target target : targets) {
      Optional<String> versionId = target.versionId();
      if (versionId.isPresent() && model.kind(versionId.get()) != IdKind.WELL_FORMED) {
        expected.add(error(target));
        continue;
      }
      int at = expected.size();
      Reported reported = model.delete(target.key(), versionId, () -> quiet ? null
          : model.fresh(at < actual.size()
              ? actual.get(at).child("DeleteMarkerVersionId").orElse(null) : null));
      untold |= reported.versionId().isEmpty() && reported.deleteMarker();
      if (!quiet) {
        expected.add(deleted(target, reported));
      }
    }
    assertThat(render(actual)).as("DeleteObjects %s quiet %s", targets, quiet)
        .isEqualTo(render(expected));
    return untold;
  }

  private static ReadElement error(Target target) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("Key", target.key());
    fields.put("VersionId", target.versionId().orElseThrow());
    fields.put("Code", "NoSuchVersion");
    fields.put("Message", NO_SUCH_VERSION);
    return new ReadElement("Error", fields);
  }

  private static ReadElement deleted(Target target, Reported reported) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("Key", target.key());
    target.versionId().ifPresent(id -> fields.put("VersionId", id));
    if (reported.deleteMarker()) {
      fields.put("DeleteMarker", "true");
      fields.put("DeleteMarkerVersionId", reported.versionId().orElseThrow());
    }
    return new ReadElement("Deleted", fields);
  }

  /** The elements with their children in order, which AssertJ then shows side by side. */
  private static List<String> render(List<ReadElement> elements) {
    List<String> rendered = new ArrayList<>();
    for (ReadElement element : elements) {
      rendered.add(element.name() + element.fields());
    }
    return rendered;
  }

  private static String document(List<Target> targets, boolean quiet) {
    StringBuilder xml = new StringBuilder(
        "<Delete xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">");
    if (quiet) {
      xml.append("<Quiet>true</Quiet>");
    }
    for (Target target : targets) {
      xml.append("<Object><Key>").append(target.key()).append("</Key>");
      target.versionId().ifPresent(id -> xml.append("<VersionId>").append(id)
          .append("</VersionId>"));
      xml.append("</Object>");
    }
    return xml.append("</Delete>").toString();
  }
}
