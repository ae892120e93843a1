package dev.tombstone.s3;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A bucket's website configuration; stored and returned, the website endpoint is not served.
 * Either {@code redirectAllRequestsTo} alone, or an index document with an optional error
 * document and routing rules.
 */
public record BucketWebsite(
    Optional<String> indexDocumentSuffix,
    Optional<String> errorDocumentKey,
    Optional<RedirectAllRequestsTo> redirectAllRequestsTo,
    List<RoutingRule> routingRules) {
  public BucketWebsite {
    Objects.requireNonNull(indexDocumentSuffix, "indexDocumentSuffix");
    Objects.requireNonNull(errorDocumentKey, "errorDocumentKey");
    Objects.requireNonNull(redirectAllRequestsTo, "redirectAllRequestsTo");
    routingRules = List.copyOf(routingRules);
  }

  /** Where every request to the website goes. */
  public record RedirectAllRequestsTo(String hostName, Optional<String> protocol) {
    public RedirectAllRequestsTo {
      Objects.requireNonNull(hostName, "hostName");
      Objects.requireNonNull(protocol, "protocol");
    }
  }

  /**
   * One routing rule: a condition (empty when both parts are) and its redirect.
   *
   * @param httpErrorCodeReturnedEquals a 4XX or 5XX status, as text
   */
  public record RoutingRule(
      Optional<String> keyPrefixEquals,
      Optional<String> httpErrorCodeReturnedEquals,
      Redirect redirect) {
    public RoutingRule {
      Objects.requireNonNull(keyPrefixEquals, "keyPrefixEquals");
      Objects.requireNonNull(httpErrorCodeReturnedEquals, "httpErrorCodeReturnedEquals");
      Objects.requireNonNull(redirect, "redirect");
    }
  }

  /**
   * Where a routing rule sends a request.
   *
   * @param httpRedirectCode a 3XX status other than 300, as text
   */
  public record Redirect(
      Optional<String> hostName,
      Optional<String> httpRedirectCode,
      Optional<String> protocol,
      Optional<String> replaceKeyPrefixWith,
      Optional<String> replaceKeyWith) {
    public Redirect {
      Objects.requireNonNull(hostName, "hostName");
      Objects.requireNonNull(httpRedirectCode, "httpRedirectCode");
      Objects.requireNonNull(protocol, "protocol");
      Objects.requireNonNull(replaceKeyPrefixWith, "replaceKeyPrefixWith");
      Objects.requireNonNull(replaceKeyWith, "replaceKeyWith");
    }
  }
}
