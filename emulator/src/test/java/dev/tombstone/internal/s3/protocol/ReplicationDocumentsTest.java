package dev.tombstone.internal.s3.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.s3.BucketReplication;
import dev.tombstone.s3.BucketReplication.Rule;
import dev.tombstone.s3.ObjectContent;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReplicationDocumentsTest {
  private static final String DESTINATION =
      "<Destination><Bucket>arn:aws:s3:::replica</Bucket></Destination>";

  @Test
  void aRuleWithNeitherPrefixNorFilter_isTheOriginalSchema_withAGeneratedId() {
    Rule rule = read("<Rule><Status>Enabled</Status>" + DESTINATION + "</Rule>").rules().get(0);

    assertThat(rule.filter()).isEmpty();
    assertThat(rule.prefix()).isEmpty();
    assertThat(rule.deleteMarkerReplication()).isEmpty();
    assertThat(rule.id()).isNotBlank();
    assertThat(rule.destination().bucket()).isEqualTo("replica");
  }

  @Test
  void aFilterKeepsItsTagsInOrder_andIsWrittenBackAsAnAnd() {
    BucketReplication read = read("<Rule><ID>r</ID><Status>Enabled</Status><Filter><And>"
        + "<Tag><Key>b</Key><Value>2</Value></Tag><Tag><Key>a</Key><Value>1</Value></Tag>"
        + "</And></Filter><DeleteMarkerReplication><Status>Disabled</Status>"
        + "</DeleteMarkerReplication>" + DESTINATION + "</Rule>");

    assertThat(read.rules().get(0).filter().get().tags())
        .containsExactly(Map.entry("b", "2"), Map.entry("a", "1"));
    assertThat(new String(ReplicationDocuments.write(read), StandardCharsets.UTF_8))
        .contains("<Filter><And><Tag><Key>b</Key><Value>2</Value></Tag><Tag><Key>a</Key>"
            + "<Value>1</Value></Tag></And></Filter>");
    assertThat(read.rules().get(0).priority()).isEqualTo(Optional.empty());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "<Filter><Prefix>a</Prefix><Tag><Key>k</Key><Value>v</Value></Tag></Filter>",
      "<Filter><Tag><Key>k</Key><Value>v</Value></Tag><Tag><Key>j</Key><Value>v</Value></Tag>"
          + "</Filter>",
      "<Filter><And><Tag><Key>k</Key><Value>v</Value></Tag><Tag><Key>k</Key><Value>w</Value>"
          + "</Tag></And></Filter>",
      "<Filter><And/><Prefix>a</Prefix></Filter>"})
  void filtersOutsideTheSchema_areMalformedXml(String filter) {
    WireError error = catchThrowableOfType(WireError.class, () -> read("<Rule>"
        + "<Status>Enabled</Status>" + filter + "<DeleteMarkerReplication><Status>Disabled"
        + "</Status></DeleteMarkerReplication>" + DESTINATION + "</Rule>"));

    assertThat(error.code()).isEqualTo("MalformedXML");
  }

  private static BucketReplication read(String rules) {
    return ReplicationDocuments.read(XmlReader.parse(ObjectContent.of(
        ("<ReplicationConfiguration><Role>arn:aws:iam::123456789012:role/r</Role>" + rules
            + "</ReplicationConfiguration>").getBytes(StandardCharsets.UTF_8))));
  }
}
