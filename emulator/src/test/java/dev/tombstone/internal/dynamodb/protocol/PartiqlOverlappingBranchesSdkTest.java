package dev.tombstone.internal.dynamodb.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.testing.RunningTombstone;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/**
 * A SELECT whose OR branches read part of one partition twice is refused; branches that do not
 * overlap, or that DynamoDB cannot key (a negated sort key term), run (the 2026 conformance
 * suite, whereOverlap.test.ts and partiqlGrammar.test.ts). An OR that names no key attribute
 * is a filter of its branch, not two branches: {@code pk = 'a' AND (x = '1' OR x = '3')} reads
 * the partition once (floci's PartiQL edge-case tests, captured from DynamoDB in 2026, run it on
 * an index and refuse {@code (pk AND x) OR (pk AND x)}).
 */
class PartiqlOverlappingBranchesSdkTest {
  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  final DynamoDbClient dynamo = server.dynamoDb();

  @BeforeEach
  void composite() {
    SdkTables.stringKeys(dynamo, "composite", "pk", "sk");
    for (String sk : List.of("1", "2", "3")) {
      dynamo.putItem(b -> b.tableName("composite").item(Map.of("pk", AttributeValue.fromS("a"),
          "sk", AttributeValue.fromS(sk), "x", AttributeValue.fromS(sk))));
    }
  }

  private List<String> sortKeys(String where) {
    return dynamo.executeStatement(b -> b.statement("SELECT * FROM composite WHERE " + where))
        .items().stream().map(i -> i.get("sk").s()).sorted().toList();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "pk = 'a' AND x = '1' OR pk = 'a' AND sk = '2'",
      "pk = 'a' AND x <> '1' OR pk = 'a' AND sk = '2'",
      "pk = 'a' AND sk = '1' OR pk = 'a' AND sk > '0'",
      "pk = 'a' AND (sk > '0' OR sk < '5')",
      "pk = 'a' AND (sk = '1' OR x = '2')",
      "(pk = 'a' AND x = '1') OR (pk = 'a' AND x = '2')",
      "pk = 'a' OR pk = 'a'",
      "pk IN ['a', 'a']",
      "pk = 'a' AND begins_with(sk, '1') OR pk = 'a' AND sk BETWEEN '0' AND '15'"})
  void overlappingBranches_areRefused(String where) {
    DynamoDbException thrown = catchThrowableOfType(() -> sortKeys(where),
        DynamoDbException.class);

    assertThat(thrown.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
    assertThat(thrown.awsErrorDetails().errorMessage())
        .isEqualTo("Overlapping conditions with range keys are not supported in where clause");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "pk = 'a' AND NOT sk = '1' OR pk = 'a' AND sk = '2'|2,3",
      "pk = 'a' AND sk <> '1' OR pk = 'a' AND sk = '2'|2,3",
      "pk = 'a' AND NOT begins_with(sk, 'x') OR pk = 'a' AND sk = '2'|1,2,3",
      "pk = 'a' AND NOT sk IN ['1', '3'] OR pk = 'a' AND sk = '2'|2",
      "pk = 'a' AND NOT sk > '5' OR pk = 'a' AND sk = '2'|1,2,3",
      "pk = 'a' OR pk = 'a' AND NOT sk = '1'|1,2,3",
      "pk = 'a' AND begins_with(sk, '1') OR pk = 'a' AND sk >= '2'|1,2,3",
      "pk = 'a' AND sk = '1' OR pk = 'b' AND sk = '1'|1",
      "pk = 'a' OR sk = '1'|1,2,3",
      "pk = 'a' AND (x = '1' OR x = '3')|1,3",
      "pk = 'a' AND sk = '2' AND (x = '1' OR x = '2')|2",
      "pk = 'a' AND NOT (x = '1' OR x = '3')|2",
      "(x = '1' OR x = '2') AND pk = 'a'|1,2"})
  void branchesThatDoNotOverlap_orCannotBeKeyed_run(String where, String expected) {
    assertThat(sortKeys(where)).containsExactly(expected.split(","));
  }
}
