package dev.tombstone.internal.dynamodb.protocol;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** SDK v2 clients at default settings, pointed at a test's emulator. */
public final class SdkClients {
  private SdkClients() {}

  public static DynamoDbClient dynamoDb(URI endpoint) {
    return builder(endpoint).build();
  }

  /** A client whose connection pool lets {@code connections} threads call at once. */
  public static DynamoDbClient dynamoDb(URI endpoint, int connections) {
    return builder(endpoint)
        .httpClientBuilder(ApacheHttpClient.builder().maxConnections(connections))
        .build();
  }

  /**
   * A client that sends each request once: the SDK retries a LimitExceededException, which
   * only makes a test of one wait.
   */
  @SuppressWarnings("deprecation") // RetryPolicy.none() is the plainest way to see one answer
  public static DynamoDbClient dynamoDbWithoutRetries(URI endpoint) {
    return builder(endpoint)
        .overrideConfiguration(o -> o.retryPolicy(
            software.amazon.awssdk.core.retry.RetryPolicy.none()))
        .build();
  }

  /** A DynamoDB Streams client. */
  public static DynamoDbStreamsClient streams(URI endpoint) {
    return DynamoDbStreamsClient.builder()
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .build();
  }

  private static software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder builder(
      URI endpoint) {
    return DynamoDbClient.builder()
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")));
  }
}
