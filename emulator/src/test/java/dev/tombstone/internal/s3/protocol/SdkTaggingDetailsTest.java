package dev.tombstone.internal.s3.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.Tombstone;
import dev.tombstone.testing.RunningTombstone;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.ObjectCannedACL;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.Tag;

/**
 * Object and bucket tagging details as recorded against AWS: no version id from a bucket never
 * versioned, 405 on a key whose current version is a delete marker, the x-amz-tagging header's
 * form, and the elements of the error documents.
 */
class SdkTaggingDetailsTest {
  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  final Tombstone tombstone = server.tombstone();
  final S3Client s3 = server.s3();

  HttpResponse<String> send(String method, String path, String body, String... headers)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(tombstone.endpoint() + path))
        .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return HttpClient.newHttpClient().send(request.build(), BodyHandlers.ofString());
  }

  static Tag tag(String key, String value) {
    return Tag.builder().key(key).value(value).build();
  }

  @Test
  void objectTagging_inABucketNeverVersioned_answersNoVersionId() {
    s3.createBucket(b -> b.bucket("plain"));
    s3.putObject(b -> b.bucket("plain").key("k"), RequestBody.fromString("abcdefgh"));

    assertThat(s3.getObjectTagging(b -> b.bucket("plain").key("k")).versionId()).isNull();
    assertThat(s3.putObjectTagging(b -> b.bucket("plain").key("k")
        .tagging(t -> t.tagSet(tag("a", "1"))))
        .versionId()).isNull();
    assertThat(s3.deleteObjectTagging(b -> b.bucket("plain").key("k")).versionId()).isNull();
  }

  @Test
  void taggingAndPutObjectAcl_onAKeyWhoseCurrentVersionIsADeleteMarker_areMethodNotAllowed()
      throws Exception {
    s3.createBucket(b -> b.bucket("versioned"));
    s3.putBucketVersioning(b -> b.bucket("versioned")
        .versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
    String version = s3.putObject(b -> b.bucket("versioned").key("k").tagging("a=1"),
        RequestBody.fromString("x")).versionId();
    s3.deleteObject(b -> b.bucket("versioned").key("k"));

    assertMarker(() -> s3.getObjectTagging(b -> b.bucket("versioned").key("k")));
    assertMarker(() -> s3.putObjectTagging(b -> b.bucket("versioned").key("k")
        .tagging(t -> t.tagSet(tag("b", "2")))));
    assertMarker(() -> s3.deleteObjectTagging(b -> b.bucket("versioned").key("k")));
    assertMarker(() -> s3.putObjectAcl(b -> b.bucket("versioned").key("k")
        .acl(ObjectCannedACL.PUBLIC_READ)));
    HttpResponse<String> raw = send("DELETE", "/versioned/k?tagging", null);

    assertThat(raw.statusCode()).isEqualTo(405);
    assertThat(raw.body()).contains("<Method>DELETE</Method>",
        "<ResourceType>DeleteMarker</ResourceType>");
    assertThat(s3.getObjectTagging(b -> b.bucket("versioned").key("k").versionId(version))
        .tagSet()).containsExactly(tag("a", "1"));
  }

  static void assertMarker(Runnable call) {
    S3Exception thrown = catchThrowableOfType(S3Exception.class, call::run);
    assertThat(thrown.statusCode()).isEqualTo(405);
    assertThat(thrown.awsErrorDetails().errorCode()).isEqualTo("MethodNotAllowed");
    assertThat(thrown.awsErrorDetails().errorMessage())
        .isEqualTo("The specified method is not allowed against this resource.");
  }

  @Test
  void taggingHeader_notInQueryForm_isInvalidArgument_namingTheHeaderAndItsValue()
      throws Exception {
    s3.createBucket(b -> b.bucket("plain"));

    HttpResponse<String> answer = send("PUT", "/plain/k", "x",
        "x-amz-tagging", "key1=val1,key2=val2");

    RawBucketRequests.assertError(answer, 400, "InvalidArgument", "The header 'x-amz-tagging'"
        + " shall be encoded as UTF-8 then URLEncoded URL query parameters without tag name"
        + " duplicates.");
    assertThat(answer.body()).contains("<ArgumentName>x-amz-tagging</ArgumentName>",
        "<ArgumentValue>key1=val1,key2=val2</ArgumentValue>");
    assertThat(tombstone.s3().versions("plain", "k")).isEmpty();
  }

  @Test
  void getObjectTagging_ofAMissingKey_namesItWithItsBucket() throws Exception {
    s3.createBucket(b -> b.bucket("plain"));

    HttpResponse<String> answer = send("GET", "/plain/fake-key?tagging", null);

    RawBucketRequests.assertError(answer, 404, "NoSuchKey", "The specified key does not exist.");
    assertThat(answer.body()).contains("<Key>plain/fake-key</Key>");
  }

  @Test
  void putBucketTagging_withAnEmptyTagSet_removesTheTags() {
    s3.createBucket(b -> b.bucket("plain"));
    s3.putBucketTagging(b -> b.bucket("plain").tagging(t -> t.tagSet(tag("env", "test"))));

    s3.putBucketTagging(b -> b.bucket("plain").tagging(t -> t.tagSet(new Tag[0])));
    S3Exception thrown = catchThrowableOfType(S3Exception.class,
        () -> s3.getBucketTagging(b -> b.bucket("plain")));

    assertThat(thrown.statusCode()).isEqualTo(404);
    assertThat(thrown.awsErrorDetails().errorCode()).isEqualTo("NoSuchTagSet");
  }

  @Test
  void putBucketTagging_withAnInvalidValue_namesTheKeyAndTheValue() throws Exception {
    s3.createBucket(b -> b.bucket("plain"));
    String document = "<Tagging><TagSet><Tag><Key>Key1</Key><Value>Val1,Val2</Value></Tag>"
        + "</TagSet></Tagging>";
    String md5 = Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5")
        .digest(document.getBytes(StandardCharsets.UTF_8)));

    HttpResponse<String> answer = send("PUT", "/plain?tagging", document, "Content-MD5", md5);

    RawBucketRequests.assertError(answer, 400, "InvalidTag",
        "The TagValue you have provided is invalid");
    assertThat(answer.body()).contains("<TagKey>Key1</TagKey><TagValue>Val1,Val2</TagValue>");
    assertThat(tombstone.s3().bucketTags("plain")).isEmpty();
  }
}
