package dev.tombstone.internal.dynamodb;

import dev.tombstone.dynamodb.DynamoDbError;
import dev.tombstone.internal.TableNameRules;

/**
 * The syntax of the table ARN that TagResource, UntagResource and ListTagsOfResource take,
 * checked before anything else about the request (dynalite test/tagResource.js and
 * test/untagResource.js, "should return ValidationException for invalid ResourceArn" with
 * empty tag lists).
 */
public final class TableArns {
  private static final String PREFIX = "arn:aws:dynamodb:";
  private static final String TABLE = ":table/";

  private TableArns() {}

  /**
   * The table name {@code arn} names.
   *
   * @throws DynamoDbError.Validation when {@code arn} is not a table ARN
   */
  public static String tableName(String arn) {
    if (!arn.startsWith("arn:")) {
      throw DynamoDbError.Validation.invalidParameters("ARNs must start with 'arn:': " + arn);
    }
    int slash = arn.indexOf(TABLE);
    if (!arn.startsWith(PREFIX) || slash < 0) {
      throw invalid(arn);
    }
    String name = arn.substring(slash + TABLE.length());
    if (name.contains("/index/")) {
      // AWS's current text (ScyllaDB's test_tag.py quotes it from a 2026 run against AWS).
      throw DynamoDbError.Validation.invalidParameters("Invalid resource arn provided, only"
          + " table or stream is accepted. Provided resource arn: " + arn);
    }
    int end = name.indexOf('/');
    if (!TableNameRules.tableNameViolations(end < 0 ? name : name.substring(0, end)).isEmpty()) {
      // A name too short, say (dynalite test/listTagsOfResource.js, "short table name"); a
      // longer resource path (a stream's) is left to the lookup, as before.
      throw invalid(arn);
    }
    return name;
  }

  private static DynamoDbError.Validation invalid(String arn) {
    return new DynamoDbError.Validation(
        "Invalid TableArn: Invalid ResourceArn provided as input " + arn);
  }
}
