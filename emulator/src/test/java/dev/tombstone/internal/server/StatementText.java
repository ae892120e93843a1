package dev.tombstone.internal.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * One PartiQL statement of {@link RandomStatements} as it is written: its text, with values as
 * literals or as {@code ?} and Parameters, and the item key it names; now and then cut short,
 * misspelt, or sent with one parameter too few or too many.
 */
final class StatementText {
  /** Sort keys 1 to this hold items; statements name up to 15. */
  static final int SORTS = 4;

  /** A value as a PartiQL literal and as the AttributeValue a {@code ?} parameter carries. */
  record Value(String literal, String json) {}

  /** A statement, the item key it names ({@code pk:sk}) if any, and how to rebuild it. */
  record Statement(String text, List<String> parameters, String key) {
    String members() {
      String members = "\"Statement\":\"" + text.replace("\"", "\\\"") + "\"";
      return parameters == null ? members
          : members + ",\"Parameters\":[" + String.join(",", parameters) + "]";
    }

    /** The same statement on another item. */
    Statement withKey(String other) {
      if (key == null) {
        return this;
      }
      String[] from = key.split(":");
      String[] to = other.split(":");
      String changed = text.replaceFirst("pk = '" + from[0] + "' AND sk = " + from[1] + "(?![0-9])",
              "pk = '" + to[0] + "' AND sk = " + to[1])
          .replaceFirst("'pk':'" + from[0] + "','sk':" + from[1] + "(?![0-9])",
              "'pk':'" + to[0] + "','sk':" + to[1]);
      return changed.equals(text) ? this : new Statement(changed, parameters, other);
    }
  }

  private final Random random;
  private final RandomRequests requests;
  private final StringBuilder text = new StringBuilder();
  private final List<String> parameters = new ArrayList<>();
  private final boolean asParameters;
  private String key;

  StatementText(Random random, RandomRequests requests, boolean asParameters) {
    this.random = random;
    this.requests = requests;
    this.asParameters = asParameters;
  }

  StatementText text(String more) {
    text.append(more);
    return this;
  }

  StatementText table() {
    return text(switch (random.nextInt(25)) {
      case 0 -> "nope";
      case 1 -> "\"diffp\"";
      default -> "diffp";
    });
  }

  StatementText value(Value value) {
    if (asParameters && value.json() != null && random.nextInt(4) > 0) {
      parameters.add(value.json());
      return text("?");
    }
    return text(value.literal());
  }

  /** The key equality: now and then one attribute missing, of the wrong type, or twice. */
  StatementText key() {
    String pk = pk(requests);
    String sk = sk(random);
    // Keys are literals, so that two statements on one item can be told apart and rebuilt.
    key = pk + ":" + sk;
    return text(switch (random.nextInt(20)) {
      case 0 -> "pk = '" + pk + "'";
      case 1 -> "sk = " + sk;
      case 2 -> "pk = " + sk + " AND sk = " + sk;
      case 3 -> "pk = '" + pk + "' AND sk = '" + sk + "'";
      case 4 -> "pk = '" + pk + "' AND sk = " + sk + " AND pk = 'z'";
      case 5 -> "pk = '" + pk + "' AND sk > " + sk;
      default -> "pk = '" + pk + "' AND sk = " + sk;
    });
  }

  void keyNamed(String pkName, String pk, String skName, String sk) {
    List<String> members = new ArrayList<>();
    if (pk != null) {
      members.add(pkName + "'" + pk + "'");
    }
    if (sk != null) {
      members.add(skName + sk);
    }
    key = pk != null && sk != null ? pk + ":" + sk : null;
    text(members.isEmpty() ? "'z':1" : String.join(",", members));
  }

  Statement build() {
    String statement = text.toString().trim();
    if (random.nextInt(25) == 0) {
      // A syntax error: cut short, or a keyword misspelt.
      statement = random.nextBoolean()
          ? statement.substring(0, random.nextInt(statement.length()))
          : statement.replaceFirst("WHERE|FROM|INTO|SET",
              requests.pick("WHER", "FORM", "WHERE WHERE"));
    }
    List<String> sent = asParameters || random.nextInt(30) == 0 ? new ArrayList<>(parameters)
        : null;
    if (sent != null && random.nextInt(15) == 0) {
      if (!sent.isEmpty() && random.nextBoolean()) {
        sent.remove(sent.size() - 1);
      } else {
        sent.add("{\"S\":\"extra\"}");
      }
    }
    if (sent != null && sent.isEmpty() && random.nextInt(10) > 0) {
      sent = null;
    }
    return new Statement(statement, sent, key);
  }

  /** A partition key value. */
  static String pk(RandomRequests requests) {
    return requests.pick("x", "y");
  }

  /** A sort key value: mostly of an item that may exist, now and then of one that does not. */
  static String sk(Random random) {
    return Integer.toString(1 + random.nextInt(random.nextInt(5) == 0 ? 15 : SORTS + 1));
  }
}
