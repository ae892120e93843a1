package dev.tombstone.scenarios.script;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The one Jackson mapper of the script package. */
final class Json {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}
}
