package dev.tombstone.internal.dynamodb.partiql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExpressionWriterTest {

  /** A condition function compared with true or false is that condition (suite 2026). */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "attribute_exists(a) = true|attribute_exists(#p0)",
      "true = attribute_not_exists(a)|attribute_not_exists(#p0)",
      "attribute_exists(a) = false|NOT (attribute_exists(#p0))",
      "begins_with(a, 'x') <> true|NOT (begins_with(#p0, :v0))",
      "attribute_type(a, 'S') <> false|attribute_type(#p0, :v0)",
      "size(a) = true|size(#p0) = :v0",
      "a = true|#p0 = :v0"})
  void conditionFunction_comparedWithABoolean_isTheCondition(String where, String written) {
    Statement.Select select =
        (Statement.Select) StatementParser.parse("SELECT * FROM t1x WHERE " + where);

    assertThat(new ExpressionWriter(List.of()).condition(select.where())).isEqualTo(written);
  }
}
