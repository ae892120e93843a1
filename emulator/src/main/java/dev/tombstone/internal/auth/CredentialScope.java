package dev.tombstone.internal.auth;

import java.util.Optional;

/** A SigV4 credential: {@code <access key>/<yyyyMMdd>/<region>/<service>/aws4_request}. */
record CredentialScope(String accessKeyId, String date, String region, String service) {
  /** Empty unless {@code credential} has five parts, a key, and ends in aws4_request. */
  static Optional<CredentialScope> parse(String credential) {
    if (credential == null) {
      return Optional.empty();
    }
    String[] parts = credential.split("/", -1);
    if (parts.length != 5 || parts[0].isEmpty() || !parts[4].equals("aws4_request")) {
      return Optional.empty();
    }
    return Optional.of(new CredentialScope(parts[0], parts[1], parts[2], parts[3]));
  }

  /** The scope as it goes into the string to sign: everything but the access key. */
  String scope() {
    return date + "/" + region + "/" + service + "/aws4_request";
  }
}
