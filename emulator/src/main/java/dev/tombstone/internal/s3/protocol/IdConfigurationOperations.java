package dev.tombstone.internal.s3.protocol;

import dev.tombstone.s3.S3State;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.regex.Pattern;

/**
 * Get, Put, Delete and List of the analytics, inventory, metrics and Intelligent-Tiering
 * configurations of a bucket: one mechanism for the four, each kind's schema in its
 * {@link IdConfigurationDocument}. Stored, never performed.
 */
final class IdConfigurationOperations {
  static final int PAGE_SIZE = 100;

  // S3 documents this for metrics ids; the other kinds are held to the same rule.
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  private final S3State state;

  IdConfigurationOperations(S3State state) {
    this.state = state;
  }

  S3Response get(S3Call call) {
    IdConfigurationKinds.Kind kind = kind(call);
    String content = state.bucketConfiguration(call.bucket(), kind.kind(), id(call));
    return S3Response.xml(200, XmlWriter.document(kind.element()).markup(content).toBytes());
  }

  S3Response put(S3Call call) {
    IdConfigurationKinds.Kind kind = kind(call);
    state.bucket(call.bucket());
    VerifiedBody body = RequestBodies.read(call.request(), BodyKind.DOCUMENT);
    XmlElement root = XmlReader.parse(body.content());
    if (!root.is(kind.element())) {
      throw WireError.malformedXml();
    }
    String documentId = IdConfigurationDocument.required(root, "Id");
    String content = content(kind.document(), root, documentId, call, kind);
    state.putBucketConfiguration(call.bucket(), kind.kind(), documentId, content);
    return S3Response.empty(204);
  }

  private static <T> String content(IdConfigurationDocument<T> document, XmlElement root,
      String documentId, S3Call call, IdConfigurationKinds.Kind kind) {
    T configuration = document.read(root);
    String id = call.query().get("id").orElse("");
    if (!documentId.equals(id)) {
      throw kind.mismatch().get();
    }
    checkId(id);
    document.check(configuration);
    XmlWriter out = XmlWriter.fragment().element("Id", id);
    document.write(configuration, out);
    return new String(out.toBytes(), StandardCharsets.UTF_8);
  }

  S3Response delete(S3Call call) {
    IdConfigurationKinds.Kind kind = kind(call);
    state.deleteBucketConfiguration(call.bucket(), kind.kind(), id(call));
    return S3Response.empty(204);
  }

  S3Response list(S3Call call) {
    IdConfigurationKinds.Kind kind = kind(call);
    SortedMap<String, String> all = state.bucketConfigurations(call.bucket(), kind.kind());
    var token = call.query().get("continuation-token");
    SortedMap<String, String> rest = all;
    if (token.isPresent()) {
      String after = ContinuationTokens.decode(token.get()).orElseThrow(() ->
          WireError.invalidArgument("The continuation token provided is incorrect",
              "continuation-token", token.get()));
      rest = all.tailMap(after + '\0');
    }
    XmlWriter xml = XmlWriter.document(kind.listResult());
    boolean truncated = rest.size() > PAGE_SIZE;
    xml.element("IsTruncated", truncated);
    token.ifPresent(value -> xml.element("ContinuationToken", value));
    String last = null;
    int written = 0;
    for (Map.Entry<String, String> entry : rest.entrySet()) {
      if (written++ == PAGE_SIZE) {
        break;
      }
      xml.start(kind.element()).markup(entry.getValue()).end();
      last = entry.getKey();
    }
    if (truncated) {
      xml.element("NextContinuationToken", ContinuationTokens.encode(last));
    }
    return S3Response.xml(200, xml.toBytes());
  }

  private static IdConfigurationKinds.Kind kind(S3Call call) {
    return IdConfigurationKinds.of(call.query()).orElseThrow();
  }

  // Get and Delete look the id up as given: an id S3 would refuse to store is simply absent.
  private static String id(S3Call call) {
    return call.query().get("id").orElse("");
  }

  private static void checkId(String id) {
    if (!ID.matcher(id).matches()) {
      throw new WireError(WireError.Kind.INVALID_CONFIGURATION_ID,
          "The specified configuration id is not valid.", List.of());
    }
  }
}
