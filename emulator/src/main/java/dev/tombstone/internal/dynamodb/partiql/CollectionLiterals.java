package dev.tombstone.internal.dynamodb.partiql;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Reads a statement's collection literals ({@code {...}}, {@code [...]}, {@code <<...>>}) and
 * keeps what the messages about literals need: anchors, outermost literals, keys, INSERT item.
 */
final class CollectionLiterals {
  private final TokenCursor in;
  /** The token each expression and map entry stands at, for the messages that point at it. */
  private final Map<Object, Token> anchors = new IdentityHashMap<>();
  /** The outermost collection literals, in statement order. */
  private final List<Expr> outermost = new ArrayList<>();
  private int depth;
  /** The keys from the outermost literal to the one being read, as number messages name them. */
  private final List<String> keys = new ArrayList<>();
  /** Set while the next {@code {...}} is an INSERT's item, whose keys number messages skip. */
  private boolean itemNext;
  private Expr.Struct item;

  CollectionLiterals(TokenCursor in) {
    this.in = in;
  }

  /** Records that {@code node} stands at {@code token}. */
  <T> T anchor(T node, Token token) {
    anchors.put(node, token);
    return node;
  }

  Map<Object, Token> anchors() {
    return anchors;
  }

  List<Expr> outermost() {
    return outermost;
  }

  /** The struct of an INSERT's VALUE, or null. */
  Expr.Struct item() {
    return item;
  }

  /** How many outermost literals have been read so far. */
  int count() {
    return outermost.size();
  }

  /** Moves the outermost literals read since {@code later} ahead of those from {@code first}. */
  void putFirst(int first, int later) {
    Collections.rotate(outermost.subList(first, outermost.size()), outermost.size() - later);
  }

  /** Reads an INSERT's value with {@code value}; a {@code {...}} there is the item. */
  Expr insertValue(Supplier<Expr> value) {
    itemNext = true;
    Expr read = value.get();
    itemNext = false;
    if (read instanceof Expr.Struct struct) {
      item = struct;
    }
    return read;
  }

  /** The key a number stands under, as its messages name it: {@code root}, {@code root.m[1]}. */
  String key() {
    return "root" + String.join("", keys);
  }

  /** Reads the literal that {@code open} starts, its members with {@code member}. */
  Expr read(Token open, Supplier<Expr> member) {
    in.advance();
    boolean isItem = itemNext && depth == 0 && open.isSymbol("{");
    itemNext = false;
    depth++;
    Expr literal = open.isSymbol("{") ? new Expr.Struct(entries(isItem, member))
        : open.isSymbol("[") ? new Expr.ListOf(elements("]", member))
        : new Expr.SetOf(elements(">>", member));
    if (--depth == 0) {
      outermost.add(literal);
    }
    return anchor(literal, open);
  }

  private List<Expr.Entry> entries(boolean isItem, Supplier<Expr> member) {
    List<Expr.Entry> entries = new ArrayList<>();
    if (!in.acceptSymbol("}")) {
      do {
        Token key = in.expect(Token.Kind.STRING);
        in.expectSymbol(":");
        entries.add(anchor(new Expr.Entry(key.text(), isItem ? member.get()
            : nested("." + key.text(), member)), key));
      } while (in.acceptSymbol(","));
      in.expectSymbol("}");
    }
    return entries;
  }

  /**
   * The members of a list or set. Any expression parses as a member, as in DynamoDB's grammar;
   * {@link LiteralCheck} then refuses what is no value.
   */
  private List<Expr> elements(String close, Supplier<Expr> member) {
    List<Expr> elements = new ArrayList<>();
    if (!in.acceptSymbol(close)) {
      do {
        // A set's members are converted under the set's own key.
        elements.add(close.equals("]") ? nested("[" + elements.size() + "]", member)
            : member.get());
      } while (in.acceptSymbol(","));
      in.expectSymbol(close);
    }
    return elements;
  }

  private Expr nested(String key, Supplier<Expr> member) {
    keys.add(key);
    Expr value = member.get();
    keys.remove(keys.size() - 1);
    return value;
  }
}
