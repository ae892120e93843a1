package dev.tombstone.internal.auth;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Builds SigV4's canonical request and string to sign for a request. */
final class CanonicalRequest {
  private CanonicalRequest() {}

  /**
   * @param signedHeaders lower-case names, in the order the client listed them
   * @param excludedQuery a query parameter left out (the signature itself, when presigned)
   */
  static String of(SignedRequest request, List<String> signedHeaders, String payloadHash,
      String excludedQuery) {
    StringBuilder canonical = new StringBuilder(512);
    canonical.append(request.method()).append('\n');
    canonical.append(path(request)).append('\n');
    canonical.append(query(request.rawQuery(), excludedQuery)).append('\n');
    for (String name : signedHeaders) {
      canonical.append(name).append(':').append(request.joinedHeader(name)).append('\n');
    }
    canonical.append('\n').append(String.join(";", signedHeaders)).append('\n');
    canonical.append(payloadHash);
    return canonical.toString();
  }

  static String stringToSign(String amzDate, String scope, String canonicalRequest) {
    return SigV4.ALGORITHM + "\n" + amzDate + "\n" + scope + "\n"
        + SigV4.sha256Hex(bytes(canonicalRequest));
  }

  /**
   * The canonical request as the bytes it is hashed as: the header values as they came off the
   * wire. The server reads each header byte as one ISO-8859-1 character, so those characters
   * give the bytes back (a UTF-8 value a client sent raw, as botocore does, is hashed as those
   * UTF-8 bytes, as S3 hashes it); the path and query are percent-encoded ASCII.
   */
  static byte[] bytes(String canonicalRequest) {
    for (int i = 0; i < canonicalRequest.length(); i++) {
      if (canonicalRequest.charAt(i) > 0xFF) {
        return canonicalRequest.getBytes(StandardCharsets.UTF_8);
      }
    }
    return canonicalRequest.getBytes(StandardCharsets.ISO_8859_1);
  }

  // S3 signs the path as the client encoded it once; the other services encode it again.
  private static String path(SignedRequest request) {
    String path = request.rawPath().isEmpty() ? "/" : request.rawPath();
    if (request.isS3()) {
      return SigV4.uriEncode(SigV4.uriDecode(path.replace("+", "%2B")), true);
    }
    return SigV4.uriEncode(path, true);
  }

  private static String query(String rawQuery, String excluded) {
    if (rawQuery.isEmpty()) {
      return "";
    }
    List<String[]> pairs = new ArrayList<>();
    for (String part : rawQuery.split("&")) {
      if (part.isEmpty()) {
        continue;
      }
      int equals = part.indexOf('=');
      String name = SigV4.uriDecode(equals < 0 ? part : part.substring(0, equals));
      String value = equals < 0 ? "" : SigV4.uriDecode(part.substring(equals + 1));
      // A parameter without a name is not signed: the SDK for Java v2 leaves it out ("Do not
      // sign empty keys") and S3 accepts such requests (the SDK's EmptyQueryStringSigner test).
      if (name.isEmpty() || name.equals(excluded)) {
        continue;
      }
      pairs.add(new String[] {SigV4.uriEncode(name, false), SigV4.uriEncode(value, false)});
    }
    pairs.sort((a, b) -> {
      int byName = a[0].compareTo(b[0]);
      return byName != 0 ? byName : a[1].compareTo(b[1]);
    });
    StringBuilder out = new StringBuilder();
    for (String[] pair : pairs) {
      if (out.length() > 0) {
        out.append('&');
      }
      out.append(pair[0]).append('=').append(pair[1]);
    }
    return out.toString();
  }
}
