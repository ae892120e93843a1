package dev.tombstone.internal.dynamodb.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.RecordedRequest;
import dev.tombstone.faults.Fault;
import dev.tombstone.testing.RunningTombstone;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DuplicateItemException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ExecuteStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** ExecuteStatement: PartiQL DELETE, INSERT, UPDATE and SELECT through the SDK v2 client. */
class ExecuteStatementSdkTest {
  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  final DynamoDbClient dynamo = server.dynamoDb();

  @BeforeEach
  void orders() {
    dynamo.createTable(b -> b.tableName("Orders").billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH),
            k -> k.attributeName("sk").keyType(KeyType.RANGE))
        .attributeDefinitions(
            d -> d.attributeName("pk").attributeType(ScalarAttributeType.S),
            d -> d.attributeName("sk").attributeType(ScalarAttributeType.N),
            d -> d.attributeName("status").attributeType(ScalarAttributeType.S))
        .globalSecondaryIndexes(g -> g.indexName("byStatus")
            .keySchema(k -> k.attributeName("status").keyType(KeyType.HASH))
            .projection(p -> p.projectionType(ProjectionType.ALL))));
    put("o-1", 1, "NEW");
    put("o-1", 2, "SHIPPED");
    put("o-2", 1, "NEW");
  }

  private void put(String pk, int sk, String status) {
    dynamo.putItem(b -> b.tableName("Orders").item(Map.of("pk", s(pk),
        "sk", AttributeValue.fromN(Integer.toString(sk)), "status", s(status))));
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  private static AttributeValue n(int value) {
    return AttributeValue.fromN(Integer.toString(value));
  }

  private ExecuteStatementResponse execute(String statement, AttributeValue... parameters) {
    return dynamo.executeStatement(b -> {
      b.statement(statement);
      if (parameters.length > 0) {
        b.parameters(parameters);
      }
    });
  }

  private boolean exists(String pk, int sk) {
    return dynamo.getItem(b -> b.tableName("Orders").key(Map.of("pk", s(pk), "sk", n(sk))))
        .hasItem();
  }

  @Test
  void delete_withParameters_removesTheItem() {
    ExecuteStatementResponse response =
        execute("DELETE FROM \"Orders\" WHERE \"pk\" = ? AND \"sk\" = ?", s("o-1"), n(1));

    assertThat(response.items()).isEmpty();
    assertThat(exists("o-1", 1)).isFalse();
    assertThat(exists("o-1", 2)).isTrue();
  }

  @Test
  void delete_returningAllOld_returnsTheDeletedItem() {
    ExecuteStatementResponse response =
        execute("DELETE FROM Orders WHERE pk = 'o-1' AND sk = 2 RETURNING ALL OLD *");

    assertThat(response.items()).containsExactly(
        Map.of("pk", s("o-1"), "sk", n(2), "status", s("SHIPPED")));
  }

  @Test
  void delete_failsConditionalCheck_whenAnExtraConditionIsFalse() {
    ConditionalCheckFailedException thrown = catchThrowableOfType(
        () -> dynamo.executeStatement(b -> b
            .statement("DELETE FROM Orders WHERE pk = ? AND sk = ? AND status = 'SHIPPED'")
            .parameters(s("o-1"), n(1))
            .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)),
        ConditionalCheckFailedException.class);

    assertThat(thrown).hasMessageContaining("The conditional request failed");
    assertThat(thrown.item()).containsEntry("status", s("NEW"));
    assertThat(exists("o-1", 1)).isTrue();
  }

  @Test
  void delete_withConditionFunctions_deletesWhenAllHold() {
    execute("DELETE FROM Orders WHERE pk = 'o-1' AND sk = 1 AND attribute_exists(status)"
        + " AND begins_with(status, 'NE') AND contains(status, 'E') AND size(status) = 3"
        + " AND attribute_type(status, 'S') AND note IS MISSING AND status IS NOT MISSING"
        + " AND (status = 'NEW' OR status = 'OLD') AND status <> 'X' AND sk BETWEEN 0 AND 5"
        + " AND status IN ['NEW', 'SHIPPED'] AND NOT status = 'GONE'");

    assertThat(exists("o-1", 1)).isFalse();
  }

  /** DynamoDB reads IS NULL as a type test: a missing attribute IS NOT NULL. */
  @Test
  void isNull_matchesTheNullType_andIsNotNull_everythingElse() {
    dynamo.putItem(b -> b.tableName("Orders").item(Map.of("pk", s("o-3"), "sk", n(1),
        "gone", AttributeValue.fromNul(true), "m", AttributeValue.fromM(Map.of()))));

    ExecuteStatementResponse isNull = execute("SELECT pk FROM Orders WHERE gone IS NULL");
    ExecuteStatementResponse isNotNull = execute("SELECT pk, sk FROM Orders WHERE gone IS NOT NULL");
    ExecuteStatementResponse nested = execute("SELECT pk FROM Orders WHERE m.gone IS NULL");
    ExecuteStatementResponse notMissing =
        execute("SELECT pk FROM Orders WHERE pk = 'o-3' AND NOT gone IS NULL");

    assertThat(isNull.items()).containsExactly(Map.of("pk", s("o-3")));
    assertThat(isNotNull.items()).extracting(i -> i.get("pk").s() + "/" + i.get("sk").n())
        .containsExactlyInAnyOrder("o-1/1", "o-1/2", "o-2/1");
    assertThat(nested.items()).isEmpty();
    assertThat(notMissing.items()).isEmpty();
  }

  @Test
  void delete_ofAMissingItem_succeedsWhateverTheCondition() {
    ExecuteStatementResponse response =
        execute("DELETE FROM Orders WHERE pk = 'o-9' AND sk = 1 AND status = 'NEW'");

    assertThat(response.items()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "DELETE FROM Orders WHERE pk = 'o-1'"
          + "|Where clause does not contain a mandatory equality on all key attributes",
      "DELETE FROM Orders WHERE pk = 'o-1' OR sk = 1"
          + "|Where clause does not contain a mandatory equality on all key attributes",
      "DELETE FROM Orders WHERE pk = 'o-1' AND sk > 1"
          + "|Where clause does not contain a mandatory equality on all key attributes",
      "DELETE FROM Orders WHERE pk = 'o-1' AND sk = 1 AND pk = 'o-2'"
          + "|Multiple conditions on same key pk. Only single item Update/Insert/Delete are"
          + " supported",
      "DELETE FROM Orders WHERE pk = 'o-1' AND sk = '1'"
          + "|Key attribute's data type should match its data type in table's schema: Key sk",
      "DELETE FROM Orders WHERE pk = 'o-1' AND sk = 1 RETURNING ALL NEW *"
          + "|Invalid returning clause: RETURNING ALL NEW *. Only RETURNING ALL OLD * is allowed"
          + " in DELETE statements.",
      "DELETE FROM Orders.\"byStatus\" WHERE pk = 'o-1' AND sk = 1"
          + "|This operation is not supported on an index",
      "DELETE FROM Orders WHERE pk = 'o-1' AND sk = 1 AND status = MISSING"
          + "|MISSING must be compared using IS operator",
      "DELETE FROM Orders WHERE pk = 'o-1' AND sk = 1 AND nofunc(status)"
          + "|Unrecognized function: nofunc at 1:52:6",
      "DELETE FRM Orders WHERE pk = 1"
          + "|Statement wasn't well formed, can't be processed: DELETE FRM Orders WHERE pk = 1",
      "DELETE FROM Orders WHERE pk = 'o-1' AND sk = 1 AND"
          + "|Statement wasn't well formed, can't be processed: Missing right-hand side"
          + " expression of infix operator",
      "DELETE FROM Orders WHERE pk = ? AND sk = ?"
          + "|Number of parameters in request and statement don't match.",
      "DELETE FROM \"T\" WHERE pk = 'o-1' AND sk = 1"
          + "|Table name should be within the length [3, 255] and only contain 'a-z', 'A-Z',"
          + " '0-9', '-', '_', '.'.",
      "INSERT INTO Orders VALUE {'pk': 'o-3'}"
          + "|Key attribute should be present in the item: Key sk",
      "INSERT INTO Orders VALUE {'pk': 'o-3', 'sk': 1} RETURNING ALL OLD *"
          + "|RETURNING is not supported in INSERT",
      "SELECT * FROM Orders.nope WHERE status = 'NEW'"
          + "|The table does not have the specified index",
      "SELECT * FROM Orders ORDER BY sk"
          + "|Must have WHERE clause in the statement when using ORDER BY clause.",
      "SELECT COUNT(*) FROM Orders|Unexpected path component at 1:8:5",
      "UPDATE Orders SET tags = set_add(tags, 'x') WHERE pk = 'o-1' AND sk = 1"
          + "|The second argument to SET_ADD must be a value with type SET at 1:34:4",
      "UPDATE Orders SET other = set_add(tags, <<'x'>>) WHERE pk = 'o-1' AND sk = 1"
          + "|The first argument to SET_ADD must equal the assignment value at 1:27:7",
      "UPDATE Orders SET tags = set_delete(tags) WHERE pk = 'o-1' AND sk = 1"
          + "|SET_DELETE must have exactly two arguments at 1:26:10",
      "UPDATE Orders SET status = set_add(status, <<'x'>>) WHERE pk = 'o-1' AND sk = 1"
          + "|An operand in the update expression has an incorrect data type",
      "SELECT * FROM Orders WHERE set_add(status, <<'x'>>) = status"
          + "|Unrecognized function: set_add at 1:28:7",
      "SELECT pk, count(*) FROM Orders WHERE pk = 'o-1'|Unexpected path component at 1:12:5",
      "SELECT SUM(sk) FROM Orders|Unexpected path component at 1:8:3",
      "DELETE FROM \"Orders\""
          + "|Where clause does not contain a mandatory equality on all key attributes",
      "UPDATE Absent SET total = 1 RETURNING ALL NEW *"
          + "|Where clause does not contain a mandatory equality on all key attributes",
      "UPDATE Orders SET total = 1, total = 2 WHERE pk = 'o-1' AND sk = 1"
          + "|Two document paths overlap with each other; must remove or rewrite one of these"
          + " paths; path one: [total], path two: [total]",
      "DELETE FROM Orders WHERE pk = 'o-1' AND sk = 1 AND status BETWEEN 'b' AND 'a'"
          + "|The BETWEEN operator requires upper bound to be greater than or equal to lower"
          + " bound; lower bound operand: AttributeValue: {S:b}, upper bound operand:"
          + " AttributeValue: {S:a}",
      "SELECT * FROM Orders WHERE pk = 'o-1' AND begins_with(status, 1)"
          + "|Incorrect operand type for operator or function; operator or function:"
          + " begins_with, operand type: N",
      "DELETE FROM Orders WHERE pk = 'o-1' AND sk = 1 AND status = -1 + 2"
          + "|Unsupported operator in Condition Expression. Operator: +",
      "SELECT * FROM Orders WHERE status = 2 - 1"
          + "|Unsupported operator in Condition Expression. Operator: -",
      "UPDATE Orders SET count = 1 WHERE pk = 'o-1' AND sk = 1"
          + "|Statement wasn't well formed, can't be processed: UPDATE Orders SET count = 1"
          + " WHERE pk = 'o-1' AND sk = 1",
      "DELETE FROM Orders WHERE pk = 'o-1' AND sk = 1 AND size = 8"
          + "|Statement wasn't well formed, can't be processed: DELETE FROM Orders WHERE"
          + " pk = 'o-1' AND sk = 1 AND size = 8",
      "INSERT INTO Orders VALUE {'pk': 'o-3', 'sk': 3, 'x': y}"
          + "|Unsupported data type: y under key root at 1:54:1",
      "INSERT INTO Absent VALUE {'pk': 'o-3', 'x': size(y)}"
          + "|Unsupported data type: size under key root at 1:45:4",
      "UPDATE Orders SET q = [1, y] WHERE pk = 'o-1' AND sk = 1"
          + "|Unsupported data type: VariableReference under key root.1 at 1:27:1",
      "SELECT * FROM Orders WHERE pk = 'o-1' AND tags = {'a': [y.z]}"
          + "|Unsupported data type: Path under key root.a.0",
      "DELETE FROM Orders WHERE pk = 'o-1' AND sk = 1 AND tags IN [[(a = 1)]]"
          + "|Unsupported data type: NAry under key root.0 at 1:65:1",
      "INSERT INTO Orders VALUE ['o-3', 3]|Unsupported format in item expression. Please use"
          + " struct format {...} to express item values for insert statement. at 1:26:1",
      "INSERT INTO Orders VALUE {'pk': 'o-3', 'sk': 3, 'tags': <<>>}"
          + "|Empty bags are not supported",
      "INSERT INTO Orders VALUE {'pk': 'o-3', 'sk': 3, 'tags': <<'a', 1>>}"
          + "|Unsupported data type in Bag. DynamoDB only supports either numbers or strings in"
          + " bags at 1:64:1",
      "INSERT INTO Orders VALUE {'pk': 'o-3', 'sk': 3, 'tags': <<1, 'a'>>}"
          + "|Unsupported data type in Bag. DynamoDB only supports either numbers or strings in"
          + " bags",
      "INSERT INTO Orders VALUE {'pk': 'o-3', 'sk': 3, 'tags': <<'a', 'b', 'a'>>}"
          + "|One or more parameter values were invalid: Input collection [a, b, a] contains"
          + " duplicates.",
      "UPDATE Orders SET tags = set_add(tags, <<'x', 'x'>>) WHERE pk = 'o-1' AND sk = 1"
          + "|One or more parameter values were invalid: Input collection [x, x] contains"
          + " duplicates.",
      "UPDATE Orders SET nums = <<1, 2, 1.0>> WHERE pk = 'o-1' AND sk = 1"
          + "|One or more parameter values were invalid: Input collection [1, 2, 1.0] contains"
          + " duplicates! under root",
      "UPDATE Absent SET nums = <<1, 1>> WHERE pk = 'o-1'|One or more parameter values were"
          + " invalid: Input collection [1, 1] contains duplicates! under root",
      "INSERT INTO Orders VALUE {'pk': 'o-3', 'sk': 3, 'pk': 'o-4'}"
          + "|Duplicate keys in tuple. Key: pk under root at 1:49:4",
      "UPDATE Orders SET m = {'a': {'b': 1, 'b': 2}} WHERE pk = 'o-1' AND sk = 1"
          + "|Duplicate keys in tuple. Key: b under root.a at 1:29:1",
  })
  void invalidStatement_isAValidationError_andChangesNothing(String statement, String message) {
    DynamoDbException thrown = catchThrowableOfType(() -> execute(statement),
        DynamoDbException.class);

    assertThat(thrown.statusCode()).isEqualTo(400);
    assertThat(thrown.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
    assertThat(thrown.awsErrorDetails().errorMessage()).isEqualTo(message);
    assertThat(dynamo.scan(b -> b.tableName("Orders")).count()).isEqualTo(3);
  }

  @Test
  void keywords_areNames_onlyDoubleQuoted() {
    execute("UPDATE Orders SET \"count\" = 1, \"date\" = 'today' WHERE pk = 'o-1' AND sk = 1");

    DynamoDbException bare = catchThrowableOfType(
        () -> execute("SELECT date FROM Orders WHERE pk = 'o-1' AND sk = 1"),
        DynamoDbException.class);
    assertThat(bare.awsErrorDetails().errorMessage())
        .startsWith("Statement wasn't well formed, can't be processed: ");
    assertThat(execute("SELECT \"count\", \"date\" FROM Orders WHERE pk = 'o-1' AND sk = 1")
        .items()).containsExactly(Map.of("count", n(1), "date", s("today")));
  }

  @Test
  void trailingSemicolon_blockComments_andBracketedMapKeys_areServed() {
    execute("UPDATE Orders /* set a map */ SET m = {'k': 'a', 'x y': 1}"
        + " WHERE pk = 'o-1' AND sk = 1;");

    ExecuteStatementResponse updated = execute("UPDATE Orders SET m['k'] = 'b', m['x y'] = 2"
        + " WHERE pk = 'o-1' AND sk = 1 AND m['k'] = 'a' RETURNING ALL NEW *");
    ExecuteStatementResponse selected = execute("SELECT m['k'] FROM Orders"
        + " WHERE pk = 'o-1' AND sk = 1 ; -- done");
    ExecuteStatementResponse filtered =
        execute("SELECT * FROM Orders WHERE pk = 'o-1' AND m['x y'] = 2");

    assertThat(updated.items().get(0)).containsEntry("m",
        AttributeValue.fromM(Map.of("k", s("b"), "x y", n(2))));
    // A nested path answers flat, under its last name.
    assertThat(selected.items()).containsExactly(Map.of("k", s("b")));
    assertThat(filtered.items()).extracting(i -> i.get("sk").n()).containsExactly("1");
  }

  @Test
  void sameKeyEqualityTwice_withTheSameValue_isOneEquality() {
    execute("UPDATE Orders SET total = 1 WHERE pk = 'o-1' AND pk = 'o-1' AND sk = 1 AND sk = 1.0");
    execute("DELETE FROM Orders WHERE pk = ? AND sk = 2 AND 'o-1' = pk", s("o-1"));

    ExecuteStatementResponse same = execute("SELECT * FROM Orders WHERE pk = 'o-1' AND pk = ?",
        s("o-1"));
    ExecuteStatementResponse other = execute("SELECT * FROM Orders WHERE pk = 'o-1'"
        + " AND pk = 'o-2'");
    ExecuteStatementResponse otherSortKey = execute("SELECT * FROM Orders WHERE pk = 'o-1'"
        + " AND sk = 1 AND sk = 2");

    assertThat(same.items()).containsExactly(
        Map.of("pk", s("o-1"), "sk", n(1), "status", s("NEW"), "total", n(1)));
    assertThat(exists("o-1", 2)).isFalse();
    assertThat(other.items()).isEmpty();
    assertThat(otherSortKey.items()).isEmpty();
  }

  @Test
  void returningWithoutStar_andTooManyInOperands_getDynamoDbsTexts() {
    String hundredAndOne = String.join(", ",
        java.util.stream.IntStream.range(0, 101).mapToObj(Integer::toString).toList());

    DynamoDbException returning = catchThrowableOfType(() -> execute(
        "DELETE FROM Orders WHERE pk = 'o-1' AND sk = 1 RETURNING ALL OLD status"),
        DynamoDbException.class);
    DynamoDbException in = catchThrowableOfType(() -> execute(
        "SELECT * FROM Orders WHERE pk = 'o-1' AND total IN [" + hundredAndOne + "]"),
        DynamoDbException.class);

    assertThat(returning.awsErrorDetails().errorMessage())
        .isEqualTo("Expected '*' after ( MODIFIED | ALL ) ( NEW | OLD ) in RETURNING clause");
    assertThat(in.awsErrorDetails().errorMessage()).isEqualTo(
        "The IN operator is provided with too many operands; number of operands: 101");
    assertThat(exists("o-1", 1)).isTrue();
  }

  @Test
  void badParameters_getPartiqlsTexts() {
    DynamoDbException nullKey = catchThrowableOfType(
        () -> execute("DELETE FROM Orders WHERE pk = ? AND sk = 1", AttributeValue.fromNul(true)),
        DynamoDbException.class);
    DynamoDbException setKey = catchThrowableOfType(
        () -> execute("UPDATE Orders SET total = 1 WHERE pk = 'o-1' AND sk = ?",
            AttributeValue.fromNs(List.of("1"))), DynamoDbException.class);
    DynamoDbException notANumber = catchThrowableOfType(
        () -> execute("SELECT * FROM Orders WHERE pk = 'o-1' AND sk = ?",
            AttributeValue.fromN("abc")), DynamoDbException.class);

    assertThat(nullKey.awsErrorDetails().errorMessage())
        .isEqualTo("Key value must be of type S, N, or B. Key name: pk, Key type: NULL");
    assertThat(setKey.awsErrorDetails().errorMessage())
        .isEqualTo("Key value must be of type S, N, or B. Key name: sk, Key type: NS");
    // partiqlParameterNumbers.test.ts: AWS's text, not DynamoDB Local's "A value provided...".
    assertThat(notANumber.awsErrorDetails().errorMessage())
        .isEqualTo("The parameter cannot be converted to a numeric value: abc");
    assertThat(dynamo.scan(b -> b.tableName("Orders")).count()).isEqualTo(3);
  }

  /** moto's AWS-verified test_execute_statement_on_unknown_gsi_table: AWS's texts. */
  @Test
  void statement_onAMissingTable_isResourceNotFound() {
    ResourceNotFoundException thrown = catchThrowableOfType(
        () -> execute("DELETE FROM Absent WHERE pk = 'a' AND sk = 1"),
        ResourceNotFoundException.class);
    ResourceNotFoundException onIndex = catchThrowableOfType(
        () -> execute("SELECT * FROM whatnow.test_gsi"), ResourceNotFoundException.class);

    assertThat(thrown.awsErrorDetails().errorMessage()).isEqualTo("Requested resource not found");
    assertThat(onIndex.awsErrorDetails().errorMessage()).isEqualTo("Requested resource not found");
  }

  @Test
  void statement_longerThan8192Characters_isRefusedByTheModel() {
    DynamoDbException thrown = catchThrowableOfType(() -> execute("x".repeat(8193)),
        DynamoDbException.class);

    assertThat(thrown.awsErrorDetails().errorMessage())
        .startsWith("1 validation error detected: Value '")
        .endsWith("' at 'statement' failed to satisfy constraint: Member must have length less"
            + " than or equal to 8192");
  }

  @Test
  void insert_writesANewItem_withNestedLiterals() {
    execute("INSERT INTO Orders VALUE {'pk': ?, 'sk': 3, 'tags': <<'a', 'b'>>,"
        + " 'lines': [1, 'two', {'k': true}], 'gone': null}", s("o-1"));

    Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName("Orders")
        .key(Map.of("pk", s("o-1"), "sk", n(3)))).item();
    assertThat(item).containsEntry("tags", AttributeValue.fromSs(List.of("a", "b")))
        .containsEntry("lines", AttributeValue.fromL(List.of(n(1), s("two"),
            AttributeValue.fromM(Map.of("k", AttributeValue.fromBool(true))))))
        .containsEntry("gone", AttributeValue.fromNul(true));
  }

  @Test
  void insert_ofAnExistingKey_isDuplicateItem() {
    DuplicateItemException thrown = catchThrowableOfType(
        () -> execute("INSERT INTO Orders VALUE {'pk': 'o-1', 'sk': 1, 'status': 'X'}"),
        DuplicateItemException.class);

    assertThat(thrown.awsErrorDetails().errorMessage())
        .isEqualTo("Duplicate primary key exists in table");
    assertThat(dynamo.getItem(b -> b.tableName("Orders")
        .key(Map.of("pk", s("o-1"), "sk", n(1)))).item()).containsEntry("status", s("NEW"));
  }

  @Test
  void update_setsAndRemoves_returningAllNew() {
    execute("UPDATE Orders SET total = 5 WHERE pk = 'o-1' AND sk = 1");

    ExecuteStatementResponse response = execute("UPDATE Orders SET total = total + ?"
        + " REMOVE status WHERE pk = 'o-1' AND sk = 1 RETURNING ALL NEW *", n(2));

    assertThat(response.items()).containsExactly(Map.of("pk", s("o-1"), "sk", n(1),
        "total", n(7)));
  }

  /** The update page's SET_ADD and SET_DELETE: UpdateItem's ADD and DELETE of set members. */
  @Test
  void update_setAddAndSetDelete_changeSetMembers() {
    execute("UPDATE Orders SET tags = <<'a', 'b'>>, nums = <<1>> WHERE pk = 'o-1' AND sk = 1");

    ExecuteStatementResponse response = execute("UPDATE Orders SET tags = set_add(tags, <<'c'>>)"
        + " SET \"nums\" = SET_DELETE(nums, ?), fresh = set_add(fresh, <<2>>)"
        + " WHERE pk = 'o-1' AND sk = 1 RETURNING ALL NEW *", AttributeValue.fromNs(List.of("1")));
    DynamoDbException notASet = catchThrowableOfType(() -> execute("UPDATE Orders"
        + " SET tags = set_add(tags, ?) WHERE pk = 'o-1' AND sk = 1", s("d")),
        DynamoDbException.class);
    DynamoDbException list = catchThrowableOfType(() -> execute("UPDATE Orders\n"
        + "SET \"tags\" = set_delete(\"tags\", ['a']) WHERE pk = 'o-1' AND sk = 1"),
        DynamoDbException.class);

    assertThat(response.items()).singleElement().satisfies(item -> assertThat(item)
        .containsEntry("tags", AttributeValue.fromSs(List.of("a", "b", "c")))
        .containsEntry("fresh", AttributeValue.fromNs(List.of("2")))
        .doesNotContainKey("nums"));
    assertThat(notASet.awsErrorDetails().errorMessage())
        .isEqualTo("The second argument to SET_ADD must be a value with type SET at 1:34:4");
    assertThat(list.awsErrorDetails().errorMessage())
        .isEqualTo("The second argument to SET_DELETE must be a value with type SET at 2:25:6");
  }

  @Test
  void setLiteralOfParameters_refusesDuplicatesAndMixedTypes_andChangesNothing() {
    DynamoDbException duplicates = catchThrowableOfType(() -> execute("UPDATE Orders"
        + " SET tags = <<?, ?>> WHERE pk = 'o-1' AND sk = 1", s("a"), s("a")),
        DynamoDbException.class);
    DynamoDbException mixed = catchThrowableOfType(() -> execute("UPDATE Orders"
        + " SET tags = <<?, ?>> WHERE pk = 'o-1' AND sk = 1", s("a"), n(1)),
        DynamoDbException.class);

    assertThat(duplicates.awsErrorDetails().errorMessage()).isEqualTo(
        "One or more parameter values were invalid: Input collection [a, a] contains duplicates.");
    assertThat(mixed.awsErrorDetails().errorMessage()).isEqualTo(
        "Unsupported data type in Bag. DynamoDB only supports either numbers or strings in bags");
    assertThat(dynamo.getItem(b -> b.tableName("Orders")
        .key(Map.of("pk", s("o-1"), "sk", n(1)))).item()).doesNotContainKey("tags");
  }

  @Test
  void update_ofAMissingItem_failsTheConditionalCheck() {
    Throwable thrown = catchThrowableOfType(
        () -> execute("UPDATE Orders SET total = 1 WHERE pk = 'o-9' AND sk = 1"),
        ConditionalCheckFailedException.class);

    assertThat(thrown).isNotNull();
    assertThat(exists("o-9", 1)).isFalse();
  }

  @Test
  void select_byWholeKey_readsOneItem_withAProjection() {
    ExecuteStatementResponse response =
        execute("SELECT status FROM Orders WHERE pk = ? AND sk = ?", s("o-1"), n(2));

    assertThat(response.items()).containsExactly(Map.of("status", s("SHIPPED")));
  }

  @Test
  void select_byWholeKey_filtersOnTheWholeItem_beforeTheProjection() {
    ExecuteStatementResponse kept = execute(
        "SELECT sk FROM Orders WHERE pk = 'o-1' AND sk = 2 AND status = 'SHIPPED'");
    ExecuteStatementResponse hidden = execute(
        "SELECT sk FROM Orders WHERE pk = 'o-1' AND sk = 2 AND status = 'NEW'");

    assertThat(kept.items()).containsExactly(Map.of("sk", n(2)));
    assertThat(hidden.items()).isEmpty();
  }

  @Test
  void select_byPartitionKey_queriesInSortKeyOrder_andPages() {
    ExecuteStatementResponse first = dynamo.executeStatement(b -> b
        .statement("SELECT * FROM Orders WHERE pk = 'o-1' ORDER BY sk DESC").limit(1)
        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
    ExecuteStatementResponse second = dynamo.executeStatement(b -> b
        .statement("SELECT * FROM Orders WHERE pk = 'o-1' ORDER BY sk DESC").limit(1)
        .nextToken(first.nextToken()));

    assertThat(first.items()).extracting(i -> i.get("sk").n()).containsExactly("2");
    assertThat(first.consumedCapacity().tableName()).isEqualTo("Orders");
    assertThat(second.items()).extracting(i -> i.get("sk").n()).containsExactly("1");
  }

  @Test
  void select_thatStopsEarly_answersTheLastEvaluatedKey_besideNextToken() {
    ExecuteStatementResponse query = dynamo.executeStatement(b -> b
        .statement("SELECT status FROM Orders WHERE pk = 'o-1'").limit(1));
    ExecuteStatementResponse index = dynamo.executeStatement(b -> b
        .statement("SELECT * FROM Orders.\"byStatus\" WHERE status = 'NEW'").limit(1));
    ExecuteStatementResponse whole = execute("SELECT * FROM Orders WHERE pk = 'o-1'");

    assertThat(query.nextToken()).isNotNull();
    assertThat(query.lastEvaluatedKey()).isEqualTo(Map.of("pk", s("o-1"), "sk", n(1)));
    assertThat(index.lastEvaluatedKey()).containsOnlyKeys("pk", "sk", "status");
    assertThat(whole.hasLastEvaluatedKey()).isFalse();
    assertThat(whole.nextToken()).isNull();
  }

  @Test
  void select_withoutKey_scansWithAFilter_andReadsIndexes() {
    ExecuteStatementResponse scan = execute("SELECT pk FROM Orders WHERE status = 'NEW'");
    ExecuteStatementResponse index =
        execute("SELECT * FROM \"Orders\".\"byStatus\" WHERE status = 'SHIPPED'");

    assertThat(scan.items()).extracting(i -> i.get("pk").s())
        .containsExactlyInAnyOrder("o-1", "o-2");
    assertThat(index.items()).extracting(i -> i.get("sk").n()).containsExactly("2");
  }

  @Test
  void select_readsBackAfterDelete() {
    execute("DELETE FROM Orders WHERE pk = 'o-2' AND sk = 1");

    assertThat(execute("SELECT * FROM Orders WHERE pk = 'o-2' AND sk = 1").items()).isEmpty();
  }

  @Test
  void faultRule_targetsExecuteStatement_byOperationName() {
    server.tombstone().faults().dynamoDb("ExecuteStatement").times(1)
        .respond(Fault.INTERNAL_SERVER_ERROR);

    execute("DELETE FROM Orders WHERE pk = 'o-2' AND sk = 1");

    List<Integer> statuses = server.tombstone().requests().stream()
        .filter(r -> r.target().endsWith(".ExecuteStatement")).map(RecordedRequest::status)
        .toList();
    assertThat(statuses.subList(statuses.size() - 2, statuses.size())).containsExactly(500, 200);
    assertThat(exists("o-2", 1)).isFalse();
  }

  @Test
  void invalidNextToken_isAValidationError() {
    DynamoDbException thrown = catchThrowableOfType(() -> dynamo.executeStatement(b -> b
        .statement("SELECT * FROM Orders").nextToken("garbage")), DynamoDbException.class);

    assertThat(thrown.awsErrorDetails().errorMessage()).isEqualTo("Invalid NextToken");
  }
}
