package dev.tombstone.internal.s3.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestHeadersTest {
  private final RequestHeaders headers = new RequestHeaders.Builder(2)
      .add("Content-Type", "application/xml")
      .add("x-amz-meta-Colour", "red")
      .add("X-Amz-Meta-colour", "blue")
      .add("Host", "bucket.s3.amazonaws.com")
      .build();

  @Test
  void namesCompareWithoutCase() {
    assertThat(headers.first("content-type")).contains("application/xml");
    assertThat(headers.has("HOST")).isTrue();
    assertThat(headers.has("Content-MD5")).isFalse();
    assertThat(headers.first("Content-MD5")).isEmpty();
  }

  @Test
  void aRepeatedName_givesItsFirstValue_orAllJoinedByCommas() {
    assertThat(headers.first("X-AMZ-META-COLOUR")).contains("red");
    assertThat(headers.joined("x-amz-meta-colour")).contains("red,blue");
    assertThat(headers.joined("Host")).contains("bucket.s3.amazonaws.com");
    assertThat(headers.joined("Range")).isEmpty();
  }

  @Test
  void names_listsEachNameOnce_inItsFirstSpelling_inArrivalOrder() {
    assertThat(headers.names())
        .containsExactly("Content-Type", "x-amz-meta-Colour", "Host");
  }

  @Test
  void theListFactory_keepsOrderAndRepeats() {
    RequestHeaders fromPairs = RequestHeaders.of(List.of(
        Map.entry("Range", "bytes=0-1"), Map.entry("range", "bytes=4-5")));

    assertThat(fromPairs.first("Range")).contains("bytes=0-1");
    assertThat(fromPairs.joined("RANGE")).contains("bytes=0-1,bytes=4-5");
    assertThat(RequestHeaders.of(List.of()).names()).isEmpty();
  }
}
