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

  test --load MODEL.safetensors --features DIR RUN_CAL_REID_ARGS...
      fga's trained model through the reference's whole test: its data loader and transforms,
      its network's forward with the mirror, R1_mAP. The reference's model, loader and cfg are
      built exactly as for a row by running run_cal_reid.py (pass --epochs 1: the one epoch it
      trains is thrown away); before its test, every parameter and BatchNorm statistic of the
      network is set from fga's model file (`fga features RUN_DIR --out D --with-model` writes
      D/model.safetensors), the names mapped below (REFERENCE_NAMES), each tensor used once and
      every tensor of the network set, else it stops. The export in DIR and the result line
      (appended to --out, a scratch file: it is not a row) are then the reference's test of
      fga's model, to compare with that run's metrics.json.

  convert MODEL.pt OUT.safetensors
      The reference's trained network (model.pt of `train`) under fga's init.weights names (the
      mapping of `test`, backwards), for `fga features RUN_DIR --weights OUT.safetensors`: the
      reference's model through fga's test (its loader, forward and mirror) and fga's evaluator.

  batches --epochs-drawn E --out-dir DIR RUN_CAL_REID_ARGS...
      The training batches of the reference's own data loader (its sampler and transforms, as
      run_cal_reid.py seeds them) for E epochs, written as images.npy (N x 3 x H x W, normalised
      as the network receives them) and labels.npy, without training: what `fga data preview`
      writes for fga's side, for `compare_batches.py`. The run stops after drawing them.

This file is fga's; the reference's code is not part of fga (see run_cal_reid.py for the checkout).
"""
import argparse
import importlib.util
import json
import os
import re
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
PARTS = ("query", "gallery")
# fga's head (its init.weights names) -> the reference's Baseline; the backbone keeps torchvision's
# names under Baseline's `base`
REFERENCE_NAMES = {
    "attention.Conv2d.weight": "attentions.conv.weight",
    "attention.BatchNorm.gamma": "attentions.bn.weight",
    "attention.BatchNorm.beta": "attentions.bn.bias",
    "attention.BatchNorm.runningMean": "attentions.bn.running_mean",
    "attention.BatchNorm.runningVar": "attentions.bn.running_var",
    "reduce.weight": "classifier_bap.weight",
    "neck.gamma": "bottleneck.weight",
    "neck.beta": "bottleneck.bias",
    "neck.runningMean": "bottleneck.running_mean",
    "neck.runningVar": "bottleneck.running_var",
    "classifier.weight": "classifier.weight",
}


def write_safetensors(path, tensors):
    """float32 tensors to a .safetensors file (the format's header and little-endian data)."""
    header, blobs, offset = {}, [], 0
    for name, t in tensors.items():
        data = t.detach().to(dtype=__import__("torch").float32).contiguous().numpy().astype("<f4").tobytes()
        header[name] = {"dtype": "F32", "shape": list(t.shape), "data_offsets": [offset, offset + len(data)]}
        blobs.append(data)
        offset += len(data)
    text = json.dumps(header).encode()
    text += b" " * (-len(text) % 8)
    with open(path, "wb") as f:
        f.write(len(text).to_bytes(8, "little"))
        f.write(text)
        for b in blobs:
            f.write(b)


def convert(args):
    import torch
    state = torch.load(args.model, map_location="cpu")
    state = {k[len("module."):] if k.startswith("module.") else k: v for k, v in state.items()}
    back = {v: k for k, v in REFERENCE_NAMES.items()}
    out, used = {}, set()
    for name, t in state.items():
        if name.startswith("base.") and not name.endswith("num_batches_tracked"):
            out["backbone." + name[len("base."):]] = t
            used.add(name)
        elif name in back:
            out[back[name]] = t
            used.add(name)
    # base_1..base_5 hold the same modules as base; nothing else may be left unconverted
    left = [k for k in state if k not in used and not k.endswith("num_batches_tracked")
            and not re.match(r"base_\d\.", k)]
    if left:
        raise SystemExit(f"{args.model}: no fga name for {left[:6]}")
    write_safetensors(args.out, out)
    print(json.dumps({"from": args.model, "to": args.out, "tensors": len(out)}))


def reference_name(fga_name):
    if fga_name.startswith("backbone."):
        return "base." + fga_name[len("backbone."):]
    if fga_name not in REFERENCE_NAMES:
        raise SystemExit(f"fga's model has {fga_name}, which no tensor of the reference's Baseline is mapped to")
    return REFERENCE_NAMES[fga_name]


def load_fga_model(harness, model, path):
    """Sets every tensor of the reference's network from fga's model file; stops on any gap."""
    net = model.module if hasattr(model, "module") else model  # the reference's nn.DataParallel
    own = net.state_dict(keep_vars=True)
    done = set()
    for name, value in harness.read_safetensors(path).items():
        target = reference_name(name)
        if target not in own or tuple(own[target].shape) != tuple(value.shape):
            raise SystemExit(f"{path}: {name} -> {target} does not fit the reference's network")
        with __import__("torch").no_grad():
            own[target].data.copy_(value)
        done.add(own[target].data_ptr())
    # Baseline registers the backbone's modules twice (base and base_1..base_5): one storage each
    left = [k for k, t in own.items() if not k.endswith("num_batches_tracked") and t.data_ptr() not in done]
    if left:
        raise SystemExit(f"{path}: sets nothing for the reference's {left[:6]}")


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


def run_harness(harness, rest, command, patch):
    """run_cal_reid.py's main() with `rest` as its command line; `patch()` runs once the harness's
    stand-ins are installed and the reference's checkout (its --repo) is importable, before main()
    imports the reference's modules, so what it wraps is what main() then calls."""
    if "--repo" not in rest:
        raise SystemExit(f"{command}: run_cal_reid.py's --repo is required")
    reid = os.path.join(os.path.abspath(rest[rest.index("--repo") + 1]), "reid")
    base_install = harness.install_stand_ins

    def install_and_patch():
        base_install()
        sys.path.insert(0, reid)
        patch()

    harness.install_stand_ins = install_and_patch
    sys.argv = [os.path.join(HERE, "run_cal_reid.py")] + rest
    harness.main()


class _Drawn(Exception):
    """Ends the run once the batches are drawn (nothing is trained)."""


def batches(args, rest):
    harness = load_harness()
    if os.path.exists(os.path.join(args.out_dir, "images.npy")):
        raise SystemExit(f"{args.out_dir}/images.npy exists; choose another --out-dir")

    def draw_instead_of_training():
        import tools.train as ref  # noqa: E402  (the reference's)

        def drawing_do_train(cfg, model, train_loader, *a, **k):
            images, labels = [], []
            for _ in range(args.epochs_drawn):
                for imgs, pids in train_loader:
                    images.append(imgs.numpy())
                    labels.append(pids.numpy())
            os.makedirs(args.out_dir, exist_ok=True)
            np.save(os.path.join(args.out_dir, "images.npy"), np.concatenate(images).astype(np.float32))
            np.save(os.path.join(args.out_dir, "labels.npy"), np.concatenate(labels).astype(np.int64))
            raise _Drawn()

        ref.do_train = drawing_do_train

    try:
        run_harness(harness, rest, "batches", draw_instead_of_training)
    except _Drawn:
        print(json.dumps({"out": args.out_dir, "epochs": args.epochs_drawn}))


def train(args, rest, load=None):
    harness = load_harness()
    folder = os.path.abspath(args.features)
    for part in PARTS:
        for kind in ("features.npy", "labels.npy", "cams.npy", "images.txt"):
            if os.path.exists(os.path.join(folder, f"{part}_{kind}")):
                raise SystemExit(f"{folder}/{part}_{kind} exists; choose another --features folder")
    kept = {}

    def wrap_test():
        import torch
        import engine.inference as inference  # noqa: E402  (the reference's)
        import utils.reid_metric as reid_metric  # noqa: E402

        base_inference, base_compute = inference.inference, reid_metric.R1_mAP.compute

        def kept_inference(cfg, model, val_loader, num_query):
            if load is not None:
                load_fga_model(harness, model, load)
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

    run_harness(harness, rest, args.command, wrap_test)
    q = lambda name: os.path.join(folder, name)  # noqa: E731
    print("score it with fga: fga eval reid --query-features " + q("query_features.npy")
          + " --gallery-features " + q("gallery_features.npy") + " --query-ids " + q("query_labels.npy")
          + " --gallery-ids " + q("gallery_labels.npy") + " --query-cams " + q("query_cams.npy")
          + " --gallery-cams " + q("gallery_cams.npy"), file=sys.stderr)


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], allow_abbrev=False)
    sub = p.add_subparsers(dest="command", required=True)
    s = sub.add_parser("score", allow_abbrev=False, help="the reference's R1_mAP on an export")
    s.add_argument("folder")
    s.add_argument("--repo", required=True, help="checkout of raoyongming/CAL at the pinned commit")
    t = sub.add_parser("train", allow_abbrev=False, help="run_cal_reid.py, also exporting what its test scores")
    t.add_argument("--features", required=True, help="folder the reference model's export goes to")
    b = sub.add_parser("batches", allow_abbrev=False, help="the reference loader's training batches, without training")
    b.add_argument("--epochs-drawn", type=int, required=True)
    b.add_argument("--out-dir", required=True)
    c = sub.add_parser("convert", allow_abbrev=False, help="the reference's model.pt under fga's names")
    c.add_argument("model")
    c.add_argument("out")
    e = sub.add_parser("test", allow_abbrev=False, help="fga's model through the reference's test")
    e.add_argument("--load", required=True, help="fga's model.safetensors (fga features --with-model)")
    e.add_argument("--features", required=True, help="folder the export of the reference's test goes to")
    args, rest = p.parse_known_args()
    if args.command == "score":
        if rest:
            p.error("score: unknown arguments " + " ".join(rest))
        score(args)
    elif args.command == "batches":
        batches(args, rest)
    elif args.command == "convert":
        if rest:
            p.error("convert: unknown arguments " + " ".join(rest))
        convert(args)
    elif args.command == "test":
        if not os.path.isfile(args.load):
            raise SystemExit(f"{args.load}: no such file (write it with: fga features RUN_DIR --out DIR --with-model)")
        train(args, rest, load=os.path.abspath(args.load))
    else:
        train(args, rest)


if __name__ == "__main__":
    main()
