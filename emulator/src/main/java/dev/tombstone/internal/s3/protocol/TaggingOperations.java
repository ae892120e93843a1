package dev.tombstone.internal.s3.protocol;

import dev.tombstone.internal.TagCharacters;
import dev.tombstone.s3.ObjectContent;
import dev.tombstone.s3.ObjectTagging;
import dev.tombstone.s3.ObjectTagging.Tag;
import dev.tombstone.s3.S3Error;
import dev.tombstone.s3.S3State;
import dev.tombstone.s3.StoredObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Get/Put/DeleteObjectTagging and Get/Put/DeleteBucketTagging; the x-amz-tagging header. */
final class TaggingOperations {
  private final S3State state;

  TaggingOperations(S3State state) {
    this.state = state;
  }

  S3Response getObjectTagging(S3Call call) {
    Optional<String> versionId = call.query().get("versionId");
    StoredObject object;
    try {
      object = CurrentMarker.refused(() -> state.objectTags(call.bucket(), call.key(), versionId));
    } catch (S3Error.NoSuchKey missing) {
      // S3 names the missing key with its bucket here, unlike GetObject.
      throw new S3Error.NoSuchKey(call.bucket() + "/" + call.key());
    }
    return withVersion(S3Response.xml(200, write(object.tags())), call, object.versionId());
  }

  S3Response putObjectTagging(S3Call call) {
    Optional<String> versionId = call.query().get("versionId");
    CurrentMarker.refused(() -> state.objectTags(call.bucket(), call.key(), versionId));
    VerifiedBody body = RequestBodies.read(call.request(), BodyKind.DOCUMENT);
    Map<String, String> tags = ObjectTagging.validate(read(body.content()));
    String changed = CurrentMarker.refused(
        () -> state.putObjectTags(call.bucket(), call.key(), versionId, tags));
    return withVersion(S3Response.empty(200), call, changed);
  }

  S3Response deleteObjectTagging(S3Call call) {
    String changed = CurrentMarker.refused(() -> state.putObjectTags(call.bucket(), call.key(),
        call.query().get("versionId"), Map.of()));
    return withVersion(S3Response.empty(204), call, changed);
  }

  // A bucket that was never versioned has no version ids to report.
  private S3Response withVersion(S3Response response, S3Call call, String versionId) {
    boolean versioned = state.bucket(call.bucket()).versioning().isVersioningAware();
    return versioned ? response.with("x-amz-version-id", versionId) : response;
  }

  S3Response getBucketTagging(S3Call call) {
    Map<String, String> tags = state.bucketTags(call.bucket())
        .orElseThrow(() -> new S3Error.NoSuchTagSet(call.bucket()));
    return S3Response.xml(200, write(tags));
  }

  S3Response putBucketTagging(S3Call call) {
    state.bucket(call.bucket());
    refuseWithAbac(call, "To add tags to this bucket, initiate a TagResource request. To delete"
        + " tags from this bucket, initiate an UntagResource request.");
    VerifiedBody body = RequestBodies.read(call.request(), BodyKind.DOCUMENT);
    if (!body.integrityProvided()) {
      throw WireError.invalidRequest(BucketOperations.MISSING_INTEGRITY_HEADER);
    }
    Map<String, String> tags = ObjectTagging.validateBucketTags(read(body.content()));
    // "Setting an empty tag set is the same as effectively deleting" (AWS-validated test).
    state.putBucketTags(call.bucket(), tags.isEmpty() ? Optional.empty() : Optional.of(tags));
    return S3Response.empty(204);
  }

  S3Response deleteBucketTagging(S3Call call) {
    refuseWithAbac(call, "To delete tags from this bucket, initiate an UntagResource request.");
    state.putBucketTags(call.bucket(), Optional.empty());
    return S3Response.empty(204);
  }

  // With ABAC on, S3 changes a bucket's tags only through S3 Control's TagResource and
  // UntagResource (not served here), and says so (an AWS-backed test suite's recorded texts).
  private void refuseWithAbac(S3Call call, String instead) {
    if (state.abacEnabled(call.bucket())) {
      throw new S3Error.BadRequest("This S3 general purpose bucket has attribute-based access"
          + " control (ABAC) enabled. " + instead);
    }
  }

  /**
   * The tags of an {@code x-amz-tagging} header: a URL-encoded query string.
   *
   * @throws WireError InvalidArgument when it names a key twice or holds, unencoded, a
   *     character no tag may hold (S3 parses the header before it checks the tags, so this
   *     answer differs from PutObjectTagging's)
   * @throws S3Error.InvalidTag or S3Error.BadRequest as PutObjectTagging would
   */
  static Map<String, String> header(RequestHeaders headers) {
    Optional<String> value = headers.first("x-amz-tagging");
    if (value.isEmpty() || value.get().isEmpty()) {
      return Map.of();
    }
    List<Tag> tags = new ArrayList<>();
    Set<String> keys = new HashSet<>();
    for (String pair : value.get().split("&", -1)) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String rawKey = equals < 0 ? pair : pair.substring(0, equals);
      String rawValue = equals < 0 ? "" : pair.substring(equals + 1);
      String key = formDecode(rawKey);
      String tagValue = formDecode(rawValue);
      // A repeated key, or a character no tag may hold left unencoded (a header written as
      // "k1=v1,k2=v2"), means the header is not a query string of tags. Such a character
      // percent-encoded is a tag S3 refuses later, as InvalidTag.
      if (!keys.add(key) || !unencodedTagText(rawKey) || !unencodedTagText(rawValue)) {
        throw WireError.invalidArgument("The header 'x-amz-tagging' shall be encoded as UTF-8"
            + " then URLEncoded URL query parameters without tag name duplicates.",
            "x-amz-tagging", value.get());
      }
      tags.add(new Tag(key, tagValue));
    }
    return ObjectTagging.validate(tags);
  }

  private static boolean unencodedTagText(String raw) {
    return TagCharacters.allowed(raw.replace("%", ""));
  }

  private static String formDecode(String text) {
    return PercentDecoding.decode(text.replace('+', ' '));
  }

  static byte[] write(Map<String, String> tags) {
    XmlWriter xml = XmlWriter.document("Tagging").start("TagSet");
    for (Map.Entry<String, String> tag : tags.entrySet()) {
      xml.start("Tag").element("Key", tag.getKey()).element("Value", tag.getValue()).end();
    }
    return xml.toBytes();
  }

  private static List<Tag> read(ObjectContent body) {
    return tags(XmlReader.parse(body));
  }

  /** The tags of a {@code Tagging} document. @throws WireError MalformedXML */
  static List<Tag> tags(XmlElement root) {
    if (!root.is("Tagging") || root.children("TagSet").size() != 1) {
      throw WireError.malformedXml();
    }
    List<Tag> tags = new ArrayList<>();
    for (XmlElement tag : root.children("TagSet").get(0).children("Tag")) {
      String key = tag.childText("Key").orElseThrow(WireError::malformedXml);
      String value = tag.childText("Value").orElseThrow(WireError::malformedXml);
      tags.add(new Tag(key, value));
    }
    return tags;
  }
}
