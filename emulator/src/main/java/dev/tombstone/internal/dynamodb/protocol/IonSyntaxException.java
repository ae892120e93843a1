package dev.tombstone.internal.dynamodb.protocol;

/** Text that is not Ion (or not the Ion text {@link IonReader} reads), with where it failed. */
final class IonSyntaxException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String problem;
  private final int line;
  private final int column;

  IonSyntaxException(String problem, int line, int column) {
    super(problem + " (line " + line + ", column " + column + ")");
    this.problem = problem;
    this.line = line;
    this.column = column;
  }

  String problem() {
    return problem;
  }

  int line() {
    return line;
  }

  int column() {
    return column;
  }
}
