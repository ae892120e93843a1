package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.DynamoDbError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The checks DynamoDB runs on a resource-based policy document before storing it (size, JSON, a
 * known {@code Version}, statements with an {@code Effect} of Allow or Deny and a resource,
 * distinct statement ids, no Allow to everyone), and the document as stored: in
 * {@link PolicyCanonicalForm}, without insignificant white space. The policy's grammar beyond
 * that (actions, principals, conditions) is not checked.
 */
final class PolicyDocuments {
  /** DynamoDB's limit, white space included. */
  static final int MAX_BYTES = 20_480;
  /** The policy language versions of the IAM JSON policy grammar. */
  private static final Set<String> VERSIONS = Set.of("2012-10-17", "2008-10-17");

  private PolicyDocuments() {}

  /**
   * The document without insignificant white space, keys in the order sent.
   *
   * @throws DynamoDbError.Validation with DynamoDB's message when it is too large, not JSON,
   *     of an unknown version, without statements, or has a statement without a valid effect or
   *     without a resource
   */
  static String check(String policy) {
    if (policy.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      throw ServiceErrors.invalidParameters(
          "Maximum policy size of " + MAX_BYTES + " bytes exceeded");
    }
    Json parsed;
    try {
      parsed = Json.parseWithJackson(policy.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      parsed = null;
    }
    if (parsed instanceof Json.Null) {
      // AWS's texts for "null" and "{}" (ack-api-quirks catalogue, DDB-TABLE-457, 2026).
      throw invalid("This text appears not to be a policy");
    }
    if (!(parsed instanceof Json.Obj document)) {
      throw invalid("This policy contains invalid Json");
    }
    if (document.members().isEmpty()) {
      throw invalid("Syntax error at position " + positionAfterLastBrace(policy));
    }
    Json version = document.get("Version");
    if (version != null
        && !(version instanceof Json.Str text && VERSIONS.contains(text.value()))) {
      throw invalid("The policy must contain a valid version string");
    }
    Json statements = document.get("Statement");
    List<Json> list = statements instanceof Json.Arr array ? array.elements()
        : statements == null ? List.of() : List.of(statements);
    if (list.isEmpty()) {
      throw invalid("Could not parse the policy: Statement is empty!");
    }
    Set<String> sids = new HashSet<>();
    for (Json statement : list) {
      checkStatement(statement);
      Json sid = ((Json.Obj) statement).get("Sid");
      if (sid instanceof Json.Str text && !sids.add(text.value())) {
        throw invalid("The Statement Ids in the policy are not unique");
      }
    }
    Json.Obj canonical = PolicyCanonicalForm.of(document);
    for (Json statement : ((Json.Arr) canonical.get("Statement")).elements()) {
      if (PolicyCanonicalForm.allowsEveryone((Json.Obj) statement)) {
        // DynamoDB's guardrail, without the usual prefix (ack-api-quirks DDB-TABLE-352, 2026).
        throw new DynamoDbError.Validation("Resource-based policy grants unbounded access in one"
            + " or more elements. Please revise the policy to ensure least-privilege form of"
            + " access");
      }
    }
    return minified(canonical);
  }

  /**
   * The stored document as GetResourcePolicy answers it: with the IAM default version
   * {@code 2008-10-17} when it was sent without one (ack-api-quirks DDB-TABLE-354, 2026).
   */
  static String described(String stored) {
    return stored.startsWith("{\"Version\":") ? stored
        : "{\"Version\":\"2008-10-17\"," + stored.substring(1);
  }

  /**
   * {@code (line,column)}, from 1, of the character after the document's closing brace: {@code
   * (1,3)} for {@code {}}, as AWS reports it.
   */
  private static String positionAfterLastBrace(String policy) {
    int brace = policy.lastIndexOf('}');
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < brace; i++) {
      if (policy.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return "(" + line + "," + (brace - lineStart + 2) + ")";
  }

  // The IAM policy parser checks a statement's Effect before its other elements.
  private static void checkStatement(Json statement) {
    Json.Obj s = statement instanceof Json.Obj obj ? obj : null;
    Json effect = s == null ? null : s.get("Effect");
    if (effect == null) {
      throw invalid("Missing required field Effect");
    }
    String name = effect instanceof Json.Str text ? text.value() : null;
    // Any case: DynamoDB keeps "allow" as Allow (ack-api-quirks DDB-TABLE-355, 2026).
    if (!"Allow".equalsIgnoreCase(name) && !"Deny".equalsIgnoreCase(name)) {
      throw invalid("Invalid effect: " + (name != null ? name : minified(effect)));
    }
    if (!(s.has("Resource") || s.has("NotResource"))) {
      throw invalid("Missing required field Resource");
    }
  }

  private static String minified(Json value) {
    JsonWriter json = JsonWriter.take();
    write(json, value);
    return new String(json.toByteArray(), StandardCharsets.UTF_8);
  }

  private static DynamoDbError.Validation invalid(String reason) {
    return ServiceErrors.invalidParameters("Invalid policy document: " + reason);
  }

  private static void write(JsonWriter json, Json value) {
    if (value instanceof Json.Obj obj) {
      json.writeStartObject();
      for (Map.Entry<String, Json> member : obj.members().entrySet()) {
        json.writeFieldName(member.getKey());
        write(json, member.getValue());
      }
      json.writeEndObject();
    } else if (value instanceof Json.Arr arr) {
      json.writeStartArray();
      for (Json element : arr.elements()) {
        write(json, element);
      }
      json.writeEndArray();
    } else if (value instanceof Json.Str str) {
      json.writeString(str.value());
    } else if (value instanceof Json.Num num) {
      json.writeNumber(num.text());
    } else if (value instanceof Json.Bool bool) {
      json.writeBoolean(bool.value());
    } else {
      json.writeString(null);
    }
  }
}
