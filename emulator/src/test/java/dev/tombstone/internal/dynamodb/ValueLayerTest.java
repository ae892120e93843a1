package dev.tombstone.internal.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tombstone.dynamodb.DynamoDbError;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The two validation layers' readings of a number (paritysuite valueLayers.test.ts and
 * partiqlParameterNumbers.test.ts): they part only at exponents near or past 32 bits.
 */
class ValueLayerTest {
  private static final String OVERFLOW =
      "Number overflow. Attempting to store a number with magnitude larger than supported range";
  private static final String UNDERFLOW =
      "Number underflow. Attempting to store a number with magnitude smaller than supported range";
  private static final String NOT_NUMERIC = "The parameter cannot be converted to a numeric value";

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "1e2147483647|" + OVERFLOW + "|" + UNDERFLOW,
      "12e2147483646|" + OVERFLOW + "|" + UNDERFLOW,
      "10e2147483647|" + OVERFLOW + "|" + UNDERFLOW,
      "1e2147483648|" + OVERFLOW + "|" + NOT_NUMERIC + ": 1e2147483648",
      "1e99999999999|" + OVERFLOW + "|" + NOT_NUMERIC + ": 1e99999999999",
      "-1e99999999999|" + OVERFLOW + "|" + NOT_NUMERIC + ": -1e99999999999",
      "1e-99999999999|" + UNDERFLOW + "|" + NOT_NUMERIC + ": 1e-99999999999",
      "1e-2147483648|" + UNDERFLOW + "|" + NOT_NUMERIC + ": 1e-2147483648",
      "1.5e-2147483647|" + UNDERFLOW + "|" + NOT_NUMERIC + ": 1.5e-2147483647",
      "0e99999999999|" + OVERFLOW + "|" + NOT_NUMERIC + ": 0e99999999999",
      "1234567890123456789012345678901234567890e2147483648|"
          + "Attempting to store more than 38 significant digits in a Number|"
          + NOT_NUMERIC + ": 1234567890123456789012345678901234567890e2147483648",
      "1e-9223372036854775808|" + UNDERFLOW + "|" + NOT_NUMERIC + ": 1e-9223372036854775808",
      "1e-2147483647|" + UNDERFLOW + "|" + UNDERFLOW,
      "0e2147483647|" + OVERFLOW + "|" + OVERFLOW,
      "1e126|" + OVERFLOW + "|" + OVERFLOW,
      "0e-131|" + UNDERFLOW + "|" + UNDERFLOW,
      "abc|" + NOT_NUMERIC + ": abc|" + NOT_NUMERIC + ": abc",
      "1e9223372036854775808|" + NOT_NUMERIC + ": 1e9223372036854775808|"
          + NOT_NUMERIC + ": 1e9223372036854775808",
      "''|" + NOT_NUMERIC + "|" + NOT_NUMERIC})
  void theLayers_partOnlyWhereBigDecimalDoes(String text, String current, String bigDecimal) {
    assertThatThrownBy(() -> ValueLayer.CURRENT.parse(text))
        .isInstanceOf(DynamoDbError.Validation.class).hasMessage(current);
    assertThatThrownBy(() -> ValueLayer.OLDER.parse(text))
        .isInstanceOf(DynamoDbError.Validation.class).hasMessage(bigDecimal);
  }

  @ParameterizedTest
  @CsvSource({"0e125,0", "1.50,1.5", "-7e2,-700", "0.01e127,10000000000"})
  void validNumbers_readTheSameInBothLayers(String text, String canonicalStart) {
    assertThat(ValueLayer.OLDER.parse(text))
        .isEqualTo(ValueLayer.CURRENT.parse(text));
    assertThat(ValueLayer.OLDER.parse(text).text()).startsWith(canonicalStart);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "1e2147483647|" + UNDERFLOW,
      "1e99999999999|" + NOT_NUMERIC + ": 1e99999999999"})
  void aNumberSetMember_isReadAsTheLayerReadsIt(String member, String message) {
    assertThatThrownBy(() -> SetValidation.numberSet(List.of("1", member),
        ValueLayer.OLDER)).hasMessage(message);
  }
}
