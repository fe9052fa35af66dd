"""Traces torchvision classifiers to TorchScript for `fga bench backbone` (run by the benchmark).

Usage: python3 trace_torchvision.py OUT_DIR ARCH...
Writes OUT_DIR/<arch>_eval.pt and OUT_DIR/<arch>_train.pt. torch.jit.trace freezes the module's
mode into the graph (BN batch statistics or running statistics), so the forward benchmark and
the train-step benchmark each get their own trace.
"""
import os
import sys

import torch
import torchvision


def main():
    out = sys.argv[1]
    torch.manual_seed(0)
    example = torch.randn(2, 3, 64, 64)
    for arch in sys.argv[2:]:
        model = getattr(torchvision.models, arch)()
        for mode in ("eval", "train"):
            model.train(mode == "train")
            traced = torch.jit.trace(model, example, check_trace=False)
            traced.save(os.path.join(out, f"{arch}_{mode}.pt"))
    print(torch.__version__)


if __name__ == "__main__":
    main()
