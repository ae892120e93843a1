package dev.tombstone.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The scenarios JAR's flags ({@code java -jar tombstone-scenarios.jar}, README "In Postman").
 * Until the twenty-third session an unknown flag given last was reported as a missing value
 * ({@code --bogus}: "missing value for --bogus").
 */
class ScenariosMainOptionsTest {

  @Test
  void defaults_areTheReadmesPorts_andAnInProcessEmulator() {
    ScenariosMain.Options options = ScenariosMain.Options.parse(new String[0]);

    assertThat(options).isEqualTo(new ScenariosMain.Options(
        null, 4566, 4567, "http://localhost:5173", false));
  }

  @Test
  void everyFlag_isRead() {
    ScenariosMain.Options options = ScenariosMain.Options.parse(new String[] {
        "--emulator", "http://127.0.0.1:4566/", "--port", "0", "--emulator-port", "0",
        "--origin", "http://localhost:3000", "--help"});

    assertThat(options).isEqualTo(new ScenariosMain.Options(
        URI.create("http://127.0.0.1:4566"), 0, 0, "http://localhost:3000", true));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "--bogus|unknown option --bogus",
      "--bogus x|unknown option --bogus",
      "--port 0 --bogus|unknown option --bogus",
      "--port|missing value for --port",
      "--origin|missing value for --origin",
      "--port abc|--port must be a number, was abc",
      "--emulator-port 70000|--emulator-port must be in 0..65535, was 70000"})
  void mistakes_sayWhatIsWrong(String args, String message) {
    Throwable refused = catchThrowable(() -> ScenariosMain.Options.parse(args.split(" ")));

    assertThat(refused).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
  }
}
