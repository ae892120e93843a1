package dev.tombstone.internal.dynamodb.expression;

/** An expression failed a check; {@link #problem()} holds the facts. */
final class ExpressionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient Problem problem;

  ExpressionException(Problem problem) {
    // Invalid input is ordinary control flow here, so no stack trace.
    super(problem.message(), null, false, false);
    this.problem = problem;
  }

  Problem problem() {
    return problem;
  }
}
