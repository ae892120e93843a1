package dev.tombstone.internal.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The {@code ExpressionAttributeNames} and {@code ExpressionAttributeValues} members of a random
 * request: what its expressions use, now and then with one unused placeholder added or one used
 * placeholder left out, so that both sides' placeholder checks are compared too.
 */
final class RandomPlaceholders {
  private RandomPlaceholders() {}

  /**
   * The names {@code expressions} use ({@code #n} for an attribute, {@code #k} for the partition
   * key {@code keyName}); one unused {@code #u} about once in {@code unusedOneIn}.
   */
  static String names(Random random, RandomRequests requests, String expressions,
      String keyName, int unusedOneIn) {
    List<String> names = new ArrayList<>();
    if (expressions.contains("#n")) {
      names.add("\"#n\":\"" + requests.pick("a", "b", "m") + "\"");
    }
    if (expressions.contains("#k")) {
      names.add("\"#k\":\"" + keyName + "\"");
    }
    if (random.nextInt(unusedOneIn) == 0) {
      names.add("\"#u\":\"a\"");
    }
    if (!names.isEmpty() && random.nextInt(25) == 0) {
      names.remove(0);
    }
    return names.isEmpty() ? "" : ",\"ExpressionAttributeNames\":{" + String.join(",", names) + "}";
  }

  /**
   * {@code :v0}, {@code :v1}, … for {@code values}; one unused {@code :u} about once in
   * {@code unusedOneIn}.
   */
  static String values(Random random, List<String> values, int unusedOneIn) {
    List<String> members = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      members.add("\":v" + i + "\":" + values.get(i));
    }
    if (random.nextInt(unusedOneIn) == 0) {
      members.add("\":u\":{\"N\":\"1\"}");
    }
    if (!members.isEmpty() && random.nextInt(25) == 0) {
      members.remove(members.size() - 1);
    }
    return members.isEmpty() ? ""
        : ",\"ExpressionAttributeValues\":{" + String.join(",", members) + "}";
  }
}
