package dev.tombstone.internal.dynamodb.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.testing.RunningTombstone;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/**
 * A keyed SELECT is read one branch (a partition, or a sort key value in it) at a time, and
 * DynamoDB refuses more than 50 of them; a SELECT that is a scan, or whose IN is on a non-key
 * attribute, is not limited (floci's DynamoDbPartiQLEdgeCaseIntegrationTest, captured from
 * DynamoDB in 2026).
 */
class PartiqlDecomposedReadsSdkTest {
  private static final String TOO_MANY = "Too many decomposed read operations for a given query.";

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  final DynamoDbClient dynamo = server.dynamoDb();

  @BeforeEach
  void composite() {
    SdkTables.stringKeys(dynamo, "reads", "pk", "sk");
  }

  private static String values(int count) {
    return IntStream.range(0, count).mapToObj(i -> "'v" + i + "'")
        .collect(Collectors.joining(", "));
  }

  private static String select(String where) {
    return "SELECT sk FROM reads WHERE " + where;
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "pk IN [51]", "pk = 'a' AND sk IN [51]", "pk IN [26] AND sk IN ['1', '2']"})
  void moreThanFiftyKeyedReads_areRefused(String shape) {
    String where = shape.replace("[51]", "[" + values(51) + "]")
        .replace("[26]", "[" + values(26) + "]");
    DynamoDbException thrown = catchThrowableOfType(
        () -> dynamo.executeStatement(b -> b.statement(select(where))), DynamoDbException.class);

    assertThat(thrown.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
    assertThat(thrown.awsErrorDetails().errorMessage()).isEqualTo(TOO_MANY);
  }

  @ParameterizedTest
  @ValueSource(strings = {"pk IN [50]", "pk IN [50] AND flag IN [100]", "pk IN [51] OR flag = 'one'",
      "pk IN [25] AND sk IN ['1', '2']"})
  void fiftyReads_aScan_orAnInOnANonKeyAttribute_run(String shape) {
    String where = shape.replace("[51]", "[" + values(51) + "]")
        .replace("[50]", "[" + values(50) + "]").replace("[25]", "[" + values(25) + "]")
        .replace("[100]", "[" + values(100) + "]");

    assertThat(dynamo.executeStatement(b -> b.statement(select(where))).items()).isEmpty();
  }

  @Test
  void batchExecuteStatement_refusesTheStatement_inItsEntry() {
    BatchStatementResponse entry = dynamo.batchExecuteStatement(b -> b.statements(
            s -> s.statement(select("pk IN [" + values(51) + "] AND sk = '1'"))))
        .responses().get(0);

    assertThat(entry.error().message()).isEqualTo(TOO_MANY);
  }
}
