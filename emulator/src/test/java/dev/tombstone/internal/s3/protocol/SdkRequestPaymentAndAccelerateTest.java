package dev.tombstone.internal.s3.protocol;

import static dev.tombstone.internal.s3.protocol.RawBucketRequests.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.Tombstone;
import dev.tombstone.s3.RequestPayment;
import dev.tombstone.s3.TransferAcceleration;
import dev.tombstone.testing.RunningTombstone;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAccelerateStatus;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.Payer;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Get/PutBucketRequestPayment and Get/PutBucketAccelerateConfiguration through the SDK v2. */
class SdkRequestPaymentAndAccelerateTest {
  private static final String BUCKET = "configs";
  private static final String MALFORMED = WireError.MALFORMED_XML;

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  private final Tombstone tombstone = server.tombstone();
  private final S3Client s3 = server.s3();
  private final RawBucketRequests raw = new RawBucketRequests(tombstone);

  @BeforeEach
  void bucket() {
    s3.createBucket(b -> b.bucket(BUCKET));
  }

  @Test
  void requestPayment_isBucketOwner_untilRequesterIsPut() {
    assertThat(s3.getBucketRequestPayment(b -> b.bucket(BUCKET)).payer())
        .isEqualTo(Payer.BUCKET_OWNER);

    s3.putBucketRequestPayment(b -> b.bucket(BUCKET)
        .requestPaymentConfiguration(c -> c.payer(Payer.REQUESTER)));

    assertThat(s3.getBucketRequestPayment(b -> b.bucket(BUCKET)).payer())
        .isEqualTo(Payer.REQUESTER);
    assertThat(tombstone.s3().requestPayment(BUCKET)).isEqualTo(RequestPayment.REQUESTER);
    s3.putBucketRequestPayment(b -> b.bucket(BUCKET)
        .requestPaymentConfiguration(c -> c.payer(Payer.BUCKET_OWNER)));
    assertThat(tombstone.s3().requestPayment(BUCKET)).isEqualTo(RequestPayment.BUCKET_OWNER);
  }

  @Test
  void getRequestPayment_isS3sDocument() {
    assertThat(raw.get(BUCKET, "requestPayment").body()).isEqualTo(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<RequestPaymentConfiguration xmlns="
            + "\"http://s3.amazonaws.com/doc/2006-03-01/\"><Payer>BucketOwner</Payer>"
            + "</RequestPaymentConfiguration>");
  }

  @Test
  void putRequestPayment_withAnUnknownPayerOrNoPayer_isMalformedXml_andChangesNothing() {
    for (String body : List.of(
        "<RequestPaymentConfiguration><Payer>Nobody</Payer></RequestPaymentConfiguration>",
        "<RequestPaymentConfiguration/>", "<Payer>Requester</Payer>", "not xml",
        "<RequestPaymentConfiguration><Payer>Requester</Payer><Bogus/>"
            + "</RequestPaymentConfiguration>")) {
      assertError(raw.put(BUCKET, "requestPayment", body), 400, "MalformedXML", MALFORMED);
    }
    assertThat(tombstone.s3().requestPayment(BUCKET)).isEqualTo(RequestPayment.BUCKET_OWNER);
  }

  @Test
  void requestPayment_ofAMissingBucket_isNoSuchBucket_andDeleteIsNotAllowed() {
    assertThat(catchThrowableOfType(NoSuchBucketException.class,
        () -> s3.getBucketRequestPayment(b -> b.bucket("missing")))).isNotNull();
    assertThat(catchThrowableOfType(NoSuchBucketException.class,
        () -> s3.putBucketRequestPayment(b -> b.bucket("missing")
            .requestPaymentConfiguration(c -> c.payer(Payer.REQUESTER))))).isNotNull();
    assertError(raw.delete(BUCKET, "requestPayment"), 405, "MethodNotAllowed",
        "The specified method is not allowed against this resource.");
  }

  @Test
  void accelerate_isAnEmptyConfiguration_untilAStatusIsPut() {
    assertThat(s3.getBucketAccelerateConfiguration(b -> b.bucket(BUCKET)).status()).isNull();
    assertThat(raw.get(BUCKET, "accelerate").body()).isEqualTo(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<AccelerateConfiguration xmlns="
            + "\"http://s3.amazonaws.com/doc/2006-03-01/\"/>");

    s3.putBucketAccelerateConfiguration(b -> b.bucket(BUCKET)
        .accelerateConfiguration(c -> c.status(BucketAccelerateStatus.ENABLED)));
    assertThat(s3.getBucketAccelerateConfiguration(b -> b.bucket(BUCKET)).status())
        .isEqualTo(BucketAccelerateStatus.ENABLED);

    s3.putBucketAccelerateConfiguration(b -> b.bucket(BUCKET)
        .accelerateConfiguration(c -> c.status(BucketAccelerateStatus.SUSPENDED)));
    assertThat(raw.get(BUCKET, "accelerate").body()).endsWith(
        "<Status>Suspended</Status></AccelerateConfiguration>");
    assertThat(tombstone.s3().accelerateConfiguration(BUCKET))
        .contains(TransferAcceleration.SUSPENDED);
  }

  @Test
  void putAccelerate_onABucketWithAPeriod_isInvalidRequest() {
    s3.createBucket(b -> b.bucket("with.period"));

    S3Exception thrown = catchThrowableOfType(S3Exception.class,
        () -> s3.putBucketAccelerateConfiguration(b -> b.bucket("with.period")
            .accelerateConfiguration(c -> c.status(BucketAccelerateStatus.ENABLED))));

    assertThat(thrown.statusCode()).isEqualTo(400);
    assertThat(thrown.awsErrorDetails().errorCode()).isEqualTo("InvalidRequest");
    assertThat(thrown.awsErrorDetails().errorMessage()).isEqualTo("S3 Transfer"
        + " Acceleration is not supported for buckets with periods (.) in their names");
    assertThat(tombstone.s3().accelerateConfiguration("with.period")).isEmpty();
  }

  @Test
  void putAccelerate_onABucketWithAPeriod_isRefusedBeforeTheBodyIsRead() {
    s3.createBucket(b -> b.bucket("dotted.name"));

    HttpResponse<String> answer = raw.put("dotted.name", "accelerate",
        "<AccelerateConfiguration><Status>random</Status></AccelerateConfiguration>");

    assertError(answer, 400, "InvalidRequest", "S3 Transfer Acceleration is not supported for"
        + " buckets with periods (.) in their names");
    assertThat(tombstone.s3().accelerateConfiguration("dotted.name")).isEmpty();
  }

  @Test
  void putAccelerate_withAnUnknownOrMissingStatus_isMalformedXml() {
    for (String body : List.of(
        "<AccelerateConfiguration><Status>On</Status></AccelerateConfiguration>",
        "<AccelerateConfiguration/>", "<RequestPaymentConfiguration/>",
        "<AccelerateConfiguration><Status>Enabled</Status><Bogus/></AccelerateConfiguration>")) {
      assertError(raw.put(BUCKET, "accelerate", body), 400, "MalformedXML", MALFORMED);
    }
    assertThat(tombstone.s3().accelerateConfiguration(BUCKET)).isEqualTo(Optional.empty());
  }

  @Test
  void configurations_dieWithTheBucket_andAreClearedByReset() {
    s3.putBucketRequestPayment(b -> b.bucket(BUCKET)
        .requestPaymentConfiguration(c -> c.payer(Payer.REQUESTER)));
    s3.putBucketAccelerateConfiguration(b -> b.bucket(BUCKET)
        .accelerateConfiguration(c -> c.status(BucketAccelerateStatus.ENABLED)));

    s3.deleteBucket(b -> b.bucket(BUCKET));
    s3.createBucket(b -> b.bucket(BUCKET));
    assertThat(tombstone.s3().requestPayment(BUCKET)).isEqualTo(RequestPayment.BUCKET_OWNER);
    assertThat(tombstone.s3().accelerateConfiguration(BUCKET)).isEmpty();

    s3.putBucketRequestPayment(b -> b.bucket(BUCKET)
        .requestPaymentConfiguration(c -> c.payer(Payer.REQUESTER)));
    tombstone.reset();
    s3.createBucket(b -> b.bucket(BUCKET));
    assertThat(tombstone.s3().requestPayment(BUCKET)).isEqualTo(RequestPayment.BUCKET_OWNER);
  }
}
