package dev.tombstone.internal.s3.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.Tombstone;
import dev.tombstone.testing.BrowserUploadForm;
import dev.tombstone.testing.RunningTombstone;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ObjectCannedACL;
import software.amazon.awssdk.services.s3.model.ObjectOwnership;

/**
 * POST Object, the browser upload botocore's {@code generate_presigned_post} and HTML forms send
 * (botocore's integration tests {@code test_presign_post_sigv4}): the form's fields are
 * PutObject's headers, its {@code file} part the object, and the answer is 204, 200, 201 with a
 * {@code PostResponse}, or 303 to {@code success_action_redirect}, as S3 answered in LocalStack's
 * AWS-validated recordings and in captures from issue threads.
 */
class PostObjectHttpTest {
  private static final String KEY_ID = "AKIDPOSTEXAMPLE";
  private static final String SECRET = "post-secret";

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  private final Tombstone tombstone = server.tombstone();
  private final S3Client s3 = server.s3();
  private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

  @BeforeEach
  void bucket() {
    s3.createBucket(b -> b.bucket("uploads"));
  }

  private URI bucketUrl() {
    return URI.create(tombstone.endpoint() + "/uploads");
  }

  private BrowserUploadForm signed(String key, String keyCondition, String... conditions) {
    String policy = BrowserUploadForm.policy(now.plusSeconds(3600), "uploads", keyCondition,
        KEY_ID, now, conditions);
    return new BrowserUploadForm().field("key", key).signedV4(KEY_ID, SECRET, now, policy);
  }

  @Test
  void presignedPost_isStored_answering204_withETagAndLocation() {
    HttpResponse<String> answer = signed("photos/cat.jpg", "{\"key\": \"photos/cat.jpg\"}")
        .file("cat.jpg", "meow").postTo(bucketUrl());

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(204);
    assertThat(answer.body()).isEmpty();
    assertThat(answer.headers().firstValue("ETag"))
        .hasValue("\"4a4be40c96ac6314e91d93f38043a634\"");
    assertThat(answer.headers().firstValue("Location"))
        .hasValue(tombstone.endpoint() + "/uploads/photos%2Fcat.jpg");
    assertThat(answer.headers().firstValue("x-amz-checksum-type")).hasValue("FULL_OBJECT");
    assertThat(s3.getObjectAsBytes(b -> b.bucket("uploads").key("photos/cat.jpg")).asUtf8String())
        .isEqualTo("meow");
  }

  @Test
  void fields_areTheWritesHeaders_namesInAnyCase() {
    HttpResponse<String> answer = signed("report.csv", "{\"key\": \"report.csv\"}",
        "{\"Content-Type\": \"text/csv\"}", "[\"starts-with\", \"$x-amz-meta-owner\", \"\"]",
        "{\"cache-control\": \"max-age=60\"}", "{\"x-amz-storage-class\": \"STANDARD_IA\"}")
        .field("Content-Type", "text/csv").field("x-amz-meta-OWNER", "caf\u00e9")
        .field("Cache-Control", "max-age=60").field("x-amz-storage-class", "STANDARD_IA")
        .file("report.csv", "a,b").postTo(bucketUrl());

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(204);
    HeadObjectResponse head = s3.headObject(b -> b.bucket("uploads").key("report.csv"));
    assertThat(head.contentType()).isEqualTo("text/csv");
    assertThat(head.cacheControl()).isEqualTo("max-age=60");
    assertThat(head.storageClassAsString()).isEqualTo("STANDARD_IA");
    assertThat(tombstone.s3().currentObject("uploads", "report.csv").orElseThrow().metadata()
        .userMetadata()).containsExactly(Map.entry("owner", "caf\u00e9"));
  }

  @Test
  void metadataWithControlCharacters_isReadBackAsAnEncodedWord() {
    HttpResponse<String> answer = new BrowserUploadForm().field("key", "note")
        .field("x-amz-meta-bytes", "\u0000\u0001\u0002\u0003\u0004")
        .field("x-amz-meta-text", "line 1\r\nline 2").file("f", "x").postTo(bucketUrl());

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(204);
    assertThat(s3.headObject(b -> b.bucket("uploads").key("note")).metadata())
        .containsEntry("bytes", "=?UTF-8?B?AAECAwQ=?=")
        .containsEntry("text", "=?UTF-8?B?bGluZSAxDQpsaW5lIDI=?=");
  }

  @Test
  void nonAsciiHeaderField_goesOutAsItsUtf8Bytes_asARawHeaderWould() {
    String disposition = "attachment; filename=a\u2014b.pdf";

    HttpResponse<String> answer = new BrowserUploadForm().field("key", "doc")
        .field("Content-Disposition", disposition).file("f", "x").postTo(bucketUrl());

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(204);
    assertThat(s3.headObject(b -> b.bucket("uploads").key("doc")).contentDisposition()
        .getBytes(StandardCharsets.ISO_8859_1))
        .isEqualTo(disposition.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void filenameVariable_isTheFilesNameAfterItsLastSlash() {
    HttpResponse<String> answer = signed("in/${filename}", "[\"starts-with\", \"$key\", \"in/\"]")
        .file("C:\\Users\\me\\a b.txt", "x").postTo(bucketUrl());

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(204);
    assertThat(tombstone.s3().keys("uploads")).containsExactly("in/a b.txt");
    assertThat(answer.headers().firstValue("Location"))
        .hasValue(tombstone.endpoint() + "/uploads/in%2Fa%20b.txt");
  }

  @Test
  void filenameVariable_withoutAFilenameParameter_staysAsWritten() {
    HttpResponse<String> answer = new BrowserUploadForm().field("key", "raw-${filename}")
        .file(null, "x").postTo(bucketUrl());

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(204);
    assertThat(tombstone.s3().keys("uploads")).containsExactly("raw-${filename}");
  }

  @Test
  void successActionStatus201_answersAPostResponse() {
    HttpResponse<String> answer = signed("a/b.txt", "{\"key\": \"a/b.txt\"}",
        "{\"success_action_status\": \"201\"}").field("success_action_status", "201")
        .file("b.txt", "meow").postTo(bucketUrl());

    assertThat(answer.statusCode()).isEqualTo(201);
    assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/xml");
    String location = tombstone.endpoint() + "/uploads/a%2Fb.txt";
    assertThat(answer.body()).contains("<PostResponse><Location>" + location + "</Location>"
        + "<Bucket>uploads</Bucket><Key>a/b.txt</Key><ETag>&quot;"
        + "4a4be40c96ac6314e91d93f38043a634&quot;</ETag></PostResponse>");
  }

  @Test
  void successActionStatus200_answers200_andAnyOtherValue204() {
    HttpResponse<String> ok = new BrowserUploadForm().field("key", "k1")
        .field("success_action_status", "200").file("f", "x").postTo(bucketUrl());
    HttpResponse<String> other = new BrowserUploadForm().field("key", "k2")
        .field("success_action_status", "404").file("f", "x").postTo(bucketUrl());

    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(ok.body()).isEmpty();
    assertThat(other.statusCode()).isEqualTo(204);
  }

  @Test
  void successActionRedirect_answers303_appendingBucketKeyAndETag() {
    String redirect = "http://app.example/done?from=form";
    HttpResponse<String> answer = signed("a b/c.txt", "{\"key\": \"a b/c.txt\"}",
        "[\"starts-with\", \"$success_action_redirect\", \"http://app.example/\"]")
        .field("success_action_redirect", redirect).file("c.txt", "meow").postTo(bucketUrl());

    assertThat(answer.statusCode()).isEqualTo(303);
    assertThat(answer.headers().firstValue("Location")).hasValue(redirect
        + "&bucket=uploads&key=a+b%2Fc.txt&etag=%224a4be40c96ac6314e91d93f38043a634%22");
  }

  @Test
  void relativeRedirect_isNotFollowed_andTheStatusDecides() {
    HttpResponse<String> answer = new BrowserUploadForm().field("key", "k")
        .field("success_action_redirect", "/done").file("f", "x").postTo(bucketUrl());

    assertThat(answer.statusCode()).isEqualTo(204);
  }

  @Test
  void taggingDocument_tagsTheObject_andAnotherRootTagsNothing() {
    HttpResponse<String> tagged = new BrowserUploadForm().field("key", "t1")
        .field("tagging", "<Tagging><TagSet><Tag><Key>team</Key><Value>web ops</Value></Tag>"
            + "</TagSet></Tagging>").file("f", "x").postTo(bucketUrl());
    HttpResponse<String> other = new BrowserUploadForm().field("key", "t2")
        .field("tagging", "<InvalidXmlTagging></InvalidXmlTagging>").file("f", "x")
        .postTo(bucketUrl());

    assertThat(tagged.statusCode()).as(tagged.body()).isEqualTo(204);
    assertThat(s3.getObjectTagging(b -> b.bucket("uploads").key("t1")).tagSet())
        .extracting(tag -> tag.key() + "=" + tag.value()).containsExactly("team=web ops");
    assertThat(other.statusCode()).isEqualTo(204);
    assertThat(s3.getObjectTagging(b -> b.bucket("uploads").key("t2")).tagSet()).isEmpty();
  }

  @Test
  void fieldsAfterTheFile_areIgnored() {
    HttpResponse<String> answer = new BrowserUploadForm().field("key", "k").file("f", "x")
        .fieldAfterFile("Content-Type", "image/png").postTo(bucketUrl());

    assertThat(answer.statusCode()).isEqualTo(204);
    assertThat(s3.headObject(b -> b.bucket("uploads").key("k")).contentType())
        .isEqualTo("binary/octet-stream");
  }

  @Test
  void aclField_onABucketThatEnforcesOwnership_isRefusedAsPutObjectIs_andStoresNothing() {
    HttpResponse<String> answer = new BrowserUploadForm().field("key", "k")
        .field("acl", "public-read").file("f", "x").postTo(bucketUrl());

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.body()).contains("<Code>AccessControlListNotSupported</Code>");
    assertThat(tombstone.s3().keys("uploads")).isEmpty();
  }

  @Test
  void aclField_onABucketWithAcls_isStored() {
    s3.createBucket(b -> b.bucket("public").objectOwnership(ObjectOwnership.OBJECT_WRITER));
    s3.deletePublicAccessBlock(b -> b.bucket("public"));

    HttpResponse<String> answer = new BrowserUploadForm().field("key", "k")
        .field("acl", ObjectCannedACL.PUBLIC_READ.toString()).file("f", "x")
        .postTo(URI.create(tombstone.endpoint() + "/public"));

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(204);
    assertThat(s3.getObjectAcl(b -> b.bucket("public").key("k")).grants())
        .anySatisfy(grant -> assertThat(grant.grantee().uri()).endsWith("/global/AllUsers"));
  }

  @Test
  void virtualHostedBucket_answersTheObjectsUrlOnThatHost() {
    String host = "uploads.localhost:" + tombstone.port();
    BrowserUploadForm.RawAnswer answer = new BrowserUploadForm().field("key", "v/k")
        .file("f", "x").postWithHost(tombstone.port(), host, "/");

    assertThat(answer.status()).as(answer.body()).isEqualTo(204);
    assertThat(answer.headers()).containsEntry("location", "http://" + host + "/v%2Fk");
    assertThat(tombstone.s3().keys("uploads")).containsExactly("v/k");
  }
}
