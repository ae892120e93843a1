package dev.tombstone.internal.s3.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.internal.RandomEdits;
import dev.tombstone.s3.DeleteObjects;
import dev.tombstone.s3.ObjectContent;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The scanner recognizes what SDKs send, and whatever it recognizes the full parser reads the
 * same way: it may decline a document, never disagree about one.
 */
class DeleteDocumentScannerTest {
  private static final String NS = "http://s3.amazonaws.com/doc/2006-03-01/";
  private static final String SDK_DOCUMENT = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
      + "<Delete xmlns=\"" + NS + "\"><Object><Key>photos/a&amp;b.jpg</Key>"
      + "<VersionId>3sL4kqtJlcpXroDTDmJ-rmSpXd3dIbrHY</VersionId></Object>"
      + "<Object><Key>c</Key><ETag>&quot;9b2cf535f27731c974343645a3985328&quot;</ETag>"
      + "</Object><Quiet>true</Quiet></Delete>";

  private static Optional<RequestDocuments.DeleteDocument> scan(String document) {
    return DeleteDocumentScanner.scan(document.getBytes(StandardCharsets.UTF_8));
  }

  private static void assertAgreesWithTheParser(byte[] document) {
    Optional<RequestDocuments.DeleteDocument> scanned = DeleteDocumentScanner.scan(document);
    if (scanned.isPresent()) {
      assertThat(RequestDocuments.parseDelete(ObjectContent.of(document)))
          .as(new String(document, StandardCharsets.ISO_8859_1))
          .isEqualTo(scanned.get());
    }
  }

  @Test
  void sdkDocument_isRecognized() {
    RequestDocuments.DeleteDocument document = scan(SDK_DOCUMENT).orElseThrow();

    assertThat(document.quiet()).isTrue();
    assertThat(document.directoryBucketFields()).isFalse();
    assertThat(document.targets()).containsExactly(
        new DeleteObjects.Target("photos/a&b.jpg",
            Optional.of("3sL4kqtJlcpXroDTDmJ-rmSpXd3dIbrHY"), Optional.empty()),
        new DeleteObjects.Target("c", Optional.empty(),
            Optional.of("\"9b2cf535f27731c974343645a3985328\"")));
    assertAgreesWithTheParser(SDK_DOCUMENT.getBytes(StandardCharsets.UTF_8));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "<Delete>\n  <Object>\t<Key> spaced key </Key></Object >\n</Delete >\n",
      "<Delete xmlns=''><Quiet> False </Quiet><Object><Key></Key></Object></Delete>",
      "<?xml version='1.0' standalone=\"yes\"?><Delete><Object><Key>k</Key></Object></Delete>",
      "<Delete><Object><Key>a]b]c&lt;&gt;&apos;</Key></Object></Delete>",
      // Each object below starts like the common <Object><Key>k</Key></Object> and is not.
      "<Delete><Object><Key>a&amp;b</Key></Object><Object><Key>a>b</Key></Object></Delete>",
      "<Delete><Object><Key>k</Key><VersionId>v</VersionId></Object><Object><Key>k</Key>"
          + "</Object ><Object><Key>k</Key ></Object><Object><Key>k</Key></Object></Delete>",
      "<Delete><Object><Key>a\tb</Key></Object><Object><Key>\n</Key></Object></Delete>"})
  void plainVariants_areRecognizedAndAgree(String document) {
    assertThat(scan(document)).isPresent();
    assertAgreesWithTheParser(document.getBytes(StandardCharsets.UTF_8));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      " <?xml version=\"1.0\"?><Delete><Object><Key>k</Key></Object></Delete>",
      "<?xml version=\"1.0\" encoding=\"UTF-16\"?><Delete><Object><Key>k</Key></Object></Delete>",
      "<?xml encoding=\"UTF-8\" version=\"1.0\"?><Delete><Object><Key>k</Key></Object></Delete>",
      "<Delete><Object><Key>caf\u00e9</Key></Object></Delete>",
      "<Delete><Object><Key>a\r\nb</Key></Object></Delete>",
      "<Delete><Object><Key>a&#13;b</Key></Object></Delete>",
      "<Delete><Object><Key><![CDATA[<k>]]></Key></Object></Delete>",
      "<Delete><Object><Key>a]]>b</Key></Object></Delete>",
      "<Delete><!-- c --><Object><Key>k</Key></Object></Delete>",
      "<Delete><Object><Key>k</Key><Size>1</Size></Object></Delete>",
      "<Delete><Object><Key>k</Key><Key>k</Key></Object></Delete>",
      "<Delete><Quiet>true</Quiet><Quiet>true</Quiet><Object><Key>k</Key></Object></Delete>",
      "<Delete><Object><VersionId>v</VersionId></Object></Delete>",
      "<Delete></Delete>",
      "<Delete xmlns=\"urn:other\"><Object><Key>k</Key></Object></Delete>",
      "<Delete xmlns:s3=\"" + NS + "\"><Object><Key>k</Key></Object></Delete>",
      "<s3:Delete xmlns:s3=\"" + NS + "\"><Object><Key>k</Key></Object></s3:Delete>",
      "<Delete><Object><Key>k</Key></Object></Delete><Delete/>",
      "<Delete><Object><Key>k</Key></Object>",
      "<Delete><Object><Key>a&b</Key></Object></Delete>",
      "<Delete><Object><Key/></Object></Delete>",
      "<Delete>text<Object><Key>k</Key></Object></Delete>",
      "<!DOCTYPE Delete><Delete><Object><Key>k</Key></Object></Delete>"})
  void anythingElse_isLeftToTheParser(String document) {
    assertThat(scan(document)).isEmpty();
  }

  @Test
  void moreThanAThousandObjects_isLeftToTheParser() {
    StringBuilder document = new StringBuilder("<Delete>");
    for (int i = 0; i < 1001; i++) {
      document.append("<Object><Key>k").append(i).append("</Key></Object>");
    }

    assertThat(scan(document + "</Delete>")).isEmpty();
  }

  @Test
  void randomEditsOfAnSdkDocument_neverMakeTheScannerDisagree() {
    byte[] base = SDK_DOCUMENT.getBytes(StandardCharsets.UTF_8);
    byte[] alphabet = "<>/&;!?[]='\" \t\r\nxmlnsDeleteObjectKeyQuietamp#-:\u00e9"
        .getBytes(StandardCharsets.UTF_8);
    Random random = new Random(17);
    int recognized = 0;
    for (int round = 0; round < 20_000; round++) {
      byte[] document = base.clone();
      for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
        document = RandomEdits.edit(document, random,
            () -> alphabet[random.nextInt(alphabet.length)]);
      }
      if (DeleteDocumentScanner.scan(document).isPresent()) {
        recognized++;
      }
      assertAgreesWithTheParser(document);
    }
    // Edits inside keys and whitespace keep many documents recognizable: the property was
    // checked on real acceptances, not only on refusals.
    assertThat(recognized).isGreaterThan(1_000);
  }
}
