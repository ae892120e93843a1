package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.DynamoDbError;
import dev.tombstone.dynamodb.DynamoDbState;
import dev.tombstone.internal.Logs;
import dev.tombstone.internal.dynamodb.TableAttachments;
import dev.tombstone.internal.dynamodb.TableTransfers;
import java.io.IOException;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * DynamoDB's JSON 1.0 protocol (API 2012-08-10, 2011-12-05 and DynamoDB Streams by their target
 * prefixes): target and body in, status and body out.
 * Follows DynamoDB's front-door order: unparsable JSON, unknown target, empty body, JSON shape,
 * then the operation's own validation. Internal.
 */
public final class DynamoDbJsonProtocol {
  static final String PREFIX_2012 = "DynamoDB_20120810.";
  static final String PREFIX_2011 = "DynamoDB_20111205.";
  /** DynamoDB Streams, which shares the API version's error prefix and the store. */
  static final String PREFIX_STREAMS = "DynamoDBStreams_20120810.";

  private static final String DELETE_ITEM = PREFIX_2012 + "DeleteItem";
  private static final String PUT_ITEM = PREFIX_2012 + "PutItem";
  /** What DescribeEndpoints names when the request did not say which host it addressed. */
  static final String LOCAL_HOST = "localhost";

  private final Map<String, Operation> operations;
  private final Map<String, Operation> legacyOperations;
  private final Map<String, Operation> streamOperations;
  private final DeleteItemOperation deleteItem;
  private final PutItemOperation putItem;

  /** A protocol over {@code state} with resource policies and Contributor Insights of its own. */
  public DynamoDbJsonProtocol(DynamoDbState state) {
    this(state, new TableAttachments(Clock.systemUTC()));
  }

  /**
   * A protocol over {@code state}.
   *
   * @param attachments where the tables' resource policies, Contributor Insights and
   *     encryption settings are kept
   */
  public DynamoDbJsonProtocol(DynamoDbState state, TableAttachments attachments) {
    this(state, attachments, null);
  }

  /**
   * A protocol over {@code state} whose exports and imports use {@code transfers}.
   *
   * @param attachments where the tables' resource policies, Contributor Insights and
   *     encryption settings are kept
   * @param transfers the exports, imports and S3 of the same emulator; null for an S3 of their
   *     own, made on first use, without any bucket
   */
  public DynamoDbJsonProtocol(DynamoDbState state, TableAttachments attachments,
      TableTransfers transfers) {
    Supplier<TableTransfers> s3 = transfers != null ? () -> transfers : detachedTransfers();
    ConditionSupport conditions = new ConditionSupport();
    ListTablesOperation listTables = new ListTablesOperation(state);
    this.deleteItem = new DeleteItemOperation(state, conditions);
    this.putItem = new PutItemOperation(state, conditions);
    Map<String, Operation> routine =
        Map.ofEntries(
            Map.entry("CreateTable",
                (Operation) new CreateTableOperation(state, attachments)::handle),
            Map.entry("DescribeTable",
                (Operation) new DescribeTableOperation(state, attachments)::handle),
            Map.entry("ListTables", (Operation) listTables::handle),
            Map.entry("UpdateTable",
                (Operation) new UpdateTableOperation(state, attachments)::handle),
            Map.entry("TagResource", (Operation) new TagResourceOperation(state)::handle),
            Map.entry("UntagResource", (Operation) new UntagResourceOperation(state)::handle),
            Map.entry("ListTagsOfResource",
                (Operation) new ListTagsOfResourceOperation(state)::handle),
            Map.entry("DeleteTable",
                (Operation) new DeleteTableOperation(state, attachments)::handle),
            Map.entry("PutItem", (Operation) putItem::handle),
            Map.entry("GetItem", (Operation) new GetItemOperation(state, conditions)::handle),
            Map.entry("DeleteItem", (Operation) deleteItem::handle),
            Map.entry("Scan", (Operation) new ScanOperation(state, conditions)::handle),
            Map.entry("Query", (Operation) new QueryOperation(state, conditions)::handle),
            Map.entry("BatchGetItem",
                (Operation) new BatchGetItemOperation(state, conditions)::handle),
            Map.entry("TransactGetItems",
                (Operation) new TransactGetItemsOperation(state, conditions)::handle),
            Map.entry("BatchWriteItem", (Operation) new BatchWriteItemOperation(state)::handle),
            Map.entry("TransactWriteItems",
                (Operation) new TransactWriteItemsOperation(state, conditions)::handle),
            Map.entry("UpdateItem", (Operation) new UpdateItemOperation(state, conditions)::handle),
            Map.entry("UpdateTimeToLive", (Operation) new UpdateTimeToLiveOperation(state)::handle),
            Map.entry("DescribeTimeToLive",
                (Operation) new DescribeTimeToLiveOperation(state)::handle));
    OccasionalOperations occasional = new OccasionalOperations(state, attachments, s3);
    Map<String, Operation> all = new HashMap<>(routine);
    all.putAll(occasional.routes(OccasionalOperations.TARGETS));
    this.operations = Map.copyOf(all);
    // The 2011-12-05 codecs decode and encode their own shapes around the same store steps.
    Legacy2011TableOperations legacyTables = new Legacy2011TableOperations(state, attachments);
    Legacy2011ItemOperations legacyItems = new Legacy2011ItemOperations(state);
    this.legacyOperations =
        Map.ofEntries(
            Map.entry("CreateTable", (Operation) legacyTables::createTable),
            Map.entry("DescribeTable", (Operation) legacyTables::describeTable),
            Map.entry("ListTables", (Operation) listTables::handle),
            Map.entry("DeleteTable", (Operation) legacyTables::deleteTable),
            Map.entry("UpdateTable",
                (Operation) new Legacy2011UpdateTableOperation(state, attachments)::handle),
            Map.entry("PutItem", (Operation) legacyItems::putItem),
            Map.entry("GetItem", (Operation) legacyItems::getItem),
            Map.entry("DeleteItem", (Operation) legacyItems::deleteItem),
            Map.entry("Scan", (Operation) legacyItems::scan),
            Map.entry("UpdateItem",
                (Operation) new Legacy2011UpdateItemOperation(state)::handle),
            Map.entry("Query", (Operation) new Legacy2011QueryOperation(state)::handle),
            Map.entry("BatchGetItem",
                (Operation) new Legacy2011BatchGetItemOperation(state)::handle),
            Map.entry("BatchWriteItem",
                (Operation) new Legacy2011BatchWriteItemOperation(state)::handle));
    this.streamOperations =
        Map.copyOf(occasional.routes(OccasionalOperations.STREAM_TARGETS));
  }

  /** One S3 of the protocol's own, made when an export or import first needs it. */
  private static Supplier<TableTransfers> detachedTransfers() {
    return new Supplier<>() {
      private TableTransfers made;

      @Override
      public synchronized TableTransfers get() {
        if (made == null) {
          made = TableTransfers.detached();
        }
        return made;
      }
    };
  }

  /** The names of the API 2012-08-10 operations served, e.g. {@code DeleteItem}. */
  public Set<String> operationNames() {
    return operations.keySet();
  }

  /** The names of the API 2011-12-05 operations served, e.g. {@code BatchGetItem}. */
  public Set<String> legacyOperationNames() {
    return legacyOperations.keySet();
  }

  /** An operation and the {@code __type} prefix of its API version's service errors. */
  private record Resolved(Operation operation, String servicePrefix) {}

  /** One operation: the request object in, the success body out, or an error thrown. */
  @FunctionalInterface
  interface Operation {
    byte[] run(Json.Obj request) throws IOException;

    /** Runs knowing the host (and port) the client addressed; only DescribeEndpoints reads it. */
    default byte[] run(Json.Obj request, String host) throws IOException {
      return run(request);
    }
  }

  /** DescribeEndpoints, which names the host the client addressed, or {@link #LOCAL_HOST}. */
  static Operation describeEndpoints() {
    DescribeEndpointsOperation operation = new DescribeEndpointsOperation();
    return new Operation() {
      @Override
      public byte[] run(Json.Obj request) throws IOException {
        return operation.handle(request, LOCAL_HOST);
      }

      @Override
      public byte[] run(Json.Obj request, String host) throws IOException {
        return operation.handle(request, host == null ? LOCAL_HOST : host);
      }
    };
  }

  /** Handles one request; {@code target} is the X-Amz-Target header, possibly null. */
  public JsonResponse handle(String target, byte[] body) {
    return handle(target, body, null);
  }

  /**
   * Handles one request.
   *
   * @param target the X-Amz-Target header, possibly null
   * @param host the host and port the client addressed (its Host header), or null when unknown
   */
  public JsonResponse handle(String target, byte[] body, String host) {
    return handle(target, body, host, () -> true);
  }

  /**
   * Handles one request, asking {@code admission} (strict mode's signature check) once the body
   * has parsed and the target names an operation, as DynamoDB checks a signature after those two
   * and before everything else, the empty body included (dynalite test/connection.js, 'should
   * return SerializationException if body is application/x-amz-json-1.0 but not JSON', 'should
   * return UnknownOperationException if incorrect target operation' and 'should return
   * MissingAuthenticationTokenException if no Authorization header', all unsigned).
   *
   * @return the answer, or null when {@code admission} refused the request (and answered it)
   */
  public JsonResponse handle(String target, byte[] body, String host, Admission admission) {
    // The most common requests of all, most often in a shape read without the JSON tree.
    if (DELETE_ITEM.equals(target)) {
      PlainWrite.Document plain = PlainWrite.read(body, "Key");
      if (plain != null) {
        return admission.admit()
            ? answer(ErrorBodies.DYNAMODB_2012, () -> deleteItem.handle(plain)) : null;
      }
    } else if (PUT_ITEM.equals(target)) {
      PlainWrite.Document plain = PlainWrite.read(body, "Item");
      if (plain != null) {
        return admission.admit()
            ? answer(ErrorBodies.DYNAMODB_2012, () -> putItem.handle(plain)) : null;
      }
    }
    Json json = null;
    if (body.length > 0) {
      try {
        json = Json.parse(body);
      } catch (IOException e) {
        return ErrorBodies.serialization(null);
      }
    }
    Resolved resolved = resolve(target);
    if (resolved == null) {
      return ErrorBodies.unknownOperation();
    }
    if (!admission.admit()) {
      return null;
    }
    if (json == null) {
      return ErrorBodies.serialization(null);
    }
    if (!(json instanceof Json.Obj request)) {
      return ErrorBodies.serialization(
          json instanceof Json.Arr ? Members.LIST : null);
    }
    return answer(resolved.servicePrefix(), () -> resolved.operation().run(request, host));
  }

  /** An operation's answer: its body, or the error body of what it threw. */
  private static JsonResponse answer(String servicePrefix, Answer answer) {
    try {
      return new JsonResponse(200, answer.body());
    } catch (SerializationError e) {
      return ErrorBodies.serialization(e.wireMessage());
    } catch (StatementError e) {
      return ErrorBodies.service(servicePrefix + e.code(), e.getMessage());
    } catch (DynamoDbError e) {
      return ErrorBodies.of(e, servicePrefix);
    } catch (IOException | RuntimeException e) {
      Logs.of(DynamoDbJsonProtocol.class)
          .log(System.Logger.Level.WARNING, "DynamoDB request failed inside the emulator", e);
      return ErrorBodies.internal(servicePrefix);
    }
  }

  /** Strict mode's signature check: true to go on; false once the refusal has been sent. */
  @FunctionalInterface
  public interface Admission {
    boolean admit();
  }

  @FunctionalInterface
  private interface Answer {
    byte[] body() throws IOException;
  }

  private Resolved resolve(String target) {
    if (target == null) {
      return null;
    }
    Operation operation = null;
    String prefix = null;
    if (target.startsWith(PREFIX_2012)) {
      operation = operations.get(target.substring(PREFIX_2012.length()));
      prefix = ErrorBodies.DYNAMODB_2012;
    } else if (target.startsWith(PREFIX_2011)) {
      operation = legacyOperations.get(target.substring(PREFIX_2011.length()));
      prefix = ErrorBodies.DYNAMODB_2011;
    } else if (target.startsWith(PREFIX_STREAMS)) {
      operation = streamOperations.get(target.substring(PREFIX_STREAMS.length()));
      prefix = ErrorBodies.DYNAMODB_2012;
    }
    return operation == null ? null : new Resolved(operation, prefix);
  }
}
