package dev.tombstone.internal.s3.protocol;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * User metadata values as S3 carries them in {@code x-amz-meta-*} headers ("Working with object
 * metadata"): RFC 2047 encoded-words are decoded before storing, and a stored value holding
 * characters outside US-ASCII goes out as one encoded-word, {@code =?UTF-8?B?...?=}; an
 * all-ASCII value goes out as it is. Header bytes reach us as ISO-8859-1 characters, which is
 * also how S3 reads raw bytes: a raw UTF-8 {@code é} is stored as the two characters
 * {@code Ã©}.
 */
final class MetadataValues {
  // =?charset?encoding?text?= (RFC 2047 section 2); charset may carry an RFC 2231 *language.
  private static final Pattern ENCODED_WORD =
      Pattern.compile("=\\?([^?\\s]+)\\?([BbQq])\\?([^?\\s]*)\\?=");
  private static final Pattern WHITESPACE = Pattern.compile("[ \\t\\r\\n]+");

  private MetadataValues() {}

  /**
   * The value to store for a header's {@code value}: each encoded-word decoded, and the
   * whitespace between two adjacent encoded-words dropped (RFC 2047 section 6.2). A word in a
   * charset this JVM does not know, or whose text does not decode, stays as it was sent.
   */
  static String decode(String value) {
    if (!value.contains("=?")) {
      return value;
    }
    Matcher word = ENCODED_WORD.matcher(value);
    StringBuilder decoded = new StringBuilder(value.length());
    int copied = 0;
    boolean afterWord = false;
    while (word.find()) {
      String between = value.substring(copied, word.start());
      String text = decodeWord(word.group(1), word.group(2), word.group(3));
      if (!(afterWord && text != null && WHITESPACE.matcher(between).matches())) {
        decoded.append(between);
      }
      decoded.append(text != null ? text : word.group());
      afterWord = text != null;
      copied = word.end();
    }
    return decoded.append(value, copied, value.length()).toString();
  }

  /**
   * The header value for a stored {@code value}: one encoded-word when it holds a character a
   * header cannot carry as it is, one outside US-ASCII or a control character other than tab
   * (a form field of a browser upload may hold those; S3 answered bytes 0 to 4 as
   * {@code =?UTF-8?B?AAECAwQ=?=} in LocalStack's AWS-validated recording).
   */
  static String encode(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c >= 0x7F || (c < 0x20 && c != '\t')) {
        return "=?UTF-8?B?"
            + Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)) + "?=";
      }
    }
    return value;
  }

  private static String decodeWord(String charsetName, String encoding, String text) {
    int language = charsetName.indexOf('*');
    Charset charset;
    try {
      charset = Charset.forName(language < 0 ? charsetName : charsetName.substring(0, language));
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      return null;
    }
    byte[] bytes = encoding.toUpperCase(Locale.ROOT).equals("B") ? base64(text) : quoted(text);
    return bytes == null ? null : new String(bytes, charset);
  }

  private static byte[] base64(String text) {
    try {
      return Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  // The "Q" encoding: "_" is a space, "=XX" a byte in hex, anything else itself.
  private static byte[] quoted(String text) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '_') {
        bytes.write(' ');
      } else if (c == '=') {
        int high = i + 2 < text.length() ? Character.digit(text.charAt(i + 1), 16) : -1;
        int low = high < 0 ? -1 : Character.digit(text.charAt(i + 2), 16);
        if (low < 0) {
          return null;
        }
        bytes.write(high * 16 + low);
        i += 2;
      } else if (c > 0x7F) {
        return null;
      } else {
        bytes.write(c);
      }
    }
    return bytes.toByteArray();
  }
}
