package dev.hookdesk.webhooks.send;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ReceiverTextTest {

  @Test
  void ordinaryTextIsUnchanged() {
    String json = "{\"path\":\"C:\\\\temp\",\"name\":\"Zoë 😀\",\"tab\":\"a\\tb\"}";
    assertThat(ReceiverText.of(json.getBytes(StandardCharsets.UTF_8))).isEqualTo(json);
  }

  @Test
  void nulAndBytesThatAreNotUtf8AreShownAsHex() {
    assertThat(ReceiverText.of(new byte[] {'o', 'k', 0, 'b', 'a', 'd'})).isEqualTo("ok\\x00bad");
    // a lone continuation byte, an overlong '/', an encoded surrogate, a cut-off sequence
    assertThat(ReceiverText.of(new byte[] {(byte) 0x80, (byte) 0xc0, (byte) 0xaf})).isEqualTo("\\x80\\xC0\\xAF");
    assertThat(ReceiverText.of(new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80})).isEqualTo("\\xED\\xA0\\x80");
    assertThat(ReceiverText.of(new byte[] {'a', (byte) 0xe2, (byte) 0x82})).isEqualTo("a\\xE2\\x82");
    assertThat(ReceiverText.of("a\u0000b")).isEqualTo("a\\x00b");
  }

  @Test
  void aBackslashBeforeAnXIsDoubledSoTheTextReadsBack() {
    assertThat(ReceiverText.of("\\x41".getBytes(StandardCharsets.UTF_8))).isEqualTo("\\\\x41");
    assertThat(ReceiverText.of(new byte[] {'\\', 0})).isEqualTo("\\\\\\x00");
    assertThat(ReceiverText.of("end\\".getBytes(StandardCharsets.UTF_8))).isEqualTo("end\\");
  }

  @Test
  void everyByteStringReadsBackExactly() {
    Random random = new Random(17);
    byte[] alphabet = {0, 'x', '\\', 'a', (byte) 0xc3, (byte) 0xa9, (byte) 0xff, (byte) 0xe2, (byte) 0x82,
        (byte) 0xac, (byte) 0xf0, (byte) 0x9f};
    for (int round = 0; round < 20_000; round++) {
      byte[] bytes = new byte[random.nextInt(12)];
      for (int i = 0; i < bytes.length; i++) bytes[i] = alphabet[random.nextInt(alphabet.length)];
      String text = ReceiverText.of(bytes);
      assertThat(text).doesNotContain("\u0000");
      assertThat(readBack(text)).as(text).isEqualTo(bytes);
    }
  }

  /** The inverse documented on {@link ReceiverText}. */
  private static byte[] readBack(String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int i = 0;
    while (i < text.length()) {
      int run = 0;
      while (i + run < text.length() && text.charAt(i + run) == '\\') run++;
      boolean beforeX = i + run < text.length() && text.charAt(i + run) == 'x';
      if (run == 0 || !beforeX) {
        int end = run == 0 ? i + Character.charCount(text.codePointAt(i)) : i + run;
        out.writeBytes(text.substring(i, end).getBytes(StandardCharsets.UTF_8));
        i = end;
        continue;
      }
      out.writeBytes("\\".repeat(run / 2).getBytes(StandardCharsets.UTF_8));
      if (run % 2 == 1) {
        out.write(Integer.parseInt(text.substring(i + run + 1, i + run + 3), 16));
        i += run + 3;
      } else {
        i += run;
        out.write('x');
        i++;
      }
    }
    return out.toByteArray();
  }
}
