package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.StreamViewType;

/**
 * The {@code StreamSpecification} of CreateTable and UpdateTable: its model constraints, then
 * the pairing of {@code StreamEnabled} with {@code StreamViewType}.
 */
final class StreamSpecifications {
  /** In the order AWS lists them (ack-api-quirks DDB-TABLE-035, DDB-TABLE-457, 2026). */
  private static final String[] VIEW_TYPES =
      {"OLD_IMAGE", "KEYS_ONLY", "NEW_AND_OLD_IMAGES", "NEW_IMAGE"};

  /** A specification past its model constraints: enabled with a view type, or disabled. */
  record Spec(boolean enabled, StreamViewType viewType) {}

  /** The request a specification came with: DynamoDB words some refusals per request. */
  enum Request {
    CREATE_TABLE("Table is being created with a stream enabled, UpdateViewType is required",
        "Table is being created with a stream disabled, UpdateViewType should not be"
            + " specified"),
    UPDATE_TABLE("If stream is being enabled then UpdateViewType is required",
        "If stream is being disabled, then UpdateViewType must not be specified");

    private final String enabledWithoutViewType;
    private final String disabledWithViewType;

    Request(String enabledWithoutViewType, String disabledWithViewType) {
      this.enabledWithoutViewType = enabledWithoutViewType;
      this.disabledWithViewType = disabledWithViewType;
    }
  }

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
  static Spec check(Json.Obj spec, Request request) {
    if (spec == null) {
      return null;
    }
    boolean enabled = Members.bool(spec, "StreamEnabled");
    String viewType = Members.string(spec, "StreamViewType");
    if (enabled && viewType == null) {
      throw ServiceErrors.invalidParameters(request.enabledWithoutViewType);
    }
    if (!enabled && viewType != null) {
      throw ServiceErrors.invalidParameters(request.disabledWithViewType);
    }
    return new Spec(enabled, enabled ? StreamViewType.valueOf(viewType) : null);
  }
}
