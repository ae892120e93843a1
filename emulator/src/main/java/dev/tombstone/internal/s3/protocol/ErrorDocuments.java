package dev.tombstone.internal.s3.protocol;

import dev.tombstone.internal.HttpDates;
import dev.tombstone.s3.S3Error;
import dev.tombstone.s3.S3Error.Field;
import dev.tombstone.s3.S3Error.PreconditionFailed.Condition;
import java.util.List;

/**
 * Renders errors as S3 does: status, {@code <Error>} document ({@code Code}, {@code Message},
 * the code's own elements, {@code RequestId}, {@code HostId}), and the headers some errors
 * carry. HEAD responses keep status and headers and drop the document.
 */
final class ErrorDocuments {
  private ErrorDocuments() {}

  static S3Response of(S3Error error, RestRequest request, ResponseIds ids) {
    int status = ErrorStatus.of(error);
    List<Field> fields = error.fields();
    if (error instanceof S3Error.MethodNotAllowed marker) {
      // The domain does not know the HTTP method; the document names it first.
      fields = List.of(new Field("Method", request.method()), fields.get(0));
      return render(status, error.code(), error.getMessage(), fields, ids)
          .with("x-amz-delete-marker", "true")
          .with("x-amz-version-id", marker.versionId())
          .with("Allow", "DELETE")
          .with("Last-Modified", HttpDates.format(marker.lastModified()));
    }
    if (error instanceof S3Error.PreconditionFailed failed) {
      // The domain knows which condition failed; S3 names the header it came in.
      fields = List.of(new Field("Condition", header(failed.condition())));
    }
    S3Response response = render(status, error.code(), error.getMessage(), fields, ids);
    if (error instanceof S3Error.NoSuchKey missing
        && missing.deleteMarkerVersionId().isPresent()) {
      // Since September 2023 S3 also answers the marker's Last-Modified here.
      response = response.with("x-amz-delete-marker", "true")
          .with("x-amz-version-id", missing.deleteMarkerVersionId().get());
      if (missing.deleteMarkerLastModified().isPresent()) {
        response = response.with("Last-Modified",
            HttpDates.format(missing.deleteMarkerLastModified().get()));
      }
    }
    return response;
  }

  static S3Response of(WireError error, ResponseIds ids) {
    return render(error.status(), error.code(), error.getMessage(), error.fields(), ids);
  }

  /** The request header S3 names for a failed precondition. */
  static String header(Condition condition) {
    return switch (condition) {
      case ETAG_MATCHES -> "If-Match";
      case NO_CURRENT_OBJECT -> "If-None-Match";
      case UNMODIFIED_SINCE -> "If-Unmodified-Since";
      case COPY_SOURCE_ETAG_MATCHES -> "x-amz-copy-source-If-Match";
      case COPY_SOURCE_ETAG_DIFFERS -> "x-amz-copy-source-If-None-Match";
      case COPY_SOURCE_UNMODIFIED_SINCE -> "x-amz-copy-source-If-Unmodified-Since";
      case COPY_SOURCE_MODIFIED_SINCE -> "x-amz-copy-source-If-Modified-Since";
    };
  }

  private static S3Response render(
      int status, String code, String message, List<Field> fields, ResponseIds ids) {
    XmlWriter xml = XmlWriter.plainDocument("Error")
        .element("Code", code)
        .element("Message", message);
    for (Field field : fields) {
      xml.element(field.name(), field.value());
    }
    xml.element("RequestId", ids.requestId()).element("HostId", ids.hostId());
    return S3Response.xml(status, xml.toBytes());
  }
}
