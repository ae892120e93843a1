package dev.tombstone.internal.dynamodb.protocol;

import java.util.zip.CRC32;

/**
 * A DynamoDB JSON response: status and exact body bytes. Internal.
 *
 * @param body the bytes to send, never compressed
 */
public record JsonResponse(int status, byte[] body) {

  /** The unsigned CRC-32 of the body, for the {@code x-amz-crc32} header. */
  public long crc32() {
    CRC32 crc = new CRC32();
    crc.update(body);
    return crc.getValue();
  }
}
