package dev.tombstone.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SharedBodiesTest {
  private final SharedBodies bodies = new SharedBodies();

  private static ObjectContent content(String text) {
    return ObjectContent.of(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void equalBodyWrittenAgain_isTheFirstOne_withItsEtag() {
    ObjectContent first = content("payload");
    ObjectContent second = content("payload");
    String etag = ETags.of(first);

    SharedBodies.Shared kept = bodies.share(first, etag);
    SharedBodies.Shared again = bodies.share(second, ETags.of(second));

    assertThat(kept.content()).isSameAs(first);
    assertThat(again.content()).isSameAs(first);
    assertThat(again.etag()).isSameAs(kept.etag());
  }

  @Test
  void sameEtagButOtherBytes_isNotShared() {
    ObjectContent first = content("one");
    ObjectContent other = content("two");
    bodies.share(first, "\"forged\"");

    assertThat(bodies.share(other, "\"forged\"").content()).isSameAs(other);
  }

  @Test
  void emptyAndLargeBodies_areNeverKept() {
    byte[] large = new byte[SharedBodies.MAX_SIZE + 1];
    Arrays.fill(large, (byte) 'x');
    ObjectContent first = ObjectContent.of(large);
    ObjectContent second = ObjectContent.of(large);
    bodies.share(first, ETags.of(first));

    assertThat(bodies.share(second, ETags.of(second)).content()).isSameAs(second);
    assertThat(bodies.share(ObjectContent.EMPTY, ETags.of(ObjectContent.EMPTY)).content())
        .isSameAs(ObjectContent.EMPTY);
  }

  @Test
  void clear_forgetsEveryBody() {
    ObjectContent first = content("payload");
    bodies.share(first, ETags.of(first));
    bodies.clear();
    ObjectContent second = content("payload");

    assertThat(bodies.share(second, ETags.of(second)).content()).isSameAs(second);
  }

  @Test
  void putObject_storesARepeatedBodyOnce_andEveryKeyReadsItsBytes() {
    S3State state = new S3State("us-east-1", Clock.systemUTC());
    state.createBucket("bodies");
    state.putObject("bodies", "k1", "same bytes");
    state.putObject("bodies", "k2", "same bytes");
    state.putObject("bodies", "k3", "other bytes");

    StoredObject one = state.getObject("bodies", "k1", Optional.empty());
    StoredObject two = state.getObject("bodies", "k2", Optional.empty());
    StoredObject three = state.getObject("bodies", "k3", Optional.empty());

    assertThat(two.content()).isSameAs(one.content());
    assertThat(two.etag()).isEqualTo(one.etag());
    assertThat(three.content().asUtf8()).isEqualTo("other bytes");
    assertThat(two.content().asUtf8()).isEqualTo("same bytes");
  }
}
