package dev.tombstone.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.tombstone.RecordedRequest;
import dev.tombstone.Tombstone;
import dev.tombstone.faults.Fault;
import dev.tombstone.faults.FaultRule;
import dev.tombstone.testing.RunningTombstone;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.DeletedObject;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Error;

/** S3 faults as the SDK v2 meets them at its default retry settings. */
class S3FaultsSdkTest {
  private static final String BUCKET = "uploads";

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  private final Tombstone tombstone = server.tombstone();
  private final S3Client s3 = server.s3();

  @BeforeEach
  void bucket() {
    tombstone.s3().createBucket(BUCKET);
    for (String key : List.of("incoming/a.txt", "incoming/b.txt", "incoming/c.txt")) {
      tombstone.s3().putObject(BUCKET, key, "data of " + key);
    }
    tombstone.clearRequests();
  }

  private List<RecordedRequest> requests(String method) {
    return tombstone.requests().stream().filter(r -> r.method().equals(method)).toList();
  }

  private static ObjectIdentifier id(String key) {
    return ObjectIdentifier.builder().key(key).build();
  }

  @Test
  void slowDown_isRetried_thenTheDeleteSucceeds() {
    FaultRule rule = tombstone.faults().s3("DeleteObject").bucket(BUCKET).key("incoming/a.txt")
        .times(2).respond(Fault.SLOW_DOWN);

    s3.deleteObject(b -> b.bucket(BUCKET).key("incoming/a.txt"));

    assertThat(requests("DELETE")).extracting(RecordedRequest::toString).containsExactly(
        "DELETE /uploads/incoming/a.txt -> 503 [fault " + rule.id() + " SlowDown]",
        "DELETE /uploads/incoming/a.txt -> 503 [fault " + rule.id() + " SlowDown]",
        "DELETE /uploads/incoming/a.txt -> 204");
    assertThat(tombstone.s3().keys(BUCKET)).containsExactly("incoming/b.txt", "incoming/c.txt");
  }

  @Test
  void throttled_meansSlowDownForS3() {
    FaultRule rule = tombstone.faults().s3("DeleteObject").times(1).respond(Fault.THROTTLED);

    assertThat(rule.effect()).contains(Fault.SLOW_DOWN);
  }

  @Test
  void internalError_isRetried() {
    tombstone.faults().s3("DeleteObject").times(1).respond(Fault.INTERNAL_ERROR);

    s3.deleteObject(b -> b.bucket(BUCKET).key("incoming/b.txt"));

    assertThat(requests("DELETE")).extracting(RecordedRequest::status).containsExactly(500, 204);
  }

  @Test
  void deleteObjects_withOneKeyInError_keepsIt_andTheRetryDeletesIt() {
    tombstone.faults().s3("DeleteObjects").bucket(BUCKET).times(1)
        .respond(Fault.unprocessed(1));
    List<ObjectIdentifier> keys =
        List.of(id("incoming/a.txt"), id("incoming/b.txt"), id("incoming/c.txt"));

    DeleteObjectsResponse first = s3.deleteObjects(b -> b.bucket(BUCKET)
        .delete(d -> d.objects(keys)));

    assertThat(first.deleted()).extracting(DeletedObject::key)
        .containsExactly("incoming/a.txt", "incoming/b.txt");
    assertThat(first.errors()).singleElement().satisfies(error -> {
      assertThat(error.key()).isEqualTo("incoming/c.txt");
      assertThat(error.code()).isEqualTo("InternalError");
      assertThat(error.message()).isEqualTo("We encountered an internal error. Please try again.");
    });
    assertThat(tombstone.s3().keys(BUCKET)).containsExactly("incoming/c.txt");

    List<ObjectIdentifier> failed =
        first.errors().stream().map(S3Error::key).map(S3FaultsSdkTest::id).toList();
    DeleteObjectsResponse retry = s3.deleteObjects(b -> b.bucket(BUCKET)
        .delete(d -> d.objects(failed)));

    assertThat(retry.errors()).isEmpty();
    assertThat(tombstone.s3().keys(BUCKET)).isEmpty();
  }

  @Test
  void deleteObjects_everyKeyInError_changesNothing() {
    tombstone.faults().s3("DeleteObjects").times(1).respond(Fault.unprocessed(5));

    DeleteObjectsResponse response = s3.deleteObjects(b -> b.bucket(BUCKET)
        .delete(d -> d.objects(id("incoming/a.txt"), id("incoming/b.txt"))));

    assertThat(response.errors()).extracting(S3Error::key)
        .containsExactly("incoming/a.txt", "incoming/b.txt");
    assertThat(tombstone.s3().keys(BUCKET)).hasSize(3);
  }

  @Test
  void deleteObjects_onAMissingBucket_isNoSuchBucket_andTheRuleDoesNotCountAsFired() {
    FaultRule rule = tombstone.faults().s3("DeleteObjects").times(1).respond(Fault.unprocessed(1));

    Throwable thrown = catchThrowable(() -> s3.deleteObjects(b -> b.bucket("missing")
        .delete(d -> d.objects(id("incoming/a.txt"), id("incoming/b.txt")))));

    assertThat(thrown).isInstanceOf(NoSuchBucketException.class);
    assertThat(requests("POST")).singleElement()
        .satisfies(r -> assertThat(r.faulted()).isFalse());
    assertThat(tombstone.faults().rule(rule.id())).get()
        .satisfies(r -> assertThat(r.fired()).isZero());
  }

  private int fired(FaultRule rule) {
    return tombstone.faults().rule(rule.id()).orElseThrow().fired();
  }

  @Test
  void copyObject_hasARuleOfItsOwn_andAPutObjectRuleDoesNotFireOnACopy() {
    FaultRule put = tombstone.faults().s3("PutObject").bucket(BUCKET).times(1)
        .respond(Fault.SLOW_DOWN);
    FaultRule copy = tombstone.faults().s3("CopyObject").bucket(BUCKET).times(1)
        .respond(Fault.SLOW_DOWN);

    s3.copyObject(b -> b.sourceBucket(BUCKET).sourceKey("incoming/a.txt")
        .destinationBucket(BUCKET).destinationKey("copy.txt"));

    assertThat(List.of(fired(put), fired(copy))).containsExactly(0, 1);
    assertThat(tombstone.s3().keys(BUCKET)).contains("copy.txt");

    s3.putObject(b -> b.bucket(BUCKET).key("new.txt"), RequestBody.fromString("x"));

    assertThat(List.of(fired(put), fired(copy))).containsExactly(1, 1);
  }

  @Test
  void uploadPartCopy_hasARuleOfItsOwn_andAnUploadPartRuleDoesNotFireOnIt() {
    FaultRule part = tombstone.faults().s3("UploadPart").times(1).respond(Fault.SLOW_DOWN);
    FaultRule partCopy =
        tombstone.faults().s3("UploadPartCopy").times(1).respond(Fault.SLOW_DOWN);
    String uploadId =
        s3.createMultipartUpload(b -> b.bucket(BUCKET).key("assembled")).uploadId();

    s3.uploadPartCopy(b -> b.sourceBucket(BUCKET).sourceKey("incoming/a.txt")
        .destinationBucket(BUCKET).destinationKey("assembled").uploadId(uploadId)
        .partNumber(1));

    assertThat(List.of(fired(part), fired(partCopy))).containsExactly(0, 1);

    s3.uploadPart(b -> b.bucket(BUCKET).key("assembled").uploadId(uploadId).partNumber(2),
        RequestBody.fromString("x"));

    assertThat(List.of(fired(part), fired(partCopy))).containsExactly(1, 1);
  }

  @Test
  void lifecycleRules_takeTheSdksNames_andTheOlderNamesStillWork() {
    FaultRule put = tombstone.faults().s3("PutBucketLifecycleConfiguration").times(1)
        .respond(Fault.SLOW_DOWN);
    FaultRule get = tombstone.faults().s3("GetBucketLifecycle").times(1)
        .respond(Fault.SLOW_DOWN);

    s3.putBucketLifecycleConfiguration(b -> b.bucket(BUCKET).lifecycleConfiguration(c -> c
        .rules(r -> r.id("expire").status(ExpirationStatus.ENABLED)
            .filter(f -> f.prefix("incoming/")).expiration(e -> e.days(1)))));
    s3.getBucketLifecycleConfiguration(b -> b.bucket(BUCKET));

    assertThat(get.operation()).contains("GetBucketLifecycleConfiguration");
    assertThat(List.of(fired(put), fired(get))).containsExactly(1, 1);
  }

  @Test
  void droppedConnectionAfterADelete_theRetryFindsNothingToDelete() {
    tombstone.faults().s3("DeleteObject").keyPrefix("incoming/").times(1)
        .respond(Fault.DROP_AFTER);

    s3.deleteObject(b -> b.bucket(BUCKET).key("incoming/a.txt"));

    assertThat(requests("DELETE")).extracting(RecordedRequest::status).containsExactly(204, 204);
    assertThat(tombstone.s3().keys(BUCKET)).doesNotContain("incoming/a.txt");
  }
}
