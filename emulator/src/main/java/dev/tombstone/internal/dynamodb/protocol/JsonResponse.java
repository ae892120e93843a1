package dev.tombstone.internal.dynamodb.protocol;

import java.util.zip.CRC32;

/**
 * A DynamoDB JSON response: status and exact body bytes. Internal.
 *
 * @param body the bytes to send, never compressed
 */
public record JsonResponse(int status, byte[] body) {
  private static final String EMPTY_OBJECT_CRC32 = Long.toString(crc32(new byte[] {'{', '}'}));

  /**
   * The unsigned CRC-32 of the body as the {@code x-amz-crc32} header's text; one kept instance
   * for {@code {}}, the usual answer.
   */
  public String crc32Text() {
    return body.length == 2 && body[0] == '{' && body[1] == '}' ? EMPTY_OBJECT_CRC32
        : Long.toString(crc32(body));
  }

  private static long crc32(byte[] bytes) {
    CRC32 crc = new CRC32();
    crc.update(bytes);
    return crc.getValue();
  }
}
