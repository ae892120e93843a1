package dev.tombstone.internal.s3.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.ManualClock;
import dev.tombstone.testing.RunningTombstone;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.InvalidObjectStateException;
import software.amazon.awssdk.services.s3.model.ObjectVersion;
import software.amazon.awssdk.services.s3.model.OptionalObjectAttributes;
import software.amazon.awssdk.services.s3.model.RestoreObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.StorageClass;
import software.amazon.awssdk.services.s3.model.Tier;

/** GLACIER and DEEP_ARCHIVE objects, RestoreObject, and restores completing on a manual clock. */
class SdkArchiveRestoreTest {
  static final Instant START = Instant.parse("2026-01-01T10:00:00Z");
  static final String NOT_READABLE = "The operation is not valid for the object's storage class";

  static final ManualClock clock = ManualClock.startingAt(START);

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass(b -> b.clock(clock));

  final S3Client s3 = server.s3();

  private void put(String key, StorageClass storageClass, String body) {
    s3.createBucket(b -> b.bucket("vault"));
    s3.putObject(b -> b.bucket("vault").key(key).storageClass(storageClass),
        RequestBody.fromString(body));
  }

  private RestoreObjectResponse restore(String key, int days, Tier tier) {
    return s3.restoreObject(b -> b.bucket("vault").key(key)
        .restoreRequest(r -> r.days(days).glacierJobParameters(g -> g.tier(tier))));
  }

  private S3Exception refusal(Runnable request) {
    return catchThrowableOfType(request::run, S3Exception.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"EXPRESS_ONEZONE", "OUTPOSTS", "SNOW", "GLACIERX", "glacier"})
  void storageClassesAGeneralPurposeBucketDoesNotHave_areInvalidStorageClass_andStoreNothing(
      String storageClass) {
    put("source.txt", StorageClass.STANDARD, "body");

    S3Exception putRefused = refusal(() -> s3.putObject(b -> b.bucket("vault").key("new.txt")
        .storageClass(storageClass), RequestBody.fromString("x")));
    S3Exception copyRefused = refusal(() -> s3.copyObject(b -> b.sourceBucket("vault")
        .sourceKey("source.txt").destinationBucket("vault").destinationKey("copy.txt")
        .storageClass(storageClass)));
    S3Exception uploadRefused = refusal(() -> s3.createMultipartUpload(b -> b.bucket("vault")
        .key("upload.txt").storageClass(storageClass)));

    assertThat(List.of(putRefused, copyRefused, uploadRefused)).allSatisfy(e -> {
      assertThat(e.statusCode()).isEqualTo(400);
      assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidStorageClass");
      assertThat(e.awsErrorDetails().errorMessage())
          .isEqualTo("The storage class you specified is not valid");
    });
    assertThat(s3.listObjectsV2(b -> b.bucket("vault")).contents())
        .extracting(S3Object::key).containsExactly("source.txt");
    assertThat(s3.listMultipartUploads(b -> b.bucket("vault")).uploads()).isEmpty();
  }

  @Test
  void getObject_ofArchivedObjects_isRefused_withTheStorageClass_whileHeadAnswers() {
    put("g.txt", StorageClass.GLACIER, "cold");
    put("d.txt", StorageClass.DEEP_ARCHIVE, "colder");

    for (String key : new String[] {"g.txt", "d.txt"}) {
      InvalidObjectStateException plain = catchThrowableOfType(
          () -> s3.getObjectAsBytes(b -> b.bucket("vault").key(key)),
          InvalidObjectStateException.class);
      S3Exception ranged = refusal(
          () -> s3.getObjectAsBytes(b -> b.bucket("vault").key(key).range("bytes=0-1")));
      S3Exception part = refusal(
          () -> s3.getObjectAsBytes(b -> b.bucket("vault").key(key).partNumber(1)));

      assertThat(plain.statusCode()).isEqualTo(403);
      assertThat(plain.awsErrorDetails().errorCode()).isEqualTo("InvalidObjectState");
      assertThat(plain.awsErrorDetails().errorMessage()).isEqualTo(NOT_READABLE);
      assertThat(plain.storageClassAsString()).isEqualTo(key.startsWith("g") ? "GLACIER"
          : "DEEP_ARCHIVE");
      assertThat(ranged.awsErrorDetails().errorCode()).isEqualTo("InvalidObjectState");
      assertThat(part.awsErrorDetails().errorCode()).isEqualTo("InvalidObjectState");
      assertThat(s3.headObject(b -> b.bucket("vault").key(key)).storageClassAsString())
          .isEqualTo(key.startsWith("g") ? "GLACIER" : "DEEP_ARCHIVE");
      assertThat(s3.headObject(b -> b.bucket("vault").key(key)).restore()).isNull();
    }
  }

  @Test
  void instantRetrievalAndInfrequentAccessObjects_areRead_asStandardOnesAre() {
    put("ir.txt", StorageClass.GLACIER_IR, "instant");
    put("ia.txt", StorageClass.STANDARD_IA, "infrequent");

    assertThat(s3.getObjectAsBytes(b -> b.bucket("vault").key("ir.txt")).asUtf8String())
        .isEqualTo("instant");
    assertThat(s3.getObjectAsBytes(b -> b.bucket("vault").key("ia.txt")).asUtf8String())
        .isEqualTo("infrequent");
  }

  @Test
  void copies_fromAnArchivedSource_areRefused_andNothingIsWritten() {
    put("g.txt", StorageClass.GLACIER, "cold");
    String upload = s3.createMultipartUpload(b -> b.bucket("vault").key("parts")).uploadId();

    S3Exception copy = refusal(() -> s3.copyObject(b -> b.sourceBucket("vault")
        .sourceKey("g.txt").destinationBucket("vault").destinationKey("copy.txt")));
    S3Exception partCopy = refusal(() -> s3.uploadPartCopy(b -> b.sourceBucket("vault")
        .sourceKey("g.txt").destinationBucket("vault").destinationKey("parts")
        .uploadId(upload).partNumber(1)));

    for (S3Exception refused : new S3Exception[] {copy, partCopy}) {
      assertThat(refused.statusCode()).isEqualTo(403);
      assertThat(refused.awsErrorDetails().errorCode()).isEqualTo("InvalidObjectState");
      assertThat(refused.awsErrorDetails().errorMessage())
          .isEqualTo("Operation is not valid for the source object's storage class");
    }
    assertThat(server.tombstone().s3().currentObject("vault", "copy.txt")).isEmpty();
  }

  @Test
  void restore_completesOnTheClock_thenReadsWork_untilTheCopyExpires() {
    put("g.txt", StorageClass.GLACIER, "cold bytes");

    RestoreObjectResponse started = restore("g.txt", 2, Tier.STANDARD);
    S3Exception again = refusal(() -> restore("g.txt", 2, Tier.STANDARD));

    assertThat(started.sdkHttpResponse().statusCode()).isEqualTo(202);
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(again.awsErrorDetails().errorCode()).isEqualTo("RestoreAlreadyInProgress");
    assertThat(again.awsErrorDetails().errorMessage())
        .isEqualTo("Object restore is already in progress");
    assertThat(s3.headObject(b -> b.bucket("vault").key("g.txt")).restore())
        .isEqualTo("ongoing-request=\"true\"");
    assertThat(refusal(() -> s3.getObjectAsBytes(b -> b.bucket("vault").key("g.txt")))
        .statusCode()).isEqualTo(403);

    // Standard takes 4 hours for GLACIER: ready at 14:00; 2 days later is 14:00 on Jan 3,
    // rounded up to midnight Jan 4.
    clock.set(Instant.parse("2026-01-01T13:59:59Z"));
    assertThat(s3.headObject(b -> b.bucket("vault").key("g.txt")).restore())
        .isEqualTo("ongoing-request=\"true\"");
    clock.set(Instant.parse("2026-01-01T14:00:00Z"));
    String done = "ongoing-request=\"false\", expiry-date=\"Sun, 04 Jan 2026 00:00:00 GMT\"";
    assertThat(s3.headObject(b -> b.bucket("vault").key("g.txt")).restore()).isEqualTo(done);
    assertThat(s3.getObject(b -> b.bucket("vault").key("g.txt")).response().restore())
        .isEqualTo(done);
    assertThat(s3.getObjectAsBytes(b -> b.bucket("vault").key("g.txt").range("bytes=0-3"))
        .asUtf8String()).isEqualTo("cold");
    s3.copyObject(b -> b.sourceBucket("vault").sourceKey("g.txt").destinationBucket("vault")
        .destinationKey("warm.txt").storageClass(StorageClass.STANDARD));
    assertThat(s3.getObjectAsBytes(b -> b.bucket("vault").key("warm.txt")).asUtf8String())
        .isEqualTo("cold bytes");

    clock.set(Instant.parse("2026-01-04T00:00:00Z"));
    assertThat(s3.headObject(b -> b.bucket("vault").key("g.txt")).restore()).isNull();
    assertThat(refusal(() -> s3.getObjectAsBytes(b -> b.bucket("vault").key("g.txt")))
        .awsErrorDetails().errorCode()).isEqualTo("InvalidObjectState");
  }

  @Test
  void restoringARestoredObject_answers200_andMovesTheExpiry_fromNow() {
    put("g.txt", StorageClass.GLACIER, "cold");
    restore("g.txt", 1, Tier.EXPEDITED);
    clock.advance(Duration.ofMinutes(5));

    RestoreObjectResponse extended = restore("g.txt", 5, Tier.BULK);

    assertThat(extended.sdkHttpResponse().statusCode()).isEqualTo(200);
    // Asked at 10:05 on Jan 1: five days later, rounded up to midnight.
    assertThat(s3.headObject(b -> b.bucket("vault").key("g.txt")).restore()).isEqualTo(
        "ongoing-request=\"false\", expiry-date=\"Wed, 07 Jan 2026 00:00:00 GMT\"");
  }

  @Test
  void deepArchive_takesLonger_andRefusesExpedited() {
    put("d.txt", StorageClass.DEEP_ARCHIVE, "colder");

    S3Exception expedited = refusal(() -> restore("d.txt", 1, Tier.EXPEDITED));
    restore("d.txt", 1, Tier.BULK);

    assertThat(expedited.statusCode()).isEqualTo(400);
    assertThat(expedited.awsErrorDetails().errorCode()).isEqualTo("InvalidArgument");
    clock.advance(Duration.ofHours(47));
    assertThat(s3.headObject(b -> b.bucket("vault").key("d.txt")).restore())
        .isEqualTo("ongoing-request=\"true\"");
    clock.advance(Duration.ofHours(1));
    assertThat(s3.getObjectAsBytes(b -> b.bucket("vault").key("d.txt")).asUtf8String())
        .isEqualTo("colder");
  }

  @Test
  void restore_ofAnObjectNotArchived_orOfNothing_isRefused_asS3RefusesIt() {
    s3.createBucket(b -> b.bucket("vault"));
    s3.putBucketVersioning(b -> b.bucket("vault")
        .versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
    put("s.txt", StorageClass.STANDARD, "warm");
    put("ir.txt", StorageClass.GLACIER_IR, "instant");
    String otherKeysVersion = s3.putObject(b -> b.bucket("vault").key("other.txt")
        .storageClass(StorageClass.GLACIER), RequestBody.fromString("o")).versionId();

    S3Exception standard = refusal(() -> restore("s.txt", 1, Tier.STANDARD));
    S3Exception instant = refusal(() -> restore("ir.txt", 1, Tier.STANDARD));
    S3Exception missing = refusal(() -> restore("missing.txt", 1, Tier.STANDARD));
    S3Exception noVersion = refusal(() -> s3.restoreObject(b -> b.bucket("vault").key("s.txt")
        .versionId(otherKeysVersion).restoreRequest(r -> r.days(1))));

    for (S3Exception refused : new S3Exception[] {standard, instant}) {
      assertThat(refused.statusCode()).isEqualTo(403);
      assertThat(refused.awsErrorDetails().errorCode()).isEqualTo("InvalidObjectState");
      assertThat(refused.awsErrorDetails().errorMessage())
          .isEqualTo("Restore is not allowed for the object's current storage class");
    }
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.awsErrorDetails().errorCode()).isEqualTo("NoSuchKey");
    assertThat(noVersion.awsErrorDetails().errorCode()).isEqualTo("NoSuchVersion");
  }

  @Test
  void restore_withoutDays_isMalformed_andChangesNothing() {
    put("g.txt", StorageClass.GLACIER, "cold");

    S3Exception refused = refusal(() -> s3.restoreObject(b -> b.bucket("vault").key("g.txt")
        .restoreRequest(r -> r.glacierJobParameters(g -> g.tier(Tier.STANDARD)))));

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.awsErrorDetails().errorCode()).isEqualTo("MalformedXML");
    assertThat(s3.headObject(b -> b.bucket("vault").key("g.txt")).restore()).isNull();
  }

  @Test
  void listings_reportRestoreStatus_whenAskedFor() {
    s3.createBucket(b -> b.bucket("vault"));
    s3.putBucketVersioning(b -> b.bucket("vault")
        .versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
    put("a.txt", StorageClass.GLACIER, "a");
    put("b.txt", StorageClass.GLACIER, "b");
    put("c.txt", StorageClass.STANDARD, "c");
    restore("a.txt", 1, Tier.EXPEDITED);
    restore("b.txt", 1, Tier.STANDARD);
    clock.advance(Duration.ofMinutes(5));

    java.util.List<S3Object> objects = s3.listObjectsV2(b -> b.bucket("vault")
        .optionalObjectAttributes(OptionalObjectAttributes.RESTORE_STATUS)).contents();
    java.util.List<ObjectVersion> versions = s3.listObjectVersions(b -> b.bucket("vault")
        .optionalObjectAttributes(OptionalObjectAttributes.RESTORE_STATUS)).versions();
    java.util.List<S3Object> plain = s3.listObjectsV2(b -> b.bucket("vault")).contents();

    assertThat(objects).extracting(S3Object::storageClassAsString)
        .containsExactly("GLACIER", "GLACIER", "STANDARD");
    assertThat(objects.get(0).restoreStatus().isRestoreInProgress()).isFalse();
    assertThat(objects.get(0).restoreStatus().restoreExpiryDate())
        .isEqualTo(Instant.parse("2026-01-03T00:00:00Z"));
    assertThat(objects.get(1).restoreStatus().isRestoreInProgress()).isTrue();
    assertThat(objects.get(1).restoreStatus().restoreExpiryDate()).isNull();
    assertThat(objects.get(2).restoreStatus()).isNull();
    assertThat(versions.get(0).restoreStatus().isRestoreInProgress()).isFalse();
    assertThat(plain.get(0).restoreStatus()).isNull();
  }

  @Test
  void archivedObjects_areDeleted_asAnyOther() {
    put("g.txt", StorageClass.GLACIER, "cold");

    s3.deleteObject(b -> b.bucket("vault").key("g.txt"));

    assertThat(server.tombstone().s3().currentObject("vault", "g.txt")).isEmpty();
  }
}
