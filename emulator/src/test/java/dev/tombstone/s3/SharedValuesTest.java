package dev.tombstone.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SharedValuesTest {
  private final SharedValues bodies = new SharedValues();

  private static ObjectContent content(String text) {
    return ObjectContent.of(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void equalBodyWrittenAgain_isTheFirstOne_withItsEtag() {
    ObjectContent first = content("payload");
    ObjectContent second = content("payload");
    String etag = ETags.of(first);

    SharedValues.Shared kept = bodies.share(first, etag);
    SharedValues.Shared again = bodies.share(second, ETags.of(second));

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
    byte[] large = new byte[SharedValues.MAX_SIZE + 1];
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

  @Test
  void putObjectWithoutAChecksum_getsTheDefaultCrc64Nvme_sharedWithARepeatedBody() {
    S3State state = new S3State("us-east-1", Clock.systemUTC());
    state.createBucket("bodies");
    state.putObject("bodies", "k1", "123456789");
    state.putObject("bodies", "k2", "123456789");
    Checksum sent = new Checksum("CRC32", "y/Q5Jg==");
    state.putObject(new PutObject.Request("bodies", "k3", content("123456789"),
        ObjectMetadata.DEFAULT, Optional.of(sent), Optional.empty(), false));

    StoredObject one = state.getObject("bodies", "k1", Optional.empty());
    StoredObject two = state.getObject("bodies", "k2", Optional.empty());
    StoredObject three = state.getObject("bodies", "k3", Optional.empty());

    // 0xAE8B14860A799888, CRC-64/NVME's check value, Base64 big-endian.
    assertThat(one.checksum()).contains(new Checksum("CRC64NVME", "rosUhgp5mIg="));
    assertThat(two.checksum()).isSameAs(one.checksum());
    assertThat(three.checksum()).contains(sent);
  }

  private static ObjectMetadata metadata(String contentType) {
    return new ObjectMetadata(contentType, Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), Map.of("owner", "tests"), ObjectMetadata.STANDARD);
  }

  @Test
  void metadataEqualToThePreviousWrite_isThePreviousOne() {
    ObjectMetadata first = metadata("text/plain");

    assertThat(bodies.share(first)).isSameAs(first);
    assertThat(bodies.share(metadata("text/plain"))).isSameAs(first);
    ObjectMetadata other = metadata("application/json");
    assertThat(bodies.share(other)).isSameAs(other);
    bodies.clear();
    ObjectMetadata afterClear = metadata("application/json");
    assertThat(bodies.share(afterClear)).isSameAs(afterClear);
  }

  @Test
  void putObject_sharesRepeatedMetadata_andTheSecondOfItsTimestamp() {
    MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00.250Z"));
    S3State state = new S3State("us-east-1", clock);
    state.createBucket("meta");
    put(state, "k1", metadata("text/plain"));
    clock.now = Instant.parse("2026-01-01T00:00:00.900Z");
    put(state, "k2", metadata("text/plain"));
    clock.now = Instant.parse("2026-01-01T00:00:01.100Z");
    put(state, "k3", metadata("text/csv"));

    StoredObject one = state.getObject("meta", "k1", Optional.empty());
    StoredObject two = state.getObject("meta", "k2", Optional.empty());
    StoredObject three = state.getObject("meta", "k3", Optional.empty());
    assertThat(two.metadata()).isSameAs(one.metadata());
    assertThat(three.metadata().contentType()).isEqualTo("text/csv");
    assertThat(one.lastModified()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    assertThat(two.lastModified()).isSameAs(one.lastModified());
    assertThat(three.lastModified()).isEqualTo(Instant.parse("2026-01-01T00:00:01Z"));
  }

  private static void put(S3State state, String key, ObjectMetadata metadata) {
    state.putObject(new PutObject.Request("meta", key, content("x"), metadata, Optional.empty(),
        Optional.empty(), false));
  }

  /** A clock the test moves. */
  private static final class MutableClock extends Clock {
    Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
