package dev.tombstone.internal.s3.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tombstone.testing.RunningTombstone;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.Tag;
import software.amazon.awssdk.services.s3.model.Tagging;

/**
 * Keys and values the SDK for Java v2's own S3 integration tests send to AWS (CopySource,
 * DeleteObjects, KeysWithLeadingSlash, HeadObject, ObjectTagging, UserMetadata), replayed
 * against Tombstone: what those tests assert of S3 holds here too.
 */
class SdkParityObjectKeysTest {
  private static final String SOURCE = "copy-source";
  private static final String DESTINATION = "copy-destination";

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  private final S3Client s3 = server.s3();

  @BeforeEach
  void buckets() {
    s3.createBucket(b -> b.bucket(SOURCE));
    s3.createBucket(b -> b.bucket(DESTINATION));
  }

  private String read(String bucket, String key) {
    return s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asUtf8String();
  }

  @ParameterizedTest
  @ValueSource(strings = {"simpleKey", "key/with/slashes", "\uD83E\uDEA3",
      "specialChars/ +!#$&'()*,:;=?@\"", "%20", "/leading/slash", "key//image.png"})
  void copyObject_takesTheSameKeyAsPutObject(String key) {
    s3.putObject(b -> b.bucket(SOURCE).key(key), RequestBody.fromString("content of " + key));

    s3.copyObject(b -> b.sourceBucket(SOURCE).sourceKey(key)
        .destinationBucket(DESTINATION).destinationKey(key));

    assertThat(read(DESTINATION, key)).isEqualTo("content of " + key);
    assertThat(s3.listObjects(b -> b.bucket(DESTINATION)).contents())
        .extracting(S3Object::key).containsExactly(key);
  }

  @ParameterizedTest
  @ValueSource(strings = {"key/with/slashes", "\uD83E\uDEA3", "specialChars/ +!#$&'()*,:;=?@\""})
  void copyObject_ofEachVersion_copiesThatVersionsBytes(String key) {
    s3.putBucketVersioning(b -> b.bucket(SOURCE)
        .versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
    Map<String, String> contentByVersion = new LinkedHashMap<>();
    for (int i = 0; i < 3; i++) {
      String content = "version " + i;
      contentByVersion.put(s3.putObject(b -> b.bucket(SOURCE).key(key),
          RequestBody.fromString(content)).versionId(), content);
    }

    contentByVersion.forEach((versionId, content) -> {
      s3.copyObject(b -> b.sourceBucket(SOURCE).sourceKey(key).sourceVersionId(versionId)
          .destinationBucket(DESTINATION).destinationKey(key));
      assertThat(read(DESTINATION, key)).isEqualTo(content);
    });
  }

  @ParameterizedTest
  @ValueSource(strings = {"<Key>objectId</Key>", "&lt;Key&gt;objectId&lt;/Key&gt;", "&lt;<"})
  void deleteObjects_echoesKeysThatLookLikeXml_andDeletesThem(String key) {
    s3.putObject(b -> b.bucket(SOURCE).key(key), RequestBody.fromString("contents"));
    s3.headObject(b -> b.bucket(SOURCE).key(key));

    DeleteObjectsResponse response = s3.deleteObjects(b -> b.bucket(SOURCE)
        .delete(d -> d.objects(o -> o.key(key))));

    assertThat(response.deleted()).singleElement()
        .satisfies(deleted -> assertThat(deleted.key()).isEqualTo(key));
    assertThatThrownBy(() -> s3.headObject(b -> b.bucket(SOURCE).key(key)))
        .isInstanceOf(NoSuchKeyException.class);
  }

  @Test
  void headObject_answersTheContentEncodingOfAGzippedObject() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
      gzip.write("Test".getBytes(StandardCharsets.UTF_8));
    }
    s3.putObject(b -> b.bucket(SOURCE).key("zipped").contentEncoding("gzip"),
        RequestBody.fromBytes(bytes.toByteArray()));

    assertThat(s3.headObject(b -> b.bucket(SOURCE).key("zipped")).contentEncoding())
        .isEqualTo("gzip");
    assertThat(server.s3Async().headObject(b -> b.bucket(SOURCE).key("zipped")).join()
        .contentEncoding()).isEqualTo("gzip");
  }

  @Test
  void tagsWithSpacesAtSignsAndSlashes_comeBackAsSent_fromPutObjectAndMultipartUploads() {
    List<Tag> tags = List.of(Tag.builder().key("foo").value("bar @baz").build(),
        Tag.builder().key("foo bar").value("baz").build(),
        Tag.builder().key("foo/bar").value("baz").build());

    s3.putObject(b -> b.bucket(SOURCE).key("tagged")
        .tagging(Tagging.builder().tagSet(tags).build()), RequestBody.empty());
    String uploadId = s3.createMultipartUpload(b -> b.bucket(SOURCE).key("tagged-upload")
        .tagging(Tagging.builder().tagSet(tags).build())).uploadId();
    String etag = s3.uploadPart(b -> b.bucket(SOURCE).key("tagged-upload").uploadId(uploadId)
        .partNumber(1), RequestBody.fromString("part")).eTag();
    s3.completeMultipartUpload(b -> b.bucket(SOURCE).key("tagged-upload").uploadId(uploadId)
        .multipartUpload(m -> m.parts(p -> p.partNumber(1).eTag(etag))));

    assertThat(s3.getObjectTagging(b -> b.bucket(SOURCE).key("tagged")).tagSet())
        .containsExactlyInAnyOrderElementsOf(tags);
    assertThat(s3.getObjectTagging(b -> b.bucket(SOURCE).key("tagged-upload")).tagSet())
        .containsExactlyInAnyOrderElementsOf(tags);
  }

  @Test
  void userMetadata_named_withOrWithoutItsHeaderPrefix_isStoredUnderTheBareName() {
    s3.putObject(b -> b.bucket(SOURCE).key("meta").metadata(Map.of("thing1", "IAmThing1",
        "x-amz-meta-foobar", "FOO BAR")), RequestBody.fromString("m"));

    assertThat(s3.headObject(b -> b.bucket(SOURCE).key("meta")).metadata())
        .containsEntry("thing1", "IAmThing1").containsEntry("foobar", "FOO BAR");
  }
}
