package dev.tombstone.internal.s3.protocol;

import dev.tombstone.Tombstone;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;

/** SDK clients at default settings, pointed at an emulator, path-style. */
public final class SdkClients {
  private static final StaticCredentialsProvider CREDENTIALS =
      StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "y"));

  private SdkClients() {}

  public static S3Client sync(Tombstone tombstone) {
    return S3Client.builder()
        .endpointOverride(tombstone.endpoint())
        .region(Region.US_EAST_1)
        .forcePathStyle(true)
        .credentialsProvider(CREDENTIALS)
        .build();
  }

  public static S3AsyncClient async(Tombstone tombstone) {
    return S3AsyncClient.builder()
        .endpointOverride(tombstone.endpoint())
        .region(Region.US_EAST_1)
        .forcePathStyle(true)
        .credentialsProvider(CREDENTIALS)
        .build();
  }
}
