package dev.tombstone.internal.s3.protocol;

import dev.tombstone.s3.BucketWebsite;
import dev.tombstone.s3.BucketWebsite.Redirect;
import dev.tombstone.s3.BucketWebsite.RedirectAllRequestsTo;
import dev.tombstone.s3.BucketWebsite.RoutingRule;
import dev.tombstone.s3.ObjectContent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The WebsiteConfiguration document: read as PutBucketWebsite validates it (a schema break is
 * MalformedXML, the rules S3 checks beyond the schema InvalidArgument or InvalidRequest with
 * its texts), written in the element order of the API reference.
 */
final class WebsiteDocuments {
  static final int MAX_ROUTING_RULES = 50;
  private static final Set<String> ROOT_ELEMENTS = Set.of("IndexDocument", "ErrorDocument",
      "RedirectAllRequestsTo", "RoutingRules");
  private static final Set<String> REDIRECT_ELEMENTS = Set.of("HostName", "HttpRedirectCode",
      "Protocol", "ReplaceKeyPrefixWith", "ReplaceKeyWith");
  private static final Set<String> CONDITION_ELEMENTS =
      Set.of("KeyPrefixEquals", "HttpErrorCodeReturnedEquals");
  private static final String INVALID_PROTOCOL = "Invalid protocol, protocol can be http or"
      + " https. If not defined the protocol will be selected automatically.";

  private WebsiteDocuments() {}

  /** @throws WireError MalformedXML, InvalidArgument or InvalidRequest */
  static BucketWebsite read(ObjectContent document) {
    XmlElement root = XmlReader.parse(document);
    if (!root.is("WebsiteConfiguration")) {
      throw WireError.malformedXml();
    }
    root.onlyChildren(ROOT_ELEMENTS);
    Optional<XmlElement> redirectAll = single(root, "RedirectAllRequestsTo");
    Optional<XmlElement> index = single(root, "IndexDocument");
    Optional<XmlElement> error = single(root, "ErrorDocument");
    Optional<XmlElement> routing = single(root, "RoutingRules");
    if (redirectAll.isPresent()) {
      if (index.isPresent() || error.isPresent() || routing.isPresent()) {
        throw WireError.invalidArgument("RedirectAllRequestsTo cannot be provided in conjunction"
            + " with other Routing Rules.", "RedirectAllRequestsTo", "not null");
      }
      return new BucketWebsite(Optional.empty(), Optional.empty(),
          Optional.of(redirectAll(redirectAll.get())), List.of());
    }
    if (index.isEmpty()) {
      throw WireError.invalidArgument("A value for IndexDocument Suffix must be provided if"
          + " RedirectAllRequestsTo is empty", "IndexDocument", "null");
    }
    index.get().onlyChildren(Set.of("Suffix"));
    String suffix = index.get().childText("Suffix").orElseThrow(WireError::malformedXml);
    if (suffix.isEmpty() || suffix.indexOf('/') >= 0) {
      throw WireError.invalidArgument("The IndexDocument Suffix is not well formed",
          "IndexDocument", suffix);
    }
    Optional<String> errorKey = Optional.empty();
    if (error.isPresent()) {
      error.get().onlyChildren(Set.of("Key"));
      String key = error.get().childText("Key").orElseThrow(WireError::malformedXml);
      if (key.isEmpty()) {
        throw WireError.invalidArgument("The ErrorDocument Key is not well formed",
            "ErrorDocument", key);
      }
      errorKey = Optional.of(key);
    }
    List<RoutingRule> rules = routing.isPresent() ? rules(routing.get()) : List.of();
    return new BucketWebsite(Optional.of(suffix), errorKey, Optional.empty(), rules);
  }

  private static RedirectAllRequestsTo redirectAll(XmlElement element) {
    element.onlyChildren(Set.of("HostName", "Protocol"));
    String host = element.childText("HostName").orElseThrow(WireError::malformedXml);
    if (host.isBlank()) {
      throw WireError.invalidRequest(
          "A host name must be provided to redirect all requests (e.g. \"example.com\").");
    }
    return new RedirectAllRequestsTo(host, protocol(element));
  }

  private static List<RoutingRule> rules(XmlElement routing) {
    routing.onlyChildren(Set.of("RoutingRule"));
    List<XmlElement> elements = routing.children();
    if (elements.isEmpty()) {
      throw WireError.malformedXml();
    }
    if (elements.size() > MAX_ROUTING_RULES) {
      throw WireError.invalidRequest(elements.size() + " routing rules provided, the number of"
          + " routing rules in a website configuration is limited to " + MAX_ROUTING_RULES + ".");
    }
    List<RoutingRule> rules = new ArrayList<>();
    for (XmlElement rule : elements) {
      rule.onlyChildren(Set.of("Condition", "Redirect"));
      XmlElement redirect = single(rule, "Redirect").orElseThrow(WireError::malformedXml);
      Optional<XmlElement> condition = single(rule, "Condition");
      Optional<String> prefix = Optional.empty();
      Optional<String> errorCode = Optional.empty();
      if (condition.isPresent()) {
        condition.get().onlyChildren(CONDITION_ELEMENTS);
        prefix = condition.get().childText("KeyPrefixEquals");
        errorCode = condition.get().childText("HttpErrorCodeReturnedEquals");
        if (prefix.isEmpty() && errorCode.isEmpty()) {
          throw WireError.invalidRequest("Condition cannot be empty. To redirect all requests"
              + " without a condition, the condition element shouldn't be present.");
        }
        errorCode.ifPresent(code -> status(code, 400, 599, "error", "4XX or 5XX"));
      }
      rules.add(new RoutingRule(prefix, errorCode, redirect(redirect)));
    }
    return rules;
  }

  private static Redirect redirect(XmlElement element) {
    element.onlyChildren(REDIRECT_ELEMENTS);
    Optional<String> replaceKey = element.childText("ReplaceKeyWith");
    Optional<String> replacePrefix = element.childText("ReplaceKeyPrefixWith");
    if (replaceKey.isPresent() && replacePrefix.isPresent()) {
      throw WireError.invalidRequest(
          "You can only define ReplaceKeyPrefix or ReplaceKey but not both.");
    }
    Optional<String> code = element.childText("HttpRedirectCode");
    code.ifPresent(value -> status(value, 301, 399, "redirect", "3XX except 300"));
    return new Redirect(element.childText("HostName"), code, protocol(element), replacePrefix,
        replaceKey);
  }

  private static Optional<String> protocol(XmlElement element) {
    Optional<String> protocol = element.childText("Protocol");
    if (protocol.isPresent() && !protocol.get().equals("http")
        && !protocol.get().equals("https")) {
      throw WireError.invalidRequest(INVALID_PROTOCOL);
    }
    return protocol;
  }

  private static void status(String text, int lowest, int highest, String kind, String valid) {
    if (text.isEmpty() || text.length() > 3
        || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw WireError.malformedXml();
    }
    int code = Integer.parseInt(text);
    if (code < lowest || code > highest) {
      throw WireError.invalidRequest("The provided HTTP " + kind + " code (" + text
          + ") is not valid. Valid codes are " + valid + ".");
    }
  }

  private static Optional<XmlElement> single(XmlElement parent, String name) {
    List<XmlElement> found = parent.children(name);
    if (found.size() > 1) {
      throw WireError.malformedXml();
    }
    return found.stream().findFirst();
  }

  static byte[] write(BucketWebsite website) {
    XmlWriter xml = XmlWriter.document("WebsiteConfiguration");
    website.redirectAllRequestsTo().ifPresent(redirect -> {
      xml.start("RedirectAllRequestsTo").element("HostName", redirect.hostName());
      redirect.protocol().ifPresent(protocol -> xml.element("Protocol", protocol));
      xml.end();
    });
    website.indexDocumentSuffix().ifPresent(suffix ->
        xml.start("IndexDocument").element("Suffix", suffix).end());
    website.errorDocumentKey().ifPresent(key ->
        xml.start("ErrorDocument").element("Key", key).end());
    if (!website.routingRules().isEmpty()) {
      xml.start("RoutingRules");
      for (RoutingRule rule : website.routingRules()) {
        xml.start("RoutingRule");
        if (rule.keyPrefixEquals().isPresent() || rule.httpErrorCodeReturnedEquals().isPresent()) {
          xml.start("Condition");
          rule.httpErrorCodeReturnedEquals()
              .ifPresent(code -> xml.element("HttpErrorCodeReturnedEquals", code));
          rule.keyPrefixEquals().ifPresent(prefix -> xml.element("KeyPrefixEquals", prefix));
          xml.end();
        }
        Redirect redirect = rule.redirect();
        xml.start("Redirect");
        redirect.hostName().ifPresent(host -> xml.element("HostName", host));
        redirect.httpRedirectCode().ifPresent(code -> xml.element("HttpRedirectCode", code));
        redirect.protocol().ifPresent(protocol -> xml.element("Protocol", protocol));
        redirect.replaceKeyPrefixWith()
            .ifPresent(prefix -> xml.element("ReplaceKeyPrefixWith", prefix));
        redirect.replaceKeyWith().ifPresent(key -> xml.element("ReplaceKeyWith", key));
        xml.end().end();
      }
      xml.end();
    }
    return xml.toBytes();
  }
}
