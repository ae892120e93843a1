package dev.tombstone.internal.dynamodb.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tombstone.dynamodb.Item;

/**
 * Any text given to the Ion import path: {@link IonReader} either reads values or refuses the
 * text with an {@link IonSyntaxException}, never another exception nor a stack overflow;
 * {@link IonItems} either reads an item or refuses it with {@link IonItems.NotAnItem}; and an
 * item read, written as an export line and read again, is the same item. {@code mvn verify}
 * replays the committed inputs; {@code -Pfuzz} searches for new ones.
 */
class IonFuzzTest {

  @FuzzTest(maxDuration = "1m")
  void anyText(FuzzedDataProvider data) {
    IonReader reader = new IonReader(data.consumeRemainingAsString());
    try {
      for (IonValue value = reader.next(); value != null; value = reader.next()) {
        Item item;
        try {
          item = IonItems.item(value);
        } catch (IonItems.NotAnItem refused) {
          assertThat(refused.getMessage()).isNotBlank();
          continue;
        }
        assertThat(IonItems.item(new IonReader(IonItems.line(item)).next())).isEqualTo(item);
      }
    } catch (IonSyntaxException refused) {
      assertThat(refused.line()).isPositive();
      assertThat(refused.column()).isPositive();
    }
  }
}
