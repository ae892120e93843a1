package dev.tombstone.internal.s3.protocol;

import dev.tombstone.s3.ConfigurationKind;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The four subresources of id-keyed bucket configurations, each with its element names, its
 * document and its operations: {@code GET ?analytics&id=ID} is GetBucketAnalyticsConfiguration,
 * {@code GET ?analytics} ListBucketAnalyticsConfigurations.
 */
final class IdConfigurationKinds {
  /**
   * @param listResult the root of the List answer
   * @param mismatch what S3 answers when the document's Id is not the query's id
   */
  record Kind(String subresource, ConfigurationKind kind, String element, String listResult,
      IdConfigurationDocument<?> document, Supplier<WireError> mismatch, Operation get,
      Operation put, Operation delete, Operation list) {}

  private static final List<Kind> KINDS = List.of(
      new Kind("analytics", ConfigurationKind.ANALYTICS, "AnalyticsConfiguration",
          "ListBucketAnalyticsConfigurationResult", new AnalyticsDocument(),
          WireError::malformedXml, Operation.GET_BUCKET_ANALYTICS_CONFIGURATION,
          Operation.PUT_BUCKET_ANALYTICS_CONFIGURATION,
          Operation.DELETE_BUCKET_ANALYTICS_CONFIGURATION,
          Operation.LIST_BUCKET_ANALYTICS_CONFIGURATIONS),
      new Kind("inventory", ConfigurationKind.INVENTORY, "InventoryConfiguration",
          "ListInventoryConfigurationsResult", new InventoryDocument(),
          () -> new WireError(WireError.Kind.ID_MISMATCH,
              "Document ID does not match the specified configuration ID.", List.of()),
          Operation.GET_BUCKET_INVENTORY_CONFIGURATION,
          Operation.PUT_BUCKET_INVENTORY_CONFIGURATION,
          Operation.DELETE_BUCKET_INVENTORY_CONFIGURATION,
          Operation.LIST_BUCKET_INVENTORY_CONFIGURATIONS),
      new Kind("metrics", ConfigurationKind.METRICS, "MetricsConfiguration",
          "ListMetricsConfigurationsResult", new MetricsDocument(), WireError::malformedXml,
          Operation.GET_BUCKET_METRICS_CONFIGURATION, Operation.PUT_BUCKET_METRICS_CONFIGURATION,
          Operation.DELETE_BUCKET_METRICS_CONFIGURATION,
          Operation.LIST_BUCKET_METRICS_CONFIGURATIONS),
      new Kind("intelligent-tiering", ConfigurationKind.INTELLIGENT_TIERING,
          "IntelligentTieringConfiguration", "ListBucketIntelligentTieringConfigurationsOutput",
          new IntelligentTieringDocument(), WireError::malformedXml,
          Operation.GET_BUCKET_INTELLIGENT_TIERING_CONFIGURATION,
          Operation.PUT_BUCKET_INTELLIGENT_TIERING_CONFIGURATION,
          Operation.DELETE_BUCKET_INTELLIGENT_TIERING_CONFIGURATION,
          Operation.LIST_BUCKET_INTELLIGENT_TIERING_CONFIGURATIONS));

  private IdConfigurationKinds() {}

  /** The kind whose subresource the query names, if any. */
  static Optional<Kind> of(QueryParameters query) {
    return KINDS.stream().filter(kind -> query.has(kind.subresource())).findFirst();
  }

  /** The operation of a request to a bucket's {@code kind} subresource; null when none. */
  static Operation select(String method, Kind kind, QueryParameters query) {
    return switch (method) {
      case "GET" -> query.has("id") ? kind.get() : kind.list();
      case "PUT" -> kind.put();
      case "DELETE" -> kind.delete();
      default -> null;
    };
  }
}
