package dev.tombstone.internal.s3.protocol;

/** The single account the emulator serves, and how its owner appears in documents. */
final class Owner {
  static final String ACCOUNT_ID = "000000000000";

  private Owner() {}

  static void write(XmlWriter xml, dev.tombstone.s3.Owner owner) {
    xml.start("Owner").element("ID", owner.id()).element("DisplayName", owner.displayName())
        .end();
  }
}
