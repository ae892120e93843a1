package dev.tombstone.internal.dynamodb.protocol;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tombstone.dynamodb.DynamoDbState;
import dev.tombstone.dynamodb.KeyAttribute;
import dev.tombstone.dynamodb.KeySchema;
import dev.tombstone.internal.dynamodb.TableAttachments;
import dev.tombstone.internal.dynamodb.protocol.ItemModelSteps.Batch;
import dev.tombstone.internal.dynamodb.protocol.ItemModelSteps.Delete;
import dev.tombstone.internal.dynamodb.protocol.ItemModelSteps.Get;
import dev.tombstone.internal.dynamodb.protocol.ItemModelSteps.Put;
import dev.tombstone.internal.dynamodb.protocol.ItemModelSteps.Query;
import dev.tombstone.internal.dynamodb.protocol.ItemModelSteps.Scan;
import dev.tombstone.internal.dynamodb.protocol.ItemModelSteps.Step;
import dev.tombstone.internal.dynamodb.protocol.ItemModelSteps.Transact;
import dev.tombstone.internal.dynamodb.protocol.ItemModelSteps.Update;
import dev.tombstone.testing.FuzzTime;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Plays sequences of up to 30 item operations on one table (hash key {@code pk} S, range key
 * {@code sk} N) and checks every answer against {@link ItemModel}, a reference model of
 * DynamoDB's documented item semantics with its own evaluation of a small condition language
 * ({@link ItemCondition}): DeleteItem with a ConditionExpression or the legacy
 * {@code Expected}, ReturnValues and ReturnValuesOnConditionCheckFailure, PutItem, UpdateItem
 * (SET, REMOVE, ADD, DELETE and every ReturnValues), GetItem, Query and Scan page by page,
 * BatchWriteItem and TransactWriteItems. Requests go to {@link DynamoDbJsonProtocol} below
 * HTTP. Each sequence ends with a Scan, so the whole table is compared at least once.
 */
class DynamoDbItemModelFuzzTest {

  @FuzzTest(maxDuration = "1m")
  void sequences(FuzzedDataProvider data) {
    List<Step> steps = ItemModelSteps.read(data);
    steps.add(new Scan(Optional.empty()));

    FuzzTime.boundedRun(() -> play(steps));
  }

  private static void play(List<Step> steps) {
    DynamoDbState state = new DynamoDbState("us-east-1", Clock.systemUTC());
    state.createTable(ItemModel.TABLE, KeySchema.of(KeyAttribute.s("pk"), KeyAttribute.n("sk")));
    ItemModelWire wire = new ItemModelWire(
        new DynamoDbJsonProtocol(state, new TableAttachments(Clock.systemUTC())));
    ItemModel model = new ItemModel();
    ItemModelWrites writes = new ItemModelWrites(wire, model);
    ItemModelMultiWrites multi = new ItemModelMultiWrites(wire, model);
    ItemModelReads reads = new ItemModelReads(wire, model);
    for (int i = 0; i < steps.size(); i++) {
      try {
        run(steps.get(i), writes, multi, reads);
      } catch (AssertionError e) {
        throw new AssertionError("step " + (i + 1) + " of " + steps + " with the model at "
            + model + ": " + e.getMessage(), e);
      }
    }
  }

  private static void run(Step step, ItemModelWrites writes, ItemModelMultiWrites multi,
      ItemModelReads reads) {
    if (step instanceof Delete delete) {
      writes.delete(delete);
    } else if (step instanceof Put put) {
      writes.put(put);
    } else if (step instanceof Update update) {
      writes.update(update);
    } else if (step instanceof Get get) {
      reads.get(get.key());
    } else if (step instanceof Query query) {
      reads.query(query);
    } else if (step instanceof Scan scan) {
      reads.scan(scan.limit());
    } else if (step instanceof Batch batch) {
      multi.batch(batch.writes());
    } else if (step instanceof Transact transact) {
      multi.transact(transact.writes());
    }
  }
}
