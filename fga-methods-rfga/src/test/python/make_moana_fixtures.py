#!/usr/bin/python3
"""Reference fixtures for fga-methods-rfga, computed by the MoANA reference code itself.

Usage (Debian's python3 with torch, numpy and opencv; no weight downloads):

    /usr/bin/python3 make_moana_fixtures.py /path/to/MoANA/Localization \
        fga-methods-rfga/src/test/resources/moana

The first argument is the ``Localization/`` folder of github.com/ku-milab/MoANA (fetched, never
committed). This script imports from it

* ``modules/moana_module.py``: the module (``moana``),
* ``models/resnet.py``: ``MoANA._forward_impl``, the network's forward with the module as the last
  element of ``layer4``, the 1x1-conv classifier, GAP logits and the class map (``return_cam``),
* ``heatmaps.py``: ``normalize_scoremap``, the CAM normalisation the reference reports with,

and writes one ``.npz`` per case (float32, all small):

``moana_c{C}_h{H}_w{W}.npz`` -- the module alone, batch 3:
    ``w.<name>``            the module's state dict before anything ran (weights, BN affine and
                            running statistics, all random so that nothing is trivially 0 or 1)
    ``x``, ``g``            the input and the upstream gradient of the output
    ``train.y``             forward in train mode (BN on batch statistics)
    ``train.dx``            d<y, g>/dx;  ``train.grad.<name>`` the gradient of each parameter
    ``train.running.<name>`` the BN running statistics after that one forward (momentum 0.1)
    ``eval.y``, ``eval.dx``, ``eval.grad.<name>``  the same in eval mode (running statistics)

``head_c{C}_h{H}_w{W}.npz`` -- the reference network's forward from layer4's input on, batch 2,
K = 5 classes, the backbone stages replaced by the identity so the fixture stays small:
    ``w.moana.<name>``, ``w.classifier.weight``, ``w.classifier.bias``
    ``x``, ``labels``       features entering ``layer4[3]`` (the module) and the class per image
    ``train.logits``, ``train.loss`` (CrossEntropyLoss, trainer.py), ``train.dx`` and
    ``train.grad.<name>`` of that loss
    ``eval.logits``, ``eval.cams`` (``return_cam=True``: the raw map of the label)
    ``eval.cams_resized``   cv2.resize(cam, (8W, 8H), INTER_CUBIC), as heatmaps.py:78 does at the
                            input size (output stride 8)
    ``eval.cams_normalized`` heatmaps.normalize_scoremap of the resized map (65th-percentile shift)
"""
import importlib
import os
import sys
import types

import numpy as np
import torch


def import_reference(root):
    """Imports the reference modules from ``root`` (its own folder layout, unchanged)."""
    sys.path.insert(0, root)
    # heatmaps.py imports plotting and progress-bar packages it only uses to draw; stub them when
    # they are not installed so that normalize_scoremap can be imported.
    for name in ("seaborn", "matplotlib", "matplotlib.pyplot", "tqdm"):
        try:
            importlib.import_module(name)
        except ImportError:
            stub = types.ModuleType(name)
            stub.tqdm = lambda it, **kw: it
            sys.modules[name] = stub
    moana_module = importlib.import_module("modules.moana_module")
    resnet = importlib.import_module("models.resnet")
    heatmaps = importlib.import_module("heatmaps")
    return moana_module, resnet, heatmaps


def randomise(module, gen):
    """Random weights, BN affine and running statistics (the defaults are 1s and 0s)."""
    with torch.no_grad():
        for name, t in module.state_dict().items():
            if name.endswith("num_batches_tracked"):
                continue
            if name.endswith("running_var"):
                t.copy_(torch.rand(t.shape, generator=gen) + 0.5)
            elif name.endswith("bn1.weight") or name.endswith("bn2.weight") or name.endswith("bn3.weight"):
                t.copy_(torch.rand(t.shape, generator=gen) + 0.5)
            else:
                t.copy_(torch.randn(t.shape, generator=gen) * 0.5)


def state(prefix, module):
    return {prefix + k: v.detach().numpy().copy() for k, v in module.state_dict().items()
            if not k.endswith("num_batches_tracked")}


def grads(prefix, module):
    return {prefix + k: p.grad.detach().numpy().copy() for k, p in module.named_parameters()}


def module_case(moana_module, c, h, w, seed):
    gen = torch.Generator().manual_seed(seed)
    m = moana_module.moana(c, k_size=3)
    randomise(m, gen)
    initial = {k: v.clone() for k, v in m.state_dict().items()}
    # Rows and columns on different scales, so that pooling along the wrong axis cannot agree
    # by chance, even when H = W.
    x = torch.randn(3, c, h, w, generator=gen) + torch.linspace(-1, 1, h).view(1, 1, h, 1) \
        + 0.5 * torch.linspace(1, -2, w).view(1, 1, 1, w)
    g = torch.randn(3, c, h, w, generator=gen)
    out = {"x": x.numpy(), "g": g.numpy()}
    out.update(state("w.", m))
    for mode in ("train", "eval"):
        m.load_state_dict(initial)
        m.zero_grad()
        m.train(mode == "train")
        xi = x.clone().requires_grad_(True)
        y = m(xi)
        y.backward(g)
        out[mode + ".y"] = y.detach().numpy()
        out[mode + ".dx"] = xi.grad.numpy()
        out.update(grads(mode + ".grad.", m))
        if mode == "train":
            out.update({"train.running." + k: v for k, v in state("", m).items() if "running" in k})
    return out


class Head(torch.nn.Module):
    """Carries the attributes MoANA._forward_impl reads; the stages before layer4's module are
    the identity, so the forward starts at the features the module receives."""

    def __init__(self, moana_module, c, classes):
        super().__init__()
        for name in ("conv1", "bn1", "relu", "maxpool", "layer1", "layer2", "layer3"):
            setattr(self, name, torch.nn.Identity())
        self.layer4 = torch.nn.Sequential(moana_module.moana(c))
        self.classifier = torch.nn.Sequential(torch.nn.Conv2d(c, classes, 1, 1, padding=0))
        self.avgpool = torch.nn.AdaptiveAvgPool2d((1, 1))


def head_case(moana_module, resnet, heatmaps, c, h, w, seed, classes=5):
    gen = torch.Generator().manual_seed(seed)
    head = Head(moana_module, c, classes)
    randomise(head.layer4[0], gen)
    with torch.no_grad():
        head.classifier[0].weight.copy_(torch.randn(classes, c, 1, 1, generator=gen) * 0.5)
        head.classifier[0].bias.copy_(torch.randn(classes, generator=gen) * 0.5)
    initial = {k: v.clone() for k, v in head.state_dict().items()}
    x = torch.randn(2, c, h, w, generator=gen) + torch.linspace(-1, 1, h).view(1, 1, h, 1)
    labels = torch.tensor([3, 1])
    forward = resnet.MoANA._forward_impl
    # resnet.py:320 calls it before overwriting its result with the raw map (line 321)
    Head.normalize_tensor = resnet.MoANA.normalize_tensor
    out = {"x": x.numpy(), "labels": labels.numpy().astype(np.int64)}
    out.update({"w.moana." + k: v for k, v in state("", head.layer4[0]).items()})
    out["w.classifier.weight"] = head.classifier[0].weight.detach().numpy().copy()
    out["w.classifier.bias"] = head.classifier[0].bias.detach().numpy().copy()

    head.train()
    xi = x.clone().requires_grad_(True)
    logits = forward(head, xi)["logits"]
    loss = torch.nn.CrossEntropyLoss()(logits, labels)  # main.py:65, trainer.py:73
    loss.backward()
    out["train.logits"] = logits.detach().numpy()
    out["train.loss"] = np.array([loss.item()], dtype=np.float32)
    out["train.dx"] = xi.grad.numpy()
    out.update({"train.grad.moana." + k: v for k, v in grads("", head.layer4[0]).items()})
    out["train.grad.classifier.weight"] = head.classifier[0].weight.grad.numpy().copy()
    out["train.grad.classifier.bias"] = head.classifier[0].bias.grad.numpy().copy()

    head.load_state_dict(initial)
    head.eval()
    with torch.no_grad():
        out["eval.logits"] = forward(head, x)["logits"].numpy()
        cams = forward(head, x, labels, return_cam=True).numpy()
    out["eval.cams"] = cams
    import cv2
    resized = [cv2.resize(cam, (8 * w, 8 * h), interpolation=cv2.INTER_CUBIC) for cam in cams]
    out["eval.cams_resized"] = np.stack(resized)
    # normalize_scoremap works in place on its argument: give it a copy
    out["eval.cams_normalized"] = np.stack([heatmaps.normalize_scoremap(r.copy()) for r in resized])
    return out


def save(path, arrays):
    arrays = {k: (v.astype(np.float32) if v.dtype == np.float64 else v) for k, v in arrays.items()}
    np.savez_compressed(path, **arrays)
    print(path, sum(v.nbytes for v in arrays.values()), "bytes")


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: make_moana_fixtures.py MoANA/Localization OUT_DIR")
    root, out_dir = sys.argv[1], sys.argv[2]
    torch.set_default_dtype(torch.float32)
    moana_module, resnet, heatmaps = import_reference(os.path.abspath(root))
    os.makedirs(out_dir, exist_ok=True)
    for seed, (c, h, w) in enumerate([(8, 7, 7), (8, 5, 9)]):
        save(os.path.join(out_dir, f"moana_c{c}_h{h}_w{w}.npz"), module_case(moana_module, c, h, w, seed))
        save(os.path.join(out_dir, f"head_c{c}_h{h}_w{w}.npz"),
             head_case(moana_module, resnet, heatmaps, c, h, w, 100 + seed))


if __name__ == "__main__":
    main()
