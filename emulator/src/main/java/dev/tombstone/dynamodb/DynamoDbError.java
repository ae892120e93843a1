package dev.tombstone.dynamodb;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A DynamoDB service error raised by the domain. Each protocol renders it in its own wire
 * shape; the domain only knows the error's kind and message.
 */
public abstract sealed class DynamoDbError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  DynamoDbError(String message) {
    // Errors are expected control flow (a failed condition is a normal outcome), so no stack.
    super(Objects.requireNonNull(message, "message"), null, false, false);
  }

  /** The error name DynamoDB puts after the {@code #} of {@code __type}. */
  public abstract String code();

  /** A request parameter is invalid ({@code ValidationException}). */
  public static final class Validation extends DynamoDbError {
    private static final long serialVersionUID = 1L;
    private static final String INVALID_PARAMETERS = "One or more parameter values were invalid: ";
    private static final String TOO_MANY_DIGITS =
        "Attempting to store more than 38 significant digits in a Number";

    public Validation(String message) {
      super(message);
    }

    /** {@code One or more parameter values were invalid: <detail>}. */
    public static Validation invalidParameters(String detail) {
      return new Validation(INVALID_PARAMETERS + detail);
    }

    /** A {@code Key} (or a batch put's key attributes) that does not fit the table's schema. */
    public static Validation keyMismatch() {
      return new Validation("The provided key element does not match the schema");
    }

    /** A paging start key that is invalid for {@code reason}. */
    public static Validation invalidStartKey(String reason) {
      return new Validation("The provided starting key is invalid: " + reason);
    }

    /** A number with more significant digits than DynamoDB keeps. */
    public static Validation tooManyDigits() {
      return new Validation(TOO_MANY_DIGITS);
    }

    /** Whether this is {@link #tooManyDigits()}. */
    public boolean isTooManyDigits() {
      return TOO_MANY_DIGITS.equals(getMessage());
    }

    @Override
    public String code() {
      return "ValidationException";
    }
  }

  /** The table does not exist or is not active ({@code ResourceNotFoundException}). */
  public static final class ResourceNotFound extends DynamoDbError {
    private static final long serialVersionUID = 1L;

    public ResourceNotFound(String message) {
      super(message);
    }

    /** An item operation's table does not exist. */
    public static ResourceNotFound item() {
      return new ResourceNotFound("Requested resource not found");
    }

    /** A table operation's table does not exist. */
    public static ResourceNotFound table(String name) {
      return new ResourceNotFound("Requested resource not found: Table: " + name + " not found");
    }

    @Override
    public String code() {
      return "ResourceNotFoundException";
    }
  }

  /** Too many of something at once ({@code LimitExceededException}). */
  public static final class LimitExceeded extends DynamoDbError {
    private static final long serialVersionUID = 1L;

    public LimitExceeded(String message) {
      super(message);
    }

    @Override
    public String code() {
      return "LimitExceededException";
    }
  }

  /**
   * A {@code ClientRequestToken} reused with a different request within its idempotency window
   * ({@code IdempotentParameterMismatchException}).
   */
  public static final class IdempotentParameterMismatch extends DynamoDbError {
    private static final long serialVersionUID = 1L;

    public IdempotentParameterMismatch(String message) {
      super(message);
    }

    @Override
    public String code() {
      return "IdempotentParameterMismatchException";
    }
  }

  /** The table exists already or is busy ({@code ResourceInUseException}). */
  public static final class ResourceInUse extends DynamoDbError {
    private static final long serialVersionUID = 1L;

    public ResourceInUse(String message) {
      super(message);
    }

    @Override
    public String code() {
      return "ResourceInUseException";
    }
  }

  /**
   * A condition evaluated to false ({@code ConditionalCheckFailedException}); carries the
   * current item when the request asked for it with {@code ReturnValuesOnConditionCheckFailure}.
   */
  public static final class ConditionalCheckFailed extends DynamoDbError {
    private static final long serialVersionUID = 1L;
    public static final String MESSAGE = "The conditional request failed";
    private final transient Item item;

    public ConditionalCheckFailed(Item item) {
      super(MESSAGE);
      this.item = item;
    }

    /** The item as it was when the condition failed, if the request asked for it. */
    public Optional<Item> item() {
      return Optional.ofNullable(item);
    }

    @Override
    public String code() {
      return "ConditionalCheckFailedException";
    }
  }

  /** A transaction was cancelled; one reason per request element, in request order. */
  public static final class TransactionCanceled extends DynamoDbError {
    private static final long serialVersionUID = 1L;
    private final transient List<CancellationReason> reasons;

    public TransactionCanceled(List<CancellationReason> reasons) {
      super(message(reasons));
      this.reasons = List.copyOf(reasons);
    }

    public List<CancellationReason> reasons() {
      return reasons;
    }

    private static String message(List<CancellationReason> reasons) {
      StringBuilder codes = new StringBuilder();
      for (CancellationReason reason : reasons) {
        codes.append(codes.length() == 0 ? "" : ", ").append(reason.code());
      }
      return "Transaction cancelled, please refer cancellation reasons for specific reasons ["
          + codes + "]";
    }

    @Override
    public String code() {
      return "TransactionCanceledException";
    }
  }

  /**
   * A shard iterator used more than 15 minutes (on the emulator's clock) after it was handed out
   * ({@code ExpiredIteratorException}, DynamoDB Streams).
   */
  public static final class ExpiredIterator extends DynamoDbError {
    private static final long serialVersionUID = 1L;

    public ExpiredIterator() {
      super("The shard iterator has expired and can no longer be used to retrieve stream"
          + " records. A shard iterator expires 15 minutes after it is retrieved using the"
          + " GetShardIterator action.");
    }

    @Override
    public String code() {
      return "ExpiredIteratorException";
    }
  }

  /**
   * A read of stream records that were trimmed: older than 24 hours, or past the shard's cap
   * ({@code TrimmedDataAccessException}, DynamoDB Streams).
   */
  public static final class TrimmedDataAccess extends DynamoDbError {
    private static final long serialVersionUID = 1L;

    public TrimmedDataAccess() {
      super("The operation attempted to read past the oldest stream record in a shard.");
    }

    @Override
    public String code() {
      return "TrimmedDataAccessException";
    }
  }

  /**
   * A backup or point-in-time operation names a table that does not exist ({@code
   * TableNotFoundException}); the backup operations use this rather than
   * {@code ResourceNotFoundException}.
   */
  public static final class TableNotFound extends DynamoDbError {
    private static final long serialVersionUID = 1L;

    public TableNotFound(String tableName) {
      super("Table not found: " + tableName);
    }

    @Override
    public String code() {
      return "TableNotFoundException";
    }
  }

  /** No backup has that ARN, or it expired ({@code BackupNotFoundException}). */
  public static final class BackupNotFound extends DynamoDbError {
    private static final long serialVersionUID = 1L;

    public BackupNotFound(String backupArn) {
      super("Backup not found: " + backupArn);
    }

    @Override
    public String code() {
      return "BackupNotFoundException";
    }
  }

  /** A restore's target table exists already ({@code TableAlreadyExistsException}). */
  public static final class TableAlreadyExists extends DynamoDbError {
    private static final long serialVersionUID = 1L;

    public TableAlreadyExists(String tableName) {
      super("Table already exists: " + tableName);
    }

    @Override
    public String code() {
      return "TableAlreadyExistsException";
    }
  }

  /**
   * A point-in-time restore of a table whose point-in-time recovery is off ({@code
   * PointInTimeRecoveryUnavailableException}).
   */
  public static final class PointInTimeRecoveryUnavailable extends DynamoDbError {
    private static final long serialVersionUID = 1L;

    public PointInTimeRecoveryUnavailable(String tableName) {
      super("Point in time recovery is not enabled for table '" + tableName + "'");
    }

    @Override
    public String code() {
      return "PointInTimeRecoveryUnavailableException";
    }
  }

  /**
   * A restore time outside the table's restorable window ({@code InvalidRestoreTimeException}).
   */
  public static final class InvalidRestoreTime extends DynamoDbError {
    private static final long serialVersionUID = 1L;

    public InvalidRestoreTime() {
      super("RestoreDateTime must be between EarliestRestorableDateTime and"
          + " LatestRestorableDateTime");
    }

    @Override
    public String code() {
      return "InvalidRestoreTimeException";
    }
  }

  /** Why one element of a transaction was cancelled ({@code None} when it was not at fault). */
  public record CancellationReason(String code, Optional<String> message, Optional<Item> item) {
    public static final CancellationReason NONE =
        new CancellationReason("None", Optional.empty(), Optional.empty());
  }
}
