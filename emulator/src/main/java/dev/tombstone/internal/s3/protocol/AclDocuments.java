package dev.tombstone.internal.s3.protocol;

import dev.tombstone.s3.AccessControlList;
import dev.tombstone.s3.CannedAcl;
import dev.tombstone.s3.Grant;
import dev.tombstone.s3.Grant.Grantee;
import dev.tombstone.s3.Grant.Permission;
import dev.tombstone.s3.ObjectContent;
import dev.tombstone.s3.Owner;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * ACLs on the wire: the {@code AccessControlPolicy} document, the canned {@code x-amz-acl}
 * header and the {@code x-amz-grant-*} headers.
 */
final class AclDocuments {
  private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
  private static final String[][] GRANT_HEADERS = {
      {"x-amz-grant-full-control", "FULL_CONTROL"},
      {"x-amz-grant-read", "READ"},
      {"x-amz-grant-read-acp", "READ_ACP"},
      {"x-amz-grant-write", "WRITE"},
      {"x-amz-grant-write-acp", "WRITE_ACP"}};

  private AclDocuments() {}

  static byte[] write(AccessControlList acl) {
    XmlWriter xml = XmlWriter.document("AccessControlPolicy");
    dev.tombstone.internal.s3.protocol.Owner.write(xml, acl.owner());
    xml.start("AccessControlList");
    for (Grant grant : acl.grants()) {
      Grantee grantee = grant.grantee();
      xml.start("Grant").start("Grantee").attribute("xmlns:xsi", XSI)
          .attribute("xsi:type", grantee.type().xsiType());
      switch (grantee.type()) {
        case CANONICAL_USER -> {
          xml.element("ID", grantee.value());
          grantee.displayName().ifPresent(name -> xml.element("DisplayName", name));
        }
        case GROUP -> xml.element("URI", grantee.value());
        case EMAIL -> xml.element("EmailAddress", grantee.value());
      }
      xml.end().element("Permission", grant.permission().name()).end();
    }
    xml.end();
    return xml.toBytes();
  }

  /**
   * The ACL a write's headers set: a canned ACL or grant headers, never both.
   *
   * @throws WireError InvalidArgument for an unknown canned ACL or grantee, InvalidRequest for
   *     both kinds at once
   */
  static Optional<AccessControlList> fromHeaders(RequestHeaders headers, Owner owner) {
    Optional<String> canned = headers.first("x-amz-acl").map(String::trim);
    List<Grant> grants = new ArrayList<>();
    for (String[] header : GRANT_HEADERS) {
      Optional<String> value = headers.joined(header[0]);
      if (value.isPresent()) {
        for (String grantee : value.get().split(",")) {
          grants.add(new Grant(granteeOf(grantee.trim(), header[0], owner),
              Permission.valueOf(header[1])));
        }
      }
    }
    if (canned.isPresent() && !grants.isEmpty()) {
      throw WireError.invalidRequest("Specifying both Canned ACLs and Header Grants is not"
          + " allowed");
    }
    if (canned.isPresent()) {
      CannedAcl acl = CannedAcl.named(canned.get()).orElseThrow(() ->
          WireError.invalidArgument("", "x-amz-acl", canned.get()));
      return Optional.of(AccessControlList.canned(acl, owner));
    }
    return grants.isEmpty() ? Optional.empty()
        : Optional.of(new AccessControlList(owner, grants));
  }

  private static Grantee granteeOf(String text, String header, Owner owner) {
    int equals = text.indexOf('=');
    if (equals > 0) {
      String type = text.substring(0, equals).trim().toLowerCase(Locale.ROOT);
      String value = text.substring(equals + 1).trim();
      if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
        value = value.substring(1, value.length() - 1);
      }
      switch (type) {
        case "id" -> {
          return new Grantee(Grantee.Type.CANONICAL_USER, value, value.equals(owner.id())
              ? Optional.of(owner.displayName()) : Optional.empty());
        }
        case "uri" -> {
          return Grantee.group(value);
        }
        case "emailaddress" -> {
          return new Grantee(Grantee.Type.EMAIL, value, Optional.empty());
        }
        default -> { }
      }
    }
    throw WireError.invalidArgument("Argument format not recognized", header, text);
  }

  /** @throws WireError MalformedXML for a document that is not an AccessControlPolicy */
  static AccessControlList read(ObjectContent body, Owner owner) {
    XmlElement root = XmlReader.parse(body);
    if (!root.is("AccessControlPolicy")) {
      throw WireError.malformedXml();
    }
    List<XmlElement> lists = root.children("AccessControlList");
    if (lists.size() != 1) {
      throw WireError.malformedXml();
    }
    List<Grant> grants = new ArrayList<>();
    for (XmlElement grant : lists.get(0).children("Grant")) {
      List<XmlElement> grantees = grant.children("Grantee");
      String permission = grant.childText("Permission").map(String::trim)
          .orElseThrow(WireError::malformedXml);
      if (grantees.size() != 1) {
        throw WireError.malformedXml();
      }
      grants.add(new Grant(grantee(grantees.get(0), owner), permission(permission)));
    }
    return new AccessControlList(owner, grants);
  }

  private static Grantee grantee(XmlElement grantee, Owner owner) {
    Optional<String> id = grantee.childText("ID").map(String::trim);
    if (id.isPresent()) {
      return new Grantee(Grantee.Type.CANONICAL_USER, id.get(), grantee.childText("DisplayName")
          .or(() -> id.get().equals(owner.id()) ? Optional.of(owner.displayName())
              : Optional.empty()));
    }
    Optional<String> uri = grantee.childText("URI").map(String::trim);
    if (uri.isPresent()) {
      return Grantee.group(uri.get());
    }
    Optional<String> email = grantee.childText("EmailAddress").map(String::trim);
    if (email.isPresent()) {
      return new Grantee(Grantee.Type.EMAIL, email.get(), Optional.empty());
    }
    throw WireError.malformedXml();
  }

  private static Permission permission(String text) {
    try {
      return Permission.valueOf(text);
    } catch (IllegalArgumentException e) {
      throw WireError.malformedXml();
    }
  }
}
