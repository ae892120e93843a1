package dev.tombstone.internal.dynamodb.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.Tombstone;
import dev.tombstone.dynamodb.Item;
import dev.tombstone.dynamodb.KeyAttribute;
import dev.tombstone.dynamodb.KeySchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/** Racing deletes over HTTP: each deleted item is handed back to exactly one caller. */
class ConcurrentDeleteTest {
  static final int THREADS = 32;
  static final int KEYS = 1_000;

  @Test
  void everyOldItemIsReturnedExactlyOnce_whenThreadsRaceToDeleteTheSameKeys() throws Exception {
    try (Tombstone tombstone = Tombstone.builder().start();
        DynamoDbClient dynamo = SdkClients.dynamoDb(tombstone.endpoint(), THREADS)) {
      tombstone.dynamoDb().createTable("race", KeySchema.of(KeyAttribute.s("pk")));
      for (int i = 0; i < KEYS; i++) {
        tombstone.dynamoDb().putItem("race", Item.builder().put("pk", "k" + i).put("n",
            dev.tombstone.dynamodb.AttributeValue.n(i)).build());
      }
      ConcurrentLinkedQueue<String> returned = new ConcurrentLinkedQueue<>();
      CountDownLatch go = new CountDownLatch(1);
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        futures.add(pool.submit(() -> {
          go.await();
          for (int i = 0; i < KEYS; i++) {
            String pk = "k" + i;
            DeleteItemResponse response = dynamo.deleteItem(b -> b.tableName("race")
                .key(Map.of("pk", AttributeValue.fromS(pk))).returnValues(ReturnValue.ALL_OLD));
            if (response.hasAttributes()) {
              assertThat(response.attributes().get("pk").s()).isEqualTo(pk);
              returned.add(pk);
            }
          }
          return null;
        }));
      }
      go.countDown();
      for (Future<?> future : futures) {
        future.get(2, TimeUnit.MINUTES);
      }
      pool.shutdown();

      Map<String, Integer> counts = new ConcurrentHashMap<>();
      returned.forEach(pk -> counts.merge(pk, 1, Integer::sum));
      assertThat(returned).hasSize(KEYS);
      assertThat(counts).hasSize(KEYS).allSatisfy((pk, count) -> assertThat(count).isOne());
      assertThat(tombstone.dynamoDb().items("race")).isEmpty();
    }
  }
}
