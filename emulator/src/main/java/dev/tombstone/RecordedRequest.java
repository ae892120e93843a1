package dev.tombstone;

import dev.tombstone.internal.server.RequestJournal;
import java.time.Instant;
import java.util.Objects;

/**
 * One request the emulator answered, as kept in its journal ({@link Tombstone#requests()}).
 *
 * <pre>{@code
 * for (RecordedRequest r : tombstone.requests()) {
 *   System.out.println(r);
 *   // POST / DynamoDB_20120810.DeleteItem -> 200 {"TableName":"users",...}
 * }
 * }</pre>
 *
 * @param time when the answer was committed (or the connection closed), by the emulator's clock
 * @param method the HTTP method, e.g. {@code DELETE}
 * @param path the request path, still percent-encoded, e.g. {@code /uploads/a%20b.txt}
 * @param query the query string without {@code ?}; empty when there is none
 * @param target the {@code X-Amz-Target} header (the DynamoDB operation); empty for S3
 * @param body the JSON body of DynamoDB and MagnetoDB requests, cut to {@link #MAX_BODY_CHARS}
 *     characters; empty for S3, whose bodies are object data
 * @param status the HTTP status of the answer; {@link #NO_ANSWER} when a fault closed the
 *     connection before answering
 * @param fault the fault rule that fired for this request and its effect, e.g.
 *     {@code fault-1 ProvisionedThroughputExceededException} or {@code fault-2 drop after};
 *     empty when the answer is the emulator's own
 */
public record RecordedRequest(
    Instant time, String method, String path, String query, String target, String body,
    int status, String fault) {
  /** Bodies longer than this many characters are cut and end with {@code "..."}. */
  public static final int MAX_BODY_CHARS = RequestJournal.MAX_BODY_CHARS;

  /** The status of a request whose connection a fault closed before any answer. */
  public static final int NO_ANSWER = RequestJournal.NO_ANSWER;

  /** Checks that no component is null. */
  public RecordedRequest {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(fault, "fault");
  }

  /** A request answered without a fault. */
  public RecordedRequest(Instant time, String method, String path, String query, String target,
      String body, int status) {
    this(time, method, path, query, target, body, status, "");
  }

  /** Whether a fault rule decided this request's answer (or its lack of one). */
  public boolean faulted() {
    return !fault.isEmpty();
  }

  /** One line: method, path with query, target, status, the fault if any, and body. */
  @Override
  public String toString() {
    StringBuilder line = new StringBuilder(method).append(' ').append(path);
    if (!query.isEmpty()) {
      line.append('?').append(query);
    }
    if (!target.isEmpty()) {
      line.append(' ').append(target);
    }
    line.append(" -> ").append(status == NO_ANSWER ? "no answer" : Integer.toString(status));
    if (!fault.isEmpty()) {
      line.append(" [fault ").append(fault).append(']');
    }
    if (!body.isEmpty()) {
      line.append(' ').append(body);
    }
    return line.toString();
  }
}
