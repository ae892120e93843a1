package dev.tombstone.internal.s3.protocol;

import static dev.tombstone.internal.s3.protocol.SdkCustomerKeysTest.BUCKET;
import static dev.tombstone.internal.s3.protocol.SdkCustomerKeysTest.KEY;
import static dev.tombstone.internal.s3.protocol.SdkCustomerKeysTest.KEY_MD5;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.Tombstone;
import dev.tombstone.s3.ObjectEncryption;
import dev.tombstone.testing.BrowserUploadForm;
import dev.tombstone.testing.RunningTombstone;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Malformed SSE-C headers, which the SDKs do not send, on raw HTTP: S3's codes, messages and
 * order, and nothing written.
 */
class CustomerKeyHeadersHttpTest {
  private static final String ALGORITHM = "x-amz-server-side-encryption-customer-algorithm";
  private static final String CUSTOMER_KEY = "x-amz-server-side-encryption-customer-key";
  private static final String CUSTOMER_MD5 = "x-amz-server-side-encryption-customer-key-MD5";
  private static final byte[] SHORT = new byte[24];
  private static final String SHORT_KEY = Base64.getEncoder().encodeToString(SHORT);
  private static final String PREFIX = "Requests specifying Server Side Encryption with Customer"
      + " provided keys must provide ";

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  private final Tombstone tombstone = server.tombstone();
  private final S3Client s3 = server.s3();
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void unblockedBucket() {
    s3.createBucket(b -> b.bucket(BUCKET));
    SdkCustomerKeysTest.allowCustomerKeys(s3, BUCKET);
  }

  private HttpResponse<String> send(String method, String key, String... headers)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(
        URI.create(tombstone.endpoint() + "/" + BUCKET + "/" + key))
        .method(method, method.equals("PUT") ? HttpRequest.BodyPublishers.ofString("x")
            : HttpRequest.BodyPublishers.noBody());
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private void assertRefused(HttpResponse<String> response, String code, String message) {
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("<Code>" + code + "</Code>")
        .contains("<Message>" + message + "</Message>")
        .contains("<ArgumentName>x-amz-server-side-encryption</ArgumentName>");
  }

  @Test
  void eachMalformedWrite_getsS3sError_inS3sOrder_andWritesNothing() throws Exception {
    assertRefused(send("PUT", "k", CUSTOMER_KEY, KEY, CUSTOMER_MD5, KEY_MD5),
        "InvalidArgument", PREFIX + "a valid encryption algorithm.");
    assertRefused(send("PUT", "k", CUSTOMER_MD5, KEY_MD5),
        "InvalidArgument", PREFIX + "a valid encryption algorithm.");
    HttpResponse<String> aes128 = send("PUT", "k", ALGORITHM, "AES128", CUSTOMER_KEY, KEY);
    assertRefused(aes128, "InvalidEncryptionAlgorithmError",
        "The Encryption request you specified is not valid. Supported value: AES256.");
    assertThat(aes128.body()).contains("<ArgumentValue>AES128</ArgumentValue>");
    assertRefused(send("PUT", "k", ALGORITHM, "AES256"),
        "InvalidArgument", PREFIX + "an appropriate secret key.");
    assertRefused(send("PUT", "k", ALGORITHM, "AES256", CUSTOMER_KEY, KEY),
        "InvalidArgument", PREFIX + "the client calculated MD5 of the secret key.");
    assertRefused(send("PUT", "k", ALGORITHM, "AES256", CUSTOMER_KEY, "not*base64"),
        "InvalidArgument", PREFIX + "the client calculated MD5 of the secret key.");
    assertRefused(send("PUT", "k", ALGORITHM, "AES256", CUSTOMER_KEY, KEY, CUSTOMER_MD5, " "),
        "InvalidArgument", PREFIX + "the client calculated MD5 of the secret key.");
    assertRefused(send("PUT", "k", ALGORITHM, "AES256", CUSTOMER_KEY, "not*base64",
        CUSTOMER_MD5, KEY_MD5),
        "InvalidArgument", "The secret key was invalid for the specified algorithm.");
    // The MD5 is checked before the length.
    assertRefused(send("PUT", "k", ALGORITHM, "AES256", CUSTOMER_KEY, SHORT_KEY,
        CUSTOMER_MD5, KEY_MD5), "InvalidArgument",
        "The calculated MD5 hash of the key did not match the hash that was provided.");
    assertRefused(send("PUT", "k", ALGORITHM, "AES256", CUSTOMER_KEY, SHORT_KEY,
        CUSTOMER_MD5, CustomerKeys.md5(SHORT)), "InvalidArgument",
        "The secret key was invalid for the specified algorithm.");
    HttpResponse<String> both = send("PUT", "k", "x-amz-server-side-encryption", "AES256",
        ALGORITHM, "AES256", CUSTOMER_KEY, KEY, CUSTOMER_MD5, KEY_MD5);
    assertRefused(both, "InvalidArgument", "Server Side Encryption with Customer provided key"
        + " is incompatible with the encryption method specified");
    assertThat(both.body()).contains("<ArgumentValue>AES256</ArgumentValue>");

    assertThat(tombstone.s3().currentObject(BUCKET, "k")).isEmpty();
  }

  @Test
  void everyWriteWithoutTheMd5_isRefused_butAReadWithoutItIsServed() throws Exception {
    String upload = s3.createMultipartUpload(b -> b.bucket(BUCKET).key("m")
        .sseCustomerAlgorithm("AES256").sseCustomerKey(KEY).sseCustomerKeyMD5(KEY_MD5))
        .uploadId();
    s3.putObject(b -> b.bucket(BUCKET).key("k").sseCustomerAlgorithm("AES256")
        .sseCustomerKey(KEY).sseCustomerKeyMD5(KEY_MD5), RequestBody.fromString("x"));
    String missing = PREFIX + "the client calculated MD5 of the secret key.";

    assertRefused(send("PUT", "other", ALGORITHM, "AES256", CUSTOMER_KEY, KEY),
        "InvalidArgument", missing);
    assertRefused(send("POST", "other?uploads", ALGORITHM, "AES256", CUSTOMER_KEY, KEY),
        "InvalidArgument", missing);
    assertRefused(send("PUT", "other", "x-amz-copy-source", "/" + BUCKET + "/k",
        "x-amz-copy-source-server-side-encryption-customer-algorithm", "AES256",
        "x-amz-copy-source-server-side-encryption-customer-key", KEY,
        ALGORITHM, "AES256", CUSTOMER_KEY, KEY), "InvalidArgument", missing);
    assertRefused(send("PUT", "m?partNumber=1&uploadId=" + upload, ALGORITHM, "AES256",
        CUSTOMER_KEY, KEY), "InvalidArgument", missing);
    HttpResponse<String> get = send("GET", "k", ALGORITHM, "AES256", CUSTOMER_KEY, KEY);
    HttpResponse<String> shortRead = send("GET", "k", ALGORITHM, "AES256",
        CUSTOMER_KEY, SHORT_KEY);
    HttpResponse<String> malformedHead = send("HEAD", "k", ALGORITHM, "AES128",
        CUSTOMER_KEY, KEY);

    assertThat(tombstone.s3().currentObject(BUCKET, "other")).isEmpty();
    assertThat(tombstone.s3().multipartUploads(BUCKET)).hasSize(1);
    assertThat(s3.listParts(b -> b.bucket(BUCKET).key("m").uploadId(upload)).parts()).isEmpty();
    assertThat(get.statusCode()).isEqualTo(200);
    assertThat(get.body()).isEqualTo("x");
    assertThat(get.headers().firstValue(CUSTOMER_MD5)).contains(KEY_MD5);
    assertThat(shortRead.statusCode()).isEqualTo(403);
    assertThat(shortRead.body()).contains("<Code>AccessDenied</Code>");
    assertThat(malformedHead.statusCode()).isEqualTo(400);
    assertThat(malformedHead.body()).isEmpty();
  }

  @Test
  void aBrowserUpload_takesSseCFields_andIsRefusedOnABlockedBucket() {
    s3.createBucket(b -> b.bucket("blocked-posts"));
    BrowserUploadForm form = new BrowserUploadForm().field("key", "k")
        .field(ALGORITHM, "AES256").field(CUSTOMER_KEY, KEY).field(CUSTOMER_MD5, KEY_MD5)
        .file("f", "x");

    HttpResponse<String> blocked =
        form.postTo(URI.create(tombstone.endpoint() + "/blocked-posts"));
    HttpResponse<String> taken = form.postTo(URI.create(tombstone.endpoint() + "/" + BUCKET));

    assertThat(blocked.statusCode()).isEqualTo(403);
    assertThat(blocked.body()).contains("<Code>AccessDenied</Code>");
    assertThat(tombstone.s3().currentObject("blocked-posts", "k")).isEmpty();
    assertThat(taken.statusCode()).as(taken.body()).isEqualTo(204);
    assertThat(tombstone.s3().currentObject(BUCKET, "k").orElseThrow().metadata().encryption())
        .isEqualTo(ObjectEncryption.customerKey(KEY_MD5));
  }
}
