package dev.tombstone.internal.server;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;

/**
 * Set on an exchange a fault rule fired for, so the request journal can mark the entry.
 *
 * @param description e.g. {@code fault-1 ProvisionedThroughputExceededException}
 * @param answered false when the connection was closed before any answer
 */
public record FaultMark(String description, boolean answered) {
  static final AttachmentKey<FaultMark> KEY = AttachmentKey.create(FaultMark.class);

  /** The mark of this exchange, or null when no fault fired for it. */
  public static FaultMark of(HttpServerExchange exchange) {
    return exchange.getAttachment(KEY);
  }
}
