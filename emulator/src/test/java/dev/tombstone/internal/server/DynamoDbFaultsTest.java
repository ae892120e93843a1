package dev.tombstone.internal.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.internal.server.RequestFacts.Target;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** What the fault layer reads from DynamoDB request bodies. */
class DynamoDbFaultsTest {
  private static final String ARN = "arn:aws:dynamodb:us-east-1:000000000000:table/users";
  private static final Function<String, Optional<String>> USERS_KEY =
      table -> table.equals("users") ? Optional.of("UserId") : Optional.empty();

  private static RequestFacts facts(String operation, String json) throws Exception {
    return DynamoDbFaults.facts(operation,
        JsonTree.parse(json.getBytes(StandardCharsets.UTF_8)), USERS_KEY);
  }

  @Test
  void tableArns_becomeTheTableName_inItemBatchAndTransactRequests() throws Exception {
    String key = "{\"UserId\":{\"S\":\"u1\"}}";

    RequestFacts put = facts("PutItem", "{\"TableName\":\"" + ARN + "\",\"Item\":" + key + "}");
    RequestFacts batchWrite = facts("BatchWriteItem", "{\"RequestItems\":{\"" + ARN
        + "\":[{\"DeleteRequest\":{\"Key\":" + key + "}}]}}");
    RequestFacts batchGet = facts("BatchGetItem", "{\"RequestItems\":{\"" + ARN
        + "\":{\"Keys\":[" + key + "]}}}");
    RequestFacts transact = facts("TransactWriteItems", "{\"TransactItems\":[{\"Delete\":"
        + "{\"TableName\":\"" + ARN + "\",\"Key\":" + key + "}}]}");

    assertThat(put.targets()).containsExactly(new Target("users", "u1"));
    assertThat(batchWrite.targets()).containsExactly(new Target("users", "u1"));
    assertThat(batchGet.targets()).containsExactly(new Target("users", "u1"));
    assertThat(transact.targets()).containsExactly(new Target("users", "u1"));
  }
}
