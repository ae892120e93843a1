package dev.tombstone.internal.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * One family of the differential check: sends each request to DynamoDB Local and to Tombstone,
 * compares the answers, and explains a difference from {@code known-differences.txt} or records
 * it as unknown. A case counts once, at its first differing answer; its later steps are still
 * compared, and an unexplained difference in any of them is recorded, unless one side refused
 * what the other did (then their data differ for the rest of the case).
 */
final class SideBySide {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private final URI theirs;
  private final URI ours;
  private final List<Known> known;
  private final Map<String, Integer> knownCounts = new TreeMap<>();
  private final List<String> unknown = new ArrayList<>();
  private int cases;
  private final StringBuilder steps = new StringBuilder();
  private boolean differed;
  private boolean unexplained;
  private boolean diverged;

  SideBySide(URI theirs, URI ours) throws Exception {
    this.theirs = theirs;
    this.ours = ours;
    this.known = known();
  }

  /** Starts a new case: its first difference is the one counted. */
  void nextCase() {
    cases++;
    differed = false;
    unexplained = false;
    diverged = false;
    steps.setLength(0);
  }

  /** Sends a request to both without comparing (table set-up, clean-up); fails on an error. */
  void setUp(String operation, String body) throws Exception {
    for (URI endpoint : List.of(theirs, ours)) {
      HttpResponse<String> response = post(endpoint, operation, body);
      assertThat(response.statusCode()).as("%s %s at %s: %s", operation, body, endpoint,
          response.body()).isEqualTo(200);
    }
  }

  /** Compares, with {@code Items} in the order sent. Tombstone's body when both agree, else null. */
  Object send(String operation, String body) throws Exception {
    return send(operation, body, true);
  }

  Object send(String operation, String body, boolean itemsInOrder) throws Exception {
    if (diverged) {
      return null;
    }
    HttpResponse<String> local = post(theirs, operation, body);
    HttpResponse<String> mine = post(ours, operation, body);
    String a = answer(local, itemsInOrder);
    String b = answer(mine, itemsInOrder);
    String request = operation + " " + body;
    steps.append(request).append("\n  DynamoDB Local: ").append(a);
    if (a.equals(b)) {
      steps.append('\n');
      try {
        return JsonTree.parse(mine.body().getBytes(StandardCharsets.UTF_8));
      } catch (JsonTree.Malformed e) {
        return null;
      }
    }
    steps.append("\n  Tombstone:      ").append(b).append('\n');
    String reason = known.stream().filter(k -> k.explains(request, a, b)).findFirst()
        .map(Known::reason).orElse(null);
    if (reason == null && !unexplained) {
      unexplained = true;
      unknown.add(steps.toString());
    } else if (reason != null && !differed) {
      knownCounts.merge(reason, 1, Integer::sum);
    }
    // One side refused what the other did: their data differ for the rest of the case.
    diverged = local.statusCode() != mine.statusCode();
    differed = true;
    return null;
  }

  /** Prints the counts and the unknown differences, writes the report, fails on any unknown. */
  void finish(String family) throws Exception {
    System.out.printf("differential %s: %d cases, %d known differences, %d unknown%n", family,
        cases, knownCounts.values().stream().mapToInt(Integer::intValue).sum(), unknown.size());
    knownCounts.forEach((reason, count) -> System.out.printf("  %6d  %s%n", count, reason));
    unknown.stream().limit(40).forEach(System.out::println);
    Files.writeString(Path.of("target/differential-report-" + family + ".txt"),
        String.join("\n", unknown));
    assertThat(unknown).as("%s: differences not in known-differences.txt", family).isEmpty();
  }

  /** The status, the error type without its prefix, the message, and the normalised body. */
  private static String answer(HttpResponse<String> response, boolean itemsInOrder) {
    Object body;
    try {
      body = JsonTree.parse(response.body().getBytes(StandardCharsets.UTF_8));
    } catch (JsonTree.Malformed e) {
      body = response.body();
    }
    if (body instanceof Map<?, ?> map && map.containsKey("__type")) {
      String type = String.valueOf(map.get("__type"));
      Object message = map.containsKey("message") ? map.get("message") : map.get("Message");
      return response.statusCode() + " " + type.substring(type.indexOf('#') + 1) + " "
          + message;
    }
    if (body instanceof Map<?, ?> map) {
      Map<Object, Object> kept = new LinkedHashMap<>(map);
      kept.remove("ConsumedCapacity");
      if (!itemsInOrder && kept.get("Items") instanceof List<?> items) {
        kept.put("Items", items.stream().map(SideBySide::normalise)
            .sorted(Comparator.comparing(String::valueOf)).toList());
      }
      body = kept;
    }
    return response.statusCode() + " " + normalise(body);
  }

  private static Object normalise(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> sorted = new TreeMap<>();
      map.forEach((k, v) -> sorted.put(String.valueOf(k),
          k.equals("SS") || k.equals("NS") || k.equals("BS")
              ? ((List<?>) v).stream().map(String::valueOf).sorted().toList()
              : normalise(v)));
      return sorted;
    }
    if (value instanceof List<?> list) {
      return list.stream().map(SideBySide::normalise).toList();
    }
    return value;
  }

  private static HttpResponse<String> post(URI endpoint, String operation, String body)
      throws Exception {
    return HTTP.send(HttpRequest.newBuilder(endpoint)
        .header("X-Amz-Target", "DynamoDB_20120810." + operation)
        .header("Content-Type", "application/x-amz-json-1.0")
        .header("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-east-1/"
            + "dynamodb/aws4_request, SignedHeaders=host, Signature=00")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static List<Known> known() throws Exception {
    List<Known> known = new ArrayList<>();
    Path file = Path.of("src/test/resources/differential/known-differences.txt");
    for (String line : Files.readAllLines(file)) {
      if (!line.isBlank() && !line.startsWith("#")) {
        String[] parts = line.split("\t");
        known.add(parts.length > 2 ? new Known(parts[0], parts[1], parts[2])
            : new Known(parts[0], null, parts[1]));
      }
    }
    return known;
  }

  /**
   * A line of {@code known-differences.txt}: a text in the request or in DynamoDB Local's answer,
   * optionally a text in Tombstone's answer, and the reason. A text starting {@code re:} is a
   * regular expression, found anywhere.
   */
  private record Known(String theirs, String ours, String reason) {
    boolean explains(String request, String local, String mine) {
      return (found(theirs, local) || found(theirs, request))
          && (ours == null || found(ours, mine));
    }

    private static boolean found(String text, String in) {
      return text.startsWith("re:") ? Pattern.compile(text.substring(3)).matcher(in).find()
          : in.contains(text);
    }
  }
}
