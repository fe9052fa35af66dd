#!/usr/bin/env python3
"""Each side's trained CAL re-ID model through the other side's evaluator (issue #25).

Two subcommands; both use fga's export layout, the one `fga features` writes: per part P in
(query, gallery), P_features.npy (float32, N x D, the vectors the distances are taken between),
P_labels.npy (int64 identities), P_cams.npy (int64 cameras), P_images.txt (one image a line).

  score DIR --repo CAL_CHECKOUT
      Scores an export with the reference's own test code: utils/reid_metric.py's R1_mAP (its
      update() fed the features, identities and cameras in the export's order, queries first, as
      engine/inference.py feeds it; its compute(): L2 normalisation, euclidean_dist_cpu, and
      data/datasets/eval_reid.py's eval_func, the Market-1501 protocol). Prints one JSON line
      with mAP and rank-1/5/10. For fga's model: `fga features RUN_DIR --out DIR` first.

  train --features DIR RUN_CAL_REID_ARGS...
      Runs references/cal-reid/run_cal_reid.py with exactly these arguments (the same training,
      the same result line, appended to its --out) and, when the reference's R1_mAP scores the
      trained model, also writes what it scores to DIR in the layout above: the features after
      its L2 normalisation, the identities and cameras as its Market-1501 reader parsed them
      (cameras from 0), the image paths, and the model's state_dict as model.pt. Nothing of
      run_cal_reid.py is edited (its SHA-256 is in the committed result lines); this file wraps
      two of the reference's functions at import time:
        - engine/inference.py's inference(): keeps its model and loader (for the paths and
          model.pt), then runs it unchanged;
        - utils/reid_metric.py's R1_mAP.compute(): writes the export, then computes unchanged.
      `fga eval reid` then scores the reference's model (the command is printed at the end).

This file is fga's; the reference's code is not part of fga (see run_cal_reid.py for the checkout).
"""
import argparse
import importlib.util
import json
import os
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
PARTS = ("query", "gallery")


def load_harness():
    spec = importlib.util.spec_from_file_location("run_cal_reid", os.path.join(HERE, "run_cal_reid.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def read_export(folder):
    out = {}
    for part in PARTS:
        for kind in ("features", "labels", "cams"):
            path = os.path.join(folder, f"{part}_{kind}.npy")
            if not os.path.isfile(path):
                raise SystemExit(f"{path}: no such file (write the export with: fga features RUN_DIR --out {folder})")
            out[part, kind] = np.load(path)
        n = len(out[part, "features"])
        if len(out[part, "labels"]) != n or len(out[part, "cams"]) != n:
            raise SystemExit(f"{folder}: {part}_labels/cams do not have the {n} rows of {part}_features")
    return out


def score(args):
    harness = load_harness()
    harness.install_stand_ins()
    reid = os.path.join(os.path.abspath(args.repo), "reid")
    if not os.path.isfile(os.path.join(reid, "utils", "reid_metric.py")):
        raise SystemExit(f"{args.repo}: no reid/utils/reid_metric.py (a checkout of raoyongming/CAL at {harness.PINNED}?)")
    sys.path.insert(0, reid)
    import torch
    from utils.reid_metric import R1_mAP  # noqa: E402  (the reference's, from its checkout)

    export = read_export(args.folder)
    metric = R1_mAP(len(export["query", "features"]), max_rank=50, re_rank=False)
    metric.reset()
    for part in PARTS:
        metric.update((torch.from_numpy(export[part, "features"].astype(np.float32)),
                       export[part, "labels"], export[part, "cams"]))
    cmc, m_ap = metric.compute()
    print(json.dumps({"export": args.folder, "evaluator": "raoyongming/CAL@" + harness.PINNED + " R1_mAP",
                      "mAP": float(m_ap), "rank1": float(cmc[0]), "rank5": float(cmc[4]), "rank10": float(cmc[9])}))


def train(args, rest):
    harness = load_harness()
    folder = os.path.abspath(args.features)
    for part in PARTS:
        for kind in ("features.npy", "labels.npy", "cams.npy", "images.txt"):
            if os.path.exists(os.path.join(folder, f"{part}_{kind}")):
                raise SystemExit(f"{folder}/{part}_{kind} exists; choose another --features folder")
    repo = rest[rest.index("--repo") + 1] if "--repo" in rest else None
    if repo is None:
        raise SystemExit("train: run_cal_reid.py's --repo is required")
    reid = os.path.join(os.path.abspath(repo), "reid")
    kept = {}
    base_install = harness.install_stand_ins

    def install_and_wrap():
        base_install()
        sys.path.insert(0, reid)
        import torch
        import engine.inference as inference  # noqa: E402  (the reference's)
        import utils.reid_metric as reid_metric  # noqa: E402

        base_inference, base_compute = inference.inference, reid_metric.R1_mAP.compute

        def kept_inference(cfg, model, val_loader, num_query):
            kept.update(model=model, loader=val_loader)
            return base_inference(cfg, model, val_loader, num_query)

        def exporting_compute(self):
            if "loader" in kept:  # the final test only, not a metric computed on the way
                feats = torch.cat(self.feats, dim=0)
                feats = feats.div(torch.norm(feats, p=2, dim=1, keepdim=True).expand_as(feats))
                paths = [item[0] for item in kept["loader"].dataset.dataset]
                os.makedirs(folder, exist_ok=True)
                n = self.num_query
                for part, rows in (("query", slice(0, n)), ("gallery", slice(n, len(paths)))):
                    np.save(os.path.join(folder, f"{part}_features.npy"), feats[rows].numpy().astype(np.float32))
                    np.save(os.path.join(folder, f"{part}_labels.npy"), np.asarray(self.pids[rows], dtype=np.int64))
                    np.save(os.path.join(folder, f"{part}_cams.npy"), np.asarray(self.camids[rows], dtype=np.int64))
                    with open(os.path.join(folder, f"{part}_images.txt"), "w") as f:
                        f.write("".join(os.path.relpath(p, os.path.dirname(os.path.dirname(p))) + "\n"
                                        for p in paths[rows]))
                torch.save(kept["model"].state_dict(), os.path.join(folder, "model.pt"))
            return base_compute(self)

        inference.inference = kept_inference
        reid_metric.R1_mAP.compute = exporting_compute

    harness.install_stand_ins = install_and_wrap
    sys.argv = [os.path.join(HERE, "run_cal_reid.py")] + rest
    harness.main()
    q = lambda name: os.path.join(folder, name)  # noqa: E731
    print("score it with fga: fga eval reid --query-features " + q("query_features.npy")
          + " --gallery-features " + q("gallery_features.npy") + " --query-ids " + q("query_labels.npy")
          + " --gallery-ids " + q("gallery_labels.npy") + " --query-cams " + q("query_cams.npy")
          + " --gallery-cams " + q("gallery_cams.npy"), file=sys.stderr)


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = p.add_subparsers(dest="command", required=True)
    s = sub.add_parser("score", help="the reference's R1_mAP on an export")
    s.add_argument("folder")
    s.add_argument("--repo", required=True, help="checkout of raoyongming/CAL at the pinned commit")
    t = sub.add_parser("train", help="run_cal_reid.py, also exporting what its test scores")
    t.add_argument("--features", required=True, help="folder the reference model's export goes to")
    args, rest = p.parse_known_args()
    if args.command == "score":
        if rest:
            p.error("score: unknown arguments " + " ".join(rest))
        score(args)
    else:
        train(args, rest)


if __name__ == "__main__":
    main()
