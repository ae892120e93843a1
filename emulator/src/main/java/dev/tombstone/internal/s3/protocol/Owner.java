package dev.tombstone.internal.s3.protocol;

/** The single account the emulator serves and the owner it reports everywhere. */
final class Owner {
  static final String ACCOUNT_ID = "000000000000";
  /** SHA-256 of "tombstone": 64 lower-case hex characters, shaped like AWS's canonical ids. */
  static final String ID = "9be4d820aca910ba177fcfeeab2762afefa4b7888e4a92f25fec0032a5688078";
  static final String DISPLAY_NAME = "tombstone";

  private Owner() {}

  static void write(XmlWriter xml) {
    xml.start("Owner").element("ID", ID).element("DisplayName", DISPLAY_NAME).end();
  }
}
