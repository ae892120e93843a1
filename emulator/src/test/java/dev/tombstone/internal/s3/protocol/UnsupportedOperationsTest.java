package dev.tombstone.internal.s3.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UnsupportedOperationsTest {
  @ParameterizedTest
  @CsvSource({
      "GET, torrent, GetObjectTorrent (GET ?torrent)",
      "DELETE, metadataTable, DeleteBucketMetadataTableConfiguration (DELETE ?metadataTable)",
      "POST, select, SelectObjectContent (POST ?select)",
      "POST, metadataTable, CreateBucketMetadataTableConfiguration (POST ?metadataTable)",
      "POST, metadataConfiguration,"
          + " CreateBucketMetadataConfiguration (POST ?metadataConfiguration)",
      "PUT, metadataJournalTable,"
          + " UpdateBucketMetadataJournalTableConfiguration (PUT ?metadataJournalTable)",
      "PUT, annotation, PutObjectAnnotation (PUT ?annotation)"})
  void the501_namesTheOperationAndTheRequest(String method, String subresource, String named) {
    WireError error = UnsupportedOperations.refuse(method, subresource);

    assertThat(error.status()).isEqualTo(501);
    assertThat(error.code()).isEqualTo("NotImplemented");
    assertThat(error.getMessage()).isEqualTo("Tombstone does not implement the S3 operation "
        + named + "; see the README for the operations it serves.");
  }
}
