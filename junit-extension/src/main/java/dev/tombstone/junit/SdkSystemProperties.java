package dev.tombstone.junit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Points the AWS SDK's own system properties at the endpoint for one test, so clients the code
 * under test builds itself ({@code DynamoDbClient.create()}) reach it; restores every previous
 * value when the test's store closes.
 */
final class SdkSystemProperties implements AutoCloseable {
  static final String ENDPOINT = "aws.endpointUrl";
  // Service-specific settings outrank the global one (also as environment variables), so they
  // are set too: an AWS_ENDPOINT_URL_DYNAMODB on a developer's machine must not win.
  static final String ENDPOINT_DYNAMODB = "aws.endpointUrlDynamoDb";
  static final String ENDPOINT_S3 = "aws.endpointUrlS3";
  static final String REGION = "aws.region";
  static final String ACCESS_KEY_ID = "aws.accessKeyId";
  static final String SECRET_ACCESS_KEY = "aws.secretAccessKey";
  static final String SESSION_TOKEN = "aws.sessionToken";

  private final Map<String, Optional<String>> previous;

  private SdkSystemProperties(Map<String, Optional<String>> previous) {
    this.previous = previous;
  }

  static SdkSystemProperties apply(ExtensionContext ctx, Endpoint endpoint) {
    requireExclusiveAccess(ctx);
    Map<String, Optional<String>> values = new LinkedHashMap<>();
    endpoint.uri().ifPresent(uri -> {
      values.put(ENDPOINT, Optional.of(uri.toString()));
      values.put(ENDPOINT_DYNAMODB, Optional.of(uri.toString()));
      values.put(ENDPOINT_S3, Optional.of(uri.toString()));
    });
    values.put(REGION, Optional.of(endpoint.region()));
    if (endpoint.accessKeyId().isPresent()) {
      values.put(ACCESS_KEY_ID, endpoint.accessKeyId());
      values.put(SECRET_ACCESS_KEY, endpoint.secretAccessKey());
      values.put(SESSION_TOKEN, Optional.empty());
    }
    Map<String, Optional<String>> previous = new LinkedHashMap<>();
    values.keySet().forEach(key -> previous.put(key, Optional.ofNullable(System.getProperty(key))));
    set(values);
    return new SdkSystemProperties(previous);
  }

  @Override
  public void close() {
    set(previous);
  }

  private static void set(Map<String, Optional<String>> values) {
    values.forEach((key, value) -> {
      if (value.isPresent()) {
        System.setProperty(key, value.get());
      } else {
        System.clearProperty(key);
      }
    });
  }

  /**
   * System properties are global to the JVM: a test that may run concurrently with others must
   * hold JUnit's lock on them, or another test's properties would be replaced mid-test.
   */
  private static void requireExclusiveAccess(ExtensionContext ctx) {
    boolean concurrent = false;
    boolean locked = false;
    for (Optional<ExtensionContext> c = Optional.of(ctx); c.isPresent();
        c = c.get().getParent()) {
      if (c.get().getParent().isEmpty()) {
        break;
      }
      concurrent |= c.get().getExecutionMode() == ExecutionMode.CONCURRENT;
      locked |= c.get().getElement().map(element -> AnnotationSupport
          .findRepeatableAnnotations(element, ResourceLock.class).stream()
          .anyMatch(lock -> lock.value().equals(Resources.SYSTEM_PROPERTIES)
              && lock.mode() == ResourceAccessMode.READ_WRITE)).orElse(false);
    }
    if (concurrent && !locked) {
      throw new ExtensionConfigurationException("Tombstone: sdkSystemProperties sets JVM-wide"
          + " system properties, but " + ctx.getDisplayName() + " may run concurrently with"
          + " other tests; annotate its class with @ResourceLock(Resources.SYSTEM_PROPERTIES)"
          + " or @Execution(ExecutionMode.SAME_THREAD)");
    }
  }
}
