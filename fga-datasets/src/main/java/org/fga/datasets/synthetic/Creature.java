package org.fga.datasets.synthetic;

import java.util.List;
import org.fga.core.data.Keypoint;

/**
 * A bird-like object: body, head with eye and beak, tail, and one small wing patch whose style is
 * the class. Everything but the patch (body colour, proportions) varies the same way in every
 * class, so a classifier has to find and read the patch. Re-ID identities may carry a second small
 * {@link Marking}; classification and multilabel creatures never do.
 *
 * <p>Geometry is in the creature's own frame in units of its length: {@code u} points from tail to
 * head, {@code v} points down.
 *
 * @param part the class-defining wing patch
 * @param body body colour (RGB)
 * @param aspect body height / length, about 0.5..0.66
 * @param tail tail length factor, 0.6..1.2
 * @param head head radius in body lengths
 * @param marking the second small detail ({@link Marking#NONE} for none)
 */
record Creature(
    PartStyle part, float[] body, float aspect, float tail, float head, Marking marking) {
  private static final float HEAD_U = 0.50f;
  private static final float HEAD_V = -0.20f;
  private static final float PATCH_R = 0.20f;

  /** The cap covers the crown: head pixels above this fraction of the radius (eye excluded). */
  private static final float CAP_FROM = 0.45f;

  /** The throat spot: a disc under the head, inside the body ellipse for every aspect used. */
  private static final float THROAT_U = 0.36f;

  private static final float THROAT_V = 0.10f;
  private static final float THROAT_R = 0.09f;

  /** The tail band: the last stretch of the tail, in body lengths. */
  private static final float TAIL_BAND = 0.07f;

  /** A creature with random nuisance attributes (shared by all classes) and the given part. */
  static Creature random(PartStyle part, Rng rng) {
    float hue = rng.nextFloat();
    float sat = rng.uniform(0.15f, 0.45f);
    float val = rng.uniform(0.35f, 0.75f);
    return new Creature(
        part,
        hsv(hue, sat, val),
        rng.uniform(0.50f, 0.66f),
        rng.uniform(0.6f, 1.2f),
        rng.uniform(0.15f, 0.20f),
        Marking.NONE);
  }

  /**
   * Offsets {minX, maxX, minY, maxY} from the centre, in pixels, of the box holding the creature
   * when drawn {@code length} pixels long, rotated by {@code angle} and mirrored if {@code flip}.
   */
  float[] bounds(float length, float angle, boolean flip) {
    float[] e = {
      -0.38f - 0.45f * tail,
      HEAD_U + head + 0.14f,
      Math.min(HEAD_V - head, -0.5f * aspect),
      0.5f * aspect
    };
    float cos = (float) Math.cos(angle);
    float sin = (float) Math.sin(angle);
    float[] out = {Float.MAX_VALUE, -Float.MAX_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE};
    for (int i = 0; i < 4; i++) {
      float u = (i & 1) == 0 ? e[0] : e[1];
      float v = (i & 2) == 0 ? e[2] : e[3];
      if (flip) {
        u = -u;
      }
      // the inverse of the transform in paint(): image offset = R(angle)^T (u, v) * length
      float dx = (cos * u - sin * v) * length;
      float dy = (sin * u + cos * v) * length;
      out[0] = Math.min(out[0], dx);
      out[1] = Math.max(out[1], dx);
      out[2] = Math.min(out[2], dy);
      out[3] = Math.max(out[3], dy);
    }
    return out;
  }

  /**
   * Paints the creature onto {@code canvas}, centred at (cx, cy), {@code length} pixels long,
   * rotated by {@code angle} radians, mirrored if {@code flip}. Writes {@code id} into the object
   * plane and marks the patch in the part plane.
   */
  void paint(Canvas canvas, int id, float cx, float cy, float length, float angle, boolean flip) {
    int n = canvas.size;
    float cos = (float) Math.cos(angle);
    float sin = (float) Math.sin(angle);
    float[] box = bounds(length, angle, flip);
    int x0 = Math.max(0, (int) Math.floor(cx + box[0]) - 1);
    int x1 = Math.min(n - 1, (int) Math.ceil(cx + box[1]) + 1);
    int y0 = Math.max(0, (int) Math.floor(cy + box[2]) - 1);
    int y1 = Math.min(n - 1, (int) Math.ceil(cy + box[3]) + 1);
    float inv = 1f / length;
    float halfH = 0.5f * aspect;
    float tailEnd = -0.38f - 0.45f * tail;
    float beakTip = HEAD_U + head + 0.14f;
    float[] pc = part.rgb();
    float[] mark = marking.rgb();
    boolean cap = marking.is(Marking.Kind.CAP);
    boolean throat = marking.is(Marking.Kind.THROAT);
    float bandFrom = marking.is(Marking.Kind.TAIL_TIP) ? tailEnd + TAIL_BAND : -Float.MAX_VALUE;
    float patchU = part.u();
    float patchV = part.v();
    for (int y = y0; y <= y1; y++) {
      float dy = y + 0.5f - cy;
      for (int x = x0; x <= x1; x++) {
        float dx = x + 0.5f - cx;
        float u = (cos * dx + sin * dy) * inv;
        float v = (-sin * dx + cos * dy) * inv;
        if (flip) {
          u = -u;
        }
        int p = y * n + x;
        float pu = (u - patchU) / PATCH_R;
        float pv = (v - patchV) / PATCH_R;
        if (part.shape().contains(pu, pv)) {
          float k = part.striped() && (((int) Math.floor(pu * 2.5f)) & 1) == 0 ? 0.35f : 1f;
          canvas.paint(p, pc[0] * k, pc[1] * k, pc[2] * k);
          canvas.object[p] = (byte) id;
          canvas.part[p] = 1;
          continue;
        }
        float hu = u - HEAD_U;
        float hv = v - HEAD_V;
        float hr2 = hu * hu + hv * hv;
        float eu = hu - 0.45f * head;
        float ev = hv + 0.2f * head;
        if (eu * eu + ev * ev <= 0.05f * 0.05f) {
          paintObject(canvas, p, id, 0.05f, 0.05f, 0.05f);
        } else if (hr2 <= head * head) {
          float s = 1f - 0.3f * hr2 / (head * head);
          float[] c = cap && hv < -CAP_FROM * head ? mark : body;
          paintObject(canvas, p, id, c[0] * s, c[1] * s, c[2] * s);
        } else if (u > HEAD_U
            && u <= beakTip
            && Math.abs(v - HEAD_V - 0.02f) <= (beakTip - u) * 0.45f) {
          paintObject(canvas, p, id, 0.25f, 0.22f, 0.18f);
        } else {
          float bu = u / 0.5f;
          float bv = v / halfH;
          float br2 = bu * bu + bv * bv;
          if (br2 <= 1f) {
            float s = 1.1f - 0.35f * br2 + 0.1f * bv;
            float[] c = throat && inThroat(u, v) ? mark : body;
            paintObject(canvas, p, id, c[0] * s, c[1] * s, c[2] * s);
          } else if (u <= -0.36f && u >= tailEnd && Math.abs(v + 0.03f) <= (-0.36f - u) * 0.8f) {
            float[] c = u < bandFrom ? mark : body;
            paintObject(canvas, p, id, c[0] * 0.7f, c[1] * 0.7f, c[2] * 0.7f);
          }
        }
      }
    }
  }

  /**
   * Where the creature's named parts ({@link SyntheticGenerator#PART_NAMES}) ended up after {@link
   * #paint} with the same arguments, in pixel-centre coordinates. A point is visible if its pixel
   * shows this creature ({@code id}). Drawn facing right (not mirrored) the creature shows its
   * right side, so its right eye; the other eye is behind the head, at the same place, not
   * visible. The wing patch is the centre of its visible pixels.
   */
  List<Keypoint> keypoints(
      Canvas canvas, int id, float cx, float cy, float length, float angle, boolean flip) {
    float cos = (float) Math.cos(angle);
    float sin = (float) Math.sin(angle);
    float[][] uv = {
      {HEAD_U + head + 0.07f, HEAD_V + 0.02f}, // middle of the beak
      {HEAD_U + 0.45f * head, HEAD_V - 0.2f * head}, // the eye
      {0.5f * (-0.36f - 0.38f - 0.45f * tail), -0.03f} // middle of the tail
    };
    Keypoint[] at = new Keypoint[uv.length];
    int n = canvas.size;
    for (int k = 0; k < uv.length; k++) {
      float u = flip ? -uv[k][0] : uv[k][0];
      float v = uv[k][1];
      // paint() samples pixel x at x + 0.5: invert its rotation, then go back to pixel centres
      double x = cx + (cos * u - sin * v) * length - 0.5;
      double y = cy + (sin * u + cos * v) * length - 0.5;
      int px = (int) Math.round(x);
      int py = (int) Math.round(y);
      boolean seen = px >= 0 && py >= 0 && px < n && py < n && canvas.object[py * n + px] == id;
      at[k] = new Keypoint("point", x, y, seen);
    }
    Keypoint eye = at[1];
    Keypoint left = new Keypoint("left eye", eye.x(), eye.y(), flip && eye.visible());
    Keypoint right = new Keypoint("right eye", eye.x(), eye.y(), !flip && eye.visible());
    return List.of(
        new Keypoint("beak", at[0].x(), at[0].y(), at[0].visible()),
        left,
        right,
        new Keypoint("tail", at[2].x(), at[2].y(), at[2].visible()),
        patchCentre(canvas, id));
  }

  private static Keypoint patchCentre(Canvas canvas, int id) {
    int n = canvas.size;
    double sx = 0;
    double sy = 0;
    int count = 0;
    for (int p = 0; p < n * n; p++) {
      if (canvas.part[p] != 0 && canvas.object[p] == id) {
        sx += p % n;
        sy += p / n;
        count++;
      }
    }
    return count == 0
        ? new Keypoint("wing patch", 0, 0, false)
        : new Keypoint("wing patch", sx / count, sy / count, true);
  }

  private static boolean inThroat(float u, float v) {
    float du = u - THROAT_U;
    float dv = v - THROAT_V;
    return du * du + dv * dv <= THROAT_R * THROAT_R;
  }

  private static void paintObject(Canvas canvas, int p, int id, float r, float g, float b) {
    canvas.paint(p, r, g, b);
    canvas.object[p] = (byte) id;
    canvas.part[p] = 0;
  }

  static float[] hsv(float h, float s, float v) {
    return org.fga.core.data.Hsv.toRgb(h, s, v);
  }
}
