package dev.tombstone.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.Tombstone;
import dev.tombstone.dynamodb.AttributeType;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

class MisuseTest {

  @TombstoneTest
  static class StaticField {
    @Injected static Tombstone tombstone;

    @Test
    void test() {}
  }

  @Test
  void staticInjectedField_isRejected() {
    assertThat(Kit.onlyFailure(Kit.run(StaticField.class)))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessage("Tombstone: @Injected field " + StaticField.class.getName() + ".tombstone"
            + " is static; make it an instance field (a value may be per test)");
  }

  @TombstoneTest
  static class WrongFieldType {
    @Injected String endpoint;

    @Test
    void test() {}
  }

  @Test
  void injectedFieldOfAnUnknownType_isRejected() {
    assertThat(Kit.onlyFailure(Kit.run(WrongFieldType.class)))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessageContaining(".endpoint has type java.lang.String, which cannot be injected;"
            + " use Tombstone, URI, TombstoneNames, ManualClock, an AWS SDK client type or"
            + " S3Presigner");
  }

  @TombstoneTest
  @DynamoDbTable(name = "flags", partitionKey = "On", partitionKeyType = AttributeType.BOOL)
  static class BadKeyType {
    @Test
    void test() {}
  }

  @Test
  void nonScalarKeyType_namesTheTableAndTheFix() {
    assertThat(Kit.onlyFailure(Kit.run(BadKeyType.class)))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessage("Tombstone: @DynamoDbTable(name = \"flags\") on " + BadKeyType.class.getName()
            + ": a key attribute must be S, N or B, was BOOL; key types are S, N or B");
  }

  @TombstoneTest
  @DynamoDbTable(name = "users", partitionKey = "UserId")
  static class MissingFixture {
    @Test
    @DynamoDbItems(table = "users", value = "fixtures/nope.json")
    void test() {}
  }

  @Test
  void missingFixture_namesTheResourceAndWhereItShouldBe() throws Exception {
    assertThat(Kit.onlyFailure(Kit.run(MissingFixture.class)))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessage("Tombstone: @DynamoDbItems(table = \"users\", \"fixtures/nope.json\") on "
            + MissingFixture.class.getDeclaredMethod("test") + " failed:"
            + " IllegalArgumentException: resource \"fixtures/nope.json\" is not on the"
            + " classpath; paths start at the classpath root, e.g."
            + " src/test/resources/fixtures/nope.json");
  }

  @TombstoneTest
  @DynamoDbTable(name = "users", partitionKey = "UserId")
  @DynamoDbItems(table = "users", value = "fixtures/invoice.json")
  static class MalformedFixture {
    @Test
    void test() {}
  }

  @Test
  void fixtureOfTheWrongShape_saysWhichShapesAreAccepted() {
    assertThat(Kit.onlyFailure(Kit.run(MalformedFixture.class)))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessageEndingWith("failed: IllegalArgumentException: expected {\"Items\": [...]}"
            + " (the output of aws dynamodb scan) or an array of items");
  }

  @TombstoneTest(lifecycle = Lifecycle.PER_METHOD)
  static class PerMethodInBeforeAll {
    @BeforeAll
    static void seed(Tombstone tombstone) {}

    @Test
    void test() {}
  }

  @Test
  void perMethodEmulatorInBeforeAll_isRejected() {
    Throwable failure = Kit.run(PerMethodInBeforeAll.class).containerEvents().failed().stream()
        .map(e -> e.getRequiredPayload(org.junit.platform.engine.TestExecutionResult.class))
        .findFirst().orElseThrow().getThrowable().orElseThrow();

    assertThat(failure).isInstanceOf(ParameterResolutionException.class)
        .hasMessageContaining("with Lifecycle.PER_METHOD each test has its own emulator, so none"
            + " can be injected in a class-level context (@BeforeAll");
  }

  @TombstoneTest(region = "EU WEST")
  static class BadRegion {
    @Test
    void test(Tombstone tombstone) {}
  }

  @Test
  void invalidRegion_isRejected() {
    Throwable failure = Kit.run(BadRegion.class).allEvents().failed().stream()
        .map(e -> e.getRequiredPayload(org.junit.platform.engine.TestExecutionResult.class))
        .findFirst().orElseThrow().getThrowable().orElseThrow();

    assertThat(failure).isInstanceOf(ExtensionConfigurationException.class)
        .hasMessage("Tombstone: invalid region \"EU WEST\" in @TombstoneTest(region = ...); use a"
            + " region name such as us-east-1");
  }

  @TombstoneTest(sdkSystemProperties = true)
  @Execution(ExecutionMode.CONCURRENT)
  static class SystemPropertiesInParallel {
    @Test
    void test() {}
  }

  @Test
  void sdkSystemPropertiesInConcurrentTests_requireTheSystemPropertiesLock() {
    Throwable failure = Kit.onlyFailure(Kit.run(SystemPropertiesInParallel.class,
        Map.of("junit.jupiter.execution.parallel.enabled", "true")));

    assertThat(failure).isInstanceOf(ExtensionConfigurationException.class)
        .hasMessage("Tombstone: sdkSystemProperties sets JVM-wide system properties, but test()"
            + " may run concurrently with other tests; annotate its class with"
            + " @ResourceLock(Resources.SYSTEM_PROPERTIES) or @Execution(ExecutionMode.SAME_THREAD)");
  }

  @TombstoneTest
  static class BadEndpoint {
    @Test
    void test() {}
  }

  @Test
  void malformedExternalEndpoint_isRejected() {
    Throwable failure = Kit.run(BadEndpoint.class, Map.of("tombstone.endpoint", "localhost:4566"))
        .allEvents().failed().stream()
        .map(e -> e.getRequiredPayload(org.junit.platform.engine.TestExecutionResult.class))
        .findFirst().orElseThrow().getThrowable().orElseThrow();

    assertThat(failure).isInstanceOf(ExtensionConfigurationException.class)
        .hasMessage("Tombstone: tombstone.endpoint must be an http(s) URL such as"
            + " http://127.0.0.1:4566, or \"aws\" for the real AWS endpoints; was"
            + " \"localhost:4566\"");
  }

  @TombstoneTest
  @DynamoDbTable(name = "x", partitionKey = "Id")
  static class ShortTableName {
    @Test
    void test() {}
  }

  @TombstoneTest
  @DynamoDbTable(name = "bad name!", partitionKey = "Id")
  static class TableNameWithSpaces {
    @Test
    void test() {}
  }

  @TombstoneTest
  @DynamoDbTable(name = "orders", partitionKey = "")
  static class EmptyPartitionKey {
    @Test
    void test() {}
  }

  @Test
  void tableNamesAndKeyNamesCreateTableRefuses_areRejectedWithItsMessage() {
    assertThat(Kit.onlyFailure(Kit.run(ShortTableName.class)))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessage("Tombstone: @DynamoDbTable(name = \"x\") on " + ShortTableName.class.getName()
            + " failed: ValidationException: 1 validation error detected: Value 'x' at"
            + " 'tableName' failed to satisfy constraint: Member must have length greater than or"
            + " equal to 3");
    assertThat(Kit.onlyFailure(Kit.run(TableNameWithSpaces.class)))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessage("Tombstone: @DynamoDbTable(name = \"bad name!\") on "
            + TableNameWithSpaces.class.getName() + " failed: ValidationException: 1 validation"
            + " error detected: Value 'bad name!' at 'tableName' failed to satisfy constraint:"
            + " Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
    assertThat(Kit.onlyFailure(Kit.run(EmptyPartitionKey.class)))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessage("Tombstone: @DynamoDbTable(name = \"orders\") on "
            + EmptyPartitionKey.class.getName() + " failed: ValidationException: Names of key"
            + " attributes and attributes projected into an index must be between 1 and 255"
            + " characters, inclusive");
  }
}
