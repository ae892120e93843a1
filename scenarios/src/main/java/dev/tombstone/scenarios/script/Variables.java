package dev.tombstone.scenarios.script;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Postman-style variables: {@code {{name}}} in URLs, headers, bodies and expected values is
 * replaced by the variable's value. An undefined variable is an error, not an empty string,
 * so a typo in a script fails loudly.
 */
public final class Variables {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([A-Za-z0-9_.-]+)}}");
  private final Map<String, String> values;

  /** Variables with the given initial values (e.g. {@code baseUrl}, {@code gatewayUrl}). */
  public Variables(Map<String, String> initial) {
    this.values = new LinkedHashMap<>(initial);
  }

  /** Sets {@code name} to {@code value}, as a capture does. */
  public void set(String name, String value) {
    values.put(name, value);
  }

  /** Replaces every placeholder in {@code template}. */
  public String resolve(String template) {
    if (template == null) {
      return null;
    }
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = values.get(m.group(1));
      if (value == null) {
        throw new IllegalStateException("undefined variable {{" + m.group(1) + "}} in: " + template);
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** A snapshot of the current values. */
  public Map<String, String> asMap() {
    return Map.copyOf(values);
  }
}
