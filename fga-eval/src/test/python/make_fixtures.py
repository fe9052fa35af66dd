#!/usr/bin/python3
"""Writes the fixtures of fga-eval's agreement tests: random inputs and the outputs of independent
reference implementations (sklearn for AP, numpy written here from the protocol texts). The WSOL
box metrics and PxAP are checked against wsolevaluation's own code: make_wsol_golden.py.

Run from anywhere:  /usr/bin/python3 fga-eval/src/test/python/make_fixtures.py
Needs python3-numpy, python3-sklearn, python3-scipy, python3-pil (Debian packages). The Java tests
only read the files this writes (src/test/resources/fixtures), so they never need Python.
"""
import json
import os

import numpy as np
from PIL import Image
from sklearn.metrics import average_precision_score, precision_recall_curve

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "fixtures")
rng = np.random.default_rng(20261123)


def save(name, arr):
    np.save(os.path.join(OUT, name + ".npy"), arr)


def dump(name, obj):
    with open(os.path.join(OUT, name + ".json"), "w") as f:
        json.dump(obj, f, indent=1)


# ---------------------------------------------------------------- accuracy
def accuracy_case():
    n, c = 200, 12
    scores = np.round(rng.normal(size=(n, c)), 1)  # one decimal: many ties
    labels = rng.integers(0, c, size=n)
    labels[labels == 3] = 4  # class 3 has no sample: left out of the mean-class accuracy
    order = np.argsort(-scores, axis=1, kind="stable")  # ties to the lower class index
    rank = np.argmax(order == labels[:, None], axis=1)
    exp = {"top1": float(np.mean(rank < 1)), "top5": float(np.mean(rank < 5)), "top3": float(np.mean(rank < 3))}
    per = [np.mean(rank[labels == k] < 1) for k in range(c) if np.any(labels == k)]
    exp["meanClassAccuracy"] = float(np.mean(per))
    save("acc_scores", scores.astype(np.float32))
    save("acc_labels", labels.astype(np.int64))
    dump("acc_expected", exp)


# ---------------------------------------------------------------- multi-label AP
def voc07_ap(y, s):
    prec, rec, _ = precision_recall_curve(y, s)
    # sklearn appends the point (recall 0, precision 1), which is no threshold: drop it
    prec, rec = prec[:-1], rec[:-1]
    ap = 0.0
    for t in np.arange(0.0, 1.1, 0.1):
        p = prec[rec >= t]
        ap += (p.max() if p.size else 0.0) / 11.0
    return ap


def multilabel_case():
    n, c = 150, 9
    scores = np.round(rng.normal(size=(n, c)), 1)  # ties
    targets = (rng.random((n, c)) < 0.2).astype(np.uint8)
    targets[:, 4] = 0  # a class with no positive: null, left out
    targets[:, 7] = 1  # every sample positive
    ap, ap07 = [], []
    for k in range(c):
        if targets[:, k].sum() == 0:
            ap.append(None)
            ap07.append(None)
        else:
            ap.append(float(average_precision_score(targets[:, k], scores[:, k])))
            ap07.append(float(voc07_ap(targets[:, k], scores[:, k])))
    save("mlap_scores", scores.astype(np.float64))
    save("mlap_targets", targets)
    dump("mlap_expected", {
        "mAP": float(np.mean([a for a in ap if a is not None])), "apPerClass": ap,
        "voc07": {"mAP": float(np.mean([a for a in ap07 if a is not None])), "apPerClass": ap07}})


# ---------------------------------------------------------------- re-ID (torchreid's evaluate_rank, stable ties)
def eval_rank(distmat, q_pids, g_pids, q_camids, g_camids, max_rank):
    num_q, num_g = distmat.shape
    max_rank = min(max_rank, num_g)
    indices = np.argsort(distmat, axis=1, kind="stable")
    matches = (g_pids[indices] == q_pids[:, None]).astype(np.int32)
    all_cmc, all_ap, all_inp = [], [], []
    for q in range(num_q):
        order = indices[q]
        remove = (g_pids[order] == q_pids[q]) & (g_camids[order] == q_camids[q])
        raw = matches[q][~remove]
        if not np.any(raw):
            continue
        cmc = raw.cumsum()
        pos_max = np.max(np.where(raw == 1))
        all_inp.append(cmc[pos_max] / (pos_max + 1.0))
        cmc[cmc > 1] = 1
        c = np.zeros(max_rank)
        c[: min(max_rank, len(cmc))] = cmc[:max_rank]
        if len(cmc) < max_rank:
            c[len(cmc):] = cmc[-1]
        all_cmc.append(c)
        num_rel = raw.sum()
        tmp = raw.cumsum() / (np.arange(len(raw)) + 1.0)
        all_ap.append((tmp * raw).sum() / num_rel)
    return {"mAP": float(np.mean(all_ap)), "cmc": [float(v) for v in np.mean(all_cmc, axis=0)],
            "mINP": float(np.mean(all_inp)), "validQueries": len(all_ap)}


def feature_dist(qf, gf, metric):
    if metric == "euclidean":
        return ((qf[:, None, :] - gf[None, :, :]) ** 2).sum(-1)
    qn = np.linalg.norm(qf, axis=1)
    gn = np.linalg.norm(gf, axis=1)
    return 1 - (qf @ gf.T) / (qn[:, None] * gn[None, :])


def reid_case():
    nq, ng, ids = 40, 300, 25
    q_pids = rng.integers(0, ids, nq)
    g_pids = rng.integers(0, ids + 5, ng)
    q_cams = rng.integers(0, 3, nq)
    g_cams = rng.integers(0, 3, ng)
    q_pids[0] = 99  # identity absent from the gallery: skipped
    # query 1: its only gallery matches share its camera, so all are removed: skipped
    q_pids[1] = 98
    g_pids[:2] = 98
    g_cams[:2] = q_cams[1]
    d = np.round(rng.random((nq, ng)), 2)  # two decimals: ties, broken by gallery index
    save("reid_distmat", d.astype(np.float64))
    save("reid_qids", q_pids.astype(np.int64))
    save("reid_gids", g_pids.astype(np.int64))
    save("reid_qcams", q_cams.astype(np.int32))
    save("reid_gcams", g_cams.astype(np.int32))
    exp = {"distmat": eval_rank(d, q_pids, g_pids, q_cams, g_cams, 20)}
    qf = rng.normal(size=(nq, 16)).astype(np.float32)
    gf = rng.normal(size=(ng, 16)).astype(np.float32)
    save("reid_qf", qf)
    save("reid_gf", gf)
    for m in ("euclidean", "cosine"):
        exp[m] = eval_rank(feature_dist(qf.astype(np.float64), gf.astype(np.float64), m),
                           q_pids, g_pids, q_cams, g_cams, 20)
    dump("reid_expected", exp)


# ---------------------------------------------------------------- retrieval (leave-one-out)
def retrieval_case():
    n, classes = 120, 15
    labels = rng.integers(0, classes, n)
    labels[0] = 77  # a class with one sample: the query cannot be scored, left out
    f = rng.normal(size=(n, 8)).astype(np.float32)
    save("retr_features", f)
    save("retr_labels", labels.astype(np.int64))
    exp = {}
    for metric in ("cosine", "euclidean"):
        d = feature_dist(f.astype(np.float64), f.astype(np.float64), metric)
        hits = {1: [], 5: []}
        aps = []
        for q in range(n):
            others = np.array([j for j in range(n) if j != q])
            order = others[np.argsort(d[q, others], kind="stable")]
            rel = (labels[order] == labels[q]).astype(np.float64)
            if rel.sum() == 0:
                continue
            for k in hits:
                hits[k].append(rel[:k].any())
            aps.append(((rel.cumsum() / np.arange(1, len(rel) + 1)) * rel).sum() / rel.sum())
        exp[metric] = {"recall@1": float(np.mean(hits[1])), "recall@5": float(np.mean(hits[5])),
                       "mAP": float(np.mean(aps)), "validQueries": len(aps)}
    dump("retr_expected", exp)


# ---------------------------------------------------------------- segmentation
def segmentation_case():
    k = 6
    n, h, w = 5, 17, 23
    gt = rng.integers(0, k, size=(n, h, w)).astype(np.uint8)
    gt[rng.random((n, h, w)) < 0.1] = 255
    gt[gt == 5] = 0  # class 5 never in GT...
    pred = rng.integers(0, k, size=(n, h, w)).astype(np.uint8)
    pred[pred == 5] = 1  # ...nor predicted: null
    pred[pred == 4] = 3  # class 4 in GT but never predicted: IoU 0
    gt[4] = 255  # an all-ignore image
    save("seg_pred", pred)
    save("seg_gt", gt)
    valid = gt != 255
    cm = np.bincount(k * gt[valid].astype(int) + pred[valid], minlength=k * k).reshape(k, k)
    tp = np.diag(cm).astype(np.float64)
    den = cm.sum(0) + cm.sum(1) - tp
    iou = [float(tp[c] / den[c]) if den[c] > 0 else None for c in range(k)]
    row = cm.sum(1)
    exp = {"mIoU": float(np.mean([v for v in iou if v is not None])), "iouPerClass": iou,
           "pixelAccuracy": float(tp.sum() / cm.sum()),
           "meanAccuracy": float(np.mean([tp[c] / row[c] for c in range(k) if row[c] > 0]))}
    dump("seg_expected", exp)
    # The same masks as PNG files: palette for ground truth, greyscale for predictions.
    for i in range(n):
        im = Image.fromarray(gt[i], mode="P")
        im.putpalette([(j * 37) % 256 for j in range(768)])
        os.makedirs(os.path.join(OUT, "seg_png", "gt"), exist_ok=True)
        os.makedirs(os.path.join(OUT, "seg_png", "pred"), exist_ok=True)
        im.save(os.path.join(OUT, "seg_png", "gt", "img%d.png" % i))
        Image.fromarray(pred[i], mode="L").save(os.path.join(OUT, "seg_png", "pred", "img%d.png" % i))
    # A 4-bit palette PNG and an interlaced one exercise the other decoding paths.
    small = (np.arange(7 * 9).reshape(7, 9) % 13).astype(np.uint8)
    im = Image.fromarray(small, mode="P")
    im.putpalette(list(range(48)))
    im.save(os.path.join(OUT, "png_4bit.png"), bits=4)
    Image.fromarray(small, mode="L").save(os.path.join(OUT, "png_interlaced.png"), interlace=1)
    save("png_expected", small)


# ---------------------------------------------------------------- WSOL boxes
# MaxBoxAcc's fixtures come from wsolevaluation's own evaluation.py: make_wsol_golden.py.


def normalize(m):
    m = m.astype(np.float64)
    lo, hi = m.min(), m.max()
    if lo == hi:
        return np.zeros_like(m)
    return (m - lo) / (hi - lo)


# ---------------------------------------------------------------- PxAP (wsolevaluation's MaskEvaluator)
def pxap_case():
    n, h, w = 6, 16, 18
    maps = rng.random((n, h, w)).astype(np.float32)
    masks = (rng.random((n, h, w)) < 0.3).astype(np.uint8)
    masks[rng.random((n, h, w)) < 0.05] = 255  # ignored pixels inside the masks
    masks[2] = 0  # an image with no foreground
    ignore = (rng.random((n, h, w)) < 0.05).astype(np.uint8)
    ignore[4] = 1  # an all-ignore image
    maps[1] = 0.5  # a constant map
    save("pxap_maps", maps)
    save("pxap_masks", masks)
    save("pxap_ignore", ignore)
    exp = {}
    for step in (0.01, 0.001):
        edges = np.append(np.arange(0, 1, step), [1.0, 2.0, 3.0])
        pos = np.zeros(len(edges) - 1)
        neg = np.zeros(len(edges) - 1)
        for use_ignore in (False, True):
            pos[:] = 0
            neg[:] = 0
            for i in range(n):
                s = normalize(maps[i])
                keep = np.ones((h, w), bool) if not use_ignore else ignore[i] == 0
                pos += np.histogram(s[(masks[i] == 1) & keep], bins=edges)[0]
                neg += np.histogram(s[(masks[i] == 0) & keep], bins=edges)[0]
            tp = pos[::-1].cumsum()
            fp = neg[::-1].cumsum()
            fn = pos.sum() - tp
            nz = (tp + fp) != 0
            with np.errstate(invalid="ignore", divide="ignore"):
                precision = tp / (tp + fp)
            recall = tp / (tp + fn)
            auc = (precision[1:] * np.diff(recall))[nz[1:]].sum()
            exp["%s%s" % (step, "_ignore" if use_ignore else "")] = float(auc)
    dump("pxap_expected", exp)


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    accuracy_case()
    multilabel_case()
    reid_case()
    retrieval_case()
    segmentation_case()
    pxap_case()
    total = sum(os.path.getsize(os.path.join(dp, f)) for dp, _, fs in os.walk(OUT) for f in fs)
    print("fixtures in %s: %d bytes" % (os.path.normpath(OUT), total))
