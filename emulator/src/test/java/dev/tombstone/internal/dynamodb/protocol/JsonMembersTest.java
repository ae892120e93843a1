package dev.tombstone.internal.dynamodb.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The parsers' object members behave exactly as the unmodifiable LinkedHashMap they replace,
 * small and large, with repeated names and with names whose hashes are equal.
 */
class JsonMembersTest {
  /** "Aa" and "BB" have equal hashes, and so do all strings made of as many of either. */
  private static final List<String> NAMES = List.of("a", "b", "Aa", "BB", "AaAa", "AaBB", "BBAa",
      "BBBB", "TableName", "Key", "S", "", ":v", "#n", "pk", "sk");

  /** The members of {@code name, value, name, value...}, behind one unused pair. */
  private static Map<String, Json> members(Object... pairs) {
    int size = pairs.length / 2;
    String[] names = new String[size + 2];
    Json[] values = new Json[size + 2];
    names[0] = "unused";
    values[0] = new Json.Str("unused");
    for (int i = 0; i < size; i++) {
      names[i + 1] = (String) pairs[2 * i];
      values[i + 1] = value(pairs[2 * i + 1]);
    }
    return JsonMembers.of(names, values, 1, size + 1);
  }

  private static Map<String, Json> linked(Object... pairs) {
    Map<String, Json> linked = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      linked.put((String) pairs[i], value(pairs[i + 1]));
    }
    return Collections.unmodifiableMap(linked);
  }

  private static Json value(Object value) {
    return value instanceof Json json ? json : new Json.Num(String.valueOf(value), true);
  }

  private static Object[] numbered(String prefix, int count) {
    Object[] pairs = new Object[count * 2];
    for (int i = 0; i < count; i++) {
      pairs[2 * i] = prefix + i;
      pairs[2 * i + 1] = i;
    }
    return pairs;
  }

  /** Every string of {@code halves} halves, each "Aa" or "BB": 2^halves names, one hash. */
  private static Object[] collidingNames(int halves) {
    int count = 1 << halves;
    Object[] pairs = new Object[count * 2];
    for (int i = 0; i < count; i++) {
      StringBuilder name = new StringBuilder();
      for (int bit = 0; bit < halves; bit++) {
        name.append((i >> bit & 1) == 0 ? "Aa" : "BB");
      }
      pairs[2 * i] = name.toString();
      pairs[2 * i + 1] = i;
    }
    return pairs;
  }

  /** Everything a caller can read agrees with the LinkedHashMap built from the same puts. */
  private static void assertBehavesAsLinked(Object... pairs) {
    Map<String, Json> members = members(pairs);
    Map<String, Json> linked = linked(pairs);

    assertThat(new ArrayList<>(members.keySet())).isEqualTo(new ArrayList<>(linked.keySet()));
    assertThat(new ArrayList<>(members.values())).isEqualTo(new ArrayList<>(linked.values()));
    assertThat(new ArrayList<>(members.entrySet()))
        .isEqualTo(new ArrayList<>(linked.entrySet()));
    List<String> visited = new ArrayList<>();
    members.forEach((name, value) -> visited.add(name + "=" + value));
    assertThat(visited).hasSize(linked.size());
    assertThat(members.size()).isEqualTo(linked.size());
    assertThat(members.isEmpty()).isEqualTo(linked.isEmpty());
    assertThat(members.toString()).isEqualTo(linked.toString());
    assertThat(members).isEqualTo(linked);
    assertThat(linked).isEqualTo(members);
    assertThat(members.hashCode()).isEqualTo(linked.hashCode());
    assertThat(members.keySet()).isEqualTo(linked.keySet());
    assertThat(members.entrySet()).isEqualTo(linked.entrySet());
    assertThat(members.entrySet().hashCode()).isEqualTo(linked.entrySet().hashCode());
    for (Object pair : pairs) {
      if (pair instanceof String name) {
        for (String probe : List.of(name, name + "x", "x" + name)) {
          assertThat(members.get(probe)).as(probe).isEqualTo(linked.get(probe));
          assertThat(members.containsKey(probe)).as(probe).isEqualTo(linked.containsKey(probe));
          assertThat(members.keySet().contains(probe)).isEqualTo(linked.containsKey(probe));
        }
        assertThat(members.entrySet().contains(Map.entry(name, linked.get(name)))).isTrue();
        assertThat(members.entrySet().contains(Map.entry(name, new Json.Str("other"))))
            .isFalse();
        assertThat(members.containsValue(linked.get(name))).isTrue();
      }
    }
    for (String name : NAMES) {
      assertThat(members.get(name)).as(name).isEqualTo(linked.get(name));
      assertThat(members.containsKey(name)).as(name).isEqualTo(linked.containsKey(name));
    }
  }

  @Test
  void members_keepTheOrderTheyWerePutIn() {
    Map<String, Json> members = members("z", 1, "a", 2, "m", 3);

    assertThat(members.keySet()).containsExactly("z", "a", "m");
    assertThat(members.values()).containsExactly(value(1), value(2), value(3));
    assertThat(members).hasToString("{z=Num[text=1, integral=true], "
        + "a=Num[text=2, integral=true], m=Num[text=3, integral=true]}");
    assertBehavesAsLinked("z", 1, "a", 2, "m", 3);
  }

  @Test
  void repeatedNames_keepTheFirstPositionAndTheLastValue() {
    Map<String, Json> members = members("a", 1, "b", 2, "a", 3, "c", 4, "b", 5);

    assertThat(members.keySet()).containsExactly("a", "b", "c");
    assertThat(members.values()).containsExactly(value(3), value(5), value(4));
    assertBehavesAsLinked("a", 1, "b", 2, "a", 3, "c", 4, "b", 5);
    assertBehavesAsLinked("a", 1, "a", 2);
  }

  @Test
  void repeatedNames_inLargeObjects_keepTheFirstPositionAndTheLastValue() {
    List<Object> pairs = new ArrayList<>(List.of(numbered("n", 40)));
    pairs.addAll(List.of("n7", new Json.Str("late"), "new", 1, "n0", 99, "new", 2));
    Map<String, Json> members = members(pairs.toArray());

    assertThat(members).hasSize(41);
    assertThat(members.get("n7")).isEqualTo(new Json.Str("late"));
    assertThat(members.get("n0")).isEqualTo(value(99));
    assertThat(members.get("new")).isEqualTo(value(2));
    assertThat(members.keySet()).startsWith("n0", "n1").endsWith("n39", "new");
    assertBehavesAsLinked(pairs.toArray());
  }

  @Test
  void equalHashes_areToldApart() {
    assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());

    assertBehavesAsLinked("Aa", 1, "BB", 2);
    assertBehavesAsLinked("AaAa", 1, "BBBB", 2, "AaBB", 3);
    assertBehavesAsLinked(collidingNames(4));
    assertBehavesAsLinked(collidingNames(5));
    assertThat(members("Aa", 1).get("BB")).isNull();
  }

  @Test
  void manyNamesOfOneHash_stillReadAsALinkedHashMap() {
    Object[] pairs = collidingNames(12);
    Map<String, Json> members = members(pairs);

    assertThat(members).hasSize(4096);
    for (int i = 0; i < pairs.length; i += 2) {
      assertThat(members.get((String) pairs[i])).isEqualTo(value(pairs[i + 1]));
    }
    assertThat(members.get("Aa".repeat(11) + "BC")).isNull();
    assertThat(new ArrayList<>(members.keySet()))
        .isEqualTo(new ArrayList<>(linked(pairs).keySet()));
  }

  @Test
  void largeObjects_findEveryName() {
    for (int size : new int[] {8, 9, 17, 100, 1000, 20_000}) {
      Object[] pairs = numbered("attribute", size);
      Map<String, Json> members = members(pairs);

      assertThat(members).hasSize(size);
      for (int i = 0; i < size; i++) {
        assertThat(members.get("attribute" + i)).isEqualTo(value(i));
        assertThat(members.containsKey("attribute" + i + "x")).isFalse();
      }
      assertThat(members.get("attribute" + size)).isNull();
      assertThat(members.keySet()).containsExactlyElementsOf(linked(pairs).keySet());
    }
    assertBehavesAsLinked(numbered("", 300));
  }

  @Test
  void randomPuts_behaveAsLinkedHashMap() {
    Random random = new Random(5);
    for (int round = 0; round < 2000; round++) {
      int size = random.nextInt(round % 10 == 0 ? 60 : 12);
      Object[] pairs = new Object[size * 2];
      for (int i = 0; i < size; i++) {
        pairs[2 * i] = random.nextInt(4) == 0 ? "name" + random.nextInt(50)
            : NAMES.get(random.nextInt(NAMES.size()));
        pairs[2 * i + 1] = random.nextInt(3);
      }
      assertBehavesAsLinked(pairs);
    }
  }

  @Test
  void equality_holdsBothWaysWithOtherMaps() {
    Map<String, Json> members = members("N", 1, "S", new Json.Str("x"));
    Map<String, Json> mapOf = Map.of("S", new Json.Str("x"), "N", value(1));

    assertThat(members).isEqualTo(mapOf);
    assertThat(mapOf).isEqualTo(members);
    assertThat(members.hashCode()).isEqualTo(mapOf.hashCode());
    assertThat(members).isEqualTo(members("N", 1, "S", new Json.Str("x")));
    assertThat(members).isEqualTo(members("S", new Json.Str("x"), "N", 1));
    assertThat(new Json.Obj(members)).isEqualTo(new Json.Obj(mapOf));
    assertThat(new Json.Obj(mapOf)).isEqualTo(new Json.Obj(members));
    assertThat(new Json.Obj(members).hashCode()).isEqualTo(new Json.Obj(mapOf).hashCode());

    assertThat(members).isNotEqualTo(Map.of("N", value(1), "S", new Json.Str("y")));
    assertThat(members).isNotEqualTo(Map.of("N", value(1), "T", new Json.Str("x")));
    assertThat(members).isNotEqualTo(Map.of("N", value(1)));
    assertThat(Map.of("N", value(1))).isNotEqualTo(members);
    assertThat(members).isNotEqualTo(Map.of(1, value(1), 2, new Json.Str("x")));
    assertThat(members).isNotEqualTo(List.of(value(1), new Json.Str("x")));
    assertThat(members.equals(null)).isFalse();
  }

  @Test
  void emptyMembers_areAnEmptyMap() {
    Map<String, Json> empty = members();

    assertThat(empty).isEmpty();
    assertThat(empty).isEqualTo(Map.of());
    assertThat(Map.of()).isEqualTo(empty);
    assertThat(empty.hashCode()).isZero();
    assertThat(empty).hasToString("{}");
    assertThat(empty.get("a")).isNull();
    assertThat(empty.entrySet().iterator().hasNext()).isFalse();
    assertThatThrownBy(() -> empty.keySet().iterator().next())
        .isInstanceOf(NoSuchElementException.class);
    assertThatThrownBy(empty::clear).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> empty.putAll(Map.of()))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void otherKeys_areAbsent() {
    Map<String, Json> small = members("1", 1);
    Map<String, Json> large = members(numbered("", 20));

    for (Map<String, Json> members : List.of(small, large)) {
      assertThat(members.get(1)).isNull();
      assertThat(members.get(null)).isNull();
      assertThat(members.containsKey(null)).isFalse();
      assertThat(members.containsValue(null)).isFalse();
      assertThat(members.entrySet().contains("1")).isFalse();
      assertThat(members.getOrDefault("none", value(7))).isEqualTo(value(7));
    }
  }

  @Test
  void members_cannotBeChanged() {
    List<Object> large = new ArrayList<>(List.of("a", 1));
    large.addAll(List.of(numbered("", 20)));
    for (Map<String, Json> members : List.of(members("a", 1, "b", 2), members(large.toArray()))) {
      Json one = value(1);
      assertImmutable(members, m -> m.put("c", one));
      assertImmutable(members, m -> m.put("a", one));
      assertImmutable(members, m -> m.remove("a"));
      assertImmutable(members, m -> m.remove("none"));
      assertImmutable(members, m -> m.remove("a", one));
      assertImmutable(members, m -> m.putAll(Map.of("c", one)));
      assertImmutable(members, Map::clear);
      assertImmutable(members, m -> m.replaceAll((name, value) -> value));
      assertImmutable(members, m -> m.putIfAbsent("a", one));
      assertImmutable(members, m -> m.replace("a", one));
      assertImmutable(members, m -> m.replace("none", one, one));
      assertImmutable(members, m -> m.computeIfAbsent("a", name -> one));
      assertImmutable(members, m -> m.computeIfPresent("none", (name, value) -> value));
      assertImmutable(members, m -> m.compute("a", (name, value) -> value));
      assertImmutable(members, m -> m.merge("a", one, (a, b) -> a));

      assertViewImmutable(members.keySet(), "a");
      assertViewImmutable(members.values(), one);
      assertViewImmutable(members.entrySet(), Map.entry("a", one));
      Iterator<Map.Entry<String, Json>> entries = members.entrySet().iterator();
      Map.Entry<String, Json> first = entries.next();
      assertThatThrownBy(() -> first.setValue(one))
          .isInstanceOf(UnsupportedOperationException.class);
      assertThatThrownBy(entries::remove).isInstanceOf(UnsupportedOperationException.class);
      Iterator<String> names = members.keySet().iterator();
      names.next();
      assertThatThrownBy(names::remove).isInstanceOf(UnsupportedOperationException.class);
      Iterator<Json> values = members.values().iterator();
      values.next();
      assertThatThrownBy(values::remove).isInstanceOf(UnsupportedOperationException.class);
      assertThat(members).containsKey("a").hasSizeGreaterThan(1);
    }
  }

  private static void assertImmutable(
      Map<String, Json> members, Consumer<Map<String, Json>> change) {
    assertThatThrownBy(() -> change.accept(members))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  private static <E> void assertViewImmutable(Collection<E> view, E present) {
    List<Consumer<Collection<E>>> changes = List.of(c -> c.add(present), c -> c.remove(present),
        c -> c.remove("none"), c -> c.addAll(List.of(present)), c -> c.addAll(List.of()),
        c -> c.removeAll(List.of(present)), c -> c.removeAll(List.of()),
        c -> c.retainAll(List.of()), c -> c.retainAll(view), c -> c.removeIf(e -> true),
        c -> c.removeIf(e -> false), Collection::clear);
    for (Consumer<Collection<E>> change : changes) {
      assertThatThrownBy(() -> change.accept(view))
          .isInstanceOf(UnsupportedOperationException.class);
    }
  }
}
