package dev.tombstone.dynamodb;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What happened to one item in a time window, as an incremental export reports it: the item
 * before the window, the item at its end, and when it was last written in it. An item created and
 * deleted inside the window has no change (both images would be absent).
 *
 * @param keys the item's primary key attributes
 * @param oldImage the item just before the window; empty when it did not exist then
 * @param newImage the item at the window's end; empty when it was deleted by then
 * @param lastWrite the time of the item's last change inside the window
 */
public record ItemChange(Item keys, Optional<Item> oldImage, Optional<Item> newImage,
    Instant lastWrite) {
  public ItemChange {
    Objects.requireNonNull(keys, "keys");
    Objects.requireNonNull(oldImage, "oldImage");
    Objects.requireNonNull(newImage, "newImage");
    Objects.requireNonNull(lastWrite, "lastWrite");
    if (oldImage.isEmpty() && newImage.isEmpty()) {
      throw new IllegalArgumentException("an item change needs an old or a new image");
    }
  }

  /** The image a filter of an incremental export is held against: the new one, else the old. */
  public Item latestImage() {
    return newImage.orElseGet(oldImage::orElseThrow);
  }
}
