#!/usr/bin/python3
"""Writes the golden fixtures of fga-eval's WSOL metrics from the protocol's own code.

The expected numbers come from running wsolevaluation's evaluation.py (Choe et al., CVPR 2020,
github.com/clovaai/wsolevaluation) itself: BoxEvaluator (largest contour and multi-contour) and
MaskEvaluator, on score maps and boxes made here. Nothing of the protocol is re-implemented.

    /usr/bin/python3 fga-eval/src/test/python/make_wsol_golden.py /path/to/wsolevaluation

Needs Debian's python3-opencv, python3-munch, python3-torch, python3-torchvision, python3-pil
(evaluation.py imports them). The Java tests only read what this writes
(src/test/resources/fixtures/wsol_golden_*, and fga-core's
src/test/resources/evaluate/cv2_resize_cubic.json), so they never need Python.

Two adaptations, both outside the protocol's arithmetic:
- numpy >= 1.24 removed the alias np.float that evaluation.py and util.py use; it is restored as
  the builtin float (what the alias always meant).
- evaluation._RESIZE_LENGTH (224, the side GT boxes are scaled to) is set to the side of the maps
  written here (64), so the fixtures stay small; the scaling code that uses it is unchanged.
  MaskEvaluator reads its masks through get_mask_paths/get_mask; those two loaders are replaced by
  ones that hand over the masks made here (the histogram and AUC code is the protocol's).
"""
import json
import os
import sys
import tempfile

import numpy as np

np.float = float  # removed from numpy 1.24; evaluation.py means the builtin

if len(sys.argv) != 2:
    sys.exit("usage: make_wsol_golden.py WSOLEVALUATION_DIR")
sys.path.insert(0, os.path.abspath(sys.argv[1]))
import cv2  # noqa: E402
import evaluation  # noqa: E402
from data_loaders import configure_metadata  # noqa: E402

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "fixtures")
SIDE = 64
evaluation._RESIZE_LENGTH = SIDE
rng = np.random.default_rng(20261130)
yy, xx = np.mgrid[0:SIDE, 0:SIDE].astype(np.float64)


def gauss(cx, cy, sx, sy, amp=1.0):
    return amp * np.exp(-(((xx - cx) / sx) ** 2 + ((yy - cy) / sy) ** 2) / 2)


def maps_and_boxes():
    """(name, map SIDE x SIDE, original (w, h), GT boxes x0y0x1y1 in original pixels)."""
    cases = []
    # several blobs of different size, two GT boxes, original image not square
    m = gauss(16, 20, 6, 5) + 0.8 * gauss(44, 40, 9, 7) + 0.5 * gauss(50, 10, 3, 3)
    cases.append(("blobs", m, (500, 375), [[70, 90, 190, 220], [250, 180, 440, 330]]))
    # a ring (holes over a range of thresholds) with a small peak inside the hole
    r = np.hypot(xx - 30, yy - 33)
    m = np.exp(-((r - 14) / 4) ** 2) + 0.6 * gauss(30, 33, 2, 2)
    cases.append(("ring", m, (333, 500), [[60, 150, 250, 370]]))
    # GT box of the ring's hole only: only a hole contour's box fits it (multi-contour)
    cases.append(("ring-hole-box", m, (64, 64), [[20, 23, 40, 43]]))
    # constant map: no contour at any threshold, the protocol's box is [0, 0, 0, 0]
    c = np.full((SIDE, SIDE), 0.3)
    cases.append(("constant", c, (640, 480), [[100, 100, 300, 300]]))
    # constant map with a GT box at the origin: [0, 0, 0, 0] is a one-pixel box and matches it
    cases.append(("constant-origin", c, (128, 128), [[0, 0, 1, 1]]))
    # blob in a corner, GT box touching the image border (x1 = w - 1, y1 = h - 1)
    m = gauss(60, 58, 10, 12) + 0.3 * gauss(5, 5, 4, 4)
    cases.append(("corner", m, (300, 200), [[220, 130, 299, 199], [0, 0, 30, 25]]))
    # two equal squares on a plateau: equal contour areas (ties go to the later contour)
    m = np.zeros((SIDE, SIDE))
    m[10:20, 8:18] = 1.0
    m[40:50, 30:40] = 1.0
    m += 0.001 * gauss(32, 32, 20, 20)
    cases.append(("equal-squares", m, (64, 64), [[8, 10, 17, 19]]))
    # a long 1-pixel line (many pixels, polygon area 0) against a small square (area 16)
    m = np.zeros((SIDE, SIDE))
    m[5, 2:60] = 1.0
    m[30:35, 40:45] = 0.9
    cases.append(("line-vs-square", m, (64, 64), [[40, 30, 44, 34]]))
    # a checkerboard patch and diagonal strokes: 8-connected contours through corners
    m = np.zeros((SIDE, SIDE))
    for i in range(12):
        for j in range(12):
            if (i + j) % 2 == 0:
                m[20 + i, 20 + j] = 0.5 + 0.04 * i
    for k in range(20):
        m[k + 2, k + 40] = 0.7
        m[k + 40, 60 - k] = 0.6
    cases.append(("checker-diagonal", m, (256, 256), [[80, 80, 124, 124], [160, 8, 240, 88]]))
    # quantised noise: many components, holes, nested contours and ties
    m = np.round(rng.random((SIDE, SIDE)) * 12) / 12
    cases.append(("noise", m, (64, 64), [[10, 12, 40, 50]]))
    m = rng.random((SIDE, SIDE)) + 2 * gauss(32, 32, 12, 10)
    cases.append(("noise-blob", m, (400, 400), [[130, 150, 270, 260]]))
    # smooth random maps
    for t in range(4):
        m = sum(gauss(*rng.uniform(0, SIDE, 2), *rng.uniform(3, 14, 2), amp=rng.uniform(0.3, 1)) for _ in range(3))
        w, h = int(rng.integers(100, 600)), int(rng.integers(100, 600))
        boxes = []
        for _ in range(int(rng.integers(1, 4))):
            x0, x1 = sorted(rng.integers(0, w, 2))
            y0, y1 = sorted(rng.integers(0, h, 2))
            boxes.append([int(x0), int(y0), int(x1), int(y1)])
        cases.append(("smooth%d" % t, m, (w, h), boxes))
    return cases


def write_metadata(root, cases):
    with open(os.path.join(root, "image_ids.txt"), "w") as f:
        for name, *_ in cases:
            f.write(name + "\n")
    with open(os.path.join(root, "class_labels.txt"), "w") as f:
        for name, *_ in cases:
            f.write(name + ",0\n")
    with open(os.path.join(root, "image_sizes.txt"), "w") as f:
        for name, _, (w, h), _ in cases:
            f.write("%s,%d,%d\n" % (name, w, h))
    with open(os.path.join(root, "localization.txt"), "w") as f:
        for name, _, _, boxes in cases:
            for b in boxes:
                f.write("%s,%d,%d,%d,%d\n" % (name, *b))


def normalized(m):
    """The map as the protocol receives it: inference.py's normalize_scoremap, in float64."""
    cam = m.astype(np.float64).copy()
    if cam.min() == cam.max():
        return np.zeros_like(cam)
    cam -= cam.min()
    cam /= cam.max()
    return cam


def box_case(cases):
    maps = np.stack([c[1] for c in cases]).astype(np.float32)
    np.save(os.path.join(OUT, "wsol_golden_maps.npy"), maps)
    expected = {"side": SIDE, "images": [], "runs": []}
    with tempfile.TemporaryDirectory() as root:
        write_metadata(root, cases)
        metadata = configure_metadata(root)
        for step in (0.01, 0.001):
            thresholds = list(np.arange(0, 1, step))
            for multi in (False, True):
                ious = [10, 30, 50, 70, 90]
                ev = evaluation.BoxEvaluator(metadata=metadata, dataset_name="CUB", split="test",
                                             cam_threshold_list=thresholds, iou_threshold_list=ious,
                                             mask_root=root, multi_contour_eval=multi)
                for (name, *_), m in zip(cases, maps):
                    ev.accumulate(normalized(m), name)
                max_acc = ev.compute()
                expected["runs"].append({
                    "step": step, "multiContour": multi, "ious": ious, "images": ev.cnt,
                    "maxBoxAcc": [float(v) / 100 for v in max_acc],
                    "correct": {str(d): [int(v) for v in ev.num_correct[d]] for d in ious}})
                if step == 0.01 and not multi:
                    expected["gtBoxes"] = [[list(map(int, b)) for b in ev.gt_bboxes[name]] for name, *_ in cases]
        # per image and threshold: the best IoU of the protocol's boxes, for locating a disagreement
        thresholds = list(np.arange(0, 1, 0.01))
        for (name, _, size, boxes), m, gt in zip(cases, maps, expected["gtBoxes"]):
            entry = {"name": name, "size": list(size), "boxes": boxes}
            for multi in (False, True):
                boxes_at, counts = evaluation.compute_bboxes_from_scoremaps(normalized(m), thresholds, multi)
                entry["bestIou" + ("V2" if multi else "V1")] = [
                    float(evaluation.calculate_multiple_iou(b, np.array(gt)).max()) for b in boxes_at]
                if not multi:
                    entry["boxesV1"] = [[int(v) for v in b[0]] for b in boxes_at]
                else:
                    entry["contours"] = [int(c) for c in counts]
            expected["images"].append(entry)
    with open(os.path.join(OUT, "wsol_golden_expected.json"), "w") as f:
        json.dump(expected, f, indent=None, separators=(",", ":"))


def mask_case(cases):
    """MaskEvaluator on the same maps: masks 0 (background), 1 (object), 255 (ignored)."""
    picked = [c for c in cases if c[0] in ("blobs", "ring", "corner", "noise-blob", "smooth0", "smooth1")]
    masks = []
    for name, m, _, boxes in picked:
        mask = (normalized(m) > rng.uniform(0.3, 0.6)).astype(np.uint8)
        flip = rng.random(mask.shape) < 0.05  # annotation noise: not a function of the map
        mask[flip] = 1 - mask[flip]
        mask[rng.integers(0, SIDE - 10):, :rng.integers(3, 12)] = 255
        masks.append(mask)
    masks = np.stack(masks)
    ids = [c[0] for c in picked]
    maps = np.stack([c[1] for c in picked]).astype(np.float32)  # the same float32 maps as the box case
    np.save(os.path.join(OUT, "wsol_golden_pxap_masks.npy"), masks)
    by_id = dict(zip(ids, masks))
    evaluation.get_mask_paths = lambda metadata: ({i: [i] for i in ids}, {i: i for i in ids})
    evaluation.get_mask = lambda root, paths, ignore: by_id[paths[0]]
    expected = {"mapIndices": [[c[0] for c in cases].index(i) for i in ids]}
    for step in (0.01, 0.001):
        ev = evaluation.MaskEvaluator(metadata=None, dataset_name="OpenImages", split="test",
                                      cam_threshold_list=list(np.arange(0, 1, step)),
                                      iou_threshold_list=[30, 50, 70], mask_root="", multi_contour_eval=False)
        for i, m in zip(ids, maps):
            ev.accumulate(normalized(m), i)
        expected[str(step)] = float(ev.compute()) / 100
    with open(os.path.join(OUT, "wsol_golden_pxap_expected.json"), "w") as f:
        json.dump(expected, f, indent=1)


def stress_case(name, n, h, w):
    """Small 8-bit maps of random blocks and noise: many holes, nested and touching contours, ties.
    Per map and threshold: the largest contour's box and every contour's box, from the protocol's
    compute_bboxes_from_scoremaps."""
    maps = np.zeros((n, h, w), dtype=np.uint8)
    for i in range(n):
        levels = int(rng.integers(2, 8))
        if i % 2 == 0:
            m = rng.integers(0, levels, size=(h, w))
        else:
            m = np.zeros((h, w), dtype=np.int64)
            for _ in range(int(rng.integers(2, 9))):
                x0, y0 = rng.integers(0, w), rng.integers(0, h)
                m[y0:y0 + rng.integers(1, 9), x0:x0 + rng.integers(1, 9)] = rng.integers(1, levels + 1)
        maps[i] = (m * (250 // max(1, m.max()))).astype(np.uint8)
    np.save(os.path.join(OUT, "wsol_golden_%s_maps.npy" % name), maps)
    thresholds = list(np.arange(0, 1, 0.05))
    out = []
    for m in maps:
        v1, _ = evaluation.compute_bboxes_from_scoremaps(normalized(m), thresholds, False)
        v2, _ = evaluation.compute_bboxes_from_scoremaps(normalized(m), thresholds, True)
        out.append({"v1": [[int(v) for v in b[0]] for b in v1],
                    "v2": [sorted([int(v) for v in box] for box in b) for b in v2]})
    with open(os.path.join(OUT, "wsol_golden_%s_expected.json" % name), "w") as f:
        json.dump({"step": 0.05, "maps": out}, f, separators=(",", ":"))


def resize_case():
    """cv2.resize(INTER_CUBIC) of float64 CAMs, as inference.py resizes them to the image; for
    fga-core's MapResize (fga-core/src/test/resources/evaluate/cv2_resize_cubic.json)."""
    out = []
    for h, w, oh, ow in ((7, 7, 28, 28), (8, 10, 24, 40), (14, 14, 32, 32), (28, 28, 20, 24)):
        cam = rng.normal(size=(h, w)).astype(np.float32)
        resized = cv2.resize(cam.astype(np.float64), (ow, oh), interpolation=cv2.INTER_CUBIC)
        out.append({"height": h, "width": w, "outHeight": oh, "outWidth": ow,
                    "cam": [float(v) for v in cam.ravel()], "resized": [float(v) for v in resized.ravel()]})
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "..", "fga-core", "src", "test",
                        "resources", "evaluate")
    os.makedirs(path, exist_ok=True)
    with open(os.path.join(path, "cv2_resize_cubic.json"), "w") as f:
        json.dump(out, f, separators=(",", ":"))


if __name__ == "__main__":
    print("opencv", cv2.__version__, "numpy", np.__version__)
    all_cases = maps_and_boxes()
    box_case(all_cases)
    mask_case(all_cases)
    stress_case("stress", 30, 16, 16)
    stress_case("stress_wide", 8, 9, 21)
    stress_case("stress_tall", 8, 19, 7)
    resize_case()
