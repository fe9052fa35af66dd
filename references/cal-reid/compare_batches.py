#!/usr/bin/env python3
"""Compares two sets of training batches, as the network receives them (issue #25): fga's (`fga data
preview SPEC --out DIR --epoch E --batches B`, one folder per epoch) against the reference's
(`cross_eval.py batches --epochs-drawn E --out-dir DIR ...`). Both are augmented draws of the same
files, so a difference in what the augmentation does (how often and how much it erases, the padding's
colour, where the crop lands, how often it flips) shows as a difference in these per-image
statistics beyond their sampling noise. Prints one line per statistic: each side's mean and the
difference with its 95 % interval (Welch), and the largest per-pixel difference of the mean images.

    compare_batches.py --fga DIR [DIR...] --reference DIR [--mean R G B] [--std R G B] [--fill R G B]

--fill is the erasing colour in [0, 1] (default: the reference's INPUT.PIXEL_MEAN written into the
normalised tensor, in pixel terms); --mean/--std are the normalisation (default ImageNet's).
"""
import argparse
import json
import math
import os

import numpy as np


def load(folders):
    return np.concatenate([np.load(os.path.join(f, "images.npy")) for f in folders])


def welch(a, b):
    va, vb = a.var(ddof=1) / len(a), b.var(ddof=1) / len(b)
    se = math.sqrt(va + vb)
    df = (va + vb) ** 2 / (va ** 2 / (len(a) - 1) + vb ** 2 / (len(b) - 1)) if se > 0 else 1
    from scipy import stats
    return a.mean() - b.mean(), stats.t.ppf(0.975, df) * se


def per_image(images, mean, std, fill):
    px = images * std[None, :, None, None] + mean[None, :, None, None]  # back to [0, 1]
    erased = (np.abs(px - fill[None, :, None, None]) < 2e-3).all(axis=1)  # N x H x W
    black = (px < 2e-3).all(axis=1)
    lit = ~black & ~erased
    h, w = px.shape[2:]
    ys, xs = np.mgrid[0:h, 0:w]
    count = lit.sum(axis=(1, 2)).clip(min=1)
    cols = erased.any(axis=1)
    rows = erased.any(axis=2)
    return {
        "erased fraction": erased.mean(axis=(1, 2)),
        "erased at all": erased.any(axis=(1, 2)).astype(float),
        "erased width (px, erased images)": np.where(cols.any(axis=1), cols.sum(axis=1), np.nan),
        "erased height (px, erased images)": np.where(rows.any(axis=1), rows.sum(axis=1), np.nan),
        "black fraction": black.mean(axis=(1, 2)),
        "mean intensity": px.mean(axis=(1, 2, 3)),
        "garment centre x (px)": (xs[None] * lit).sum(axis=(1, 2)) / count,
        "garment centre y (px)": (ys[None] * lit).sum(axis=(1, 2)) / count,
        "left-half share of lit pixels": lit[:, :, : w // 2].sum(axis=(1, 2)) / count,
    }, px.mean(axis=0)


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], allow_abbrev=False)
    p.add_argument("--fga", nargs="+", required=True)
    p.add_argument("--reference", nargs="+", required=True)
    p.add_argument("--mean", nargs=3, type=float, default=[0.485, 0.456, 0.406])
    p.add_argument("--std", nargs=3, type=float, default=[0.229, 0.224, 0.225])
    p.add_argument("--fill", nargs=3, type=float, default=None)
    args = p.parse_args()
    mean, std = np.array(args.mean, np.float32), np.array(args.std, np.float32)
    fill = np.array(args.fill, np.float32) if args.fill else mean * std + mean  # PIXEL_MEAN in the normalised tensor
    ours, ours_mean = per_image(load(args.fga), mean, std, fill)
    ref, ref_mean = per_image(load(args.reference), mean, std, fill)
    rows = []
    for k in ours:
        a, b = ours[k][~np.isnan(ours[k])], ref[k][~np.isnan(ref[k])]
        d, h = welch(a, b)
        rows.append({"statistic": k, "fga": float(a.mean()), "reference": float(b.mean()), "diff": float(d),
                     "halfWidth": float(h), "n": [len(a), len(b)]})
        print(f"{k:36s} fga {a.mean():8.4f}  reference {b.mean():8.4f}  diff {d:+.4f} [{d - h:+.4f}, {d + h:+.4f}]"
              f"  (n {len(a)}, {len(b)})")
    gap = float(np.abs(ours_mean - ref_mean).max())
    print(f"mean images: largest per-pixel difference {gap:.4f} (pixel values in [0, 1])")
    print(json.dumps({"statistics": rows, "meanImageGap": gap}))


if __name__ == "__main__":
    main()
