package dev.tombstone.internal.s3.protocol;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds bucket and key from the {@code Host} header and the raw path: virtual-hosted style
 * ({@code photos.localhost:4566/cat.jpg}) when the host is a bucket name in front of a known
 * S3 host, path style ({@code localhost:4566/photos/cat.jpg}) otherwise. Both reach the same
 * buckets. The key is decoded once and never normalised ({@code a//b}, {@code ./} stay).
 */
final class Addressing {
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern AWS_HOST = Pattern.compile(
      "s3\\.amazonaws\\.com|s3[.-][a-z0-9-]+\\.amazonaws\\.com"
          + "|s3\\.dualstack\\.[a-z0-9-]+\\.amazonaws\\.com");

  /** The last Host header resolved and the bucket it names: a client sends one host. */
  private static volatile String lastBucket = "";
  private static volatile HostBucket lastHost = new HostBucket("", Optional.empty());

  private record HostBucket(String hostHeader, Optional<String> bucket) {}

  private Addressing() {}

  static Resource resolve(String hostHeader, String rawPath) {
    int start = rawPath.startsWith("/") ? 1 : 0;
    Optional<String> virtualBucket = virtualHostedBucketOf(hostHeader);
    if (virtualBucket.isPresent()) {
      return Resource.of(virtualBucket.get(), PercentDecoding.decode(rawPath.substring(start)));
    }
    if (start == rawPath.length()) {
      return Resource.service();
    }
    int slash = rawPath.indexOf('/', start);
    int bucketEnd = slash < 0 ? rawPath.length() : slash;
    String bucket = PercentDecoding.decode(bucketText(rawPath, start, bucketEnd));
    String key = slash < 0 ? "" : PercentDecoding.decode(rawPath.substring(slash + 1));
    return Resource.of(bucket, key);
  }

  /**
   * The path's bucket segment; the previous request's instance when it names the same bucket,
   * as nearly every request of a test or a load does.
   */
  private static String bucketText(String rawPath, int start, int end) {
    String last = lastBucket;
    if (last.length() == end - start && rawPath.regionMatches(start, last, 0, last.length())) {
      return last;
    }
    String bucket = rawPath.substring(start, end);
    lastBucket = bucket;
    return bucket;
  }

  /** {@link #virtualHostedBucket} of a Host header, without its regexes when the header repeats. */
  private static Optional<String> virtualHostedBucketOf(String hostHeader) {
    HostBucket last = lastHost;
    if (Objects.equals(last.hostHeader(), hostHeader)) {
      return last.bucket();
    }
    Optional<String> bucket = virtualHostedBucket(hostName(hostHeader));
    lastHost = new HostBucket(hostHeader, bucket);
    return bucket;
  }

  /** The bucket in front of the longest known S3 host, if the host has that shape. */
  static Optional<String> virtualHostedBucket(String host) {
    if (host.isEmpty() || isBaseHost(host)) {
      return Optional.empty();
    }
    // Scanning from the left finds the longest base-host suffix first.
    for (int dot = host.indexOf('.'); dot > 0; dot = host.indexOf('.', dot + 1)) {
      if (isBaseHost(host.substring(dot + 1))) {
        return Optional.of(host.substring(0, dot));
      }
    }
    return Optional.empty();
  }

  static boolean isBaseHost(String host) {
    return host.equals("localhost")
        || host.equals("s3.localhost")
        || (host.startsWith("[") && host.endsWith("]"))
        || IPV4.matcher(host).matches()
        || AWS_HOST.matcher(host).matches();
  }

  /** The host name without port, lower-case; IPv6 literals keep their brackets. */
  static String hostName(String hostHeader) {
    String host = hostHeader == null ? "" : hostHeader.trim().toLowerCase(Locale.ROOT);
    if (host.startsWith("[")) {
      int close = host.indexOf(']');
      return close < 0 ? host : host.substring(0, close + 1);
    }
    int colon = host.lastIndexOf(':');
    return colon < 0 ? host : host.substring(0, colon);
  }
}
