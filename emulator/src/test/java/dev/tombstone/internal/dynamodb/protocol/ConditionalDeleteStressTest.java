package dev.tombstone.internal.dynamodb.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.Tombstone;
import dev.tombstone.dynamodb.Item;
import dev.tombstone.dynamodb.KeyAttribute;
import dev.tombstone.dynamodb.KeySchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** 64 threads race the same conditional delete on each of 1,000 items over HTTP. */
class ConditionalDeleteStressTest {
  static final int THREADS = 64;
  static final int ITEMS = 1_000;

  @Test
  void exactlyOneConditionalDeleteSucceedsPerItem() throws Exception {
    try (Tombstone tombstone = Tombstone.builder().start();
        DynamoDbClient dynamo = SdkClients.dynamoDb(tombstone.endpoint(), THREADS)) {
      tombstone.dynamoDb().createTable("users", KeySchema.of(KeyAttribute.s("UserId")));
      for (int i = 0; i < ITEMS; i++) {
        tombstone.dynamoDb().putItem("users", Item.builder().put("UserId", "u" + i).build());
      }
      AtomicIntegerArray successes = new AtomicIntegerArray(ITEMS);
      AtomicIntegerArray failures = new AtomicIntegerArray(ITEMS);
      CountDownLatch go = new CountDownLatch(1);
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int offset = t;
        futures.add(pool.submit(() -> {
          go.await();
          for (int n = 0; n < ITEMS; n++) {
            // Threads start at different items so that every item sees real contention.
            int i = (n + offset * 7) % ITEMS;
            try {
              dynamo.deleteItem(b -> b.tableName("users")
                  .key(Map.of("UserId", AttributeValue.fromS("u" + i)))
                  .conditionExpression("attribute_exists(UserId)"));
              successes.incrementAndGet(i);
            } catch (ConditionalCheckFailedException e) {
              failures.incrementAndGet(i);
            }
          }
          return null;
        }));
      }
      go.countDown();
      for (Future<?> future : futures) {
        future.get(5, TimeUnit.MINUTES);
      }
      pool.shutdown();

      for (int i = 0; i < ITEMS; i++) {
        assertThat(successes.get(i)).as("successes for u%d", i).isOne();
        assertThat(failures.get(i)).as("failures for u%d", i).isEqualTo(THREADS - 1);
      }
      assertThat(tombstone.dynamoDb().items("users")).isEmpty();
    }
  }
}
