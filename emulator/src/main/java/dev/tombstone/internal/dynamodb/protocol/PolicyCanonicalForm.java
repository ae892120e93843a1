package dev.tombstone.internal.dynamodb.protocol;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The form in which DynamoDB keeps a resource-based policy, as GetResourcePolicy answers it
 * (ack-api-quirks catalogue, DDB-TABLE-208, -351, -352, -353, -355; AWS, 2026): top-level
 * {@code Version} then {@code Statement}, always a list; each statement's elements in the order
 * {@code Sid, Effect, Principal, Action, Resource, Condition} (a {@code Not…} element in its
 * positive's place, anything else after); {@code Effect} spelled {@code Allow} or {@code Deny}
 * whatever its case; a one-element {@code Action}, {@code Resource} or condition value list as
 * its element; an account id among the {@code AWS} principals as the account's root ARN, the
 * principals without duplicates and a single one as a string. Nothing is sorted or de-duplicated
 * beyond that. An absent {@code Version} stays absent here: it is not the same document as an
 * explicit {@code 2008-10-17} (DDB-TABLE-354), though GetResourcePolicy reports that default.
 */
final class PolicyCanonicalForm {
  private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
  private static final List<List<String>> STATEMENT_ORDER = List.of(List.of("Sid"),
      List.of("Effect"), List.of("Principal", "NotPrincipal"), List.of("Action", "NotAction"),
      List.of("Resource", "NotResource"), List.of("Condition"));

  private PolicyCanonicalForm() {}

  /** {@code document}, already checked, in DynamoDB's form. */
  static Json.Obj of(Json.Obj document) {
    Map<String, Json> out = new LinkedHashMap<>();
    putIfPresent(out, "Version", document.get("Version"));
    Json statements = document.get("Statement");
    List<Json> list = statements instanceof Json.Arr array ? array.elements()
        : List.of(statements);
    List<Json> canonical = new ArrayList<>(list.size());
    for (Json statement : list) {
      canonical.add(statement((Json.Obj) statement));
    }
    out.put("Statement", new Json.Arr(canonical));
    document.members().forEach(out::putIfAbsent);
    return new Json.Obj(out);
  }

  private static Json.Obj statement(Json.Obj statement) {
    Map<String, Json> out = new LinkedHashMap<>();
    for (List<String> slot : STATEMENT_ORDER) {
      for (String name : slot) {
        Json value = statement.members().get(name);
        if (value == null) {
          continue;
        }
        out.put(name, switch (name) {
          case "Effect" -> effect(value);
          case "Principal", "NotPrincipal" -> principal(value);
          case "Condition" -> condition(value);
          case "Sid" -> value;
          default -> single(value);
        });
      }
    }
    statement.members().forEach(out::putIfAbsent);
    return new Json.Obj(out);
  }

  private static Json effect(Json value) {
    String effect = ((Json.Str) value).value();
    return new Json.Str(effect.equalsIgnoreCase("Allow") ? "Allow" : "Deny");
  }

  /** A one-element list as its element; anything else as it is. */
  private static Json single(Json value) {
    return value instanceof Json.Arr array && array.elements().size() == 1
        ? array.elements().get(0) : value;
  }

  private static Json condition(Json value) {
    if (!(value instanceof Json.Obj operators)) {
      return value;
    }
    Map<String, Json> out = new LinkedHashMap<>();
    operators.members().forEach((operator, keys) -> {
      if (keys instanceof Json.Obj byKey) {
        Map<String, Json> values = new LinkedHashMap<>();
        byKey.members().forEach((key, v) -> values.put(key, single(v)));
        out.put(operator, new Json.Obj(values));
      } else {
        out.put(operator, keys);
      }
    });
    return new Json.Obj(out);
  }

  private static Json principal(Json value) {
    if (!(value instanceof Json.Obj kinds)) {
      return value;
    }
    Map<String, Json> out = new LinkedHashMap<>();
    kinds.members().forEach((kind, names) -> {
      List<Json> given = names instanceof Json.Arr array ? array.elements() : List.of(names);
      Set<Json> distinct = new LinkedHashSet<>();
      for (Json name : given) {
        distinct.add(kind.equals("AWS") && name instanceof Json.Str text
            && ACCOUNT_ID.matcher(text.value()).matches()
            ? new Json.Str("arn:aws:iam::" + text.value() + ":root") : name);
      }
      out.put(kind, distinct.size() == 1 ? distinct.iterator().next()
          : new Json.Arr(new ArrayList<>(distinct)));
    });
    return new Json.Obj(out);
  }

  /** Whether a statement allows everyone ({@code "*"} or an {@code AWS} principal of "*"). */
  static boolean allowsEveryone(Json.Obj statement) {
    Json effect = statement.get("Effect");
    if (!(effect instanceof Json.Str text) || !text.value().equals("Allow")) {
      return false;
    }
    Json principal = statement.get("Principal");
    if (principal instanceof Json.Str star) {
      return star.value().equals("*");
    }
    Json aws = principal instanceof Json.Obj kinds ? kinds.get("AWS") : null;
    List<Json> names = aws instanceof Json.Arr array ? array.elements()
        : aws == null ? List.of() : List.of(aws);
    return names.contains(new Json.Str("*"));
  }

  private static void putIfPresent(Map<String, Json> out, String name, Json value) {
    if (value != null) {
      out.put(name, value);
    }
  }
}
