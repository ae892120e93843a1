package dev.tombstone.internal.s3.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.s3.BucketNotification.Destination;
import dev.tombstone.s3.BucketNotification.FilterRule;
import dev.tombstone.s3.BucketNotification.Service;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NotificationRulesTest {
  private static final String QUEUE = "arn:aws:sqs:us-east-1:123456789012:q";

  @ParameterizedTest
  @CsvSource({
      // event A, prefix A, suffix A, event B, prefix B, suffix B, overlap
      "s3:ObjectCreated:*, '', '', s3:ObjectCreated:Put, '', '', true",
      "s3:ObjectCreated:Put, '', '', s3:ObjectCreated:Copy, '', '', false",
      "s3:ObjectCreated:*, '', '', s3:ObjectRemoved:*, '', '', false",
      "s3:ObjectCreated:*, a/, '', s3:ObjectCreated:*, a/b/, '', true",
      "s3:ObjectCreated:*, a/, '', s3:ObjectCreated:*, b/, '', false",
      "s3:ObjectCreated:*, a/, .jpg, s3:ObjectCreated:*, a/, .png, false",
      "s3:ObjectCreated:*, a/, .jpg, s3:ObjectCreated:*, '', x.jpg, true",
      "s3:LifecycleTransition, '', '', s3:LifecycleExpiration:*, '', '', false"})
  void configurationsOverlap_whenAnEventAndBothKeyFiltersOverlap(String eventA, String prefixA,
      String suffixA, String eventB, String prefixB, String suffixB, boolean overlap) {
    List<Destination> destinations = List.of(destination(eventA, prefixA, suffixA),
        destination(eventB, prefixB, suffixB));

    WireError error = catchThrowableOfType(WireError.class,
        () -> NotificationRules.checkOverlaps(destinations));

    assertThat(error != null).isEqualTo(overlap);
  }

  @ParameterizedTest
  @CsvSource({
      "arn:aws:sqs:us-east-1:123456789012:queue, QUEUE, true",
      "arn:aws:sqs:us-east-1:123456789012:a:b, QUEUE, false",
      "arn:aws:sns:us-east-1:123456789012:queue, QUEUE, false",
      "arn:aws:lambda:us-east-1:123456789012:function:f:live, LAMBDA_FUNCTION, true",
      "arn:aws:lambda:us-east-1:123456789012:f, LAMBDA_FUNCTION, false",
      "arn:aws:sns:us-east-1:1234:topic, TOPIC, false",
      "arn:aws:sns::123456789012:topic, TOPIC, false"})
  void arns_areWellFormed_forTheirServiceOnly(String arn, Service service, boolean accepted) {
    WireError error = catchThrowableOfType(WireError.class,
        () -> NotificationRules.checkArn(service, arn, "Queue", "us-east-1"));

    assertThat(error == null).isEqualTo(accepted);
    if (error != null) {
      assertThat(error.getMessage()).isEqualTo("The ARN is not well formed");
    }
  }

  @ParameterizedTest
  @CsvSource({"prefix, Prefix", "SUFFIX, Suffix", "Prefix, Prefix"})
  void filterRuleNames_areStoredCapitalized(String name, String stored) {
    assertThat(NotificationRules.ruleName(name, new ArrayList<>())).isEqualTo(stored);
  }

  private static Destination destination(String event, String prefix, String suffix) {
    List<FilterRule> rules = new ArrayList<>();
    if (!prefix.isEmpty()) {
      rules.add(new FilterRule("Prefix", prefix));
    }
    if (!suffix.isEmpty()) {
      rules.add(new FilterRule("Suffix", suffix));
    }
    return new Destination(Service.QUEUE, "id", QUEUE, List.of(event), rules);
  }
}
