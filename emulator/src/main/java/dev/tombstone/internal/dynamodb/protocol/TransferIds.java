package dev.tombstone.internal.dynamodb.protocol;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The ids, ARNs, page tokens and times of exports and imports, in the shapes DynamoDB gives them:
 * an id is the start time in milliseconds on 14 digits and 8 hex digits, an ARN its table's ARN
 * followed by {@code /export/<id>} or {@code /import/<id>}.
 */
final class TransferIds {
  /** The ARN of an export or an import: a table ARN (3-255 character name), kind and id. */
  private static final Pattern ARN = Pattern.compile(
      "arn:[^:]+:dynamodb:[^:]+:[^:]+:table/[a-zA-Z0-9_.-]{3,255}/(export|import)/[^/]+");
  private static final DateTimeFormatter MANIFEST_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
  private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
  // Page tokens are hex in blocks of 16, at least 112 long, as the model's NextToken pattern asks.
  private static final int TOKEN_BLOCK = 16;
  private static final int TOKEN_MIN = 112;

  private TransferIds() {}

  static String id(Instant start) {
    return String.format("%014d-%08x", start.toEpochMilli(),
        ThreadLocalRandom.current().nextInt());
  }

  /** Whether {@code arn} is shaped as an ARN of {@code kind} ({@code export}, {@code import}). */
  static boolean isArn(String arn, String kind) {
    var matcher = ARN.matcher(arn);
    return matcher.matches() && matcher.group(1).equals(kind);
  }

  /** The table ARN an export or import ARN starts with. */
  static String tableArn(String arn) {
    int cut = Math.max(arn.lastIndexOf("/export/"), arn.lastIndexOf("/import/"));
    return arn.substring(0, cut);
  }

  /** A data file name as exports name them: 26 base32 characters. */
  static String dataFileName() {
    StringBuilder name = new StringBuilder(26);
    for (int i = 0; i < 26; i++) {
      name.append(BASE32[ThreadLocalRandom.current().nextInt(BASE32.length)]);
    }
    return name.toString();
  }

  /** A time as the export manifests write it: {@code 2020-11-04T07:28:34.028Z}. */
  static String manifestTime(Instant time) {
    return MANIFEST_TIME.format(time);
  }

  /** The NextToken that resumes a listing after {@code arn}. */
  static String nextToken(String arn) {
    StringBuilder token = new StringBuilder(
        HexFormat.of().formatHex(arn.getBytes(StandardCharsets.UTF_8)));
    while (token.length() < TOKEN_MIN || token.length() % TOKEN_BLOCK != 0) {
      token.append('0');
    }
    return token.toString();
  }

  /** The ARN a NextToken resumes after; null when it is not a token this emulator gave. */
  static String afterToken(String token) {
    if (token.length() < TOKEN_MIN || token.length() % TOKEN_BLOCK != 0
        || !token.matches("[0-9a-f]+")) {
      return null;
    }
    String hex = token.replaceAll("(00)+$", "");
    if (hex.length() % 2 != 0) {
      hex = hex + "0";
    }
    return new String(HexFormat.of().parseHex(hex), StandardCharsets.UTF_8);
  }

  /**
   * Where a page of {@code listed} starts: after the entry whose ARN is {@code after}, at the
   * first entry when {@code after} is null, past the last when no entry has that ARN.
   */
  static <T> int pageStart(List<T> listed, Function<T, String> arnOf, String after) {
    if (after == null) {
      return 0;
    }
    for (int i = listed.size() - 1; i >= 0; i--) {
      if (arnOf.apply(listed.get(i)).equals(after)) {
        return i + 1;
      }
    }
    return listed.size();
  }
}
