package dev.tombstone.internal.s3.protocol;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;

/**
 * An S3 response before it goes on the wire. The HTTP layer adds the headers every response
 * carries (request ids, {@code Date}, {@code Server}) and {@code Content-Length}, unless the
 * operation set it (HEAD reports the object's length without a body). Internal.
 */
public record S3Response(int status, List<Header> headers, ByteBuffer body) {
  private static final ByteBuffer NO_BODY = ByteBuffer.allocate(0).asReadOnlyBuffer();

  public S3Response {
    headers = List.copyOf(headers);
    // An empty read-only buffer has nothing to change and is shared; any other is wrapped.
    if (!body.isReadOnly() || body.hasRemaining()) {
      body = body.asReadOnlyBuffer();
    }
  }

  /** One response header. */
  public record Header(String name, String value) {}

  static S3Response empty(int status) {
    return new S3Response(status, List.of(), NO_BODY);
  }

  static S3Response xml(int status, byte[] document) {
    return xml(status, ByteBuffer.wrap(document));
  }

  static S3Response xml(int status, ByteBuffer document) {
    return new S3Response(status, List.of(new Header("Content-Type", "application/xml")),
        document);
  }

  /** This response with one more header. */
  S3Response with(String name, String value) {
    Header[] more = headers.toArray(new Header[headers.size() + 1]);
    more[headers.size()] = new Header(name, value);
    return new S3Response(status, List.of(more), body);
  }

  /** This response with the header when {@code value} is present. */
  S3Response with(String name, Optional<String> value) {
    return value.isPresent() ? with(name, value.get()) : this;
  }

  /** This response with another body, keeping status and headers. */
  public S3Response withBody(ByteBuffer newBody) {
    return new S3Response(status, headers, newBody);
  }

  /** The first value of the header, its name compared case-insensitively. */
  public Optional<String> header(String name) {
    for (Header header : headers) {
      if (header.name().equalsIgnoreCase(name)) {
        return Optional.of(header.value());
      }
    }
    return Optional.empty();
  }
}
