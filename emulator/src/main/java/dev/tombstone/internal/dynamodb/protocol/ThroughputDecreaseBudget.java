package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.DynamoDbError;
import dev.tombstone.dynamodb.TableDefinition;
import dev.tombstone.dynamodb.TableDescription;
import dev.tombstone.internal.dynamodb.TableAttachments;
import dev.tombstone.internal.dynamodb.TableAttachments.ThroughputChanges;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * DynamoDB's limit on provisioned throughput decreases, for the table and for each global index
 * apart: four in a UTC day, then one an hour after the last one, until midnight UTC gives four
 * again. An update that lowers either unit is a decrease, however many units fall and whatever
 * else rises; an update that would exceed the table's or any index's budget changes nothing.
 */
final class ThroughputDecreaseBudget {
  static final int FREE_PER_DAY = 4;
  static final Duration SPACING = Duration.ofHours(1);
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern(
      "EEEE, MMMM d, yyyy 'at' h:mm:ss a 'Coordinated Universal Time'", Locale.US)
      .withZone(ZoneOffset.UTC);

  private ThroughputDecreaseBudget() {}

  /** The new units of one global index that an UpdateTable asks for. */
  record IndexUnits(String name, long read, long write) {}

  /**
   * Refuses the update of the provisioned table {@code before} to {@code read}/{@code write}
   * (null: the table's units stay) and to {@code indexes}, when it lowers a throughput whose
   * budget is spent. A table that is, or becomes, on demand has no budget to spend.
   *
   * @throws DynamoDbError.LimitExceeded with AWS's text, naming when the next decrease may be
   */
  static void check(TableAttachments attachments, TableDescription before, Long read,
      Long write, String billingMode, List<IndexUnits> indexes) {
    TableDefinition table = before.definition();
    if (table.billingMode() != TableDefinition.BillingMode.PROVISIONED
        || "PAY_PER_REQUEST".equals(billingMode)) {
      return;
    }
    Instant now = attachments.clock().instant();
    if (read != null && write != null
        && (read < table.readCapacityUnits() || write < table.writeCapacityUnits())) {
      check(ThroughputChangeDates.of(attachments, before), now);
    }
    for (IndexUnits units : indexes) {
      for (TableDefinition.IndexDefinition index : table.globalSecondaryIndexes()) {
        if (index.name().equals(units.name())
            && (units.read() < index.readCapacityUnits()
                || units.write() < index.writeCapacityUnits())) {
          check(ThroughputChangeDates.of(attachments, before, index.name()), now);
        }
      }
    }
  }

  private static void check(ThroughputChanges changes, Instant now) {
    LocalDate today = ThroughputChangeDates.today(now);
    int made = ThroughputChangeDates.decreasesOn(changes, today);
    if (made < FREE_PER_DAY) {
      return;
    }
    Instant spaced = changes.lastDecrease().plus(SPACING);
    if (!now.isBefore(spaced)) {
      return;
    }
    Instant midnight = today.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant next = spaced.isBefore(midnight) ? spaced : midnight;
    throw new DynamoDbError.LimitExceeded("Subscriber limit exceeded: Provisioned throughput"
        + " decreases are limited within a given UTC day. After the first " + FREE_PER_DAY
        + " decreases, each subsequent decrease in the same UTC day can be performed at most"
        + " once every " + SPACING.toSeconds() + " seconds. Number of decreases today: " + made
        + ". Last decrease at " + WHEN.format(changes.lastDecrease())
        + ". Next decrease can be made at " + WHEN.format(next));
  }
}
