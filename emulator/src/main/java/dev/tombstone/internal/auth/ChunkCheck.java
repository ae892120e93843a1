package dev.tombstone.internal.auth;

/**
 * What checking a signed aws-chunked body found. Only {@link Intact} hands the body on, so a
 * body that could not be checked is never one that passed.
 */
public sealed interface ChunkCheck {
  /** Every chunk signature, and the trailer's when the framing promises one, holds. */
  record Intact(byte[] body) implements ChunkCheck {}

  /** A signature is wrong, missing, or not in its one form; or data follows unsigned. */
  record Forged(Verdict.Mismatch mismatch) implements ChunkCheck {}

  /** The chunk framing cannot be read: a size that is not hex, or a body that ends early. */
  record Incomplete() implements ChunkCheck {}
}
