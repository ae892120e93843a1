package dev.tombstone.internal.dynamodb.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/** The refusals the SDK tests expect, checked the same way everywhere. */
final class SdkErrors {
  private SdkErrors() {}

  /**
   * Runs {@code call}, expects the SDK to throw a {@code ValidationException} with status 400,
   * and returns its message.
   */
  static String validationMessage(ThrowingCallable call) {
    DynamoDbException e = catchThrowableOfType(DynamoDbException.class, call);
    assertThat(e).as("expected a ValidationException").isNotNull();
    assertThat(e.statusCode()).isEqualTo(400);
    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
    return e.awsErrorDetails().errorMessage();
  }
}
