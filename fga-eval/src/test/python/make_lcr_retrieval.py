#!/usr/bin/python3
"""Writes the fixtures of LcrRetrievalTest by running LCR's own retrieval code on fixed features.

The retrieval protocol of "Learning Common Rationale" (Shu et al., CVPR 2023) lives in
`validate()` of main_moco.py in GANPerf/LCR: leave-one-out over the test split, dot product of
L2-normalised features, an ascending `np.argsort` reversed, then top-1 / top-5 hit rates and mAP.
This script imports that module from a checkout given on the command line and calls `validate`
unchanged, with a stand-in model whose `inference` returns our features (zero-padded to the 2048
dimensions the function hard-codes, which changes no dot product) and `.cuda()` made a no-op so it
runs on a CPU.

Run:  /usr/bin/python3 fga-eval/src/test/python/make_lcr_retrieval.py /tmp/ref-lcr
(/tmp/ref-lcr: `git archive` of github.com/GANPerf/LCR). Needs torch and torchvision.

Ties: `np.argsort` (numpy's introsort) sorts lists of at most 17 items by insertion sort, which is
stable, so after the reversal equally similar items come in *descending* index order. The tie case
below has 16 samples (15 candidates per query) so that this order is well defined; the larger case
has no ties, so it does not depend on how numpy orders them.
"""
import argparse
import json
import os
import sys
import types

import numpy as np
import torch

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "fixtures")


def reference_validate(ref_dir):
    sys.path.insert(0, ref_dir)
    saved_argv = sys.argv
    sys.argv = [saved_argv[0]]  # main_moco parses arguments only in main(), but be safe
    try:
        import main_moco
    finally:
        sys.argv = saved_argv
    torch.Tensor.cuda = lambda self, *a, **k: self  # CPU run: .cuda(None) becomes the identity
    return main_moco.validate


class StandInModel:
    """What validate() calls: eval() and module.inference(images) -> (_, _, featcov16, features)."""

    def __init__(self, features):
        self.features = features
        self.module = self

    def eval(self):
        return self

    def inference(self, index):
        f = self.features[index]
        padded = torch.zeros(f.shape[0], 2048)
        padded[:, : f.shape[1]] = f
        # LCR's models return L2-normalised features (F.normalize in inference()); do the same
        padded = torch.nn.functional.normalize(padded, dim=1)
        return None, None, torch.zeros(f.shape[0], 32, 7, 7), padded


def run_reference(validate, features, labels, batch=5):
    feats = torch.from_numpy(features.astype(np.float32))
    model = StandInModel(feats)
    n = len(labels)
    # the "images" of each batch are the sample indices; the stand-in model looks the features up
    loader = [(torch.arange(i, min(i + batch, n)), torch.from_numpy(labels[i : i + batch].astype(np.int64)))
              for i in range(0, n, batch)]
    args = types.SimpleNamespace(gpu=None)
    top1, top5, mAP = validate(loader, model, None, args, 0)
    return {"top1": float(top1), "top5": float(top5), "mAP": float(mAP)}


def tie_case(rng):
    """16 samples, 4 classes; exact duplicates (ties of every kind) and features of varied norm."""
    base = rng.normal(size=(10, 6))
    rows = [base[0], base[0], base[1], base[2], base[2], base[2], base[3], base[4],
            base[5], base[5], base[6], base[7], base[8], base[8], base[9], base[1]]
    f = np.array(rows) * rng.uniform(0.2, 5.0, size=(16, 1))  # cosine ignores norms, euclidean not
    # duplicates keep identical rows (ties must be exact): rescale them alike
    for a, b in [(1, 0), (4, 3), (5, 3), (9, 8), (13, 12), (15, 2)]:
        f[a] = f[b]
    labels = np.array([0, 1, 0, 2, 1, 3, 0, 1, 2, 3, 0, 1, 2, 3, 3, 2])
    return f.astype(np.float32), labels


def random_case(rng):
    """60 samples, 6 classes, no ties: the reference's order of equal items does not matter."""
    labels = rng.integers(0, 6, 60)
    centres = rng.normal(size=(6, 8))
    f = centres[labels] * 0.6 + rng.normal(size=(60, 8))
    f *= rng.uniform(0.2, 5.0, size=(60, 1))
    return f.astype(np.float32), labels


def main():
    p = argparse.ArgumentParser()
    p.add_argument("lcr_dir", help="a checkout of GANPerf/LCR")
    a = p.parse_args()
    validate = reference_validate(os.path.abspath(a.lcr_dir))
    rng = np.random.default_rng(20261130)
    expected = {}
    for name, (f, labels) in (("ties", tie_case(rng)), ("random", random_case(rng))):
        np.save(os.path.join(OUT, "lcr_retr_" + name + "_features.npy"), f)
        np.save(os.path.join(OUT, "lcr_retr_" + name + "_labels.npy"), labels.astype(np.int64))
        expected[name] = run_reference(validate, f, labels)
    with open(os.path.join(OUT, "lcr_retr_expected.json"), "w") as out:
        json.dump(expected, out, indent=1)
    print(json.dumps(expected, indent=1))


if __name__ == "__main__":
    main()
