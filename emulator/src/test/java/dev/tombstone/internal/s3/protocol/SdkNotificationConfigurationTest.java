package dev.tombstone.internal.s3.protocol;

import static dev.tombstone.internal.s3.protocol.RawBucketRequests.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.Tombstone;
import dev.tombstone.s3.BucketNotification;
import dev.tombstone.testing.RunningTombstone;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Event;
import software.amazon.awssdk.services.s3.model.FilterRuleName;
import software.amazon.awssdk.services.s3.model.GetBucketNotificationConfigurationResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Get/PutBucketNotificationConfiguration through the SDK v2: stored, never delivered. */
class SdkNotificationConfigurationTest {
  private static final String BUCKET = "notifying";
  private static final String NS = "http://s3.amazonaws.com/doc/2006-03-01/";
  private static final String QUEUE = "arn:aws:sqs:us-east-1:123456789012:deletions";
  private static final String TOPIC = "arn:aws:sns:us-east-1:123456789012:uploads";
  private static final String FUNCTION =
      "arn:aws:lambda:us-east-1:123456789012:function:thumbnail";

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
  void getNotification_ofANewBucket_isAnEmptyConfiguration() {
    GetBucketNotificationConfigurationResponse got =
        s3.getBucketNotificationConfiguration(b -> b.bucket(BUCKET));

    assertThat(got.queueConfigurations()).isEmpty();
    assertThat(got.eventBridgeConfiguration()).isNull();
    assertThat(raw.get(BUCKET, "notification").body()).isEqualTo("<?xml version=\"1.0\""
        + " encoding=\"UTF-8\"?>\n<NotificationConfiguration xmlns=\"" + NS + "\"/>");
  }

  @Test
  void putNotification_roundTripsEveryKindOfDestination() {
    putAll();

    GetBucketNotificationConfigurationResponse got =
        s3.getBucketNotificationConfiguration(b -> b.bucket(BUCKET));
    assertThat(got.queueConfigurations()).singleElement().satisfies(q -> {
      assertThat(q.id()).isEqualTo("on-delete");
      assertThat(q.queueArn()).isEqualTo(QUEUE);
      assertThat(q.events()).containsExactly(Event.S3_OBJECT_REMOVED);
      assertThat(q.filter().key().filterRules()).singleElement().satisfies(rule -> {
        assertThat(rule.nameAsString()).isEqualTo("Prefix");
        assertThat(rule.value()).isEqualTo("raw/");
      });
    });
    assertThat(got.topicConfigurations()).singleElement().satisfies(t -> {
      assertThat(t.topicArn()).isEqualTo(TOPIC);
      assertThat(t.eventsAsStrings()).containsExactly("s3:ObjectCreated:Put",
          "s3:ObjectCreated:Copy");
      // S3 makes up an id: the Base64 of a UUID.
      assertThat(new String(Base64.getDecoder().decode(t.id())))
          .matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    });
    assertThat(got.lambdaFunctionConfigurations()).singleElement()
        .satisfies(f -> assertThat(f.lambdaFunctionArn()).isEqualTo(FUNCTION));
    assertThat(got.eventBridgeConfiguration()).isNotNull();
    assertThat(tombstone.s3().notificationConfiguration(BUCKET).destinations()).hasSize(3);
  }

  @Test
  void getNotification_isS3sCanonicalDocument() {
    raw.put(BUCKET, "notification", "<NotificationConfiguration xmlns=\"" + NS + "\">"
        + "<EventBridgeConfiguration/><QueueConfiguration><Filter><S3Key><FilterRule>"
        + "<Name>suffix</Name><Value>.jpg</Value></FilterRule></S3Key></Filter>"
        + "<Event>s3:ObjectCreated:*</Event><Queue>" + QUEUE + "</Queue><Id>q</Id>"
        + "</QueueConfiguration></NotificationConfiguration>");

    assertThat(raw.get(BUCKET, "notification").body()).isEqualTo("<?xml version=\"1.0\""
        + " encoding=\"UTF-8\"?>\n<NotificationConfiguration xmlns=\"" + NS + "\">"
        + "<QueueConfiguration><Id>q</Id><Queue>" + QUEUE + "</Queue>"
        + "<Event>s3:ObjectCreated:*</Event><Filter><S3Key><FilterRule><Name>Suffix</Name>"
        + "<Value>.jpg</Value></FilterRule></S3Key></Filter></QueueConfiguration>"
        + "<EventBridgeConfiguration/></NotificationConfiguration>");
  }

  @Test
  void putNotification_ofAnEmptyConfiguration_clearsIt() {
    putAll();

    s3.putBucketNotificationConfiguration(b -> b.bucket(BUCKET)
        .notificationConfiguration(c -> { }));

    assertThat(tombstone.s3().notificationConfiguration(BUCKET))
        .isEqualTo(BucketNotification.NONE);
  }

  @Test
  void putNotification_withAnUnknownEvent_isInvalidArgument() {
    HttpResponse<String> answer = raw.put(BUCKET, "notification", queue(
        "<Event>s3:ObjectCreated:*</Event><Event>s3:ObjectEaten</Event>"));

    assertError(answer, 400, "InvalidArgument", "The event is not supported for notifications");
    assertThat(answer.body()).contains("<ArgumentName>Event</ArgumentName>",
        "<ArgumentValue>s3:ObjectEaten</ArgumentValue>");
    assertUnchanged();
  }

  @Test
  void putNotification_withAMalformedArn_orOneOfAnotherService_isInvalidArgument() {
    for (String arn : List.of("not-an-arn", "arn:aws:sqs:us-east-1:123:short-account",
        TOPIC, "arn:aws:sqs:us-east-1:123456789012:")) {
      HttpResponse<String> answer = raw.put(BUCKET, "notification", "<NotificationConfiguration>"
          + "<QueueConfiguration><Queue>" + arn + "</Queue><Event>s3:ObjectCreated:*</Event>"
          + "</QueueConfiguration></NotificationConfiguration>");

      assertError(answer, 400, "InvalidArgument", "The ARN is not well formed");
    }
    assertThat(catchThrowableOfType(S3Exception.class,
        () -> s3.putBucketNotificationConfiguration(b -> b.bucket(BUCKET)
            .notificationConfiguration(c -> c.lambdaFunctionConfigurations(f -> f
                .lambdaFunctionArn("arn:aws:lambda:us-east-1:123456789012:thumbnail")
                .events(Event.S3_OBJECT_CREATED))))).awsErrorDetails().errorMessage())
        .isEqualTo("The ARN is not well formed");
    assertUnchanged();
  }

  @Test
  void putNotification_toADestinationInAnotherRegion_isInvalidArgument() {
    HttpResponse<String> answer = raw.put(BUCKET, "notification", "<NotificationConfiguration>"
        + "<TopicConfiguration><Topic>arn:aws:sns:eu-west-1:123456789012:t</Topic>"
        + "<Event>s3:ObjectCreated:*</Event></TopicConfiguration></NotificationConfiguration>");

    assertError(answer, 400, "InvalidArgument", "The notification destination service region"
        + " is not valid for the bucket location constraint");
    assertUnchanged();
  }

  @Test
  void putNotification_sharingAnEventWithoutFilters_isConfigurationsOverlap() {
    S3Exception thrown = catchThrowableOfType(S3Exception.class,
        () -> s3.putBucketNotificationConfiguration(b -> b.bucket(BUCKET)
            .notificationConfiguration(c -> c
                .queueConfigurations(q -> q.queueArn(QUEUE).events(Event.S3_OBJECT_REMOVED))
                .topicConfigurations(t -> t.topicArn(TOPIC)
                    .events(Event.S3_OBJECT_REMOVED_DELETE)))));

    assertThat(thrown.statusCode()).isEqualTo(400);
    assertThat(thrown.awsErrorDetails().errorCode()).isEqualTo("InvalidArgument");
    assertThat(thrown.awsErrorDetails().errorMessage()).isEqualTo("Configurations overlap."
        + " Configurations on the same bucket cannot share a common event type.");
    assertUnchanged();
  }

  @Test
  void putNotification_withOverlappingFilters_isAmbiguous_butDisjointPrefixesAreFine() {
    String ambiguous = "Configuration is ambiguously defined. Cannot have overlapping suffixes"
        + " in two rules if the prefixes are overlapping for the same event type.";
    assertError(raw.put(BUCKET, "notification", "<NotificationConfiguration>"
        + queueConfiguration("a", "<Name>prefix</Name><Value>images/</Value>")
        + queueConfiguration("b", "<Name>prefix</Name><Value>images/raw/</Value>")
        + "</NotificationConfiguration>"), 400, "InvalidArgument", ambiguous);
    assertUnchanged();

    HttpResponse<String> disjoint = raw.put(BUCKET, "notification", "<NotificationConfiguration>"
        + queueConfiguration("a", "<Name>prefix</Name><Value>images/</Value>")
        + queueConfiguration("b", "<Name>prefix</Name><Value>videos/</Value>")
        + "</NotificationConfiguration>");
    assertThat(disjoint.statusCode()).isEqualTo(200);
    assertThat(tombstone.s3().notificationConfiguration(BUCKET).destinations()).hasSize(2);
  }

  @Test
  void putNotification_withABadFilterRule_isInvalidArgument() {
    assertError(raw.put(BUCKET, "notification", "<NotificationConfiguration>"
        + queueConfiguration("a", "<Name>infix</Name><Value>x</Value>")
        + "</NotificationConfiguration>"), 400, "InvalidArgument",
        "filter rule name must be either prefix or suffix");
    assertError(raw.put(BUCKET, "notification", queue("<Event>s3:ObjectCreated:*</Event>"
        + "<Filter><S3Key><FilterRule><Name>prefix</Name><Value>a</Value></FilterRule>"
        + "<FilterRule><Name>Prefix</Name><Value>b</Value></FilterRule></S3Key></Filter>")),
        400, "InvalidArgument", "Cannot specify more than one prefix rule in a filter.");
    assertUnchanged();
  }

  @Test
  void putNotification_withAFilterRuleValueLongerThanS3Allows_isInvalidArgument() {
    assertError(raw.put(BUCKET, "notification", "<NotificationConfiguration>"
        + queueConfiguration("a", "<Name>prefix</Name><Value>" + "p".repeat(1025) + "</Value>")
        + "</NotificationConfiguration>"), 400, "InvalidArgument",
        "FilterRule value length should not exceed allowed limit of 1024");
    assertUnchanged();

    HttpResponse<String> atTheLimit = raw.put(BUCKET, "notification",
        "<NotificationConfiguration>" + queueConfiguration("a", "<Name>suffix</Name><Value>"
            + "s".repeat(1024) + "</Value>") + "</NotificationConfiguration>");
    assertThat(atTheLimit.statusCode()).as(atTheLimit.body()).isEqualTo(200);
  }

  @Test
  void putNotification_outsideTheSchema_isMalformedXml() {
    for (String body : List.of("<NotificationConfiguration><QueueConfiguration><Queue>" + QUEUE
            + "</Queue></QueueConfiguration></NotificationConfiguration>",
        "<NotificationConfiguration><QueueConfiguration><Event>s3:ObjectCreated:*</Event>"
            + "</QueueConfiguration></NotificationConfiguration>",
        "<Notification/>", "")) {
      assertError(raw.put(BUCKET, "notification", body), 400, "MalformedXML",
          WireError.MALFORMED_XML);
    }
    assertUnchanged();
  }

  // A misspelt element used to be skipped, so the PUT cleared the stored configuration.
  @Test
  void putNotification_withAnElementTheSchemaDoesNotDeclare_isMalformedXml_andKeepsTheStoredOne() {
    putAll();
    BucketNotification stored = tombstone.s3().notificationConfiguration(BUCKET);
    String topic = "<Topic>" + TOPIC + "</Topic><Event>s3:ObjectRemoved:*</Event>";
    for (String body : List.of(
        "<NotificationConfiguration><TopicConfigurations>" + topic + "</TopicConfigurations>"
            + "</NotificationConfiguration>",
        "<NotificationConfiguration><Bogus/></NotificationConfiguration>",
        "<NotificationConfiguration><TopicConfiguration>" + topic + "<Bogus/>"
            + "</TopicConfiguration></NotificationConfiguration>",
        "<NotificationConfiguration><TopicConfiguration>" + topic + "<Queue>" + QUEUE
            + "</Queue></TopicConfiguration></NotificationConfiguration>",
        queue("<Event>s3:ObjectCreated:*</Event><Filter><Key/></Filter>"),
        queue("<Event>s3:ObjectCreated:*</Event><Filter><S3Key><Rule/></S3Key></Filter>"),
        "<NotificationConfiguration>" + queueConfiguration("a",
            "<Name>prefix</Name><Value>a</Value><Kind>x</Kind>") + "</NotificationConfiguration>",
        "<NotificationConfiguration><EventBridgeConfiguration><Bus/></EventBridgeConfiguration>"
            + "</NotificationConfiguration>")) {
      assertError(raw.put(BUCKET, "notification", body), 400, "MalformedXML",
          WireError.MALFORMED_XML);
    }
    assertThat(tombstone.s3().notificationConfiguration(BUCKET)).isEqualTo(stored);
  }

  // The deprecated PutBucketNotification writes the same document with an InvocationRole.
  @Test
  void putNotification_withTheDeprecatedInvocationRole_isAccepted() {
    HttpResponse<String> answer = raw.put(BUCKET, "notification", "<NotificationConfiguration>"
        + "<CloudFunctionConfiguration><CloudFunction>" + FUNCTION + "</CloudFunction>"
        + "<InvocationRole>arn:aws:iam::123456789012:role/invoke</InvocationRole>"
        + "<Event>s3:ObjectCreated:*</Event></CloudFunctionConfiguration>"
        + "</NotificationConfiguration>");

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    assertThat(tombstone.s3().notificationConfiguration(BUCKET).destinations()).hasSize(1);
  }

  @Test
  void skipDestinationValidation_isAccepted() {
    HttpResponse<String> answer = raw.put(BUCKET, "notification",
        queue("<Event>s3:ObjectRemoved:*</Event>"), "x-amz-skip-destination-validation", "true");

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(tombstone.s3().notificationConfiguration(BUCKET).destinations()).hasSize(1);
  }

  @Test
  void notification_ofAMissingBucket_isNoSuchBucket_andTheConfigurationDiesWithItsBucket() {
    assertThat(catchThrowableOfType(NoSuchBucketException.class,
        () -> s3.getBucketNotificationConfiguration(b -> b.bucket("missing")))).isNotNull();
    assertError(raw.delete(BUCKET, "notification"), 405, "MethodNotAllowed",
        "The specified method is not allowed against this resource.");

    putAll();
    s3.deleteBucket(b -> b.bucket(BUCKET));
    s3.createBucket(b -> b.bucket(BUCKET));
    assertUnchanged();

    putAll();
    tombstone.reset();
    s3.createBucket(b -> b.bucket(BUCKET));
    assertUnchanged();
  }

  private void putAll() {
    s3.putBucketNotificationConfiguration(b -> b.bucket(BUCKET).notificationConfiguration(c -> c
        .queueConfigurations(q -> q.id("on-delete").queueArn(QUEUE)
            .events(Event.S3_OBJECT_REMOVED)
            .filter(f -> f.key(k -> k.filterRules(r -> r.name(FilterRuleName.PREFIX)
                .value("raw/")))))
        .topicConfigurations(t -> t.topicArn(TOPIC)
            .events(Event.S3_OBJECT_CREATED_PUT, Event.S3_OBJECT_CREATED_COPY))
        .lambdaFunctionConfigurations(f -> f.lambdaFunctionArn(FUNCTION)
            .events(Event.S3_OBJECT_TAGGING))
        .eventBridgeConfiguration(e -> { })));
  }

  private void assertUnchanged() {
    assertThat(tombstone.s3().notificationConfiguration(BUCKET))
        .isEqualTo(BucketNotification.NONE);
  }

  private static String queue(String inside) {
    return "<NotificationConfiguration><QueueConfiguration><Queue>" + QUEUE + "</Queue>"
        + inside + "</QueueConfiguration></NotificationConfiguration>";
  }

  private static String queueConfiguration(String id, String rule) {
    return "<QueueConfiguration><Id>" + id + "</Id><Queue>" + QUEUE + "</Queue>"
        + "<Event>s3:ObjectCreated:*</Event><Filter><S3Key><FilterRule>" + rule
        + "</FilterRule></S3Key></Filter></QueueConfiguration>";
  }
}
