package dev.tombstone.internal.dynamodb.protocol;

/** The API model's constraints on a {@code BackupArn} member: 37 to 1024 characters. */
final class BackupArns {
  static final int MIN_LENGTH = 37;
  static final int MAX_LENGTH = 1024;

  private BackupArns() {}

  static void constrain(Constraints constraints, String path, String arn, boolean required) {
    if (required) {
      constraints.notNull(path, arn);
    }
    constraints.lengthBetween(path, arn, MIN_LENGTH, MAX_LENGTH);
  }
}
