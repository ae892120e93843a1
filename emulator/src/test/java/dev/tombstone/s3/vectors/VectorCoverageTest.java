package dev.tombstone.s3.vectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Every vector of s3-api.md §8 (122 rows) plus row D10 of the §4.2 effect table is run, and
 * each exactly once.
 */
class VectorCoverageTest {
  private static List<String> range(String prefix, int count) {
    return IntStream.rangeClosed(1, count).mapToObj(i -> String.format("%s%02d", prefix, i))
        .toList();
  }

  @Test
  void everySpecVectorHasExactlyOneTest() {
    List<String> expected = new ArrayList<>();
    expected.addAll(range("R", 10));
    expected.addAll(range("E", 12));
    expected.addAll(range("B", 17));
    expected.addAll(range("P", 9));
    expected.addAll(range("D", 8));
    expected.addAll(range("G", 20));
    expected.addAll(range("S", 7));
    expected.addAll(range("C", 9));
    expected.addAll(range("M", 20));
    expected.addAll(range("L", 10));
    expected.add("D10");

    List<String> covered = new ArrayList<>();
    covered.addAll(Vector.ids(RoutingVectorsTest.vectors()));
    covered.addAll(Vector.ids(BodyVectorsTest.vectors()));
    covered.addAll(Vector.ids(BucketVectorsTest.vectors()));
    covered.addAll(Vector.ids(ReadVectorsTest.vectors()));
    covered.addAll(Vector.ids(UnversionedDeleteVectorsTest.vectors()));
    covered.addAll(Vector.ids(EnabledDeleteVectorsTest.vectors()));
    covered.addAll(Vector.ids(SuspendedDeleteVectorsTest.vectors()));
    covered.addAll(Vector.ids(ConditionalDeleteVectorsTest.vectors()));
    covered.addAll(Vector.ids(DeleteObjectsVectorsTest.vectors()));
    covered.addAll(Vector.ids(ListingVectorsTest.vectors()));

    assertThat(expected).hasSize(123);
    assertThat(covered).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
  }
}
