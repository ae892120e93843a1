package dev.tombstone.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The public surface of some packages as text: one line per public or protected type and member,
 * sorted, so that a change to what users can call shows up as a diff of a committed file. Tests
 * compare it with the committed listing on the classpath; with {@code -Dtombstone.api.update=true}
 * they rewrite the listing in the module's {@code src/test/resources} instead.
 */
public final class ApiListing {
  private static final String UPDATE_PROPERTY = "tombstone.api.update";

  private ApiListing() {}

  /** The listing of every public type in exactly these packages (not their subpackages). */
  public static List<String> of(String... packages) {
    Set<String> wanted = Set.of(packages);
    List<Class<?>> types = new ArrayList<>();
    for (JavaClass javaClass : new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages(packages)) {
      if (wanted.contains(javaClass.getPackageName()) && isVisible(javaClass.reflect())) {
        types.add(javaClass.reflect());
      }
    }
    types.sort(Comparator.comparing(Class::getName));
    List<String> lines = new ArrayList<>();
    types.forEach(type -> lines.addAll(describe(type)));
    return lines;
  }

  /**
   * Checks {@code packages} against the listing committed as {@code resource} (a path under
   * {@code src/test/resources}), or rewrites it when {@code -Dtombstone.api.update=true}.
   */
  public static void check(String resource, String... packages) {
    List<String> actual = of(packages);
    if (Boolean.getBoolean(UPDATE_PROPERTY)) {
      write(Path.of("src/test/resources", resource), actual);
      return;
    }
    List<String> committed = read(resource);
    Set<String> added = new LinkedHashSet<>(actual);
    committed.forEach(added::remove);
    Set<String> removed = new LinkedHashSet<>(committed);
    actual.forEach(removed::remove);
    assertThat(actual)
        .as("The public API differs from src/test/resources/%s.%nAdded:%n  %s%nRemoved:%n  %s%n"
                + "If the change is deliberate, run the module's tests with"
                + " -D%s=true and commit the listing.",
            resource, String.join("\n  ", added), String.join("\n  ", removed), UPDATE_PROPERTY)
        .isEqualTo(committed);
  }

  private static boolean isVisible(Class<?> type) {
    for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
      if (!Modifier.isPublic(c.getModifiers()) || c.isAnonymousClass() || c.isSynthetic()) {
        return false;
      }
    }
    return true;
  }

  private static List<String> describe(Class<?> type) {
    // JDK 17 leaves "sealed" out of toGenericString and later JDKs print it; "permits" below
    // says the same on every JDK.
    String header = type.toGenericString().replaceFirst("\\b(non-)?sealed ", "");
    List<String> supertypes = new ArrayList<>();
    if (type.getGenericSuperclass() != null && type.getSuperclass() != Object.class
        && type.getSuperclass() != Record.class && type.getSuperclass() != Enum.class) {
      supertypes.add("extends " + type.getGenericSuperclass().getTypeName());
    }
    if (type.getGenericInterfaces().length > 0) {
      supertypes.add((type.isInterface() ? "extends " : "implements ")
          + Arrays.stream(type.getGenericInterfaces()).map(t -> t.getTypeName())
              .collect(Collectors.joining(", ")));
    }
    if (type.isSealed()) {
      supertypes.add("permits " + Arrays.stream(type.getPermittedSubclasses())
          .map(Class::getName).sorted().collect(Collectors.joining(", ")));
    }
    String typeLine = supertypes.isEmpty() ? header : header + " " + String.join(" ", supertypes);
    Set<String> members = new TreeSet<>();
    for (Field field : type.getDeclaredFields()) {
      if (isExposed(field) && !field.isSynthetic()) {
        members.add(field.toGenericString());
      }
    }
    for (Constructor<?> constructor : type.getDeclaredConstructors()) {
      if (isExposed(constructor) && !constructor.isSynthetic()) {
        members.add(constructor.toGenericString());
      }
    }
    for (Method method : type.getDeclaredMethods()) {
      if (isExposed(method) && !method.isSynthetic() && !method.isBridge()) {
        members.add(method.toGenericString());
      }
    }
    List<String> lines = new ArrayList<>();
    lines.add(typeLine);
    members.forEach(m -> lines.add("  " + m));
    return lines;
  }

  private static boolean isExposed(Member member) {
    int modifiers = member.getModifiers();
    return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
  }

  private static List<String> read(String resource) {
    try (InputStream in = ApiListing.class.getResourceAsStream("/" + resource)) {
      if (in == null) {
        return List.of();
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return text.isEmpty() ? List.of() : List.of(text.split("\n"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(Path file, List<String> lines) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
