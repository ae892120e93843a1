package dev.tombstone.internal.s3.protocol;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Names an S3 request the way AWS does ({@code DeleteObject}, {@code DeleteObjects} ...) with its
 * bucket and key, by the same routing the protocol uses, for layers in front of it (faults).
 * Internal.
 */
public final class S3RequestNames {
  /** A PUT with this header copies: CopyObject, or UploadPartCopy with an upload id. */
  public static final String COPY_SOURCE = CopyOperations.SOURCE;

  /** The SDK's names where they differ from the operation's constant. */
  private static final Map<Operation, String> RENAMED = Map.of(
      Operation.PUT_BUCKET_LIFECYCLE, "PutBucketLifecycleConfiguration",
      Operation.GET_BUCKET_LIFECYCLE, "GetBucketLifecycleConfiguration");

  /**
   * Older AWS names of the same requests, still accepted: S3's deprecated PutBucketLifecycle
   * and GetBucketLifecycle are PUT and GET {@code ?lifecycle} too.
   */
  private static final Map<String, String> ALIASES = Map.of(
      "PutBucketLifecycle", "PutBucketLifecycleConfiguration",
      "GetBucketLifecycle", "GetBucketLifecycleConfiguration");

  /** The operations on one object, and DeleteObjects: the requests that name a key. */
  private static final Set<Operation> KEYED = EnumSet.of(Operation.DELETE_OBJECTS,
      Operation.PUT_OBJECT, Operation.GET_OBJECT, Operation.HEAD_OBJECT, Operation.DELETE_OBJECT,
      Operation.CREATE_MULTIPART_UPLOAD, Operation.UPLOAD_PART,
      Operation.COMPLETE_MULTIPART_UPLOAD, Operation.ABORT_MULTIPART_UPLOAD, Operation.LIST_PARTS,
      Operation.PUT_OBJECT_RETENTION, Operation.GET_OBJECT_RETENTION,
      Operation.PUT_OBJECT_LEGAL_HOLD, Operation.GET_OBJECT_LEGAL_HOLD, Operation.GET_OBJECT_ACL,
      Operation.PUT_OBJECT_ACL, Operation.GET_OBJECT_TAGGING, Operation.PUT_OBJECT_TAGGING,
      Operation.DELETE_OBJECT_TAGGING, Operation.GET_OBJECT_ATTRIBUTES,
      Operation.RESTORE_OBJECT);

  private S3RequestNames() {}

  /**
   * An addressed S3 request.
   *
   * @param operation the AWS operation name, e.g. {@code DeleteObjects}
   * @param bucket empty for ListBuckets
   * @param key the decoded object key; empty unless an object is addressed
   */
  public record Named(String operation, String bucket, String key) {}

  /**
   * The request's name; empty when the protocol would refuse it before any operation.
   *
   * @param copy whether the request has an {@link #COPY_SOURCE} header
   */
  public static Optional<Named> of(String method, String host, String rawPath, String rawQuery,
      boolean copy) {
    try {
      Resource resource = Addressing.resolve(host == null ? "" : host, rawPath);
      Operation operation =
          Routes.select(method, resource, QueryParameters.parse(rawQuery == null ? "" : rawQuery));
      return Optional.of(new Named(awsName(operation, copy), resource.bucket(), resource.key()));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The names of every operation the protocol serves, e.g. {@code DeleteObjects}. */
  public static Set<String> operationNames() {
    Set<String> names = new TreeSet<>();
    for (Operation operation : Operation.values()) {
      names.add(awsName(operation, false));
      names.add(awsName(operation, true));
    }
    return names;
  }

  /** The names of the operations whose requests name an object key, e.g. {@code GetObject}. */
  public static Set<String> keyedOperationNames() {
    Set<String> names = new TreeSet<>();
    for (Operation operation : KEYED) {
      names.add(awsName(operation, false));
      names.add(awsName(operation, true));
    }
    return names;
  }

  /** The current name for an older one ({@code PutBucketLifecycle}); others as given. */
  public static String currentName(String name) {
    return ALIASES.getOrDefault(name, name);
  }

  /** {@code LIST_OBJECTS_V2} becomes {@code ListObjectsV2}; a copying PUT is a copy. */
  static String awsName(Operation operation, boolean copy) {
    if (copy && operation == Operation.PUT_OBJECT) {
      return "CopyObject";
    }
    if (copy && operation == Operation.UPLOAD_PART) {
      return "UploadPartCopy";
    }
    String renamed = RENAMED.get(operation);
    if (renamed != null) {
      return renamed;
    }
    StringBuilder name = new StringBuilder();
    for (String part : operation.name().split("_")) {
      name.append(part.charAt(0)).append(part.substring(1).toLowerCase(Locale.ROOT));
    }
    return name.toString();
  }
}
