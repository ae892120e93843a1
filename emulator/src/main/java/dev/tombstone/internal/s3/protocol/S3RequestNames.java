package dev.tombstone.internal.s3.protocol;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Names an S3 request the way AWS does ({@code DeleteObject}, {@code DeleteObjects} ...) with its
 * bucket and key, by the same routing the protocol uses, for layers in front of it (faults).
 * Internal.
 */
public final class S3RequestNames {
  private S3RequestNames() {}

  /**
   * An addressed S3 request.
   *
   * @param operation the AWS operation name, e.g. {@code DeleteObjects}
   * @param bucket empty for ListBuckets
   * @param key the decoded object key; empty unless an object is addressed
   */
  public record Named(String operation, String bucket, String key) {}

  /** The request's name; empty when the protocol would refuse it before any operation. */
  public static Optional<Named> of(String method, String host, String rawPath, String rawQuery) {
    try {
      Resource resource = Addressing.resolve(host == null ? "" : host, rawPath);
      Operation operation =
          Routes.select(method, resource, QueryParameters.parse(rawQuery == null ? "" : rawQuery));
      return Optional.of(new Named(awsName(operation), resource.bucket(), resource.key()));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The names of every operation the protocol routes, e.g. {@code DeleteObjects}. */
  public static Set<String> operationNames() {
    Set<String> names = new TreeSet<>();
    for (Operation operation : Operation.values()) {
      names.add(awsName(operation));
    }
    return names;
  }

  /** {@code LIST_OBJECTS_V2} becomes {@code ListObjectsV2}. */
  static String awsName(Operation operation) {
    StringBuilder name = new StringBuilder();
    for (String part : operation.name().split("_")) {
      name.append(part.charAt(0)).append(part.substring(1).toLowerCase(Locale.ROOT));
    }
    return name.toString();
  }
}
