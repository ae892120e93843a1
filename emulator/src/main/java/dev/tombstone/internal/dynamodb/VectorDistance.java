package dev.tombstone.internal.dynamodb;

/**
 * The distance functions of vector indexes and the score each gives, as the SearchVectors API
 * reference describes them: COSINE from 0 (same direction) to 2 (opposite), lower is closer;
 * EUCLIDEAN the straight-line distance, lower is closer; DOT_PRODUCT the dot product, higher is
 * closer. Vectors are compared at 32-bit float precision, as the index stores them; the sums
 * are taken in double. Internal.
 */
public enum VectorDistance {
  COSINE(false) {
    @Override
    public double score(float[] a, float[] b) {
      double dot = 0;
      double normA = 0;
      double normB = 0;
      for (int i = 0; i < a.length; i++) {
        dot += (double) a[i] * b[i];
        normA += (double) a[i] * a[i];
        normB += (double) b[i] * b[i];
      }
      if (normA == 0 || normB == 0) {
        // A zero vector has no direction: as far from everything as orthogonal.
        return 1.0;
      }
      double cosine = dot / (Math.sqrt(normA) * Math.sqrt(normB));
      return 1.0 - Math.max(-1.0, Math.min(1.0, cosine));
    }
  },
  EUCLIDEAN(false) {
    @Override
    public double score(float[] a, float[] b) {
      double sum = 0;
      for (int i = 0; i < a.length; i++) {
        double d = (double) a[i] - b[i];
        sum += d * d;
      }
      return Math.sqrt(sum);
    }
  },
  DOT_PRODUCT(true) {
    @Override
    public double score(float[] a, float[] b) {
      double dot = 0;
      for (int i = 0; i < a.length; i++) {
        dot += (double) a[i] * b[i];
      }
      return dot;
    }
  };

  private final boolean higherIsCloser;

  VectorDistance(boolean higherIsCloser) {
    this.higherIsCloser = higherIsCloser;
  }

  /** The score of {@code a} against {@code b}, two vectors of the same length. */
  public abstract double score(float[] a, float[] b);

  /** Orders two scores closest first: negative when {@code x} is closer than {@code y}. */
  public int closerFirst(double x, double y) {
    return higherIsCloser ? Double.compare(y, x) : Double.compare(x, y);
  }
}
