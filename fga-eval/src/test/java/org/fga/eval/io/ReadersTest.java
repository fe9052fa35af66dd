package org.fga.eval.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.fga.core.data.Box;
import org.fga.core.data.Mask;
import org.fga.core.error.FgaUserException;
import org.fga.eval.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.fga.core.io.NdArray;
import org.fga.core.io.Npy;
import org.fga.core.io.DType;

class ReadersTest {
  @TempDir Path dir;

  @Test
  void readsNumpyWrittenFilesOfEveryDtype() {
    assertThat(Fixtures.npy("acc_scores").dtype()).isEqualTo(DType.F32);
    assertThat(Fixtures.npy("mlap_scores").dtype()).isEqualTo(DType.F64);
    assertThat(Fixtures.npy("reid_qcams").dtype()).isEqualTo(DType.I32);
    assertThat(Fixtures.npy("reid_qids").dtype()).isEqualTo(DType.I64);
    NdArray u8 = Fixtures.npy("seg_gt");
    assertThat(u8.dtype()).isEqualTo(DType.U8);
    assertThat(u8.shape()).containsExactly(5, 17, 23);
  }

  @Test
  void roundTripsAndBool() throws IOException {
    Path p = dir.resolve("b.npy");
    Npy.write(p, DType.BOOL, new int[] {2, 2}, new byte[] {0, 1, 1, 0});
    NdArray b = Npy.read(p);
    assertThat(b.toInts()).containsExactly(0, 1, 1, 0);
    Path f = dir.resolve("f.npy");
    Npy.writeFloat64(f, new int[] {3}, new double[] {1.5, -2, 1e300});
    assertThat(Npy.read(f).toDoubles()).containsExactly(1.5, -2, 1e300);
    assertThat(Npy.read(f).shapeString()).isEqualTo("(3,)");
  }

  private Path rawNpy(String header, int dataBytes) throws IOException {
    return rawNpy(header, new byte[dataBytes]);
  }

  private Path rawNpy(String header, byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
    String h = header + "\n";
    out.write(h.length() & 0xFF);
    out.write(h.length() >> 8);
    out.write(h.getBytes(StandardCharsets.ISO_8859_1));
    out.write(data);
    Path p = dir.resolve("raw.npy");
    Files.write(p, out.toByteArray());
    return p;
  }

  @Test
  void bigEndianAndFortranOrderedArraysAreReadInCOrder() throws IOException {
    java.nio.ByteBuffer be = java.nio.ByteBuffer.allocate(8).order(java.nio.ByteOrder.BIG_ENDIAN).putFloat(1.5f).putFloat(-2f);
    Path bePath = rawNpy("{'descr': '>f4', 'fortran_order': False, 'shape': (2,), }", be.array());
    assertThat(Npy.read(bePath).toDoubles()).containsExactly(1.5, -2);
    // [[1, 2, 3], [4, 5, 6]] stored column by column: 1 4 2 5 3 6
    java.nio.ByteBuffer fo = java.nio.ByteBuffer.allocate(48).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    for (double v : new double[] {1, 4, 2, 5, 3, 6}) {
      fo.putDouble(v);
    }
    NdArray f = Npy.read(rawNpy("{'descr': '<f8', 'fortran_order': True, 'shape': (2, 3), }", fo.array()));
    assertThat(f.shape()).containsExactly(2, 3);
    assertThat(f.toDoubles()).containsExactly(1, 2, 3, 4, 5, 6);
  }

  @Test
  void clearErrorsForWhatIsNotSupported() throws IOException {
    Path c8 = rawNpy("{'descr': '<c8', 'fortran_order': False, 'shape': (2,), }", 16);
    assertThatThrownBy(() -> Npy.read(c8)).isInstanceOf(FgaUserException.class).hasMessageContaining("<c8");
    Path tr = rawNpy("{'descr': '<f8', 'fortran_order': False, 'shape': (4,), }", 8);
    assertThatThrownBy(() -> Npy.read(tr)).isInstanceOf(FgaUserException.class).hasMessageContaining("truncated");
    Path txt = dir.resolve("x.npy");
    Files.writeString(txt, "hello world, not numpy");
    assertThatThrownBy(() -> Npy.read(txt)).isInstanceOf(FgaUserException.class).hasMessageContaining("magic");
    assertThatThrownBy(() -> Npy.read(dir.resolve("none.npy"))).isInstanceOf(FgaUserException.class).hasMessageContaining("no such file");
  }

  @Test
  void wholeNumbersOnlyWhereIntegersAreExpected() throws IOException {
    Path f = dir.resolve("l.npy");
    Npy.writeFloat64(f, new int[] {2}, new double[] {1, 2.5});
    assertThatThrownBy(() -> Npy.read(f).toInts()).isInstanceOf(FgaUserException.class).hasMessageContaining("2.5");
  }

  @Test
  void csvOneAndTwoDimensional() throws IOException {
    Path v = dir.resolve("v.csv");
    Files.writeString(v, "# labels\n1\n2\n\n3\n");
    assertThat(ArrayFiles.read(v).shape()).containsExactly(3);
    Path r = dir.resolve("r.csv");
    Files.writeString(r, "1, 2, 3\n");
    assertThat(ArrayFiles.read(r).toInts()).containsExactly(1, 2, 3);
    Path m = dir.resolve("m.csv");
    Files.writeString(m, "1,2\n3,4\n5,6\n");
    NdArray a = ArrayFiles.read(m);
    assertThat(a.shape()).containsExactly(3, 2);
    assertThat(a.row(2)).containsExactly(5, 6);
    Path bad = dir.resolve("bad.csv");
    Files.writeString(bad, "1,2\n3\n");
    assertThatThrownBy(() -> ArrayFiles.read(bad)).isInstanceOf(FgaUserException.class).hasMessageContaining("bad.csv:2");
    Path nan = dir.resolve("nan.csv");
    Files.writeString(nan, "1,x\n");
    assertThatThrownBy(() -> ArrayFiles.read(nan)).isInstanceOf(FgaUserException.class).hasMessageContaining("'x'");
    assertThatThrownBy(() -> ArrayFiles.read(dir.resolve("a.mat"))).isInstanceOf(FgaUserException.class).hasMessageContaining(".npy or .csv");
  }

  @Test
  void shapeMismatchNamesBothShapes() {
    NdArray a = NdArray.ofDoubles("a.npy", new int[] {2, 3}, new double[6]);
    NdArray b = NdArray.ofDoubles("b.npy", new int[] {4}, new double[4]);
    assertThatThrownBy(() -> Shapes.requireSameLength(a, 0, b, 0))
        .isInstanceOf(FgaUserException.class)
        .hasMessageContaining("a.npy has shape (2, 3)")
        .hasMessageContaining("b.npy has shape (4,)");
  }

  @Test
  void pngMasksGiveThePaletteIndexNotTheColour() {
    NdArray expected = Fixtures.npy("seg_gt");
    Mask m = LabelPng.read(Fixtures.path("seg_png/gt/img1.png")); // palette: index j has colour (37j mod 256)
    assertThat(m.height()).isEqualTo(17);
    assertThat(m.width()).isEqualTo(23);
    for (int p = 0; p < 17 * 23; p++) {
      assertThat(m.data()[p] & 0xFF).isEqualTo((int) expected.getLong(17 * 23 + p));
    }
    NdArray pred = Fixtures.npy("seg_pred"); // greyscale
    Mask g = LabelPng.read(Fixtures.path("seg_png/pred/img0.png"));
    assertThat(g.data()[5] & 0xFF).isEqualTo((int) pred.getLong(5));
    int[] small = Fixtures.npy("png_expected").toInts();
    for (String name : new String[] {"png_4bit.png", "png_interlaced.png"}) {
      Mask s = LabelPng.read(Fixtures.path(name));
      assertThat(s.height()).isEqualTo(7);
      for (int p = 0; p < small.length; p++) {
        assertThat(s.data()[p] & 0xFF).as(name + " pixel " + p).isEqualTo(small[p]);
      }
    }
  }

  @Test
  void pngWriteReadRoundTripAndRgbRefused() throws IOException {
    Mask m = Mask.zeros(5, 7);
    m.set(2, 3, 255);
    m.set(4, 6, 17);
    Path p = dir.resolve("m.png");
    LabelPng.writePalette(p, m);
    assertThat(LabelPng.read(p).data()).isEqualTo(m.data());
    java.awt.image.BufferedImage rgb = new java.awt.image.BufferedImage(3, 3, java.awt.image.BufferedImage.TYPE_INT_RGB);
    Path q = dir.resolve("rgb.png");
    javax.imageio.ImageIO.write(rgb, "png", q.toFile());
    assertThatThrownBy(() -> LabelPng.read(q)).isInstanceOf(FgaUserException.class).hasMessageContaining("palette or greyscale");
  }

  @Test
  void boxesJsonOneOrManyPerImage() throws IOException {
    Path p = dir.resolve("b.json");
    Files.writeString(p, "[[0, 0, 4, 5], [[1, 2, 3, 4], [5, 6, 7, 8.0]]]");
    List<List<Box>> b = BoxesJson.read(p);
    assertThat(b).hasSize(2);
    assertThat(b.get(0)).containsExactly(new Box(0, 0, 4, 5));
    assertThat(b.get(1)).containsExactly(new Box(1, 2, 3, 4), new Box(5, 6, 7, 8));
    Files.writeString(p, "[[0, 0, 4.5, 5]]");
    assertThatThrownBy(() -> BoxesJson.read(p)).isInstanceOf(FgaUserException.class).hasMessageContaining("whole pixels");
    Files.writeString(p, "[[3, 0, 1, 5]]");
    assertThatThrownBy(() -> BoxesJson.read(p)).isInstanceOf(FgaUserException.class).hasMessageContaining("x1 < x0");
  }
}
