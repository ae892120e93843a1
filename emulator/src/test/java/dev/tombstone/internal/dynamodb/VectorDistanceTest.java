package dev.tombstone.internal.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tombstone.dynamodb.AttributeValue;
import org.junit.jupiter.api.Test;

class VectorDistanceTest {
  private static final float[] X = {1, 0};
  private static final float[] Y = {0, 1};

  @Test
  void cosine_isZeroForTheSameDirectionOneForOrthogonalTwoForOpposite() {
    assertThat(VectorDistance.COSINE.score(X, new float[] {3, 0})).isCloseTo(0.0, within(1e-9));
    assertThat(VectorDistance.COSINE.score(X, Y)).isCloseTo(1.0, within(1e-9));
    assertThat(VectorDistance.COSINE.score(X, new float[] {-2, 0})).isCloseTo(2.0, within(1e-9));
    assertThat(VectorDistance.COSINE.score(new float[] {1, 1}, X))
        .isCloseTo(1 - Math.sqrt(0.5), within(1e-7));
  }

  @Test
  void cosine_ofAZeroVector_isOne() {
    assertThat(VectorDistance.COSINE.score(new float[] {0, 0}, X)).isEqualTo(1.0);
  }

  @Test
  void euclidean_isTheStraightLineDistance() {
    assertThat(VectorDistance.EUCLIDEAN.score(new float[] {0, 0}, new float[] {3, 4}))
        .isEqualTo(5.0);
    assertThat(VectorDistance.EUCLIDEAN.score(X, X)).isEqualTo(0.0);
  }

  @Test
  void dotProduct_isTheSumOfProducts() {
    assertThat(VectorDistance.DOT_PRODUCT.score(new float[] {1, 2, 3}, new float[] {4, -5, 6}))
        .isEqualTo(12.0);
  }

  @Test
  void closerFirst_putsLowDistancesFirstAndHighDotProductsFirst() {
    assertThat(VectorDistance.COSINE.closerFirst(0.1, 0.5)).isNegative();
    assertThat(VectorDistance.EUCLIDEAN.closerFirst(2.0, 1.0)).isPositive();
    assertThat(VectorDistance.DOT_PRODUCT.closerFirst(9.0, 1.0)).isNegative();
  }

  @Test
  void vectorValues_readAListOfNumbersOfTheRightLengthOnly() {
    AttributeValue list = AttributeValue.l(AttributeValue.n("0.5"), AttributeValue.n("2"));
    assertThat(VectorValues.read(list, 2)).containsExactly(0.5f, 2f);
    assertThat(VectorValues.read(list, 3)).isNull();
    assertThat(VectorValues.read(AttributeValue.n("1"), 1)).isNull();
    assertThat(VectorValues.read(
        AttributeValue.l(AttributeValue.n("1"), AttributeValue.s("x")), 2)).isNull();
    assertThat(VectorValues.read(AttributeValue.l(AttributeValue.n("1e100")), 1))
        .isNull();
  }
}
