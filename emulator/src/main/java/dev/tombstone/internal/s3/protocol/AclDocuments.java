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
  static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
  private static final String CANONICAL_USER_ID = "CanonicalUser/ID";
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
      writeGrant(xml, grant);
    }
    xml.end();
    return xml.toBytes();
  }

  /** One {@code <Grant>}, as an ACL and a logging configuration's TargetGrants write it. */
  static void writeGrant(XmlWriter xml, Grant grant) {
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

  /**
   * The ACL a write's headers set: a canned ACL or grant headers, never both. Both at once is
   * refused before either is read, so an unknown canned ACL or grantee beside the other kind
   * is InvalidRequest too.
   *
   * @throws WireError InvalidArgument for an unknown canned ACL or grantee, or an id or group
   *     URI S3 does not know; InvalidRequest for both kinds at once; MethodNotAllowed for an
   *     e-mail grantee
   */
  static Optional<AccessControlList> fromHeaders(RequestHeaders headers, Owner owner) {
    Optional<String> canned = headers.first("x-amz-acl").map(String::trim);
    boolean granted = false;
    for (String[] header : GRANT_HEADERS) {
      granted |= headers.joined(header[0]).isPresent();
    }
    if (canned.isPresent() && granted) {
      throw WireError.invalidRequest("Specifying both Canned ACLs and Header Grants is not"
          + " allowed");
    }
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
          return Grantees.canonicalUser(value, Optional.empty(), owner, "id");
        }
        case "uri" -> {
          return Grantees.group(value, "uri");
        }
        case "emailaddress" -> throw WireError.emailGrantee();
        default -> { }
      }
    }
    throw WireError.invalidArgument("Argument format not recognized", header, text);
  }

  /**
   * The ACL an {@code AccessControlPolicy} document sets. Whatever breaks S3's schema, a body
   * that is not XML included, is MalformedACLError: an Owner with an ID, one
   * AccessControlList of Grants, each with one Grantee of a known {@code xsi:type} and one
   * Permission.
   *
   * @throws WireError MalformedACLError as above; InvalidArgument for an id or group URI S3
   *     does not know; MethodNotAllowed for an e-mail grantee
   */
  static AccessControlList read(ObjectContent body, Owner owner) {
    XmlElement root;
    try {
      root = XmlReader.parse(body);
    } catch (WireError e) {
      throw e.kind() == WireError.Kind.MALFORMED_XML ? WireError.malformedAcl() : e;
    }
    if (!root.is("AccessControlPolicy")) {
      throw WireError.malformedAcl();
    }
    String ownerId = single(root, "Owner").flatMap(o -> text(o, "ID"))
        .orElseThrow(WireError::malformedAcl);
    XmlElement list = single(root, "AccessControlList").orElseThrow(WireError::malformedAcl);
    Grantees.canonicalUser(ownerId, Optional.empty(), owner, CANONICAL_USER_ID);
    List<Grant> grants = new ArrayList<>();
    for (XmlElement grant : list.children()) {
      if (!grant.name().equals("Grant")) {
        throw WireError.malformedAcl();
      }
      XmlElement grantee = single(grant, "Grantee").orElseThrow(WireError::malformedAcl);
      Permission permission = text(grant, "Permission").flatMap(AclDocuments::permission)
          .orElseThrow(WireError::malformedAcl);
      grants.add(new Grant(grantee(grantee, owner), permission));
    }
    return new AccessControlList(owner, grants);
  }

  private static Grantee grantee(XmlElement grantee, Owner owner) {
    String type = grantee.attribute(XSI, "type").map(String::trim)
        .orElseThrow(WireError::malformedAcl);
    switch (type) {
      case "CanonicalUser" -> {
        String id = text(grantee, "ID").orElseThrow(WireError::malformedAcl);
        return Grantees.canonicalUser(id, text(grantee, "DisplayName"), owner,
            CANONICAL_USER_ID);
      }
      case "Group" -> {
        return Grantees.group(text(grantee, "URI").orElseThrow(WireError::malformedAcl),
            "Group/URI");
      }
      case "AmazonCustomerByEmail" -> throw WireError.emailGrantee();
      default -> throw WireError.malformedAcl();
    }
  }

  private static Optional<XmlElement> single(XmlElement parent, String name) {
    List<XmlElement> found = parent.children(name);
    if (found.size() > 1) {
      throw WireError.malformedAcl();
    }
    return found.stream().findFirst();
  }

  // A leaf's trimmed text; a repeated or nested element breaks the schema.
  private static Optional<String> text(XmlElement parent, String name) {
    return single(parent, name).map(leaf -> {
      if (!leaf.children().isEmpty()) {
        throw WireError.malformedAcl();
      }
      return leaf.text().trim();
    });
  }

  private static Optional<Permission> permission(String text) {
    for (Permission permission : Permission.values()) {
      if (permission.name().equals(text)) {
        return Optional.of(permission);
      }
    }
    return Optional.empty();
  }
}
