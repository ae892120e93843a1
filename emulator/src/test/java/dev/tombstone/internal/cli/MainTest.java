package dev.tombstone.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MainTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void help_printsTheOptions() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("--host", "--port", "--region", "--version", "/_tombstone/health");
  }

  @Test
  void version_printsTheVersion() {
    assertThat(run("--version")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("tombstone ")
        .doesNotContain("unknown");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "--bogus|unknown option '--bogus'",
      "--port=70000|--port must be a number in 0..65535, was '70000'",
      "--port=abc|--port must be a number in 0..65535, was 'abc'",
      "--port|--port needs a value",
      "--region=US_EAST|--region must look like us-east-1, was 'US_EAST'",
      "--clock=sundial|--clock must be system, manual or manual:<instant>, was 'sundial'",
      "--clock=manual:tomorrow|--clock manual:<instant> needs an ISO-8601 UTC instant such as"
          + " 2026-01-01T00:00:00Z, was 'tomorrow'",
      "--clock=manual:+10000-01-01T00:00:00Z|--clock: a manual clock starts from"
          + " 0000-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z (the dates Tombstone writes"
          + " have four-digit years), not at +10000-01-01T00:00:00Z",
      "--host=no.such.host.invalid|--host must be an IP address or a host name that resolves,"
          + " was 'no.such.host.invalid'",
      "--host=999.1.1.1|--host must be an IP address or a host name that resolves,"
          + " was '999.1.1.1'",
      "--credentials=AK/ID:SECRET|--credentials: accessKeyId must be printable ASCII without"
          + " blanks, ',' or '/' (a SigV4 Credential cannot carry them), was 'AK/ID'",
      "--credentials= :SECRET|--credentials: accessKeyId must be printable ASCII without"
          + " blanks, ',' or '/' (a SigV4 Credential cannot carry them), was ' '",
      "--credentials=AK ID:SECRET|--credentials: accessKeyId must be printable ASCII without"
          + " blanks, ',' or '/' (a SigV4 Credential cannot carry them), was 'AK ID'",
      "--credentials=AK,ID:SECRET|--credentials: accessKeyId must be printable ASCII without"
          + " blanks, ',' or '/' (a SigV4 Credential cannot carry them), was 'AK,ID'"})
  void mistakes_exitWithCode2AndSayWhatIsWrong(String arg, String message) {
    assertThat(run(arg)).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("tombstone: " + message)
        .contains("--help");
  }

  // Parsed, not run: without the check these command lines would start a server and wait.
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "--mfa-code=123456|--mfa-code needs --mfa-serial, the serial the code belongs to",
      "--mfa-code=|--mfa-code needs a code without spaces",
      "--mfa-code=1 2|--mfa-code needs a code without spaces"})
  void mfaCodeMistakes_areUsageErrors(String arg, String message) {
    assertThat(org.assertj.core.api.Assertions.catchThrowable(
            () -> CommandLine.parse(java.util.List.of("--port=0", arg))))
        .isInstanceOf(CommandLine.UsageException.class)
        .hasMessage(message);
  }

  @Test
  void anOptionInTheValuesPlace_isAMissingValue() {
    assertThat(run("--region", "--port", "0")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("tombstone: --region needs a value")
        .doesNotContain("unknown option");
  }

  @Test
  void aValueBeginningWithDashes_canBeGivenWithEquals() throws Exception {
    CommandLine parsed = CommandLine.parse(java.util.List.of("--port=0", "--owner-name=--me"));

    assertThat(parsed.owner().displayName()).isEqualTo("--me");
  }

  @Test
  void flags_acceptBothSpellings() throws Exception {
    CommandLine parsed = CommandLine.parse(
        java.util.List.of("--host", "0.0.0.0", "--port=0", "--region", "eu-west-1"));

    assertThat(parsed).isEqualTo(
        new CommandLine("0.0.0.0", 0, "eu-west-1", null, CommandLine.Action.RUN));
    assertThat(CommandLine.parse(java.util.List.of()))
        .isEqualTo(new CommandLine("127.0.0.1", 4566, "us-east-1", null, CommandLine.Action.RUN));
  }

  @Test
  void credentialsFlag_turnsStrictModeOn_andNeedsAKeyAndASecret() throws Exception {
    CommandLine parsed = CommandLine.parse(java.util.List.of("--credentials", "AKID:SE:CRET"));

    assertThat(parsed.credentials()).isEqualTo("AKID:SE:CRET");
    assertThat(org.assertj.core.api.Assertions.catchThrowable(
            () -> CommandLine.parse(java.util.List.of("--credentials=AKID"))))
        .isInstanceOf(CommandLine.UsageException.class)
        .hasMessage("--credentials must be ACCESS_KEY_ID:SECRET_ACCESS_KEY, e.g. AKID:SECRET");
  }

  @Test
  void clockFlag_choosesAManualClockAndItsStart() throws Exception {
    CommandLine manual =
        CommandLine.parse(java.util.List.of("--clock", "manual:2026-01-01T00:00:00Z"));
    CommandLine now = CommandLine.parse(java.util.List.of("--clock=manual"));
    CommandLine system = CommandLine.parse(java.util.List.of("--clock", "system"));

    assertThat(manual.manualClock()).isEqualTo(java.time.Instant.parse("2026-01-01T00:00:00Z"));
    assertThat(now.manualClock()).isBeforeOrEqualTo(java.time.Instant.now());
    assertThat(system.manualClock()).isNull();
  }

  @Test
  void ownerAndMfaFlags_areParsed() throws Exception {
    CommandLine parsed = CommandLine.parse(java.util.List.of("--owner-id", "abc123",
        "--owner-name=ops", "--mfa-serial", "arn:aws:iam::000000000000:mfa/root",
        "--mfa-code", "123456", "--mfa-code=654321"));

    assertThat(parsed.owner()).isEqualTo(new dev.tombstone.s3.Owner("abc123", "ops"));
    assertThat(parsed.mfaSerial()).contains("arn:aws:iam::000000000000:mfa/root");
    assertThat(parsed.mfaCodes()).containsExactly("123456", "654321");
    assertThat(org.assertj.core.api.Assertions.catchThrowable(() ->
        CommandLine.parse(java.util.List.of("--owner-id", " "))))
        .isInstanceOf(CommandLine.UsageException.class)
        .hasMessage("--owner-id needs a canonical user id");
  }

  @Test
  void repeatedMfaCode_countsOnce() throws Exception {
    CommandLine parsed = CommandLine.parse(java.util.List.of("--port", "0", "--mfa-serial", "S1",
        "--mfa-code", "1", "--mfa-code=1"));

    try (dev.tombstone.Tombstone tombstone = Main.builder(parsed).start()) {
      assertThat(parsed.mfaCodes()).containsExactly("1");
      assertThat(tombstone.s3().mfaDevice()).isEqualTo(new dev.tombstone.s3.MfaDevice(
          java.util.Optional.of("S1"), java.util.Set.of("1")));
    }
  }

  @Test
  void mfaDeviceOfTheBuilder_acceptsARepeatedCodeOnce() {
    try (dev.tombstone.Tombstone tombstone =
        dev.tombstone.Tombstone.builder().mfaDevice("S1", "1", "1").start()) {
      assertThat(tombstone.s3().mfaDevice().codes()).containsExactly("1");
    }
  }

  @Test
  void hostThatResolvesButIsNotOurs_isTheBindError_exitCode1() {
    // 192.0.2.1 is TEST-NET-1 (RFC 5737): a valid address no machine has as its own.
    assertThat(run("--host", "192.0.2.1", "--port", "0")).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .startsWith("tombstone: cannot bind 192.0.2.1:0");
  }
}
