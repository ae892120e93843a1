package dev.tombstone.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Puts items from classpath JSON resources into a table before each test, after the tables of
 * {@link DynamoDbTable} exist.
 *
 * <p>A resource holds DynamoDB JSON items either as {@code aws dynamodb scan} prints them,
 * {@code {"Items": [{"UserId": {"S": "u1"}}, ...]}}, or as a plain array of items.
 *
 * <pre>{@code
 * @DynamoDbTable(name = "users", partitionKey = "UserId")
 * @DynamoDbItems(table = "users", value = "fixtures/users.json")
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Repeatable(DynamoDbItems.List.class)
public @interface DynamoDbItems {
  /** The table, as named in {@link DynamoDbTable#name()}. */
  String table();

  /** Classpath resource paths, e.g. {@code fixtures/users.json}. */
  String[] value();

  /** Holds repeated {@link DynamoDbItems} annotations. */
  @Documented
  @Inherited
  @Retention(RetentionPolicy.RUNTIME)
  @Target({ElementType.TYPE, ElementType.METHOD})
  @interface List {
    /** The fixtures. */
    DynamoDbItems[] value();
  }
}
