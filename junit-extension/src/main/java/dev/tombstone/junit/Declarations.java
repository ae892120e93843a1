package dev.tombstone.junit;

import java.lang.reflect.AnnotatedElement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The tables, buckets and fixtures a test declared: on enclosing classes (outermost first),
 * the test class, then the method.
 */
record Declarations(
    List<Declared<DynamoDbTable>> tables,
    List<Declared<S3Bucket>> buckets,
    List<Declared<DynamoDbItems>> items,
    List<Declared<S3Objects>> objects) {

  /** An annotation and where it was found, for error messages and resource loading. */
  record Declared<A>(A annotation, AnnotatedElement element, Class<?> testClass) {
    String where() {
      return element instanceof Class<?> c ? c.getName() : element.toString();
    }
  }

  static Declarations of(ExtensionContext ctx) {
    Deque<ExtensionContext> chain = new ArrayDeque<>();
    for (Optional<ExtensionContext> c = Optional.of(ctx); c.isPresent(); c = c.get().getParent()) {
      if (c.get().getTestClass().isPresent()) {
        chain.push(c.get());
      }
    }
    Declarations declarations = new Declarations(
        new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    // A parameterized test has a template and an invocation context for the same method.
    Set<AnnotatedElement> seen = new HashSet<>();
    for (ExtensionContext c : chain) {
      Class<?> testClass = c.getRequiredTestClass();
      AnnotatedElement element = c.getTestMethod().<AnnotatedElement>map(m -> m).orElse(testClass);
      if (seen.add(element)) {
        declarations.collect(element, testClass);
      }
    }
    return declarations;
  }

  private void collect(AnnotatedElement element, Class<?> testClass) {
    add(tables, element, testClass, DynamoDbTable.class);
    add(buckets, element, testClass, S3Bucket.class);
    add(items, element, testClass, DynamoDbItems.class);
    add(objects, element, testClass, S3Objects.class);
  }

  private static <A extends java.lang.annotation.Annotation> void add(
      List<Declared<A>> into, AnnotatedElement element, Class<?> testClass, Class<A> type) {
    for (A annotation : AnnotationSupport.findRepeatableAnnotations(element, type)) {
      into.add(new Declared<>(annotation, element, testClass));
    }
  }

  boolean isEmpty() {
    return tables.isEmpty() && buckets.isEmpty() && items.isEmpty() && objects.isEmpty();
  }
}
