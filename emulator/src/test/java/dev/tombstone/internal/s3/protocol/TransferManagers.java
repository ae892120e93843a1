package dev.tombstone.internal.s3.protocol;

import dev.tombstone.Tombstone;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.transfer.s3.S3TransferManager;

/**
 * The two S3 Transfer Managers the SDK's own integration tests run, pointed at one emulator:
 * one over the Java multipart client, one over the CRT client. Close to close both clients.
 */
final class TransferManagers implements AutoCloseable {
  private static final StaticCredentialsProvider CREDENTIALS =
      StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "y"));
  private static final long MIB = 1024 * 1024;

  private final S3AsyncClient javaClient;
  private final S3AsyncClient crtClient;
  private final S3TransferManager java;
  private final S3TransferManager crt;

  TransferManagers(Tombstone tombstone) {
    javaClient = S3AsyncClient.builder().endpointOverride(tombstone.endpoint())
        .region(Region.US_EAST_1).forcePathStyle(true).credentialsProvider(CREDENTIALS)
        .multipartEnabled(true)
        .multipartConfiguration(c -> c.minimumPartSizeInBytes(5 * MIB).thresholdInBytes(8 * MIB))
        .build();
    crtClient = S3AsyncClient.crtBuilder().endpointOverride(tombstone.endpoint())
        .region(Region.US_EAST_1).forcePathStyle(true).credentialsProvider(CREDENTIALS)
        .minimumPartSizeInBytes(5 * MIB).thresholdInBytes(8 * MIB).build();
    java = S3TransferManager.builder().s3Client(javaClient).build();
    crt = S3TransferManager.builder().s3Client(crtClient).build();
  }

  S3TransferManager java() {
    return java;
  }

  List<S3TransferManager> both() {
    return List.of(java, crt);
  }

  @Override
  public void close() {
    java.close();
    crt.close();
    javaClient.close();
    crtClient.close();
  }
}
