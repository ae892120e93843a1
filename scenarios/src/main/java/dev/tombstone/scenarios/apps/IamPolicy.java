package dev.tombstone.scenarios.apps;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Flow B's delete-function policy: {@code s3:DeleteObject} on {@code <bucket>/incoming/*} and
 * {@code dynamodb:DeleteItem} on the metadata table, nothing else. The emulator does not check
 * IAM, so the function's clients enforce the policy themselves and fail the call with the
 * {@code AccessDenied}/{@code AccessDeniedException} AWS would answer.
 */
final class IamPolicy implements ExecutionInterceptor {
  private static final String ROLE =
      "arn:aws:sts::000000000000:assumed-role/upload-dashboard-delete/delete-file";
  private final String bucket;
  private final String table;

  IamPolicy(String bucket, String table) {
    this.bucket = bucket;
    this.table = table;
  }

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    SdkRequest request = context.request();
    if (request instanceof DeleteObjectRequest delete
        && !(delete.bucket().equals(bucket) && delete.key().startsWith("incoming/"))) {
      throw S3Exception.builder().statusCode(403)
          .message(denied("s3:DeleteObject", "arn:aws:s3:::" + delete.bucket() + "/" + delete.key()))
          .awsErrorDetails(AwsErrorDetails.builder().errorCode("AccessDenied")
              .errorMessage("Access Denied").serviceName("S3").build())
          .build();
    }
    if (request instanceof DeleteItemRequest delete && !delete.tableName().equals(table)) {
      String message = denied("dynamodb:DeleteItem",
          "arn:aws:dynamodb:us-east-1:000000000000:table/" + delete.tableName());
      throw DynamoDbException.builder().statusCode(400).message(message)
          .awsErrorDetails(AwsErrorDetails.builder().errorCode("AccessDeniedException")
              .errorMessage(message).serviceName("DynamoDb").build())
          .build();
    }
  }

  private static String denied(String action, String resource) {
    return "User: " + ROLE + " is not authorized to perform: " + action + " on resource: "
        + resource + " because no identity-based policy allows the " + action + " action";
  }
}
