package dev.tombstone.internal.s3.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

/** {@code POST ?restore} is RestoreObject: routed, and nameable in fault rules. */
class RestoreRoutingTest {
  @Test
  void postRestore_isRestoreObject_onTheKey() {
    assertThat(S3RequestNames.of("POST", "localhost", "/vault/g.txt", "restore", false))
        .contains(new S3RequestNames.Named("RestoreObject", "vault", "g.txt"));
    assertThat(S3RequestNames.keyedOperationNames()).contains("RestoreObject");
  }

  @Test
  void otherMethods_onRestore_areNotAllowed() {
    WireError refused = catchThrowableOfType(() -> Routes.select("GET",
        Addressing.resolve("localhost", "/vault/g.txt"), QueryParameters.parse("restore")),
        WireError.class);

    assertThat(refused.status()).isEqualTo(405);
  }
}
