package dev.tombstone.internal.s3.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.s3.DeleteObjects;
import dev.tombstone.s3.ObjectContent;
import dev.tombstone.s3.Versioning;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestDocumentsTest {
  private static final String NS = "http://s3.amazonaws.com/doc/2006-03-01/";

  private static String objects(int count) {
    StringBuilder body = new StringBuilder("<Delete>");
    for (int i = 0; i < count; i++) {
      body.append("<Object><Key>k").append(i).append("</Key></Object>");
    }
    return body.append("</Delete>").toString();
  }

  private static RequestDocuments.DeleteDocument delete(String body) {
    return RequestDocuments.delete(ObjectContent.of(body));
  }

  private static void expectMalformed(Runnable parse) {
    WireError error = catchThrowableOfType(WireError.class, parse::run);
    assertThat(error).isNotNull();
    assertThat(error.code()).isEqualTo("MalformedXML");
    assertThat(error.status()).isEqualTo(400);
  }

  @Test
  void deleteDocument_withNamespace_quietAndVersions() {
    RequestDocuments.DeleteDocument document = delete("<Delete xmlns=\"" + NS + "\">"
        + "<Quiet> TRUE </Quiet><Object><Key>a&amp;b <![CDATA[<c>]]></Key>"
        + "<VersionId>null</VersionId><ETag>\"e\"</ETag></Object></Delete>");

    assertThat(document.quiet()).isTrue();
    assertThat(document.targets()).containsExactly(new DeleteObjects.Target("a&b <c>",
        Optional.of("null"), Optional.of("\"e\"")));
    assertThat(document.directoryBucketFields()).isFalse();
  }

  @Test
  void deleteDocument_withoutNamespace_isVerboseByDefault() {
    RequestDocuments.DeleteDocument document = delete(objects(2));

    assertThat(document.quiet()).isFalse();
    assertThat(document.targets()).extracting(DeleteObjects.Target::key)
        .containsExactly("k0", "k1");
  }

  @Test
  void thousandObjects_areAccepted_oneMoreIsMalformed() {
    assertThat(delete(objects(1000)).targets()).hasSize(1000);
    expectMalformed(() -> delete(objects(1001)));
  }

  @Test
  void directoryBucketFields_areFlagged() {
    assertThat(delete("<Delete><Object><Key>a</Key><Size>3</Size></Object></Delete>")
        .directoryBucketFields()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "",
      "<Delete><Object>",
      "<Delete></Delete>",
      "<Remove><Object><Key>a</Key></Object></Remove>",
      "<Delete xmlns=\"urn:other\"><Object><Key>a</Key></Object></Delete>",
      "<Delete><Object><VersionId>v</VersionId></Object></Delete>",
      "<Delete><Object><Key>a</Key><Key>b</Key></Object></Delete>",
      "<Delete><Object><Key><Inner/></Key></Object></Delete>",
      "<delete><object><key>a</key></object></delete>",
      "<Delete><Object><Key>a</Key></Object></Delete><Delete/>",
  })
  void malformedDeleteDocuments(String body) {
    expectMalformed(() -> delete(body));
  }

  @Test
  void aDtd_isRefused() {
    expectMalformed(() -> delete("<?xml version=\"1.0\"?><!DOCTYPE Delete>"
        + "<Delete><Object><Key>a</Key></Object></Delete>"));
  }

  @Test
  void anExternalEntity_isRefused() {
    expectMalformed(() -> delete("<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY xxe SYSTEM"
        + " \"file:///etc/passwd\">]><Delete><Object><Key>&xxe;</Key></Object></Delete>"));
  }

  @Test
  void anInternalEntityExpansion_isRefused() {
    expectMalformed(() -> delete("<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY a \"aaaa\">"
        + "<!ENTITY b \"&a;&a;&a;&a;\">]><Delete><Object><Key>&b;</Key></Object></Delete>"));
  }

  @Test
  void tooManyElements_orTooDeep_areRefused() {
    expectMalformed(() -> delete("<Delete>" + "<x/>".repeat(XmlReader.MAX_ELEMENTS)
        + "</Delete>"));
    expectMalformed(() -> delete("<a>".repeat(XmlReader.MAX_DEPTH + 1)
        + "</a>".repeat(XmlReader.MAX_DEPTH + 1)));
  }

  @Test
  void versioningDocument_statusAndMfaDelete() {
    RequestDocuments.VersioningChange change = RequestDocuments.versioning(ObjectContent.of(
        "<VersioningConfiguration><Status>Suspended</Status><MfaDelete>Disabled</MfaDelete>"
            + "</VersioningConfiguration>"));

    assertThat(change.status()).hasValue(Versioning.SUSPENDED);
    assertThat(change.mfaDelete()).hasValue("Disabled");
  }

  @ParameterizedTest
  @ValueSource(strings = {"<VersioningConfiguration xmlns=\"" + NS + "\"/>",
      "<VersioningConfiguration><Status> </Status></VersioningConfiguration>",
      "<VersioningConfiguration><Status/><MfaDelete>Enabled</MfaDelete>"
          + "</VersioningConfiguration>"})
  void versioningDocument_withoutAStatus_norMfaDelete_isIllegal(String body) {
    WireError error = catchThrowableOfType(WireError.class,
        () -> RequestDocuments.versioning(ObjectContent.of(body)));

    assertThat(error.code()).isEqualTo("IllegalVersioningConfigurationException");
    assertThat(error.getMessage()).isEqualTo("The Versioning element must be specified");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "<VersioningConfiguration><Status>enabled</Status>"
      + "</VersioningConfiguration>", "<VersioningConfiguration><Status>Disabled</Status>"
      + "</VersioningConfiguration>", "<Versioning><Status>Enabled</Status></Versioning>",
      "<VersioningConfiguration><MfaDelete>Maybe</MfaDelete></VersioningConfiguration>"})
  void malformedVersioningDocuments(String body) {
    expectMalformed(() -> RequestDocuments.versioning(ObjectContent.of(body)));
  }

  @Test
  void mfaDeleteEnabled_isRead() {
    RequestDocuments.VersioningChange change = RequestDocuments.versioning(
        ObjectContent.of("<VersioningConfiguration><MfaDelete>Enabled</MfaDelete>"
            + "</VersioningConfiguration>"));

    assertThat(change.mfaDelete()).contains("Enabled");
    assertThat(change.status()).isEmpty();
  }

  @Test
  void createBucketDocument_emptyBodyOrConstraint() {
    assertThat(RequestDocuments.locationConstraint(ObjectContent.of(" \n"))).isEmpty();
    assertThat(RequestDocuments.locationConstraint(ObjectContent.of(
        "<CreateBucketConfiguration xmlns=\"" + NS + "\"><LocationConstraint>eu-west-1"
            + "</LocationConstraint></CreateBucketConfiguration>"))).hasValue("eu-west-1");
    expectMalformed(() -> RequestDocuments.locationConstraint(ObjectContent.of(
        "<BucketConfiguration/>")));
  }
}
