package dev.tombstone.scenarios.script;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs the steps of a scenario over HTTP with the JDK client, one at a time, carrying the
 * variables (including captured ones) from step to step.
 */
public final class ScenarioRunner {
  private final HttpClient http = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5))
      .build();
  private final Variables variables;

  /** A runner whose variables start as {@code initial} (e.g. baseUrl and gatewayUrl). */
  public ScenarioRunner(Map<String, String> initial) {
    this.variables = new Variables(initial);
  }

  /** Sends the step's request, checks the response and applies its captures. */
  public StepReport run(Step step) {
    RequestSpec spec = step.request();
    String url = variables.resolve(spec.url());
    Map<String, String> headers = new LinkedHashMap<>();
    spec.headers().forEach((k, v) -> headers.put(k, variables.resolve(v)));
    String body = variables.resolve(spec.body());

    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
        .timeout(Duration.ofSeconds(30))
        .method(spec.method(), body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    headers.forEach(request::header);
    Response response = send(request.build());

    List<String> mismatches = new ArrayList<>();
    for (Check check : step.checks()) {
      check.verify(response, variables).ifPresent(mismatches::add);
    }
    for (Step.Capture capture : step.captures()) {
      Optional<String> value = capture.header() != null ? response.header(capture.header())
          : response.json().map(json -> JsonPath.at(json, capture.jsonPath()))
              .filter(JsonNode::isValueNode).map(JsonNode::asText);
      value.ifPresentOrElse(v -> variables.set(capture.variable(), v),
          () -> mismatches.add("capture " + capture.variable() + ": nothing at "
              + (capture.header() != null ? "header " + capture.header()
                  : "body " + capture.jsonPath())));
    }
    return new StepReport(step, spec.method(), url, headers, body, response, mismatches);
  }

  private Response send(HttpRequest request) {
    try {
      HttpResponse<String> response =
          http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Response(response.statusCode(), response.headers().map(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
