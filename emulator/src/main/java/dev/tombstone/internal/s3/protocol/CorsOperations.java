package dev.tombstone.internal.s3.protocol;

import dev.tombstone.s3.CorsRule;
import dev.tombstone.s3.S3State;
import java.util.List;
import java.util.Optional;

/** Get/Put/DeleteBucketCors; {@link CorsRequests} applies the rules to requests. */
final class CorsOperations {
  private final S3State state;

  CorsOperations(S3State state) {
    this.state = state;
  }

  S3Response get(S3Call call) {
    List<CorsRule> rules = state.bucketCors(call.bucket())
        .orElseThrow(() -> BucketDocumentErrors.noSuchCorsConfiguration(call.bucket()));
    return S3Response.xml(200, CorsDocuments.write(rules));
  }

  S3Response put(S3Call call) {
    state.bucket(call.bucket());
    VerifiedBody body = RequestBodies.readDocumentWithIntegrity(call.request());
    state.putBucketCors(call.bucket(), Optional.of(CorsDocuments.read(body.content())));
    return S3Response.empty(200);
  }

  S3Response delete(S3Call call) {
    state.putBucketCors(call.bucket(), Optional.empty());
    return S3Response.empty(204);
  }
}
