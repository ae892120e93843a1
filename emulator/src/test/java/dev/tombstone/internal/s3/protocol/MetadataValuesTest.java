package dev.tombstone.internal.s3.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 2047 decoding of sent metadata values and encoding of stored ones. */
class MetadataValuesTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "plain ascii | plain ascii",
      "=?UTF-8?B?SGVsbG8gV29ybGTDqQ==?= | Hello Worldé",
      "=?utf-8?b?R3LDvMOfZQ==?= | Grüße",
      "=?UTF-8?Q?Gr=C3=BC=C3=9Fe_gut?= | Grüße gut",
      "=?iso-8859-1?q?caf=E9?= | café",
      "=?UTF-8*en?B?R3LDvMOfZQ==?= | Grüße",
      "\"a =?UTF-8?Q?=C3=A9?= b\" | \"a é b\"",
      "=?UTF-8?Q?a?= =?UTF-8?Q?b?= | ab",
      "=?UTF-8?Q?a?= x =?UTF-8?Q?b?= | a x b",
      "=?no-such-charset?B?YQ==?= | =?no-such-charset?B?YQ==?=",
      "=?UTF-8?B?not base64?= | =?UTF-8?B?not base64?=",
      "=?UTF-8?B?!!!?= | =?UTF-8?B?!!!?=",
      "=?UTF-8?Q?=ZZ?= | =?UTF-8?Q?=ZZ?=",
      "=?UTF-8?X?abc?= | =?UTF-8?X?abc?=",
      "1 + 1 =? 2 | 1 + 1 =? 2",
      "Hello WorldÃ© | Hello WorldÃ©"})
  void decode(String sent, String stored) {
    assertThat(MetadataValues.decode(sent)).isEqualTo(stored);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "plain ascii | plain ascii",
      "=?UTF-8?B?YQ==?= | =?UTF-8?B?YQ==?=",
      "Hello Worldé | =?UTF-8?B?SGVsbG8gV29ybGTDqQ==?=",
      // A raw UTF-8 ö read as ISO-8859-1: what S3 answered in minio/minio#21282.
      "Ã¶ | =?UTF-8?B?w4PCtg==?="})
  void encode(String stored, String sent) {
    assertThat(MetadataValues.encode(stored)).isEqualTo(sent);
  }

  @Test
  void controlCharacters_goOutAsAnEncodedWord_butATabAsItIs() {
    // Bytes 0 to 4 from a browser upload's field: S3's answer in LocalStack's recording.
    assertThat(MetadataValues.encode("\u0000\u0001\u0002\u0003\u0004"))
        .isEqualTo("=?UTF-8?B?AAECAwQ=?=");
    assertThat(MetadataValues.encode("line 1\r\nline 2"))
        .isEqualTo("=?UTF-8?B?bGluZSAxDQpsaW5lIDI=?=");
    assertThat(MetadataValues.encode("a\tb")).isEqualTo("a\tb");
  }
}
