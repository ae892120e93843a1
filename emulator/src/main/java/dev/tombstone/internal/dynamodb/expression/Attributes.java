package dev.tombstone.internal.dynamodb.expression;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The top-level attribute names a bound condition reads, or only those it descends into with
 * {@code .} or {@code []}, in order of appearance.
 */
final class Attributes {
  private final Set<String> names = new LinkedHashSet<>();
  private final boolean nestedOnly;

  private Attributes(boolean nestedOnly) {
    this.nestedOnly = nestedOnly;
  }

  static Set<String> of(Predicate predicate) {
    return collected(predicate, false);
  }

  /** The names of the attributes {@code predicate} reads a part of ({@code a.b}, {@code a[0]}). */
  static Set<String> nested(Predicate predicate) {
    return collected(predicate, true);
  }

  private static Set<String> collected(Predicate predicate, boolean nestedOnly) {
    Attributes attributes = new Attributes(nestedOnly);
    attributes.collect(predicate, attributes.names);
    return java.util.Collections.unmodifiableSet(attributes.names);
  }

  private void collect(Predicate p, Set<String> names) {
    if (p instanceof Predicate.Or or) {
      collect(or.left(), names);
      collect(or.right(), names);
    } else if (p instanceof Predicate.And and) {
      collect(and.left(), names);
      collect(and.right(), names);
    } else if (p instanceof Predicate.Not not) {
      collect(not.negated(), names);
    } else if (p instanceof Predicate.Exists e) {
      source(e.path(), names);
    } else if (p instanceof Predicate.NotExists e) {
      source(e.path(), names);
    } else if (p instanceof Predicate.TypeIs t) {
      source(t.path(), names);
    } else if (p instanceof Predicate.BeginsWith b) {
      sources(names, b.value(), b.prefix());
    } else if (p instanceof Predicate.Contains c) {
      sources(names, c.value(), c.part());
    } else if (p instanceof Predicate.Compare c) {
      sources(names, c.left(), c.right());
    } else if (p instanceof Predicate.Between b) {
      sources(names, b.value(), b.lower(), b.upper());
    } else if (p instanceof Predicate.In in) {
      source(in.value(), names);
      sources(names, in.candidates());
    } else if (p instanceof Predicate.All all) {
      for (Predicate part : all.parts()) {
        collect(part, names);
      }
    } else if (p instanceof Predicate.Any any) {
      for (Predicate part : any.parts()) {
        collect(part, names);
      }
    }
  }

  private void sources(Set<String> names, Source... sources) {
    for (Source s : sources) {
      source(s, names);
    }
  }

  private void source(Source s, Set<String> names) {
    if (s instanceof Source.Attribute a) {
      if (!nestedOnly) {
        names.add(a.name());
      }
    } else if (s instanceof Source.Nested n) {
      names.add(n.name());
    } else if (s instanceof Source.Size size) {
      source(size.of(), names);
    }
  }
}
