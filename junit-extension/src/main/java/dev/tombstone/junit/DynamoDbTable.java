package dev.tombstone.junit;

import dev.tombstone.dynamodb.AttributeType;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Creates an on-demand DynamoDB table before each test, on a test class (every test) or a test
 * method (that test).
 *
 * <pre>{@code
 * @DynamoDbTable(name = "orders", partitionKey = "CustomerId", sortKey = "OrderId",
 *     sortKeyType = AttributeType.N, timeToLiveAttribute = "expiresAt",
 *     globalSecondaryIndexes = @DynamoDbTable.GlobalIndex(name = "byStatus",
 *         partitionKey = "Status", sortKey = "OrderId", sortKeyType = AttributeType.N),
 *     localSecondaryIndexes = @DynamoDbTable.LocalIndex(name = "byDate", sortKey = "Date",
 *         projection = DynamoDbTable.Projection.KEYS_ONLY),
 *     stream = DynamoDbTable.Stream.OLD_IMAGE)
 * }</pre>
 *
 * <p>Indexes and the stream are created with the table, on demand like it; TTL is enabled on
 * {@link #timeToLiveAttribute()} right after. DynamoDB's own CreateTable checks apply, and a
 * declaration they refuse fails the test naming it.
 *
 * <p>A test has one table of a name: declared again for it (on an enclosing class, the class or
 * the method), it must be declared the same way, or the test fails with an
 * {@code ExtensionConfigurationException} naming both places and what differs.
 *
 * <p>Against an external endpoint the table gets a unique name (see {@link TombstoneNames}) and
 * is deleted after the test.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Repeatable(DynamoDbTable.List.class)
public @interface DynamoDbTable {
  /** The table name. */
  String name();

  /** The partition (hash) key attribute. */
  String partitionKey();

  /** The partition key's type: {@code S}, {@code N} or {@code B}. */
  AttributeType partitionKeyType() default AttributeType.S;

  /** The sort (range) key attribute; empty for none. */
  String sortKey() default "";

  /** The sort key's type: {@code S}, {@code N} or {@code B}. */
  AttributeType sortKeyType() default AttributeType.S;

  /** The attribute TTL is enabled on (epoch seconds); empty for none. */
  String timeToLiveAttribute() default "";

  /** Global secondary indexes created with the table; none by default. */
  GlobalIndex[] globalSecondaryIndexes() default {};

  /** Local secondary indexes created with the table (which needs a sort key); none by default. */
  LocalIndex[] localSecondaryIndexes() default {};

  /**
   * The table's DynamoDB stream and what its records carry; none by default. A delete's
   * {@code REMOVE} record has the deleted item under {@code OLD_IMAGE} or
   * {@code NEW_AND_OLD_IMAGES}.
   */
  Stream stream() default Stream.NONE;

  /**
   * Whether DeleteTable is refused until an UpdateTable turns the protection off; off by
   * default. Against an external endpoint the extension turns it off to delete the table after
   * the test.
   */
  boolean deletionProtection() default false;

  /** A table's stream: none, or its {@code StreamViewType}. */
  enum Stream {
    /** No stream. */
    NONE,
    /** Records carry the item's key. */
    KEYS_ONLY,
    /** Records carry the item as written. */
    NEW_IMAGE,
    /** Records carry the item as it was. */
    OLD_IMAGE,
    /** Records carry the item before and after. */
    NEW_AND_OLD_IMAGES
  }

  /** What an index holds besides its keys and the table's. */
  enum Projection {
    /** Every attribute. */
    ALL,
    /** Only the index's and the table's key attributes. */
    KEYS_ONLY,
    /** The keys and the attributes named in {@code nonKeyAttributes}. */
    INCLUDE
  }

  /** A global secondary index of a {@link DynamoDbTable}. */
  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target({})
  @interface GlobalIndex {
    /** The index name. */
    String name();

    /** The index's partition key attribute. */
    String partitionKey();

    /** The partition key's type: {@code S}, {@code N} or {@code B}. */
    AttributeType partitionKeyType() default AttributeType.S;

    /** The index's sort key attribute; empty for none. */
    String sortKey() default "";

    /** The sort key's type: {@code S}, {@code N} or {@code B}. */
    AttributeType sortKeyType() default AttributeType.S;

    /** What the index holds; every attribute by default. */
    Projection projection() default Projection.ALL;

    /** The attributes an {@link Projection#INCLUDE INCLUDE} projection adds. */
    String[] nonKeyAttributes() default {};
  }

  /**
   * A local secondary index of a {@link DynamoDbTable}: the table's partition key, another sort
   * key.
   */
  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target({})
  @interface LocalIndex {
    /** The index name. */
    String name();

    /** The index's sort key attribute. */
    String sortKey();

    /** The sort key's type: {@code S}, {@code N} or {@code B}. */
    AttributeType sortKeyType() default AttributeType.S;

    /** What the index holds; every attribute by default. */
    Projection projection() default Projection.ALL;

    /** The attributes an {@link Projection#INCLUDE INCLUDE} projection adds. */
    String[] nonKeyAttributes() default {};
  }

  /** Holds repeated {@link DynamoDbTable} annotations. */
  @Documented
  @Inherited
  @Retention(RetentionPolicy.RUNTIME)
  @Target({ElementType.TYPE, ElementType.METHOD})
  @interface List {
    /** The tables. */
    DynamoDbTable[] value();
  }
}
