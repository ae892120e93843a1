package dev.tombstone.internal.s3.protocol;

import dev.tombstone.internal.Logs;
import dev.tombstone.internal.auth.Credentials;
import dev.tombstone.internal.auth.PolicySignatures;
import dev.tombstone.s3.S3Error;
import dev.tombstone.s3.S3State;
import java.time.Clock;
import java.util.Optional;

/**
 * The S3 REST protocol without the HTTP server: routes a request to its operation and turns
 * every outcome, errors included, into a response. A request either succeeds or changes
 * nothing; only a bug in the emulator produces a 500. Internal: the server's S3 handler is its
 * only caller.
 */
public final class S3Protocol {
  private static final String EXPECTED_OWNER = "x-amz-expected-bucket-owner";

  private final BucketOperations buckets;
  private final ObjectReads reads;
  private final ObjectWrites writes;
  private final DeleteOperations deletes;
  private final Listings listings;
  private final MultipartOperations multipart;
  private final MultipartListings multipartListings;
  private final ObjectLockOperations objectLock;
  private final LifecycleOperations lifecycle;
  private final AclOperations acls;
  private final TaggingOperations tagging;
  private final CopyOperations copies;
  private final ObjectAttributes attributes;
  private final CorsRequests cors;
  private final PostObjects posts;
  // Operations few requests use, made on first use so their classes stay out of the start.
  // A race makes one twice at worst: they hold only final fields, so any copy is complete.
  private final S3State state;
  private RestoreOperations restores;
  private IdConfigurationOperations idConfigurations;
  private BucketConfigurationOperations configurations;
  private BucketDocumentOperations documents;

  private final Clock clock;

  /** Serves {@code state}; presigned URLs expire by the system clock. */
  public S3Protocol(S3State state) {
    this(state, Clock.systemUTC());
  }

  /**
   * Serves {@code state}; presigned URLs expire by {@code clock}, and restores are reported in
   * progress or done by it (the emulator's clock, which {@code state} runs on too).
   */
  public S3Protocol(S3State state, Clock clock) {
    this(state, clock, Optional.empty());
  }

  /**
   * Serves {@code state} as above; with {@code strict} credentials, a browser upload's form must
   * carry a policy signed with them (other requests are checked before they reach the protocol).
   */
  public S3Protocol(S3State state, Clock clock, Optional<Credentials> strict) {
    this.clock = clock;
    this.buckets = new BucketOperations(state);
    this.reads = new ObjectReads(state, clock);
    EncryptionHeaders encryption = new EncryptionHeaders(state);
    this.writes = new ObjectWrites(state, encryption);
    this.deletes = new DeleteOperations(state);
    this.listings = new Listings(state, clock);
    this.multipart = new MultipartOperations(state, encryption);
    this.multipartListings = new MultipartListings(state);
    this.objectLock = new ObjectLockOperations(state);
    this.lifecycle = new LifecycleOperations(state);
    this.acls = new AclOperations(state);
    this.tagging = new TaggingOperations(state);
    this.copies = new CopyOperations(state, encryption, clock);
    this.attributes = new ObjectAttributes(state);
    this.cors = new CorsRequests(state);
    this.posts = new PostObjects(state, writes, clock, strict.map(PolicySignatures::new));
    this.state = state;
  }

  /**
   * Whether the request names the service itself (path-style {@code /}, no bucket in the host),
   * where S3 has no resource to answer a CORS preflight for.
   */
  public static boolean addressesService(String host, String rawPath) {
    try {
      return Addressing.resolve(host == null ? "" : host, rawPath).level()
          == Resource.Level.SERVICE;
    } catch (RuntimeException e) {
      return false;
    }
  }

  /**
   * Whether the request is a browser upload, which carries its authorization in its form (a
   * signed POST policy) rather than in a signature of the request: a POST to a bucket with no
   * query and no Authorization header.
   */
  public static boolean authorizedByForm(String method, String host, String rawPath,
      String rawQuery, boolean hasAuthorization) {
    if (!method.equals("POST") || hasAuthorization || (rawQuery != null && !rawQuery.isEmpty())) {
      return false;
    }
    try {
      return Addressing.resolve(host == null ? "" : host, rawPath).level()
          == Resource.Level.BUCKET;
    } catch (RuntimeException e) {
      return false;
    }
  }

  /**
   * Answers one request.
   *
   * @param ids the ids the response will carry, which error documents repeat
   */
  public S3Response handle(RestRequest request, ResponseIds ids) {
    S3Response response = answer(request, ids);
    // The one lookup a request without Origin pays for CORS.
    Optional<String> origin = request.headers().first(CorsRequests.ORIGIN);
    return origin.isEmpty() || isPreflight(request) ? response
        : cors.decorate(request, origin.get(), response);
  }

  private S3Response answer(RestRequest request, ResponseIds ids) {
    try {
      return dispatch(request);
    } catch (S3Error e) {
      return ErrorDocuments.of(e, request, ids);
    } catch (WireError e) {
      return ErrorDocuments.of(e, ids);
    } catch (RuntimeException e) {
      Logs.of(S3Protocol.class).log(System.Logger.Level.ERROR, "S3 request "
          + request.method() + " " + request.rawPath() + " failed inside the emulator", e);
      return ErrorDocuments.of(WireError.internalError(), ids);
    }
  }

  private S3Response dispatch(RestRequest request) {
    Resource resource = Addressing.resolve(request.host(), request.rawPath());
    if (isPreflight(request)) {
      // A browser's preflight carries no credentials: no presigned query or owner is checked.
      return cors.preflight(request, resource);
    }
    QueryParameters query = QueryParameters.parse(request.rawQuery());
    RestRequest sent = Presigning.check(request.rawQuery(), clock)
        ? HoistedHeaders.apply(request, query) : request;
    Operation operation = Routes.select(sent.method(), resource, query);
    if (resource.level() != Resource.Level.SERVICE) {
      checkExpectedOwner(sent.headers(), EXPECTED_OWNER);
    }
    S3Call call = new S3Call(sent, resource, query);
    return switch (operation) {
      case LIST_BUCKETS -> buckets.list(call);
      case CREATE_BUCKET -> buckets.create(call);
      case HEAD_BUCKET -> buckets.head(call);
      case DELETE_BUCKET -> buckets.delete(call);
      case GET_BUCKET_LOCATION -> buckets.location(call);
      case GET_BUCKET_VERSIONING -> buckets.versioning(call);
      case PUT_BUCKET_VERSIONING -> buckets.putVersioning(call);
      case LIST_OBJECTS -> listings.listV1(call);
      case LIST_OBJECTS_V2 -> listings.listV2(call);
      case LIST_OBJECT_VERSIONS -> listings.listVersions(call);
      case DELETE_OBJECTS -> deletes.deleteObjects(call);
      case PUT_OBJECT -> call.headers().has(CopyOperations.SOURCE) ? copies.copyObject(call)
          : writes.put(call);
      case POST_OBJECT -> posts.post(call);
      case GET_OBJECT, HEAD_OBJECT -> reads.read(call);
      case DELETE_OBJECT -> deletes.deleteObject(call);
      case CREATE_MULTIPART_UPLOAD -> multipart.create(call);
      case UPLOAD_PART -> call.headers().has(CopyOperations.SOURCE)
          ? copies.uploadPartCopy(call) : multipart.uploadPart(call);
      case COMPLETE_MULTIPART_UPLOAD -> multipart.complete(call);
      case ABORT_MULTIPART_UPLOAD -> multipart.abort(call);
      case LIST_PARTS -> multipartListings.listParts(call);
      case LIST_MULTIPART_UPLOADS -> multipartListings.listUploads(call);
      case PUT_OBJECT_LOCK_CONFIGURATION -> objectLock.putConfiguration(call);
      case GET_OBJECT_LOCK_CONFIGURATION -> objectLock.getConfiguration(call);
      case PUT_OBJECT_RETENTION -> objectLock.putRetention(call);
      case GET_OBJECT_RETENTION -> objectLock.getRetention(call);
      case PUT_OBJECT_LEGAL_HOLD -> objectLock.putLegalHold(call);
      case GET_OBJECT_LEGAL_HOLD -> objectLock.getLegalHold(call);
      case PUT_BUCKET_LIFECYCLE -> lifecycle.put(call);
      case GET_BUCKET_LIFECYCLE -> lifecycle.get(call);
      case DELETE_BUCKET_LIFECYCLE -> lifecycle.delete(call);
      case GET_BUCKET_ACL -> acls.getBucketAcl(call);
      case PUT_BUCKET_ACL -> acls.putBucketAcl(call);
      case GET_OBJECT_ACL -> acls.getObjectAcl(call);
      case PUT_OBJECT_ACL -> acls.putObjectAcl(call);
      case GET_BUCKET_OWNERSHIP_CONTROLS -> acls.getOwnership(call);
      case PUT_BUCKET_OWNERSHIP_CONTROLS -> acls.putOwnership(call);
      case DELETE_BUCKET_OWNERSHIP_CONTROLS -> acls.deleteOwnership(call);
      case GET_PUBLIC_ACCESS_BLOCK -> acls.getPublicAccessBlock(call);
      case PUT_PUBLIC_ACCESS_BLOCK -> acls.putPublicAccessBlock(call);
      case DELETE_PUBLIC_ACCESS_BLOCK -> acls.deletePublicAccessBlock(call);
      case GET_BUCKET_TAGGING -> tagging.getBucketTagging(call);
      case PUT_BUCKET_TAGGING -> tagging.putBucketTagging(call);
      case DELETE_BUCKET_TAGGING -> tagging.deleteBucketTagging(call);
      case GET_OBJECT_TAGGING -> tagging.getObjectTagging(call);
      case PUT_OBJECT_TAGGING -> tagging.putObjectTagging(call);
      case DELETE_OBJECT_TAGGING -> tagging.deleteObjectTagging(call);
      case GET_OBJECT_ATTRIBUTES -> attributes.get(call);
      case RESTORE_OBJECT -> restores().restore(call);
      case GET_BUCKET_ANALYTICS_CONFIGURATION, GET_BUCKET_INVENTORY_CONFIGURATION,
          GET_BUCKET_METRICS_CONFIGURATION, GET_BUCKET_INTELLIGENT_TIERING_CONFIGURATION ->
          idConfigurations().get(call);
      case PUT_BUCKET_ANALYTICS_CONFIGURATION, PUT_BUCKET_INVENTORY_CONFIGURATION,
          PUT_BUCKET_METRICS_CONFIGURATION, PUT_BUCKET_INTELLIGENT_TIERING_CONFIGURATION ->
          idConfigurations().put(call);
      case DELETE_BUCKET_ANALYTICS_CONFIGURATION, DELETE_BUCKET_INVENTORY_CONFIGURATION,
          DELETE_BUCKET_METRICS_CONFIGURATION, DELETE_BUCKET_INTELLIGENT_TIERING_CONFIGURATION ->
          idConfigurations().delete(call);
      case LIST_BUCKET_ANALYTICS_CONFIGURATIONS, LIST_BUCKET_INVENTORY_CONFIGURATIONS,
          LIST_BUCKET_METRICS_CONFIGURATIONS, LIST_BUCKET_INTELLIGENT_TIERING_CONFIGURATIONS ->
          idConfigurations().list(call);
      case GET_BUCKET_NOTIFICATION_CONFIGURATION -> configurations().getNotification(call);
      case PUT_BUCKET_NOTIFICATION_CONFIGURATION -> configurations().putNotification(call);
      case GET_BUCKET_LOGGING -> configurations().getLogging(call);
      case PUT_BUCKET_LOGGING -> configurations().putLogging(call);
      case GET_BUCKET_REQUEST_PAYMENT -> configurations().getRequestPayment(call);
      case PUT_BUCKET_REQUEST_PAYMENT -> configurations().putRequestPayment(call);
      case GET_BUCKET_ACCELERATE_CONFIGURATION -> configurations().getAccelerate(call);
      case PUT_BUCKET_ACCELERATE_CONFIGURATION -> configurations().putAccelerate(call);
      case GET_BUCKET_ABAC -> configurations().getAbac(call);
      case PUT_BUCKET_ABAC -> configurations().putAbac(call);
      case GET_BUCKET_REPLICATION -> configurations().getReplication(call);
      case PUT_BUCKET_REPLICATION -> configurations().putReplication(call);
      case DELETE_BUCKET_REPLICATION -> configurations().deleteReplication(call);
      case GET_BUCKET_POLICY, PUT_BUCKET_POLICY, DELETE_BUCKET_POLICY, GET_BUCKET_POLICY_STATUS,
          GET_BUCKET_CORS, PUT_BUCKET_CORS, DELETE_BUCKET_CORS,
          GET_BUCKET_ENCRYPTION, PUT_BUCKET_ENCRYPTION, DELETE_BUCKET_ENCRYPTION,
          GET_BUCKET_WEBSITE, PUT_BUCKET_WEBSITE, DELETE_BUCKET_WEBSITE
          -> documents().handle(operation, call);
    };
  }

  private static boolean isPreflight(RestRequest request) {
    return request.method().equals("OPTIONS");
  }

  /** AccessDenied when {@code header} names an account other than the emulator's. */
  static void checkExpectedOwner(RequestHeaders headers, String header) {
    if (headers.first(header).filter(owner -> !owner.trim().equals(Owner.ACCOUNT_ID))
        .isPresent()) {
      throw WireError.accessDenied();
    }
  }

  private RestoreOperations restores() {
    RestoreOperations made = restores;
    return made != null ? made : (restores = new RestoreOperations(state));
  }

  private IdConfigurationOperations idConfigurations() {
    IdConfigurationOperations made = idConfigurations;
    return made != null ? made : (idConfigurations = new IdConfigurationOperations(state));
  }

  private BucketConfigurationOperations configurations() {
    BucketConfigurationOperations made = configurations;
    return made != null ? made : (configurations = new BucketConfigurationOperations(state));
  }

  private BucketDocumentOperations documents() {
    BucketDocumentOperations made = documents;
    return made != null ? made : (documents = new BucketDocumentOperations(state));
  }
}
