package dev.tombstone.internal.dynamodb.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.testing.RunningTombstone;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbIndex;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondaryPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;
import software.amazon.awssdk.enhanced.dynamodb.model.BatchGetResultPageIterable;
import software.amazon.awssdk.enhanced.dynamodb.model.CreateTableEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.EnhancedGlobalSecondaryIndex;
import software.amazon.awssdk.enhanced.dynamodb.model.Page;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.ReadBatch;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;

/**
 * The enhanced client's query, index query, paging and batch get against the emulator: the
 * soft-delete pattern's "find what is marked deleted" through a sparse global index.
 */
class EnhancedClientTest {
  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  final DynamoDbEnhancedClient enhanced =
      DynamoDbEnhancedClient.builder().dynamoDbClient(server.dynamoDb()).build();

  /** A note owned by a user; {@code deletedAt} is set only on soft-deleted notes. */
  @DynamoDbBean
  public static class Note {
    private String owner;
    private Integer seq;
    private String deletedAt;

    @DynamoDbPartitionKey
    public String getOwner() {
      return owner;
    }

    public void setOwner(String owner) {
      this.owner = owner;
    }

    @DynamoDbSortKey
    public Integer getSeq() {
      return seq;
    }

    public void setSeq(Integer seq) {
      this.seq = seq;
    }

    @DynamoDbSecondaryPartitionKey(indexNames = "deleted")
    public String getDeletedAt() {
      return deletedAt;
    }

    public void setDeletedAt(String deletedAt) {
      this.deletedAt = deletedAt;
    }
  }

  private DynamoDbTable<Note> notes;

  @BeforeEach
  void notes() {
    notes = enhanced.table("notes", TableSchema.fromBean(Note.class));
    notes.createTable(CreateTableEnhancedRequest.builder()
        .globalSecondaryIndices(EnhancedGlobalSecondaryIndex.builder().indexName("deleted")
            .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
            .build())
        .build());
    for (int seq = 1; seq <= 7; seq++) {
      Note note = new Note();
      note.setOwner(seq <= 5 ? "ann" : "ben");
      note.setSeq(seq);
      note.setDeletedAt(seq % 2 == 0 ? "2024-05-01" : null);
      notes.putItem(note);
    }
  }

  @Test
  void query_pagesThroughOnePartition() {
    List<Page<Note>> pages = notes.query(QueryEnhancedRequest.builder()
        .queryConditional(QueryConditional.keyEqualTo(Key.builder().partitionValue("ann").build()))
        .limit(2).build()).stream().collect(Collectors.toList());

    assertThat(pages.stream().flatMap(p -> p.items().stream()).map(Note::getSeq))
        .containsExactly(1, 2, 3, 4, 5);
    assertThat(pages).hasSizeGreaterThanOrEqualTo(3);
  }

  @Test
  void query_sortKeyRange() {
    List<Integer> seqs = notes.query(QueryConditional.sortBetween(
            Key.builder().partitionValue("ann").sortValue(2).build(),
            Key.builder().partitionValue("ann").sortValue(4).build()))
        .items().stream().map(Note::getSeq).collect(Collectors.toList());

    assertThat(seqs).containsExactly(2, 3, 4);
  }

  @Test
  void indexQuery_findsOnlySoftDeletedNotes() {
    DynamoDbIndex<Note> deleted = notes.index("deleted");
    List<Integer> seqs = deleted.query(QueryEnhancedRequest.builder()
            .queryConditional(QueryConditional.keyEqualTo(
                Key.builder().partitionValue("2024-05-01").build()))
            .limit(1).build())
        .stream().flatMap(p -> p.items().stream()).map(Note::getSeq)
        .sorted().collect(Collectors.toList());

    assertThat(seqs).containsExactly(2, 4, 6);
  }

  @Test
  void batchGet_readsTheAskedNotes() {
    BatchGetResultPageIterable result = enhanced.batchGetItem(b -> b.readBatches(
        ReadBatch.builder(Note.class).mappedTableResource(notes)
            .addGetItem(Key.builder().partitionValue("ann").sortValue(1).build())
            .addGetItem(Key.builder().partitionValue("ben").sortValue(7).build())
            .addGetItem(Key.builder().partitionValue("ben").sortValue(99).build())
            .build()));

    assertThat(result.resultsForTable(notes).stream().map(Note::getSeq))
        .containsExactlyInAnyOrder(1, 7);
  }
}
