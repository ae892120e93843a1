package dev.tombstone.internal.s3.protocol;

import java.util.Optional;
import java.util.Set;

/** A MetricsConfiguration: its id and an optional filter, access point ARNs allowed. */
final class MetricsDocument implements IdConfigurationDocument<Optional<ConfigurationFilter>> {
  @Override
  public Optional<ConfigurationFilter> read(XmlElement root) {
    root.onlyChildren(Set.of("Id", "Filter"));
    return ConfigurationFilter.read(root, true);
  }

  @Override
  public void write(Optional<ConfigurationFilter> filter, XmlWriter out) {
    filter.ifPresent(value -> value.write(out));
  }
}
