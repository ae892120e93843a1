package dev.tombstone.junit;

import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Builds the injected {@code S3Presigner}: the injected {@code S3Client}'s endpoint, region and
 * credentials, path-style. A class of its own so that nothing else loads the presigner's types.
 */
final class Presigners {
  private Presigners() {}

  static S3Presigner s3(Endpoint endpoint) {
    S3Presigner.Builder builder = S3Presigner.builder()
        .region(Region.of(endpoint.region()))
        .credentialsProvider(SdkClients.credentials(endpoint))
        .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build());
    endpoint.uri().ifPresent(builder::endpointOverride);
    return builder.build();
  }
}
