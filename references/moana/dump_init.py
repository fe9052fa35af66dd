#!/usr/bin/env python3
"""Writes the starting values of the layers ku-milab/MoANA's model adds to the backbone (the MoANA
module and the classifier for rfga; the fc for cam, as fga's 1x1 convolution classifier), as run_moana.py's run of the same seed draws
them, into a safetensors file under fga's names, so that fga's run of that seed can start from the
same draws (the spec's init.weights) and the two runs pair by seed (issue #25).

Why: on the cluttered Fashion-MNIST regime the reference's own RFGA runs range over 21-56 %
MaxBoxAccV2 from seed to seed, and the seed acts through these layers' initial values: with the
initial draws of one seed and the data order and crops of another, a run lands where the first
seed's run landed (references/moana/README.md, "Matched starting draws"). Runs of two code bases
that start from the same draws can be compared seed by seed.

run_moana.py itself is not changed (its result lines stay valid): this file seeds random, numpy and
torch with --seed exactly as run_moana.py does and calls its build_model, so the draws are the
same (nothing between its seeding and build_model draws a random number; checked once by saving
run_moana.py's model right after build_model and comparing, every tensor bit for bit).

    python3 references/moana/dump_init.py --repo ~/.cache/fga/MoANA --method rfga --seed 0 \\
      --weights runs/pretrain/pretrain_resnet18-w16_fashion32/backbone.safetensors \\
      --num-classes 4 --out references/moana/results/init/rfga_s0.safetensors
"""
import argparse
import json
import os
import random
import struct
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import run_moana  # noqa: E402  (fga's harness beside this file)

# reference state-dict name -> fga's init.weights name (TorchModelWeights.names: rfga's module is
# "rfga", its batch norms bn_c/bn_h/bn_w where the reference says bn1/bn2/bn3)
RFGA_NAMES = {"layer4.2.conv_c.weight": "rfga.conv_c.weight", "layer4.2.conv_h.weight": "rfga.conv_h.weight",
              "layer4.2.conv_w.weight": "rfga.conv_w.weight",
              "classifier.0.weight": "classifier.weight", "classifier.0.bias": "classifier.bias"}
for ref_bn, ours in (("bn1", "bn_c"), ("bn2", "bn_h"), ("bn3", "bn_w")):
    for p in ("weight", "bias", "running_mean", "running_var"):
        RFGA_NAMES["layer4.2.%s.%s" % (ref_bn, p)] = "rfga.%s.%s" % (ours, p)
# cam: the reference's fc (GAP, then Linear) is fga's 1x1 convolution classifier (then GAP): the
# same weights, shaped K x C x 1 x 1
CAM_NAMES = {"fc.weight": "classifier.weight", "fc.bias": "classifier.bias"}


def write_safetensors(path, tensors, metadata):
    """name -> float32 numpy array, with string metadata, in the safetensors format."""
    header, offset, blobs = {"__metadata__": metadata}, 0, []
    for name, a in tensors.items():
        b = np.ascontiguousarray(a, dtype="<f4").tobytes()
        header[name] = {"dtype": "F32", "shape": list(a.shape), "data_offsets": [offset, offset + len(b)]}
        offset += len(b)
        blobs.append(b)
    h = json.dumps(header, separators=(",", ":")).encode()
    h += b" " * (-len(h) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(h)) + h + b"".join(blobs))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--repo", required=True)
    ap.add_argument("--weights", required=True, help="fga's backbone.safetensors, as run_moana.py --weights")
    ap.add_argument("--method", required=True, choices=["rfga", "cam"])
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--num-classes", type=int, required=True)
    ap.add_argument("--width", type=int, default=16)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    loc, commit, mismatched = run_moana.check_repo(os.path.abspath(args.repo))
    run_moana.install_shims()
    sys.path.insert(0, loc)
    import torch
    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)
    model = run_moana.build_model(args.method, args.width, args.num_classes, os.path.abspath(args.weights))
    state = model.state_dict()
    names = RFGA_NAMES if args.method == "rfga" else CAM_NAMES
    out = {ours: state[ref].detach().numpy() for ref, ours in names.items()}
    if args.method == "cam":
        out["classifier.weight"] = out["classifier.weight"].reshape(out["classifier.weight"].shape + (1, 1))
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    write_safetensors(args.out, out, {"reference": "ku-milab/MoANA@%s" % commit, "method": args.method,
                                      "seed": str(args.seed), "harness": "references/moana/dump_init.py"})
    print("wrote %d tensors (%s) to %s" % (len(out), ", ".join(out), args.out))


if __name__ == "__main__":
    main()
