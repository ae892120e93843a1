package dev.tombstone.lincheck;

import dev.tombstone.s3.S3State;
import dev.tombstone.s3.VersionEntry;
import dev.tombstone.s3.Versioning;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.jetbrains.lincheck.datastructures.StressOptions;
import org.junit.jupiter.api.Test;

/**
 * One S3 key's version history in a versioned bucket is linearizable: put, delete (a marker),
 * delete of a specific version, listing and reading the current object behave as some order of
 * a plain list of versions would. Two versions are seeded so version deletes have targets with
 * known ids; a version is named by its content, found in a listing through its ETag.
 */
@Param(name = "value", gen = IntGen.class, conf = "1:2")
@Param(name = "seeded", gen = IntGen.class, conf = "0:1")
public class KeyHistoryLinearizabilityTest {
  private static final Map<String, String> BY_ETAG = new ConcurrentHashMap<>();
  private final S3State state = new S3State("us-east-1", Clock.systemUTC());
  private final String[] seededIds = new String[2];

  static {
    for (String content : List.of("s0", "s1", "v1", "v2")) {
      BY_ETAG.put(md5(content), content);
    }
  }

  public KeyHistoryLinearizabilityTest() {
    state.createBucket("history");
    state.setVersioning("history", Versioning.ENABLED);
    seededIds[0] = state.putObject("history", "k", "s0").versionId();
    seededIds[1] = state.putObject("history", "k", "s1").versionId();
  }

  @Operation
  public void put(@Param(name = "value") int value) {
    state.putObject("history", "k", "v" + value);
  }

  @Operation
  public boolean delete() {
    return state.deleteObject("history", "k").deleteMarker();
  }

  @Operation
  public boolean deleteVersion(@Param(name = "seeded") int which) {
    return state.deleteObject("history", "k", seededIds[which]).deleteMarker();
  }

  @Operation
  public String current() {
    return state.currentObject("history", "k")
        .map(object -> new String(object.content().toByteArray(), StandardCharsets.UTF_8))
        .orElse("none");
  }

  /** The versions newest first: contents, and M for a marker. */
  @Operation
  public List<String> list() {
    List<String> names = new ArrayList<>();
    for (VersionEntry entry : state.versions("history", "k")) {
      names.add(entry.isDeleteMarker() ? "M"
          : BY_ETAG.get(entry.etag().orElseThrow().replace("\"", "")));
    }
    return names;
  }

  @Test
  void modelChecking() {
    new ModelCheckingOptions().iterations(6).invocationsPerIteration(100)
        .threads(2).actorsPerThread(2).actorsAfter(1)
        .sequentialSpecification(Sequential.class).check(getClass());
  }

  @Test
  void stress() {
    new StressOptions().iterations(10).invocationsPerIteration(300)
        .threads(3).actorsPerThread(2).actorsAfter(1)
        .sequentialSpecification(Sequential.class).check(getClass());
  }

  private static String md5(String content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
          .digest(content.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The specification: a list of versions, newest first. */
  public static class Sequential {
    private final LinkedList<String> versions = new LinkedList<>(List.of("s1", "s0"));

    public void put(int value) {
      versions.addFirst("v" + value);
    }

    public boolean delete() {
      versions.addFirst("M");
      return true;
    }

    public boolean deleteVersion(int which) {
      versions.remove("s" + which);
      return false;
    }

    public String current() {
      return versions.isEmpty() || versions.getFirst().equals("M") ? "none" : versions.getFirst();
    }

    public List<String> list() {
      return new ArrayList<>(versions);
    }
  }
}
