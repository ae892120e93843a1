package dev.tombstone.internal.dynamodb;

import dev.tombstone.s3.S3Error;
import dev.tombstone.s3.S3State;
import dev.tombstone.s3.StoredObject;
import dev.tombstone.s3.VersionEntry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What ExportTableToPointInTime, ImportTable and StartBulkPutItems keep, and their way into the
 * emulator's own S3: the exports, imports and bulk operations made, and the objects they write
 * and read. The public DynamoDB package never sees S3; this internal bridge joins the two states
 * of one emulator. Internal.
 */
public final class TableTransfers {
  private final S3State s3;
  private final String region;
  private final Clock clock;
  private final TransferLog<TableExport> exports = new TransferLog<>();
  private final TransferLog<TableImport> imports = new TransferLog<>();
  private final TransferLog<BulkOperation> bulkOperations = new TransferLog<>();

  /** Transfers to and from {@code s3}, for tables of {@code region}, dated by {@code clock}. */
  public TableTransfers(S3State s3, String region, Clock clock) {
    this.s3 = Objects.requireNonNull(s3, "s3");
    this.region = Objects.requireNonNull(region, "region");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Transfers to an S3 of their own, without any bucket: for a protocol outside an emulator. */
  public static TableTransfers detached() {
    Clock clock = Clock.systemUTC();
    return new TableTransfers(new S3State("us-east-1", clock), "us-east-1", clock);
  }

  /** The region in the ARNs of the tables an import names before it makes them. */
  public String region() {
    return region;
  }

  public Clock clock() {
    return clock;
  }

  /** Every export made since the last reset. */
  public TransferLog<TableExport> exports() {
    return exports;
  }

  /** Every import made since the last reset. */
  public TransferLog<TableImport> imports() {
    return imports;
  }

  /** Every bulk operation (StartBulkPutItems) made since the last reset. */
  public TransferLog<BulkOperation> bulkOperations() {
    return bulkOperations;
  }

  /** Whether the bucket exists. */
  public boolean bucketExists(String bucket) {
    try {
      s3.bucket(bucket);
      return true;
    } catch (S3Error.NoSuchBucket e) {
      return false;
    }
  }

  /**
   * Stores {@code content} under {@code key}, as a PutObject would.
   *
   * @return the object's ETag, without its quotes
   * @throws S3Error when S3 refuses the write (a missing bucket, an object lock)
   */
  public String put(String bucket, String key, byte[] content) {
    VersionEntry written = s3.putObject(bucket, key, content);
    return written.etag().map(TableTransfers::unquoted).orElse("");
  }

  /**
   * The keys of the bucket's current objects that start with {@code prefix}, in S3's order.
   *
   * @throws S3Error.NoSuchBucket when the bucket does not exist
   */
  public List<String> keys(String bucket, String prefix) {
    List<String> under = new ArrayList<>();
    for (String key : s3.keys(bucket)) {
      if (key.startsWith(prefix)) {
        under.add(key);
      }
    }
    return under;
  }

  /** The content of the object's current version; empty when there is none. */
  public Optional<byte[]> read(String bucket, String key) {
    return s3.currentObject(bucket, key).map(StoredObject::content)
        .map(content -> content.toByteArray());
  }

  /** Forgets every export, import and bulk operation; their objects go with S3's own reset. */
  public void reset() {
    exports.clear();
    imports.clear();
    bulkOperations.clear();
  }

  private static String unquoted(String etag) {
    return etag.length() >= 2 && etag.startsWith("\"") && etag.endsWith("\"")
        ? etag.substring(1, etag.length() - 1) : etag;
  }
}
