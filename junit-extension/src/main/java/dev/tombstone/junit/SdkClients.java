package dev.tombstone.junit;

import java.util.function.Function;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsAsyncClientBuilder;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedAsyncClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;

/** Builds SDK clients for an endpoint. Loaded only when the SDK is on the classpath. */
final class SdkClients {
  private SdkClients() {}

  static Object create(String type, Endpoint endpoint, Function<Class<?>, Object> dependency) {
    switch (type) {
      case Clients.DYNAMODB:
        return sync(DynamoDbClient.builder(), endpoint).build();
      case Clients.DYNAMODB_ASYNC:
        return async(DynamoDbAsyncClient.builder(), endpoint).build();
      case Clients.DYNAMODB_STREAMS:
        return sync(DynamoDbStreamsClient.builder(), endpoint).build();
      case Clients.S3:
        return sync(S3Client.builder(), endpoint).forcePathStyle(true).build();
      case Clients.S3_ASYNC:
        return async(S3AsyncClient.builder(), endpoint).forcePathStyle(true).build();
      case Clients.S3_PRESIGNER:
        return Presigners.s3(endpoint);
      case Clients.ENHANCED:
        // Wraps the injected DynamoDbClient, which the extension stores and closes.
        return DynamoDbEnhancedClient.builder()
            .dynamoDbClient((DynamoDbClient) dependency.apply(DynamoDbClient.class)).build();
      case Clients.ENHANCED_ASYNC:
        return DynamoDbEnhancedAsyncClient.builder()
            .dynamoDbClient((DynamoDbAsyncClient) dependency.apply(DynamoDbAsyncClient.class))
            .build();
      default:
        throw new IllegalArgumentException("not a client type: " + type);
    }
  }

  private static <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B sync(
      B builder, Endpoint endpoint) {
    HttpClients.sync().ifPresent(builder::httpClientBuilder);
    return configure(builder, endpoint);
  }

  private static <B extends AwsClientBuilder<B, ?> & AwsAsyncClientBuilder<B, ?>> B async(
      B builder, Endpoint endpoint) {
    HttpClients.async().ifPresent(builder::httpClientBuilder);
    return configure(builder, endpoint);
  }

  private static <B extends AwsClientBuilder<B, ?>> B configure(B builder, Endpoint endpoint) {
    endpoint.uri().ifPresent(builder::endpointOverride);
    return builder.region(Region.of(endpoint.region())).credentialsProvider(credentials(endpoint));
  }

  static AwsCredentialsProvider credentials(Endpoint endpoint) {
    if (endpoint.accessKeyId().isPresent()) {
      return StaticCredentialsProvider.create(AwsBasicCredentials.create(
          endpoint.accessKeyId().get(), endpoint.secretAccessKey().orElseThrow()));
    }
    return DefaultCredentialsProvider.builder().build();
  }
}
