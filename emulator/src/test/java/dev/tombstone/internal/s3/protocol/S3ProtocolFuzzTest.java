package dev.tombstone.internal.s3.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tombstone.s3.ObjectContent;
import dev.tombstone.s3.S3State;
import dev.tombstone.s3.Versioning;
import dev.tombstone.testing.FuzzTime;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Fuzzes the S3 REST protocol below HTTP (addressing, percent-decoding, routing, the XML
 * readers, aws-chunked framing, checksums) and its parsers one by one. Invariants: no 500,
 * bounded time, only the documented exceptions, and a refused request changes nothing.
 */
class S3ProtocolFuzzTest {
  private static final List<String> METHODS =
      List.of("GET", "PUT", "POST", "DELETE", "HEAD", "PATCH");
  private static final List<String> QUERIES = List.of("", "delete", "versioning", "versions",
      "uploads", "list-type=2", "uploadId=", "partNumber=1&uploadId=", "versionId=",
      "location", "tagging");
  private static final List<String> HEADER_NAMES = List.of("Content-MD5",
      "x-amz-content-sha256", "Content-Encoding", "x-amz-decoded-content-length",
      "x-amz-checksum-crc32", "x-amz-sdk-checksum-algorithm", "x-amz-trailer", "Range",
      "If-Match", "If-None-Match", "x-amz-expected-bucket-owner", "x-amz-meta-a",
      "Content-Type", "x-amz-bypass-governance-retention", "x-amz-mfa", "x-amz-storage-class");

  private static S3State seeded() {
    S3State state = new S3State("us-east-1", Clock.systemUTC());
    state.createBucket("bkt");
    state.setVersioning("bkt", Versioning.ENABLED);
    state.putObject("bkt", "k", "v1");
    state.putObject("bkt", "k", "v2");
    state.createBucket("plain");
    state.putObject("plain", "a/b", "x");
    return state;
  }

  private static String snapshot(S3State state) {
    StringBuilder out = new StringBuilder();
    for (String bucket : state.bucketNames()) {
      out.append(bucket).append(state.versioning(bucket)).append(state.multipartUploads(bucket));
      for (String key : state.keys(bucket)) {
        out.append(key).append(state.versions(bucket, key));
      }
    }
    return out.toString();
  }

  @FuzzTest(maxDuration = "1m")
  @DictionaryFile(resourcePath = "s3-request.dict")
  @DictionaryFile(resourcePath = "s3-documents.dict")
  void anyRequest(FuzzedDataProvider data) {
    S3State state = seeded();
    String method = data.pickValue(METHODS);
    String host = data.consumeBoolean() ? "localhost" : data.consumeString(30);
    String path = data.consumeString(60);
    String query = data.pickValue(QUERIES)
        + (data.consumeBoolean() ? "&" + data.consumeString(40) : "");
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    int count = data.consumeInt(0, 4);
    for (int i = 0; i < count; i++) {
      headers.add(Map.entry(data.pickValue(HEADER_NAMES), data.consumeString(80)));
    }
    byte[] body = data.consumeRemainingAsBytes();
    headers.add(Map.entry("Content-Length", Integer.toString(body.length)));
    String before = snapshot(state);

    S3Response response = FuzzTime.bounded(() -> new S3Protocol(state).handle(
        new RestRequest(method, host, "/" + path, query, RequestHeaders.of(headers), body.length,
            () -> new ByteArrayInputStream(body)),
        new ResponseIds("R", "H")));

    assertThat(response.status()).as("%s %s?%s %s", method, path, query, headers)
        .matches(status -> status < 500 || status == 501, "below 500, or 501 NotImplemented");
    if (response.status() >= 300) {
      assertThat(snapshot(state)).as("state after a refused request").isEqualTo(before);
    }
  }

  @FuzzTest(maxDuration = "1m")
  @DictionaryFile(resourcePath = "s3-documents.dict")
  void requestDocuments(byte[] document) {
    ObjectContent content = ObjectContent.of(document);
    // Whatever the DeleteObjects scanner accepts, the full parser must read the same way.
    DeleteDocumentScanner.scan(document).ifPresent(scanned ->
        assertThat(RequestDocuments.parseDelete(content)).isEqualTo(scanned));
    for (Runnable parse : List.<Runnable>of(
        () -> RequestDocuments.delete(content),
        () -> RequestDocuments.versioning(content),
        () -> RequestDocuments.locationConstraint(content))) {
      try {
        parse.run();
      } catch (WireError expected) {
        assertThat(expected.kind()).isIn(WireError.Kind.MALFORMED_XML,
            WireError.Kind.INVALID_ARGUMENT, WireError.Kind.INVALID_REQUEST,
            WireError.Kind.MAX_MESSAGE_LENGTH_EXCEEDED,
            WireError.Kind.ILLEGAL_VERSIONING_CONFIGURATION);
      } catch (dev.tombstone.s3.S3Error expected) {
        // A domain refusal (e.g. an invalid location constraint) is a documented answer too.
      }
    }
  }

  @FuzzTest(maxDuration = "1m")
  void awsChunked(byte[] framed) {
    try {
      AwsChunkedDecoder.decode(new ByteArrayInputStream(framed), new ByteArrayOutputStream());
    } catch (WireError expected) {
      assertThat(expected.kind()).isIn(WireError.Kind.INCOMPLETE_BODY,
          WireError.Kind.MALFORMED_TRAILER, WireError.Kind.INVALID_REQUEST,
          WireError.Kind.INVALID_ARGUMENT);
    } catch (IOException expected) {
      // A broken body: the documented outcome of a truncated stream.
    }
  }

  @FuzzTest(maxDuration = "1m")
  void addressingAndPercentDecoding(FuzzedDataProvider data) {
    String host = data.consumeString(60);
    String path = data.consumeRemainingAsString();
    try {
      PercentDecoding.decode(path);
    } catch (WireError expected) {
      assertThat(expected.kind()).isEqualTo(WireError.Kind.INVALID_URI);
    }
    try {
      Addressing.resolve(host, "/" + path);
    } catch (WireError expected) {
      assertThat(expected.kind()).isIn(WireError.Kind.INVALID_URI,
          WireError.Kind.INVALID_REQUEST, WireError.Kind.INVALID_ARGUMENT);
    }
  }
}
