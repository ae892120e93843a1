package dev.tombstone.junit;

import dev.tombstone.Tombstone;
import dev.tombstone.dynamodb.AttributeValue;
import dev.tombstone.dynamodb.Item;
import dev.tombstone.dynamodb.KeySchema;
import dev.tombstone.s3.Versioning;
import java.util.Map;

/** Provisions straight into the in-process emulator's state: no HTTP, no SDK. */
final class EmulatorProvisioner implements Provisioner {
  private final Tombstone tombstone;

  EmulatorProvisioner(Tombstone tombstone) {
    this.tombstone = tombstone;
  }

  @Override
  public void createTable(String name, KeySchema keySchema) {
    // Without a reset between tests, the table of a class-level declaration is still there.
    if (!tombstone.dynamoDb().hasTable(name)) {
      tombstone.dynamoDb().createTable(name, keySchema);
    }
  }

  @Override
  public void createBucket(String name, S3Bucket.Versioning versioning) {
    if (!tombstone.s3().bucketNames().contains(name)) {
      tombstone.s3().createBucket(name);
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
