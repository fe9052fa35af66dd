package org.fga.eval.plugin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fga.core.data.Mask;
import org.fga.core.metric.EvalNeeds;
import org.fga.core.metric.EvalOutputs;
import org.fga.core.metric.TypedMetric;
import org.fga.eval.segmentation.PresentClassSegmentation;
import org.fga.eval.wsol.ThresholdGrid;

/**
 * {@code semantic}: the (C+1)-class mIoU of segmentations made from the maps of every class present
 * in each image ({@link PresentClassSegmentation}): what GAIN's VOC rows report, and the
 * multi-label mIoU of the cluttered Fashion-MNIST regime. Masks are read as PASCAL VOC's (0
 * background, class c as c + 1, 255 ignored); the mask of a single-label image may be binary, its
 * non-zero pixels then being that image's class. The background threshold τ is chosen by mIoU on the
 * held-out split when there is one, else the best τ on this split is reported (and said so).
 */
public final class SemanticMetric extends TypedMetric<SemanticMetricConfig> {
  @Override
  public SemanticMetricConfig defaultConfig() {
    return SemanticMetricConfig.defaults();
  }

  @Override
  public String description() {
    return "(C+1)-class mIoU from the maps of every class present in each image";
  }

  @Override
  public EvalNeeds needs() {
    return new EvalNeeds(false, false, false, true, true);
  }

  @Override
  protected Map<String, Object> score(EvalOutputs o, SemanticMetricConfig config) {
    ThresholdGrid grid = new ThresholdGrid(config.thresholdStep());
    PresentClassSegmentation test = accumulate(o, grid);
    EvalOutputs h = o.heldOut();
    boolean heldOut = h != null && h.classMaps() != null && h.masks() != null;
    PresentClassSegmentation select = heldOut ? accumulate(h, grid) : test;
    int best = select.bestIndex();
    Map<String, Object> out = new LinkedHashMap<>(test.confusion(best).toMap());
    List<String> names = new ArrayList<>();
    names.add("background");
    names.addAll(o.info().classNames());
    out.put("classes", names);
    out.put("bestThreshold", grid.tau(best));
    out.put("thresholdSelection", heldOut ? "held-out" : "max-over-thresholds");
    return out;
  }

  private PresentClassSegmentation accumulate(EvalOutputs o, ThresholdGrid grid) {
    float[][][][] maps = Outputs.require(o.classMaps(), name(), "classMaps");
    List<Mask> masks = Outputs.require(o.masks(), name(), "masks");
    PresentClassSegmentation seg = new PresentClassSegmentation(o.info().numClasses() + 1, grid);
    for (int i = 0; i < o.size(); i++) {
      Mask m = Outputs.require(masks.get(i), name(), "masks of " + o.ids().get(i));
      boolean singleLabel = o.multiLabels() == null || o.multiLabels()[i] == null || o.multiLabels()[i].length == 0;
      seg.add(maps[i], o.presentClasses(i), singleLabel ? asClassMap(m, o.labels()[i]) : m, o.ids().get(i));
    }
    return seg;
  }

  /** A binary mask as a class map: its non-zero pixels (ignore kept) become {@code label + 1}. */
  static Mask asClassMap(Mask m, int label) {
    byte[] out = m.data().clone();
    for (int p = 0; p < out.length; p++) {
      int v = out[p] & 0xFF;
      if (v != 0 && v != Mask.IGNORE) {
        out[p] = (byte) (label + 1);
      }
    }
    return new Mask(m.height(), m.width(), out);
  }
}
