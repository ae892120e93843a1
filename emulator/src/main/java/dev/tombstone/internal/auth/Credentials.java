package dev.tombstone.internal.auth;

import java.util.Objects;

/** The one key pair strict mode accepts. */
public record Credentials(String accessKeyId, String secretAccessKey) {
  public Credentials {
    Objects.requireNonNull(accessKeyId, "accessKeyId");
    Objects.requireNonNull(secretAccessKey, "secretAccessKey");
  }

  @Override
  public String toString() {
    return "Credentials[" + accessKeyId + ", secret hidden]";
  }
}
