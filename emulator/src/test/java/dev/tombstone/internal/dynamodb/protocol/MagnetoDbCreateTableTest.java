package dev.tombstone.internal.dynamodb.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.Tombstone;
import dev.tombstone.testing.RunningTombstone;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** MagnetoDB's create_table refusing key schemas DynamoDB's key rules refuse, over raw HTTP. */
class MagnetoDbCreateTableTest {
  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  final Tombstone tombstone = server.tombstone();
  final MagnetoDbWire wire = new MagnetoDbWire(server.tombstone().endpoint());

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "one attribute as HASH and RANGE"
          + "|[{`attribute_name`:`k`,`attribute_type`:`S`}]"
          + "|[{`attribute_name`:`k`,`key_type`:`HASH`},{`attribute_name`:`k`,`key_type`:`RANGE`}]"
          + "|Wrong key schema: 'RANGE' key 'k' found where a key other than the HASH key"
          + " is expected",
      "attribute defined twice"
          + "|[{`attribute_name`:`k`,`attribute_type`:`S`},{`attribute_name`:`k`,`attribute_type`:`N`}]"
          + "|[{`attribute_name`:`k`,`key_type`:`HASH`}]"
          + "|Wrong attribute definitions: 'k' found more than once",
      "empty attribute name as the HASH key"
          + "|[{`attribute_name`:``,`attribute_type`:`S`}]"
          + "|[{`attribute_name`:``,`key_type`:`HASH`}]"
          + "|Names of key attributes and attributes projected into an index must be between 1"
          + " and 255 characters, inclusive",
      "an attribute no key uses"
          + "|[{`attribute_name`:`k`,`attribute_type`:`S`},{`attribute_name`:`z`,`attribute_type`:`N`}]"
          + "|[{`attribute_name`:`k`,`key_type`:`HASH`}]"
          + "|Wrong attribute definitions: 'z' isn't used by the key schema",
      "a third key element"
          + "|[{`attribute_name`:`h`,`attribute_type`:`S`},{`attribute_name`:`r`,`attribute_type`:`S`},"
          + "{`attribute_name`:`x`,`attribute_type`:`S`}]"
          + "|[{`attribute_name`:`h`,`key_type`:`HASH`},{`attribute_name`:`r`,`key_type`:`RANGE`},"
          + "{`attribute_name`:`x`,`key_type`:`RANGE`}]"
          + "|Wrong key schema: 'RANGE' key 'x' found where no more keys are expected"})
  void invalidKeySchema_isValidationError_andCreatesNothing(String name, String definitions,
      String keySchema, String message) {
    MagnetoDbWire.Response response = wire.post("/v1/data/p7/tables",
        ("{'table_name':'abc','attribute_definitions':" + definitions + ",'key_schema':"
            + keySchema + "}").replace('\'', '"').replace('`', '"'));

    assertThat(response.status()).as(response.body()).isEqualTo(400);
    assertThat(response.errorType()).isEqualTo("ValidationError");
    assertThat(response.errorMessage()).isEqualTo(message);
    assertThat(wire.get("/v1/data/p7/tables/abc").status()).isEqualTo(404);
  }
}
