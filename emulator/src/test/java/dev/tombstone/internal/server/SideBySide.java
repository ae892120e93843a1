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
  private boolean refused;

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
    return compare(operation + " " + body, new Answer(local, itemsInOrder),
        new Answer(mine, itemsInOrder));
  }

  /** Whether, in this case, one side refused a request the other answered. */
  boolean diverged() {
    return diverged;
  }

  /** Whether both sides refused the last request compared. */
  boolean bothRefused() {
    return refused;
  }

  /**
   * Compares every page of each body (a Scan's segments), each side following its own
   * LastEvaluatedKey: the first error, or the Items of all pages as a set with Count and
   * ScannedCount summed. For answers whose order depends on how each side hashes partitions.
   */
  void sendAllPages(String operation, List<String> bodies) throws Exception {
    if (!diverged) {
      compare(operation + " " + String.join("\n  ", bodies), allPages(theirs, operation, bodies),
          allPages(ours, operation, bodies));
    }
  }

  private Object compare(String request, Answer local, Answer mine) {
    String a = local.text();
    String b = mine.text();
    refused = local.status() != 200 && mine.status() != 200;
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
    diverged = local.status() != mine.status();
    differed = true;
    return null;
  }

  private static Answer allPages(URI endpoint, String operation, List<String> bodies)
      throws Exception {
    List<Object> items = new ArrayList<>();
    boolean withItems = false;
    long count = 0;
    long scanned = 0;
    for (String body : bodies) {
      String page = body;
      for (int pages = 0; page != null && pages < 100; pages++) {
        HttpResponse<String> response = post(endpoint, operation, page);
        if (response.statusCode() != 200) {
          return new Answer(response, false);
        }
        Object tree = JsonTree.parse(response.body().getBytes(StandardCharsets.UTF_8));
        if (JsonTree.member(tree, "Items") instanceof List<?> list) {
          withItems = true;
          list.forEach(item -> items.add(normalise(item)));
        }
        count += number(tree, "Count");
        scanned += number(tree, "ScannedCount");
        Object last = JsonTree.member(tree, "LastEvaluatedKey");
        page = last == null ? null : withStartKey(body, last);
      }
    }
    Map<String, Object> all = new TreeMap<>();
    all.put("Count", count);
    all.put("ScannedCount", scanned);
    if (withItems) {
      all.put("Items", items.stream().sorted(Comparator.comparing(String::valueOf)).toList());
    }
    return new Answer(200, "200 " + all, "{}");
  }

  /** {@code body} (a JSON object without ExclusiveStartKey) starting after {@code key}. */
  static String withStartKey(String body, Object key) {
    return body.substring(0, body.lastIndexOf('}')) + ",\"ExclusiveStartKey\":"
        + new String(JsonTree.write(key), StandardCharsets.UTF_8) + "}";
  }

  private static long number(Object tree, String name) {
    return JsonTree.member(tree, name) instanceof JsonTree.Num n ? Long.parseLong(n.text()) : 0;
  }

  /** A status, its comparable text, and the body as received. */
  private record Answer(int status, String text, String body) {
    Answer(HttpResponse<String> response, boolean itemsInOrder) {
      this(response.statusCode(), answer(response, itemsInOrder), response.body());
    }
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
      // A TransactionCanceledException's reasons (Code, Message, Item) are part of the answer.
      Object reasons = map.get("CancellationReasons");
      return response.statusCode() + " " + type.substring(type.indexOf('#') + 1) + " "
          + message + (reasons == null ? "" : " CancellationReasons=" + normalise(reasons));
    }
    if (body instanceof Map<?, ?> map) {
      Map<Object, Object> kept = new LinkedHashMap<>(map);
      kept.remove("ConsumedCapacity");
      if (!itemsInOrder && kept.get("Items") instanceof List<?> items) {
        kept.put("Items", items.stream().map(SideBySide::normalise)
            .sorted(Comparator.comparing(String::valueOf)).toList());
      }
      // BatchGetItem: each table's items come in no particular order.
      if (!itemsInOrder && kept.get("Responses") instanceof Map<?, ?> tables) {
        Map<Object, Object> sorted = new TreeMap<>();
        tables.forEach((table, items) -> sorted.put(table, items instanceof List<?> list
            ? list.stream().map(SideBySide::normalise)
                .sorted(Comparator.comparing(String::valueOf)).toList()
            : items));
        kept.put("Responses", sorted);
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
