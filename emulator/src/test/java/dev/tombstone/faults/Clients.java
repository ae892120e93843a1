package dev.tombstone.faults;

import dev.tombstone.Tombstone;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/** SDK v2 clients at default settings, retry policy included. */
final class Clients {
  private static final StaticCredentialsProvider CREDENTIALS =
      StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));

  private Clients() {}

  static DynamoDbClient dynamoDb(Tombstone tombstone) {
    return DynamoDbClient.builder().endpointOverride(tombstone.endpoint())
        .region(Region.US_EAST_1).credentialsProvider(CREDENTIALS).build();
  }

  static S3Client s3(Tombstone tombstone) {
    return S3Client.builder().endpointOverride(tombstone.endpoint()).region(Region.US_EAST_1)
        .forcePathStyle(true).credentialsProvider(CREDENTIALS).build();
  }
}
