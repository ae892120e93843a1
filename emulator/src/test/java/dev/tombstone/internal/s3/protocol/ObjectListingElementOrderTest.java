package dev.tombstone.internal.s3.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.Tombstone;
import dev.tombstone.testing.RunningTombstone;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.EncodingType;

/**
 * The order of the header elements of ListObjectsV2 and ListObjects, as S3 answers them: the
 * ListObjectsV2 page recorded from S3 in aws-sdk-rust's {@code no_auth} integration test
 * ({@code Name, Prefix, NextContinuationToken, KeyCount, MaxKeys, IsTruncated}), and S3 captures
 * putting {@code Delimiter} and {@code EncodingType} just before {@code IsTruncated}.
 */
class ObjectListingElementOrderTest {
  private static final Pattern TOP_LEVEL =
      Pattern.compile("<(Name|Prefix|Marker|StartAfter|ContinuationToken|NextContinuationToken"
          + "|KeyCount|MaxKeys|Delimiter|EncodingType|IsTruncated|Contents|CommonPrefixes)>");

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  private final Tombstone tombstone = server.tombstone();
  private final S3Client s3 = server.s3();
  private final RawObjectRequests raw = new RawObjectRequests(tombstone);

  @BeforeEach
  void objects() {
    s3.createBucket(b -> b.bucket("order"));
    for (String key : List.of("a/1", "b", "c", "d")) {
      s3.putObject(b -> b.bucket("order").key(key), RequestBody.fromString("x"));
    }
  }

  @Test
  void listObjectsV2_truncatedFirstPage_putsTheTokenBeforeKeyCountAndMaxKeys() {
    var answer = raw.send("GET", "/order?list-type=2&max-keys=3", "");

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    assertThat(header(answer.body())).containsExactly(
        "Name", "Prefix", "NextContinuationToken", "KeyCount", "MaxKeys", "IsTruncated");
  }

  @Test
  void listObjectsV2_laterPage_echoesTheTokenFirst_andDelimiterAndEncodingBeforeIsTruncated() {
    String token = s3.listObjectsV2(b -> b.bucket("order").maxKeys(1)).nextContinuationToken();

    var answer = raw.send("GET", "/order?list-type=2&max-keys=1&delimiter=/&encoding-type=url"
        + "&continuation-token=" + token, "");

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    assertThat(header(answer.body())).containsExactly("Name", "Prefix", "ContinuationToken",
        "NextContinuationToken", "KeyCount", "MaxKeys", "Delimiter", "EncodingType",
        "IsTruncated");
  }

  @Test
  void listObjectsV2_startAfter_comesBeforeKeyCount() {
    var answer = raw.send("GET", "/order?list-type=2&start-after=b", "");

    assertThat(header(answer.body()))
        .containsExactly("Name", "Prefix", "StartAfter", "KeyCount", "MaxKeys", "IsTruncated");
  }

  @Test
  void listObjects_putsEncodingTypeBeforeIsTruncated_andTheSdkStillReadsIt() {
    var answer = raw.send("GET", "/order?delimiter=/&encoding-type=url", "");
    var sdk = s3.listObjects(b -> b.bucket("order").delimiter("/")
        .encodingType(EncodingType.URL));

    assertThat(header(answer.body())).containsExactly(
        "Name", "Prefix", "Marker", "MaxKeys", "Delimiter", "EncodingType", "IsTruncated");
    assertThat(sdk.encodingType()).isEqualTo(EncodingType.URL);
    assertThat(sdk.commonPrefixes()).extracting(p -> p.prefix()).containsExactly("a/");
  }

  /** The top-level element names before the first entry. */
  private static List<String> header(String body) {
    List<String> names = new ArrayList<>();
    Matcher m = TOP_LEVEL.matcher(body);
    while (m.find() && !m.group(1).equals("Contents") && !m.group(1).equals("CommonPrefixes")) {
      names.add(m.group(1));
    }
    return names;
  }
}
