package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.DynamoDbError;
import dev.tombstone.dynamodb.DynamoDbState;
import dev.tombstone.dynamodb.TableDefinition;
import dev.tombstone.internal.Logs;
import dev.tombstone.internal.PercentEscapes;
import dev.tombstone.internal.dynamodb.DynamoDbNamespaces;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * MagnetoDB's REST dialect ({@code /v1/data/{project_id}/tables/...}, {@code
 * /v1/data/{project_id}/batch_get_item} and {@code batch_write_item}): method, path and body
 * in, status and JSON out. Each project is a table namespace of {@link DynamoDbNamespaces};
 * bodies are validated before the project's tables are looked at. Internal.
 */
public final class MagnetoDbRestProtocol {
  /** The path prefix this dialect owns on the shared port. */
  public static final String PREFIX = "/v1/data/";
  private static final String BATCH_GET_ITEM = "batch_get_item";
  private static final String BATCH_WRITE_ITEM = "batch_write_item";
  private static final List<String> TABLE_ACTIONS =
      List.of("put_item", "get_item", "delete_item", "update_item", "scan", "query");

  private final DynamoDbNamespaces namespaces;

  public MagnetoDbRestProtocol(DynamoDbNamespaces namespaces) {
    this.namespaces = namespaces;
  }

  /** A parsed path: project, optional table, optional item or batch action. */
  private record Route(String project, String table, String action) {
    String tablesPath() {
      return PREFIX + PercentEscapes.encode(project, false) + "/tables";
    }
  }

  /**
   * Handles one request.
   *
   * @param path the request path as sent (percent-escapes not decoded yet), starting with
   *     {@link #PREFIX}
   * @param query the raw query string, or null
   */
  public MagnetoDbResponse handle(String method, String path, String query, byte[] body) {
    Route route;
    try {
      route = route(path);
    } catch (MagnetoDbError e) {
      return MagnetoDbFaults.of(e);
    }
    if (route == null) {
      return MagnetoDbFaults.write(404, "NotFound", "The resource could not be found.");
    }
    try {
      byte[] answer = dispatch(method, route, query, body);
      if (answer == null) {
        return MagnetoDbFaults.write(405, "MethodNotAllowed",
            "The method " + method + " is not allowed for this resource.");
      }
      return new MagnetoDbResponse(200, answer);
    } catch (MagnetoDbError e) {
      return MagnetoDbFaults.of(e);
    } catch (DynamoDbError e) {
      return MagnetoDbFaults.of(e, route.table());
    } catch (IOException | RuntimeException e) {
      Logs.of(MagnetoDbRestProtocol.class)
          .log(System.Logger.Level.WARNING, "MagnetoDB request failed inside the emulator", e);
      return MagnetoDbFaults.internal();
    }
  }

  /** The answer's body, or null when the method does not fit the resource. */
  private byte[] dispatch(String method, Route route, String query, byte[] body)
      throws IOException {
    if (BATCH_GET_ITEM.equals(route.action())) {
      return method.equals("POST")
          ? MagnetoDbBatchGetItemOperation.handle(find(route).orElse(null),
              MagnetoDbBody.object(body))
          : null;
    }
    if (BATCH_WRITE_ITEM.equals(route.action())) {
      return method.equals("POST")
          ? MagnetoDbBatchWriteItemOperation.handle(find(route).orElse(null),
              MagnetoDbBody.object(body))
          : null;
    }
    if (route.table() == null) {
      if (method.equals("GET")) {
        List<String> names = find(route).map(DynamoDbState::tableNames).orElse(List.of());
        return MagnetoDbTableOperations.listTables(names, route.tablesPath(),
            limit(query), parameter(query, "exclusive_start_table_name"));
      }
      if (method.equals("POST")) {
        TableDefinition definition =
            MagnetoDbTableOperations.definition(MagnetoDbBody.object(body));
        try {
          return MagnetoDbTableOperations.created(
              namespaces.create(route.project(), state -> state.createTable(definition)),
              route.tablesPath());
        } catch (DynamoDbError e) {
          throw MagnetoDbFaults.rename(e, definition.name());
        }
      }
      return null;
    }
    if (route.action() == null) {
      return switch (method) {
        case "GET" -> MagnetoDbTableOperations.describeTable(
            existing(route), route.table(), route.tablesPath());
        case "DELETE" -> MagnetoDbTableOperations.deleteTable(
            existing(route), route.table(), route.tablesPath());
        default -> null;
      };
    }
    if (!method.equals("POST")) {
      return null;
    }
    Json.Obj request = MagnetoDbBody.object(body);
    return switch (route.action()) {
      case "delete_item" -> MagnetoDbItemOperations.deleteItem(existing(route), route.table(),
          request);
      case "put_item" -> MagnetoDbItemOperations.putItem(existing(route), route.table(), request);
      case "get_item" -> MagnetoDbItemOperations.getItem(existing(route), route.table(), request);
      case "scan" -> MagnetoDbScanOperation.handle(existing(route), route.table(), request);
      case "update_item" -> MagnetoDbUpdateItemOperation.handle(existing(route), route.table(),
          request);
      case "query" -> MagnetoDbQueryOperation.handle(existing(route), route.table(), request);
      default -> throw new IllegalStateException("unrouted action " + route.action());
    };
  }

  private Optional<DynamoDbState> find(Route route) {
    return namespaces.find(route.project());
  }

  private DynamoDbState existing(Route route) {
    return find(route).orElseThrow(() -> MagnetoDbError.tableNotExists(route.table()));
  }

  /**
   * The route of a path, its segments percent-decoded one by one (so {@code %2F} stays inside a
   * segment); null when nothing is there.
   *
   * @throws MagnetoDbError ValidationError for an escape whose bytes are not UTF-8
   */
  private static Route route(String path) {
    if (!path.startsWith(PREFIX)) {
      return null;
    }
    String[] parts = path.substring(PREFIX.length()).split("/", -1);
    int length = parts.length;
    if (length > 0 && parts[length - 1].isEmpty()) {
      length--; // a trailing slash
    }
    for (int i = 0; i < length; i++) {
      if (parts[i].isEmpty()) {
        return null;
      }
      // A + stays a plus, as in any URI path.
      parts[i] = PercentEscapes.decode(parts[i], false);
      if (parts[i] == null) {
        throw MagnetoDbError.validation("Request path is not valid percent-encoded UTF-8");
      }
    }
    if (length == 2
        && (parts[1].equals(BATCH_GET_ITEM) || parts[1].equals(BATCH_WRITE_ITEM))) {
      return new Route(parts[0], null, parts[1]);
    }
    if (length < 2 || length > 4 || !parts[1].equals("tables")) {
      return null;
    }
    String action = length == 4 ? parts[3] : null;
    if (action != null && !TABLE_ACTIONS.contains(action)) {
      return null;
    }
    return new Route(parts[0], length >= 3 ? parts[2] : null, action);
  }

  private static Integer limit(String query) {
    String limit = parameter(query, "limit");
    if (limit == null) {
      return null;
    }
    if (!limit.matches("[1-9][0-9]{0,8}")) {
      throw MagnetoDbError.validation("Wrong 'limit' value: " + limit
          + ". Positive integer is expected");
    }
    return Integer.valueOf(limit);
  }

  private static String parameter(String query, String name) {
    if (query == null || query.isEmpty()) {
      return null;
    }
    for (String pair : query.split("&")) {
      int equals = pair.indexOf('=');
      String key = equals < 0 ? pair : pair.substring(0, equals);
      if (key.equals(name)) {
        try {
          return equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1),
              StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
          throw MagnetoDbError.validation("Wrong '" + name + "' query parameter");
        }
      }
    }
    return null;
  }
}
