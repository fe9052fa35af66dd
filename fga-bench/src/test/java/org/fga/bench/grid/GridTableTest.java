package org.fga.bench.grid;

import org.fga.core.metric.MetricPath;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.fga.core.spec.PaperRef;
import org.junit.jupiter.api.Test;

class GridTableTest {
  @Test
  void aPapersNoteIsPrintedBesideItsNumber() {
    PaperRef paper = new PaperRef("GAIN, CVPR 2018", 1, "GAIN", "mIoU (val)", 55.3, "not comparable: SEC on the seeds");
    GridRow row = new GridRow("gain_voc", "gain", List.of(new double[] {0.40, 0.42}), paper);
    String md = GridTable.markdown(List.of(new MetricPath("segmentation.mIoU")), List.of(row), null, 2);
    assertThat(md).contains("| gain_voc | gain |").contains("41.00 ± 1.41")
        .contains("mIoU (val) 55.3 (GAIN, CVPR 2018); not comparable: SEC on the seeds");
  }
}
