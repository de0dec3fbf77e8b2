package dev.hookdesk.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The places of the desk's, the chat console's and the widget's streams. */
class StreamLimitTest {

  @Test
  void aKeyHasAtMostMaxPlacesAndAClosedOneIsFreeAgainOnce() {
    StreamLimit limit = new StreamLimit(2);
    List<StreamLimit.Place> held = new ArrayList<>();
    held.add(limit.take("session a").orElseThrow());
    held.add(limit.take("session a").orElseThrow());
    assertThat(limit.take("session a")).as("a third stream of the same session").isEmpty();
    assertThat(limit.take("session b")).as("another session has places of its own").isPresent();

    StreamLimit.Place first = held.remove(0);
    first.close();
    first.close(); // a place closed twice frees one place, not two
    assertThat(limit.take("session a")).isPresent();
    assertThat(limit.take("session a")).isEmpty();
  }
}
