package dev.tombstone.internal.s3.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;

import dev.tombstone.Tombstone;
import dev.tombstone.s3.Owner;
import dev.tombstone.testing.RunningTombstone;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.AccessControlPolicy;
import software.amazon.awssdk.services.s3.model.Grant;
import software.amazon.awssdk.services.s3.model.Grantee;
import software.amazon.awssdk.services.s3.model.ObjectOwnership;
import software.amazon.awssdk.services.s3.model.Permission;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.Type;

/**
 * What S3 refuses in an ACL, through the SDK v2: documents that break the AccessControlPolicy
 * schema (MalformedACLError), ids and group URIs it does not know (InvalidArgument), and e-mail
 * grantees (405 since October 2025). Nothing refused changes any state.
 */
class SdkAclValidationTest {
  private static final String OWNER = Owner.DEFAULT.id();
  private static final String OTHER_ACCOUNT = "79a59df9".repeat(8);
  private static final String LOG_DELIVERY = "http://acs.amazonaws.com/groups/s3/LogDelivery";
  private static final String FAKE_GROUP = "http://acs.amazonaws.com/groups/s3/FakeGroup";
  private static final String BUCKET = "acl-rules";
  private static final String MALFORMED = "The XML you provided was not well-formed or did not"
      + " validate against our published schema";

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  private final Tombstone tombstone = server.tombstone();
  private final ErrorDocuments errors = new ErrorDocuments();
  private final S3Client s3 = S3Client.builder()
      .endpointOverride(tombstone.endpoint())
      .region(Region.US_EAST_1)
      .forcePathStyle(true)
      .credentialsProvider(AnonymousCredentialsProvider.create())
      .overrideConfiguration(o -> o.addExecutionInterceptor(errors))
      .build();

  @AfterEach
  void closeClient() {
    s3.close();
  }

  // ACLs enabled and public ACLs allowed, so that only the checks under test can refuse.
  @BeforeEach
  void bucketWithAclsEnabled() {
    s3.createBucket(b -> b.bucket(BUCKET).objectOwnership(ObjectOwnership.OBJECT_WRITER));
    s3.deletePublicAccessBlock(b -> b.bucket(BUCKET));
    s3.putObject(b -> b.bucket(BUCKET).key("k"), RequestBody.fromString("x"));
    s3.putBucketAcl(b -> b.bucket(BUCKET).acl("log-delivery-write"));
    s3.putObjectAcl(b -> b.bucket(BUCKET).key("k").acl("public-read"));
  }

  @Test
  void policyDocuments_thatBreakTheSchema_areMalformedAclError_onBucketsAndObjects() {
    List<Consumer<AccessControlPolicy.Builder>> policies = List.of(
        p -> p.grants(grant(g -> g.type(Type.CANONICAL_USER).id(OWNER), "FULL_CONTROL")),
        p -> { },
        p -> p.owner(o -> o.id("wrong-id")),
        p -> p.owner(o -> o.id(OWNER))
            .grants(grant(g -> g.type(Type.CANONICAL_USER).id(OWNER), "FULL_CONTROLL")),
        p -> p.owner(o -> o.id(OWNER))
            .grants(grant(g -> g.type(Type.CANONICAL_USER).id(OWNER), "Write")),
        p -> p.owner(o -> o.id(OWNER))
            .grants(grant(g -> g.type("Canonical User").id(OWNER), "FULL_CONTROL")),
        p -> p.owner(o -> o.id(OWNER))
            .grants(grant(g -> g.type("Bogus").id(OWNER), "READ")),
        p -> p.owner(o -> o.id(OWNER)).grants(grant(g -> g.type(Type.GROUP), "READ")));

    for (Consumer<AccessControlPolicy.Builder> policy : policies) {
      expectError(() -> s3.putBucketAcl(b -> b.bucket(BUCKET).accessControlPolicy(policy)),
          400, "MalformedACLError", MALFORMED, Map.of());
      expectError(() -> s3.putObjectAcl(b -> b.bucket(BUCKET).key("k")
          .accessControlPolicy(policy)), 400, "MalformedACLError", MALFORMED, Map.of());
    }
    assertAclsUnchanged();
  }

  @Test
  void aBodyThatIsNotAnAccessControlPolicy_orAGranteeWithoutType_isMalformedAclError()
      throws Exception {
    // The SDK cannot send these: it refuses a grantee without a type before sending.
    String untypedGrantee = "<AccessControlPolicy><Owner><ID>" + OWNER + "</ID></Owner>"
        + "<AccessControlList><Grant><Grantee><ID>" + OWNER + "</ID></Grantee>"
        + "<Permission>READ</Permission></Grant></AccessControlList></AccessControlPolicy>";
    for (String body : List.of(untypedGrantee,
        "<AccessControlPolicy><Owner><ID>" + OWNER + "</ID></Owner>", "not xml at all",
        "<AccessControlList/>")) {
      HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
              URI.create(tombstone.endpoint() + "/" + BUCKET + "?acl"))
          .PUT(HttpRequest.BodyPublishers.ofString(body)).build(),
          HttpResponse.BodyHandlers.ofString());

      assertThat(answer.statusCode()).as(body).isEqualTo(400);
      assertThat(answer.body()).as(body).contains("<Code>MalformedACLError</Code>",
          "<Message>" + MALFORMED + "</Message>");
    }
    assertAclsUnchanged();
  }

  @Test
  void idsAndGroupUris_s3DoesNotKnow_inADocument_areInvalidArgument_namingTheElement() {
    expectError(() -> s3.putBucketAcl(b -> b.bucket(BUCKET).accessControlPolicy(p -> p
        .owner(o -> o.id(OWNER))
        .grants(grant(g -> g.type(Type.CANONICAL_USER).id("abc"), "READ")))),
        400, "InvalidArgument", "Invalid id",
        Map.of("ArgumentName", "CanonicalUser/ID", "ArgumentValue", "abc"));
    expectError(() -> s3.putObjectAcl(b -> b.bucket(BUCKET).key("k").accessControlPolicy(p -> p
        .owner(o -> o.id("wrong-id"))
        .grants(grant(g -> g.type(Type.CANONICAL_USER).id(OWNER), "READ")))),
        400, "InvalidArgument", "Invalid id",
        Map.of("ArgumentName", "CanonicalUser/ID", "ArgumentValue", "wrong-id"));
    expectError(() -> s3.putBucketAcl(b -> b.bucket(BUCKET).accessControlPolicy(p -> p
        .owner(o -> o.id(OWNER))
        .grants(grant(g -> g.type(Type.GROUP).uri(FAKE_GROUP), "READ")))),
        400, "InvalidArgument", "Invalid group uri",
        Map.of("ArgumentName", "Group/URI", "ArgumentValue", FAKE_GROUP));

    assertAclsUnchanged();
  }

  @Test
  void idsAndGroupUris_s3DoesNotKnow_inGrantHeaders_areInvalidArgument_andStoreNothing() {
    expectError(() -> s3.putObjectAcl(b -> b.bucket(BUCKET).key("k").grantRead("id=_foo")),
        400, "InvalidArgument", "Invalid id",
        Map.of("ArgumentName", "id", "ArgumentValue", "_foo"));
    expectError(() -> s3.putBucketAcl(b -> b.bucket(BUCKET).grantRead("id=\"abc\"")),
        400, "InvalidArgument", "Invalid id", Map.of("ArgumentName", "id", "ArgumentValue", "abc"));
    expectError(() -> s3.putBucketAcl(b -> b.bucket(BUCKET)
        .grantWrite("uri=\"" + FAKE_GROUP + "\"")),
        400, "InvalidArgument", "Invalid group uri",
        Map.of("ArgumentName", "uri", "ArgumentValue", FAKE_GROUP));
    expectError(() -> s3.putObject(b -> b.bucket(BUCKET).key("new").grantRead("uri=invalid"),
        RequestBody.fromString("x")), 400, "InvalidArgument", "Invalid group uri",
        Map.of("ArgumentName", "uri", "ArgumentValue", "invalid"));

    assertAclsUnchanged();
    assertThat(tombstone.s3().keys(BUCKET)).containsExactly("k");
  }

  @Test
  void anotherAccountsCanonicalId_andTheThreeGroups_areAccepted() {
    s3.putObjectAcl(b -> b.bucket(BUCKET).key("k").grantRead("id=" + OTHER_ACCOUNT)
        .grantWrite("uri=\"" + LOG_DELIVERY + "\""));
    s3.putBucketAcl(b -> b.bucket(BUCKET).accessControlPolicy(p -> p.owner(o -> o.id(OWNER))
        .grants(grant(g -> g.type(Type.CANONICAL_USER).id(OTHER_ACCOUNT), "READ_ACP"),
            grant(g -> g.type(Type.GROUP).uri(
                "http://acs.amazonaws.com/groups/global/AuthenticatedUsers"), "READ"))));

    assertThat(s3.getObjectAcl(b -> b.bucket(BUCKET).key("k")).grants())
        .extracting(g -> g.grantee().id(), g -> g.grantee().uri())
        .containsExactly(tuple(OTHER_ACCOUNT, null),
            tuple(null, LOG_DELIVERY));
    assertThat(s3.getBucketAcl(b -> b.bucket(BUCKET)).grants()).extracting(Grant::permission)
        .containsExactly(Permission.READ_ACP, Permission.READ);
  }

  @Test
  void emailGrantees_areRefusedWith405_byEveryWriteThatTakesAnAcl_andNothingIsStored() {
    String email = "emailAddress=\"a@example.com\"";
    List<ThrowingCallable> writes = List.of(
        () -> s3.putObject(b -> b.bucket(BUCKET).key("new").grantRead(email),
            RequestBody.fromString("x")),
        () -> s3.putObjectAcl(b -> b.bucket(BUCKET).key("k").grantRead(email)),
        () -> s3.putBucketAcl(b -> b.bucket(BUCKET).grantFullControl(email)),
        () -> s3.putBucketAcl(b -> b.bucket(BUCKET).accessControlPolicy(p -> p
            .owner(o -> o.id(OWNER)).grants(grant(g -> g.type(Type.AMAZON_CUSTOMER_BY_EMAIL)
                .emailAddress("a@example.com"), "READ")))),
        () -> s3.createBucket(b -> b.bucket("by-email").grantRead(email)
            .objectOwnership(ObjectOwnership.OBJECT_WRITER)),
        () -> s3.copyObject(b -> b.sourceBucket(BUCKET).sourceKey("k")
            .destinationBucket(BUCKET).destinationKey("copy").grantRead(email)),
        () -> s3.createMultipartUpload(b -> b.bucket(BUCKET).key("upload").grantRead(email)));

    for (ThrowingCallable write : writes) {
      expectError(write, 405, "MethodNotAllowed", "Email grantee ACLs are no longer supported",
          Map.of());
    }

    assertAclsUnchanged();
    assertThat(tombstone.s3().keys(BUCKET)).containsExactly("k");
    assertThat(tombstone.s3().bucketNames()).containsExactly(BUCKET);
    assertThat(tombstone.s3().multipartUploads(BUCKET)).isEmpty();
  }

  @Test
  void aCannedAclBesideGrantHeaders_isInvalidRequest_beforeEitherIsRead() {
    String both = "Specifying both Canned ACLs and Header Grants is not allowed";
    List<ThrowingCallable> writes = List.of(
        () -> s3.putBucketAcl(b -> b.bucket(BUCKET).acl("private").grantRead("id=testuser1")),
        () -> s3.putObjectAcl(b -> b.bucket(BUCKET).key("k").acl("public-read")
            .grantWrite("uri=\"" + FAKE_GROUP + "\"")),
        () -> s3.putObject(b -> b.bucket(BUCKET).key("new").acl("private")
            .grantRead("emailAddress=\"a@example.com\""), RequestBody.fromString("x")),
        () -> s3.putBucketAcl(b -> b.bucket(BUCKET).acl("public-everything")
            .grantRead("id=" + OTHER_ACCOUNT)),
        () -> s3.createMultipartUpload(b -> b.bucket(BUCKET).key("upload").acl("private")
            .grantRead("id=_foo")),
        () -> s3.createBucket(b -> b.bucket("both-kinds").acl("private").grantRead("id=_foo")
            .objectOwnership(ObjectOwnership.OBJECT_WRITER)));

    for (ThrowingCallable write : writes) {
      expectError(write, 400, "InvalidRequest", both, Map.of());
    }

    assertAclsUnchanged();
    assertThat(tombstone.s3().keys(BUCKET)).containsExactly("k");
    assertThat(tombstone.s3().bucketNames()).containsExactly(BUCKET);
    assertThat(tombstone.s3().multipartUploads(BUCKET)).isEmpty();
  }

  private void assertAclsUnchanged() {
    assertThat(s3.getBucketAcl(b -> b.bucket(BUCKET)).grants()).extracting(Grant::permission)
        .containsExactly(Permission.FULL_CONTROL, Permission.WRITE, Permission.READ_ACP);
    assertThat(s3.getObjectAcl(b -> b.bucket(BUCKET).key("k")).grants())
        .extracting(Grant::permission).containsExactly(Permission.FULL_CONTROL, Permission.READ);
  }

  private static Grant grant(Consumer<Grantee.Builder> grantee, String permission) {
    return Grant.builder().grantee(grantee).permission(permission).build();
  }

  private void expectError(ThrowingCallable call, int status, String code,
      String message, Map<String, String> fields) {
    S3Exception thrown = catchThrowableOfType(S3Exception.class, call);

    assertThat(thrown).as("%s expected", code).isNotNull();
    assertThat(thrown.statusCode()).isEqualTo(status);
    assertThat(thrown.awsErrorDetails().errorCode()).isEqualTo(code);
    assertThat(thrown.awsErrorDetails().errorMessage()).isEqualTo(message);
    fields.forEach((name, value) ->
        assertThat(errors.last).contains("<" + name + ">" + value + "</" + name + ">"));
  }

  /** Keeps the last error document, for the elements the SDK's exception does not expose. */
  private static final class ErrorDocuments implements ExecutionInterceptor {
    private volatile String last = "";

    @Override
    public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context,
        ExecutionAttributes attributes) {
      Optional<InputStream> body = context.responseBody();
      if (body.isEmpty() || context.httpResponse().isSuccessful()) {
        return body;
      }
      try {
        byte[] document = body.get().readAllBytes();
        last = new String(document, StandardCharsets.UTF_8);
        return Optional.of(new ByteArrayInputStream(document));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
