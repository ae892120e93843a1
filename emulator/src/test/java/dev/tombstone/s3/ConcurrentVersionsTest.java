package dev.tombstone.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Many threads writing one key: no version is lost, duplicated or reordered. */
class ConcurrentVersionsTest {
  private static final int THREADS = 8;
  private static final int OPERATIONS = 400;

  @Test
  void racingPutsAndDeletes_keepEveryVersionExactlyOnce() throws Exception {
    S3State s3 = new S3State("us-east-1", Clock.systemUTC());
    s3.createBucket("hot-bucket");
    s3.setVersioning("hot-bucket", Versioning.ENABLED);
    Set<String> removed = ConcurrentHashMap.newKeySet();
    List<List<String>> writtenPerThread = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    List<Future<?>> workers = new ArrayList<>();

    for (int t = 0; t < THREADS; t++) {
      workers.add(pool.submit(() -> {
        List<String> written = new ArrayList<>();
        List<String> myPuts = new ArrayList<>();
        start.await();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < OPERATIONS; i++) {
          int choice = random.nextInt(10);
          if (choice < 5) {
            String id = s3.putObject("hot-bucket", "k", "v" + i).versionId();
            written.add(id);
            myPuts.add(id);
          } else if (choice < 8) {
            written.add(s3.deleteObject("hot-bucket", "k").versionId().orElseThrow());
          } else if (!myPuts.isEmpty()) {
            String victim = myPuts.remove(random.nextInt(myPuts.size()));
            s3.deleteObject("hot-bucket", "k", victim);
            removed.add(victim);
          }
        }
        writtenPerThread.add(written);
        return null;
      }));
    }
    start.countDown();
    for (Future<?> worker : workers) {
      worker.get(60, TimeUnit.SECONDS);
    }
    pool.shutdown();

    List<String> listed = s3.versions("hot-bucket", "k").stream()
        .map(VersionEntry::versionId).toList();
    Set<String> expected = new HashSet<>();
    writtenPerThread.forEach(expected::addAll);
    expected.removeAll(removed);
    assertThat(listed).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
    for (List<String> written : writtenPerThread) {
      List<String> survivors = new ArrayList<>(written);
      survivors.removeAll(removed);
      Collections.reverse(survivors);
      assertThat(listed.stream().filter(survivors::contains).toList())
          .as("one thread's writes, newest first").isEqualTo(survivors);
    }
    assertThat(s3.versions("hot-bucket", "k")).filteredOn(VersionEntry::isLatest).hasSize(1);
  }

  @Test
  void racingConditionalDeletes_exactlyOneSucceeds() throws Exception {
    S3State s3 = new S3State("us-east-1", Clock.systemUTC());
    s3.createBucket("race-bucket");
    String etag = s3.putObject("race-bucket", "k", "once").etag().orElseThrow();
    DeleteObject.Request ifMatch = new DeleteObject.Request("race-bucket", "k",
        Optional.empty(), Optional.of(etag));
    AtomicInteger successes = new AtomicInteger();
    AtomicInteger missing = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    List<Future<?>> workers = new ArrayList<>();

    for (int t = 0; t < THREADS; t++) {
      workers.add(pool.submit(() -> {
        start.await();
        try {
          s3.deleteObject(ifMatch);
          successes.incrementAndGet();
        } catch (S3Error.NoSuchKey e) {
          missing.incrementAndGet();
        }
        return null;
      }));
    }
    start.countDown();
    for (Future<?> worker : workers) {
      worker.get(60, TimeUnit.SECONDS);
    }
    pool.shutdown();

    assertThat(successes).hasValue(1);
    assertThat(missing).hasValue(THREADS - 1);
  }
}
