package dev.tombstone.internal.s3.protocol;

import static dev.tombstone.internal.s3.protocol.RawBucketRequests.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.Tombstone;
import dev.tombstone.s3.BucketLogging;
import dev.tombstone.testing.RunningTombstone;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketLogsPermission;
import software.amazon.awssdk.services.s3.model.GetBucketLoggingResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.ObjectOwnership;
import software.amazon.awssdk.services.s3.model.PartitionDateSource;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.Type;

/** Get/PutBucketLogging through the SDK v2: stored and returned, checked as S3 checks it. */
class SdkBucketLoggingTest {
  private static final String BUCKET = "logged";
  private static final String LOGS = "access-logs";
  private static final String NS = "http://s3.amazonaws.com/doc/2006-03-01/";

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  private final Tombstone tombstone = server.tombstone();
  private final S3Client s3 = server.s3();
  private final RawBucketRequests raw = new RawBucketRequests(tombstone);

  @BeforeEach
  void buckets() {
    s3.createBucket(b -> b.bucket(BUCKET));
    s3.createBucket(b -> b.bucket(LOGS));
  }

  @Test
  void getLogging_ofANewBucket_isAnEmptyStatus() {
    assertThat(s3.getBucketLogging(b -> b.bucket(BUCKET)).loggingEnabled()).isNull();
    assertThat(raw.get(BUCKET, "logging").body()).isEqualTo("<?xml version=\"1.0\""
        + " encoding=\"UTF-8\"?>\n<BucketLoggingStatus xmlns=\"" + NS + "\"/>");
  }

  @Test
  void putLogging_roundTrips_withGrantsAndAPartitionedKeyFormat() {
    allowAcls(LOGS);

    s3.putBucketLogging(b -> b.bucket(BUCKET).bucketLoggingStatus(s -> s.loggingEnabled(l -> l
        .targetBucket(LOGS).targetPrefix("logged/")
        .targetGrants(g -> g.grantee(e -> e.type(Type.GROUP)
            .uri("http://acs.amazonaws.com/groups/global/AuthenticatedUsers"))
            .permission(BucketLogsPermission.READ))
        .targetObjectKeyFormat(f -> f.partitionedPrefix(
            p -> p.partitionDateSource(PartitionDateSource.EVENT_TIME))))));

    GetBucketLoggingResponse got = s3.getBucketLogging(b -> b.bucket(BUCKET));
    assertThat(got.loggingEnabled().targetBucket()).isEqualTo(LOGS);
    assertThat(got.loggingEnabled().targetPrefix()).isEqualTo("logged/");
    assertThat(got.loggingEnabled().targetGrants()).singleElement().satisfies(grant -> {
      assertThat(grant.permission()).isEqualTo(BucketLogsPermission.READ);
      assertThat(grant.grantee().uri())
          .isEqualTo("http://acs.amazonaws.com/groups/global/AuthenticatedUsers");
    });
    assertThat(got.loggingEnabled().targetObjectKeyFormat().partitionedPrefix()
        .partitionDateSource()).isEqualTo(PartitionDateSource.EVENT_TIME);
    assertThat(tombstone.s3().bucketLogging(BUCKET)).get()
        .extracting(BucketLogging::keyFormat).isEqualTo(
            java.util.Optional.of(BucketLogging.KeyFormat.PARTITIONED_PREFIX));
  }

  @Test
  void getLogging_isS3sCanonicalDocument() {
    raw.put(BUCKET, "logging", "<BucketLoggingStatus xmlns=\"" + NS + "\"><LoggingEnabled>"
        + "<TargetObjectKeyFormat><SimplePrefix/></TargetObjectKeyFormat>"
        + "<TargetPrefix>p/</TargetPrefix><TargetBucket>" + LOGS + "</TargetBucket>"
        + "</LoggingEnabled></BucketLoggingStatus>");

    assertThat(raw.get(BUCKET, "logging").body()).isEqualTo("<?xml version=\"1.0\""
        + " encoding=\"UTF-8\"?>\n<BucketLoggingStatus xmlns=\"" + NS + "\"><LoggingEnabled>"
        + "<TargetBucket>" + LOGS + "</TargetBucket><TargetPrefix>p/</TargetPrefix>"
        + "<TargetObjectKeyFormat><SimplePrefix/></TargetObjectKeyFormat>"
        + "</LoggingEnabled></BucketLoggingStatus>");
  }

  @Test
  void putLogging_withoutLoggingEnabled_turnsLoggingOff() {
    enableLogging();

    s3.putBucketLogging(b -> b.bucket(BUCKET).bucketLoggingStatus(s -> { }));

    assertThat(s3.getBucketLogging(b -> b.bucket(BUCKET)).loggingEnabled()).isNull();
    assertThat(tombstone.s3().bucketLogging(BUCKET)).isEmpty();
  }

  @Test
  void putLogging_toAMissingTargetBucket_isInvalidTargetBucketForLogging() {
    HttpResponse<String> answer = raw.put(BUCKET, "logging", "<BucketLoggingStatus>"
        + "<LoggingEnabled><TargetBucket>nowhere</TargetBucket><TargetPrefix></TargetPrefix>"
        + "</LoggingEnabled></BucketLoggingStatus>");

    assertError(answer, 400, "InvalidTargetBucketForLogging",
        "The target bucket for logging does not exist");
    assertThat(answer.body()).contains("<TargetBucket>nowhere</TargetBucket>");
    assertThat(tombstone.s3().bucketLogging(BUCKET)).isEmpty();
  }

  @Test
  void putLogging_toABucketInAnotherRegion_isCrossLocationLoggingProhibitted() {
    tombstone.s3().createBucket("eu-logs", java.util.Optional.of("eu-west-1"));

    S3Exception thrown = catchThrowableOfType(S3Exception.class,
        () -> s3.putBucketLogging(b -> b.bucket(BUCKET).bucketLoggingStatus(s -> s
            .loggingEnabled(l -> l.targetBucket("eu-logs").targetPrefix("")))));

    assertThat(thrown.statusCode()).isEqualTo(403);
    assertThat(thrown.awsErrorDetails().errorCode()).isEqualTo("CrossLocationLoggingProhibitted");
    assertThat(tombstone.s3().bucketLogging(BUCKET)).isEmpty();
  }

  @Test
  void crossLocationLoggingProhibitted_hasTheRecordedTextAndOnlyTheTargetLocation() {
    tombstone.s3().createBucket("eu-logs", java.util.Optional.of("eu-west-1"));

    HttpResponse<String> answer = raw.put(BUCKET, "logging", "<BucketLoggingStatus>"
        + "<LoggingEnabled><TargetBucket>eu-logs</TargetBucket><TargetPrefix></TargetPrefix>"
        + "</LoggingEnabled></BucketLoggingStatus>");

    // S3's message ends in a space (LocalStack's AWS-validated
    // put-bucket-logging-different-regions).
    assertError(answer, 403, "CrossLocationLoggingProhibitted",
        "Cross S3 location logging not allowed. ");
    assertThat(answer.body()).contains("<TargetBucketLocation>eu-west-1</TargetBucketLocation>")
        .doesNotContain("SourceBucketLocation");
  }

  @Test
  void putLogging_acceptsAndReturnsAReadAcpTargetGrant_asS3Does() {
    allowAcls(LOGS);
    String logDelivery = "<Grant><Grantee xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
        + " xsi:type=\"Group\"><URI>http://acs.amazonaws.com/groups/s3/LogDelivery</URI>"
        + "</Grantee><Permission>";

    HttpResponse<String> answer = raw.put(BUCKET, "logging", loggingWith("<TargetGrants>"
        + logDelivery + "WRITE</Permission></Grant>" + logDelivery + "READ_ACP</Permission>"
        + "</Grant></TargetGrants>"));

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(s3.getBucketLogging(b -> b.bucket(BUCKET)).loggingEnabled().targetGrants())
        .extracting(grant -> grant.permissionAsString())
        .containsExactly("WRITE", "READ_ACP");
  }

  @Test
  void putLogging_outsideTheSchema_isMalformedXml_andChangesNothing() {
    enableLogging();
    for (String body : List.of(
        "<BucketLoggingStatus><LoggingEnabled><TargetPrefix>p</TargetPrefix>"
            + "</LoggingEnabled></BucketLoggingStatus>",
        "<BucketLoggingStatus><LoggingEnabled><TargetBucket>" + LOGS + "</TargetBucket>"
            + "</LoggingEnabled></BucketLoggingStatus>",
        loggingWith("<TargetGrants><Grant><Grantee xmlns:xsi=\"http://www.w3.org/2001/"
            + "XMLSchema-instance\" xsi:type=\"Group\"><URI>http://acs.amazonaws.com/groups/"
            + "global/AllUsers</URI></Grantee><Permission>READ_WRITE</Permission></Grant>"
            + "</TargetGrants>"),
        loggingWith("<TargetObjectKeyFormat/>"),
        loggingWith("<TargetObjectKeyFormat><PartitionedPrefix><PartitionDateSource>Now"
            + "</PartitionDateSource></PartitionedPrefix></TargetObjectKeyFormat>"),
        "<LoggingEnabled/>", "")) {
      assertError(raw.put(BUCKET, "logging", body), 400, "MalformedXML",
          WireError.MALFORMED_XML);
    }
    assertThat(tombstone.s3().bucketLogging(BUCKET)).get()
        .extracting(BucketLogging::targetPrefix).isEqualTo("logs/");
  }

  // A misspelt LoggingEnabled used to be skipped, which turned logging off.
  @Test
  void putLogging_withAnElementTheSchemaDoesNotDeclare_isMalformedXml_andKeepsLoggingOn() {
    enableLogging();
    String grantee = "<Grantee xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
        + " xsi:type=\"Group\"><URI>http://acs.amazonaws.com/groups/global/AllUsers</URI>";
    for (String body : List.of(
        "<BucketLoggingStatus><LogingEnabled><TargetBucket>" + LOGS + "</TargetBucket>"
            + "<TargetPrefix>y/</TargetPrefix></LogingEnabled></BucketLoggingStatus>",
        "<BucketLoggingStatus><Bogus/></BucketLoggingStatus>",
        loggingWith("<Bogus/>"),
        loggingWith("<TargetGrants><Bogus/></TargetGrants>"),
        loggingWith("<TargetGrants><Grant>" + grantee + "</Grantee><Permission>READ"
            + "</Permission><Bogus/></Grant></TargetGrants>"),
        loggingWith("<TargetGrants><Grant>" + grantee + "<Bogus/></Grantee><Permission>READ"
            + "</Permission></Grant></TargetGrants>"),
        loggingWith("<TargetObjectKeyFormat><SimplePrefix/><Bogus/></TargetObjectKeyFormat>"),
        loggingWith("<TargetObjectKeyFormat><SimplePrefix><Bogus/></SimplePrefix>"
            + "</TargetObjectKeyFormat>"),
        loggingWith("<TargetObjectKeyFormat><PartitionedPrefix><Bogus/></PartitionedPrefix>"
            + "</TargetObjectKeyFormat>"))) {
      assertError(raw.put(BUCKET, "logging", body), 400, "MalformedXML",
          WireError.MALFORMED_XML);
    }
    assertThat(tombstone.s3().bucketLogging(BUCKET)).get()
        .extracting(BucketLogging::targetPrefix).isEqualTo("logs/");
  }

  // New buckets enforce bucket ownership, as on S3 since April 2023.
  @Test
  void putLogging_withTargetGrants_onABucketOwnerEnforcedTarget_isAccessControlListNotSupported() {
    HttpResponse<String> answer = raw.put(BUCKET, "logging", loggingWith("<TargetGrants><Grant>"
        + "<Grantee xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:type=\"Group\">"
        + "<URI>http://acs.amazonaws.com/groups/global/AuthenticatedUsers</URI></Grantee>"
        + "<Permission>READ</Permission></Grant></TargetGrants>"));

    assertError(answer, 400, "AccessControlListNotSupported",
        "Target grants not allowed for bucket owner enforced buckets");
    assertThat(tombstone.s3().bucketLogging(BUCKET)).isEmpty();
    enableLogging();
    assertThat(tombstone.s3().bucketLogging(BUCKET)).isPresent();
  }

  @Test
  void putLogging_withAGranteeIdS3DoesNotKnow_isInvalidArgument() {
    HttpResponse<String> answer = raw.put(BUCKET, "logging", loggingWith("<TargetGrants><Grant>"
        + "<Grantee xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
        + " xsi:type=\"CanonicalUser\"><ID>abc</ID></Grantee><Permission>READ</Permission>"
        + "</Grant></TargetGrants>"));

    assertError(answer, 400, "InvalidArgument", "Invalid id");
    assertThat(tombstone.s3().bucketLogging(BUCKET)).isEmpty();
  }

  @Test
  void logging_ofAMissingBucket_isNoSuchBucket_deleteIsNotAllowed_andResetClearsIt() {
    assertThat(catchThrowableOfType(NoSuchBucketException.class,
        () -> s3.getBucketLogging(b -> b.bucket("missing")))).isNotNull();
    assertError(raw.delete(BUCKET, "logging"), 405, "MethodNotAllowed",
        "The specified method is not allowed against this resource.");

    enableLogging();
    tombstone.reset();
    s3.createBucket(b -> b.bucket(BUCKET));
    assertThat(tombstone.s3().bucketLogging(BUCKET)).isEmpty();
  }

  @Test
  void logging_diesWithTheBucket() {
    enableLogging();

    s3.deleteBucket(b -> b.bucket(BUCKET));
    s3.createBucket(b -> b.bucket(BUCKET));

    assertThat(tombstone.s3().bucketLogging(BUCKET)).isEmpty();
  }

  private void allowAcls(String bucket) {
    s3.putBucketOwnershipControls(b -> b.bucket(bucket).ownershipControls(c -> c.rules(
        r -> r.objectOwnership(ObjectOwnership.BUCKET_OWNER_PREFERRED))));
  }

  private void enableLogging() {
    s3.putBucketLogging(b -> b.bucket(BUCKET).bucketLoggingStatus(s -> s
        .loggingEnabled(l -> l.targetBucket(LOGS).targetPrefix("logs/"))));
  }

  private static String loggingWith(String extra) {
    return "<BucketLoggingStatus><LoggingEnabled><TargetBucket>" + LOGS + "</TargetBucket>"
        + "<TargetPrefix>x/</TargetPrefix>" + extra + "</LoggingEnabled></BucketLoggingStatus>";
  }
}
