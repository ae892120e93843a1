package dev.tombstone.internal.s3.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The {@code x-amz-server-side-encryption-context} header S3 takes on KMS writes: Base64 of a
 * UTF-8 JSON object whose values are all strings.
 */
final class EncryptionContexts {
  private static final JsonFactory FACTORY = new JsonFactory();

  private EncryptionContexts() {}

  /** @throws WireError InvalidArgument with S3's text when {@code value} is not such a map */
  static void check(String value) {
    if (!isStringMap(value.trim())) {
      throw WireError.invalidArgument("The header '" + EncryptionHeaders.CONTEXT + "' shall be"
          + " Base64-encoded UTF-8 string holding JSON which represents a string-string map",
          EncryptionHeaders.CONTEXT, value);
    }
  }

  private static boolean isStringMap(String base64) {
    String json;
    try {
      byte[] bytes = Base64.getDecoder().decode(base64);
      json = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
    } catch (IllegalArgumentException | CharacterCodingException e) {
      return false;
    }
    try (JsonParser parser = FACTORY.createParser(json)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return false;
      }
      for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT;
          token = parser.nextToken()) {
        if (token != JsonToken.FIELD_NAME || parser.nextToken() != JsonToken.VALUE_STRING) {
          return false;
        }
      }
      return parser.nextToken() == null;
    } catch (IOException e) {
      return false;
    }
  }
}
