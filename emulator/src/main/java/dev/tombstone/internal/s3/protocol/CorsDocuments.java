package dev.tombstone.internal.s3.protocol;

import dev.tombstone.s3.CorsRule;
import dev.tombstone.s3.ObjectContent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The CORSConfiguration document: read as PutBucketCors validates it, written in the element
 * order of GetBucketCors. A document that breaks S3's schema (no rule, a rule without
 * AllowedMethod or AllowedOrigin, an unknown element, a bad MaxAgeSeconds) is MalformedXML; only
 * then are the rule count (at most 100) and the values checked, each failure InvalidRequest with
 * S3's text.
 */
final class CorsDocuments {
  static final int MAX_RULES = 100;
  private static final int MAX_ID_LENGTH = 255;
  private static final String HEADER_NAME_SYMBOLS = "!#$%&'*+-.^_`|~";
  private static final Set<String> METHODS = Set.of("GET", "PUT", "HEAD", "POST", "DELETE");
  private static final Set<String> RULE_ELEMENTS = Set.of("ID", "AllowedMethod",
      "AllowedOrigin", "AllowedHeader", "MaxAgeSeconds", "ExposeHeader");

  private CorsDocuments() {}

  /** @throws WireError MalformedXML or InvalidRequest */
  static List<CorsRule> read(ObjectContent document) {
    XmlElement root = XmlReader.parse(document);
    if (!root.is("CORSConfiguration") || !root.text().isBlank()) {
      throw WireError.malformedXml();
    }
    List<XmlElement> elements = root.children();
    if (elements.isEmpty()) {
      throw WireError.malformedXml();
    }
    List<CorsRule> rules = new ArrayList<>();
    for (XmlElement element : elements) {
      if (!element.name().equals("CORSRule")) {
        throw WireError.malformedXml();
      }
      rules.add(rule(element));
    }
    if (rules.size() > MAX_RULES) {
      throw WireError.invalidRequest("The number of CORS rules should not exceed allowed limit of "
          + MAX_RULES + " rules.");
    }
    rules.forEach(CorsDocuments::checkValues);
    return rules;
  }

  private static CorsRule rule(XmlElement rule) {
    if (!rule.text().isBlank()) {
      throw WireError.malformedXml();
    }
    for (XmlElement child : rule.children()) {
      if (!RULE_ELEMENTS.contains(child.name()) || !child.children().isEmpty()) {
        throw WireError.malformedXml();
      }
    }
    List<String> methods = texts(rule, "AllowedMethod");
    List<String> origins = texts(rule, "AllowedOrigin");
    if (methods.isEmpty() || origins.isEmpty()) {
      throw WireError.malformedXml();
    }
    Optional<String> id = rule.childText("ID");
    if (id.filter(value -> value.length() > MAX_ID_LENGTH).isPresent()) {
      throw WireError.malformedXml();
    }
    Optional<Integer> maxAge = rule.childText("MaxAgeSeconds").map(CorsDocuments::seconds);
    return new CorsRule(id, methods, origins, texts(rule, "AllowedHeader"), maxAge,
        texts(rule, "ExposeHeader"));
  }

  private static int seconds(String text) {
    if (text.isEmpty() || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw WireError.malformedXml();
    }
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException tooLarge) {
      throw WireError.malformedXml();
    }
  }

  private static void checkValues(CorsRule rule) {
    for (String method : rule.allowedMethods()) {
      if (!METHODS.contains(method)) {
        throw WireError.invalidRequest(
            "Found unsupported HTTP method in CORS config. Unsupported method is " + method);
      }
    }
    oneWildcard("AllowedOrigin", rule.allowedOrigins());
    oneWildcard("AllowedHeader", rule.allowedHeaders());
    for (String header : rule.exposeHeaders()) {
      if (header.indexOf('*') >= 0) {
        throw WireError.invalidRequest("ExposeHeader \"" + header + "\" contains wildcard. We"
            + " currently do not support wildcard for ExposeHeader.");
      }
    }
    headerNames(rule.allowedHeaders());
    headerNames(rule.exposeHeaders());
  }

  // S3 names the element AllowedHeader even when the bad name is an ExposeHeader.
  private static void headerNames(List<String> names) {
    for (String name : names) {
      if (!name.chars().allMatch(CorsDocuments::headerNameCharacter)) {
        throw WireError.invalidRequest(
            "AllowedHeader \"" + name + "\" contains invalid character.");
      }
    }
  }

  /** An HTTP token character (RFC 9110), or the {@code *} of a wildcard. */
  private static boolean headerNameCharacter(int c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
        || HEADER_NAME_SYMBOLS.indexOf(c) >= 0;
  }

  private static void oneWildcard(String element, List<String> values) {
    for (String value : values) {
      if (value.indexOf('*') != value.lastIndexOf('*')) {
        throw WireError.invalidRequest(element + " \"" + value
            + "\" can not have more than one wildcard.");
      }
    }
  }

  private static List<String> texts(XmlElement rule, String name) {
    return rule.children(name).stream().map(XmlElement::text).toList();
  }

  static byte[] write(List<CorsRule> rules) {
    XmlWriter xml = XmlWriter.document("CORSConfiguration");
    for (CorsRule rule : rules) {
      xml.start("CORSRule");
      rule.id().ifPresent(id -> xml.element("ID", id));
      rule.allowedMethods().forEach(method -> xml.element("AllowedMethod", method));
      rule.allowedOrigins().forEach(origin -> xml.element("AllowedOrigin", origin));
      rule.allowedHeaders().forEach(header -> xml.element("AllowedHeader", header));
      rule.maxAgeSeconds().ifPresent(seconds -> xml.element("MaxAgeSeconds", seconds));
      rule.exposeHeaders().forEach(header -> xml.element("ExposeHeader", header));
      xml.end();
    }
    return xml.toBytes();
  }
}
