package dev.tombstone.internal.server;

import io.undertow.server.HttpServerExchange;

/** The hook the protocol handlers call before they write an answer. */
public final class PartialAnswers {
  private PartialAnswers() {}

  /** Whether a partial-batch fault waits for this exchange's answer. */
  public static boolean pending(HttpServerExchange exchange) {
    return exchange.getAttachment(AnswerMerge.KEY) != null;
  }

  /**
   * The answer body with the requests a fault held back merged in; {@code body} itself when no
   * fault is pending or the answer is an error (the fault then counts as not fired).
   */
  public static byte[] complete(HttpServerExchange exchange, int status, byte[] body) {
    AnswerMerge merge = exchange.removeAttachment(AnswerMerge.KEY);
    return merge == null ? body : merge.merge(status, body);
  }
}
