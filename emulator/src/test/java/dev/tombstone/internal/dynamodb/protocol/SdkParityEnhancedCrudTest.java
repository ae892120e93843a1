package dev.tombstone.internal.dynamodb.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.testing.RunningTombstone;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.extensions.VersionedRecordExtension;
import software.amazon.awssdk.enhanced.dynamodb.extensions.annotations.DynamoDbVersionAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondarySortKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;
import software.amazon.awssdk.enhanced.dynamodb.model.EnhancedLocalSecondaryIndex;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactDeleteItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnItemCollectionMetrics;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The SDK for Java v2's enhanced-client CRUD tests (CrudWithResponse, the *WithResponse tests,
 * OptimisticLockingCrud), replayed: the version conditions of optimistic locking on updates,
 * deletes and transactional deletes, the old item on a failed condition when asked for, and
 * consumed capacity and item collection metrics.
 */
class SdkParityEnhancedCrudTest {
  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  private final DynamoDbEnhancedClient enhanced = DynamoDbEnhancedClient.builder()
      .dynamoDbClient(server.dynamoDb()).extensions(VersionedRecordExtension.builder().build())
      .build();
  private DynamoDbTable<Doc> docs;
  private final Key key = Key.builder().partitionValue("123").sortValue(10).build();

  /** A record with a sort key, an attribute a local index sorts on, and a version. */
  @DynamoDbBean
  public static class Doc {
    private String id;
    private Integer sort;
    private String text;
    private String body;
    private Integer version;

    @DynamoDbPartitionKey
    public String getId() {
      return id;
    }

    public void setId(String id) {
      this.id = id;
    }

    @DynamoDbSortKey
    public Integer getSort() {
      return sort;
    }

    public void setSort(Integer sort) {
      this.sort = sort;
    }

    @DynamoDbSecondarySortKey(indexNames = "index1")
    public String getText() {
      return text;
    }

    public void setText(String text) {
      this.text = text;
    }

    public String getBody() {
      return body;
    }

    public void setBody(String body) {
      this.body = body;
    }

    @DynamoDbVersionAttribute
    public Integer getVersion() {
      return version;
    }

    public void setVersion(Integer version) {
      this.version = version;
    }
  }

  @BeforeEach
  void table() {
    docs = enhanced.table("docs", TableSchema.fromBean(Doc.class));
    docs.createTable(r -> r.localSecondaryIndices(EnhancedLocalSecondaryIndex.create("index1",
        software.amazon.awssdk.services.dynamodb.model.Projection.builder()
            .projectionType(ProjectionType.ALL).build())));
  }

  private Doc doc(String text) {
    Doc doc = new Doc();
    doc.setId("123");
    doc.setSort(10);
    doc.setText(text);
    return doc;
  }

  private Doc updatedTwice() {
    docs.putItem(doc("Original Item"));
    Doc saved = docs.getItem(key);
    saved.setText("Updated Item");
    docs.updateItem(saved);
    return docs.getItem(key);
  }

  /** The condition the SDK's optimistic locking on deletes sends: the version read. */
  private static Expression versionIs(int version) {
    return Expression.builder().expression("#v = :v").putExpressionName("#v", "version")
        .putExpressionValue(":v", AttributeValue.fromN(Integer.toString(version))).build();
  }

  @Test
  void deleteOnTheVersionRead_deletes_alsoInATransaction() {
    Doc current = updatedTwice();
    docs.deleteItem(r -> r.key(key).conditionExpression(versionIs(current.getVersion())));
    assertThat(docs.getItem(key)).isNull();

    Doc again = updatedTwice();
    enhanced.transactWriteItems(TransactWriteItemsEnhancedRequest.builder()
        .addDeleteItem(docs, TransactDeleteItemEnhancedRequest.builder().key(key)
            .conditionExpression(versionIs(again.getVersion())).build()).build());
    assertThat(docs.getItem(key)).isNull();
  }

  @Test
  void deleteOnAnotherVersion_failsItsCondition_alsoInATransaction() {
    assertThat(updatedTwice().getVersion()).isEqualTo(2);

    ConditionalCheckFailedException single = catchThrowableOfType(
        ConditionalCheckFailedException.class,
        () -> docs.deleteItem(r -> r.key(key).conditionExpression(versionIs(3))));
    TransactionCanceledException transaction = catchThrowableOfType(
        TransactionCanceledException.class, () -> enhanced.transactWriteItems(
            TransactWriteItemsEnhancedRequest.builder().addDeleteItem(docs,
                TransactDeleteItemEnhancedRequest.builder().key(key)
                    .conditionExpression(versionIs(3)).build()).build()));

    assertThat(single.getMessage()).contains("The conditional request failed");
    assertThat(transaction.cancellationReasons()).singleElement().satisfies(reason -> {
      assertThat(reason.code()).isEqualTo("ConditionalCheckFailed");
      assertThat(reason.message()).isEqualTo("The conditional request failed");
    });
    assertThat(docs.getItem(key).getVersion()).isEqualTo(2);
  }

  @Test
  void updateOfAStaleCopy_failsTheVersionCondition() {
    Doc stale = updatedTwice();
    stale.setVersion(1);
    stale.setText("lost update");

    assertThat(catchThrowableOfType(ConditionalCheckFailedException.class,
        () -> docs.updateItem(stale))).isNotNull();
    assertThat(docs.getItem(key).getText()).isEqualTo("Updated Item");
  }

  @Test
  void failedConditions_carryTheOldItem_onlyWhenAskedFor() {
    docs.putItem(doc("text"));
    Expression absent = Expression.builder().expression("attribute_not_exists(id)").build();

    assertThat(catchThrowableOfType(ConditionalCheckFailedException.class, () -> docs.putItem(
        r -> r.item(doc("again")).conditionExpression(absent))).hasItem()).isFalse();
    assertThat(catchThrowableOfType(ConditionalCheckFailedException.class, () -> docs.putItem(
        r -> r.item(doc("again")).conditionExpression(absent)
            .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)))
        .item()).containsKeys("id", "sort", "text", "version");
    assertThat(catchThrowableOfType(ConditionalCheckFailedException.class, () -> docs.updateItem(
        r -> r.item(docs.getItem(key)).conditionExpression(absent)
            .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)))
        .hasItem()).isTrue();
    assertThat(catchThrowableOfType(ConditionalCheckFailedException.class, () -> docs.deleteItem(
        r -> r.key(key).conditionExpression(absent)
            .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)))
        .hasItem()).isTrue();
  }

  @Test
  void capacityAndMetrics_areAnsweredOnlyWhenAskedFor_readsBySizeAndConsistency() {
    var plain = docs.putItemWithResponse(r -> r.item(doc("a")));
    var asked = docs.putItemWithResponse(r -> r.item(docs.getItem(key))
        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
        .returnItemCollectionMetrics(ReturnItemCollectionMetrics.SIZE));
    assertThat(plain.consumedCapacity()).isNull();
    assertThat(plain.itemCollectionMetrics()).isNull();
    assertThat(asked.consumedCapacity().capacityUnits()).isNotNull();
    assertThat(asked.itemCollectionMetrics()).isNotNull();

    Doc big = docs.getItem(key);
    big.setBody("x".repeat(80 * 1024));
    docs.putItem(big);
    var eventual = docs.getItemWithResponse(r -> r.key(key)
        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
    var strong = docs.getItemWithResponse(r -> r.key(key).consistentRead(true)
        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
    assertThat(eventual.consumedCapacity().capacityUnits()).isCloseTo(10.0,
        org.assertj.core.data.Offset.offset(1.0));
    assertThat(strong.consumedCapacity().capacityUnits()).isCloseTo(20.0,
        org.assertj.core.data.Offset.offset(1.0));

    assertThat(docs.deleteItemWithResponse(r -> r.key(key)).consumedCapacity()).isNull();
    assertThat(docs.deleteItemWithResponse(r -> r.key(key)
        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity()).isNotNull();
  }
}
