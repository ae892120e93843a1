package dev.tombstone.internal.server;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;

/**
 * The second half of a partial-batch fault: the layer held some requests back from the protocol,
 * and the protocol's answer must report them (BatchWriteItem's {@code UnprocessedItems},
 * DeleteObjects' {@code <Error>} entries). The HTTP handlers call {@link #merge} on the body they
 * are about to send, whatever its status.
 */
@FunctionalInterface
interface AnswerMerge {
  AttachmentKey<AnswerMerge> KEY = AttachmentKey.create(AnswerMerge.class);

  byte[] merge(int status, byte[] body);
}
