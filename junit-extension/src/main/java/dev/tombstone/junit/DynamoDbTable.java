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
 *     sortKeyType = AttributeType.N)
 * }</pre>
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
