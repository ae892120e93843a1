package dev.tombstone.internal.server;

import dev.tombstone.faults.Fault;
import dev.tombstone.faults.FaultRule;
import dev.tombstone.faults.FaultRule.Service;
import dev.tombstone.dynamodb.DynamoDbState;
import dev.tombstone.internal.s3.protocol.S3RequestNames;
import io.undertow.server.Connectors;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderValues;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.SameThreadExecutor;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.xnio.IoUtils;

/**
 * The fault layer: in front of a protocol handler, it matches each request against the rules
 * and, when one fires, answers an AWS error, holds part of a batch back, waits, or closes the
 * connection, before (or instead of) the protocol. With no rules it passes every request
 * straight on. It reads a request's body only when a rule for its service and operation exists
 * (DynamoDB always has one; S3 only for DeleteObjects), and then puts the body back, rewritten
 * for partial batches, for the protocol to read as usual. Internal.
 */
public final class FaultLayer {
  private static final HttpString X_AMZ_TARGET = new HttpString("X-Amz-Target");
  private static final HttpString CONTENT_SHA256 = new HttpString("x-amz-content-sha256");
  /** DynamoDB's and S3's request document limits: larger bodies are never read here. */
  private static final long DYNAMODB_BODY_LIMIT = 16L * 1024 * 1024;
  private static final long S3_DOCUMENT_LIMIT = 8L * 1024 * 1024;

  private final FaultRules rules;
  private final DynamoDbState dynamoDb;
  private final ResponseEnvelope envelope;
  private final Consumer<HttpServerExchange> unanswered;

  /**
   * @param unanswered records an exchange closed without an answer (the request journal)
   */
  FaultLayer(FaultRules rules, DynamoDbState dynamoDb, ResponseEnvelope envelope,
      Consumer<HttpServerExchange> unanswered) {
    this.rules = rules;
    this.dynamoDb = dynamoDb;
    this.envelope = envelope;
    this.unanswered = unanswered;
  }

  /** {@code next} behind this layer, for requests of {@code service}. */
  public HttpHandler guard(Service service, HttpHandler next) {
    return exchange -> {
      if (rules.isEmpty()) {
        next.handleRequest(exchange);
      } else if (service == Service.DYNAMODB) {
        dynamoDb(exchange, next);
      } else {
        s3(exchange, next);
      }
    };
  }

  private void dynamoDb(HttpServerExchange exchange, HttpHandler next) throws Exception {
    String target = exchange.getRequestHeaders().getFirst(X_AMZ_TARGET);
    String operation = DynamoDbFaults.operation(target);
    long length = exchange.getRequestContentLength();
    if (operation == null || !rules.mayMatch(Service.DYNAMODB, operation)
        || length < 0 || length > DYNAMODB_BODY_LIMIT) {
      next.handleRequest(exchange);
      return;
    }
    BodyReader.read(exchange, (ex, body) -> {
      // The journal shows the body also when a fault answers in the protocol's place.
      ex.putAttachment(RequestJournal.BODY, body);
      Object json;
      try {
        json = JsonTree.parse(body);
      } catch (JsonTree.Malformed e) {
        json = null;
      }
      PartitionKeys keys = PartitionKeys.forTarget(target, this::partitionKey);
      RequestFacts facts = DynamoDbFaults.facts(operation, json, keys);
      Optional<FaultRules.Firing> firing = rules.fire(facts, rule -> canHoldBack(rule, facts));
      if (firing.isEmpty()) {
        BodyReader.putBack(ex, body);
        next.handleRequest(ex);
        return;
      }
      Object request = json;
      String prefix = DynamoDbFaults.servicePrefix(target);
      apply(ex, firing.get(), new Effects() {
        @Override
        public void proceed(HttpServerExchange e) throws Exception {
          BodyReader.putBack(e, body);
          next.handleRequest(e);
        }

        @Override
        public void error(HttpServerExchange e, String code) {
          ErrorCatalog.Known known = ErrorCatalog.find(Service.DYNAMODB, code).orElseThrow();
          String type = (known.prefix() != null ? known.prefix() : prefix) + code;
          Map<String, Object> error;
          if (code.equals(ErrorCatalog.TRANSACTION_CANCELED)) {
            error = DynamoDbFaults.canceled(type, facts, firing.get());
          } else {
            error = new java.util.LinkedHashMap<>();
            error.put("__type", type);
            error.put("message", known.message());
          }
          Answers.dynamoDb(e, envelope, known.status(), JsonTree.write(error));
        }

        @Override
        public void unprocessed(HttpServerExchange e, int count) throws Exception {
          Object remaining;
          AnswerMerge merge;
          if (operation.equals("BatchGetItem")) {
            BatchGetFaults.Split split =
                BatchGetFaults.split(request, count, firing.get(), keys);
            remaining = split.remaining();
            merge = (status, answer) -> BatchGetFaults.mergeUnprocessed(answer, split.held());
          } else {
            DynamoDbFaults.Split split =
                DynamoDbFaults.split(request, count, firing.get(), keys);
            remaining = split.remaining();
            merge = (status, answer) -> DynamoDbFaults.mergeUnprocessed(answer, split.held());
          }
          if (remaining == null) {
            // A batch of which nothing could be processed is no 200: the BatchGetItem and
            // BatchWriteItem references say it fails with this error.
            error(e, ErrorCatalog.throttlingCode(Service.DYNAMODB));
            return;
          }
          e.putAttachment(AnswerMerge.KEY, unlessRefused(e, firing.get(), merge));
          BodyReader.putBack(e, JsonTree.write(remaining));
          next.handleRequest(e);
        }
      });
    }, ShortBodies::closeUnanswered);
  }

  private void s3(HttpServerExchange exchange, HttpHandler next) throws Exception {
    Optional<S3RequestNames.Named> named = S3RequestNames.of(
        exchange.getRequestMethod().toString(), exchange.getRequestHeaders().getFirst(Headers.HOST),
        exchange.getRequestPath(), exchange.getQueryString(),
        exchange.getRequestHeaders().contains(S3RequestNames.COPY_SOURCE));
    if (named.isEmpty() || !rules.mayMatch(Service.S3, named.get().operation())) {
      next.handleRequest(exchange);
      return;
    }
    long length = exchange.getRequestContentLength();
    boolean readable = named.get().operation().equals("DeleteObjects")
        && length >= 0 && length <= S3_DOCUMENT_LIMIT
        && !exchange.getRequestHeaders().contains(Headers.CONTENT_ENCODING);
    if (readable) {
      BodyReader.read(exchange, (ex, body) -> s3(ex, next, named.get(), body),
          ShortBodies.s3(envelope));
    } else {
      s3(exchange, next, named.get(), null);
    }
  }

  private void s3(HttpServerExchange exchange, HttpHandler next, S3RequestNames.Named named,
      byte[] body) throws Exception {
    Optional<S3Faults.DeleteDocument> document =
        body == null ? Optional.empty() : S3Faults.parse(body);
    RequestFacts facts = S3Faults.facts(named, document);
    // Without a DeleteObjects document there is no key to hold back.
    RequestFacts elements = document.isPresent() ? facts
        : new RequestFacts(Service.S3, named.operation(), List.of());
    Optional<FaultRules.Firing> firing = rules.fire(facts, rule -> canHoldBack(rule, elements));
    if (firing.isEmpty()) {
      if (body != null) {
        BodyReader.putBack(exchange, body);
      }
      next.handleRequest(exchange);
      return;
    }
    apply(exchange, firing.get(), new Effects() {
      @Override
      public void proceed(HttpServerExchange e) throws Exception {
        if (body != null) {
          BodyReader.putBack(e, body);
        }
        next.handleRequest(e);
      }

      @Override
      public void error(HttpServerExchange e, String code) {
        ErrorCatalog.Known known = ErrorCatalog.find(Service.S3, code).orElseThrow();
        if (body == null && hasBody(e)) {
          // The body stays unread: S3 closes such connections after an error too.
          e.setPersistent(false);
        }
        Answers.s3Error(e, envelope, known.status(), code, known.message());
      }

      @Override
      public void unprocessed(HttpServerExchange e, int count) throws Exception {
        S3Faults.Split split = S3Faults.split(document.get(), named.bucket(), count, firing.get());
        if (split.remaining() == null) {
          Answers.s3(e, envelope, 200, S3Faults.allFailed(split.held()));
          return;
        }
        e.putAttachment(AnswerMerge.KEY, unlessRefused(e, firing.get(),
            (status, answer) -> S3Faults.mergeErrors(answer, split.held())));
        replaceIntegrityHeaders(e, split.remaining());
        BodyReader.putBack(e, split.remaining());
        next.handleRequest(e);
      }
    });
  }

  /** What a firing rule can do; the service decides how. */
  private interface Effects {
    void proceed(HttpServerExchange exchange) throws Exception;

    void error(HttpServerExchange exchange, String code);

    void unprocessed(HttpServerExchange exchange, int count) throws Exception;
  }

  private void apply(HttpServerExchange exchange, FaultRules.Firing firing, Effects effects)
      throws Exception {
    FaultRule rule = firing.rule();
    exchange.putAttachment(FaultMark.KEY, new FaultMark(describe(rule), true));
    HttpHandler effect = ex -> {
      Fault fault = rule.effect().orElse(null);
      if (fault == null) {
        effects.proceed(ex);
      } else if (fault instanceof Fault.Error error) {
        effects.error(ex, error.code());
      } else if (fault instanceof Fault.Unprocessed unprocessed) {
        effects.unprocessed(ex, unprocessed.count());
      } else if (fault instanceof Fault.Drop drop && drop.when() == Fault.Drop.When.AFTER) {
        // The protocol applies the request; the connection closes as its answer is committed.
        ex.addResponseCommitListener(committed -> IoUtils.safeClose(committed.getConnection()));
        effects.proceed(ex);
      } else {
        ex.putAttachment(FaultMark.KEY, new FaultMark(describe(rule), false));
        unanswered.accept(ex);
        IoUtils.safeClose(ex.getConnection());
      }
    };
    long millis = rule.latency().toMillis();
    if (millis == 0) {
      effect.handleRequest(exchange);
      return;
    }
    exchange.dispatch(SameThreadExecutor.INSTANCE, () -> exchange.getIoThread().executeAfter(
        () -> Connectors.executeRootHandler(effect, exchange), millis, TimeUnit.MILLISECONDS));
  }

  /**
   * A partial batch needs something to hold back: a rule whose table or key filters select no
   * element of the batch (or that meets a body it cannot read) has nothing to do with it.
   */
  private static boolean canHoldBack(FaultRule rule, RequestFacts facts) {
    return !(rule.effect().orElse(null) instanceof Fault.Unprocessed)
        || facts.targets().stream().anyMatch(target -> FaultRules.selects(rule, target));
  }

  /**
   * {@code merge} for an answer to the part passed on; when the protocol refused that part
   * with an error, the client never sees the partial batch, so the firing is taken back and
   * the journal shows no fault.
   */
  private AnswerMerge unlessRefused(HttpServerExchange exchange, FaultRules.Firing firing,
      AnswerMerge merge) {
    return (status, answer) -> {
      if (status == 200) {
        return merge.merge(status, answer);
      }
      rules.withdraw(firing);
      exchange.removeAttachment(FaultMark.KEY);
      return answer;
    };
  }

  static String describe(FaultRule rule) {
    StringBuilder text = new StringBuilder(rule.id());
    if (!rule.latency().isZero()) {
      text.append(" latency ").append(rule.latency().toMillis()).append(" ms");
    }
    rule.effect().ifPresent(effect -> text.append(' ').append(RuleJson.effectText(effect)));
    return text.toString();
  }

  private Optional<String> partitionKey(String table) {
    try {
      return dynamoDb.hasTable(table)
          ? Optional.of(dynamoDb.keySchema(table).partitionKey().name())
          : Optional.empty();
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private static boolean hasBody(HttpServerExchange exchange) {
    return exchange.getRequestContentLength() > 0
        || exchange.getRequestHeaders().contains(Headers.TRANSFER_ENCODING);
  }

  /**
   * The rewritten DeleteObjects document carries a Content-MD5 of its own in place of the
   * client's checksums and payload hash, which were computed over the original (signatures are
   * not checked, so the payload becomes UNSIGNED-PAYLOAD).
   */
  private static void replaceIntegrityHeaders(HttpServerExchange exchange, byte[] body) {
    List<HttpString> names = new ArrayList<>();
    for (HeaderValues values : exchange.getRequestHeaders()) {
      String name = values.getHeaderName().toString().toLowerCase(Locale.ROOT);
      if (name.startsWith("x-amz-checksum-") || name.equals("x-amz-sdk-checksum-algorithm")
          || name.equals("content-md5")) {
        names.add(values.getHeaderName());
      }
    }
    names.forEach(exchange.getRequestHeaders()::remove);
    if (exchange.getRequestHeaders().contains(CONTENT_SHA256)) {
      exchange.getRequestHeaders().put(CONTENT_SHA256, "UNSIGNED-PAYLOAD");
    }
    try {
      byte[] md5 = MessageDigest.getInstance("MD5").digest(body);
      exchange.getRequestHeaders().put(Headers.CONTENT_MD5,
          Base64.getEncoder().encodeToString(md5));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK always has MD5", e);
    }
  }

}
