package dev.tombstone.internal.server;

import static dev.tombstone.internal.server.RawHttp.ascii;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.Tombstone;
import dev.tombstone.testing.RunningTombstone;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code Expect: 100-continue} on an S3 request without a body gets {@code 100 Continue} before
 * its answer, as S3 sends it. botocore, which asks for it on every PutObject, keeps an answer
 * that comes in its place on the pooled connection and then misreads the answer to its next
 * request: a PutObject after an empty PutObject never returned.
 */
class ExpectContinueTest {
  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  private final Tombstone tombstone = server.tombstone();

  @BeforeEach
  void bucket() {
    tombstone.s3().createBucket("continue");
  }

  @Test
  void emptyPut_getsContinueFirst_andTheConnectionCarriesTheNextPut() throws Exception {
    try (Socket socket = RawHttp.open(tombstone.port())) {
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();

      out.write(ascii(put("empty", 0)));
      out.flush();
      RawHttp.Answer first = RawHttp.read(in);
      RawHttp.Answer emptyPut = RawHttp.read(in);

      out.write(ascii(put("full", 4)));
      out.flush();
      RawHttp.Answer again = RawHttp.read(in);
      out.write(ascii("data"));
      out.flush();
      RawHttp.Answer fullPut = RawHttp.read(in);

      assertThat(first.status()).isEqualTo(100);
      assertThat(emptyPut.status()).isEqualTo(200);
      assertThat(again.status()).isEqualTo(100);
      assertThat(fullPut.status()).isEqualTo(200);
    }
    assertThat(tombstone.s3().getObject("continue", "empty", Optional.empty())
        .content().size()).isZero();
    assertThat(tombstone.s3().getObject("continue", "full", Optional.empty())
        .content().size()).isEqualTo(4);
  }

  @Test
  void deleteWithoutBody_getsContinueFirst() throws Exception {
    tombstone.s3().putObject("continue", "gone", "x");

    try (Socket socket = RawHttp.open(tombstone.port())) {
      socket.getOutputStream().write(ascii("DELETE /continue/gone HTTP/1.1\r\n"
          + "Host: 127.0.0.1\r\nExpect: 100-continue\r\n\r\n"));
      socket.getOutputStream().flush();

      assertThat(RawHttp.read(socket.getInputStream()).status()).isEqualTo(100);
      assertThat(RawHttp.read(socket.getInputStream()).status()).isEqualTo(204);
    }
  }

  private static String put(String key, int length) {
    return "PUT /continue/" + key + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: " + length
        + "\r\nExpect: 100-continue\r\n\r\n";
  }
}
