package dev.tombstone.internal.s3.protocol;

import dev.tombstone.s3.BucketEncryption;
import dev.tombstone.s3.ObjectContent;
import dev.tombstone.s3.S3State;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Get/Put/DeleteBucketEncryption. Every bucket has SSE-S3 with SSE-C blocked by default
 * ({@link BucketEncryption#DEFAULT}), so Get never answers 404 and Delete goes back to the
 * default. Writes record it ({@link EncryptionHeaders}); the block is {@link CustomerKeys}'.
 */
final class EncryptionOperations {
  private static final Set<String> ALGORITHMS = Set.of("AES256", "aws:kms", "aws:kms:dsse");
  private static final Set<String> RULE_ELEMENTS =
      Set.of("ApplyServerSideEncryptionByDefault", "BucketKeyEnabled", "BlockedEncryptionTypes");
  private static final Set<String> DEFAULT_ELEMENTS = Set.of("SSEAlgorithm", "KMSMasterKeyID");
  private static final Set<String> ENCRYPTION_TYPES = Set.of("NONE", "SSE-C");

  private final S3State state;

  EncryptionOperations(S3State state) {
    this.state = state;
  }

  S3Response get(S3Call call) {
    BucketEncryption encryption = state.bucketEncryption(call.bucket());
    XmlWriter xml = XmlWriter.document("ServerSideEncryptionConfiguration").start("Rule")
        .start("ApplyServerSideEncryptionByDefault")
        .element("SSEAlgorithm", encryption.sseAlgorithm());
    encryption.kmsMasterKeyId().ifPresent(key -> xml.element("KMSMasterKeyID", key));
    xml.end().element("BucketKeyEnabled", encryption.bucketKeyEnabled());
    if (!encryption.blockedEncryptionTypes().isEmpty()) {
      xml.start("BlockedEncryptionTypes");
      encryption.blockedEncryptionTypes().forEach(type -> xml.element("EncryptionType", type));
      xml.end();
    }
    return S3Response.xml(200, xml.toBytes());
  }

  S3Response put(S3Call call) {
    state.bucket(call.bucket());
    VerifiedBody body = RequestBodies.read(call.request(), BodyKind.DOCUMENT);
    BucketEncryption put = read(body.content());
    if (put.blockedEncryptionTypes().isEmpty()) {
      // A rule without BlockedEncryptionTypes leaves the block as it was: S3 reads back SSE-C
      // after such a Put on a bucket that blocked it (Terraform AWS provider, April 2026).
      put = new BucketEncryption(put.sseAlgorithm(), put.kmsMasterKeyId(),
          put.bucketKeyEnabled(), state.bucketEncryption(call.bucket()).blockedEncryptionTypes());
    }
    state.putBucketEncryption(call.bucket(), Optional.of(put));
    return S3Response.empty(200);
  }

  S3Response delete(S3Call call) {
    state.putBucketEncryption(call.bucket(), Optional.empty());
    return S3Response.empty(204);
  }

  /**
   * @throws WireError MalformedXML when the document breaks S3's schema (not exactly one rule,
   *     a rule with neither a default nor BlockedEncryptionTypes, no or an unknown algorithm, an
   *     EncryptionType other than NONE or SSE-C), InvalidArgument for a KMS key without a KMS
   *     algorithm
   */
  static BucketEncryption read(ObjectContent document) {
    XmlElement root = XmlReader.parse(document);
    List<XmlElement> rules = root.children("Rule");
    if (!root.is("ServerSideEncryptionConfiguration") || rules.size() != 1
        || root.children().size() != 1) {
      throw WireError.malformedXml();
    }
    XmlElement rule = rules.get(0);
    rule.onlyChildren(RULE_ELEMENTS);
    List<XmlElement> defaults = rule.children("ApplyServerSideEncryptionByDefault");
    List<String> blocked = blockedTypes(rule);
    if (defaults.isEmpty() && !rule.children("BlockedEncryptionTypes").isEmpty()) {
      // The documented way to block or unblock SSE-C is a rule with only this element; the
      // default encryption stays SSE-S3.
      return new BucketEncryption(BucketEncryption.DEFAULT.sseAlgorithm(), Optional.empty(),
          false, blocked);
    }
    if (defaults.size() != 1) {
      throw WireError.malformedXml();
    }
    XmlElement byDefault = defaults.get(0);
    byDefault.onlyChildren(DEFAULT_ELEMENTS);
    String algorithm = byDefault.childText("SSEAlgorithm").filter(ALGORITHMS::contains)
        .orElseThrow(WireError::malformedXml);
    Optional<String> key = byDefault.childText("KMSMasterKeyID");
    if (key.isPresent() && algorithm.equals("AES256")) {
      throw WireError.invalidArgument("a KMSMasterKeyID is not applicable if the default sse"
          + " algorithm is not aws:kms or aws:kms:dsse", "ApplyServerSideEncryptionByDefault");
    }
    boolean bucketKey = rule.childText("BucketKeyEnabled").map(String::trim).map(value ->
        switch (value) {
          case "true" -> true;
          case "false" -> false;
          default -> throw WireError.malformedXml();
        }).orElse(false);
    return new BucketEncryption(algorithm, key, bucketKey, blocked);
  }

  private static List<String> blockedTypes(XmlElement rule) {
    List<XmlElement> blocked = rule.children("BlockedEncryptionTypes");
    if (blocked.isEmpty()) {
      return List.of();
    }
    if (blocked.size() > 1) {
      throw WireError.malformedXml();
    }
    blocked.get(0).onlyChildren(Set.of("EncryptionType"));
    List<String> types = blocked.get(0).children("EncryptionType").stream()
        .map(XmlElement::text).toList();
    if (!ENCRYPTION_TYPES.containsAll(types)) {
      throw WireError.malformedXml();
    }
    return types;
  }
}
