package dev.tombstone.internal.dynamodb.protocol;

import static dev.tombstone.internal.dynamodb.protocol.MultiAttributeIndexSdkTest.def;
import static dev.tombstone.internal.dynamodb.protocol.MultiAttributeIndexSdkTest.index;
import static dev.tombstone.internal.dynamodb.protocol.MultiAttributeIndexSdkTest.key;
import static dev.tombstone.internal.dynamodb.protocol.MultiAttributeIndexSdkTest.s;
import static dev.tombstone.internal.dynamodb.protocol.SdkErrors.validationMessage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.testing.RunningTombstone;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ComparisonOperator;
import software.amazon.awssdk.services.dynamodb.model.Condition;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;

/**
 * The key conditions ScyllaDB's composite-GSI tests (test_gsi_composite_keys.py, run against
 * DynamoDB) refuse with {@code HASH.*equality} or {@code RANGE.*equality}, replayed on their
 * tables: idx_2h2r (h1, h2 HASH; r1, r2 RANGE), idx_4h4r and the swapped index (r1, r2 HASH; h1,
 * h2 RANGE). The RANGE text is DynamoDB's in full; the HASH text is its start as a user quoted it.
 */
class MultiAttributeIndexRefusalSdkTest {
  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  private static final Pattern PLACEHOLDER = Pattern.compile(":\\w+");

  final DynamoDbClient dynamo = server.dynamoDb();

  @BeforeEach
  void tables() {
    dynamo.createTable(table("idx_2h2r", List.of("h1", "h2"), List.of("r1", "r2")));
    dynamo.createTable(table("idx_4h4r", List.of("h1", "h2", "h3", "h4"),
        List.of("r1", "r2", "r3", "r4")));
    dynamo.createTable(table("swapped", List.of("r1", "r2"), List.of("h1", "h2")));
  }

  @Test
  void aHashAttributeMissingOrWithoutEquality_isNamed() {
    for (String condition : List.of("h1 = :h1", "h1 = :h1 AND h2 > :h2",
        "h1 = :h1 AND h2 BETWEEN :a AND :b", "h1 = :h1 AND begins_with(h2, :p)",
        "h1 = :h1 AND r1 = :r1 AND r2 = :r2")) {
      assertThat(refusal("idx_2h2r", condition)).as(condition)
          .isEqualTo("HASH key attributes h2 must have equality conditions");
    }
    assertThat(refusal("idx_2h2r", "h2 = :h2 AND h1 > :h1"))
        .isEqualTo("HASH key attributes h1 must have equality conditions");
    assertThat(refusal("swapped", "h1 = :h1 AND h2 = :h2"))
        .isEqualTo("HASH key attributes r1 must have equality conditions");
  }

  @Test
  void legacyKeyConditions_missingAHashAttribute_getTheSameText() {
    Condition eq = Condition.builder().comparisonOperator(ComparisonOperator.EQ)
        .attributeValueList(s("x")).build();

    assertThat(validationMessage(() -> dynamo.query(b -> b.tableName("idx_2h2r").indexName("idx")
        .keyConditions(Map.of("h1", eq, "r1", eq)))))
        .isEqualTo("HASH key attributes h2 must have equality conditions");
  }

  @Test
  void aRangeAttributeSkippedOrWithARangeOperatorBeforeALaterOne_isNamedWithIt() {
    String hashes = "h1 = :h1 AND h2 = :h2 AND ";
    assertThat(refusal("idx_2h2r", hashes + "r2 = :r2")).isEqualTo(rangeText("r1", "r2"));
    assertThat(refusal("idx_2h2r", hashes + "r1 > :r1 AND r2 = :r2"))
        .isEqualTo(rangeText("r1", "r2"));
    assertThat(refusal("idx_2h2r", hashes + "r1 > :r1 AND r2 > :r2"))
        .isEqualTo(rangeText("r1", "r2"));
    assertThat(refusal("idx_2h2r", hashes + "begins_with(r1, :p) AND r2 = :r2"))
        .isEqualTo(rangeText("r1", "r2"));
    assertThat(refusal("swapped", "r1 = :r1 AND r2 = :r2 AND h2 = :h2"))
        .isEqualTo(rangeText("h1", "h2"));

    String all4 = "h1 = :h1 AND h2 = :h2 AND h3 = :h3 AND h4 = :h4 AND ";
    assertThat(refusal("idx_4h4r", all4 + "r1 = :r1 AND r3 = :r3"))
        .isEqualTo(rangeText("r2", "r3"));
    assertThat(refusal("idx_4h4r", all4 + "r1 = :r1 AND r3 = :r3 AND r4 = :r4"))
        .isEqualTo(rangeText("r2", "r3"));
    assertThat(refusal("idx_4h4r", all4 + "r1 = :r1 AND r2 < :r2 AND r3 = :r3 AND r4 = :r4"))
        .isEqualTo(rangeText("r2", "r3"));
  }

  private static String rangeText(String earlier, String later) {
    return "RANGE key attributes " + earlier + " must have equality conditions specified in the"
        + " query because a condition is present on key attribute " + later;
  }

  /** The message refusing {@code condition} on the table's index, every value a string. */
  private String refusal(String tableName, String condition) {
    Map<String, AttributeValue> values = new HashMap<>();
    Matcher m = PLACEHOLDER.matcher(condition);
    while (m.find()) {
      values.put(m.group(), s("x"));
    }
    return validationMessage(() -> dynamo.query(b -> b.tableName(tableName).indexName("idx")
        .keyConditionExpression(condition).expressionAttributeValues(values)));
  }

  private static CreateTableRequest table(String name, List<String> hashes,
      List<String> ranges) {
    List<AttributeDefinition> definitions = new ArrayList<>(List.of(def("p", "S")));
    List<KeySchemaElement> elements = new ArrayList<>();
    for (String h : hashes) {
      definitions.add(def(h, "S"));
      elements.add(key(h, KeyType.HASH));
    }
    for (String r : ranges) {
      definitions.add(def(r, "S"));
      elements.add(key(r, KeyType.RANGE));
    }
    return MultiAttributeIndexSdkTest.table(name, definitions, index("idx", elements));
  }
}
