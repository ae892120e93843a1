package dev.tombstone.internal.s3.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * S3 stores an account named by its bare id in a statement's {@code Principal} or
 * {@code NotPrincipal} ({@code {"AWS": "123456789012"}}) as the account's root ARN
 * ({@code arn:aws:iam::123456789012:root}), and GetBucketPolicy returns it so. Every other byte of
 * the document is kept as sent.
 */
final class AccountPrincipals {
  private static final JsonFactory FACTORY = new JsonFactory();
  private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
  private static final Set<String> PRINCIPALS = Set.of("Principal", "NotPrincipal");

  private AccountPrincipals() {}

  /** {@code policy}, a document {@link PolicyDocument} accepted, with account ids rewritten. */
  static byte[] rewrite(byte[] policy) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(policy.length + 64);
    int copied = 0;
    try (JsonParser parser = FACTORY.createParser(policy)) {
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        if (token != JsonToken.VALUE_STRING || !inAwsPrincipal(parser.getParsingContext())) {
          continue;
        }
        int start = (int) parser.currentTokenLocation().getByteOffset();
        String id = parser.getText();
        int end = (int) parser.currentLocation().getByteOffset();
        if (ACCOUNT_ID.matcher(id).matches()) {
          out.write(policy, copied, start - copied);
          out.writeBytes(("\"arn:aws:iam::" + id + ":root\"").getBytes(StandardCharsets.UTF_8));
          copied = end;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("a validated policy failed to parse again", e);
    }
    out.write(policy, copied, policy.length - copied);
    return out.toByteArray();
  }

  /** Whether a string value sits at Statement[i].Principal.AWS (or NotPrincipal, or [j]). */
  private static boolean inAwsPrincipal(JsonStreamContext context) {
    JsonStreamContext values = context.inArray() ? context.getParent() : context;
    if (!values.inObject() || !"AWS".equals(values.getCurrentName())) {
      return false;
    }
    JsonStreamContext principal = values.getParent();
    if (principal == null || !principal.inObject()
        || !PRINCIPALS.contains(principal.getCurrentName())) {
      return false;
    }
    JsonStreamContext statements = principal.getParent();
    if (statements != null && statements.inArray()) {
      statements = statements.getParent();
    }
    return statements != null && statements.inObject()
        && "Statement".equals(statements.getCurrentName())
        && statements.getParent() != null && statements.getParent().inRoot();
  }
}
