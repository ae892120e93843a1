package dev.tombstone.internal.auth;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An Authorization header read the way AWS reads it: the scheme (its first token) and the
 * {@code name=value} pairs after it, split on commas and spaces, first one wins.
 */
record AuthorizationHeader(String value, String scheme, Map<String, String> parameters) {
  static final List<String> REQUIRED = List.of("Credential", "Signature", "SignedHeaders");

  AuthorizationHeader {
    parameters = Map.copyOf(parameters);
  }

  static AuthorizationHeader parse(String value) {
    String[] tokens = value.strip().split("[,\\s]+");
    Map<String, String> parameters = new LinkedHashMap<>();
    for (int i = 1; i < tokens.length; i++) {
      int equals = tokens[i].indexOf('=');
      if (equals > 0) {
        parameters.putIfAbsent(tokens[i].substring(0, equals), tokens[i].substring(equals + 1));
      }
    }
    // A value of only commas and spaces splits into nothing.
    return new AuthorizationHeader(value, tokens.length == 0 ? "" : tokens[0], parameters);
  }

  /** Which of Credential, Signature and SignedHeaders are absent, in that order. */
  List<String> missing() {
    List<String> missing = new ArrayList<>();
    for (String name : REQUIRED) {
      if (!parameters.containsKey(name)) {
        missing.add(name);
      }
    }
    return missing;
  }

  Optional<CredentialScope> scope() {
    return CredentialScope.parse(parameters.get("Credential"));
  }

  /** The signed header names, lower case, in the order given. */
  List<String> signedHeaders() {
    return signedHeaders(parameters.get("SignedHeaders"));
  }

  static List<String> signedHeaders(String list) {
    return Arrays.stream(list.split(";")).map(h -> h.toLowerCase(Locale.ROOT)).toList();
  }

  String signature() {
    return parameters.get("Signature");
  }
}
