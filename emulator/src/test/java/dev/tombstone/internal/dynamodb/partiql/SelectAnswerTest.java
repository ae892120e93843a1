package dev.tombstone.internal.dynamodb.partiql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.dynamodb.AttributeValue;
import dev.tombstone.dynamodb.Item;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The naming rule, on items as a ProjectionExpression keeps them (lists packed). */
class SelectAnswerTest {

  @Test
  void noAnswer_forSelectStar_orAWrite() {
    assertThat(SelectAnswer.of(StatementParser.parse("SELECT * FROM t1x"))).isEmpty();
    assertThat(SelectAnswer.of(StatementParser.parse("DELETE FROM t1x WHERE pk = 'a'")))
        .isEmpty();
  }

  @Test
  void pathsWhoseIndexesMatchThePackedPositions_answerTheirEnds() {
    Item kept = item("m", m("k", l(m("w", s("w0"), "v", s("v0")))), "l", l(l(s("x1"))));

    assertThat(answer("m.k[0].w, m.k[0].v, l[0][1]", kept)).isEqualTo(item(
        "w", s("w0"), "v", s("v0"), "l[0][1]", s("x1")));
  }

  @Test
  void anElementAtAnotherPosition_answersWhole_underTheIndexAskedAtItsRank() {
    // SELECT z[1], z[3][0] of z = [z0, z1, z2, [B30, B31]] keeps z = [z1, [B30]].
    Item kept = item("z", l(m("q", s("A1")), l(s("B30"))));

    assertThat(answer("z[1], z[3][0]", kept)).isEqualTo(item(
        "z[1]", m("q", s("A1")), "z[3]", l(s("B30"))));
  }

  @Test
  void theWalkBelowPosition_takesWhatTheProjectionAsksBelowThatIndex() {
    // SELECT z[1].q, z[2] keeps z = [{q: A1}, z2]: position 1 is walked with z[1]'s ".q".
    Item kept = item("z", l(m("q", s("A1")), m("q", s("A2"), "r", s("R2"))));

    assertThat(answer("z[1].q, z[2]", kept)).isEqualTo(item(
        "z[1]", m("q", s("A1")), "q", s("A2")));
    // The same walk finds nothing below a list: that element answers nothing.
    Item other = item("z", l(m("q", s("A1")), l(s("B30"))));
    assertThat(answer("z[1].q, z[3]", other)).isEqualTo(item("z[1]", m("q", s("A1"))));
  }

  @Test
  void elementsBeyondTheIndexesAsked_answerNothing() {
    // x[1][0], x[2] keeps x = [[a0], [b0, b1, b2]]; position 1 walks [b0, b1, b2] as [0] only.
    Item kept = item("x", l(l(s("a0")), l(s("b0"), s("b1"), s("b2"))));

    assertThat(answer("x[1][0], x[2]", kept)).isEqualTo(item(
        "x[1]", l(s("a0")), "x[2][0]", s("b0")));
  }

  @Test
  void twoAnswersUnderOneName_theFirstMapKeyInHashOrderWins() {
    Item kept = item(
        "m", m("k", l(m("w", s("W1")), m("w", s("W3")))),
        "n", m("k", l(s("N1"))));

    // "m" comes before "n" in a HashMap, whichever the statement names first.
    Item expected = item("k[1]", m("w", s("W1")), "w", s("W3"));
    assertThat(answer("n.k[1], m.k[1].w, m.k[3]", kept)).isEqualTo(expected);
    assertThat(answer("m.k[1].w, m.k[3], n.k[1]", kept)).isEqualTo(expected);
  }

  @Test
  void anEmptyItem_staysEmpty() {
    assertThat(answer("m.zz, l[5]", Item.EMPTY)).isEqualTo(Item.EMPTY);
  }

  private static Item answer(String paths, Item kept) {
    return SelectAnswer.of(StatementParser.parse("SELECT " + paths + " FROM t1x")).orElseThrow()
        .apply(kept);
  }

  private static Item item(Object... entries) {
    return Item.of(map(entries));
  }

  private static Map<String, AttributeValue> map(Object... entries) {
    java.util.Map<String, AttributeValue> out = new java.util.LinkedHashMap<>();
    for (int i = 0; i < entries.length; i += 2) {
      out.put((String) entries[i], (AttributeValue) entries[i + 1]);
    }
    return out;
  }

  private static AttributeValue s(String value) {
    return new AttributeValue.S(value);
  }

  private static AttributeValue l(AttributeValue... values) {
    return new AttributeValue.L(List.of(values));
  }

  private static AttributeValue m(Object... entries) {
    return new AttributeValue.M(map(entries));
  }
}
