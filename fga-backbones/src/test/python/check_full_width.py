#!/usr/bin/env python3
"""Writes full-width torchvision models for a one-off equivalence check (too big to commit).

    /usr/bin/python3 fga-backbones/src/test/python/check_full_width.py /tmp/fga-full
    mvn -pl fga-backbones -am test -Dtest=FullWidthEquivalenceTest \
        -Dfga.fullWidthDir=/tmp/fga-full -Dsurefire.failIfNoSpecifiedTests=false

For each architecture: torchvision's own constructor (random init, seeded), BN layers given
non-trivial statistics, eval mode; <arch>.safetensors holds the state dict and <arch>_io.npz the
input (2x3x224x224) and torchvision's logits. The Java test prints the max relative error.
"""
import os
import sys

import numpy as np
import torch
import torchvision

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import make_fixture as mf  # noqa: E402


def main():
    out = sys.argv[1]
    archs = sys.argv[2:] or ["resnet18", "resnet50", "vgg16", "vgg16_bn"]
    os.makedirs(out, exist_ok=True)
    gen = torch.Generator().manual_seed(99)
    x = torch.randn(2, 3, 224, 224, generator=gen)
    for arch in archs:
        torch.manual_seed(0)
        model = getattr(torchvision.models, arch)()
        mf.randomise_bn(model, gen)
        model.eval()
        mf.write_safetensors(os.path.join(out, arch + ".safetensors"), mf.state_dict_numpy(model))
        with torch.no_grad():
            logits = model(x)
        np.savez(os.path.join(out, arch + "_io.npz"), input=x.numpy(), logits=logits.numpy())
        print(arch, "written", file=sys.stderr)


if __name__ == "__main__":
    main()
