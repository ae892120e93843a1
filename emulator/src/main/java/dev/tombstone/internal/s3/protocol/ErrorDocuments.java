package dev.tombstone.internal.s3.protocol;

import dev.tombstone.s3.S3Error;
import dev.tombstone.s3.S3Error.Field;
import java.util.List;
import java.util.Map;

/**
 * Renders errors as S3 does: status, {@code <Error>} document ({@code Code}, {@code Message},
 * the code's own elements, {@code RequestId}, {@code HostId}), and the headers some errors
 * carry. HEAD responses keep status and headers and drop the document.
 */
final class ErrorDocuments {
  private static final Map<String, Integer> STATUS = Map.ofEntries(
      Map.entry("NoSuchBucket", 404),
      Map.entry("NoSuchKey", 404),
      Map.entry("NoSuchVersion", 404),
      Map.entry("InvalidArgument", 400),
      Map.entry("MethodNotAllowed", 405),
      Map.entry("PreconditionFailed", 412),
      Map.entry("BucketNotEmpty", 409),
      Map.entry("InvalidBucketName", 400),
      Map.entry("BucketAlreadyOwnedByYou", 409),
      Map.entry("KeyTooLongError", 400),
      Map.entry("InvalidLocationConstraint", 400),
      Map.entry("IllegalLocationConstraintException", 400),
      Map.entry("NoSuchUpload", 404),
      Map.entry("InvalidPart", 400),
      Map.entry("InvalidPartOrder", 400),
      Map.entry("EntityTooSmall", 400),
      Map.entry("NotImplemented", 501),
      Map.entry("NoSuchLifecycleConfiguration", 404));

  private ErrorDocuments() {}

  static S3Response of(S3Error error, RestRequest request, ResponseIds ids) {
    int status = error instanceof S3Error.ObjectLockError lock
        ? lock.status() : STATUS.getOrDefault(error.code(), 400);
    List<Field> fields = error.fields();
    if (error instanceof S3Error.MethodNotAllowed marker) {
      // The domain does not know the HTTP method; the document names it first.
      fields = List.of(new Field("Method", request.method()), fields.get(0));
      return render(status, error.code(), error.getMessage(), fields, ids)
          .with("x-amz-delete-marker", "true")
          .with("x-amz-version-id", marker.versionId())
          .with("Allow", "DELETE")
          .with("Last-Modified", HttpDates.header(marker.lastModified()));
    }
    S3Response response = render(status, error.code(), error.getMessage(), fields, ids);
    if (error instanceof S3Error.NoSuchKey missing
        && missing.deleteMarkerVersionId().isPresent()) {
      response = response.with("x-amz-delete-marker", "true")
          .with("x-amz-version-id", missing.deleteMarkerVersionId().get());
    }
    return response;
  }

  static S3Response of(WireError error, ResponseIds ids) {
    return render(error.status(), error.code(), error.getMessage(), error.fields(), ids);
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
