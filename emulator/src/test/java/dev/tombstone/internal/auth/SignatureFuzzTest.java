package dev.tombstone.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** Fuzzes the SigV4 reader: any Authorization header, query or chunked body gets a verdict. */
class SignatureFuzzTest {
  @FuzzTest(maxDuration = "1m")
  void anySignature(FuzzedDataProvider data) {
    Verifier verifier = new Verifier(new Credentials("AKID", "SECRET"), Clock.systemUTC());
    String authorization = data.consumeString(200);
    String date = data.consumeString(20);
    String query = data.consumeString(200);
    String path = data.consumeString(60);
    byte[] body = data.consumeRemainingAsBytes();
    SignedRequest request = new SignedRequest(data.consumeBoolean() ? "s3" : "dynamodb", "PUT",
        "/" + path, query, List.of(Map.entry("Authorization", authorization),
            Map.entry("X-Amz-Date", date), Map.entry("Host", "localhost")), null);

    Verdict verdict = verifier.verify(request);

    assertThat(verdict).isNotNull();
    ChunkSigner chunks = new ChunkSigner(new byte[32], "20260101T000000Z",
        "20260101/us-east-1/s3/aws4_request", "0".repeat(64));
    assertThat(chunks.check(body, "STREAMING-AWS4-HMAC-SHA256-PAYLOAD", "AKID")).isNotNull();
    assertThat(chunks.check(body, "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER", "AKID"))
        .isNotNull();
  }
}
