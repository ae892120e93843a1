package dev.tombstone.internal.s3.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.testing.RunningTombstone;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.EncodingType;
import software.amazon.awssdk.services.s3.model.ListObjectsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.ObjectVersion;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The listing assertions of the SDK for Java v2's ListObjects, S3ListObjectsV2,
 * ListObjectsV2Paginators and UrlEncoding integration tests, replayed: which members S3 leaves
 * out when they were not asked for, the echoes of what was, paging, and keys sent URL-encoded.
 */
class SdkParityListingTest {
  private static final String BUCKET = "listing";
  private static final String SPECIAL = "special-chars-@$%";
  private static final String ENCODED_KEY = "filename_@_=_&_?_+_)_.temp";

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  private final S3Client s3 = server.s3();
  private final S3AsyncClient async = server.s3Async();
  private final List<String> keys = new ArrayList<>();

  @BeforeEach
  void objects() {
    s3.createBucket(b -> b.bucket(BUCKET));
    for (int i = 1; i <= 15; i++) {
      put(String.format("key-%02d", i));
    }
    for (String key : List.of("aaaaa", "aaaaa/aaaaa/aaaaa", "aaaaa/aaaaa+a", "aaaaa/aaaaa//aaaaa",
        SPECIAL)) {
      put(key);
    }
  }

  private void put(String key) {
    s3.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromString("x".repeat(123)));
    keys.add(key);
  }

  private static void assertSummariesAreValid(List<S3Object> objects) {
    assertThat(objects).allSatisfy(o -> {
      assertThat(o.eTag()).hasSizeGreaterThan(1);
      assertThat(o.lastModified()).isNotNull();
      assertThat(o.storageClassAsString()).hasSizeGreaterThan(1);
    });
  }

  @Test
  void listObjects_withoutParameters_leavesOutDelimiterAndEncodingType_andEchoesAnEmptyPrefix() {
    ListObjectsResponse result = s3.listObjects(b -> b.bucket(BUCKET));

    assertThat(result.contents()).hasSize(keys.size());
    assertSummariesAreValid(result.contents());
    assertThat(result.name()).isEqualTo(BUCKET);
    assertThat(result.maxKeys()).isEqualTo(1000);
    assertThat(result.delimiter()).isNull();
    assertThat(result.encodingType()).isNull();
    assertThat(result.prefix()).isEmpty();
    assertThat(result.isTruncated()).isFalse();
  }

  @Test
  void listObjects_withEveryParameter_echoesThem_andDecodesTheUrlEncodedPrefix() {
    ListObjectsResponse result = s3.listObjects(b -> b.bucket(BUCKET).prefix(SPECIAL)
        .marker("aaa").encodingType(EncodingType.URL).delimiter("/"));

    assertThat(result.contents()).extracting(S3Object::key).containsExactly(SPECIAL);
    assertThat(result.marker()).isEqualTo("aaa");
    assertThat(result.delimiter()).isEqualTo("/");
    assertThat(result.prefix()).isEqualTo(SPECIAL);
    assertThat(result.isTruncated()).isFalse();
    assertThat(result.maxKeys()).isGreaterThanOrEqualTo(1000);
  }

  @Test
  void listObjectsAndV2_withMaxKeys_areTruncated_andEchoTheMaxKeys() {
    ListObjectsResponse v1 = s3.listObjects(b -> b.bucket(BUCKET).maxKeys(4));
    ListObjectsV2Response v2 = s3.listObjectsV2(b -> b.bucket(BUCKET).maxKeys(4));

    assertThat(v1.contents()).hasSize(4);
    assertThat(v1.maxKeys()).isEqualTo(4);
    assertThat(v1.isTruncated()).isTrue();
    assertThat(v1.delimiter()).isNull();
    assertThat(v1.encodingType()).isNull();
    assertThat(v2.contents()).hasSize(4);
    assertThat(v2.keyCount()).isEqualTo(4);
    assertThat(v2.isTruncated()).isTrue();
    assertThat(v2.nextContinuationToken()).hasSizeGreaterThan(1);
    assertThat(v2.startAfter()).isNull();
  }

  @Test
  void listObjectsV2_withPrefixAndStartAfter_echoesBoth_andPagesWithTheToken() {
    ListObjectsV2Response after = s3.listObjectsV2(b -> b.bucket(BUCKET).prefix("key")
        .startAfter("key-01"));
    assertThat(after.contents()).hasSize(14);
    assertThat(after.startAfter()).isEqualTo("key-01");
    assertThat(after.prefix()).isEqualTo("key");
    assertThat(after.continuationToken()).isNull();
    assertThat(after.nextContinuationToken()).isNull();

    ListObjectsV2Response first = s3.listObjectsV2(b -> b.bucket(BUCKET).prefix("key").maxKeys(4));
    ListObjectsV2Response rest = s3.listObjectsV2(b -> b.bucket(BUCKET).prefix("key")
        .continuationToken(first.nextContinuationToken()));
    assertThat(first.contents()).extracting(S3Object::key).containsExactlyElementsOf(
        keys.subList(0, 4));
    assertThat(rest.continuationToken()).isEqualTo(first.nextContinuationToken());
    assertThat(rest.nextContinuationToken()).isNull();
    assertThat(rest.isTruncated()).isFalse();
    assertThat(rest.contents()).hasSize(11);
  }

  @Test
  void listObjectsV2_withPrefixAndDelimiter_listsOneObjectAndItsCommonPrefix() {
    ListObjectsV2Response result = s3.listObjectsV2(b -> b.bucket(BUCKET).prefix("a")
        .delimiter("/"));

    assertThat(result.contents()).extracting(S3Object::key).containsExactly("aaaaa");
    assertThat(result.commonPrefixes()).extracting(CommonPrefix::prefix).containsExactly("aaaaa/");
    assertThat(result.startAfter()).isNull();
    assertThat(result.encodingType()).isNull();
    assertThat(result.keyCount()).isEqualTo(2);
  }

  @Test
  void listObjectsV2_withFetchOwner_namesTheOwner() {
    assertThat(s3.listObjectsV2(b -> b.bucket(BUCKET).fetchOwner(true)).contents())
        .allSatisfy(o -> {
          assertThat(o.owner().id()).hasSizeGreaterThan(1);
          assertThat(o.owner().displayName()).hasSizeGreaterThan(1);
        });
  }

  @Test
  void paginators_syncAndAsync_countEveryObject_andAnEmptyBucketHasNone() {
    s3.createBucket(b -> b.bucket("empty-listing"));

    assertThat(s3.listObjectsV2Paginator(b -> b.bucket(BUCKET).maxKeys(3)).contents().stream()
        .count()).isEqualTo(keys.size());
    assertThat(s3.listObjectsV2Paginator(b -> b.bucket("empty-listing").maxKeys(3)).contents()
        .stream().count()).isZero();
    AtomicInteger counted = new AtomicInteger();
    async.listObjectsV2Paginator(b -> b.bucket(BUCKET).maxKeys(3))
        .subscribe(page -> counted.addAndGet(page.keyCount())).join();
    assertThat(counted.get()).isEqualTo(keys.size());
    AtomicInteger none = new AtomicInteger();
    async.listObjectsV2Paginator(b -> b.bucket("empty-listing").maxKeys(3))
        .subscribe(page -> none.addAndGet(page.keyCount())).join();
    assertThat(none.get()).isZero();
  }

  @Test
  void everyListing_withUrlEncoding_givesBackTheKeyAsWritten() {
    s3.createBucket(b -> b.bucket("encoded-keys"));
    s3.putObject(b -> b.bucket("encoded-keys").key(ENCODED_KEY), RequestBody.fromString("k"));
    String uploadId = s3.createMultipartUpload(b -> b.bucket("encoded-keys").key(ENCODED_KEY))
        .uploadId();

    assertThat(s3.listObjects(b -> b.bucket("encoded-keys").encodingType(EncodingType.URL))
        .contents()).extracting(S3Object::key).containsExactly(ENCODED_KEY);
    assertThat(s3.listObjectsV2(b -> b.bucket("encoded-keys").encodingType(EncodingType.URL))
        .contents()).extracting(S3Object::key).containsExactly(ENCODED_KEY);
    assertThat(async.listObjectVersions(b -> b.bucket("encoded-keys")
        .encodingType(EncodingType.URL)).join().versions())
        .extracting(ObjectVersion::key).containsExactly(ENCODED_KEY);
    assertThat(s3.listMultipartUploads(b -> b.bucket("encoded-keys")
        .encodingType(EncodingType.URL)).uploads())
        .extracting(MultipartUpload::key, MultipartUpload::uploadId)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(ENCODED_KEY, uploadId));
  }
}
