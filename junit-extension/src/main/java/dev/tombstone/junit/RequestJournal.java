package dev.tombstone.junit;

import dev.tombstone.RecordedRequest;
import dev.tombstone.Tombstone;
import java.util.List;

/**
 * Added as a suppressed exception to a failed test's exception, so the requests the test sent
 * appear right below the failure in the IDE and in build reports. Has no stack trace of its own.
 */
final class RequestJournal extends RuntimeException {
  private static final long serialVersionUID = 1L;
  /** How many requests {@code Tombstone.requests()} keeps; older ones are dropped. */
  static final int KEPT = 512;

  private RequestJournal(String message) {
    super(message, null, false, false);
  }

  static RequestJournal of(Tombstone tombstone) {
    return new RequestJournal(render(tombstone.endpoint().toString(), tombstone.requests()));
  }

  /** Whether the failure already carries a journal (a test's, seen again by a later hook). */
  static boolean isAttached(Throwable failure) {
    for (Throwable suppressed : failure.getSuppressed()) {
      if (suppressed instanceof RequestJournal) {
        return true;
      }
    }
    return false;
  }

  static String render(String endpoint, List<RecordedRequest> requests) {
    if (requests.isEmpty()) {
      return "This test sent no requests to Tombstone at " + endpoint
          + " (is the code under test using the injected clients or endpoint?)";
    }
    StringBuilder text = new StringBuilder("Requests this test sent to Tombstone at ")
        .append(endpoint);
    if (requests.size() >= KEPT) {
      // The journal does not count what it dropped: it may have been nothing, or thousands.
      text.append(", the last ").append(KEPT).append(" only (the journal keeps no more; any"
          + " earlier ones are not shown)");
    }
    text.append(':');
    for (int i = 0; i < requests.size(); i++) {
      text.append(System.lineSeparator()).append("  ").append(i + 1).append(". ")
          .append(requests.get(i));
    }
    return text.toString();
  }
}
