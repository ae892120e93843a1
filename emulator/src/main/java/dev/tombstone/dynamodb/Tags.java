package dev.tombstone.dynamodb;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tags on tables, addressed by table ARN: TagResource, UntagResource, ListTagsOfResource.
 *
 * <pre>{@code
 * String arn = dynamo.describeTable("orders").arn();
 * dynamo.tagResource(arn, Map.of("team", "billing"));
 * dynamo.listTagsOfResource(arn);   // {team=billing}
 * }</pre>
 *
 * <p>At most 50 tags per table; keys of 1 to 128 characters, values of 0 to 256; keys starting
 * with {@code aws:} are reserved.
 */
public final class Tags {
  static final int MAX_TAGS = 50;
  static final int MAX_KEY = 128;
  static final int MAX_VALUE = 256;

  private Tags() {}

  static void tag(Table table, Map<String, String> tags) {
    for (Map.Entry<String, String> tag : tags.entrySet()) {
      checkKey(tag.getKey());
      if (tag.getValue().length() > MAX_VALUE) {
        throw DynamoDbError.Validation.invalidParameters(
            "Tag value exceeds the maximum length of " + MAX_VALUE + " characters");
      }
      checkCharacters(tag.getValue(), "value");
    }
    table.tag(tags, MAX_TAGS);
  }

  static void untag(Table table, Collection<String> keys) {
    for (String key : keys) {
      checkKey(key);
    }
    table.untag(keys);
  }

  static Map<String, String> list(Table table) {
    Map<String, String> tags = new LinkedHashMap<>();
    List<Map.Entry<String, String>> entries = table.tagList();
    for (Map.Entry<String, String> e : entries) {
      tags.put(e.getKey(), e.getValue());
    }
    return java.util.Collections.unmodifiableMap(tags);
  }

  private static void checkKey(String key) {
    if (key.isEmpty() || key.length() > MAX_KEY) {
      throw DynamoDbError.Validation.invalidParameters(
          "Tag key must be between 1 and " + MAX_KEY + " characters");
    }
    if (key.startsWith("aws:")) {
      throw DynamoDbError.Validation.invalidParameters(
          "Tag keys starting with 'aws:' are reserved for AWS use");
    }
    checkCharacters(key, "key");
  }

  /** Letters, digits, white space and {@code + - = . _ : / @}, as DynamoDB allows. */
  private static void checkCharacters(String text, String what) {
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      if (!Character.isLetterOrDigit(c) && !Character.isWhitespace(c)
          && "+-=._:/@".indexOf(c) < 0) {
        throw DynamoDbError.Validation.invalidParameters(
            "Tag " + what + " contains characters that are not allowed: " + text);
      }
      i += Character.charCount(c);
    }
  }
}
