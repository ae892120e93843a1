package dev.tombstone.internal;

/** DynamoDB's texts for UpdateTable refusals that the protocol and the store both answer. */
public final class TableUpdateTexts {
  /** An UpdateTable asking for nothing: AWS's text as recorded in 2026 (ack-api-quirks). */
  public static final String NOTHING_TO_UPDATE = "At least one of ProvisionedThroughput,"
      + " BillingMode, UpdateStreamEnabled, GlobalSecondaryIndexUpdates, SSESpecification,"
      + " ReplicaUpdates, MultiAccountReplicaReady, ReplicaTransitRoleArn,"
      + " MultiRegionConsistency, DeletionProtectionEnabled, OnDemandThroughput, WarmThroughput"
      + " or TableClass is required";

  /**
   * {@link #NOTHING_TO_UPDATE} for a request that carries {@code MultiRegionConsistency}, which
   * AWS then leaves out of its list (ack-api-quirks DDB-TABLE-449, 2026).
   */
  public static final String NOTHING_TO_UPDATE_WITH_CONSISTENCY =
      NOTHING_TO_UPDATE.replace(" MultiRegionConsistency,", "");

  /**
   * {@code BillingMode: PROVISIONED} without {@code ProvisionedThroughput}, whatever the table's
   * mode (ack-api-quirks DDB-TABLE-057, verified 2026; dynalite test/updateTable.js, "should
   * return ValidationException for PROVISIONED without ProvisionedThroughput").
   */
  public static final String PROVISIONED_WITHOUT_THROUGHPUT = "One or more parameter values"
      + " were invalid: ProvisionedThroughput must be specified when BillingMode is PROVISIONED";

  private TableUpdateTexts() {}
}
