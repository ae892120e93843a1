package dev.tombstone.dynamodb;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A primary key: a partition (HASH) attribute and an optional sort (RANGE) attribute.
 *
 * @param partitionKey the HASH attribute
 * @param sortKey the RANGE attribute, or {@code null} for a hash-only key
 */
public record KeySchema(KeyAttribute partitionKey, KeyAttribute sortKey) {
  static final int MAX_PARTITION_KEY_BYTES = 2048;
  static final int MAX_SORT_KEY_BYTES = 1024;

  public KeySchema {
    Objects.requireNonNull(partitionKey, "partitionKey");
    if (sortKey != null && sortKey.name().equals(partitionKey.name())) {
      throw new IllegalArgumentException("partition and sort key must differ");
    }
  }

  public static KeySchema of(KeyAttribute partitionKey) {
    return new KeySchema(partitionKey, null);
  }

  public static KeySchema of(KeyAttribute partitionKey, KeyAttribute sortKey) {
    return new KeySchema(partitionKey, Objects.requireNonNull(sortKey, "sortKey"));
  }

  public Optional<KeyAttribute> sortKeyIfAny() {
    return Optional.ofNullable(sortKey);
  }

  /** Number of key attributes: 1 or 2. */
  public int size() {
    return sortKey == null ? 1 : 2;
  }

  /**
   * The primary key named by a request's {@code Key}, checked as DynamoDB checks it.
   *
   * @throws DynamoDbError.Validation with DynamoDB's message when the key does not fit
   */
  public PrimaryKey keyOf(Map<String, AttributeValue> key) {
    return keyOf(key, "One or more parameter values were invalid: ");
  }

  /**
   * {@link #keyOf(Map)} with the words DynamoDB puts before an empty key value's refusal: a
   * transaction's Update says "are not valid. " as PutItem does.
   */
  PrimaryKey keyOf(Map<String, AttributeValue> key, String emptyValuePrefix) {
    if (key.size() != size()) {
      throw DynamoDbError.Validation.keyMismatch();
    }
    AttributeValue partition = keyValue(key, partitionKey, emptyValuePrefix);
    AttributeValue sort = sortKey == null ? null : keyValue(key, sortKey, emptyValuePrefix);
    checkSizes(partition, sort);
    return new PrimaryKey(partition, sort);
  }

  /**
   * The primary key of an item about to be written, checked as PutItem checks it.
   *
   * @throws DynamoDbError.Validation with DynamoDB's message when a key attribute is wrong
   */
  public PrimaryKey keyOfItem(Item item) {
    AttributeValue partition = itemKeyValue(item, partitionKey);
    AttributeValue sort = sortKey == null ? null : itemKeyValue(item, sortKey);
    checkSizes(partition, sort);
    return new PrimaryKey(partition, sort);
  }

  /** Whether {@code item} has every key attribute, each with the schema's type. */
  public boolean hasKeyTypes(Item item) {
    return hasType(item, partitionKey) && (sortKey == null || hasType(item, sortKey));
  }

  private static boolean hasType(Item item, KeyAttribute attribute) {
    AttributeValue value = item.get(attribute.name());
    return value != null && value.type() == attribute.type();
  }

  /** The key attributes of {@code item}, as DynamoDB returns a key ({@code LastEvaluatedKey}). */
  public Item keyAttributesOf(Item item) {
    Item.Builder key = Item.builder().put(partitionKey.name(), item.get(partitionKey.name()));
    if (sortKey != null) {
      key.put(sortKey.name(), item.get(sortKey.name()));
    }
    return key.build();
  }

  private static AttributeValue keyValue(
      Map<String, AttributeValue> key, KeyAttribute attribute, String emptyValuePrefix) {
    AttributeValue value = key.get(attribute.name());
    if (value == null || value.type() != attribute.type()) {
      throw DynamoDbError.Validation.keyMismatch();
    }
    checkNotEmpty(value, attribute, emptyValuePrefix);
    return value;
  }

  private static AttributeValue itemKeyValue(Item item, KeyAttribute attribute) {
    AttributeValue value = item.get(attribute.name());
    if (value == null) {
      throw DynamoDbError.Validation.invalidParameters("Missing the key " + attribute.name() + " in the item");
    }
    if (value.type() != attribute.type()) {
      throw DynamoDbError.Validation.invalidParameters("Type mismatch for key " + attribute.name()
          + " expected: " + attribute.type() + " actual: " + value.type());
    }
    checkNotEmpty(value, attribute, "One or more parameter values are not valid. ");
    return value;
  }

  /** DynamoDB refuses an empty string or binary as a key attribute's value. */
  static void checkNotEmpty(AttributeValue value, KeyAttribute attribute, String prefix) {
    if (value instanceof AttributeValue.S s && s.value().isEmpty()) {
      throw new DynamoDbError.Validation(prefix
          + "The AttributeValue for a key attribute cannot contain an empty string value. Key: "
          + attribute.name());
    }
    if (value instanceof AttributeValue.B b && b.value().length() == 0) {
      throw new DynamoDbError.Validation(prefix
          + "The AttributeValue for a key attribute cannot contain an empty binary value. Key: "
          + attribute.name());
    }
  }

  private static void checkSizes(AttributeValue partition, AttributeValue sort) {
    if (byteLength(partition) > MAX_PARTITION_KEY_BYTES) {
      throw DynamoDbError.Validation.invalidParameters(
          "Size of hashkey has exceeded the maximum size limit of2048 bytes");
    }
    if (sort != null && byteLength(sort) > MAX_SORT_KEY_BYTES) {
      throw DynamoDbError.Validation.invalidParameters(
          "Aggregated size of all range keys has exceeded the size limit of 1024 bytes");
    }
  }

  private static int byteLength(AttributeValue value) {
    if (value instanceof AttributeValue.S s) {
      return ItemSize.utf8Length(s.value());
    }
    if (value instanceof AttributeValue.B b) {
      return b.value().length();
    }
    return 0;
  }
}
