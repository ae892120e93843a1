package dev.tombstone.junit;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Reads the external-endpoint settings: JUnit configuration parameters first (which include
 * system properties and {@code junit-platform.properties}), then environment variables.
 */
final class ExternalEndpoint {
  static final String ENDPOINT = "tombstone.endpoint";
  static final String REGION = "tombstone.region";
  static final String ACCESS_KEY_ID = "tombstone.accessKeyId";
  static final String SECRET_ACCESS_KEY = "tombstone.secretAccessKey";
  /** The value of {@link #ENDPOINT} that means the real AWS endpoints of the region. */
  static final String AWS = "aws";

  private ExternalEndpoint() {}

  /** The external endpoint, when one is configured. */
  static Optional<Endpoint> configured(ExtensionContext ctx, String defaultRegion) {
    Optional<String> endpoint = setting(ctx, ENDPOINT);
    if (endpoint.isEmpty()) {
      return Optional.empty();
    }
    Optional<URI> uri = endpoint.get().equalsIgnoreCase(AWS)
        ? Optional.empty() : Optional.of(parse(endpoint.get()));
    Optional<String> accessKey = setting(ctx, ACCESS_KEY_ID);
    Optional<String> secretKey = setting(ctx, SECRET_ACCESS_KEY);
    if (accessKey.isPresent() != secretKey.isPresent()) {
      throw new ExtensionConfigurationException("Tombstone: set both " + ACCESS_KEY_ID + " and "
          + SECRET_ACCESS_KEY + " (or neither, to use the SDK's default credential chain)");
    }
    String region = setting(ctx, REGION).orElse(defaultRegion);
    return Optional.of(new Endpoint(uri, region, accessKey, secretKey, Optional.empty()));
  }

  private static URI parse(String text) {
    URI uri;
    try {
      uri = URI.create(text.trim());
    } catch (IllegalArgumentException e) {
      throw invalid(text);
    }
    if (uri.getScheme() == null || uri.getHost() == null
        || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
      throw invalid(text);
    }
    return uri;
  }

  private static ExtensionConfigurationException invalid(String text) {
    return new ExtensionConfigurationException("Tombstone: " + ENDPOINT + " must be an http(s) URL"
        + " such as http://127.0.0.1:4566, or \"aws\" for the real AWS endpoints; was \""
        + text + "\"");
  }

  private static Optional<String> setting(ExtensionContext ctx, String key) {
    Optional<String> value = ctx.getConfigurationParameter(key);
    if (value.isEmpty()) {
      value = Optional.ofNullable(System.getenv(environmentName(key)));
    }
    return value.map(String::trim).filter(v -> !v.isEmpty());
  }

  /** {@code tombstone.accessKeyId} becomes {@code TOMBSTONE_ACCESS_KEY_ID}. */
  static String environmentName(String key) {
    // A loop rather than a regular expression: this runs in every test JVM's first test.
    StringBuilder name = new StringBuilder(key.length() + 4);
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c == '.') {
        name.append('_');
        continue;
      }
      if (Character.isUpperCase(c) && i > 0 && Character.isLowerCase(key.charAt(i - 1))) {
        name.append('_');
      }
      name.append(Character.toUpperCase(c));
    }
    return name.toString();
  }
}
