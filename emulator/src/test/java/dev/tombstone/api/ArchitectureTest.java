package dev.tombstone.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The layering of the emulator's main code: what may depend on what, and where public types may
 * live. See the package map in the README.
 */
class ArchitectureTest {
  static final String[] API_PACKAGES = {"dev.tombstone", "dev.tombstone.dynamodb",
      "dev.tombstone.s3", "dev.tombstone.faults"};
  private static final String[] WIRE_LIBRARIES = {"io.undertow..", "org.xnio..",
      "com.fasterxml.jackson.."};
  private static final String INTERNAL = "dev.tombstone.internal..";

  private static final JavaClasses MAIN = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.tombstone");

  @Test
  void publicTypes_liveInTheApiPackagesOrUnderInternal() {
    classes().that().arePublic()
        .should().resideInAnyPackage(concat(API_PACKAGES, INTERNAL))
        .check(MAIN);
  }

  @Test
  void onlyInternalCode_touchesUndertowXnioOrJackson() {
    noClasses().that().resideOutsideOfPackage(INTERNAL)
        .should().dependOnClassesThat().resideInAnyPackage(WIRE_LIBRARIES)
        .check(MAIN);
  }

  @Test
  void domain_knowsNothingOfProtocolsServerOrTheHandle() {
    noClasses().that().resideInAnyPackage("dev.tombstone.dynamodb..", "dev.tombstone.s3..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "dev.tombstone.internal.server..", "dev.tombstone.internal.cli..",
            "dev.tombstone.internal.dynamodb.protocol..", "dev.tombstone.internal.s3.protocol..")
        .orShould().dependOnClassesThat().resideInAPackage("dev.tombstone")
        .check(MAIN);
  }

  @Test
  void protocols_knowNothingOfTheServerOrUndertow() {
    noClasses().that().resideInAnyPackage("dev.tombstone.internal.dynamodb..",
            "dev.tombstone.internal.s3..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "dev.tombstone.internal.server..", "dev.tombstone.internal.cli..", "io.undertow..",
            "org.xnio..")
        .check(MAIN);
  }

  @Test
  void server_doesNotReachBackToTheApiHandle() {
    noClasses().that().resideInAPackage("dev.tombstone.internal.server..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.tombstone",
            "dev.tombstone.internal.cli..")
        .check(MAIN);
  }

  @Test
  void packages_formNoCycles() {
    slices().matching("dev.(**)").should().beFreeOfCycles().check(MAIN);
  }

  @Test
  void apiSignatures_exposeNoInternalType() {
    classes().that().resideInAnyPackage(API_PACKAGES).and().arePublic()
        .should(exposeNoInternalType())
        .check(MAIN);
  }

  private static ArchCondition<JavaClass> exposeNoInternalType() {
    return new ArchCondition<>("expose no internal type in a public or protected member") {
      @Override
      public void check(JavaClass type, ConditionEvents events) {
        for (JavaMember member : type.getMembers()) {
          if (!member.getModifiers().contains(JavaModifier.PUBLIC)
              && !member.getModifiers().contains(JavaModifier.PROTECTED)) {
            continue;
          }
          for (JavaClass used : signatureTypes(member)) {
            if (used.getPackageName().startsWith("dev.tombstone.internal")) {
              events.add(SimpleConditionEvent.violated(member,
                  member.getFullName() + " exposes " + used.getName()));
            }
          }
        }
      }
    };
  }

  private static List<JavaClass> signatureTypes(JavaMember member) {
    List<JavaClass> types = new ArrayList<>();
    if (member instanceof JavaField field) {
      types.addAll(field.getType().getAllInvolvedRawTypes());
    } else if (member instanceof JavaCodeUnit codeUnit) {
      types.addAll(codeUnit.getReturnType().getAllInvolvedRawTypes());
      codeUnit.getParameterTypes().forEach(p -> types.addAll(p.getAllInvolvedRawTypes()));
    }
    return types;
  }

  private static String[] concat(String[] packages, String more) {
    String[] all = java.util.Arrays.copyOf(packages, packages.length + 1);
    all[packages.length] = more;
    return all;
  }
}
