package dev.tombstone.internal.s3.protocol;

import dev.tombstone.internal.RegionCodes;
import dev.tombstone.internal.s3.BucketNames;
import dev.tombstone.s3.AccessControlList;
import dev.tombstone.s3.BucketInfo;
import dev.tombstone.s3.ObjectOwnership;
import dev.tombstone.s3.ObjectTagging;
import dev.tombstone.s3.S3Error;
import dev.tombstone.s3.S3State;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The bucket-level operations: create, head, delete, location, versioning, list buckets. */
final class BucketOperations {
  static final String MISSING_INTEGRITY_HEADER =
      "Missing required header for this request: Content-MD5 OR x-amz-checksum-*";
  private static final String US_EAST_1 = "us-east-1";
  private static final int MAX_BUCKETS = 10_000;

  private final S3State state;

  BucketOperations(S3State state) {
    this.state = state;
  }

  S3Response create(S3Call call) {
    boolean objectLock = call.header("x-amz-bucket-object-lock-enabled")
        .filter(value -> value.trim().equalsIgnoreCase("true")).isPresent();
    if (!BucketNames.isValid(call.bucket())) {
      throw new S3Error.InvalidBucketName(call.bucket());
    }
    Optional<AccessControlList> acl = AclDocuments.fromHeaders(call.headers(), state.owner());
    Optional<String> ownershipHeader = call.header("x-amz-object-ownership").map(String::trim);
    Optional<ObjectOwnership> ownership = ownershipHeader.map(value -> ObjectOwnership
        .named(value).orElseThrow(() -> WireError.invalidArgument("Invalid x-amz-object-ownership"
            + " header: " + value, "x-amz-object-ownership")));
    VerifiedBody body = RequestBodies.read(call.request(), BodyKind.DOCUMENT);
    RequestDocuments.CreateBucketDocument document = RequestDocuments.createBucket(body.content());
    Optional<String> constraint = document.locationConstraint();
    BucketNamespaces.check(call.headers(), call.bucket(), Owner.ACCOUNT_ID,
        constraint.filter(value -> !value.isEmpty()).orElse(state.region()));
    // Checked as PutBucketTagging checks a tag set, before anything is created.
    Map<String, String> tags = ObjectTagging.validateBucketTags(document.tags());
    if (objectLock) {
      state.createBucketWithObjectLock(call.bucket(), constraint, acl, ownership, tags);
    } else {
      state.createBucket(call.bucket(), constraint, acl, ownership, tags);
    }
    String location = constraint.filter(value -> !value.isEmpty()).isPresent()
        ? "http://" + call.bucket() + ".s3.amazonaws.com/"
        : "/" + call.bucket();
    return S3Response.empty(200).with("Location", location);
  }

  S3Response head(S3Call call) {
    BucketInfo bucket = state.bucket(call.bucket());
    // S3 labels the empty answer as XML, as moto's AWS-verified test_header_content_type saw.
    return S3Response.empty(200)
        .with("Content-Type", "application/xml")
        .with("x-amz-bucket-region", bucket.region())
        .with("x-amz-access-point-alias", "false");
  }

  S3Response delete(S3Call call) {
    state.deleteBucket(call.bucket());
    return S3Response.empty(204);
  }

  S3Response location(S3Call call) {
    BucketInfo bucket = state.bucket(call.bucket());
    XmlWriter xml = XmlWriter.document("LocationConstraint");
    // us-east-1 is reported as no constraint at all.
    if (!bucket.region().equals(US_EAST_1)) {
      xml.text(bucket.region());
    }
    return S3Response.xml(200, xml.toBytes());
  }

  S3Response versioning(S3Call call) {
    BucketInfo bucket = state.bucket(call.bucket());
    XmlWriter xml = XmlWriter.document("VersioningConfiguration");
    switch (bucket.versioning()) {
      case ENABLED -> xml.element("Status", "Enabled");
      case SUSPENDED -> xml.element("Status", "Suspended");
      default -> { }
    }
    if (bucket.mfaDeleteConfigured()) {
      xml.element("MfaDelete", bucket.mfaDeleteEnabled() ? "Enabled" : "Disabled");
    }
    return S3Response.xml(200, xml.toBytes());
  }

  S3Response putVersioning(S3Call call) {
    state.bucket(call.bucket());
    // S3 accepts this document without Content-MD5 or a checksum (a curl user's request).
    VerifiedBody body = RequestBodies.read(call.request(), BodyKind.DOCUMENT);
    RequestDocuments.VersioningChange change = RequestDocuments.versioning(body.content());
    state.putBucketVersioning(call.bucket(), change.status(),
        change.mfaDelete().map("Enabled"::equals), MfaHeader.read(call.headers()));
    return S3Response.empty(200);
  }

  S3Response list(S3Call call) {
    QueryParameters query = call.query();
    String prefix = query.get("prefix").orElse("");
    int maxBuckets = maxBuckets(query.get("max-buckets"));
    Optional<String> region = query.get("bucket-region").filter(value -> !value.isEmpty());
    if (region.isPresent() && !RegionCodes.documented(region.get())) {
      throw WireError.invalidArgument(
          "Argument value " + region.get() + " is not a valid AWS Region", "bucket-region");
    }
    Optional<String> after = query.get("continuation-token").map(token ->
        ContinuationTokens.decode(token).orElseThrow(() -> WireError.invalidArgument(
            "The continuation token provided is incorrect", "continuation-token", token)));
    List<BucketInfo> matching = state.buckets().stream()
        .filter(bucket -> bucket.name().startsWith(prefix))
        .filter(bucket -> region.isEmpty() || bucket.region().equals(region.get()))
        .filter(bucket -> after.isEmpty() || bucket.name().compareTo(after.get()) > 0)
        .toList();
    List<BucketInfo> page = matching.subList(0, Math.min(maxBuckets, matching.size()));
    XmlWriter xml = XmlWriter.document("ListAllMyBucketsResult");
    Owner.write(xml, state.owner());
    xml.start("Buckets");
    for (BucketInfo bucket : page) {
      xml.start("Bucket")
          .element("Name", bucket.name())
          .element("CreationDate", XmlDates.format(bucket.creationDate()))
          .element("BucketRegion", bucket.region())
          .end();
    }
    xml.end();
    if (page.size() < matching.size()) {
      xml.element("ContinuationToken",
          ContinuationTokens.encode(page.get(page.size() - 1).name()));
    }
    if (query.has("prefix")) {
      xml.element("Prefix", prefix);
    }
    return S3Response.xml(200, xml.toBytes());
  }

  private static int maxBuckets(Optional<String> value) {
    if (value.isEmpty()) {
      return MAX_BUCKETS;
    }
    try {
      int parsed = Integer.parseInt(value.get().trim());
      if (parsed >= 1 && parsed <= MAX_BUCKETS) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // Reported below like an out-of-range value.
    }
    throw WireError.invalidArgument("Provided max-buckets not an integer or within integer"
        + " range", "max-buckets", value.get());
  }
}
