package dev.tombstone.internal.s3.protocol;

import java.util.Map;

/**
 * The S3 subresources this emulator does not serve, and the operation each request would be,
 * so a {@code 501 NotImplemented} names what the client asked for.
 */
final class UnsupportedOperations {
  // subresource -> the operation name without its verb (Get/Put/Delete; POST names it whole)
  private static final Map<String, String> NAMES = Map.ofEntries(
      Map.entry("select", "SelectObjectContent"),
      Map.entry("torrent", "ObjectTorrent"),
      Map.entry("session", "CreateSession"),
      Map.entry("metadataTable", "BucketMetadataTableConfiguration"),
      Map.entry("metadataConfiguration", "BucketMetadataConfiguration"),
      Map.entry("metadataInventoryTable", "BucketMetadataInventoryTableConfiguration"),
      Map.entry("metadataJournalTable", "BucketMetadataJournalTableConfiguration"),
      Map.entry("metadataAnnotationTable", "BucketMetadataAnnotationTableConfiguration"),
      Map.entry("annotation", "ObjectAnnotation"),
      Map.entry("renameObject", "RenameObject"));

  private UnsupportedOperations() {}

  static boolean isUnsupported(String subresource) {
    return NAMES.containsKey(subresource);
  }

  /** The 501 for a request to {@code subresource} with {@code method}. */
  static WireError refuse(String method, String subresource) {
    String base = NAMES.get(subresource);
    String name = switch (subresource) {
      case "select", "session", "renameObject" -> base;
      case "metadataInventoryTable", "metadataJournalTable", "metadataAnnotationTable" ->
          method.equals("PUT") ? "Update" + base : method + " ?" + subresource;
      case "metadataTable", "metadataConfiguration" ->
          method.equals("POST") ? "Create" + base : verb(method, base, subresource);
      default -> verb(method, base, subresource);
    };
    return WireError.notServed(name + " (" + method + " ?" + subresource + ")");
  }

  /**
   * The 501 for UpdateObjectEncryption ({@code PUT /key?encryption}): {@code ?encryption} on a
   * bucket is the served bucket encryption, on an object an operation this emulator lacks.
   */
  static WireError refuseObjectEncryption(String method) {
    String name = method.equals("PUT") ? "UpdateObjectEncryption" : method + " ?encryption";
    return WireError.notServed(name + " (" + method + " ?encryption)");
  }

  private static String verb(String method, String base, String subresource) {
    return switch (method) {
      case "GET", "HEAD" -> "Get" + base;
      case "PUT" -> "Put" + base;
      case "DELETE" -> "Delete" + base;
      default -> method + " ?" + subresource;
    };
  }
}
