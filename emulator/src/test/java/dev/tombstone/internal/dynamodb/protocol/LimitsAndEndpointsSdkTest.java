package dev.tombstone.internal.dynamodb.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.RecordedRequest;
import dev.tombstone.testing.RunningTombstone;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DescribeLimitsResponse;
import software.amazon.awssdk.services.dynamodb.model.Endpoint;

/** DescribeLimits and DescribeEndpoints through the SDK v2. */
class LimitsAndEndpointsSdkTest {
  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  final DynamoDbClient dynamo = server.dynamoDb();

  @Test
  void describeLimits_answersAwsDefaultQuotas() {
    DescribeLimitsResponse limits = dynamo.describeLimits(b -> { });

    assertThat(limits.accountMaxReadCapacityUnits()).isEqualTo(80_000L);
    assertThat(limits.accountMaxWriteCapacityUnits()).isEqualTo(80_000L);
    assertThat(limits.tableMaxReadCapacityUnits()).isEqualTo(40_000L);
    assertThat(limits.tableMaxWriteCapacityUnits()).isEqualTo(40_000L);
  }

  @Test
  void describeLimits_bytesAreDynamoDbLocals_andUnknownMembersAreIgnored() {
    Wire.Response response = new Wire(server.tombstone().endpoint())
        .post("DynamoDB_20120810.DescribeLimits", "{\"Extra\":1}");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{\"AccountMaxReadCapacityUnits\":80000,"
        + "\"AccountMaxWriteCapacityUnits\":80000,\"TableMaxReadCapacityUnits\":40000,"
        + "\"TableMaxWriteCapacityUnits\":40000}");
  }

  @Test
  void describeEndpoints_namesTheHostAndPortTheClientAddressed() {
    URI endpoint = server.tombstone().endpoint();

    Endpoint answered = dynamo.describeEndpoints(b -> { }).endpoints().get(0);

    assertThat(answered.address()).isEqualTo(endpoint.getAuthority());
    assertThat(answered.cachePeriodInMinutes()).isEqualTo(1440L);
  }

  private java.util.List<String> targets() {
    return server.tombstone().requests().stream().map(RecordedRequest::target).toList();
  }

  @Test
  void endpointDiscovery_keepsTheClientOnTheEmulator() {
    URI endpoint = server.tombstone().endpoint();
    try (DynamoDbClient discovering = DynamoDbClient.builder()
        .endpointOverride(endpoint)
        .endpointDiscoveryEnabled(true)
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .build()) {

      // The SDK asks for endpoints on a background thread and meanwhile uses the override:
      // keep calling until its DescribeEndpoints has arrived, then once more on what it found.
      long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
      while (!targets().contains("DynamoDB_20120810.DescribeEndpoints")
          && System.nanoTime() < deadline) {
        discovering.listTables();
        Thread.onSpinWait();
      }
      int before = targets().size();
      discovering.listTables();

      assertThat(targets()).contains("DynamoDB_20120810.DescribeEndpoints");
      assertThat(targets().subList(before, targets().size()))
          .contains("DynamoDB_20120810.ListTables");
    }
  }
}
