package dev.tombstone.scenarios.apps;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/**
 * Flow B's Lambda functions behind the dashboard's HTTP API: upload (PutObject under
 * {@code incoming/} plus a metadata row), list (from the metadata table) and the document's
 * delete function, ported line by line from its Python.
 */
final class UploadDashboard {
  static final String TABLE = "upload_metadata";
  private final String uploadBucket;
  private final S3Client s3;
  private final DynamoDbClient dynamoDb;
  private final S3Client deleteS3;
  private final DynamoDbClient deleteDynamoDb;

  /**
   * @param uploadBucket   the function's {@code UPLOAD_BUCKET}
   * @param s3             clients of the upload and list functions
   * @param deleteS3       clients of the delete function, restricted by its IAM policy
   */
  UploadDashboard(String uploadBucket, S3Client s3, DynamoDbClient dynamoDb, S3Client deleteS3,
      DynamoDbClient deleteDynamoDb) {
    this.uploadBucket = uploadBucket;
    this.s3 = s3;
    this.dynamoDb = dynamoDb;
    this.deleteS3 = deleteS3;
    this.deleteDynamoDb = deleteDynamoDb;
  }

  /** {@code DELETE /metadata}: the document's {@code lambda_handler}. */
  ProxyResponse delete(String requestBody) {
    JsonNode body;
    try {
      body = ProxyResponse.JSON.readTree(requestBody == null || requestBody.isEmpty() ? "{}" : requestBody);
    } catch (JsonProcessingException e) {
      return ProxyResponse.json(400, Map.of("error", "Invalid JSON body"));
    }
    if (body == null || !body.isObject()) {
      // Python's body.get(...) on a list or number raises, and the function errors.
      throw new IllegalArgumentException("'" + requestBody + "' has no attribute 'get'");
    }
    String bucket = truthyText(body.get("bucket"));
    String objectKey = truthyText(body.get("key"));
    if (bucket == null || objectKey == null) {
      return ProxyResponse.json(400, Map.of("error", "Missing required fields: bucket and key"));
    }
    if (!bucket.equals(uploadBucket)) {
      return ProxyResponse.json(400, Map.of("error", "Bucket does not match configured upload bucket"));
    }
    deleteS3.deleteObject(b -> b.bucket(bucket).key(objectKey));
    deleteDynamoDb.deleteItem(b -> b.tableName(TABLE).key(Map.of(
        "bucket", AttributeValue.fromS(bucket), "object_key", AttributeValue.fromS(objectKey))));
    Map<String, String> answer = new LinkedHashMap<>();
    answer.put("message", "Deleted successfully");
    answer.put("bucket", bucket);
    answer.put("object_key", objectKey);
    return ProxyResponse.json(200, answer);
  }

  /**
   * {@code POST /upload} with {@code {"filename", "content", "contentType"}}: stores the file as
   * {@code incoming/<filename>} and records its metadata row.
   */
  ProxyResponse upload(String requestBody) {
    JsonNode body;
    try {
      body = ProxyResponse.JSON.readTree(requestBody == null || requestBody.isEmpty() ? "{}" : requestBody);
    } catch (JsonProcessingException e) {
      return ProxyResponse.json(400, Map.of("error", "Invalid JSON body"));
    }
    String filename = truthyText(body.get("filename"));
    String content = body.path("content").isTextual() ? body.get("content").asText() : null;
    if (filename == null || content == null) {
      return ProxyResponse.json(400, Map.of("error", "Missing required fields: filename and content"));
    }
    String contentType = body.path("contentType").asText("application/octet-stream");
    String key = "incoming/" + filename;
    byte[] bytes = content.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    PutObjectResponse stored = s3.putObject(b -> b.bucket(uploadBucket).key(key)
        .contentType(contentType), RequestBody.fromBytes(bytes));
    Map<String, AttributeValue> item = new LinkedHashMap<>();
    item.put("bucket", AttributeValue.fromS(uploadBucket));
    item.put("object_key", AttributeValue.fromS(key));
    item.put("size", AttributeValue.fromN(Integer.toString(bytes.length)));
    item.put("content_type", AttributeValue.fromS(contentType));
    dynamoDb.putItem(b -> b.tableName(TABLE).item(item));
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("message", "Uploaded successfully");
    answer.put("bucket", uploadBucket);
    answer.put("object_key", key);
    if (stored.versionId() != null) {
      answer.put("version_id", stored.versionId());
    }
    return ProxyResponse.json(200, answer);
  }

  /** {@code GET /metadata}: the files of the upload bucket, from the metadata table. */
  ProxyResponse list() {
    List<Map<String, Object>> files = new ArrayList<>();
    dynamoDb.scanPaginator(b -> b.tableName(TABLE)).items().forEach(item -> {
      if (uploadBucket.equals(item.get("bucket").s())) {
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("bucket", item.get("bucket").s());
        file.put("object_key", item.get("object_key").s());
        file.put("size", Long.parseLong(item.get("size").n()));
        file.put("content_type", item.get("content_type").s());
        files.add(file);
      }
    });
    files.sort(Comparator.comparing(f -> (String) f.get("object_key")));
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("files", files);
    answer.put("count", files.size());
    return ProxyResponse.json(200, answer);
  }

  /** The value if it is a non-empty string: Python's {@code if not value} rejects the rest. */
  private static String truthyText(JsonNode node) {
    return node != null && node.isTextual() && !node.asText().isEmpty() ? node.asText() : null;
  }
}
