package dev.tombstone.internal.s3.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.testing.RunningTombstone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * HeadBucket's empty answer carries {@code Content-Type: application/xml} beside the bucket's
 * region, as S3 answered in moto's AWS-verified {@code test_header_content_type}.
 */
class SdkHeadBucketHeadersTest {
  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  private final S3Client s3 = server.s3();

  @Test
  void headBucket_isLabelledAsXml() {
    s3.createBucket(b -> b.bucket("head-labels"));

    var head = s3.headBucket(b -> b.bucket("head-labels")).sdkHttpResponse();

    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.firstMatchingHeader("Content-Type")).hasValue("application/xml");
    assertThat(head.firstMatchingHeader("x-amz-bucket-region")).hasValue("us-east-1");
  }
}
