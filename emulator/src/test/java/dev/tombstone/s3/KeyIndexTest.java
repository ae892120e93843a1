package dev.tombstone.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Hash lookups, S3's order (kept from the first listing on), emptied slots skipped, and the
 * compaction that drops them.
 */
class KeyIndexTest {
  private static final KeyHistory MARKER =
      KeyHistory.of(new Entry.Marker(new VersionIds().next(), Instant.EPOCH));

  private static List<String> keys(Iterable<Map.Entry<String, KeyHistory>> entries) {
    List<String> keys = new ArrayList<>();
    entries.forEach(entry -> keys.add(entry.getKey()));
    return keys;
  }

  @Test
  void listings_areInUtf8Order_andSkipRemovedKeys() {
    KeyIndex index = new KeyIndex();
    for (String key : List.of("b", "\uff61", "\ud83d\ude00", "a", "c")) {
      index.compute(key, (k, before) -> MARKER);
    }
    index.compute("c", (k, before) -> null);

    assertThat(keys(index.entries())).containsExactly("a", "b", "\uff61", "\ud83d\ude00");
    assertThat(keys(index.from("b", false))).containsExactly("\uff61", "\ud83d\ude00");
    assertThat(index.get("c")).isNull();
    // A history is a value read from its slot: equal to what was written, its entry the same.
    assertThat(index.get("a")).isEqualTo(MARKER);
    assertThat(index.get("a").current()).isSameAs(MARKER.current());
  }

  @Test
  void aRemovedKeyWrittenAgain_isListedOnce() {
    KeyIndex index = new KeyIndex();
    index.compute("k", (k, before) -> MARKER);
    index.compute("k", (k, before) -> null);
    index.compute("k", (k, before) -> MARKER);

    assertThat(keys(index.entries())).containsExactly("k");
    assertThat(index.isEmpty()).isFalse();
  }

  @Test
  void remove_endsAHistoryAsAChangeToNullDoes_countingEachEmptiedSlotOnce() {
    KeyIndex index = new KeyIndex();
    IntStream.rangeClosed(0, 4_096).forEach(i -> index.compute("k" + i, (k, before) -> MARKER));
    index.compute("written-again", (k, before) -> MARKER);
    listOnce(index);

    IntStream.range(0, 4_096).forEach(i -> index.remove("k" + i));
    index.remove("k1");
    index.remove("never-written");
    index.remove("written-again");
    index.compute("written-again", (k, before) -> MARKER);

    assertThat(index.get("k1")).isNull();
    assertThat(index.contains("k1")).isFalse();
    assertThat(index.contains("never-written")).isFalse();
    assertThat(index.contains("written-again")).isTrue();
    assertThat(keys(index.entries())).containsExactly("k4096", "written-again");
    // Exactly 4,096 slots emptied, the floor a rebuild waits to pass: a second removal of k1,
    // a removal of a key never written, and a key written again added nothing to the count.
    assertThat(index.wantsCompaction()).isFalse();
    index.remove("k4096");
    assertThat(index.wantsCompaction()).isTrue();
    compact(index);
    assertThat(keys(index.entries())).containsExactly("written-again");
  }

  @Test
  void aFailingChange_changesNothing() {
    KeyIndex index = new KeyIndex();

    assertThatThrownBy(() -> index.compute("k", (k, before) -> {
      throw new IllegalStateException("refused");
    })).isInstanceOf(IllegalStateException.class);
    assertThat(index.isEmpty()).isTrue();
    assertThat(keys(index.entries())).isEmpty();
  }

  @Test
  void emptySlotsBeyondFourTimesTheLiveOnes_askForCompaction_whichKeepsTheLiveOnesInOrder() {
    KeyIndex index = new KeyIndex();
    IntStream.range(0, 20_000).forEach(i -> index.compute("k" + i, (k, before) -> MARKER));
    listOnce(index);
    IntStream.range(0, 15_000).forEach(i -> index.compute("k" + i, (k, before) -> null));
    assertThat(index.wantsCompaction()).isFalse();

    IntStream.range(15_000, 17_000).forEach(i -> index.compute("k" + i, (k, before) -> null));
    assertThat(index.wantsCompaction()).isTrue();
    List<String> before = keys(index.entries());
    compact(index);

    assertThat(index.wantsCompaction()).isFalse();
    assertThat(keys(index.entries())).hasSize(3_000).isEqualTo(before);
  }

  @Test
  void aRebuild_ordersKeysWithSurrogatesByUtf8() {
    KeyIndex index = new KeyIndex();
    IntStream.range(0, 6_000).forEach(i -> index.compute("gone" + i, (k, before) -> MARKER));
    for (String key : List.of("b", "\uff61", "\ud83d\ude00", "a")) {
      index.compute(key, (k, before) -> MARKER);
    }
    listOnce(index);
    IntStream.range(0, 6_000).forEach(i -> index.compute("gone" + i, (k, before) -> null));
    assertThat(index.wantsCompaction()).isTrue();

    compact(index);

    assertThat(keys(index.entries())).containsExactly("a", "b", "\uff61", "\ud83d\ude00");
    assertThat(index.wantsCompaction()).isFalse();
  }

  @Test
  void changesMadeWhileARebuildBuilds_areAllInTheNewOrder() throws Exception {
    KeyIndex index = new KeyIndex();
    IntStream.range(0, 100_000).forEach(i -> index.compute(key("old", i), (k, b) -> MARKER));
    listOnce(index);
    IntStream.range(0, 85_000).forEach(i -> index.compute(key("old", i), (k, b) -> null));
    assertThat(index.wantsCompaction()).isTrue();
    int writers = 3;
    Set<String> expected = ConcurrentHashMap.newKeySet();
    IntStream.range(85_000, 100_000).mapToObj(i -> key("old", i)).forEach(expected::add);

    KeyIndex.Rebuild rebuild = index.beginRebuild();
    CountDownLatch go = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      int writer = w;
      threads.add(new Thread(() -> {
        awaitQuietly(go);
        // Each writer owns its keys, so its own order of changes decides their end state.
        for (int i = 0; i < 30_000; i++) {
          String fresh = key("w" + writer, i);
          index.compute(fresh, (k, b) -> MARKER);
          if (i % 3 == 0) {
            index.compute(fresh, (k, b) -> null);
          }
          if (i % 6 == 0) {
            index.compute(fresh, (k, b) -> MARKER);
          }
          String old = key("old", 60_000 + i * writers + writer);
          if (i % 2 == 0) {
            index.compute(old, (k, b) -> null);
          } else {
            index.compute(old, (k, b) -> MARKER);
          }
        }
      }));
    }
    threads.forEach(Thread::start);
    go.countDown();
    rebuild.build();
    for (Thread thread : threads) {
      thread.join();
    }
    rebuild.finish();

    for (int writer = 0; writer < writers; writer++) {
      for (int i = 0; i < 30_000; i++) {
        String fresh = key("w" + writer, i);
        if (i % 3 != 0 || i % 6 == 0) {
          expected.add(fresh);
        }
        String old = key("old", 60_000 + i * writers + writer);
        if (i % 2 == 0) {
          expected.remove(old);
        } else {
          expected.add(old);
        }
      }
    }
    List<String> listed = keys(index.entries());
    assertThat(listed).isEqualTo(expected.stream().sorted().toList());
    compact(index);
    assertThat(keys(index.entries())).isEqualTo(listed);
    assertThat(index.wantsCompaction()).isFalse();
  }

  @Test
  void noOrderIsKeptUntilTheFirstListing_whichListsExactlyTheLiveKeys() {
    KeyIndex index = new KeyIndex();
    IntStream.range(0, 10_000).forEach(i -> index.compute(key("k", i), (k, before) -> MARKER));
    IntStream.range(0, 9_000).forEach(i -> index.remove(key("k", i)));
    // Nothing was put in order, so nothing in it was emptied: there is nothing to compact.
    assertThat(index.wantsCompaction()).isFalse();

    assertThat(keys(index.entries()))
        .isEqualTo(IntStream.range(9_000, 10_000).mapToObj(i -> key("k", i)).toList());
    index.compute(key("a", 0), (k, before) -> MARKER);
    index.remove(key("k", 9_999));
    assertThat(keys(index.from(key("k", 9_997), true)))
        .containsExactly(key("k", 9_997), key("k", 9_998));
    assertThat(keys(index.entries())).first().isEqualTo(key("a", 0));
  }

  @Test
  void keysMadeAndEndedWhileTheFirstListingOrders_areListedAsTheyEnd() throws Exception {
    for (int run = 0; run < 5; run++) {
      KeyIndex index = new KeyIndex();
      IntStream.range(0, 20_000).forEach(i -> index.compute(key("old", i), (k, b) -> MARKER));
      int writers = 2;
      CountDownLatch go = new CountDownLatch(1);
      List<Thread> threads = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        int writer = w;
        threads.add(new Thread(() -> {
          awaitQuietly(go);
          for (int i = 0; i < 5_000; i++) {
            String fresh = key("w" + writer, i);
            index.compute(fresh, (k, b) -> MARKER);
            if (i % 3 == 0) {
              index.remove(fresh);
            }
            if (i % 6 == 0) {
              index.compute(fresh, (k, b) -> MARKER);
            }
            String old = key("old", i * writers + writer);
            index.remove(old);
            if (i % 2 == 1) {
              index.compute(old, (k, b) -> MARKER);
            }
          }
        }));
      }
      threads.forEach(Thread::start);
      go.countDown();
      List<String> duringChanges = keys(index.entries());
      for (Thread thread : threads) {
        thread.join();
      }

      assertThat(duringChanges).isSorted();
      List<String> expected = new ArrayList<>();
      IntStream.range(0, 20_000).filter(i -> i >= 10_000 || i % 4 >= 2)
          .mapToObj(i -> key("old", i)).forEach(expected::add);
      for (int writer = 0; writer < writers; writer++) {
        for (int i = 0; i < 5_000; i++) {
          if (i % 3 != 0 || i % 6 == 0) {
            expected.add(key("w" + writer, i));
          }
        }
      }
      assertThat(keys(index.entries())).isEqualTo(expected.stream().sorted().toList());
    }
  }

  /** Lists the keys once, as a bucket's first listing does: from then on the order is kept. */
  private static void listOnce(KeyIndex index) {
    keys(index.entries());
  }

  /** A rebuild with nothing else going on, as a bucket runs one when it is quiet. */
  private static void compact(KeyIndex index) {
    KeyIndex.Rebuild rebuild = index.beginRebuild();
    rebuild.build();
    rebuild.finish();
  }

  private static String key(String prefix, int i) {
    return String.format("%s-%06d", prefix, i);
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void bucketDeletes_compactOnTheirOwn_andListingsStayRight() {
    S3State s3 = new S3State("us-east-1", Clock.systemUTC());
    s3.createBucket("many");
    for (int i = 0; i < 12_000; i++) {
      s3.putObject("many", String.format("k%05d", i), "x");
    }
    assertThat(s3.keys("many")).hasSize(12_000);
    List<DeleteObjects.Target> odd = new ArrayList<>();
    for (int i = 1; i < 12_000; i += 2) {
      odd.add(new DeleteObjects.Target(String.format("k%05d", i), Optional.empty(),
          Optional.empty()));
    }
    for (int from = 0; from < odd.size(); from += DeleteObjects.MAX_OBJECTS) {
      s3.deleteObjects(new DeleteObjects.Request("many",
          odd.subList(from, Math.min(odd.size(), from + DeleteObjects.MAX_OBJECTS))));
    }
    for (int i = 0; i < 12_000; i += 4) {
      s3.deleteObject("many", String.format("k%05d", i));
    }

    List<String> expected = IntStream.range(0, 12_000).filter(i -> i % 4 == 2)
        .mapToObj(i -> String.format("k%05d", i)).toList();
    assertThat(s3.keys("many")).isEqualTo(expected);
    ListObjects.Result page = s3.listObjects(new ListObjects.Request("many", "k0001",
        Optional.empty(), Optional.of("k00010"), 3));
    assertThat(page.contents()).extracting(VersionEntry::key)
        .containsExactly("k00014", "k00018");
  }
}
