package dev.tombstone.internal.s3.protocol;

import dev.tombstone.internal.PercentEscapes;
import dev.tombstone.internal.auth.PolicySignatures;
import dev.tombstone.s3.ObjectContent;
import dev.tombstone.s3.ObjectTagging;
import dev.tombstone.s3.S3State;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * POST Object, the browser upload: a {@code multipart/form-data} form posted to a bucket, whose
 * fields stand for PutObject's headers and whose {@code file} part is the object. A signed form
 * is held to its POST policy first; the write is then PutObject's, with its checks and answers.
 */
final class PostObjects {
  /** Fields that only authorize the upload; never a header of the write. */
  private static final Set<String> SIGNING_FIELDS = Set.of("x-amz-algorithm",
      "x-amz-credential", "x-amz-date", "x-amz-signature", "x-amz-security-token");
  private static final String USER_METADATA = "x-amz-meta-";
  /** The REST headers a form may carry as fields. */
  private static final Set<String> HEADER_FIELDS = Set.of("cache-control", "content-type",
      "content-disposition", "content-encoding", "content-language", "expires", "content-md5");

  private final S3State state;
  private final ObjectWrites writes;
  private final Clock clock;
  private final Optional<PolicySignatures> strict;

  PostObjects(S3State state, ObjectWrites writes, Clock clock,
      Optional<PolicySignatures> strict) {
    this.state = state;
    this.writes = writes;
    this.clock = clock;
    this.strict = strict;
  }

  S3Response post(S3Call call) {
    state.bucket(call.bucket());
    Optional<String> contentType = call.header("Content-Type");
    MultipartForms.requireForm(contentType);
    ByteBuffer body = RequestBodies.read(call.request(), BodyKind.FORM).content()
        .asReadOnlyBuffer();
    PostForm form = MultipartForms.parse(contentType, body);
    if (form.field("key").filter(key -> !key.isEmpty()).isEmpty()) {
      throw PostErrors.missingField("key");
    }
    Optional<String> policy = PostAuthentication.signedPolicy(form, strict);
    PostForm expanded = form.expanded();
    if (policy.isPresent()) {
      PostPolicyCheck.check(PostPolicy.parse(policy.get()), expanded, call.bucket(),
          clock.instant());
    }
    String key = expanded.field("key").orElseThrow();
    if (key.isEmpty()) {
      throw PostErrors.missingField("key");
    }
    S3Response written = writes.put(write(call, key, expanded));
    return answer(call, key, expanded, written);
  }

  /** The PutObject the form stands for. */
  private static S3Call write(S3Call call, String key, PostForm form) {
    ByteBuffer file = form.file();
    RequestHeaders.Builder headers = new RequestHeaders.Builder(form.fields().size() + 2);
    call.header("Host").ifPresent(host -> headers.add("Host", host));
    headers.add("Content-Length", Integer.toString(file.remaining()));
    for (PostForm.Field field : form.fields()) {
      String name = field.name().toLowerCase(Locale.ROOT);
      if (name.equals("acl")) {
        headers.add("x-amz-acl", field.value());
      } else if (name.equals("tagging")) {
        headers.add("x-amz-tagging", taggingHeader(field.value()));
      } else if (name.startsWith(USER_METADATA)) {
        // Metadata is text: S3 writes a non-ASCII value back as an encoded word of it.
        headers.add(name, field.value());
      } else if (HEADER_FIELDS.contains(name)
          || (name.startsWith("x-amz-") && !SIGNING_FIELDS.contains(name))) {
        // As the value's UTF-8 bytes would arrive in a header: read one character per byte.
        headers.add(name, new String(field.value().getBytes(StandardCharsets.UTF_8),
            StandardCharsets.ISO_8859_1));
      }
    }
    RestRequest put = new RestRequest("PUT", call.request().host(), call.request().rawPath(), "",
        headers.build(), file.remaining(), () -> new ByteArrayInputStream(bytes(file)));
    return new S3Call(put, Resource.of(call.bucket(), key), QueryParameters.parse(""));
  }

  /**
   * A form's {@code tagging} document as PutObject's header. S3 stored no tags for a document
   * whose root is not {@code Tagging}, and refused one that is not XML as MalformedXML.
   */
  private static String taggingHeader(String document) {
    XmlElement root = XmlReader.parse(ObjectContent.of(document));
    if (!root.is("Tagging")) {
      return "";
    }
    Map<String, String> tags = ObjectTagging.validate(TaggingOperations.tags(root));
    StringBuilder header = new StringBuilder();
    tags.forEach((name, value) -> header.append(header.length() == 0 ? "" : "&")
        .append(PercentEscapes.encode(name, false)).append('=')
        .append(PercentEscapes.encode(value, false)));
    return header.toString();
  }

  /**
   * S3's answer to an upload: a redirect to {@code success_action_redirect} (or the older
   * {@code redirect}) when it is an http(s) URL, else the {@code success_action_status}: 200 or
   * 204 without a body, 201 with a {@code PostResponse}; 204 for any other value or none.
   */
  private static S3Response answer(S3Call call, String key, PostForm form, S3Response written) {
    String etag = written.header("ETag").orElse("");
    String location = objectUrl(call, key);
    Optional<String> redirect = form.field("success_action_redirect")
        .or(() -> form.field("redirect")).filter(PostObjects::isHttpUrl);
    if (redirect.isPresent()) {
      String target = redirect.get() + (redirect.get().contains("?") ? "&" : "?")
          + "bucket=" + formEncoded(call.bucket()) + "&key=" + formEncoded(key)
          + "&etag=" + formEncoded(etag);
      return withHeaders(S3Response.empty(303), written).with("Location", target);
    }
    String status = form.field("success_action_status").orElse("").strip();
    if (status.equals("201")) {
      byte[] document = XmlWriter.plainDocument("PostResponse")
          .element("Location", location).element("Bucket", call.bucket())
          .element("Key", key).element("ETag", etag).toBytes();
      return withHeaders(S3Response.xml(201, document), written).with("Location", location);
    }
    int code = status.equals("200") ? 200 : 204;
    return withHeaders(S3Response.empty(code), written).with("Location", location);
  }

  private static S3Response withHeaders(S3Response answer, S3Response written) {
    S3Response with = answer;
    for (S3Response.Header header : written.headers()) {
      with = with.with(header.name(), header.value());
    }
    return with;
  }

  /** The object's URL as the client addressed the bucket; the key's slashes as %2F, as S3. */
  private static String objectUrl(S3Call call, String key) {
    String host = call.request().host() == null ? "" : call.request().host();
    boolean virtual = Addressing.virtualHostedBucket(Addressing.hostName(host)).isPresent();
    return "http://" + host + "/" + (virtual ? "" : PercentEscapes.encode(call.bucket(), false)
        + "/") + PercentEscapes.encode(key, false);
  }

  private static boolean isHttpUrl(String text) {
    try {
      URI uri = new URI(text.strip());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      return uri.getHost() != null && (scheme.equals("http") || scheme.equals("https"));
    } catch (java.net.URISyntaxException e) {
      return false;
    }
  }

  private static String formEncoded(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static byte[] bytes(ByteBuffer buffer) {
    byte[] bytes = new byte[buffer.remaining()];
    buffer.duplicate().get(bytes);
    return bytes;
  }
}
