package dev.tombstone.internal.dynamodb.partiql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.tombstone.dynamodb.DynamoDbError;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SelectNamesTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "a|a", "m.x|x", "m.k[0]|k[0]", "l[-0]|l[0]", "l[0][1]|l[0][1]", "m.k[0].w|w",
      "l[1].q|q", "\"dotted.name\"|dotted.name", "m['a b'][2]|a b[2]", "\"m\".\"x\"[3][4]|x[3][4]"})
  void name_isTheLastNameStep_andTheIndexesAfterIt(String path, String name) {
    assertThat(SelectNames.name(projection(path).get(0))).isEqualTo(name);
  }

  @Test
  void clashMessage_listsTheSteps() {
    assertThat(message("m.k[0].w, m.k")).endsWith("path two: [m, k, [0], w]");
  }

  @Test
  void distinctNamesAndDisjointPaths_pass() {
    assertThatCode(() -> SelectNames.check(projection("a, m.x, l[0], l[1].q, m.k[0].w")))
        .doesNotThrowAnyException();
    assertThatCode(() -> SelectNames.check(List.of())).doesNotThrowAnyException();
  }

  @Test
  void duplicateName_comesBeforeAnOverlap_andTheFirstRepeatIsNamed() {
    assertThat(message("m.a, m.a.b, n.x, m.x"))
        .isEqualTo("Duplicate identifiers in select clause: x");
    assertThat(message("m.x, m.a, n.a, n.x"))
        .isEqualTo("Duplicate identifiers in select clause: a");
  }

  private static final String OVERLAP = "Two document paths overlap with each other; must remove"
      + " or rewrite one of these paths; path one: ";
  private static final String CONFLICT = "Two document paths conflict with each other; must"
      + " remove or rewrite one of these paths; path one: ";

  @Test
  void firstClashingPair_namesTheLaterPathFirst() {
    assertThat(message("m.a.c, m.a.b, m.a")).isEqualTo(OVERLAP
        + "[m, a], path two: [m, a, c]");
    assertThat(message("m.a, l[0], l.x, m.a.b")).isEqualTo(CONFLICT
        + "[l, x], path two: [l, [0]]");
    assertThat(message("l[0], m.a, m.a.b, l.x")).isEqualTo(OVERLAP
        + "[m, a, b], path two: [m, a]");
  }

  private static String message(String paths) {
    Throwable error = catchThrowable(() -> SelectNames.check(projection(paths)));
    assertThat(error).isInstanceOf(DynamoDbError.Validation.class);
    return error.getMessage();
  }

  static List<Expr.Path> projection(String paths) {
    return ((Statement.Select) StatementParser.parse("SELECT " + paths + " FROM t1x"))
        .projection();
  }
}
