package dev.tombstone.internal.server;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tombstone.Tombstone;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

/** A server that cannot listen says why with the builder's documented exception. */
class HttpServerStartTest {

  @Test
  void hostThatDoesNotResolve_isUncheckedIoException_namingIt() {
    assertThatThrownBy(() -> Tombstone.builder().host("no-such-host.invalid").start())
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageStartingWith("cannot bind no-such-host.invalid:0: ")
        .hasCauseInstanceOf(UnknownHostException.class);
  }

  @Test
  void portAlreadyTaken_isUncheckedIoException_namingIt() {
    try (Tombstone first = Tombstone.builder().start()) {
      assertThatThrownBy(() -> Tombstone.builder().port(first.port()).start())
          .isInstanceOf(UncheckedIOException.class)
          .hasMessageStartingWith("cannot bind 127.0.0.1:" + first.port() + ": ")
          .hasCauseInstanceOf(BindException.class);
    }
  }
}
