package dev.tombstone.internal.s3.protocol;

import java.io.IOException;
import java.io.OutputStream;
import java.util.function.LongFunction;

/** Passes bytes on until a limit, then fails with the operation's "too large" error. */
final class LimitedOutput extends OutputStream {
  private final OutputStream target;
  private final long limit;
  private final LongFunction<WireError> tooLarge;
  private long written;

  LimitedOutput(OutputStream target, long limit, LongFunction<WireError> tooLarge) {
    this.target = target;
    this.limit = limit;
    this.tooLarge = tooLarge;
  }

  @Override
  public void write(int b) throws IOException {
    reserve(1);
    target.write(b);
  }

  @Override
  public void write(byte[] bytes, int offset, int length) throws IOException {
    reserve(length);
    target.write(bytes, offset, length);
  }

  private void reserve(int length) {
    written += length;
    if (written > limit) {
      throw tooLarge.apply(written);
    }
  }
}
