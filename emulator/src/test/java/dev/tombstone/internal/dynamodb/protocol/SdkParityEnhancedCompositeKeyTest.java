package dev.tombstone.internal.dynamodb.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional.keyEqualTo;
import static software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional.sortBeginsWith;
import static software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional.sortBetween;
import static software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional.sortGreaterThan;
import static software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional.sortLessThan;

import dev.tombstone.testing.RunningTombstone;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.Order;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondaryPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondarySortKey;
import software.amazon.awssdk.enhanced.dynamodb.model.EnhancedGlobalSecondaryIndex;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;

/**
 * The SDK for Java v2's QueryGSICompositeKeys tests, replayed: the enhanced client creates global
 * indexes whose keys have several attributes (strings, numbers and instants, in the order the
 * annotations give) and queries them with every sort condition on the last sort attribute.
 */
class SdkParityEnhancedCompositeKeyTest {
  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  private final DynamoDbEnhancedClient enhanced =
      DynamoDbEnhancedClient.builder().dynamoDbClient(server.dynamoDb()).build();
  private DynamoDbTable<Event> events;

  /** An event keyed by id, indexed by tenant and region, then kind and time. */
  @DynamoDbBean
  public static class Event {
    private String id;
    private String tenant;
    private Integer region;
    private String kind;
    private Instant at;

    @DynamoDbPartitionKey
    public String getId() {
      return id;
    }

    public void setId(String id) {
      this.id = id;
    }

    @DynamoDbSecondaryPartitionKey(indexNames = {"byTenant", "byTenantRegion"}, order = Order.FIRST)
    public String getTenant() {
      return tenant;
    }

    public void setTenant(String tenant) {
      this.tenant = tenant;
    }

    @DynamoDbSecondaryPartitionKey(indexNames = "byTenantRegion", order = Order.SECOND)
    public Integer getRegion() {
      return region;
    }

    public void setRegion(Integer region) {
      this.region = region;
    }

    @DynamoDbSecondarySortKey(indexNames = {"byTenant", "byTenantRegion"}, order = Order.FIRST)
    public String getKind() {
      return kind;
    }

    public void setKind(String kind) {
      this.kind = kind;
    }

    @DynamoDbSecondarySortKey(indexNames = "byTenantRegion", order = Order.SECOND)
    public Instant getAt() {
      return at;
    }

    public void setAt(Instant at) {
      this.at = at;
    }
  }

  private static Event event(String id, String tenant, int region, String kind, String at) {
    Event event = new Event();
    event.setId(id);
    event.setTenant(tenant);
    event.setRegion(region);
    event.setKind(kind);
    event.setAt(Instant.parse(at));
    return event;
  }

  @BeforeEach
  void eventsWithCompositeIndexes() {
    events = enhanced.table("events", TableSchema.fromBean(Event.class));
    Projection all = Projection.builder().projectionType(ProjectionType.ALL).build();
    events.createTable(r -> r.globalSecondaryIndices(
        EnhancedGlobalSecondaryIndex.builder().indexName("byTenant").projection(all).build(),
        EnhancedGlobalSecondaryIndex.builder().indexName("byTenantRegion").projection(all)
            .build()));
    for (Event e : List.of(
        event("e1", "acme", 1, "delete", "2025-01-01T00:00:00Z"),
        event("e2", "acme", 1, "delete", "2025-06-01T11:21:00Z"),
        event("e3", "acme", 2, "delete", "2025-01-05T00:00:00Z"),
        event("e4", "acme", 1, "delete_soft", "2025-03-01T00:00:00Z"),
        event("e5", "acme", 1, "put", "2025-02-01T00:00:00Z"),
        event("e6", "other", 1, "delete", "2025-01-01T00:00:00Z"))) {
      events.putItem(e);
    }
  }

  private List<String> ids(String index, QueryConditional condition) {
    return events.index(index).query(r -> r.queryConditional(condition)).stream()
        .flatMap(page -> page.items().stream()).map(Event::getId).toList();
  }

  @Test
  void oneAttributeKeys_takeEverySortCondition() {
    assertThat(ids("byTenant", keyEqualTo(k -> k.addPartitionValue("acme")
        .addSortValue("delete")))).containsExactlyInAnyOrder("e1", "e2", "e3");
    assertThat(ids("byTenant", sortBeginsWith(k -> k.addPartitionValue("acme")
        .addSortValue("delete_")))).containsExactly("e4");
    assertThat(ids("byTenant", sortGreaterThan(k -> k.addPartitionValue("acme")
        .addSortValue("delete")))).containsExactly("e4", "e5");
    assertThat(ids("byTenant", sortLessThan(k -> k.addPartitionValue("acme")
        .addSortValue("delete_")))).containsExactlyInAnyOrder("e1", "e2", "e3");
  }

  @Test
  void twoAttributeKeys_matchEveryPartitionAttribute_andRangeOnTheLastSortAttribute() {
    assertThat(ids("byTenantRegion", keyEqualTo(k -> k.addPartitionValue("acme")
        .addPartitionValue(1).addSortValue("delete")))).containsExactly("e1", "e2");
    assertThat(ids("byTenantRegion", keyEqualTo(k -> k.addPartitionValue("acme")
        .addPartitionValue(1).addSortValue("delete")
        .addSortValue(Instant.parse("2025-06-01T11:21:00Z"))))).containsExactly("e2");
    assertThat(ids("byTenantRegion", sortGreaterThan(k -> k.addPartitionValue("acme")
        .addPartitionValue(1).addSortValue("delete")
        .addSortValue(Instant.parse("2025-01-01T00:00:00Z"))))).containsExactly("e2");
    assertThat(ids("byTenantRegion", sortBetween(
        k -> k.addPartitionValue("acme").addPartitionValue(1).addSortValue("delete")
            .addSortValue(Instant.parse("2024-12-31T00:00:00Z")),
        k -> k.addPartitionValue("acme").addPartitionValue(1).addSortValue("delete")
            .addSortValue(Instant.parse("2025-02-01T00:00:00Z"))))).containsExactly("e1");
    assertThat(ids("byTenantRegion", keyEqualTo(k -> k.addPartitionValue("acme")
        .addPartitionValue(2)))).containsExactly("e3");
  }
}
