package dev.tombstone.internal.dynamodb.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.dynamodb.AttributeValue;
import dev.tombstone.dynamodb.Bytes;
import dev.tombstone.dynamodb.Item;
import dev.tombstone.internal.NestingLimit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** DynamoDB items to Ion export lines and back. */
class IonItemsTest {

  static Item everyType() {
    Map<String, AttributeValue> attributes = new LinkedHashMap<>();
    attributes.put("id", AttributeValue.s("o-1"));
    attributes.put("n", AttributeValue.n("600"));
    attributes.put("price", AttributeValue.n("-0.001"));
    attributes.put("big", AttributeValue.n("1E+30"));
    attributes.put("b", new AttributeValue.B(Bytes.of((byte) 0, (byte) 0xff)));
    attributes.put("ok", AttributeValue.Bool.TRUE);
    attributes.put("nothing", AttributeValue.Null.INSTANCE);
    attributes.put("tags", AttributeValue.ss("a", "b\"c"));
    attributes.put("sizes", new AttributeValue.NS(Set.of(new java.math.BigDecimal("1.5"))));
    attributes.put("blobs", new AttributeValue.BS(Set.of(Bytes.of((byte) 1))));
    attributes.put("lines", new AttributeValue.L(List.of(AttributeValue.s("x"),
        new AttributeValue.M(Map.of("first name", AttributeValue.s("é\n"))))));
    attributes.put("null", AttributeValue.s("a field named null"));
    return Item.of(attributes);
  }

  static Item read(String ion) {
    return IonItems.item(new IonReader(ion).next());
  }

  static String refused(String ion) {
    return catchThrowableOfType(() -> read(ion), IonItems.NotAnItem.class).getMessage();
  }

  @Test
  void line_writesEveryTypeAsTheDeveloperGuideMapsIt() {
    assertThat(IonItems.line(everyType())).isEqualTo("$ion_1_0 {Item:{id:\"o-1\",n:6d2,"
        + "price:-1d-3,big:1d30,b:{{AP8=}},ok:true,nothing:null,"
        + "tags:$dynamodb_SS::[\"a\",\"b\\\"c\"],sizes:$dynamodb_NS::[1.5],"
        + "blobs:$dynamodb_BS::[{{AQ==}}],lines:[\"x\",{'first name':\"é\\n\"}],"
        + "'null':\"a field named null\"}}\n");
  }

  @Test
  void item_readsBackWhatLineWrites() {
    Item item = everyType();

    assertThat(read(IonItems.line(item))).isEqualTo(item);
  }

  @Test
  void item_readsTheDeveloperGuidesExample() {
    Item item = read("$ion_1_0 {\n  Item:{\n    Authors:$dynamodb_SS::[\"Author1\",\"Author2\"],"
        + "\n    Dimensions:\"8.5 x 11.0 x 1.5\",\n    ISBN:\"333-3333333333\",\n    Id:103.,\n"
        + "    InPublication:false,\n    PageCount:6d2,\n    Price:2d3,\n"
        + "    ProductCategory:\"Book\",\n    Title:\"Book 103 Title\"\n  }\n}");

    assertThat(item.get("Authors")).isEqualTo(AttributeValue.ss("Author1", "Author2"));
    assertThat(item.get("Id")).isEqualTo(AttributeValue.n("103"));
    assertThat(item.get("PageCount")).isEqualTo(AttributeValue.n("600"));
    assertThat(item.get("Price")).isEqualTo(AttributeValue.n("2000"));
    assertThat(item.get("InPublication")).isEqualTo(AttributeValue.Bool.FALSE);
    assertThat(item.attributes()).hasSize(9);
  }

  @Test
  void item_takesIntsAsNumbers_andIgnoresFieldsBesidesItem() {
    Item item = read("{Other:1, Item:{id:\"a\", n:42, hex:0x10}}");

    assertThat(item.get("n")).isEqualTo(AttributeValue.n("42"));
    assertThat(item.get("hex")).isEqualTo(AttributeValue.n("16"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "[1]|" + IonItems.NOT_AN_ITEM,
      "{item:{}}|" + IonItems.NOT_AN_ITEM,
      "{Item:[]}|" + IonItems.NOT_AN_ITEM,
      "{Item:{}, Item:{}}|The struct has two Item fields",
      "{Item:{a:1, a:2}}|The name a appears twice in one struct",
      "{Item:{m:{k:1, k:1}}}|The name k appears twice in one struct",
      "{Item:{a:sym}}|The Ion symbol sym is no DynamoDB type: write a string in double quotes",
      "{Item:{a:1e0}}|An Ion float is no DynamoDB type",
      "{Item:{a:2020-01-01T}}|An Ion timestamp is no DynamoDB type",
      "{Item:{a:{{\"c\"}}}}|An Ion clob is no DynamoDB type",
      "{Item:{a:null.string}}|An Ion null.string is no DynamoDB type",
      "{Item:{a:$dynamodb_XS::[]}}|The annotation $dynamodb_XS:: is no DynamoDB type: only"
          + " $dynamodb_SS, $dynamodb_NS and $dynamodb_BS on a list",
      "{Item:{a:$dynamodb_SS::\"a\"}}|The annotation $dynamodb_SS:: is no DynamoDB type: only"
          + " $dynamodb_SS, $dynamodb_NS and $dynamodb_BS on a list",
      "{Item:{a:x::$dynamodb_SS::[\"a\"]}}|The annotation x::$dynamodb_SS:: is no DynamoDB"
          + " type: only $dynamodb_SS, $dynamodb_NS and $dynamodb_BS on a list",
      "{Item:{a:$dynamodb_SS::[1]}}|A member of a $dynamodb_SS list is not a string",
      "{Item:{a:$dynamodb_NS::[\"1\"]}}|A member of a $dynamodb_NS list is not a decimal",
      "{Item:{a:$dynamodb_BS::[\"1\"]}}|A member of a $dynamodb_BS list is not a blob",
      "{Item:{a:$dynamodb_SS::[]}}|One or more parameter values were invalid: An string set "
          + " may not be empty",
      "{Item:{a:$dynamodb_SS::[\"x\",\"x\"]}}|One or more parameter values were invalid:"
          + " Input collection [x, x] contains duplicates.",
      "{Item:{a:$dynamodb_NS::[1.0,1.]}}|Input collection contains duplicates",
      "{Item:{a:1d126}}|Number overflow. Attempting to store a number with magnitude larger"
          + " than supported range",
      "{Item:{a:1.00000000000000000000000000000000000001}}|Attempting to store more than 38"
          + " significant digits in a Number",
  })
  void item_refusesWhatNoDynamoDbItemHolds(String ion, String problem) {
    assertThat(refused(ion)).isEqualTo(problem);
  }

  @Test
  void item_refusesAttributesNestedPastDynamoDbsLimit() {
    String fits = "{Item:{a:" + "[".repeat(NestingLimit.MAX_LEVELS - 1) + "1"
        + "]".repeat(NestingLimit.MAX_LEVELS - 1) + "}}";
    String deeper = "{Item:{a:" + "[".repeat(NestingLimit.MAX_LEVELS) + "1"
        + "]".repeat(NestingLimit.MAX_LEVELS) + "}}";

    assertThat(read(fits).get("a")).isInstanceOf(AttributeValue.L.class);
    assertThat(refused(deeper)).isEqualTo(NestingLimit.EXCEEDED);
  }
}
