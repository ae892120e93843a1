package dev.tombstone.internal.dynamodb.protocol;

import java.util.Set;

/** One action of the item model test's update expressions; one action per attribute. */
sealed interface ItemUpdateAction {
  /** The top-level attribute the action changes. */
  String attribute();

  record SetA(long value) implements ItemUpdateAction {
    public String attribute() {
      return "a";
    }
  }

  record SetB(String value) implements ItemUpdateAction {
    public String attribute() {
      return "b";
    }
  }

  /** {@code SET m.n = :v}: an invalid document path when {@code m} is missing. */
  record SetNested(long value) implements ItemUpdateAction {
    public String attribute() {
      return "m";
    }
  }

  /** {@code SET deleted = :true}: a soft delete. */
  record SetDeleted() implements ItemUpdateAction {
    public String attribute() {
      return "deleted";
    }
  }

  record Remove(String attribute) implements ItemUpdateAction {}

  record AddA(long value) implements ItemUpdateAction {
    public String attribute() {
      return "a";
    }
  }

  record AddTags(Set<String> tags) implements ItemUpdateAction {
    public String attribute() {
      return "tags";
    }
  }

  record DeleteTags(Set<String> tags) implements ItemUpdateAction {
    public String attribute() {
      return "tags";
    }
  }
}
