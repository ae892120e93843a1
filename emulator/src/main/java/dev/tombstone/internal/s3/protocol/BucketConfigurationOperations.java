package dev.tombstone.internal.s3.protocol;

import dev.tombstone.s3.BucketLogging;
import dev.tombstone.s3.BucketNotification;
import dev.tombstone.s3.BucketReplication;
import dev.tombstone.s3.RequestPayment;
import dev.tombstone.s3.S3State;
import dev.tombstone.s3.TransferAcceleration;
import java.util.Optional;
import java.util.Set;

/**
 * Get/PutBucketNotificationConfiguration, Get/PutBucketLogging, Get/PutBucketRequestPayment,
 * Get/PutBucketAccelerateConfiguration, Get/Put/DeleteBucketReplication and Get/PutBucketAbac:
 * configurations the emulator stores and returns without acting on them (ABAC only stops
 * PutBucketTagging and DeleteBucketTagging, as on AWS; no policy reads tags).
 */
final class BucketConfigurationOperations {
  private static final String ENABLED = "Enabled";
  private static final String DISABLED = "Disabled";

  private final S3State state;

  BucketConfigurationOperations(S3State state) {
    this.state = state;
  }

  S3Response getNotification(S3Call call) {
    return S3Response.xml(200,
        NotificationDocuments.write(state.notificationConfiguration(call.bucket())));
  }

  // x-amz-skip-destination-validation changes nothing: destinations are never looked up.
  S3Response putNotification(S3Call call) {
    String region = state.bucket(call.bucket()).region();
    VerifiedBody body = RequestBodies.read(call.request(), BodyKind.DOCUMENT);
    BucketNotification notification =
        NotificationDocuments.read(XmlReader.parse(body.content()), region);
    state.putNotificationConfiguration(call.bucket(), notification);
    return S3Response.empty(200);
  }

  S3Response getLogging(S3Call call) {
    return S3Response.xml(200, LoggingDocuments.write(state.bucketLogging(call.bucket())));
  }

  S3Response putLogging(S3Call call) {
    state.bucket(call.bucket());
    VerifiedBody body = RequestBodies.read(call.request(), BodyKind.DOCUMENT);
    Optional<BucketLogging> logging =
        LoggingDocuments.read(XmlReader.parse(body.content()), state.owner());
    state.putBucketLogging(call.bucket(), logging);
    return S3Response.empty(200);
  }

  S3Response getRequestPayment(S3Call call) {
    RequestPayment payer = state.requestPayment(call.bucket());
    return S3Response.xml(200, XmlWriter.document("RequestPaymentConfiguration")
        .element("Payer", payer.wireName()).toBytes());
  }

  S3Response putRequestPayment(S3Call call) {
    state.bucket(call.bucket());
    XmlElement root = document(call, "RequestPaymentConfiguration");
    root.onlyChildren(Set.of("Payer"));
    RequestPayment payer = root.childText("Payer").map(String::trim)
        .flatMap(RequestPayment::named).orElseThrow(WireError::malformedXml);
    state.putRequestPayment(call.bucket(), payer);
    return S3Response.empty(200);
  }

  S3Response getAccelerate(S3Call call) {
    Optional<TransferAcceleration> status = state.accelerateConfiguration(call.bucket());
    XmlWriter xml = XmlWriter.document("AccelerateConfiguration");
    status.ifPresent(s -> xml.element("Status", s.wireName()));
    return S3Response.xml(200, xml.toBytes());
  }

  S3Response putAccelerate(S3Call call) {
    state.bucket(call.bucket());
    if (call.bucket().indexOf('.') >= 0) {
      // S3 refuses the name before it reads the body (LocalStack's AWS-validated
      // put-bucket-accelerate-config-dot-bucket); the text is the one S3State gives the Java API.
      throw WireError.invalidRequest("S3 Transfer Acceleration is not supported for buckets"
          + " with periods (.) in their names");
    }
    XmlElement root = document(call, "AccelerateConfiguration");
    root.onlyChildren(Set.of("Status"));
    TransferAcceleration status = root.childText("Status").map(String::trim)
        .flatMap(TransferAcceleration::named).orElseThrow(WireError::malformedXml);
    state.putAccelerateConfiguration(call.bucket(), status);
    return S3Response.empty(200);
  }

  // A bucket never set answers Disabled, as AWS does (an AWS-backed test suite's
  // GetBucketAbac on a new bucket).
  S3Response getAbac(S3Call call) {
    boolean enabled = state.abacEnabled(call.bucket());
    return S3Response.xml(200, XmlWriter.document("AbacStatus")
        .element("Status", enabled ? ENABLED : DISABLED).toBytes());
  }

  // The S3 model asks no Content-MD5 or checksum of this document; one sent is verified.
  S3Response putAbac(S3Call call) {
    state.bucket(call.bucket());
    XmlElement root = document(call, "AbacStatus");
    root.onlyChildren(Set.of("Status"));
    String status = root.childText("Status").map(String::trim)
        .filter(value -> value.equals(ENABLED) || value.equals(DISABLED))
        .orElseThrow(WireError::malformedXml);
    state.putBucketAbac(call.bucket(), status.equals(ENABLED));
    return S3Response.empty(200);
  }

  S3Response getReplication(S3Call call) {
    return S3Response.xml(200,
        ReplicationDocuments.write(state.replicationConfiguration(call.bucket())));
  }

  S3Response putReplication(S3Call call) {
    state.bucket(call.bucket());
    VerifiedBody body = RequestBodies.read(call.request(), BodyKind.DOCUMENT);
    BucketReplication replication = ReplicationDocuments.read(XmlReader.parse(body.content()));
    state.putReplicationConfiguration(call.bucket(), replication);
    return S3Response.empty(200);
  }

  S3Response deleteReplication(S3Call call) {
    state.deleteReplicationConfiguration(call.bucket());
    return S3Response.empty(204);
  }

  /** The request's document, whose root must be {@code rootName}. */
  static XmlElement document(S3Call call, String rootName) {
    VerifiedBody body = RequestBodies.read(call.request(), BodyKind.DOCUMENT);
    XmlElement root = XmlReader.parse(body.content());
    if (!root.is(rootName)) {
      throw WireError.malformedXml();
    }
    return root;
  }
}
