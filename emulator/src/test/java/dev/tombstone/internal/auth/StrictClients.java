package dev.tombstone.internal.auth;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** SDK v2 clients at default settings, signing with a given key pair; retries off. */
final class StrictClients {
  static final String KEY = "AKIDSTRICTEXAMPLE";
  static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYSTRICTKEY";

  private StrictClients() {}

  static StaticCredentialsProvider credentials(String key, String secret) {
    return StaticCredentialsProvider.create(AwsBasicCredentials.create(key, secret));
  }

  @SuppressWarnings("deprecation") // RetryPolicy.none() is the plainest way to see one answer
  static DynamoDbClient dynamoDb(URI endpoint, String key, String secret) {
    return DynamoDbClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
        .credentialsProvider(credentials(key, secret))
        .overrideConfiguration(o -> o.retryPolicy(RetryPolicy.none())).build();
  }

  @SuppressWarnings("deprecation")
  static S3Client s3(URI endpoint, String key, String secret) {
    return S3Client.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
        .forcePathStyle(true).credentialsProvider(credentials(key, secret))
        .overrideConfiguration(o -> o.retryPolicy(RetryPolicy.none())).build();
  }

  static S3Presigner presigner(URI endpoint) {
    return S3Presigner.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
        .credentialsProvider(credentials(KEY, SECRET))
        .serviceConfiguration(software.amazon.awssdk.services.s3.S3Configuration.builder()
            .pathStyleAccessEnabled(true).build())
        .build();
  }
}
