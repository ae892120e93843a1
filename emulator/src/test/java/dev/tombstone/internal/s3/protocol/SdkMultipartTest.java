package dev.tombstone.internal.s3.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import dev.tombstone.Tombstone;
import dev.tombstone.s3.Versioning;
import dev.tombstone.testing.RunningTombstone;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.AbortMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.ChecksumType;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListMultipartUploadsResponse;
import software.amazon.awssdk.services.s3.model.ListPartsResponse;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.NoSuchUploadException;
import software.amazon.awssdk.services.s3.model.Part;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/** Multipart upload through the AWS SDK for Java v2 at default settings (checksums on). */
class SdkMultipartTest {
  private static final String BUCKET = "multipart-uploads";
  private static final int MIB = 1024 * 1024;

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  private final Tombstone tombstone = server.tombstone();
  private final S3Client s3 = server.s3();

  @BeforeEach
  void emptyBucket() {
    s3.createBucket(b -> b.bucket(BUCKET));
  }

  private String create(String key) {
    return s3.createMultipartUpload(b -> b.bucket(BUCKET).key(key).contentType("text/csv")
        .metadata(Map.of("origin", "test"))).uploadId();
  }

  private CompletedPart upload(String key, String uploadId, int number, byte[] content) {
    String etag = s3.uploadPart(b -> b.bucket(BUCKET).key(key).uploadId(uploadId)
        .partNumber(number), RequestBody.fromBytes(content)).eTag();
    return CompletedPart.builder().partNumber(number).eTag(etag).build();
  }

  private CompleteMultipartUploadResponse complete(
      String key, String uploadId, CompletedPart... parts) {
    return s3.completeMultipartUpload(b -> b.bucket(BUCKET).key(key).uploadId(uploadId)
        .multipartUpload(u -> u.parts(parts)));
  }

  private static byte[] filled(int size, int seed) {
    byte[] bytes = new byte[size];
    for (int i = 0; i < size; i++) {
      bytes[i] = (byte) (i * 31 + seed);
    }
    return bytes;
  }

  private static String multipartEtag(byte[]... parts) throws Exception {
    MessageDigest outer = MessageDigest.getInstance("MD5");
    for (byte[] part : parts) {
      outer.update(MessageDigest.getInstance("MD5").digest(part));
    }
    return "\"" + HexFormat.of().formatHex(outer.digest()) + "-" + parts.length + "\"";
  }

  @Test
  void completedUpload_joinsPartsInOrder_withS3sMultipartEtagAndTheCreatedMetadata()
      throws Exception {
    byte[] first = filled(5 * MIB, 1);
    byte[] last = filled(1000, 2);
    String uploadId = create("report.csv");
    CompletedPart one = upload("report.csv", uploadId, 1, first);
    CompletedPart two = upload("report.csv", uploadId, 2, last);

    CompleteMultipartUploadResponse completed = complete("report.csv", uploadId, one, two);

    assertThat(completed.eTag()).isEqualTo(multipartEtag(first, last));
    assertThat(completed.bucket()).isEqualTo(BUCKET);
    assertThat(completed.key()).isEqualTo("report.csv");
    assertThat(completed.versionId()).isNull();
    byte[] stored = s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("report.csv")).asByteArray();
    byte[] expected = Arrays.copyOf(first, first.length + last.length);
    System.arraycopy(last, 0, expected, first.length, last.length);
    assertThat(stored).isEqualTo(expected);
    HeadObjectResponse head = s3.headObject(b -> b.bucket(BUCKET).key("report.csv"));
    assertThat(head.eTag()).isEqualTo(completed.eTag());
    assertThat(head.contentType()).isEqualTo("text/csv");
    assertThat(head.metadata()).containsEntry("origin", "test");
    assertThat(tombstone.s3().multipartUploads(BUCKET)).isEmpty();
  }

  @Test
  void completingOnAVersionedBucket_addsAVersion_andDeleteHidesItBehindAMarker() {
    tombstone.s3().setVersioning(BUCKET, Versioning.ENABLED);
    String first = s3.putObject(b -> b.bucket(BUCKET).key("big.bin"),
        RequestBody.fromString("small")).versionId();
    String uploadId = create("big.bin");
    CompletedPart only = upload("big.bin", uploadId, 1, filled(10, 3));

    String second = complete("big.bin", uploadId, only).versionId();
    s3.deleteObject(b -> b.bucket(BUCKET).key("big.bin"));

    assertThat(second).isNotNull().isNotEqualTo(first);
    assertThat(tombstone.s3().versions(BUCKET, "big.bin")).hasSize(3);
    assertThat(tombstone.s3().isDeleteMarker(BUCKET, "big.bin")).isTrue();
  }

  @Test
  void aSmallPartBeforeTheLast_isEntityTooSmall_andTheUploadStaysOpen() {
    String uploadId = create("small.bin");
    CompletedPart one = upload("small.bin", uploadId, 1, filled(1000, 1));
    CompletedPart two = upload("small.bin", uploadId, 2, filled(1000, 2));

    S3Exception error = catchThrowableOfType(S3Exception.class,
        () -> complete("small.bin", uploadId, one, two));

    assertThat(error.statusCode()).isEqualTo(400);
    assertThat(error.awsErrorDetails().errorCode()).isEqualTo("EntityTooSmall");
    assertThat(error.awsErrorDetails().errorMessage())
        .isEqualTo("Your proposed upload is smaller than the minimum allowed size");
    assertThat(tombstone.s3().keys(BUCKET)).isEmpty();
    assertThat(s3.listParts(b -> b.bucket(BUCKET).key("small.bin").uploadId(uploadId)).parts())
        .extracting(Part::partNumber).containsExactly(1, 2);
  }

  @Test
  void aWrongEtagIsInvalidPart_andPartsOutOfOrderAreInvalidPartOrder() {
    String uploadId = create("order.bin");
    CompletedPart one = upload("order.bin", uploadId, 1, filled(5 * MIB, 1));
    CompletedPart two = upload("order.bin", uploadId, 2, filled(10, 2));
    CompletedPart wrongTag = one.toBuilder().eTag("\"0123456789abcdef0123456789abcdef\"").build();

    S3Exception invalidPart = catchThrowableOfType(S3Exception.class,
        () -> complete("order.bin", uploadId, wrongTag, two));
    S3Exception invalidOrder = catchThrowableOfType(S3Exception.class,
        () -> complete("order.bin", uploadId, two, one));

    assertThat(invalidPart.awsErrorDetails().errorCode()).isEqualTo("InvalidPart");
    assertThat(invalidPart.awsErrorDetails().errorMessage()).startsWith(
        "One or more of the specified parts could not be found.");
    assertThat(invalidOrder.awsErrorDetails().errorCode()).isEqualTo("InvalidPartOrder");
    assertThat(invalidOrder.statusCode()).isEqualTo(400);
    assertThat(complete("order.bin", uploadId, one, two).eTag()).endsWith("-2\"");
  }

  @Test
  void abortedUpload_isNoSuchUpload_forPartsListingAndCompletion() {
    String uploadId = create("gone.bin");
    CompletedPart one = upload("gone.bin", uploadId, 1, filled(10, 1));

    s3.abortMultipartUpload(b -> b.bucket(BUCKET).key("gone.bin").uploadId(uploadId));

    NoSuchUploadException listing = catchThrowableOfType(NoSuchUploadException.class,
        () -> s3.listParts(b -> b.bucket(BUCKET).key("gone.bin").uploadId(uploadId)));
    assertThat(listing.statusCode()).isEqualTo(404);
    assertThat(listing.awsErrorDetails().errorMessage()).isEqualTo("The specified upload does"
        + " not exist. The upload ID may be invalid, or the upload may have been aborted or"
        + " completed.");
    assertThat(catchThrowableOfType(NoSuchUploadException.class,
        () -> complete("gone.bin", uploadId, one))).isNotNull();
    assertThat(catchThrowableOfType(NoSuchUploadException.class,
        () -> upload("gone.bin", uploadId, 2, filled(10, 2)))).isNotNull();
    assertThat(tombstone.s3().keys(BUCKET)).isEmpty();
  }

  @Test
  void completingAgain_withTheSameParts_answersAsTheFirstCompletion_andWritesNothing() {
    tombstone.s3().setVersioning(BUCKET, Versioning.ENABLED);
    String uploadId = create("retried.bin");
    CompletedPart one = upload("retried.bin", uploadId, 1, filled(5 * MIB, 1));
    CompletedPart two = upload("retried.bin", uploadId, 2, filled(1, 2));
    CompleteMultipartUploadResponse first = complete("retried.bin", uploadId, one, two);

    // moto's AWS-verified test_idempotent_multipart_upload sends If-None-Match: * on the retry.
    CompleteMultipartUploadResponse again = s3.completeMultipartUpload(b -> b.bucket(BUCKET)
        .key("retried.bin").uploadId(uploadId).ifNoneMatch("*")
        .multipartUpload(u -> u.parts(one, two)));
    CompleteMultipartUploadResponse unquoted = complete("retried.bin", uploadId,
        one.toBuilder().eTag(one.eTag().replace("\"", "")).build(), two);

    for (CompleteMultipartUploadResponse answer : List.of(again, unquoted)) {
      assertThat(answer.sdkHttpResponse().statusCode()).isEqualTo(200);
      assertThat(answer).extracting(CompleteMultipartUploadResponse::eTag,
          CompleteMultipartUploadResponse::location, CompleteMultipartUploadResponse::bucket,
          CompleteMultipartUploadResponse::key, CompleteMultipartUploadResponse::versionId,
          CompleteMultipartUploadResponse::checksumCRC64NVME,
          CompleteMultipartUploadResponse::checksumType,
          CompleteMultipartUploadResponse::serverSideEncryption)
          .containsExactly(first.eTag(), first.location(), first.bucket(), first.key(),
              first.versionId(), first.checksumCRC64NVME(), first.checksumType(),
              first.serverSideEncryption());
    }
    assertThat(first.versionId()).isNotNull();
    assertThat(tombstone.s3().versions(BUCKET, "retried.bin")).hasSize(1);
  }

  @Test
  void completingAgain_afterTheObjectWasOverwrittenOrDeleted_stillAnswersTheFirstResult() {
    String uploadId = create("moved-on.bin");
    CompletedPart only = upload("moved-on.bin", uploadId, 1, filled(10, 1));
    String etag = complete("moved-on.bin", uploadId, only).eTag();
    s3.putObject(b -> b.bucket(BUCKET).key("moved-on.bin"), RequestBody.fromString("newer"));

    String afterOverwrite = complete("moved-on.bin", uploadId, only).eTag();
    s3.deleteObject(b -> b.bucket(BUCKET).key("moved-on.bin"));
    String afterDelete = complete("moved-on.bin", uploadId, only).eTag();

    assertThat(afterOverwrite).isEqualTo(etag);
    assertThat(afterDelete).isEqualTo(etag);
    assertThat(tombstone.s3().keys(BUCKET)).isEmpty();
  }

  @Test
  void completedUpload_isNoSuchUpload_forOtherParts_anotherKey_listingAndParts() {
    String uploadId = create("done.bin");
    CompletedPart one = upload("done.bin", uploadId, 1, filled(5 * MIB, 1));
    CompletedPart two = upload("done.bin", uploadId, 2, filled(10, 2));
    complete("done.bin", uploadId, one, two);

    List<Runnable> refused = List.of(
        () -> complete("done.bin", uploadId, one),
        () -> complete("done.bin", uploadId, one, two.toBuilder().partNumber(3).build()),
        () -> complete("other.bin", uploadId, one, two),
        () -> s3.abortMultipartUpload(b -> b.bucket(BUCKET).key("other.bin").uploadId(uploadId)),
        () -> s3.listParts(b -> b.bucket(BUCKET).key("done.bin").uploadId(uploadId)),
        () -> upload("done.bin", uploadId, 3, filled(10, 3)));

    for (Runnable request : refused) {
      NoSuchUploadException thrown =
          catchThrowableOfType(NoSuchUploadException.class, request::run);
      assertThat(thrown).isNotNull();
      assertThat(thrown.statusCode()).isEqualTo(404);
    }
    assertThat(tombstone.s3().versions(BUCKET, "done.bin")).hasSize(1);
    assertThat(tombstone.s3().keys(BUCKET)).containsExactly("done.bin");
  }

  @Test
  void abortAfterCompletion_succeeds_andKeepsTheObject() {
    String uploadId = create("kept.bin");
    CompletedPart only = upload("kept.bin", uploadId, 1, filled(10, 1));
    complete("kept.bin", uploadId, only);

    AbortMultipartUploadResponse aborted = s3.abortMultipartUpload(
        b -> b.bucket(BUCKET).key("kept.bin").uploadId(uploadId));
    AbortMultipartUploadResponse again = s3.abortMultipartUpload(
        b -> b.bucket(BUCKET).key("kept.bin").uploadId(uploadId));

    assertThat(aborted.sdkHttpResponse().statusCode()).isEqualTo(204);
    assertThat(again.sdkHttpResponse().statusCode()).isEqualTo(204);
    assertThat(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("kept.bin")).asByteArray())
        .isEqualTo(filled(10, 1));
    assertThat(tombstone.s3().versions(BUCKET, "kept.bin")).hasSize(1);
    assertThat(catchThrowableOfType(NoSuchUploadException.class,
        () -> s3.listParts(b -> b.bucket(BUCKET).key("kept.bin").uploadId(uploadId))))
        .isNotNull();
  }

  @Test
  void aDeletedBucket_forgetsItsCompletions() {
    String uploadId = create("k.bin");
    CompletedPart only = upload("k.bin", uploadId, 1, filled(10, 1));
    complete("k.bin", uploadId, only);
    s3.deleteObject(b -> b.bucket(BUCKET).key("k.bin"));
    s3.deleteBucket(b -> b.bucket(BUCKET));
    s3.createBucket(b -> b.bucket(BUCKET));

    assertThat(catchThrowableOfType(NoSuchUploadException.class,
        () -> complete("k.bin", uploadId, only))).isNotNull();
    assertThat(tombstone.s3().keys(BUCKET)).isEmpty();
  }

  @Test
  void anUploadIdBelongsToItsKey() {
    String uploadId = create("mine.bin");

    NoSuchUploadException other = catchThrowableOfType(NoSuchUploadException.class,
        () -> upload("other.bin", uploadId, 1, filled(10, 1)));

    assertThat(other.awsErrorDetails().errorCode()).isEqualTo("NoSuchUpload");
  }

  @Test
  void partNumbersOutsideOneToTenThousand_areInvalidArgument() {
    String uploadId = create("numbers.bin");

    S3Exception zero = catchThrowableOfType(S3Exception.class,
        () -> upload("numbers.bin", uploadId, 0, filled(10, 1)));
    S3Exception tooHigh = catchThrowableOfType(S3Exception.class,
        () -> upload("numbers.bin", uploadId, 10_001, filled(10, 1)));

    assertThat(zero.awsErrorDetails().errorCode()).isEqualTo("InvalidArgument");
    assertThat(zero.awsErrorDetails().errorMessage())
        .isEqualTo("Part number must be an integer between 1 and 10000, inclusive");
    assertThat(tooHigh.statusCode()).isEqualTo(400);
  }

  @Test
  void listParts_pagesByPartNumber_andReportsSizesAndEtags() {
    String uploadId = create("listed.bin");
    CompletedPart one = upload("listed.bin", uploadId, 1, filled(10, 1));
    upload("listed.bin", uploadId, 3, filled(20, 3));
    upload("listed.bin", uploadId, 7, filled(30, 7));

    ListPartsResponse firstPage = s3.listParts(b -> b.bucket(BUCKET).key("listed.bin")
        .uploadId(uploadId).maxParts(2));
    ListPartsResponse secondPage = s3.listParts(b -> b.bucket(BUCKET).key("listed.bin")
        .uploadId(uploadId).partNumberMarker(firstPage.nextPartNumberMarker()));

    assertThat(firstPage.isTruncated()).isTrue();
    assertThat(firstPage.parts()).extracting(Part::partNumber).containsExactly(1, 3);
    assertThat(firstPage.parts()).extracting(Part::size).containsExactly(10L, 20L);
    assertThat(firstPage.parts().get(0).eTag()).isEqualTo(one.eTag());
    assertThat(secondPage.isTruncated()).isFalse();
    assertThat(secondPage.parts()).extracting(Part::partNumber).containsExactly(7);
  }

  @Test
  void listMultipartUploads_ordersByKey_filtersByPrefix_groupsByDelimiter_andPages() {
    String a1 = create("incoming/a.bin");
    String a2 = create("incoming/a.bin");
    String b = create("incoming/b.bin");
    String c = create("other/c.bin");

    ListMultipartUploadsResponse all = s3.listMultipartUploads(l -> l.bucket(BUCKET));
    ListMultipartUploadsResponse incoming =
        s3.listMultipartUploads(l -> l.bucket(BUCKET).prefix("incoming/"));
    ListMultipartUploadsResponse grouped =
        s3.listMultipartUploads(l -> l.bucket(BUCKET).delimiter("/"));
    ListMultipartUploadsResponse firstPage =
        s3.listMultipartUploads(l -> l.bucket(BUCKET).maxUploads(2));
    ListMultipartUploadsResponse secondPage = s3.listMultipartUploads(l -> l.bucket(BUCKET)
        .keyMarker(firstPage.nextKeyMarker()).uploadIdMarker(firstPage.nextUploadIdMarker()));

    assertThat(all.uploads()).extracting(MultipartUpload::key)
        .containsExactly("incoming/a.bin", "incoming/a.bin", "incoming/b.bin", "other/c.bin");
    assertThat(all.uploads()).extracting(MultipartUpload::uploadId)
        .containsExactlyInAnyOrder(a1, a2, b, c);
    assertThat(all.isTruncated()).isFalse();
    assertThat(incoming.uploads()).extracting(MultipartUpload::uploadId)
        .containsExactlyInAnyOrder(a1, a2, b);
    assertThat(grouped.uploads()).isEmpty();
    assertThat(grouped.commonPrefixes()).extracting(CommonPrefix::prefix)
        .containsExactly("incoming/", "other/");
    assertThat(firstPage.isTruncated()).isTrue();
    assertThat(firstPage.uploads()).hasSize(2);
    assertThat(secondPage.uploads()).extracting(MultipartUpload::key)
        .containsExactly("incoming/b.bin", "other/c.bin");
    assertThat(secondPage.isTruncated()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 1000})
  void listMultipartUploads_withDelimiter_listsEachCommonPrefixOnceAcrossPages(int pageSize) {
    for (String key : List.of("a", "a", "b/1", "b/2", "c")) {
      create(key);
    }
    List<String> keys = new ArrayList<>();
    List<String> prefixes = new ArrayList<>();
    String keyMarker = null;
    String uploadIdMarker = null;

    for (int pages = 0; pages < 10; pages++) {
      String key = keyMarker;
      String id = uploadIdMarker;
      ListMultipartUploadsResponse page = s3.listMultipartUploads(l -> l.bucket(BUCKET)
          .delimiter("/").maxUploads(pageSize).keyMarker(key).uploadIdMarker(id));
      page.uploads().forEach(upload -> keys.add(upload.key()));
      page.commonPrefixes().forEach(prefix -> prefixes.add(prefix.prefix()));
      if (!page.isTruncated()) {
        break;
      }
      // S3 names only uploads as next markers: a page whose last entry is a common prefix
      // resumes after that prefix.
      String prefix = page.commonPrefixes().isEmpty() ? ""
          : page.commonPrefixes().get(page.commonPrefixes().size() - 1).prefix();
      boolean afterPrefix = page.nextKeyMarker().compareTo(prefix) < 0;
      keyMarker = afterPrefix ? prefix : page.nextKeyMarker();
      uploadIdMarker = afterPrefix ? null : page.nextUploadIdMarker();
    }

    assertThat(keys).containsExactly("a", "a", "c");
    assertThat(prefixes).containsExactly("b/");
  }

  @Test
  void listMultipartUploads_pageEndingOnACommonPrefix_hasEmptyNextMarkers_andResumesAfterIt() {
    for (String key : List.of("b/1", "b/2", "c")) {
      create(key);
    }

    ListMultipartUploadsResponse first = s3.listMultipartUploads(l -> l.bucket(BUCKET)
        .delimiter("/").maxUploads(1));
    ListMultipartUploadsResponse second = s3.listMultipartUploads(l -> l.bucket(BUCKET)
        .delimiter("/").keyMarker("b/"));

    assertThat(first.isTruncated()).isTrue();
    assertThat(first.commonPrefixes()).extracting(CommonPrefix::prefix).containsExactly("b/");
    assertThat(first.nextKeyMarker()).isEmpty();
    assertThat(first.nextUploadIdMarker()).isEmpty();
    assertThat(second.uploads()).extracting(MultipartUpload::key).containsExactly("c");
    assertThat(second.commonPrefixes()).isEmpty();
  }

  /** Uploads a part of an upload created with CRC32; the SDK computes the part's checksum. */
  private CompletedPart uploadWithCrc32(String key, String uploadId, int number, byte[] content) {
    UploadPartResponse part = s3.uploadPart(b -> b.bucket(BUCKET).key(key).uploadId(uploadId)
        .partNumber(number).checksumAlgorithm(ChecksumAlgorithm.CRC32),
        RequestBody.fromBytes(content));
    return CompletedPart.builder().partNumber(number).eTag(part.eTag())
        .checksumCRC32(part.checksumCRC32()).build();
  }

  @ParameterizedTest
  @ValueSource(strings = {"GLACIER", "DEEP_ARCHIVE", "STANDARD_IA"})
  void bothListings_reportTheStorageClassTheUploadWasCreatedWith(String storageClass) {
    String uploadId = s3.createMultipartUpload(b -> b.bucket(BUCKET).key("cold")
        .storageClass(storageClass)).uploadId();
    upload("cold", uploadId, 1, filled(10, 1));
    create("plain");

    ListPartsResponse parts =
        s3.listParts(b -> b.bucket(BUCKET).key("cold").uploadId(uploadId));
    ListMultipartUploadsResponse uploads = s3.listMultipartUploads(b -> b.bucket(BUCKET));

    assertThat(parts.storageClassAsString()).isEqualTo(storageClass);
    assertThat(uploads.uploads()).extracting(MultipartUpload::key,
            MultipartUpload::storageClassAsString)
        .containsExactly(tuple("cold", storageClass),
            tuple("plain", "STANDARD"));
  }

  @Test
  void uploadCreatedWithCrc32_completesWhenEachPartNamesItsChecksum() {
    String uploadId = s3.createMultipartUpload(b -> b.bucket(BUCKET).key("summed.bin")
        .checksumAlgorithm(ChecksumAlgorithm.CRC32)).uploadId();
    CompletedPart one = uploadWithCrc32("summed.bin", uploadId, 1, filled(5 * MIB, 1));
    CompletedPart two = uploadWithCrc32("summed.bin", uploadId, 2, filled(10, 2));

    complete("summed.bin", uploadId, one, two);

    assertThat(s3.headObject(b -> b.bucket(BUCKET).key("summed.bin")).contentLength())
        .isEqualTo(5L * MIB + 10);
  }

  @Test
  void uploadCreatedWithCrc32_refusesACompletionThatOmitsAPartChecksum() {
    String uploadId = s3.createMultipartUpload(b -> b.bucket(BUCKET).key("summed.bin")
        .checksumAlgorithm(ChecksumAlgorithm.CRC32)).uploadId();
    CompletedPart one = uploadWithCrc32("summed.bin", uploadId, 1, filled(5 * MIB, 1));
    CompletedPart two = uploadWithCrc32("summed.bin", uploadId, 2, filled(10, 2));
    CompletedPart twoWithoutChecksum = two.toBuilder().checksumCRC32(null).build();

    S3Exception error = catchThrowableOfType(S3Exception.class,
        () -> complete("summed.bin", uploadId, one, twoWithoutChecksum));

    assertThat(error.statusCode()).isEqualTo(400);
    assertThat(error.awsErrorDetails().errorCode()).isEqualTo("InvalidRequest");
    assertThat(error.awsErrorDetails().errorMessage()).isEqualTo("The upload was created using"
        + " a crc32 checksum. The complete request must include the checksum for each part."
        + " It was missing for part 2 in the request.");
    assertThat(tombstone.s3().multipartUploads(BUCKET)).extracting(u -> u.uploadId())
        .containsExactly(uploadId);
  }

  @Test
  void uploadCreatedWithCrc32_refusesACompletionThatNamesAnotherPartsChecksum() {
    String uploadId = s3.createMultipartUpload(b -> b.bucket(BUCKET).key("summed.bin")
        .checksumAlgorithm(ChecksumAlgorithm.CRC32)).uploadId();
    CompletedPart one = uploadWithCrc32("summed.bin", uploadId, 1, filled(5 * MIB, 1));
    CompletedPart two = uploadWithCrc32("summed.bin", uploadId, 2, filled(10, 2));
    CompletedPart oneWithWrongChecksum = one.toBuilder().checksumCRC32(two.checksumCRC32())
        .build();

    S3Exception error = catchThrowableOfType(S3Exception.class,
        () -> complete("summed.bin", uploadId, oneWithWrongChecksum, two));

    assertThat(error.statusCode()).isEqualTo(400);
    assertThat(error.awsErrorDetails().errorCode()).isEqualTo("InvalidPart");
    assertThat(tombstone.s3().multipartUploads(BUCKET)).extracting(u -> u.uploadId())
        .containsExactly(uploadId);
  }

  @Test
  void fullObjectUpload_completesWithoutPartChecksums() {
    // S3 asks part checksums only of COMPOSITE uploads.
    String uploadId = s3.createMultipartUpload(b -> b.bucket(BUCKET).key("whole.bin")
        .checksumAlgorithm(ChecksumAlgorithm.CRC32).checksumType(ChecksumType.FULL_OBJECT))
        .uploadId();
    CompletedPart one = uploadWithCrc32("whole.bin", uploadId, 1, filled(10, 1));

    s3.completeMultipartUpload(b -> b.bucket(BUCKET).key("whole.bin").uploadId(uploadId)
        .checksumType(ChecksumType.FULL_OBJECT)
        .multipartUpload(u -> u.parts(one.toBuilder().checksumCRC32(null).build())));

    assertThat(tombstone.s3().multipartUploads(BUCKET)).isEmpty();
  }

  @Test
  void uploadCreatedWithoutAnAlgorithm_completesWithoutPartChecksums() {
    // At default settings the SDK sends a CRC32 with every part all the same.
    String uploadId = create("plain.bin");
    CompletedPart one = upload("plain.bin", uploadId, 1, filled(10, 1));

    complete("plain.bin", uploadId, one);

    assertThat(tombstone.s3().multipartUploads(BUCKET)).isEmpty();
  }

  @Test
  void completedAndAbortedUploads_leaveTheListing() {
    String done = create("done.bin");
    CompletedPart part = upload("done.bin", done, 1, filled(10, 1));
    String dropped = create("dropped.bin");
    String open = create("open.bin");

    complete("done.bin", done, part);
    s3.abortMultipartUpload(b -> b.bucket(BUCKET).key("dropped.bin").uploadId(dropped));

    assertThat(s3.listMultipartUploads(l -> l.bucket(BUCKET)).uploads())
        .extracting(MultipartUpload::uploadId).containsExactly(open);
  }

  @Test
  void asyncClientWithMultipartEnabled_uploadsALargeObjectInParts() throws Exception {
    byte[] content = filled(9 * MIB, 5);
    try (S3AsyncClient async = S3AsyncClient.builder()
        .endpointOverride(tombstone.endpoint())
        .region(Region.US_EAST_1)
        .forcePathStyle(true)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "y")))
        .multipartEnabled(true)
        .build()) {

      async.putObject(b -> b.bucket(BUCKET).key("large.bin"), AsyncRequestBody.fromBytes(content))
          .join();
    }

    String etag = s3.headObject(b -> b.bucket(BUCKET).key("large.bin")).eTag();
    assertThat(etag).matches("\"[0-9a-f]{32}-[0-9]+\"");
    assertThat(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("large.bin")).asByteArray())
        .isEqualTo(content);
    assertThat(tombstone.s3().multipartUploads(BUCKET)).isEmpty();
  }

  @Test
  void concurrentCompletions_ofOneUpload_writeOnce_andAllAnswerTheSameResult()
      throws Exception {
    String uploadId = create("race.bin");
    CompletedPart one = upload("race.bin", uploadId, 1, filled(10, 1));
    int threads = 8;
    List<Thread> racers = new ArrayList<>();
    Set<String> etags = ConcurrentHashMap.newKeySet();
    AtomicInteger missing = new AtomicInteger();
    CountDownLatch go = new CountDownLatch(1);
    for (int i = 0; i < threads; i++) {
      Thread racer = new Thread(() -> {
        try {
          go.await();
          etags.add(complete("race.bin", uploadId, one).eTag());
        } catch (NoSuchUploadException e) {
          missing.incrementAndGet();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
      racer.start();
      racers.add(racer);
    }

    go.countDown();
    for (Thread racer : racers) {
      racer.join();
    }

    assertThat(missing.get()).isZero();
    assertThat(etags).hasSize(1);
    assertThat(tombstone.s3().versions(BUCKET, "race.bin")).hasSize(1);
  }
}
