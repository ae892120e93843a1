package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.DynamoDbError;
import dev.tombstone.dynamodb.DynamoDbState;
import dev.tombstone.dynamodb.TableDefinition;
import dev.tombstone.dynamodb.TableDescription;
import dev.tombstone.internal.dynamodb.TableAttachments;
import dev.tombstone.internal.dynamodb.TableImport;
import dev.tombstone.internal.dynamodb.TableTransfers;
import dev.tombstone.s3.S3Error;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * ImportTable: makes a new table and fills it from every object under a prefix of a bucket of
 * this emulator's S3, before it answers, so the answer is COMPLETED already. As on DynamoDB, a
 * missing bucket FAILS the import without making the table, and an import with bad lines FAILS
 * (ItemValidationError) but keeps the table with the items that were good. Every member of
 * {@code TableCreationParameters} gets CreateTable's checks and is applied to the new table
 * (its on-demand limits and encryption too), or is refused: vector indexes and an index's warm
 * throughput.
 */
final class ImportTableOperation {
  /** Vector indexes are served by CreateTable and UpdateTable, not yet by ImportTable. */
  static final String VECTOR_INDEXES_REFUSED =
      "VectorIndexes in TableCreationParameters is not supported by Tombstone: create the"
          + " table's vector indexes with UpdateTable after the import";
  /** No AWS text says ImportTable takes an index's warm throughput; refused, not dropped. */
  static final String INDEX_WARM_THROUGHPUT_REFUSED = "WarmThroughput of a global secondary"
      + " index in TableCreationParameters is not supported by Tombstone: raise it with"
      + " UpdateTable after the import";

  static final String ITEM_VALIDATION = "ItemValidationError";
  static final String ITEM_VALIDATION_MESSAGE = "Some of the items failed validation checks and"
      + " were not imported. Please check CloudWatch error logs for more details.";
  static final String CSV_OPTIONS_WITHOUT_CSV =
      "InputFormatOptions can only be specified when InputFormat is CSV";
  static final String ZSTD_REFUSED =
      "InputCompressionType ZSTD is not supported by Tombstone: use GZIP or NONE";
  static final String DELIMITER_PATTERN = "[,;:|\\t ]";
  // Printable ASCII without '"' and ',' (CsvOptions.HeaderList's members in the model).
  static final String HEADER_PATTERN = "[\\x20-\\x21\\x23-\\x2B\\x2D-\\x7E]*";

  private final DynamoDbState state;
  private final TableTransfers transfers;
  private final TableAttachments attachments;

  ImportTableOperation(DynamoDbState state, TableTransfers transfers,
      TableAttachments attachments) {
    this.state = state;
    this.transfers = transfers;
    this.attachments = attachments;
  }

  byte[] handle(Json.Obj request) throws IOException {
    String token = Members.string(request, "ClientToken");
    Json.Obj source = Members.structure(request, "S3BucketSource");
    String format = Members.string(request, "InputFormat");
    Json.Obj options = Members.structure(request, "InputFormatOptions");
    String compression = Members.string(request, "InputCompressionType");
    Json.Obj parameters = Members.structure(request, "TableCreationParameters");
    String bucket = source == null ? null : Members.string(source, "S3Bucket");
    String keyPrefix = source == null ? null : Members.string(source, "S3KeyPrefix");
    String owner = source == null ? null : Members.string(source, "S3BucketOwner");
    Json.Obj csvOptions = options == null ? null : Members.structure(options, "Csv", "CsvOptions");
    String delimiter = csvOptions == null ? null : Members.string(csvOptions, "Delimiter");
    List<String> headers = csvOptions == null ? null : Members.stringList(csvOptions, "HeaderList");

    Constraints constraints = new Constraints();
    ExportTableToPointInTimeOperation.pattern(constraints, "clientToken", token,
        ExportTableToPointInTimeOperation.TOKEN_PATTERN);
    constraints.notNull("s3BucketSource", source);
    if (source != null) {
      constraints.notNull("s3BucketSource.s3Bucket", bucket);
      constraints.lengthBetween("s3BucketSource.s3Bucket", bucket, 0, 255);
      ExportTableToPointInTimeOperation.pattern(constraints, "s3BucketSource.s3Bucket", bucket,
          ExportTableToPointInTimeOperation.BUCKET_PATTERN);
      constraints.lengthBetween("s3BucketSource.s3KeyPrefix", keyPrefix, 0, 1024);
      ExportTableToPointInTimeOperation.pattern(constraints, "s3BucketSource.s3BucketOwner",
          owner, ExportTableToPointInTimeOperation.OWNER_PATTERN);
    }
    constraints.notNull("inputFormat", format);
    constraints.oneOf("inputFormat", format, "DYNAMODB_JSON", "ION", "CSV");
    constraints.oneOf("inputCompressionType", compression, "GZIP", "ZSTD", "NONE");
    constraints.lengthBetween("inputFormatOptions.csv.delimiter", delimiter, 1, 1);
    ExportTableToPointInTimeOperation.pattern(constraints, "inputFormatOptions.csv.delimiter",
        delimiter, DELIMITER_PATTERN);
    if (headers != null) {
      constraints.size("inputFormatOptions.csv.headerList", headers, 1, 255);
      for (int i = 0; i < headers.size(); i++) {
        String path = "inputFormatOptions.csv.headerList." + (i + 1) + ".member";
        constraints.lengthBetween(path, headers.get(i), 1, 65_536);
        ExportTableToPointInTimeOperation.pattern(constraints, path, headers.get(i),
            HEADER_PATTERN);
      }
    }
    constraints.notNull("tableCreationParameters", parameters);
    if (parameters == null) {
      constraints.check();
    }
    // Read with the table's other members, as CreateTable reads them.
    Json.Obj sseSpecification = SseSpecifications.read(parameters, "SSESpecification",
        "tableCreationParameters.sSESpecification", constraints);
    TableAttachments.OnDemandLimits onDemand = OnDemandThroughputs.read(parameters);
    boolean indexWarmThroughput = indexWarmThroughput(parameters);
    TableDefinition table =
        CreateTableOperation.define(parameters, "tableCreationParameters.", constraints, false);
    boolean provisioned = table.billingMode() == TableDefinition.BillingMode.PROVISIONED;
    OnDemandThroughputs.checkCreate(onDemand, provisioned);
    Map<String, TableAttachments.OnDemandLimits> indexOnDemand =
        OnDemandThroughputs.byIndex(parameters, "GlobalSecondaryIndexes");
    OnDemandThroughputs.checkCreateIndexes(indexOnDemand, provisioned);
    List<Json> vectorIndexes = Members.list(parameters, "VectorIndexes");
    if (vectorIndexes != null && !vectorIndexes.isEmpty()) {
      // Refused rather than dropped: the imported table would silently lack its indexes.
      throw new DynamoDbError.Validation(VECTOR_INDEXES_REFUSED);
    }
    if (indexWarmThroughput) {
      throw new DynamoDbError.Validation(INDEX_WARM_THROUGHPUT_REFUSED);
    }
    SseSpecifications.Spec sse = SseSpecifications.check(sseSpecification);
    if (options != null && !"CSV".equals(format)) {
      throw new DynamoDbError.Validation(CSV_OPTIONS_WITHOUT_CSV);
    }
    if ("ZSTD".equals(compression)) {
      throw new DynamoDbError.Validation(ZSTD_REFUSED);
    }

    TableImport.Source from = new TableImport.Source(bucket, Optional.ofNullable(keyPrefix),
        Optional.ofNullable(owner));
    Optional<TableImport.Csv> csv = csvOptions == null ? Optional.empty()
        : Optional.of(new TableImport.Csv(Optional.ofNullable(delimiter),
            Optional.ofNullable(headers).map(List::copyOf)));
    TableImport.Settings settings = new TableImport.Settings(Optional.ofNullable(onDemand),
        indexOnDemand, Optional.ofNullable(sseSpecification).map(ImportTableOperation::sent));
    return transfers.imports().serialized(() -> ImportDescriptions.answer(
        importTable(token, from, format, compression == null ? "NONE" : compression, csv,
            new Creation(table, settings, sse))));
  }

  /** The table an import makes: its definition, what else it asked for, and its encryption. */
  private record Creation(TableDefinition table, TableImport.Settings settings,
      SseSpecifications.Spec sse) {}

  /** Whether a global index of {@code parameters} asks for warm throughput. */
  private static boolean indexWarmThroughput(Json.Obj parameters) {
    List<Json> indexes = Members.list(parameters, "GlobalSecondaryIndexes");
    boolean asked = false;
    if (indexes != null) {
      for (Json index : indexes) {
        // Every index's is read, so a unit that is no integer is a SerializationException.
        TableDefinition.WarmThroughput warm =
            WarmThroughputs.read(Members.element(index, "GlobalSecondaryIndex"));
        // An empty one asks for nothing, as CreateTable takes it (DDB-TABLE-456).
        asked |= warm != null && !WarmThroughputs.empty(warm);
      }
    }
    return asked;
  }

  private static TableImport.Encryption sent(Json.Obj spec) {
    return new TableImport.Encryption(Optional.ofNullable(Members.bool(spec, "Enabled")),
        Optional.ofNullable(Members.string(spec, "SSEType")),
        Optional.ofNullable(Members.string(spec, "KMSMasterKeyId")));
  }

  private TableImport importTable(String token, TableImport.Source source, String format,
      String compression, Optional<TableImport.Csv> csv, Creation creation) {
    TableDefinition table = creation.table();
    Instant now = transfers.clock().instant();
    // The token first: a retry of an import that made its table answers that import.
    Optional<TableImport> earlier = token == null ? Optional.empty()
        : transfers.imports().byToken(token, now);
    if (earlier.isPresent()) {
      // Of the parameters, DynamoDB compares only the table's name.
      if (!earlier.get().table().name().equals(table.name())) {
        throw new StatementError("ImportConflictException",
            ExportTableToPointInTimeOperation.CONFLICT);
      }
      return earlier.get();
    }
    if (state.hasTable(table.name())) {
      throw new DynamoDbError.ResourceInUse("Table already exists: " + table.name());
    }
    String clientToken = token != null ? token : UUID.randomUUID().toString();
    String tableArn = "arn:aws:dynamodb:" + transfers.region() + ":000000000000:table/"
        + table.name();
    String id = TransferIds.id(now);
    TableImport made;
    if (!transfers.bucketExists(source.bucket())) {
      made = new TableImport(tableArn + "/import/" + id, tableArn, UUID.randomUUID().toString(),
          clientToken, source, format, compression, csv, table, creation.settings(), now,
          new TableImport.Counts(0, 0, 0, 0), Optional.of(new TableImport.Failure(
              ExportTableToPointInTimeOperation.NO_SUCH_BUCKET,
              new S3Error.NoSuchBucket(source.bucket()).getMessage())));
    } else {
      TableDescription created = state.createTable(table);
      // Stored once the table exists, as CreateTable stores them.
      OnDemandThroughputs.created(attachments, created,
          creation.settings().onDemand().orElse(null), creation.settings().indexOnDemand());
      SseSpecifications.created(attachments, created, creation.sse());
      ImportSources sources = new ImportSources(format, compression, csv, table);
      for (String key : transfers.keys(source.bucket(), source.keyPrefix().orElse(""))) {
        transfers.read(source.bucket(), key).ifPresent(
            object -> sources.read(object, doc -> state.putItem(table.name(), doc.item())));
      }
      TableImport.Counts counts = sources.counts();
      made = new TableImport(created.arn() + "/import/" + id, created.arn(),
          created.tableId().toString(), clientToken, source, format, compression, csv, table,
          creation.settings(), now,
          counts, counts.errors() == 0 ? Optional.empty() : Optional.of(
              new TableImport.Failure(ITEM_VALIDATION, ITEM_VALIDATION_MESSAGE)));
    }
    transfers.imports().put(made);
    return made;
  }
}
