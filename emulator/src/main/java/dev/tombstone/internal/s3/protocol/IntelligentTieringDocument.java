package dev.tombstone.internal.s3.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An IntelligentTieringConfiguration: filter, status and the days after which objects may move
 * to the archive tiers (90 to 730 for ARCHIVE_ACCESS, 180 to 730 for DEEP_ARCHIVE_ACCESS).
 */
final class IntelligentTieringDocument
    implements IdConfigurationDocument<IntelligentTieringDocument.Tiering> {
  static final int MAX_DAYS = 730;

  record Tiering(Optional<ConfigurationFilter> filter, String status, List<Tier> tiers) {
    Tiering {
      tiers = List.copyOf(tiers);
    }
  }

  record Tier(int days, String accessTier) {
    int minimumDays() {
      return accessTier.equals("ARCHIVE_ACCESS") ? 90 : 180;
    }
  }

  @Override
  public Tiering read(XmlElement root) {
    root.onlyChildren(Set.of("Id", "Filter", "Status", "Tiering"));
    String status = IdConfigurationDocument.oneOf(root, "Status", Set.of("Enabled", "Disabled"));
    List<Tier> tiers = new ArrayList<>();
    for (XmlElement tiering : root.children("Tiering")) {
      tiering.onlyChildren(Set.of("Days", "AccessTier"));
      tiers.add(new Tier(days(IdConfigurationDocument.required(tiering, "Days")),
          IdConfigurationDocument.oneOf(tiering, "AccessTier",
              Set.of("ARCHIVE_ACCESS", "DEEP_ARCHIVE_ACCESS"))));
    }
    if (tiers.isEmpty()) {
      throw WireError.malformedXml();
    }
    return new Tiering(ConfigurationFilter.read(root, false), status, tiers);
  }

  private static int days(String text) {
    try {
      return Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      throw WireError.malformedXml();
    }
  }

  @Override
  public void check(Tiering tiering) {
    for (Tier tier : tiering.tiers()) {
      if (tier.days() < tier.minimumDays()) {
        throw daysOutOfRange("Days specified in " + tier.accessTier()
            + " tier should not be less than " + tier.minimumDays() + ".");
      }
      if (tier.days() > MAX_DAYS) {
        throw daysOutOfRange("Days specified in " + tier.accessTier()
            + " tier should not be more than " + MAX_DAYS + ".");
      }
    }
  }

  // S3 names neither argument nor value here.
  private static WireError daysOutOfRange(String message) {
    return new WireError(WireError.Kind.INVALID_ARGUMENT, message, List.of());
  }

  @Override
  public void write(Tiering tiering, XmlWriter out) {
    tiering.filter().ifPresent(filter -> filter.write(out));
    out.element("Status", tiering.status());
    for (Tier tier : tiering.tiers()) {
      out.start("Tiering").element("Days", tier.days())
          .element("AccessTier", tier.accessTier()).end();
    }
  }
}
