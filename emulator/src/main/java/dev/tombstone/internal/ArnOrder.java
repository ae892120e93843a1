package dev.tombstone.internal;

import java.util.Comparator;

/**
 * The orders ListBackups and ListStreams answer in, computed from the ARN alone, so that an
 * {@code ExclusiveStart...Arn} has a place in the listing even when that backup or stream is
 * gone or filtered out: the next page starts after where it stood.
 *
 * <pre>{@code
 * ArnOrder.BACKUPS.compare(".../table/orders/backup/01767225600000-ffffffff",
 *     ".../table/orders/backup/01767225601000-00000000");   // negative: the first is older
 * }</pre>
 *
 * <p>Internal: the DynamoDB domain keeps its backups and streams in these orders, and the
 * protocol layer finds where a page starts with them.
 */
public final class ArnOrder {
  /**
   * Backups oldest first: by the creation milliseconds an ARN ends with ({@code
   * /backup/<14 digits>-<8 hex digits>}), then by ARN. An ARN not of that shape comes after every
   * backup.
   */
  public static final Comparator<String> BACKUPS = Comparator
      .comparingLong(ArnOrder::backupCreationMillis)
      .thenComparing(Comparator.naturalOrder());

  /**
   * Streams newest first: by the label after {@code /stream/} (its creation time, {@code
   * yyyy-MM-ddTHH:mm:ss.SSS}, which sorts as text), then by ARN, both descending.
   */
  public static final Comparator<String> STREAMS_NEWEST_FIRST = Comparator
      .comparing(ArnOrder::streamLabel)
      .thenComparing(Comparator.naturalOrder())
      .reversed();

  private static final String BACKUP = "/backup/";
  private static final String STREAM = "/stream/";
  private static final int MILLIS_DIGITS = 14;

  private ArnOrder() {}

  private static long backupCreationMillis(String arn) {
    int start = arn.lastIndexOf(BACKUP) + BACKUP.length();
    int end = start + MILLIS_DIGITS;
    if (start < BACKUP.length() || end >= arn.length() || arn.charAt(end) != '-') {
      return Long.MAX_VALUE;
    }
    long millis = 0;
    for (int i = start; i < end; i++) {
      char c = arn.charAt(i);
      if (c < '0' || c > '9') {
        return Long.MAX_VALUE;
      }
      millis = millis * 10 + (c - '0');
    }
    return millis;
  }

  private static String streamLabel(String arn) {
    int at = arn.lastIndexOf(STREAM);
    return at < 0 ? arn : arn.substring(at + STREAM.length());
  }
}
