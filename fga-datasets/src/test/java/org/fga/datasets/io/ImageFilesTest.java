package org.fga.datasets.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.fga.core.data.FloatImage;
import org.fga.core.error.FgaUserException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.fga.core.io.Mappers;

/** Image files as real datasets have them: CMYK and greyscale JPEGs, PNGs with alpha, damage. */
class ImageFilesTest {
  @Test
  void aCmykJpegReadsAsPilConvertsItToRgb(@TempDir Path dir) throws Exception {
    Path jpg = dir.resolve("cmyk.jpg");
    try (var in = getClass().getResourceAsStream("/images/cmyk.jpg")) {
      Files.copy(in, jpg);
    }
    JsonNode expected;
    try (var in = getClass().getResourceAsStream("/images/cmyk_as_rgb_by_pil.json")) {
      expected = Mappers.json().readTree(in);
    }
    FloatImage img = ImageFiles.read(jpg);
    assertThat(img.channels()).isEqualTo(3);
    assertThat(img.height()).isEqualTo(expected.size());
    int worst = 0;
    for (int y = 0; y < img.height(); y++) {
      for (int x = 0; x < img.width(); x++) {
        for (int c = 0; c < 3; c++) {
          int got = Math.round(img.get(c, y, x) * 255);
          worst = Math.max(worst, Math.abs(got - expected.get(y).get(x).get(c).asInt()));
        }
      }
    }
    // libjpeg versions differ by a level in their inverse DCT; the conversion itself is exact
    assertThat(worst).isLessThanOrEqualTo(2);
  }

  @Test
  void greyAndAlphaImagesBecomeThreeChannels(@TempDir Path dir) throws Exception {
    BufferedImage grey = new BufferedImage(5, 4, BufferedImage.TYPE_BYTE_GRAY);
    grey.getRaster().setSample(1, 2, 0, 200);
    ImageIO.write(grey, "png", dir.resolve("g.png").toFile());
    FloatImage g = ImageFiles.read(dir.resolve("g.png"));
    assertThat(g.channels()).isEqualTo(3);
    assertThat(g.get(2, 2, 1)).isCloseTo(200 / 255f, org.assertj.core.data.Offset.offset(1e-6f));
    BufferedImage argb = new BufferedImage(5, 4, BufferedImage.TYPE_INT_ARGB);
    argb.setRGB(3, 1, 0x80102030);
    ImageIO.write(argb, "png", dir.resolve("a.png").toFile());
    FloatImage a = ImageFiles.read(dir.resolve("a.png"));
    // alpha is dropped, as PIL's convert("RGB") does
    assertThat(a.get(0, 1, 3) * 255).isCloseTo(0x10, org.assertj.core.data.Offset.offset(1e-3f));
  }

  @Test
  void aDamagedFileIsOneLineNamingIt(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("bad.jpg");
    Files.write(bad, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1, 2, 3});
    assertThatThrownBy(() -> ImageFiles.read(bad))
        .isInstanceOf(FgaUserException.class)
        .hasMessageContaining(bad.toString())
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }
}
