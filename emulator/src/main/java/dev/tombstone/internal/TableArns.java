package dev.tombstone.internal;

import java.util.Optional;

/**
 * The syntax of the table ARN that TagResource, UntagResource and ListTagsOfResource take,
 * checked before anything else about the request (dynalite test/tagResource.js and
 * test/untagResource.js, "should return ValidationException for invalid ResourceArn" with
 * empty tag lists).
 */
public final class TableArns {
  private static final String PREFIX = "arn:aws:dynamodb:";
  private static final String TABLE = ":table/";
  private static final String INVALID_PARAMETERS = "One or more parameter values were invalid: ";

  private TableArns() {}

  /** DynamoDB's ValidationException text for {@code arn}, if it is not a table ARN. */
  public static Optional<String> problem(String arn) {
    if (!arn.startsWith("arn:")) {
      return Optional.of(INVALID_PARAMETERS + "ARNs must start with 'arn:': " + arn);
    }
    int slash = arn.indexOf(TABLE);
    if (!arn.startsWith(PREFIX) || slash < 0) {
      return Optional.of(invalid(arn));
    }
    String name = arn.substring(slash + TABLE.length());
    if (name.contains("/index/")) {
      // AWS's current text (ScyllaDB's test_tag.py quotes it from a 2026 run against AWS).
      return Optional.of(INVALID_PARAMETERS + "Invalid resource arn provided, only table or"
          + " stream is accepted. Provided resource arn: " + arn);
    }
    int end = name.indexOf('/');
    if (!TableNameRules.tableNameViolations(end < 0 ? name : name.substring(0, end)).isEmpty()) {
      // A name too short, say (dynalite test/listTagsOfResource.js, "short table name"); a
      // longer resource path (a stream's) is left to the lookup.
      return Optional.of(invalid(arn));
    }
    return Optional.empty();
  }

  /** The resource path after {@code :table/} of an ARN {@link #problem} accepts. */
  public static String tableName(String arn) {
    return arn.substring(arn.indexOf(TABLE) + TABLE.length());
  }

  /** The region of a table ARN the emulator made ({@code arn:aws:dynamodb:<region>:…}). */
  public static String region(String arn) {
    return arn.split(":", 5)[3];
  }

  private static String invalid(String arn) {
    return "Invalid TableArn: Invalid ResourceArn provided as input " + arn;
  }
}
