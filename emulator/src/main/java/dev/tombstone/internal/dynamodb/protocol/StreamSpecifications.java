package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.DynamoDbError;
import dev.tombstone.dynamodb.StreamViewType;

/**
 * The {@code StreamSpecification} of CreateTable and UpdateTable: its model constraints, then
 * the pairing of {@code StreamEnabled} with {@code StreamViewType}.
 */
final class StreamSpecifications {
  private static final String[] VIEW_TYPES =
      {"NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES", "KEYS_ONLY"};

  /** A specification past its model constraints: enabled with a view type, or disabled. */
  record Spec(boolean enabled, StreamViewType viewType) {}

  private StreamSpecifications() {}

  /** Reads the member, adding its model violations; null when the request has none. */
  static Json.Obj read(Json.Obj request, Constraints constraints) {
    Json.Obj spec = Members.structure(request, "StreamSpecification");
    if (spec != null) {
      constraints.notNull("streamSpecification.streamEnabled",
          Members.bool(spec, "StreamEnabled"));
      constraints.oneOf("streamSpecification.streamViewType",
          Members.string(spec, "StreamViewType"), VIEW_TYPES);
    }
    return spec;
  }

  /** What {@code spec} (read and constraint-checked) asks for; null for null. */
  static Spec check(Json.Obj spec) {
    if (spec == null) {
      return null;
    }
    boolean enabled = Members.bool(spec, "StreamEnabled");
    String viewType = Members.string(spec, "StreamViewType");
    if (enabled && viewType == null) {
      throw new DynamoDbError.Validation("Invalid StreamViewType: Stream ViewType must not be"
          + " null or empty when enabling streams.");
    }
    if (!enabled && viewType != null) {
      throw new DynamoDbError.Validation("Invalid StreamViewType: Stream StreamEnabled was false"
          + " but a StreamViewType was present.");
    }
    return new Spec(enabled, enabled ? StreamViewType.valueOf(viewType) : null);
  }
}
