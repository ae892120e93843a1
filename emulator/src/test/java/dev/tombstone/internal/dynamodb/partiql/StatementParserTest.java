package dev.tombstone.internal.dynamodb.partiql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.dynamodb.AttributeType;
import dev.tombstone.dynamodb.AttributeValue;
import dev.tombstone.dynamodb.DynamoDbError;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class StatementParserTest {

  @Test
  void delete_withQuotedNames_parametersAndReturning() {
    Statement statement = StatementParser.parse(
        "delete from \"Orders\" where \"pk\" = ? and sk = ? returning all old *");

    assertThat(statement).isEqualTo(new Statement.Delete(
        new Statement.Target("Orders", null),
        new Expr.And(
            new Expr.Compare(path("pk"), "=", new Expr.Parameter(0)),
            new Expr.Compare(path("sk"), "=", new Expr.Parameter(1))),
        new Statement.Returning(true, true), 2));
  }

  /** PartiQL's FROM-first spelling of UPDATE parses to the same statement (suite 2026). */
  @Test
  void fromFirstUpdate_isTheUpdateItSpells() {
    Statement fromFirst = StatementParser.parse(
        "from t1x where pk = ? and a = 'x' set b = ?, c = 1 remove d returning all new *");
    Statement update = StatementParser.parse(
        "UPDATE t1x SET b = ?, c = 1 REMOVE d WHERE pk = ? AND a = 'x' RETURNING ALL NEW *");

    assertThat(fromFirst).isInstanceOf(Statement.Update.class);
    Statement.Update a = (Statement.Update) fromFirst;
    Statement.Update b = (Statement.Update) update;
    assertThat(a.actions()).hasSize(3);
    assertThat(a.actions().get(1)).isEqualTo(b.actions().get(1));
    assertThat(a.actions().get(2)).isEqualTo(b.actions().get(2));
    assertThat(a.returning()).isEqualTo(b.returning());
    assertThat(a.parameterCount()).isEqualTo(2);
    assertThat(a.where()).isEqualTo(new Expr.And(
        new Expr.Compare(path("pk"), "=", new Expr.Parameter(0)),
        new Expr.Compare(path("a"), "=", new Expr.Literal(new AttributeValue.S("x")))));
    assertThat(((Statement.Update) StatementParser.parse("FROM t1x SET b = 1")).where())
        .isNull();
  }

  /** A number may start with its decimal point (suite 2026, tests/tier2/partiql/grammar). */
  @ParameterizedTest
  @CsvSource({".73e1,7.3", "-.73e1,-7.3", ".5,0.5", "-.5E+1,-5"})
  void numberLiteral_withoutALeadingDigit_isTheNumberItDenotes(String literal, String value) {
    Statement.Select select = (Statement.Select) StatementParser.parse(
        "SELECT * FROM t1x WHERE pk = " + literal);

    assertThat(select.where()).isEqualTo(new Expr.Compare(path("pk"), "=", number(value)));
  }

  /** IS takes a type name (suite 2026, whereFunctions and partiqlGrammar). */
  @Test
  void isType_readsBoolAndString_asTypeTests() {
    Statement.Select select = (Statement.Select) StatementParser.parse(
        "SELECT * FROM t1x WHERE a IS BOOL AND b IS NOT string AND c IS boolean");

    assertThat(select.where()).isEqualTo(new Expr.And(
        new Expr.And(new Expr.IsType(path("a"), AttributeType.BOOL, false),
            new Expr.IsType(path("b"), AttributeType.S, true)),
        new Expr.IsType(path("c"), AttributeType.BOOL, false)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"x IS INT4", "x IS INT8", "x IS DOUBLE PRECISION",
      "x IS CHARACTER VARYING", "x IS BOOL", "x IS NULL;",
      "SELECT * FROM t1x WHERE pk = 'a' AND x IS DECIMAL"})
  void isType_asABareStatement_orOfAnUnservedType_isAnUnsupportedOperation(String text) {
    assertThat(catchThrowableOfType(() -> StatementParser.parse(text),
        DynamoDbError.Validation.class)).hasMessage("Unsupported operation: IsType");
  }

  @ParameterizedTest
  @ValueSource(strings = {"SELECT * FROM t1x WHERE pk = 'a' AND x IS FOO",
      "SELECT * FROM t1x WHERE x IS DOUBLE", "x = 1", "MISSING"})
  void isWithoutATypeName_andOtherBareExpressions_areMalformed(String text) {
    assertThat(catchThrowableOfType(() -> StatementParser.parse(text),
        DynamoDbError.Validation.class)).hasMessageStartingWith(StatementParser.MALFORMED);
  }

  /** Number literal messages name the key they stand under (suite 2026, partiqlGrammar). */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "SELECT * FROM t1x WHERE pk = 1e126|Number overflow. Attempting to store a number with"
          + " magnitude larger than supported range under root",
      "UPDATE t1x SET a = -1e-131 WHERE pk = 1|Number underflow. Attempting to store a number"
          + " with magnitude smaller than supported range under root",
      "SELECT * FROM t1x WHERE pk = 123456789012345678901234567890123456789|Attempting to store"
          + " more than 38 significant digits in a Number under root",
      "INSERT INTO t1x VALUE {'pk': 1e126}|Number overflow. Attempting to store a number with"
          + " magnitude larger than supported range under root",
      "INSERT INTO t1x VALUE {'pk': 1, 'm': {'x': [0, {'y': 1e126}]}}|Number overflow."
          + " Attempting to store a number with magnitude larger than supported range under"
          + " root.x[1].y",
      "INSERT INTO t1x VALUE {'pk': 1, 'l': [1, <<2, 1e126>>]}|Number overflow. Attempting to"
          + " store a number with magnitude larger than supported range under root[1]",
      "SELECT * FROM t1x WHERE a = {'k': 1e126}|Number overflow. Attempting to store a number"
          + " with magnitude larger than supported range under root.k"})
  void numberLiteral_thatDynamoDbCannotStore_namesItsKey(String text, String message) {
    assertThat(catchThrowableOfType(() -> StatementParser.parse(text),
        DynamoDbError.Validation.class)).hasMessage(message);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1e2147483648", "1e99999999999", "1.5e-2147483647",
      "-1e-2147483649", "1e+00000000000000000002147483648"})
  void numberLiteral_whoseExponentOrScaleExceeds32Bits_isMalformedWithNoDetail(String n) {
    String text = "SELECT * FROM t1x WHERE a = " + n;

    assertThat(catchThrowableOfType(() -> StatementParser.parse(text),
        DynamoDbError.Validation.class)).hasMessage(StatementParser.MALFORMED);
  }

  @Test
  void or_bindsLooserThanAnd_andNotTighterThanBoth() {
    Statement.Delete delete = (Statement.Delete) StatementParser.parse(
        "DELETE FROM t1x WHERE a = 1 OR NOT b = 2 AND c <> 3");

    assertThat(delete.where()).isEqualTo(new Expr.Or(
        new Expr.Compare(path("a"), "=", number("1")),
        new Expr.And(
            new Expr.Not(new Expr.Compare(path("b"), "=", number("2"))),
            new Expr.Compare(path("c"), "<>", number("3")))));
  }

  @Test
  void literals_strings_numbers_collections_andNestedPaths() {
    Statement.Insert insert = (Statement.Insert) StatementParser.parse(
        "INSERT INTO t1x VALUE {'a': 'it''s', 'b': -1.5e3, 'c': [true, null], 'd': <<1, 2>>}");

    assertThat(insert.value()).isEqualTo(new Expr.Struct(List.of(
        new Expr.Entry("a", new Expr.Literal(new AttributeValue.S("it's"))),
        new Expr.Entry("b", number("-1.5e3")),
        new Expr.Entry("c", new Expr.ListOf(List.of(
            new Expr.Literal(AttributeValue.Bool.TRUE),
            new Expr.Literal(AttributeValue.Null.INSTANCE)))),
        new Expr.Entry("d", new Expr.SetOf(List.of(number("1"), number("2")))))));
    Statement.Select select = (Statement.Select) StatementParser.parse(
        "SELECT \"m\".k[2] FROM t1x.\"idx\" WHERE x IS NOT MISSING");
    assertThat(select.projection()).containsExactly(new Expr.Path(List.of(
        new Expr.Name("m"), new Expr.Name("k"), new Expr.Index(2))));
    assertThat(select.target()).isEqualTo(new Statement.Target("t1x", "idx"));
    assertThat(select.where()).isEqualTo(new Expr.IsMissing(path("x"), true));
  }

  @Test
  void isNull_andIsNotNull_areTypeTests_besideIsMissing() {
    Statement.Select select = (Statement.Select) StatementParser.parse(
        "SELECT * FROM t1x WHERE a IS NULL AND b IS NOT NULL AND c IS MISSING");

    assertThat(select.where()).isEqualTo(new Expr.And(
        new Expr.And(new Expr.IsNull(path("a"), false), new Expr.IsNull(path("b"), true)),
        new Expr.IsMissing(path("c"), false)));
  }

  @Test
  void orderBy_readsEveryTerm_withItsDirection() {
    Statement.Select select = (Statement.Select) StatementParser.parse(
        "SELECT * FROM t1x WHERE pk IN ['a', 'b'] ORDER BY pk DESC, sk ASC, \"x\"");

    assertThat(select.orderBy()).containsExactly(new Statement.OrderTerm("pk", true),
        new Statement.OrderTerm("sk", false), new Statement.OrderTerm("x", false));
  }

  @ParameterizedTest
  @ValueSource(strings = {"SELECT * FROM t1x WHERE pk = 'a' ORDER BY pk,",
      "SELECT * FROM t1x WHERE pk = 'a' ORDER BY pk DESC ASC",
      "SELECT * FROM t1x WHERE pk = 'a' ORDER BY"})
  void orderBy_withATermMissingOrTwoDirections_isMalformed(String text) {
    assertThat(catchThrowableOfType(() -> StatementParser.parse(text),
        DynamoDbError.Validation.class)).hasMessageStartingWith(StatementParser.MALFORMED);
  }

  @Test
  void exists_wrapsASelect_andNothingElse() {
    Statement statement = StatementParser.parse(
        "exists (SELECT * FROM t1x WHERE pk = ? AND a IS MISSING);");

    assertThat(statement).isEqualTo(new Statement.Exists(new Statement.Select(
        new Statement.Target("t1x", null), List.of(),
        new Expr.And(new Expr.Compare(path("pk"), "=", new Expr.Parameter(0)),
            new Expr.IsMissing(path("a"), false)), List.of(), 1)));
    assertThat(statement.isWrite()).isTrue();
    String delete = "EXISTS(DELETE FROM t1x WHERE pk = 'a' AND b = 1)";
    assertThat(catchThrowableOfType(() -> StatementParser.parse(delete),
        DynamoDbError.Validation.class)).hasMessage(StatementParser.MALFORMED + delete);
  }

  @Test
  void update_readsSetAndRemoveClauses() {
    Statement.Update update = (Statement.Update) StatementParser.parse(
        "UPDATE t1x SET a = a + 1, b = ? REMOVE c SET d = 'x' WHERE k = 1 RETURNING MODIFIED NEW *");

    assertThat(update.actions()).extracting(a -> a.path().topLevelName())
        .containsExactly("a", "b", "c", "d");
    assertThat(update.actions().get(0).value())
        .isEqualTo(new Expr.Arithmetic(path("a"), true, number("1")));
    assertThat(update.actions().get(2).value()).isNull();
    assertThat(update.returning()).hasToString("RETURNING MODIFIED NEW *");
    assertThat(update.parameterCount()).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "DELETE FRM t1x", "DELETE FROM t1x WHERE a = 'open",
      "CREATE TABLE t1x", "SELECT FROM t1x", "UPDATE t1x WHERE a = 1",
      "DELETE FROM t1x WHERE a = 1 RETURNING ALL *",
      "DELETE FROM t1x WHERE a = 1 RETURNING ALL OLD"})
  void malformedStatements_getDynamoDbsOneSyntaxMessage(String text) {
    DynamoDbError.Validation thrown = catchThrowableOfType(() -> StatementParser.parse(text),
        DynamoDbError.Validation.class);

    assertThat(thrown).hasMessage("Statement wasn't well formed, can't be processed: " + text);
  }

  /** The literals true, false, null and missing are keywords that PartiQL reads as values. */
  static Stream<String> keywordsThatAreNoValues() {
    return Keywords.all().stream().sorted()
        .filter(w -> !Set.of("TRUE", "FALSE", "NULL", "MISSING").contains(w));
  }

  @ParameterizedTest
  @MethodSource("keywordsThatAreNoValues")
  void keyword_asABareName_isMalformed_butDoubleQuotedIsAName(String keyword) {
    String bare = "DELETE FROM t1x WHERE pk = 'a' AND " + keyword.toLowerCase(Locale.ROOT) + " = 1";

    assertThat(catchThrowableOfType(() -> StatementParser.parse(bare),
        DynamoDbError.Validation.class)).hasMessage(StatementParser.MALFORMED + bare);
    Statement.Delete quoted = (Statement.Delete) StatementParser.parse(
        "DELETE FROM t1x WHERE pk = 'a' AND \"" + keyword + "\" = 1");
    assertThat(quoted.where()).isEqualTo(new Expr.And(
        new Expr.Compare(path("pk"), "=", new Expr.Literal(new AttributeValue.S("a"))),
        new Expr.Compare(path(keyword), "=", number("1"))));
  }

  @Test
  void keywordList_isPartiqlsWholeList() {
    // 243 words in the PartiQL parser DynamoDB Local 3.3.1 runs, less ONLY, which DynamoDB
    // reads as a name; the old list had 19.
    assertThat(Keywords.all()).hasSize(242).contains("DATE", "COUNT", "KEY", "USER", "SIZE",
        "VALUE", "END-EXEC", "MODIFIED", "NOTHING").doesNotContain("ONLY");
  }

  @ParameterizedTest
  @ValueSource(strings = {"SELECT date FROM t1x WHERE pk = 'a'",
      "UPDATE t1x SET count = 1 WHERE pk = 'a'",
      "UPDATE t1x REMOVE user WHERE pk = 'a'", "SELECT * FROM user WHERE pk = 'a'",
      "SELECT * FROM t1x.index WHERE pk = 'a'", "SELECT * FROM t1x WHERE pk = 'a' ORDER BY key",
      "DELETE FROM t1x WHERE pk = 'a' AND date(v) = 1",
      "INSERT INTO t1x VALUE {'pk': 'a', 'v': value}"})
  void keyword_isMalformed_inEveryPlaceOfAName(String text) {
    assertThat(catchThrowableOfType(() -> StatementParser.parse(text),
        DynamoDbError.Validation.class)).hasMessage(StatementParser.MALFORMED + text);
  }

  @Test
  void keywordsThatNameFunctions_stayCalls() {
    Statement.Delete delete = (Statement.Delete) StatementParser.parse(
        "DELETE FROM t1x WHERE pk = 'a' AND SIZE(v) = 1 AND exists(v)");

    assertThat(delete.where()).isEqualTo(new Expr.And(new Expr.And(
        new Expr.Compare(path("pk"), "=", new Expr.Literal(new AttributeValue.S("a"))),
        new Expr.Compare(new Expr.Call("size", List.of(path("v")), "1:36:4"), "=", number("1"))),
        new Expr.Call("exists", List.of(path("v")), "1:52:6")));
  }

  @Test
  void trailingSemicolon_andBlockComments_areAllowed() {
    Statement expected = StatementParser.parse("DELETE FROM t1x WHERE pk = 'a'");

    assertThat(StatementParser.parse("DELETE FROM t1x WHERE pk = 'a';")).isEqualTo(expected);
    assertThat(StatementParser.parse("DELETE FROM t1x WHERE pk = 'a' ; -- done\n"))
        .isEqualTo(expected);
    assertThat(StatementParser.parse("DELETE/**/FROM /* the table */ t1x WHERE pk = 'a' /* k */"))
        .isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {";", "DELETE FROM t1x /* /* x */ */ WHERE pk = 'a'"})
  void semicolonsAndCommentsOutOfPlace_areMalformed(String text) {
    assertThat(catchThrowableOfType(() -> StatementParser.parse(text),
        DynamoDbError.Validation.class)).hasMessage(StatementParser.MALFORMED + text);
  }

  /** DynamoDB has no aggregates: a function in the projection is refused where it stands. */
  @Test
  void aggregateInProjection_isAnUnexpectedPathComponent_atItsLineAndColumn() {
    assertThat(catchThrowableOfType(() -> StatementParser.parse("SELECT COUNT(*) FROM t1x"),
        DynamoDbError.Validation.class)).hasMessage("Unexpected path component at 1:8:5");
    assertThat(catchThrowableOfType(
        () -> StatementParser.parse("SELECT pk,\n  max (sk) FROM t1x WHERE pk = 'a'"),
        DynamoDbError.Validation.class)).hasMessage("Unexpected path component at 2:3:3");
  }

  @Test
  void bracketedMapKeys_areNameSteps_inProjectionWhereAndSet() {
    Expr.Path mk = new Expr.Path(List.of(new Expr.Name("m"), new Expr.Name("k"),
        new Expr.Name("a b"), new Expr.Index(1)));

    Statement.Select select = (Statement.Select) StatementParser.parse(
        "SELECT m['k']['a b'][1] FROM t1x WHERE pk = 'a' AND \"m\"['k'].\"a b\"[1] = 2");
    Statement.Update update = (Statement.Update) StatementParser.parse(
        "UPDATE t1x SET m['k'][\"a b\"][1] = 2 REMOVE m['k'] WHERE pk = 'a'");

    assertThat(select.projection()).containsExactly(mk);
    assertThat(((Expr.And) select.where()).right())
        .isEqualTo(new Expr.Compare(mk, "=", number("2")));
    assertThat(update.actions().get(0).path()).isEqualTo(mk);
    assertThat(update.actions().get(1).path()).isEqualTo(
        new Expr.Path(List.of(new Expr.Name("m"), new Expr.Name("k"))));
  }

  @ParameterizedTest
  @ValueSource(strings = {"SELECT * FROM t1x WHERE pk = 'a' AND m[''] = 1",
      "SELECT * FROM t1x WHERE pk = 'a' AND m.\"\" = 1",
      "SELECT * FROM t1x WHERE pk = 'a' AND \"\" = 1", "SELECT * FROM \"\" WHERE pk = 'a'"})
  void emptyName_isRefused(String text) {
    assertThat(catchThrowableOfType(() -> StatementParser.parse(text),
        DynamoDbError.Validation.class)).hasMessage("Path component cannot be an empty string");
  }

  @Test
  void writesWithoutWhere_parse_forThePlannerToRefuse() {
    assertThat(((Statement.Delete) StatementParser.parse("DELETE FROM t1x")).where()).isNull();
    assertThat(((Statement.Update) StatementParser.parse(
        "UPDATE t1x SET a = 1 RETURNING ALL NEW *")).where()).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"DELETE FROM t1x WHERE a = 1 RETURNING ALL OLD a",
      "UPDATE t1x SET a = 1 WHERE k = 1 RETURNING MODIFIED NEW ?"})
  void returningWithSomethingElseThanStar_isItsOwnError(String text) {
    assertThat(catchThrowableOfType(() -> StatementParser.parse(text),
        DynamoDbError.Validation.class))
        .hasMessage("Expected '*' after ( MODIFIED | ALL ) ( NEW | OLD ) in RETURNING clause");
  }

  /**
   * A path, a function or an operator where a collection literal needs a value is refused by
   * name and place, as DynamoDB converts literals: the INSERT item's attributes are each a root
   * named as written, other members are named by their parser node type.
   */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "INSERT INTO t1x VALUE {'pk': 'a', 'x': y}|y under key root at 1:40:1",
      "INSERT INTO t1x VALUE {'pk': 'a', 'x': \"y\"}|y under key root at 1:40:3",
      "INSERT INTO t1x VALUE {'pk': 'a', 'x': SIZE(y)}|size under key root at 1:40:4",
      "INSERT INTO t1x VALUE {'pk': 'a', 'x': a + 1 - 2}|- under key root at 1:46:1",
      "INSERT INTO t1x VALUE {'pk': 'a', 'x': a != 1}|<> under key root at 1:42:2",
      "INSERT INTO t1x VALUE {'pk': 'a', 'x': a AND b}|and under key root at 1:42:3",
      "INSERT INTO t1x VALUE {'pk': 'a', 'x': NOT a}|not under key root at 1:40:3",
      "INSERT INTO t1x VALUE {'pk': 'a', 'x': a IS NOT NULL}|not under key root at 1:42:2",
      "INSERT INTO t1x VALUE {'pk': 'a', 'x': a IS MISSING}|is under key root at 1:42:2",
      "INSERT INTO t1x VALUE {'pk': 'a', 'x': a BETWEEN 1 AND 2}"
          + "|between under key root at 1:42:7",
      "INSERT INTO t1x VALUE {'pk': 'a', 'x': y.z[1]}|PATH under key root",
      "INSERT INTO t1x VALUE {'pk': 'a', 'x': (y)}|y under key root at 1:41:1",
      "INSERT INTO t1x VALUE {'pk': 'a', 'x': [1, y]}|VariableReference under key root.1 at 1:44:1",
      "INSERT INTO t1x VALUE {'pk': 'a', 'x': [[1, y]]}"
          + "|VariableReference under key root.0.1 at 1:45:1",
      "INSERT INTO t1x VALUE {'pk': 'a', 'x': {'m': [{'n': y}]}}"
          + "|VariableReference under key root.m.0.n at 1:53:1",
      "INSERT INTO t1x VALUE {'pk': 'a', 'x': [y.z]}|Path under key root.0",
      "INSERT INTO t1x VALUE {'pk': 'a', 'x': <<'a', y>>}|VariableReference under key root at 1:47:1",
      "UPDATE t1x SET q = [1, size(y)] WHERE k = 1|NAry under key root.1 at 1:24:4",
      "UPDATE t1x SET q = [(a IS MISSING)] WHERE k = 1|Typed under key root.0 at 1:24:2",
      "UPDATE t1x SET q = {'a': (b = 1)} WHERE k = 1|NAry under key root.a at 1:29:1",
      "UPDATE t1x SET q = list_append(q, [1, z]) WHERE k = 1"
          + "|VariableReference under key root.1 at 1:39:1",
      "UPDATE t1x SET q = [y] WHERE k = [z]|VariableReference under key root.0 at 1:35:1",
      "SELECT * FROM t1x WHERE a IN [[1, y]]|VariableReference under key root.1 at 1:35:1",
  })
  void aMemberThatIsNoValue_isAnUnsupportedDataType(String text, String message) {
    assertThat(catchThrowableOfType(() -> StatementParser.parse(text),
        DynamoDbError.Validation.class)).hasMessage("Unsupported data type: " + message);
  }

  @Test
  void unsupportedDataType_countsLinesAndColumnsFromOne() {
    String text = "DELETE FROM t1x WHERE k = 1 AND\n l = [y]";

    assertThat(catchThrowableOfType(() -> StatementParser.parse(text),
        DynamoDbError.Validation.class))
        .hasMessage("Unsupported data type: VariableReference under key root.0 at 2:7:1");
  }

  /**
   * A set literal is refused as AWS refuses it: empty, of another type than strings or numbers,
   * or with a member twice (the item operations' texts); only a string set's wrong member is
   * pointed at.
   */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "UPDATE t1x SET q = <<>> WHERE k = 1|Empty bags are not supported",
      "UPDATE t1x SET q = [1, <<'a', <<>>>>] WHERE k = 1|Empty bags are not supported",
      "UPDATE t1x SET q = <<'a', 'b', 1>> WHERE k = 1|Unsupported data type in Bag. DynamoDB only"
          + " supports either numbers or strings in bags at 1:32:1",
      "UPDATE t1x SET q = <<'a', ['b']>> WHERE k = 1|Unsupported data type in Bag. DynamoDB only"
          + " supports either numbers or strings in bags at 1:27:1",
      "UPDATE t1x SET q = <<1, 2, 'a'>> WHERE k = 1|Unsupported data type in Bag. DynamoDB only"
          + " supports either numbers or strings in bags",
      "UPDATE t1x SET q = <<true>> WHERE k = 1|Unsupported data type in Bag. DynamoDB only"
          + " supports either numbers or strings in bags at 1:22:4",
      "UPDATE t1x SET q = <<size(y)>> WHERE k = 1|Unsupported data type in Bag. DynamoDB only"
          + " supports either numbers or strings in bags at 1:22:4",
      "UPDATE t1x SET q = <<y.z>> WHERE k = 1|Unsupported data type in Bag. DynamoDB only"
          + " supports either numbers or strings in bags",
      "UPDATE t1x SET q = {'m': <<'a', y>>} WHERE k = 1"
          + "|Unsupported data type: VariableReference under key root.m at 1:33:1",
      "UPDATE t1x SET q = <<'b', 'a', 'b'>> WHERE k = 1|One or more parameter values were invalid:"
          + " Input collection [b, a, b] contains duplicates.",
      "UPDATE t1x SET q = set_add(q, <<'x', 'x'>>) WHERE k = 1|One or more parameter values were"
          + " invalid: Input collection [x, x] contains duplicates.",
      "SELECT * FROM t1x WHERE k = 1 AND q = <<1, 2, 1.0>>|One or more parameter values were"
          + " invalid: Input collection [1, 2, 1.0] contains duplicates! under root",
      "INSERT INTO t1x VALUE {'a': <<1e0, -1, 1>>, 'b': y}|One or more parameter values were"
          + " invalid: Input collection [1e0, -1, 1] contains duplicates! under root",
  })
  void aSetLiteral_isRefusedWithAwsTexts(String text, String message) {
    assertThat(catchThrowableOfType(() -> StatementParser.parse(text),
        DynamoDbError.Validation.class)).hasMessage(message);
  }

  /** In the INSERT item DynamoDB points at the second key; in a map literal, at the map. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "INSERT INTO t1x VALUE {'pk':'b','pk': 'c', 'x': y}|pk under root at 1:33:4",
      "INSERT INTO t1x VALUE {'pk':'c','x': {'m': {'a':1, 'a':2}}}|a under root.m at 1:44:1",
      "INSERT INTO t1x VALUE {'pk':'c','x': [{'a':1, 'a':2}]}|a under root.0 at 1:39:1",
      "UPDATE t1x SET q = {'a': 1, 'a': 2} WHERE k = 1|a under root at 1:20:1",
  })
  void aKeyTwice_isADuplicateKeyInTuple(String text, String message) {
    assertThat(catchThrowableOfType(() -> StatementParser.parse(text),
        DynamoDbError.Validation.class)).hasMessage("Duplicate keys in tuple. Key: " + message);
  }

  @Test
  void aKeyTwice_isCheckedAfterItsValue() {
    String text = "UPDATE t1x SET q = {'a': 1, 'a': y} WHERE k = 1";

    assertThat(catchThrowableOfType(() -> StatementParser.parse(text),
        DynamoDbError.Validation.class))
        .hasMessage("Unsupported data type: VariableReference under key root.a at 1:34:1");
  }

  @Test
  void setLiterals_withParameters_areCheckedWhenBound() {
    Statement.Insert insert = (Statement.Insert) StatementParser.parse(
        "INSERT INTO t1x VALUE {'s': <<?, 'b'>>}");
    Expr set = ((Expr.Struct) insert.value()).entries().get(0).value();

    assertThat(ValueBinder.bind(set, List.of(new AttributeValue.S("a"))))
        .isEqualTo(new AttributeValue.SS(Set.of("a", "b")));
    assertThat(catchThrowableOfType(
        () -> ValueBinder.bind(set, List.of(new AttributeValue.S("b"))),
        DynamoDbError.Validation.class)).hasMessage("One or more parameter values were invalid:"
            + " Input collection [b, b] contains duplicates.");
    assertThat(catchThrowableOfType(() -> ValueBinder.bind(set, List.of(AttributeValue.N.parse("1"))),
        DynamoDbError.Validation.class)).hasMessage(ValueBinder.SET_TYPE);
  }

  @Test
  void unsupportedDataType_waitsForTheWholeStatementToParse() {
    String text = "INSERT INTO t1x VALUE {'pk': 'a', 'x': y} garbage";

    assertThat(catchThrowableOfType(() -> StatementParser.parse(text),
        DynamoDbError.Validation.class))
        .hasMessage(StatementParser.MALFORMED + StatementParser.LEFTOVER);
  }

  /**
   * The syntax errors whose detail AWS names (conformance suite 2026,
   * tests/tier3/error-messages/partiqlGrammar.test.ts and partiqlFunctions.test.ts).
   */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "SELECT * FROM t1x WHERE pk = 1 foo|Unexpected token after expression",
      "SELECT * FROM t1x WHERE pk = 1 e5|Unexpected token after expression",
      "SELECT * FROM t1x WHERE pk = 1)|Unexpected token after expression",
      "INSERT INTO t1x VALUE {'pk': 1} foo|Unexpected token after expression",
      "INSERT INTO \"t1x\" t VALUE {'pk': 'x'}|Unexpected token after expression",
      "UPDATE t1x SET a = 9 WHERE pk = 2 foo|Unexpected token after expression",
      "DELETE FROM t1x WHERE pk = 3 ORDER BY pk|Unexpected token after expression",
      "SELECT * FROM t1x ORDER BY pk WHERE pk = 1|Unexpected token after expression",
      "FROM t1x SET c = 1 WHERE pk = 'x'|Unexpected token after expression",
      "DELETE FROM t1x WHERE pk = 'a';;|Unexpected token after expression",
      "DELETE FROM t1x WHERE pk = 'a'; DELETE FROM t1x WHERE pk = 'b'"
          + "|Unexpected token after expression",
      "SELECT * FROM t1x WHERE|Unexpected term",
      "SELECT * FROM t1x WHERE;|Unexpected term",
      "UPDATE t1x SET a = 1 WHERE|Unexpected term",
      "DELETE FROM t1x WHERE|Unexpected term",
      "SELECT * FROM t1x WHERE NOT|Unexpected term",
      "SELECT * FROM t1x WHERE (|Unexpected term",
      "SELECT * FROM|Unexpected term",
      "SELECT * FROM t1x WHERE pk = 'p1' AND|Missing right-hand side expression of infix"
          + " operator",
      "SELECT * FROM t1x WHERE pk = 'p1' OR|Missing right-hand side expression of infix"
          + " operator",
      "DELETE FROM|Expected identifier for simple path",
      "DELETE FROM;|Expected identifier for simple path",
      "DELETE FROM WHERE pk = 'a'|Expected identifier for simple path",
      "SELECT * FROM t1x WHERE attribute_exists(m.inner)|Invalid path dot component",
      "SELECT m.date FROM t1x WHERE pk = 'a'|Invalid path dot component"})
  void syntaxError_namesDynamoDbsDetail(String text, String detail) {
    assertThat(catchThrowableOfType(() -> StatementParser.parse(text),
        DynamoDbError.Validation.class)).hasMessage(StatementParser.MALFORMED + detail);
  }

  /** The lexer's failures that AWS answers with nothing after the colon. */
  @ParameterizedTest
  @ValueSource(strings = {"SELECT * FROM t1x WHERE pk = 1 # note",
      "SELECT * FROM t1x WHERE pk = 1 /* note", "DELETE FROM t1x WHERE a = #"})
  void hashAndOpenBlockComment_areMalformed_withNoDetail(String text) {
    assertThat(catchThrowableOfType(() -> StatementParser.parse(text),
        DynamoDbError.Validation.class)).hasMessage(StatementParser.MALFORMED);
  }

  @ParameterizedTest
  @ValueSource(strings = {"SELECT * FROM \"t1x\" t WHERE pk = 'x'",
      "SELECT * FROM t1x AS t WHERE pk = 'x'", "UPDATE \"t1x\" t SET a = 3 WHERE pk = 'x'",
      "DELETE FROM \"t1x\" t WHERE pk = 'x'"})
  void tableAlias_isRefused(String text) {
    assertThat(catchThrowableOfType(() -> StatementParser.parse(text),
        DynamoDbError.Validation.class)).hasMessage("Aliasing is not supported");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "INSERT INTO t1x VALUE [1, y]|' at 1:23:1'",
      "INSERT INTO t1x VALUE 'a' RETURNING ALL OLD *|' at 1:23:3'",
      "INSERT INTO t1x VALUE 1 + 2|' at 1:25:1'",
      "INSERT INTO t1x VALUE y.z|''",
  })
  void insertOfSomethingElseThanAStruct_pointsAtIt(String text, String where) {
    assertThat(catchThrowableOfType(() -> StatementParser.parse(text),
        DynamoDbError.Validation.class)).hasMessage(StatementParser.INSERT_FORMAT + where);
  }

  @ParameterizedTest
  @ValueSource(strings = {"(", "[", "{'a': ", "<<"})
  void deepNesting_isMalformed_notAStackOverflow(String open) {
    String text = "DELETE FROM t1x WHERE a = " + open.repeat(5000) + "1";

    assertThat(catchThrowableOfType(() -> StatementParser.parse(text),
        DynamoDbError.Validation.class)).hasMessageStartingWith("Statement wasn't well formed");
  }

  private static Expr.Path path(String name) {
    return new Expr.Path(List.of(new Expr.Name(name)));
  }

  private static Expr number(String text) {
    return new Expr.Literal(AttributeValue.N.parse(text));
  }
}
