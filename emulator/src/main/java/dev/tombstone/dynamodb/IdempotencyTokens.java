package dev.tombstone.dynamodb;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * TransactWriteItems' ClientRequestTokens: a token is remembered for 10 minutes of the
 * emulator's clock after its transaction succeeded. Used under the state's exclusive lock.
 */
final class IdempotencyTokens {
  static final Duration WINDOW = Duration.ofMinutes(10);

  private record Entry(Object parameters, TransactWriteItems.Result result, Instant completed) {}

  private final Clock clock;
  private final Map<String, Entry> tokens = new HashMap<>();

  IdempotencyTokens(Clock clock) {
    this.clock = clock;
  }

  /** Runs {@code request}, or answers a repeat of it with the first result. */
  TransactWriteItems.Result run(TransactWriteItems.Request request,
      java.util.function.Supplier<TransactWriteItems.Result> transaction) {
    String token = request.clientRequestToken();
    if (token == null) {
      return transaction.get();
    }
    Instant now = clock.instant();
    tokens.values().removeIf(e -> !now.isBefore(e.completed().plus(WINDOW)));
    Entry previous = tokens.get(token);
    if (previous != null) {
      if (!previous.parameters().equals(request.parameters())) {
        throw new DynamoDbError.IdempotentParameterMismatch("");
      }
      return previous.result();
    }
    TransactWriteItems.Result result = transaction.get();
    tokens.put(token, new Entry(request.parameters(), result, clock.instant()));
    return result;
  }

  void clear() {
    tokens.clear();
  }
}
