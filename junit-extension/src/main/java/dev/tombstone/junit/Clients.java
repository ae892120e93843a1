package dev.tombstone.junit;

import java.util.Set;
import java.util.function.Function;

/**
 * Which AWS SDK client types can be injected. Knows them by name only, so this class, and the
 * extension, load without the SDK; {@link SdkClients} touches the SDK and is loaded only when a
 * client is actually requested.
 */
final class Clients {
  static final String DYNAMODB = "software.amazon.awssdk.services.dynamodb.DynamoDbClient";
  static final String DYNAMODB_ASYNC =
      "software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient";
  static final String DYNAMODB_STREAMS =
      "software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient";
  static final String S3 = "software.amazon.awssdk.services.s3.S3Client";
  static final String S3_ASYNC = "software.amazon.awssdk.services.s3.S3AsyncClient";
  static final String S3_PRESIGNER = "software.amazon.awssdk.services.s3.presigner.S3Presigner";
  static final String ENHANCED = "software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient";
  static final String ENHANCED_ASYNC =
      "software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedAsyncClient";
  private static final Set<String> TYPES = Set.of(DYNAMODB, DYNAMODB_ASYNC, DYNAMODB_STREAMS,
      S3, S3_ASYNC, S3_PRESIGNER, ENHANCED, ENHANCED_ASYNC);

  private Clients() {}

  /** Whether {@code type} is a client type (the test names it, so the SDK is present). */
  static boolean isClientType(Class<?> type) {
    return TYPES.contains(type.getName());
  }

  /**
   * A new client of {@code type} for {@code endpoint}; {@code dependency} supplies the shared
   * low-level client an enhanced client wraps.
   */
  static Object create(Class<?> type, Endpoint endpoint, Function<Class<?>, Object> dependency) {
    return SdkClients.create(type.getName(), endpoint, dependency);
  }

  /** Whether a class is visible to the extension, without initialising it. */
  static boolean isPresent(String className) {
    try {
      Class.forName(className, false, Clients.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }
}
