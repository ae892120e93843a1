package dev.tombstone.scenarios.apps;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The sample applications of the documented flows, each behind a small API gateway, on one
 * port:
 * <ul>
 *   <li>flow A, a REST API with a Lambda custom integration:
 *       {@code DELETE /compare-yourself/{userid}};</li>
 *   <li>flow B, an HTTP API with Lambda proxy integrations and CORS:
 *       {@code DELETE /metadata}, {@code GET /metadata}, {@code POST /upload}.</li>
 * </ul>
 * <pre>{@code
 * try (SampleGateways gateways = SampleGateways.start(tombstone.endpoint(),
 *     SampleGateways.Settings.defaults().withPort(0))) {
 *   URI api = gateways.endpoint();
 * }
 * }</pre>
 */
public final class SampleGateways implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(SampleGateways.class.getName());
  private final HttpServer server;
  private final ExecutorService executor;
  private final List<AutoCloseable> clients;
  private final CompareYourselfHandler compareYourself;
  private final UploadDashboard dashboard;
  private final Cors cors;

  /**
   * The gateways' configuration.
   *
   * @param host         address to bind
   * @param port         port to bind, 0 for a free one
   * @param origin       flow B's allowed CORS origin (the frontend's origin)
   * @param uploadBucket flow B's {@code UPLOAD_BUCKET}
   */
  public record Settings(String host, int port, String origin, String uploadBucket) {
    /** The defaults the committed Postman collections assume. */
    public static Settings defaults() {
      return new Settings("127.0.0.1", 4567, "http://localhost:5173", "dashboard-uploads");
    }

    /** A copy listening on {@code port}. */
    public Settings withPort(int port) {
      return new Settings(host, port, origin, uploadBucket);
    }

    /** A copy allowing {@code origin}. */
    public Settings withOrigin(String origin) {
      return new Settings(host, port, origin, uploadBucket);
    }
  }

  private SampleGateways(HttpServer server, ExecutorService executor, List<AutoCloseable> clients,
      CompareYourselfHandler compareYourself, UploadDashboard dashboard, Cors cors) {
    this.server = server;
    this.executor = executor;
    this.clients = clients;
    this.compareYourself = compareYourself;
    this.dashboard = dashboard;
    this.cors = cors;
  }

  /** Starts the gateways with handlers whose SDK clients talk to {@code emulator}. */
  public static SampleGateways start(URI emulator, Settings settings) throws IOException {
    DynamoDbClient dynamoDb = AwsClients.dynamoDb(emulator, List.of());
    S3Client s3 = AwsClients.s3(emulator, List.of());
    IamPolicy deletePolicy = new IamPolicy(settings.uploadBucket(), UploadDashboard.TABLE);
    DynamoDbClient deleteDynamoDb = AwsClients.dynamoDb(emulator, List.of(deletePolicy));
    S3Client deleteS3 = AwsClients.s3(emulator, List.of(deletePolicy));
    HttpServer server = HttpServer.create(new InetSocketAddress(settings.host(), settings.port()), 0);
    ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
      Thread t = new Thread(r, "sample-gateway");
      t.setDaemon(true);
      return t;
    });
    SampleGateways gateways = new SampleGateways(server, executor,
        List.of(dynamoDb, s3, deleteDynamoDb, deleteS3),
        new CompareYourselfHandler(dynamoDb),
        new UploadDashboard(settings.uploadBucket(), s3, dynamoDb, deleteS3, deleteDynamoDb),
        Cors.uploadDashboard(settings.origin()));
    server.createContext("/", gateways::serve);
    server.setExecutor(executor);
    server.start();
    return gateways;
  }

  /** The gateways' base URL, e.g. {@code http://127.0.0.1:4567}. */
  public URI endpoint() {
    InetSocketAddress address = server.getAddress();
    return URI.create("http://" + address.getHostString() + ":" + address.getPort());
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    for (AutoCloseable client : clients) {
      try {
        client.close();
      } catch (Exception e) {
        LOG.log(Level.DEBUG, "closing an SDK client failed", e);
      }
    }
  }

  private void serve(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      ProxyResponse response = path.startsWith("/compare-yourself")
          ? restApi(exchange.getRequestMethod(), path)
          : httpApi(exchange, path);
      byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
      response.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
      exchange.sendResponseHeaders(response.statusCode(), body.length == 0 ? -1 : body.length);
      if (body.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
    } catch (RuntimeException e) {
      LOG.log(Level.ERROR, "gateway failure", e);
      throw e;
    }
  }

  /**
   * Flow A: a REST API whose only method is {@code DELETE /compare-yourself/{userid}}, with a
   * Lambda custom integration and no integration-response mapping (the document leaves it
   * blank). API Gateway then passes the function's result through as JSON with 200, and, as
   * AWS documents for custom integrations, passes a function error through with 200 as well:
   * {@code {"errorMessage": ..., "errorType": ...}}. Unknown methods or resources answer 403
   * {@code Missing Authentication Token}, as REST APIs do.
   */
  private ProxyResponse restApi(String method, String path) {
    String[] parts = path.split("/", -1);
    if (!method.equals("DELETE") || parts.length != 3 || parts[2].isEmpty()) {
      return ProxyResponse.json(403, Map.of("message", "Missing Authentication Token"));
    }
    String userid = java.net.URLDecoder.decode(parts[2], StandardCharsets.UTF_8);
    try {
      return ProxyResponse.json(200, compareYourself.handle(Map.of("userid", userid)));
    } catch (AwsServiceException e) {
      LOG.log(Level.INFO, "cyDeleteData failed: {0}", e.getMessage());
      Map<String, String> error = new LinkedHashMap<>();
      error.put("errorMessage", e.awsErrorDetails().errorMessage());
      error.put("errorType", e.awsErrorDetails().errorCode());
      return ProxyResponse.json(200, error);
    }
  }

  /**
   * Flow B: an HTTP API with Lambda proxy integrations. A function that raises answers 500
   * {@code {"message":"Internal Server Error"}}; unknown routes 404 {@code {"message":"Not Found"}}.
   */
  private ProxyResponse httpApi(HttpExchange exchange, String path) throws IOException {
    String method = exchange.getRequestMethod();
    Optional<String> origin = header(exchange, "Origin");
    Optional<String> requestMethod = header(exchange, "Access-Control-Request-Method");
    if (Cors.isPreflight(method, requestMethod)) {
      return new ProxyResponse(204, cors.preflight(origin, requestMethod.get(),
          header(exchange, "Access-Control-Request-Headers")), "");
    }
    String body;
    try (InputStream in = exchange.getRequestBody()) {
      body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    ProxyResponse response;
    try {
      response = switch (method + " " + path) {
        case "DELETE /metadata" -> dashboard.delete(body);
        case "GET /metadata" -> dashboard.list();
        case "POST /upload" -> dashboard.upload(body);
        default -> ProxyResponse.json(404, Map.of("message", "Not Found"));
      };
    } catch (RuntimeException e) {
      LOG.log(Level.INFO, "{0} {1} failed: {2}", method, path, e.getMessage());
      response = ProxyResponse.json(500, Map.of("message", "Internal Server Error"));
    }
    Map<String, String> headers = new LinkedHashMap<>(response.headers());
    headers.putAll(cors.actual(origin));
    return new ProxyResponse(response.statusCode(), headers, response.body());
  }

  private static Optional<String> header(HttpExchange exchange, String name) {
    return Optional.ofNullable(exchange.getRequestHeaders().getFirst(name));
  }
}
