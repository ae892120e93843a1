package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.Item;
import dev.tombstone.internal.dynamodb.TableExport;
import dev.tombstone.internal.dynamodb.TableTransfers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a full export as DynamoDB lays it out under {@code <prefix>/AWSDynamoDB/<exportId>/}:
 * an empty {@code _started}, one {@code data/<name>.json.gz} of one {@code {"Item":{...}}} line
 * per item (a table here is one partition, so one file, gzipped empty for an empty table),
 * {@code manifest-files.json} (one JSON line per data file), {@code manifest-summary.json}, and
 * for each manifest a {@code .md5} holding the Base64 MD5 of its bytes. An incremental export
 * writes the same files, but its data file, of change lines, goes to the {@code data/} folder
 * that every incremental export under the prefix shares ({@code <prefix>/AWSDynamoDB/data/}),
 * so its manifest-files.json is the only way to know which data files are its own. An ION
 * export writes {@code data/<name>.ion.gz} files of {@code $ion_1_0 {Item:{...}}} lines instead
 * ({@link IonItems}); its manifests stay JSON.
 */
final class ExportFiles {
  static final String FORMAT_VERSION = "2020-06-30";
  static final String INCREMENTAL_FORMAT_VERSION = "2023-08-01";
  static final String ION = "ION";

  private ExportFiles() {}

  /**
   * The folder of an export's files: the prefix (a slash added when missing; an empty one is
   * none) and the id.
   */
  static String folder(TableExport.Request request, String exportId) {
    return exportsFolder(request) + exportId + "/";
  }

  /** The data folder the incremental exports under the request's prefix share. */
  static String sharedDataFolder(TableExport.Request request) {
    return exportsFolder(request) + "data/";
  }

  private static String exportsFolder(TableExport.Request request) {
    String prefix = request.prefix().filter(p -> !p.isEmpty())
        .map(p -> p.endsWith("/") ? p : p + "/").orElse("");
    return prefix + "AWSDynamoDB/";
  }

  /**
   * Writes every file of the export; returns the COMPLETED outcome.
   *
   * @param export the export, its outcome not yet known (it is not read)
   * @param items what the export writes, filtered and projected
   * @param billed the bytes the export read (with a filter, more than it writes)
   */
  static TableExport.Completed write(TableTransfers s3, TableExport export, String folder,
      List<Item> items, long billed) {
    ByteArrayOutputStream lines = new ByteArrayOutputStream();
    boolean ion = ION.equals(export.request().format());
    for (Item item : items) {
      if (ion) {
        lines.writeBytes(IonItems.line(item).getBytes(StandardCharsets.UTF_8));
        continue;
      }
      JsonOut out = new JsonOut();
      out.json().writeStartObject();
      out.item("Item", item);
      out.json().writeEndObject();
      lines.writeBytes(out.finish());
      lines.write('\n');
    }
    return write(s3, export, folder, folder + "data/", lines.toByteArray(), items.size(), billed);
  }

  /**
   * Writes every file of an export whose data lines are {@code lines} ({@code itemCount} of
   * them), its data file in {@code dataFolder}; returns the COMPLETED outcome.
   */
  static TableExport.Completed write(TableTransfers s3, TableExport export, String folder,
      String dataFolder, byte[] lines, long itemCount, long billed) {
    String bucket = export.request().bucket();
    s3.put(bucket, folder + "_started", new byte[0]);
    byte[] data = gzip(lines);
    String extension = ION.equals(export.request().format()) ? ".ion.gz" : ".json.gz";
    String dataKey = dataFolder + TransferIds.dataFileName() + extension;
    String etag = s3.put(bucket, dataKey, data);

    JsonWriter file = JsonWriter.take();
    file.writeStartObject();
    file.writeNumberField("itemCount", itemCount);
    file.writeStringField("md5Checksum", md5(data));
    file.writeStringField("etag", etag);
    file.writeStringField("dataFileS3Key", dataKey);
    file.writeEndObject();
    byte[] files = (new String(file.toByteArray(), StandardCharsets.UTF_8) + "\n")
        .getBytes(StandardCharsets.UTF_8);
    String filesKey = folder + "manifest-files.json";
    putWithMd5(s3, bucket, filesKey, folder + "manifest-files.md5", files);

    String summaryKey = folder + "manifest-summary.json";
    byte[] summary = summary(export, filesKey, itemCount, billed);
    putWithMd5(s3, bucket, summaryKey, folder + "manifest-summary.md5", summary);
    return new TableExport.Completed(itemCount, billed, summaryKey);
  }

  private static byte[] summary(TableExport export, String filesKey, long itemCount,
      long billed) {
    TableExport.Request request = export.request();
    Instant start = export.startTime();
    TableExport.Window window = export.window().orElse(null);
    JsonWriter json = JsonWriter.take();
    json.writeStartObject();
    json.writeStringField("version", window == null ? FORMAT_VERSION : INCREMENTAL_FORMAT_VERSION);
    json.writeStringField("exportArn", export.arn());
    json.writeStringField("startTime", TransferIds.manifestTime(start));
    json.writeStringField("endTime", TransferIds.manifestTime(start));
    json.writeStringField("tableArn", export.tableArn());
    json.writeStringField("tableId", export.tableId());
    if (window == null) {
      json.writeStringField("exportTime", TransferIds.manifestTime(export.exportTime()));
    } else {
      json.writeStringField("exportFromTime", TransferIds.manifestTime(window.fromTime()));
      json.writeStringField("exportToTime", TransferIds.manifestTime(window.toTime()));
    }
    json.writeStringField("s3Bucket", request.bucket());
    nullable(json, "s3Prefix", request.prefix().orElse(null));
    nullable(json, "s3SseAlgorithm", request.sseAlgorithm().orElse(null));
    nullable(json, "s3SseKmsKeyId", request.kmsKeyId().orElse(null));
    json.writeStringField("manifestFilesS3Key", filesKey);
    json.writeNumberField("billedSizeBytes", billed);
    json.writeNumberField("itemCount", itemCount);
    json.writeStringField("outputFormat", request.format());
    if (window != null) {
      json.writeStringField("outputView", window.viewType());
      json.writeStringField("exportType", IncrementalExports.INCREMENTAL_EXPORT);
    }
    json.writeEndObject();
    return json.toByteArray();
  }

  private static void nullable(JsonWriter json, String name, String value) {
    if (value == null) {
      json.writeNullField(name);
    } else {
      json.writeStringField(name, value);
    }
  }

  private static void putWithMd5(TableTransfers s3, String bucket, String key, String md5Key,
      byte[] content) {
    s3.put(bucket, key, content);
    s3.put(bucket, md5Key, md5(content).getBytes(StandardCharsets.US_ASCII));
  }

  static String md5(byte[] content) {
    try {
      return Base64.getEncoder().encodeToString(
          MessageDigest.getInstance("MD5").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has MD5", e);
    }
  }

  private static byte[] gzip(byte[] content) {
    ByteArrayOutputStream zipped = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(zipped)) {
      out.write(content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return zipped.toByteArray();
  }
}
