package dev.tombstone.internal.s3.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.Tombstone;
import dev.tombstone.testing.RunningTombstone;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A request document whose bytes are not UTF-8 is MalformedXML, as before, but no longer makes
 * the JDK's XML parser print "[Fatal Error]" on the server's standard error.
 */
class MalformedUtf8DocumentTest {
  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  final Tombstone tombstone = server.tombstone();

  @Test
  void deleteObjects_andVersioning_withBytesThatAreNotUtf8_areMalformedXml_silently()
      throws Exception {
    tombstone.s3().createBucket("docs");
    tombstone.s3().putObject("docs", "caf\u00e9", "kept");
    byte[] delete = "<Delete><Object><Key>caf\u00e9</Key></Object></Delete>"
        .getBytes(StandardCharsets.ISO_8859_1); // é as one byte: not UTF-8
    byte[] versioning = ("<VersioningConfiguration><Status>Enabled\u00e9</Status>"
        + "</VersioningConfiguration>").getBytes(StandardCharsets.ISO_8859_1);

    ByteArrayOutputStream console = new ByteArrayOutputStream();
    PrintStream original = System.err;
    HttpResponse<String> deleted;
    HttpResponse<String> versioned;
    System.setErr(new PrintStream(console, true, StandardCharsets.UTF_8));
    try {
      deleted = send("POST", "/docs?delete", delete);
      versioned = send("PUT", "/docs?versioning", versioning);
    } finally {
      System.setErr(original);
    }

    RawBucketRequests.assertError(deleted, 400, "MalformedXML",
        "The XML you provided was not well-formed or did not validate against our published"
            + " schema");
    assertThat(versioned.statusCode()).as(versioned.body()).isEqualTo(400);
    assertThat(versioned.body()).contains("<Code>MalformedXML</Code>");
    assertThat(console.toString(StandardCharsets.UTF_8)).doesNotContain("Fatal Error");
    assertThat(tombstone.s3().keys("docs")).containsExactly("caf\u00e9");
  }

  HttpResponse<String> send(String method, String path, byte[] body) throws Exception {
    String md5 = Base64.getEncoder().encodeToString(
        MessageDigest.getInstance("MD5").digest(body));
    return HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(tombstone.endpoint() + path))
            .header("Content-MD5", md5)
            .method(method, HttpRequest.BodyPublishers.ofByteArray(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
