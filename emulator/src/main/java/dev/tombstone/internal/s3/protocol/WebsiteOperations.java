package dev.tombstone.internal.s3.protocol;

import dev.tombstone.s3.BucketWebsite;
import dev.tombstone.s3.S3State;
import java.util.Optional;

/** Get/Put/DeleteBucketWebsite: stored and returned; the website endpoint is not served. */
final class WebsiteOperations {
  private final S3State state;

  WebsiteOperations(S3State state) {
    this.state = state;
  }

  S3Response get(S3Call call) {
    BucketWebsite website = state.bucketWebsite(call.bucket())
        .orElseThrow(() -> BucketDocumentErrors.noSuchWebsiteConfiguration(call.bucket()));
    return S3Response.xml(200, WebsiteDocuments.write(website));
  }

  S3Response put(S3Call call) {
    state.bucket(call.bucket());
    VerifiedBody body = RequestBodies.readDocumentWithIntegrity(call.request());
    state.putBucketWebsite(call.bucket(), Optional.of(WebsiteDocuments.read(body.content())));
    return S3Response.empty(200);
  }

  S3Response delete(S3Call call) {
    state.putBucketWebsite(call.bucket(), Optional.empty());
    return S3Response.empty(204);
  }
}
