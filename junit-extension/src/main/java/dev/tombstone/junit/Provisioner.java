package dev.tombstone.junit;

import dev.tombstone.dynamodb.AttributeValue;
import java.util.Map;

/** Creates declared tables, buckets and fixtures: in the emulator's state or through the SDK. */
interface Provisioner {
  void createTable(String name, TableDeclaration table);

  void createBucket(String name, S3Bucket.Versioning versioning, boolean objectLock);

  void putItem(String table, Map<String, AttributeValue> item);

  void putObject(String bucket, String key, byte[] content);
}
