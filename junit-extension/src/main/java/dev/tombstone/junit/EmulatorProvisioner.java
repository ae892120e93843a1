package dev.tombstone.junit;

import dev.tombstone.DynamoDbJson;
import dev.tombstone.Tombstone;
import dev.tombstone.dynamodb.AttributeValue;
import dev.tombstone.dynamodb.Item;
import dev.tombstone.dynamodb.KeySchema;
import dev.tombstone.dynamodb.TableDefinition;
import dev.tombstone.dynamodb.UpdateTimeToLive;
import dev.tombstone.s3.Versioning;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Provisions straight into the in-process emulator's state: no HTTP, no SDK. */
final class EmulatorProvisioner implements Provisioner {
  private final Tombstone tombstone;

  EmulatorProvisioner(Tombstone tombstone) {
    this.tombstone = tombstone;
  }

  @Override
  public void createTable(String name, TableDeclaration table) {
    // Without a reset between tests, the table of a class-level declaration is still there.
    if (tombstone.dynamoDb().hasTable(name)) {
      checkKept(name, table);
    } else if (table.keyOnly()) {
      tombstone.dynamoDb().createTable(name, table.keySchema());
    } else {
      // Read back with CreateTable's own checks: a wrong index gets DynamoDB's message.
      tombstone.dynamoDb().createTable(
          DynamoDbJson.tableDefinition(CreateTableJson.of(name, table)));
      table.timeToLiveAttribute().ifPresent(attribute -> tombstone.dynamoDb()
          .updateTimeToLive(UpdateTimeToLive.Request.enable(name, attribute)));
    }
  }

  private void checkKept(String name, TableDeclaration table) {
    List<String> differences = new ArrayList<>();
    KeySchema existing = tombstone.dynamoDb().keySchema(name);
    if (!existing.equals(table.keySchema())) {
      differences.add("keyed by " + TableKeys.describe(existing) + " instead of "
          + TableKeys.describe(table.keySchema()));
    }
    TableDefinition definition = tombstone.dynamoDb().tableDefinition(name);
    Map<String, String> now = new TableDeclaration(existing,
        definition.globalSecondaryIndexes().stream().map(TableDeclaration.Index::of).toList(),
        definition.localSecondaryIndexes().stream().map(TableDeclaration.Index::of).toList(),
        tombstone.dynamoDb().describeTimeToLive(name).attributeName(),
        definition.streamViewType() == null ? DynamoDbTable.Stream.NONE
            : DynamoDbTable.Stream.valueOf(definition.streamViewType().name()),
        definition.deletionProtection()).settings();
    table.declaredSettings().forEach((setting, declared) -> {
      if (!declared.equals(now.get(setting))) {
        differences.add("with " + setting + " " + now.get(setting) + " instead of " + declared);
      }
    });
    if (!differences.isEmpty()) {
      throw new IllegalStateException("table " + name + " already exists, "
          + String.join(", ", differences) + "; it is left from an earlier test"
          + " (resetBeforeEach = false keeps tables), so declare the table the same way in every"
          + " test or delete it after the test that changes it");
    }
  }

  @Override
  public void createBucket(String name, S3Bucket.Versioning versioning, boolean objectLock) {
    if (!tombstone.s3().bucketNames().contains(name)) {
      if (objectLock) {
        tombstone.s3().createBucketWithObjectLock(name, Optional.empty());
      } else {
        tombstone.s3().createBucket(name);
      }
    } else if (tombstone.s3().objectLockEnabled(name) != objectLock) {
      throw new IllegalStateException("bucket " + name + " already exists with Object Lock "
          + (objectLock ? "disabled" : "enabled") + " instead of "
          + (objectLock ? "enabled" : "disabled") + "; it is left from an earlier test"
          + " (resetBeforeEach = false keeps buckets), so declare the bucket the same way in"
          + " every test or delete it after the test that changes it");
    } else if (versioning == S3Bucket.Versioning.UNVERSIONED
        && tombstone.s3().versioning(name).isVersioningAware()) {
      throw new IllegalStateException("bucket " + name + " already exists with versioning "
          + tombstone.s3().versioning(name) + ", and a bucket never returns to UNVERSIONED; it"
          + " is left from an earlier test (resetBeforeEach = false keeps buckets), so declare"
          + " the bucket the same way in every test or delete it after the test that changes it");
    }
    switch (versioning) {
      case ENABLED -> tombstone.s3().setVersioning(name, Versioning.ENABLED);
      case SUSPENDED -> tombstone.s3().setVersioning(name, Versioning.SUSPENDED);
      case UNVERSIONED -> { }
    }
  }

  @Override
  public void putItem(String table, Map<String, AttributeValue> item) {
    tombstone.dynamoDb().putItem(table, Item.of(item));
  }

  @Override
  public void putObject(String bucket, String key, byte[] content) {
    tombstone.s3().putObject(bucket, key, content);
  }
}
