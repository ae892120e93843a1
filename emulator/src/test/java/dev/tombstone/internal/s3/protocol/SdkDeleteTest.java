package dev.tombstone.internal.s3.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.Tombstone;
import dev.tombstone.testing.RunningTombstone;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.DeletedObject;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Error;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** DeleteObjects and conditional DeleteObject through the SDK at default settings. */
class SdkDeleteTest {
  private static final String BUCKET = "uploads";

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  private final Tombstone tombstone = server.tombstone();
  private final S3Client s3 = server.s3();

  @BeforeEach
  void bucket() {
    s3.createBucket(b -> b.bucket(BUCKET));
  }

  private String put(String key, String content) {
    return s3.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromString(content))
        .eTag();
  }

  private static ObjectIdentifier id(String key) {
    return ObjectIdentifier.builder().key(key).build();
  }

  @Test
  void deleteObjects_reportsEveryKey_andMarkersInAVersionedBucket() {
    s3.putBucketVersioning(b -> b.bucket(BUCKET)
        .versioningConfiguration(c -> c.status(BucketVersioningStatus.ENABLED)));
    put("a", "x");
    put("b", "y");

    DeleteObjectsResponse response = s3.deleteObjects(b -> b.bucket(BUCKET)
        .delete(d -> d.objects(id("a"), id("b"), id("missing"))));

    assertThat(response.deleted()).extracting(DeletedObject::key)
        .containsExactly("a", "b", "missing");
    assertThat(response.deleted()).allSatisfy(deleted -> {
      assertThat(deleted.deleteMarker()).isTrue();
      assertThat(deleted.deleteMarkerVersionId()).matches("[A-Za-z0-9._]{32}");
    });
    assertThat(response.errors()).isEmpty();
    assertThat(tombstone.s3().isDeleteMarker(BUCKET, "a")).isTrue();
    assertThat(tombstone.s3().versions(BUCKET, "a")).hasSize(2);
  }

  @Test
  void deleteObjectsOfAThousandKeys_fromEightThreadsAtOnce_answerEveryKeyInOrder()
      throws Exception {
    // Bodies past 16 KiB: one alone is served on the I/O thread, others meanwhile on workers.
    for (int thread = 0; thread < 8; thread++) {
      put(key(thread, 0, 7), "stored");
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<List<String>>> answers = new ArrayList<>();
      for (int thread = 0; thread < 8; thread++) {
        int t = thread;
        answers.add(pool.submit(() -> {
          List<String> deleted = new ArrayList<>();
          for (int round = 0; round < 3; round++) {
            int r = round;
            List<ObjectIdentifier> ids = IntStream.range(0, 1000)
                .mapToObj(i -> id(key(t, r, i))).toList();
            DeleteObjectsResponse response =
                s3.deleteObjects(b -> b.bucket(BUCKET).delete(d -> d.objects(ids)));
            assertThat(response.errors()).isEmpty();
            response.deleted().forEach(object -> deleted.add(object.key()));
          }
          return deleted;
        }));
      }
      for (int thread = 0; thread < 8; thread++) {
        int t = thread;
        List<String> expected = IntStream.range(0, 3).boxed()
            .flatMap(r -> IntStream.range(0, 1000).mapToObj(i -> key(t, r, i))).toList();
        assertThat(answers.get(thread).get(60, TimeUnit.SECONDS)).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(tombstone.s3().keys(BUCKET)).isEmpty();
  }

  private static String key(int thread, int round, int i) {
    return String.format("thread-%d/round-%d/a-fairly-long-object-key-%04d", thread, round, i);
  }

  @Test
  void quietDeleteObjects_reportsOnlyErrors() {
    put("a", "x");
    put("b", "y");

    DeleteObjectsResponse response = s3.deleteObjects(b -> b.bucket(BUCKET)
        .delete(d -> d.quiet(true).objects(id("a"),
            ObjectIdentifier.builder().key("b").versionId("bogus").build())));

    assertThat(response.deleted()).isEmpty();
    assertThat(response.errors()).extracting(S3Error::key, S3Error::versionId, S3Error::code)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("b", "bogus", "NoSuchVersion"));
    assertThat(tombstone.s3().keys(BUCKET)).containsExactly("b");
  }

  @Test
  void deleteObjects_withETag_deletesOnlyMatchingObjects() {
    String etag = put("a", "x");
    put("b", "y");

    DeleteObjectsResponse response = s3.deleteObjects(b -> b.bucket(BUCKET)
        .delete(d -> d.objects(ObjectIdentifier.builder().key("a").eTag(etag).build(),
            ObjectIdentifier.builder().key("b").eTag(etag).build())));

    assertThat(response.deleted()).extracting(DeletedObject::key).containsExactly("a");
    assertThat(response.errors()).extracting(S3Error::code).containsExactly("PreconditionFailed");
    assertThat(tombstone.s3().keys(BUCKET)).containsExactly("b");
  }

  @Test
  void conditionalDelete_failsWith412_whenTheETagDiffers() {
    put("report.csv", "v1");

    S3Exception thrown = catchThrowableOfType(S3Exception.class, () -> s3.deleteObject(b ->
        b.bucket(BUCKET).key("report.csv").ifMatch("\"00000000000000000000000000000000\"")));

    assertThat(thrown.statusCode()).isEqualTo(412);
    assertThat(thrown.awsErrorDetails().errorCode()).isEqualTo("PreconditionFailed");
    assertThat(thrown.awsErrorDetails().errorMessage())
        .isEqualTo("At least one of the pre-conditions you specified did not hold");
    assertThat(tombstone.s3().keys(BUCKET)).containsExactly("report.csv");
  }

  @Test
  void conditionalDelete_deletes_whenTheETagMatches() {
    String etag = put("report.csv", "v1");

    s3.deleteObject(b -> b.bucket(BUCKET).key("report.csv").ifMatch(etag));

    assertThat(tombstone.s3().keys(BUCKET)).isEmpty();
  }
}
