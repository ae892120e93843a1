package dev.tombstone.internal.s3.protocol;

import static dev.tombstone.internal.s3.protocol.RawBucketRequests.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.Tombstone;
import dev.tombstone.s3.BucketReplication;
import dev.tombstone.s3.S3Error;
import dev.tombstone.s3.Versioning;
import dev.tombstone.testing.RunningTombstone;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.DeleteMarkerReplicationStatus;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.ReplicationConfiguration;
import software.amazon.awssdk.services.s3.model.ReplicationRule;
import software.amazon.awssdk.services.s3.model.ReplicationRuleStatus;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.StorageClass;

/** Get/Put/DeleteBucketReplication through the SDK v2: stored, nothing is replicated. */
class SdkBucketReplicationTest {
  private static final String SOURCE = "source";
  private static final String TARGET = "replica";
  private static final String ROLE = "arn:aws:iam::123456789012:role/replication";
  private static final String NS = "http://s3.amazonaws.com/doc/2006-03-01/";
  private static final String GUIDE = " Please refer to S3 Developer Guide for more information.";

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  private final Tombstone tombstone = server.tombstone();
  private final S3Client s3 = server.s3();
  private final RawBucketRequests raw = new RawBucketRequests(tombstone);

  @BeforeEach
  void versionedBuckets() {
    for (String bucket : List.of(SOURCE, TARGET)) {
      tombstone.s3().createBucket(bucket);
      tombstone.s3().setVersioning(bucket, Versioning.ENABLED);
    }
  }

  @Test
  void getReplication_beforePutAndAfterDelete_isReplicationConfigurationNotFoundError() {
    assertNotFound(() -> s3.getBucketReplication(b -> b.bucket(SOURCE)));
    HttpResponse<String> answer = raw.get(SOURCE, "replication");
    assertError(answer, 404, "ReplicationConfigurationNotFoundError",
        "The replication configuration was not found");
    assertThat(answer.body()).contains("<BucketName>" + SOURCE + "</BucketName>");

    putV2();
    s3.deleteBucketReplication(b -> b.bucket(SOURCE));
    s3.deleteBucketReplication(b -> b.bucket(SOURCE));

    assertNotFound(() -> s3.getBucketReplication(b -> b.bucket(SOURCE)));
  }

  @Test
  void putReplication_roundTrips() {
    putV2();

    ReplicationConfiguration got =
        s3.getBucketReplication(b -> b.bucket(SOURCE)).replicationConfiguration();
    assertThat(got.role()).isEqualTo(ROLE);
    ReplicationRule rule = got.rules().get(0);
    assertThat(rule.id()).isEqualTo("all-logs");
    assertThat(rule.priority()).isEqualTo(1);
    assertThat(rule.status()).isEqualTo(ReplicationRuleStatus.ENABLED);
    assertThat(rule.filter().prefix()).isEqualTo("logs/");
    assertThat(rule.deleteMarkerReplication().status())
        .isEqualTo(DeleteMarkerReplicationStatus.ENABLED);
    assertThat(rule.destination().bucket()).isEqualTo("arn:aws:s3:::" + TARGET);
    assertThat(rule.destination().storageClass()).isEqualTo(StorageClass.STANDARD_IA);
    assertThat(tombstone.s3().replicationConfiguration(SOURCE).rules()).singleElement()
        .extracting(r -> r.destination().bucket()).isEqualTo(TARGET);
  }

  @Test
  void getReplication_isS3sCanonicalDocument_forBothSchemaVersions() {
    HttpResponse<String> put = raw.put(SOURCE, "replication", "<ReplicationConfiguration>"
        + "<Rule><Destination><Bucket>arn:aws:s3:::" + TARGET + "</Bucket></Destination>"
        + "<Status>Enabled</Status><Prefix>old/</Prefix><ID>v1</ID></Rule>"
        + "<Rule><Filter><And><Prefix>docs/</Prefix><Tag><Key>k</Key><Value>v</Value></Tag>"
        + "</And></Filter><DeleteMarkerReplication><Status>Disabled</Status>"
        + "</DeleteMarkerReplication><Status>Disabled</Status><Priority>2</Priority>"
        + "<ID>v2</ID><Destination><Bucket>arn:aws:s3:::" + TARGET + "</Bucket></Destination>"
        + "</Rule><Role>" + ROLE + "</Role></ReplicationConfiguration>");
    assertThat(put.statusCode()).as(put.body()).isEqualTo(200);

    assertThat(raw.get(SOURCE, "replication").body()).isEqualTo("<?xml version=\"1.0\""
        + " encoding=\"UTF-8\"?>\n<ReplicationConfiguration xmlns=\"" + NS + "\"><Role>" + ROLE
        + "</Role><Rule><ID>v1</ID><Prefix>old/</Prefix><Status>Enabled</Status>"
        + "<Destination><Bucket>arn:aws:s3:::" + TARGET + "</Bucket></Destination></Rule>"
        + "<Rule><ID>v2</ID><Status>Disabled</Status><Priority>2</Priority>"
        + "<DeleteMarkerReplication><Status>Disabled</Status></DeleteMarkerReplication>"
        + "<Filter><And><Prefix>docs/</Prefix><Tag><Key>k</Key><Value>v</Value></Tag></And>"
        + "</Filter><Destination><Bucket>arn:aws:s3:::" + TARGET + "</Bucket></Destination>"
        + "</Rule></ReplicationConfiguration>");
  }

  @Test
  void putReplication_onABucketWithoutVersioning_isInvalidRequest() {
    tombstone.s3().createBucket("plain");

    S3Exception thrown = catchThrowableOfType(S3Exception.class, () -> s3.putBucketReplication(
        b -> b.bucket("plain").replicationConfiguration(configuration("logs/"))));

    assertThat(thrown.statusCode()).isEqualTo(400);
    assertThat(thrown.awsErrorDetails().errorCode()).isEqualTo("InvalidRequest");
    assertThat(thrown.awsErrorDetails().errorMessage()).isEqualTo(
        "Versioning must be 'Enabled' on the bucket to apply a replication configuration");
    assertNotFound(() -> s3.getBucketReplication(b -> b.bucket("plain")));
  }

  @Test
  void putReplication_toAMissingOrUnversionedDestination_isInvalidRequest() {
    tombstone.s3().createBucket("unversioned");
    assertError(raw.put(SOURCE, "replication", v2Rule("arn:aws:s3:::nowhere")), 400,
        "InvalidRequest", "Destination bucket must exist.");
    assertError(raw.put(SOURCE, "replication", v2Rule("arn:aws:s3:::unversioned")), 400,
        "InvalidRequest", "Destination bucket must have versioning enabled.");
    assertError(raw.put(SOURCE, "replication", v2Rule(TARGET)), 400, "InvalidArgument",
        "Invalid bucket ARN.");
    assertNotFound(() -> s3.getBucketReplication(b -> b.bucket(SOURCE)));
  }

  @Test
  void theOriginalSchema_replicatesToOneBucket_theCurrentOneToSeveral() {
    tombstone.s3().createBucket("second");
    tombstone.s3().setVersioning("second", Versioning.ENABLED);
    ReplicationRule toFirst = ReplicationRule.builder().prefix("a/")
        .status(ReplicationRuleStatus.ENABLED).destination(d -> d.bucket("arn:aws:s3:::" + TARGET))
        .build();
    ReplicationRule toSecond = toFirst.toBuilder().prefix("b/")
        .destination(d -> d.bucket("arn:aws:s3:::second")).build();

    S3Exception thrown = catchThrowableOfType(S3Exception.class, () -> s3.putBucketReplication(
        b -> b.bucket(SOURCE).replicationConfiguration(c -> c.role(ROLE).rules(toFirst,
            toSecond))));

    assertThat(thrown).isNotNull();
    assertThat(thrown.statusCode()).isEqualTo(400);
    assertThat(thrown.awsErrorDetails().errorCode()).isEqualTo("InvalidRequest");
    assertThat(thrown.awsErrorDetails().errorMessage())
        .isEqualTo("Number of distinct destination bucket ARNs cannot exceed 1");
    assertNotFound(() -> s3.getBucketReplication(b -> b.bucket(SOURCE)));

    s3.putBucketReplication(b -> b.bucket(SOURCE).replicationConfiguration(c -> c.role(ROLE)
        .rules(toFirst, toFirst.toBuilder().prefix("b/").build())));
    s3.putBucketReplication(b -> b.bucket(SOURCE).replicationConfiguration(c -> c.role(ROLE)
        .rules(v2(toFirst, 1), v2(toSecond, 2))));
    assertThat(tombstone.s3().replicationConfiguration(SOURCE).rules())
        .extracting(rule -> rule.destination().bucket()).containsExactly(TARGET, "second");
  }

  @Test
  void suspendingVersioning_whileReplicationIsConfigured_isInvalidBucketState() {
    putV2();

    S3Exception thrown = catchThrowableOfType(S3Exception.class, () -> s3.putBucketVersioning(
        b -> b.bucket(SOURCE).versioningConfiguration(v -> v.status(
            BucketVersioningStatus.SUSPENDED))));

    assertThat(thrown).isNotNull();
    assertThat(thrown.statusCode()).isEqualTo(409);
    assertThat(thrown.awsErrorDetails().errorCode()).isEqualTo("InvalidBucketState");
    assertThat(thrown.awsErrorDetails().errorMessage()).isEqualTo("A replication configuration"
        + " is present on this bucket, so you cannot change the versioning state. To change the"
        + " versioning state, first delete the replication configuration.");
    assertThat(tombstone.s3().versioning(SOURCE)).isEqualTo(Versioning.ENABLED);

    s3.putBucketVersioning(b -> b.bucket(SOURCE)
        .versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
    s3.deleteBucketReplication(b -> b.bucket(SOURCE));
    s3.putBucketVersioning(b -> b.bucket(SOURCE)
        .versioningConfiguration(v -> v.status(BucketVersioningStatus.SUSPENDED)));
    assertThat(tombstone.s3().versioning(SOURCE)).isEqualTo(Versioning.SUSPENDED);
  }

  @Test
  void deleteMarkerReplication_followsTheSchemaVersion() {
    assertError(raw.put(SOURCE, "replication", "<ReplicationConfiguration><Role>" + ROLE
        + "</Role><Rule><Prefix>a/</Prefix><Status>Enabled</Status><DeleteMarkerReplication>"
        + "<Status>Enabled</Status></DeleteMarkerReplication><Destination><Bucket>arn:aws:s3:::"
        + TARGET + "</Bucket></Destination></Rule></ReplicationConfiguration>"), 400,
        "InvalidRequest", "DeleteMarkerReplication cannot be used for this version of Cross"
            + " Region Replication configuration schema." + GUIDE);
    assertError(raw.put(SOURCE, "replication", "<ReplicationConfiguration><Role>" + ROLE
        + "</Role><Rule><Filter><Prefix>a/</Prefix></Filter><Status>Enabled</Status>"
        + "<Destination><Bucket>arn:aws:s3:::" + TARGET + "</Bucket></Destination></Rule>"
        + "</ReplicationConfiguration>"), 400, "InvalidRequest", "DeleteMarkerReplication must"
            + " be specified for this version of Cross Region Replication configuration schema."
            + GUIDE);
    assertError(raw.put(SOURCE, "replication", "<ReplicationConfiguration><Role>" + ROLE
        + "</Role><Rule><Filter><Tag><Key>k</Key><Value>v</Value></Tag></Filter>"
        + "<Status>Enabled</Status><DeleteMarkerReplication><Status>Enabled</Status>"
        + "</DeleteMarkerReplication><Destination><Bucket>arn:aws:s3:::" + TARGET
        + "</Bucket></Destination></Rule></ReplicationConfiguration>"), 400, "InvalidRequest",
        "Delete marker replication is not supported if any Tag filter is specified." + GUIDE);
    assertNotFound(() -> s3.getBucketReplication(b -> b.bucket(SOURCE)));
  }

  @Test
  void putReplication_outsideTheSchema_isMalformedXml() {
    String destination = "<Destination><Bucket>arn:aws:s3:::" + TARGET + "</Bucket>"
        + "</Destination>";
    for (String body : List.of(
        "<ReplicationConfiguration><Rule><Status>Enabled</Status>" + destination
            + "</Rule></ReplicationConfiguration>",
        "<ReplicationConfiguration><Role>" + ROLE + "</Role></ReplicationConfiguration>",
        "<ReplicationConfiguration><Role>" + ROLE + "</Role><Rule><Status>On</Status>"
            + destination + "</Rule></ReplicationConfiguration>",
        "<ReplicationConfiguration><Role>" + ROLE + "</Role><Rule><Status>Enabled</Status>"
            + "</Rule></ReplicationConfiguration>",
        "<ReplicationConfiguration><Role>" + ROLE + "</Role><Rule><Status>Enabled</Status>"
            + "<Priority>high</Priority>" + destination + "</Rule></ReplicationConfiguration>",
        "<ReplicationConfiguration><Role>" + ROLE + "</Role><Rule><Status>Enabled</Status>"
            + "<Prefix>a</Prefix><Filter><Prefix>a</Prefix></Filter>" + destination
            + "</Rule></ReplicationConfiguration>",
        "<Replication/>", "")) {
      assertError(raw.put(SOURCE, "replication", body), 400, "MalformedXML",
          WireError.MALFORMED_XML);
    }
    assertNotFound(() -> s3.getBucketReplication(b -> b.bucket(SOURCE)));
  }

  @Test
  void putReplication_withAnElementTheSchemaDoesNotDeclare_isMalformedXml_andKeepsTheStoredOne() {
    putV2();
    String destination = "<Destination><Bucket>arn:aws:s3:::" + TARGET + "</Bucket>"
        + "</Destination>";
    String markers = "<DeleteMarkerReplication><Status>Disabled</Status>"
        + "</DeleteMarkerReplication>";
    for (String body : List.of(
        "<ReplicationConfiguration><Role>" + ROLE + "</Role><Rules><Status>Enabled</Status>"
            + destination + "</Rules></ReplicationConfiguration>",
        ruleWith("<Bogus/>" + destination),
        ruleWith("<Destination><Bucket>arn:aws:s3:::" + TARGET + "</Bucket><Bogus/>"
            + "</Destination>"),
        ruleWith("<DeleteMarkerReplication><Status>Disabled</Status><Bogus/>"
            + "</DeleteMarkerReplication>" + destination),
        ruleWith("<ExistingObjectReplication><Status>Enabled</Status><Bogus/>"
            + "</ExistingObjectReplication>" + destination),
        ruleWith("<Filter><Bogus/></Filter>" + markers + destination),
        ruleWith("<Filter><And><Prefix>a</Prefix><Bogus/></And></Filter>" + markers
            + destination),
        ruleWith("<Filter><Tag><Key>k</Key><Value>v</Value><Bogus/></Tag></Filter>" + markers
            + destination))) {
      assertError(raw.put(SOURCE, "replication", body), 400, "MalformedXML",
          WireError.MALFORMED_XML);
    }
    assertThat(tombstone.s3().replicationConfiguration(SOURCE).rules()).singleElement()
        .extracting(BucketReplication.Rule::id).isEqualTo("all-logs");
  }

  @Test
  void putReplication_withAnIdOrPrefixLongerThanS3Allows_isInvalidArgument() {
    String destination = "<Destination><Bucket>arn:aws:s3:::" + TARGET + "</Bucket>"
        + "</Destination>";
    String markers = "<DeleteMarkerReplication><Status>Disabled</Status>"
        + "</DeleteMarkerReplication>";
    String tooLong = "p".repeat(1025);

    assertError(raw.put(SOURCE, "replication", ruleWith("<ID>" + "x".repeat(256) + "</ID>"
        + destination)), 400, "InvalidArgument",
        "ID length should not exceed allowed limit of 255");
    assertError(raw.put(SOURCE, "replication", ruleWith("<Prefix>" + tooLong + "</Prefix>"
        + destination)), 400, "InvalidArgument",
        "Prefix length should not exceed allowed limit of 1024");
    assertError(raw.put(SOURCE, "replication", ruleWith("<Filter><Prefix>" + tooLong
        + "</Prefix></Filter>" + markers + destination)), 400, "InvalidArgument",
        "Prefix length should not exceed allowed limit of 1024");
    assertNotFound(() -> s3.getBucketReplication(b -> b.bucket(SOURCE)));

    HttpResponse<String> atTheLimits = raw.put(SOURCE, "replication", ruleWith("<ID>"
        + "x".repeat(255) + "</ID><Prefix>" + "p".repeat(1024) + "</Prefix>" + destination));
    assertThat(atTheLimits.statusCode()).as(atTheLimits.body()).isEqualTo(200);
  }

  @Test
  void putReplication_withAStorageClassS3DoesNotReplicateTo_isMalformedXml() {
    for (String storageClass : List.of("FOO", "standard", "FSX_OPENZFS")) {
      assertError(raw.put(SOURCE, "replication", ruleWith("<Destination><Bucket>arn:aws:s3:::"
          + TARGET + "</Bucket><StorageClass>" + storageClass + "</StorageClass>"
          + "</Destination>")), 400, "MalformedXML", WireError.MALFORMED_XML);
    }
    assertNotFound(() -> s3.getBucketReplication(b -> b.bucket(SOURCE)));

    s3.putBucketReplication(b -> b.bucket(SOURCE).replicationConfiguration(c -> c.role(ROLE)
        .rules(r -> r.prefix("").status(ReplicationRuleStatus.ENABLED).destination(d -> d
            .bucket("arn:aws:s3:::" + TARGET).storageClass(StorageClass.GLACIER_IR)))));
    assertThat(tombstone.s3().replicationConfiguration(SOURCE).rules()).singleElement()
        .satisfies(rule -> assertThat(rule.destination().storageClass()).hasValue("GLACIER_IR"));
  }

  @Test
  void putReplication_withReplicationTimeControl_isNotImplemented_ratherThanDropped() {
    HttpResponse<String> answer = raw.put(SOURCE, "replication", "<ReplicationConfiguration>"
        + "<Role>" + ROLE + "</Role><Rule><Status>Enabled</Status><Destination><Bucket>"
        + "arn:aws:s3:::" + TARGET + "</Bucket><ReplicationTime><Status>Enabled</Status>"
        + "<Time><Minutes>15</Minutes></Time></ReplicationTime></Destination></Rule>"
        + "</ReplicationConfiguration>");

    assertThat(answer.statusCode()).isEqualTo(501);
    assertThat(answer.body()).contains("<Code>NotImplemented</Code>",
        "PutBucketReplication with ReplicationTime");
    assertNotFound(() -> s3.getBucketReplication(b -> b.bucket(SOURCE)));
  }

  @Test
  void replication_ofAMissingBucket_isNoSuchBucket_andDiesWithTheBucketAndOnReset() {
    assertThat(catchThrowableOfType(NoSuchBucketException.class,
        () -> s3.getBucketReplication(b -> b.bucket("missing")))).isNotNull();
    assertThat(catchThrowableOfType(NoSuchBucketException.class,
        () -> s3.deleteBucketReplication(b -> b.bucket("missing")))).isNotNull();

    putV2();
    s3.deleteBucket(b -> b.bucket(SOURCE));
    versionedBuckets();
    assertThat(catchThrowableOfType(S3Error.ReplicationConfigurationNotFound.class,
        () -> tombstone.s3().replicationConfiguration(SOURCE))).isNotNull();

    putV2();
    tombstone.reset();
    versionedBuckets();
    assertThat(catchThrowableOfType(S3Error.ReplicationConfigurationNotFound.class,
        () -> tombstone.s3().replicationConfiguration(SOURCE))).isNotNull();
  }

  @Test
  void theStateApi_putsWhatTheProtocolReturns() {
    BucketReplication configuration = new BucketReplication(ROLE, List.of(
        new BucketReplication.Rule("seeded", Optional.empty(), true, Optional.of(""),
            Optional.empty(), new BucketReplication.Destination("arn:aws:s3:::" + TARGET,
                Optional.empty(), Optional.empty()), Optional.empty(), Optional.empty())));

    tombstone.s3().putReplicationConfiguration(SOURCE, configuration);

    assertThat(s3.getBucketReplication(b -> b.bucket(SOURCE)).replicationConfiguration()
        .rules()).singleElement().satisfies(rule -> {
          assertThat(rule.id()).isEqualTo("seeded");
          assertThat(rule.prefix()).isEmpty();
        });
  }

  private void putV2() {
    s3.putBucketReplication(b -> b.bucket(SOURCE)
        .replicationConfiguration(configuration("logs/")));
  }

  private static ReplicationConfiguration configuration(String prefix) {
    return ReplicationConfiguration.builder().role(ROLE).rules(r -> r.id("all-logs").priority(1)
        .status(ReplicationRuleStatus.ENABLED).filter(f -> f.prefix(prefix))
        .deleteMarkerReplication(d -> d.status(DeleteMarkerReplicationStatus.ENABLED))
        .destination(d -> d.bucket("arn:aws:s3:::" + TARGET)
            .storageClass(StorageClass.STANDARD_IA))).build();
  }

  private static String v2Rule(String bucketArn) {
    return "<ReplicationConfiguration><Role>" + ROLE + "</Role><Rule><Filter/>"
        + "<Status>Enabled</Status><DeleteMarkerReplication><Status>Disabled</Status>"
        + "</DeleteMarkerReplication><Destination><Bucket>" + bucketArn + "</Bucket>"
        + "</Destination></Rule></ReplicationConfiguration>";
  }

  private static ReplicationRule v2(ReplicationRule original, int priority) {
    return original.toBuilder().prefix(null).filter(f -> f.prefix(original.prefix()))
        .priority(priority)
        .deleteMarkerReplication(d -> d.status(DeleteMarkerReplicationStatus.DISABLED)).build();
  }

  private static String ruleWith(String inside) {
    return "<ReplicationConfiguration><Role>" + ROLE + "</Role><Rule><Status>Enabled</Status>"
        + inside + "</Rule></ReplicationConfiguration>";
  }

  private static void assertNotFound(ThrowingCallable call) {
    S3Exception thrown = catchThrowableOfType(S3Exception.class, call);

    assertThat(thrown).isNotNull();
    assertThat(thrown.statusCode()).isEqualTo(404);
    assertThat(thrown.awsErrorDetails().errorCode())
        .isEqualTo("ReplicationConfigurationNotFoundError");
    assertThat(thrown.awsErrorDetails().errorMessage())
        .isEqualTo("The replication configuration was not found");
  }
}
