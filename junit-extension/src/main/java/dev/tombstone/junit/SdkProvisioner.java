package dev.tombstone.junit;

import dev.tombstone.dynamodb.AttributeValue;
import dev.tombstone.dynamodb.KeyAttribute;
import dev.tombstone.dynamodb.KeySchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;

/**
 * Provisions through the SDK against an external endpoint, remembers what it created, and
 * deletes it when the test's store closes: every version and delete marker, then the bucket;
 * the tables. Loaded only in external mode.
 */
final class SdkProvisioner implements Provisioner, AutoCloseable {
  private final Function<Class<?>, Object> clients;
  private final List<String> tables = new ArrayList<>();
  private final List<String> protectedTables = new ArrayList<>();
  private final List<String> buckets = new ArrayList<>();
  private final List<String> lockedBuckets = new ArrayList<>();

  SdkProvisioner(Function<Class<?>, Object> clients) {
    this.clients = clients;
  }

  private DynamoDbClient dynamo() {
    return (DynamoDbClient) clients.apply(DynamoDbClient.class);
  }

  private S3Client s3() {
    return (S3Client) clients.apply(S3Client.class);
  }

  @Override
  public void createTable(String name, TableDeclaration table) {
    List<AttributeDefinition> definitions = new ArrayList<>();
    for (KeyAttribute attribute : table.attributeDefinitions()) {
      definitions.add(AttributeDefinition.builder().attributeName(attribute.name())
          .attributeType(ScalarAttributeType.fromValue(attribute.type().name())).build());
    }
    List<GlobalSecondaryIndex> globals = new ArrayList<>();
    for (TableDeclaration.Index index : table.globalIndexes()) {
      globals.add(GlobalSecondaryIndex.builder().indexName(index.name())
          .keySchema(keys(index.keySchema())).projection(projection(index)).build());
    }
    List<LocalSecondaryIndex> locals = new ArrayList<>();
    for (TableDeclaration.Index index : table.localIndexes()) {
      locals.add(LocalSecondaryIndex.builder().indexName(index.name())
          .keySchema(keys(index.keySchema())).projection(projection(index)).build());
    }
    dynamo().createTable(b -> b.tableName(name).keySchema(keys(table.keySchema()))
        .attributeDefinitions(definitions).billingMode(BillingMode.PAY_PER_REQUEST)
        .globalSecondaryIndexes(globals.isEmpty() ? null : globals)
        .localSecondaryIndexes(locals.isEmpty() ? null : locals)
        .streamSpecification(table.stream() == DynamoDbTable.Stream.NONE ? null
            : StreamSpecification.builder().streamEnabled(true)
                .streamViewType(table.stream().name()).build())
        .deletionProtectionEnabled(table.deletionProtection() ? true : null));
    // Only once it exists: deleting a table CreateTable refused would hide its refusal.
    tables.add(name);
    if (table.deletionProtection()) {
      protectedTables.add(name);
    }
    dynamo().waiter().waitUntilTableExists(b -> b.tableName(name));
    table.timeToLiveAttribute().ifPresent(attribute -> dynamo().updateTimeToLive(b -> b
        .tableName(name).timeToLiveSpecification(t -> t.attributeName(attribute).enabled(true))));
  }

  private static List<KeySchemaElement> keys(KeySchema schema) {
    List<KeySchemaElement> keys = new ArrayList<>();
    keys.add(KeySchemaElement.builder().attributeName(schema.partitionKey().name())
        .keyType(KeyType.HASH).build());
    schema.sortKeyIfAny().ifPresent(sort -> keys.add(KeySchemaElement.builder()
        .attributeName(sort.name()).keyType(KeyType.RANGE).build()));
    return keys;
  }

  private static Projection projection(TableDeclaration.Index index) {
    return Projection.builder().projectionType(index.projection().name())
        .nonKeyAttributes(index.nonKeyAttributes().isEmpty() ? null : index.nonKeyAttributes())
        .build();
  }

  @Override
  public void createBucket(String name, S3Bucket.Versioning versioning, boolean objectLock) {
    buckets.add(name);
    s3().createBucket(b -> b.bucket(name).objectLockEnabledForBucket(objectLock ? true : null));
    if (objectLock) {
      lockedBuckets.add(name);
      // Versioning is on already and cannot change.
      return;
    }
    if (versioning != S3Bucket.Versioning.UNVERSIONED) {
      BucketVersioningStatus status = versioning == S3Bucket.Versioning.ENABLED
          ? BucketVersioningStatus.ENABLED : BucketVersioningStatus.SUSPENDED;
      s3().putBucketVersioning(b -> b.bucket(name).versioningConfiguration(v -> v.status(status)));
    }
  }

  @Override
  public void putItem(String table, Map<String, AttributeValue> item) {
    Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> converted =
        new LinkedHashMap<>();
    item.forEach((name, value) -> converted.put(name, toSdk(value)));
    dynamo().putItem(b -> b.tableName(table).item(converted));
  }

  @Override
  public void putObject(String bucket, String key, byte[] content) {
    s3().putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(content));
  }

  /** Deletes what this test created, buckets first; reports the first failure at the end. */
  @Override
  public void close() {
    RuntimeException failure = null;
    for (String bucket : buckets) {
      try {
        emptyAndDelete(bucket);
      } catch (RuntimeException e) {
        failure = remember(failure, e);
      }
    }
    for (String table : tables) {
      try {
        if (protectedTables.contains(table)) {
          dynamo().updateTable(b -> b.tableName(table).deletionProtectionEnabled(false));
        }
        dynamo().deleteTable(b -> b.tableName(table));
      } catch (RuntimeException e) {
        failure = remember(failure, e);
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  private void emptyAndDelete(String bucket) {
    ListObjectVersionsResponse page;
    do {
      page = s3().listObjectVersions(b -> b.bucket(bucket));
      List<ObjectIdentifier> ids = new ArrayList<>();
      page.versions().forEach(v -> ids.add(id(v.key(), v.versionId())));
      page.deleteMarkers().forEach(m -> ids.add(id(m.key(), m.versionId())));
      if (!ids.isEmpty()) {
        // Governance-mode retention a test set would otherwise keep the bucket.
        Boolean bypass = lockedBuckets.contains(bucket) ? Boolean.TRUE : null;
        s3().deleteObjects(b -> b.bucket(bucket).bypassGovernanceRetention(bypass)
            .delete(d -> d.objects(ids).quiet(true)));
      }
    } while (Boolean.TRUE.equals(page.isTruncated()));
    s3().deleteBucket(b -> b.bucket(bucket));
  }

  private static ObjectIdentifier id(String key, String versionId) {
    return ObjectIdentifier.builder().key(key).versionId(versionId).build();
  }

  private static RuntimeException remember(RuntimeException first, RuntimeException next) {
    if (first == null) {
      return next;
    }
    first.addSuppressed(next);
    return first;
  }

  static software.amazon.awssdk.services.dynamodb.model.AttributeValue toSdk(AttributeValue v) {
    var b = software.amazon.awssdk.services.dynamodb.model.AttributeValue.builder();
    if (v instanceof AttributeValue.S s) {
      b.s(s.value());
    } else if (v instanceof AttributeValue.N n) {
      b.n(n.text());
    } else if (v instanceof AttributeValue.B bin) {
      b.b(SdkBytes.fromByteArray(bin.value().toByteArray()));
    } else if (v instanceof AttributeValue.Bool bool) {
      b.bool(bool.value());
    } else if (v instanceof AttributeValue.Null) {
      b.nul(true);
    } else if (v instanceof AttributeValue.SS ss) {
      b.ss(ss.values());
    } else if (v instanceof AttributeValue.NS ns) {
      b.ns(ns.values().stream().map(java.math.BigDecimal::toPlainString).toList());
    } else if (v instanceof AttributeValue.BS bs) {
      b.bs(bs.values().stream().map(x -> SdkBytes.fromByteArray(x.toByteArray())).toList());
    } else if (v instanceof AttributeValue.L l) {
      b.l(l.values().stream().map(SdkProvisioner::toSdk).toList());
    } else if (v instanceof AttributeValue.M m) {
      Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> map =
          new LinkedHashMap<>();
      m.values().forEach((k, x) -> map.put(k, toSdk(x)));
      b.m(map);
    }
    return b.build();
  }
}
