package dev.tombstone.internal.dynamodb.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.testing.RunningTombstone;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;
import software.amazon.awssdk.enhanced.dynamodb.model.Page;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * The SDK for Java v2's enhanced-client ScanQueryIntegrationTest, replayed: scans and queries
 * paged by {@code Limit}, where a page that fills its limit carries the key of its last item and
 * a short page carries none, and consumed capacity answered only when asked for, a consistent
 * read costing at least what an eventual one does.
 */
class SdkItParityEnhancedScanQueryTest {
  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  private final DynamoDbEnhancedClient enhanced =
      DynamoDbEnhancedClient.builder().dynamoDbClient(server.dynamoDb()).build();
  private DynamoDbTable<Rec> table;

  /** A record in one partition, sorted by a number. */
  @DynamoDbBean
  public static class Rec {
    private String id;
    private Integer sort;
    private String value;

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

    public String getValue() {
      return value;
    }

    public void setValue(String value) {
      this.value = value;
    }
  }

  private static Rec rec(int sort) {
    Rec rec = new Rec();
    rec.setId("id-value");
    rec.setSort(sort);
    rec.setValue("value-" + sort);
    return rec;
  }

  private static Map<String, AttributeValue> key(int sort) {
    return Map.of("id", AttributeValue.fromS("id-value"),
        "sort", AttributeValue.fromN(Integer.toString(sort)));
  }

  private static List<Integer> sorts(Page<Rec> page) {
    return page.items().stream().map(Rec::getSort).toList();
  }

  @BeforeEach
  void records() {
    table = enhanced.table("scan-query", TableSchema.fromBean(Rec.class));
    table.createTable();
    IntStream.range(0, 9).forEach(i -> table.putItem(rec(i)));
  }

  @Test
  void scanPagedByFive_givesAFullPageWithItsLastKey_thenAShortPageWithNone() {
    Iterator<Page<Rec>> pages = table.scan(r -> r.limit(5)).iterator();
    Page<Rec> first = pages.next();
    assertThat(pages.hasNext()).isTrue();
    Page<Rec> second = pages.next();
    assertThat(pages.hasNext()).isFalse();

    assertThat(sorts(first)).containsExactly(0, 1, 2, 3, 4);
    assertThat(first.consumedCapacity()).isNull();
    assertThat(first.lastEvaluatedKey()).isEqualTo(key(4));
    assertThat(first.count()).isEqualTo(5);
    assertThat(first.scannedCount()).isEqualTo(5);
    assertThat(sorts(second)).containsExactly(5, 6, 7, 8);
    assertThat(second.lastEvaluatedKey()).isNull();
    assertThat(second.count()).isEqualTo(4);
    assertThat(second.scannedCount()).isEqualTo(4);
  }

  @Test
  void queryBetweenPagedByThree_givesAFullPageWithItsLastKey_thenAShortPageWithNone() {
    Iterator<Page<Rec>> pages = table.query(r -> r.limit(3).queryConditional(
        QueryConditional.sortBetween(k -> k.partitionValue("id-value").sortValue(2),
            k -> k.partitionValue("id-value").sortValue(6)))).iterator();
    Page<Rec> first = pages.next();
    assertThat(pages.hasNext()).isTrue();
    Page<Rec> second = pages.next();
    assertThat(pages.hasNext()).isFalse();

    assertThat(sorts(first)).containsExactly(2, 3, 4);
    assertThat(first.consumedCapacity()).isNull();
    assertThat(first.lastEvaluatedKey()).isEqualTo(key(4));
    assertThat(first.count()).isEqualTo(3);
    assertThat(first.scannedCount()).isEqualTo(3);
    assertThat(sorts(second)).containsExactly(5, 6);
    assertThat(second.lastEvaluatedKey()).isNull();
    assertThat(second.count()).isEqualTo(2);
    assertThat(second.scannedCount()).isEqualTo(2);
  }

  @Test
  void consumedCapacity_isAnsweredWhenAskedFor_consistentReadsCostingAtLeastEventualOnes() {
    ConsumedCapacity eventualScan = table.scan(r -> r.returnConsumedCapacity(
        ReturnConsumedCapacity.TOTAL)).iterator().next().consumedCapacity();
    ConsumedCapacity consistentScan = table.scan(r -> r.consistentRead(true)
        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).iterator().next()
        .consumedCapacity();
    assertThat(eventualScan.tableName()).isEqualTo("scan-query");
    assertThat(eventualScan.capacityUnits()).isPositive();
    assertThat(consistentScan.capacityUnits())
        .isGreaterThanOrEqualTo(eventualScan.capacityUnits());

    QueryConditional above3 =
        QueryConditional.sortGreaterThan(k -> k.partitionValue("id-value").sortValue(3));
    Iterator<Page<Rec>> eventual = table.query(r -> r.queryConditional(above3)
        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).iterator();
    Page<Rec> page = eventual.next();
    assertThat(eventual.hasNext()).isFalse();
    assertThat(sorts(page)).containsExactly(4, 5, 6, 7, 8);
    ConsumedCapacity consistent = table.query(r -> r.queryConditional(above3).consistentRead(true)
        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).iterator().next()
        .consumedCapacity();
    assertThat(page.consumedCapacity().capacityUnits()).isPositive();
    assertThat(consistent.capacityUnits())
        .isGreaterThanOrEqualTo(page.consumedCapacity().capacityUnits());
  }

  @Test
  void countQueryOfAnEmptyPartition_isOnePageOfNone() {
    Iterator<Page<Rec>> pages = table.query(r -> r.select(Select.COUNT).queryConditional(
        QueryConditional.keyEqualTo(Key.builder().partitionValue("val").build()))).iterator();
    Page<Rec> page = pages.next();
    assertThat(page.count()).isZero();
    assertThat(page.items()).isEmpty();
    assertThat(pages.hasNext()).isFalse();
  }
}
