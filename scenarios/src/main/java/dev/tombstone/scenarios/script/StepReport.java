package dev.tombstone.scenarios.script;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What happened in one step: the request as sent, the response and the failed checks.
 *
 * @param step       the step
 * @param method     the method sent
 * @param url        the URL sent (placeholders resolved)
 * @param headers    the headers sent
 * @param body       the body sent, or {@code null}
 * @param response   the response
 * @param mismatches one line per failed check; empty when the step passed
 */
public record StepReport(Step step, String method, String url, Map<String, String> headers,
    String body, Response response, List<String> mismatches) {
  public StepReport {
    headers = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(headers));
    mismatches = List.copyOf(mismatches);
  }

  /** Whether every check passed. */
  public boolean passed() {
    return mismatches.isEmpty();
  }

  /** A report naming the step, the request, the expected and the actual response. */
  public String describe() {
    StringBuilder out = new StringBuilder();
    out.append("step '").append(step.name()).append("' ")
        .append(passed() ? "passed" : "failed").append('\n');
    out.append("request:\n  ").append(method).append(' ').append(url).append('\n');
    headers.forEach((k, v) -> out.append("  ").append(k).append(": ").append(v).append('\n'));
    if (body != null) {
      out.append("  ").append(body).append('\n');
    }
    out.append("expected:\n");
    step.checks().forEach(c -> out.append("  ").append(c.description()).append('\n'));
    out.append("actual:\n  status ").append(response.status()).append('\n');
    out.append(response.headers().entrySet().stream()
        .map(e -> "  " + e.getKey() + ": " + String.join(", ", e.getValue()))
        .collect(Collectors.joining("\n"))).append('\n');
    out.append("  ").append(response.body()).append('\n');
    if (!passed()) {
      out.append("mismatches:\n");
      mismatches.forEach(m -> out.append("  - ").append(m).append('\n'));
    }
    return out.toString();
  }
}
