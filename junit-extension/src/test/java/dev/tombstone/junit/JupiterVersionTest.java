package dev.tombstone.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;

class JupiterVersionTest {
  @Test
  void theJupiterOnThisClassPath_isAccepted() {
    assertThatCode(JupiterVersion::require).doesNotThrowAnyException();
    assertThat(JupiterVersion.problem(name -> true, "5.13.0")).isEmpty();
  }

  @Test
  void aJupiterWithoutThe513Type_isRefusedNamingItsVersion() {
    assertThat(JupiterVersion.problem(name -> !name.equals(JupiterVersion.SINCE_5_13), "5.12.2"))
        .hasValueSatisfying(message -> assertThat(message)
            .startsWith("Tombstone: the JUnit extension needs JUnit Jupiter 5.13 or newer, found"
                + " 5.12.2. Older versions do not close")
            .endsWith("import the org.junit:junit-bom of that version)"));
  }

  @Test
  void anUnknownVersion_isNamedAsOlder() {
    assertThat(JupiterVersion.problem(name -> false, null))
        .hasValueSatisfying(message -> assertThat(message).contains("found an older one."));
  }
}
