package dev.tombstone.internal.auth;

import static dev.tombstone.internal.auth.StrictClients.SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.tombstone.Tombstone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Strict mode takes only an access key id that a signed request can carry. The Authorization
 * header's parameters are split on commas and blanks, the credential scope on slashes, and header
 * bytes outside printable ASCII do not come back as the characters the client meant: a key id
 * with any of them would make every request fail, so the builder refuses it (until the
 * twenty-third session only '/' and blank ids were refused; {@code AK ID} started a server that
 * answered every signed request {@code IncompleteSignatureException}).
 */
class StrictAccessKeyIdTest {

  @ParameterizedTest
  @ValueSource(strings = {"AK ID", "AK,ID", "AK/ID", "\tAKID", "AKID\n", "ÄKID", "AK\u007fID", ""})
  void aKeyIdNoSignedRequestCanCarry_isRefused(String keyId) {
    Throwable refused = catchThrowable(() -> Tombstone.builder().credentials(keyId, SECRET));

    assertThat(refused).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("accessKeyId must be printable ASCII without blanks, ',' or '/' (a SigV4"
            + " Credential cannot carry them), was '" + keyId + "'");
  }

  @Test
  void aKeyIdWithOtherPunctuation_signsDynamoDbAndS3Requests() {
    String keyId = "AK=ID+1_x.y;z-~";
    try (Tombstone tombstone = Tombstone.builder().credentials(keyId, SECRET).start();
        DynamoDbClient dynamo = StrictClients.dynamoDb(tombstone.endpoint(), keyId, SECRET);
        S3Client s3 = StrictClients.s3(tombstone.endpoint(), keyId, SECRET)) {
      assertThat(dynamo.listTables().tableNames()).isEmpty();
      s3.createBucket(b -> b.bucket("keys"));
      s3.putObject(b -> b.bucket("keys").key("k"), RequestBody.fromString("v"));

      assertThat(s3.getObjectAsBytes(b -> b.bucket("keys").key("k")).asUtf8String())
          .isEqualTo("v");
    }
  }
}
