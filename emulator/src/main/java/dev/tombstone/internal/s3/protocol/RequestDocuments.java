package dev.tombstone.internal.s3.protocol;

import dev.tombstone.internal.ContentBytes;
import dev.tombstone.s3.DeleteObjects;
import dev.tombstone.s3.ObjectContent;
import dev.tombstone.s3.ObjectTagging;
import dev.tombstone.s3.Versioning;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The request documents S3 accepts: bucket, versioning and multi-delete configuration. */
final class RequestDocuments {
  private RequestDocuments() {}

  /** A PutBucketVersioning document: the status to set (if any) and the MfaDelete value. */
  record VersioningChange(Optional<Versioning> status, Optional<String> mfaDelete) {}

  /**
   * A DeleteObjects document.
   *
   * @param directoryBucketFields an object carried {@code LastModifiedTime} or {@code Size},
   *     conditions only directory buckets support
   */
  record DeleteDocument(boolean quiet, List<DeleteObjects.Target> targets,
      boolean directoryBucketFields) {}

  /**
   * A CreateBucketConfiguration: its LocationConstraint and the tags the new bucket gets, in
   * the order sent (checked later, as PutBucketTagging checks a tag set).
   */
  record CreateBucketDocument(Optional<String> locationConstraint, List<ObjectTagging.Tag> tags) {
    static final CreateBucketDocument NONE = new CreateBucketDocument(Optional.empty(), List.of());
  }

  /** The LocationConstraint of a CreateBucket body; empty for an empty body. */
  static Optional<String> locationConstraint(ObjectContent body) {
    return createBucket(body).locationConstraint();
  }

  /**
   * A CreateBucket body; {@link CreateBucketDocument#NONE} for an empty one.
   *
   * @throws WireError MalformedXML, also for a {@code Tags} element given twice or a tag
   *     without its Key or Value
   */
  static CreateBucketDocument createBucket(ObjectContent body) {
    if (body.asUtf8().isBlank()) {
      return CreateBucketDocument.NONE;
    }
    XmlElement root = XmlReader.parse(body);
    if (!root.is("CreateBucketConfiguration") || root.children("Tags").size() > 1) {
      throw WireError.malformedXml();
    }
    List<ObjectTagging.Tag> tags = new ArrayList<>();
    for (XmlElement set : root.children("Tags")) {
      for (XmlElement tag : set.children("Tag")) {
        tags.add(new ObjectTagging.Tag(tag.childText("Key").orElseThrow(WireError::malformedXml),
            tag.childText("Value").orElseThrow(WireError::malformedXml)));
      }
    }
    return new CreateBucketDocument(root.childText("LocationConstraint").map(String::trim),
        List.copyOf(tags));
  }

  /**
   * @throws WireError MalformedXML; IllegalVersioningConfigurationException for an empty
   *     Status, or a document with neither Status nor MfaDelete
   */
  static VersioningChange versioning(ObjectContent body) {
    XmlElement root = XmlReader.parse(body);
    if (!root.is("VersioningConfiguration")) {
      throw WireError.malformedXml();
    }
    Optional<String> statusText = root.childText("Status").map(String::trim);
    if (statusText.filter(String::isEmpty).isPresent()
        || statusText.isEmpty() && root.childText("MfaDelete").isEmpty()) {
      throw WireError.versioningStatusMissing();
    }
    Optional<Versioning> status = statusText.map(value ->
        switch (value) {
          case "Enabled" -> Versioning.ENABLED;
          case "Suspended" -> Versioning.SUSPENDED;
          default -> throw WireError.malformedXml();
        });
    Optional<String> mfaDelete = root.childText("MfaDelete").map(String::trim);
    if (mfaDelete.isPresent()) {
      switch (mfaDelete.get()) {
        case "Disabled", "Enabled" -> { }
        default -> throw WireError.malformedXml();
      }
    }
    return new VersioningChange(status, mfaDelete);
  }

  /** @throws WireError MalformedXML, also for no objects or more than 1000 */
  static DeleteDocument delete(ObjectContent body) {
    if (body.size() == 0) {
      throw WireError.malformedXml();
    }
    byte[] bytes = ContentBytes.of(ObjectContent.class).array(body); // no copy: only read
    Optional<DeleteDocument> common = DeleteDocumentScanner.scan(bytes);
    return common.isPresent() ? common.get() : parseDelete(body);
  }

  /** {@link #delete} with the full XML parser only. */
  static DeleteDocument parseDelete(ObjectContent body) {
    XmlElement root = XmlReader.parse(body);
    if (!root.is("Delete")) {
      throw WireError.malformedXml();
    }
    List<XmlElement> objects = root.children("Object");
    if (objects.isEmpty() || objects.size() > DeleteObjects.MAX_OBJECTS) {
      throw WireError.malformedXml();
    }
    boolean quiet = root.childText("Quiet").map(String::trim)
        .filter("true"::equalsIgnoreCase).isPresent();
    List<DeleteObjects.Target> targets = new ArrayList<>(objects.size());
    boolean directoryBucketFields = false;
    for (XmlElement object : objects) {
      String key = object.childText("Key").orElseThrow(WireError::malformedXml);
      targets.add(new DeleteObjects.Target(key, object.childText("VersionId"),
          object.childText("ETag")));
      directoryBucketFields |= !object.children("LastModifiedTime").isEmpty()
          || !object.children("Size").isEmpty();
    }
    return new DeleteDocument(quiet, targets, directoryBucketFields);
  }
}
