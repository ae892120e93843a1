package dev.tombstone.internal.dynamodb.protocol;

/**
 * A MagnetoDB REST response: status and JSON body bytes. Internal.
 *
 * @param body the bytes to send as {@code application/json}
 */
public record MagnetoDbResponse(int status, byte[] body) {}
