package dev.tombstone.dynamodb;

/** The ten DynamoDB data types, named by their wire type codes. */
public enum AttributeType {
  S, N, B, BOOL, NULL, SS, NS, BS, L, M;

  /** Whether values of this type may be a key attribute (S, N or B). */
  public boolean isScalarKeyType() {
    return this == S || this == N || this == B;
  }
}
