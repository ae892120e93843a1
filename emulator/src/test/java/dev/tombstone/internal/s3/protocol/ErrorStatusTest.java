package dev.tombstone.internal.s3.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tombstone.s3.S3Error;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class ErrorStatusTest {
  // The statuses of the S3 API Reference's error list (s3-api.md §6.4 and the "Error
  // responses" page for the codes the catalogue leaves out), written out independently of the
  // mapping under test.
  private static final Map<String, Integer> DOCUMENTED = Map.ofEntries(
      Map.entry("AccessControlListNotSupported", 400),
      Map.entry("AccessDenied", 403),
      Map.entry("BadRequest", 400),
      // Not in the reference's list: the status S3 answers a refused CORS preflight with.
      Map.entry("AccessForbidden", 403),
      Map.entry("InvalidBucketAclWithObjectOwnership", 400),
      // Not in the reference's list: the status users report from CreateBucket with a public ACL.
      Map.entry("InvalidBucketAclWithBlockPublicAccessError", 400),
      Map.entry("InvalidTag", 400),
      Map.entry("NoSuchPublicAccessBlockConfiguration", 404),
      Map.entry("NoSuchTagSet", 404),
      Map.entry("OwnershipControlsNotFoundError", 404),
      Map.entry("AuthorizationQueryParametersError", 400),
      Map.entry("ConditionalRequestConflict", 409),
      Map.entry("InvalidObjectState", 403),
      Map.entry("RestoreAlreadyInProgress", 409),
      // The analytics, inventory, metrics and Intelligent-Tiering operations' own pages
      // (TooManyConfigurations); the others as S3-compatible servers checked against S3 report.
      Map.entry("NoSuchConfiguration", 404),
      Map.entry("TooManyConfigurations", 400),
      Map.entry("IdMismatch", 400),
      Map.entry("InvalidS3DestinationBucket", 400),
      Map.entry("InvalidConfigurationId", 400),
      // Not in the reference's list: CreateBucket's namespace refusals. MissingNamespaceHeader
      // as users report it from S3; InvalidNamespaceHeader's status is unrecorded.
      Map.entry("MissingNamespaceHeader", 400),
      Map.entry("InvalidNamespaceHeader", 400),
      Map.entry("BadDigest", 400),
      Map.entry("BucketAlreadyOwnedByYou", 409),
      Map.entry("BucketNotEmpty", 409),
      Map.entry("EntityTooLarge", 400),
      Map.entry("EntityTooSmall", 400),
      Map.entry("IllegalLocationConstraintException", 400),
      Map.entry("IncompleteBody", 400),
      Map.entry("InternalError", 500),
      Map.entry("InvalidArgument", 400),
      Map.entry("InvalidBucketName", 400),
      Map.entry("InvalidDigest", 400),
      Map.entry("InvalidEncryptionAlgorithmError", 400),
      Map.entry("InvalidLocationConstraint", 400),
      Map.entry("InvalidPart", 400),
      Map.entry("InvalidPartOrder", 400),
      Map.entry("InvalidPartNumber", 416),
      Map.entry("InvalidRange", 416),
      Map.entry("InvalidRedirectLocation", 400),
      Map.entry("InvalidRequest", 400),
      Map.entry("InvalidStorageClass", 400),
      Map.entry("InvalidURI", 400),
      Map.entry("KeyTooLongError", 400),
      Map.entry("MalformedACLError", 400),
      Map.entry("MalformedTrailerError", 400),
      Map.entry("MalformedXML", 400),
      Map.entry("IllegalVersioningConfigurationException", 400),
      Map.entry("MissingRequestBodyError", 400),
      Map.entry("MalformedPolicy", 400),
      Map.entry("NoSuchBucketPolicy", 404),
      Map.entry("NoSuchCORSConfiguration", 404),
      Map.entry("NoSuchWebsiteConfiguration", 404),
      Map.entry("MaxMessageLengthExceeded", 400),
      Map.entry("MethodNotAllowed", 405),
      Map.entry("MissingContentLength", 411),
      Map.entry("MissingSecurityHeader", 400),
      Map.entry("UnexpectedContent", 400),
      Map.entry("NoSuchBucket", 404),
      Map.entry("NoSuchKey", 404),
      Map.entry("NoSuchLifecycleConfiguration", 404),
      Map.entry("NoSuchUpload", 404),
      Map.entry("NoSuchVersion", 404),
      Map.entry("NotImplemented", 501),
      Map.entry("PreconditionFailed", 412),
      Map.entry("XAmzContentSHA256Mismatch", 400),
      Map.entry("InvalidTargetBucketForLogging", 400),
      Map.entry("CrossLocationLoggingProhibitted", 403),
      Map.entry("ReplicationConfigurationNotFoundError", 404),
      // POST Object: the "Error responses" page, and S3's own answers for the codes it lists
      // otherwise (a form that is not multipart is PreconditionFailed, not the listed
      // RequestIsNotMultiPartContent).
      Map.entry("MalformedPOSTRequest", 400),
      Map.entry("MaxPostPreDataLengthExceeded", 400),
      Map.entry("InvalidPolicyDocument", 400),
      Map.entry("InvalidAccessKeyId", 403),
      Map.entry("SignatureDoesNotMatch", 403));

  // Object Lock refusals carry several codes; their status follows their kind.
  private static final Map<S3Error.ObjectLockError.Kind, Integer> OBJECT_LOCK = Map.of(
      S3Error.ObjectLockError.Kind.ACCESS_DENIED, 403,
      S3Error.ObjectLockError.Kind.INVALID_REQUEST, 400,
      S3Error.ObjectLockError.Kind.INVALID_ARGUMENT, 400,
      S3Error.ObjectLockError.Kind.NOT_FOUND, 404,
      S3Error.ObjectLockError.Kind.INVALID_BUCKET_STATE, 409);

  static Stream<Class<?>> domainErrors() {
    return Arrays.stream(S3Error.class.getPermittedSubclasses())
        .filter(type -> type != S3Error.ObjectLockError.class);
  }

  @ParameterizedTest
  @EnumSource(S3Error.ObjectLockError.Kind.class)
  void everyObjectLockRefusal_hasTheStatusAwsDocumentsForItsKind(
      S3Error.ObjectLockError.Kind kind) {
    assertThat(ErrorStatus.of(kind)).as(kind.name()).isEqualTo(OBJECT_LOCK.get(kind));
  }

  @ParameterizedTest
  @MethodSource("domainErrors")
  void everyDomainError_hasTheStatusAwsDocumentsForItsCode(Class<?> type) throws Exception {
    S3Error error = instance(type.asSubclass(S3Error.class));

    int status = ErrorStatus.of(error);

    assertThat(DOCUMENTED).containsKey(error.code());
    assertThat(status).as(error.code()).isEqualTo(DOCUMENTED.get(error.code()));
  }

  @ParameterizedTest
  @EnumSource(WireError.Kind.class)
  void everyProtocolError_hasTheStatusAwsDocumentsForItsCode(WireError.Kind kind) {
    int status = ErrorStatus.of(kind);

    assertThat(DOCUMENTED).containsKey(kind.code());
    assertThat(status).as(kind.code()).isEqualTo(DOCUMENTED.get(kind.code()));
  }

  @Test
  void theDomainMapping_refusesWhatIsNotAnS3ErrorType() {
    assertThatThrownBy(() -> ErrorStatus.of(S3Error.class))
        .isInstanceOf(IllegalArgumentException.class);
  }

  // Any arguments do: the code and the status do not depend on them.
  private static S3Error instance(Class<? extends S3Error> type) throws Exception {
    Constructor<?> constructor = Arrays.stream(type.getConstructors())
        .filter(c -> Modifier.isPublic(c.getModifiers()))
        .findFirst()
        .orElseThrow(() -> new AssertionError(type + " has no public constructor"));
    Object[] arguments = Arrays.stream(constructor.getParameterTypes())
        .map(ErrorStatusTest::sample)
        .toArray();
    return (S3Error) constructor.newInstance(arguments);
  }

  private static Object sample(Class<?> parameter) {
    if (parameter == String.class) {
      return "x";
    }
    if (parameter == int.class) {
      return 1;
    }
    if (parameter == long.class) {
      return 1L;
    }
    if (parameter == boolean.class) {
      return false;
    }
    if (parameter == Instant.class) {
      return Instant.EPOCH;
    }
    if (parameter.isEnum()) {
      return parameter.getEnumConstants()[0];
    }
    throw new AssertionError("no sample value for a " + parameter);
  }
}
