#!/usr/bin/env python3
"""Runs raoyongming/CAL's own fine-grained training loop (fgvc/train_distributed.py) on data fga
exported in the CUB layout, on CPU with Debian's python3-torch, and appends one JSON line with the
reference's own test accuracy and its step time (issue #25: whole runs beside the reference's).

This file is fga's harness; the reference's code is not part of fga. Get it at the pinned commit:

    git clone https://github.com/raoyongming/CAL /tmp/CAL && git -C /tmp/CAL checkout 0ba9d5084f2532eeb21c9ef051c23f8b339595ff

What the harness redirects (and nothing else: the model, the losses, the counterfactual term, the
attention crop/drop, the centre update, the optimiser, its rates and the schedule are the
reference's own code, called unchanged; with --method wsdan the counterfactual term is taken out,
9. below, and the training set's order is seeded per run, 10. below):
  1. GPU and apex: `.cuda()` returns the tensor/module itself, `torch.cuda.set_device` and
     `torch.cuda.synchronize` do nothing, apex's `amp.initialize` (opt_level O0: plain float32)
     returns its arguments, `convert_syncbn_model` returns the network (SyncBN over one process is
     BatchNorm), and apex's `DistributedDataParallel` is a wrapper that only forwards (one process:
     nothing to all-reduce).
  2. Distributed start-up: `init_process_group` starts a one-process gloo group on 127.0.0.1 instead
     of NCCL from the environment, so the reference's DistributedSampler (shuffled by epoch),
     all_reduce and all_gather run as they do on one GPU.
  3. Configuration: `config_distributed` is replaced by a module with the reference's values except
     the recipe scaled to the regime (epochs, batch size, image size, number of attention maps and
     learning rate from the command line; `workers` 0 so that no process forks; `save_dir` per run).
  4. Data: `datasets.bird_dataset.DATAPATH` points at the export, and the dataset's class count (200
     for CUB, fixed in the reference) is the export's (classes.txt), so the classifier has the
     regime's classes.
  5. Backbone: `models.resnet.<net>` builds fga's ResNet-18 at width 16 (torchvision's BasicBlock,
     channels 16/32/64/128, layer4 at stride 1 as the reference's ResNet builds it) and loads fga's
     exported backbone (torchvision names, safetensors) instead of downloading ImageNet weights. The
     last block carries an `expansion` whose product with 512 is the width's 128 feature channels,
     because WSDAN_CAL computes its feature count as 512 * expansion.
  6. Seeds: python's, numpy's and torch's generators are seeded with --seed (the reference seeds
     none), and torch runs --threads threads.
  7. Top-k: the reference's accuracy meters take top-1 and top-5. Top-5 cannot be taken with four
     classes, and on torch 1.13 the meter's `correct[:k].view(-1)` fails for any k > 1 (a view of a
     non-contiguous slice). Both ks are set to 1: top-1, the reported number, is computed by the
     reference's own code as before, and the second entry its log line prints repeats it.
  8. Result: the per-epoch test accuracy the reference's validate() computes (the average of the raw
     image's and its attention crop's logits, over the reference's drop_last test batches) is read
     from its `logs`; the last epoch's is reported as `top1` (fga evaluates its last epoch), the best
     epoch's (what the reference's checkpointing keeps) as `top1Best`. The line also records the
     SHA-256 of the backbone weights it started from (`weightsSha256`), so a row can be matched with
     the fga runs that loaded the same file.
  9. WS-DAN (--method wsdan): the network's second output, the counterfactual effect
     p - fc(100 * pooled with random maps), is replaced by zeros before train() sees it. Its cross
     entropy is then the constant log K with no gradient, and what is left of the reference's loss
     is WS-DAN's: CE(raw)/3 + CE(crop and drop)·2/3 + the centre loss. Nothing else changes: the
     same network, draws, augmentation, centre update, optimiser, schedule and test (validate()
     averages the raw and crop logits, not this output).
  10. Data order (--data-order, default seeded): the reference shuffles its training set with
     DistributedSampler, whose seed defaults to 0, so every run of the reference sees the same
     order, epoch by epoch, whatever else is seeded. On this regime the test accuracy of a CAL run
     swings by 10 to 20 points from one epoch to the next (docs/real-images.md), so runs
     sharing one order share their last batches and are not independent replicates. `seeded`
     gives the training sampler --seed, as fga's seeded shuffle differs by seed (the test
     sampler keeps its order); `fixed` keeps the reference's 0. The line records which (`dataOrder`).
"""
import argparse
import datetime
import hashlib
import json
import os
import random
import socket
import struct
import sys
import tempfile
import time
import types

import numpy as np
import torch
import torch.nn as nn
import torchvision

PINNED = "0ba9d5084f2532eeb21c9ef051c23f8b339595ff"


def read_safetensors(path):
    """name -> tensor, for the float32 tensors of a safetensors file (no package needed)."""
    with open(path, "rb") as f:
        (n,) = struct.unpack("<Q", f.read(8))
        header = json.loads(f.read(n))
        data = f.read()
    out = {}
    for name, meta in header.items():
        if name == "__metadata__":
            continue
        if meta["dtype"] != "F32":
            raise SystemExit(f"{path}: {name} is {meta['dtype']}, expected F32")
        a, b = meta["data_offsets"]
        out[name] = torch.from_numpy(np.frombuffer(data[a:b], dtype="<f4").copy()).reshape(meta["shape"])
    return out


def sha256_of_files(paths):
    h = hashlib.sha256()
    for path in paths:
        with open(path, "rb") as f:
            h.update(f.read())
    return h.hexdigest()


def data_fingerprint(root):
    """sha256 over every file of the export, in sorted path order: the same images, or not."""
    files = sorted(os.path.join(d, f) for d, _, fs in os.walk(root) for f in fs)
    return sha256_of_files(files)


class _Quarter:
    """512 * _Quarter() == 128: WSDAN_CAL's feature count for the width-16 network."""

    def __init__(self, width):
        self.width = width

    def __rmul__(self, other):
        return other * self.width // 64


def resnet18_width(width, weights, last_stride=1):
    """fga's ResNet-18 at `width` (torchvision's BasicBlock), with fga's exported weights."""
    from torchvision.models.resnet import BasicBlock

    class Features(nn.Module):
        def __init__(self):
            super().__init__()
            w = width
            self.conv1 = nn.Conv2d(3, w, 7, 2, 3, bias=False)
            self.bn1 = nn.BatchNorm2d(w)
            self.relu = nn.ReLU(inplace=True)
            self.maxpool = nn.MaxPool2d(3, 2, 1)
            self.inplanes = w
            self.layer1 = self._layer(w, 1)
            self.layer2 = self._layer(2 * w, 2)
            self.layer3 = self._layer(4 * w, 2)
            self.layer4 = self._layer(8 * w, last_stride)

        def _layer(self, planes, stride):
            down = None
            if stride != 1 or self.inplanes != planes:
                down = nn.Sequential(nn.Conv2d(self.inplanes, planes, 1, stride, bias=False), nn.BatchNorm2d(planes))
            blocks = [BasicBlock(self.inplanes, planes, stride, down), BasicBlock(planes, planes)]
            self.inplanes = planes
            return nn.Sequential(*blocks)

        def get_features(self):
            return nn.Sequential(self.conv1, self.bn1, self.relu, self.maxpool,
                                 self.layer1, self.layer2, self.layer3, self.layer4)

    net = Features()
    state = read_safetensors(weights)
    own = net.state_dict()
    missing = [k for k in own if k not in state and not k.endswith("num_batches_tracked")]
    if missing:
        raise SystemExit(f"{weights}: no tensor for {missing[:5]} (is it a ResNet-18 at width {width}?)")
    net.load_state_dict({k: state[k] for k in own if k in state}, strict=False)
    net.layer4[-1].expansion = _Quarter(width)
    return net


class _Forward(nn.Module):
    """apex's DistributedDataParallel over one process: forwards, exposes .module."""

    without_effect = False  # 9. WS-DAN: the counterfactual effect output held at zero

    def __init__(self, module, **_):
        super().__init__()
        self.module = module

    def forward(self, *a, **k):
        out = self.module(*a, **k)
        if _Forward.without_effect:
            p, effect, feature_matrix, attention = out
            return p, torch.zeros_like(effect), feature_matrix, attention
        return out


def redirect(args, save_dir):
    # 1. GPU and apex
    torch.Tensor.cuda = lambda self, *a, **k: self
    nn.Module.cuda = lambda self, *a, **k: self
    torch.cuda.set_device = lambda *a, **k: None
    torch.cuda.synchronize = lambda *a, **k: None
    apex = types.ModuleType("apex")
    amp = types.ModuleType("apex.amp")
    amp.initialize = lambda net, opt, opt_level=None, **k: (net, opt)
    parallel = types.ModuleType("apex.parallel")
    parallel.DistributedDataParallel = _Forward
    parallel.convert_syncbn_model = lambda net, *a, **k: net
    apex.amp, apex.parallel = amp, parallel
    sys.modules.update({"apex": apex, "apex.amp": amp, "apex.parallel": parallel})
    # 2. one-process gloo group
    real_init = torch.distributed.init_process_group
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    torch.distributed.init_process_group = lambda *a, **k: real_init(
        backend="gloo", init_method=f"tcp://127.0.0.1:{port}", world_size=1, rank=0)
    if not hasattr(torch.distributed, "reduce_op"):
        torch.distributed.reduce_op = torch.distributed.ReduceOp
    # 3. configuration
    cfg = types.ModuleType("config_distributed")
    cfg.workers = 0
    cfg.epochs = args.epochs
    cfg.batch_size = args.batch
    cfg.learning_rate = args.lr
    cfg.image_size = (args.image_size, args.image_size)
    cfg.net = "resnet101"  # the name WSDAN_CAL is asked for; built as fga's backbone (5.)
    cfg.num_attentions = args.attention_maps
    cfg.beta = 5e-2
    cfg.tag = "bird"
    cfg.save_dir = save_dir + "/"
    cfg.model_name = "model.ckpt"
    cfg.log_name = "train.log"
    cfg.ckpt = False
    sys.modules["config_distributed"] = cfg


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--repo", required=True, help="checkout of raoyongming/CAL at " + PINNED)
    p.add_argument("--data", required=True, help="fga's CUB-layout export (fga data synth --layout cub)")
    p.add_argument("--weights", required=True, help="fga's exported backbone (backbone.safetensors)")
    p.add_argument("--width", type=int, default=16)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--epochs", type=int, required=True)
    p.add_argument("--batch", type=int, default=16)
    p.add_argument("--lr", type=float, default=1e-3)
    p.add_argument("--image-size", type=int, required=True)
    p.add_argument("--attention-maps", type=int, default=32)
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--data-order", choices=("seeded", "fixed"), default="seeded",
                   help="seeded: the training sampler shuffles with --seed; fixed: with the reference's 0 (10.)")
    p.add_argument("--method", choices=("cal", "wsdan"), default="cal",
                   help="cal, or wsdan: the same loop without the counterfactual term (9.)")
    p.add_argument("--out", required=True, help="JSON-lines file the result line is appended to")
    args = p.parse_args()

    fgvc = os.path.join(os.path.abspath(args.repo), "fgvc")
    if not os.path.isfile(os.path.join(fgvc, "train_distributed.py")):
        raise SystemExit(f"{args.repo}: no fgvc/train_distributed.py (a checkout of raoyongming/CAL at {PINNED}?)")
    for f in ("images.txt", "image_class_labels.txt", "train_test_split.txt", "classes.txt"):
        if not os.path.isfile(os.path.join(args.data, f)):
            raise SystemExit(f"{args.data}: no {f} (write it with: fga data synth --layout cub ...)")
    with open(os.path.join(args.data, "classes.txt")) as f:
        num_classes = sum(1 for line in f if line.strip())

    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)
    torch.set_num_threads(args.threads)
    save_dir = tempfile.mkdtemp(prefix=f"cal-ref-s{args.seed}-")
    redirect(args, save_dir)
    _Forward.without_effect = args.method == "wsdan"
    sys.path.insert(0, fgvc)
    sys.argv = ["train_distributed.py", "--local_rank", "0"]
    import models.resnet as resnet  # noqa: E402  (the reference's modules, from its checkout)
    import datasets.bird_dataset as bird  # noqa: E402

    # 4. data
    bird.DATAPATH = os.path.abspath(args.data)
    base_init = bird.BirdDataset.__init__

    def init(self, *a, **k):
        base_init(self, *a, **k)
        self.num_classes = num_classes

    bird.BirdDataset.__init__ = init
    # 5. backbone
    resnet.resnet101 = lambda pretrained=False, **k: resnet18_width(args.width, args.weights)

    import train_distributed as ref  # noqa: E402

    # 10. data order
    if args.data_order == "seeded":
        sampler = torch.utils.data.distributed.DistributedSampler
        base_sampler_init = sampler.__init__

        def sampler_init(self, *a, **k):
            dataset = a[0] if a else k.get("dataset")
            if getattr(dataset, "phase", None) == "train":  # the test set's sampler keeps its order
                k["seed"] = args.seed
            base_sampler_init(self, *a, **k)

        sampler.__init__ = sampler_init

    # 7. top-k meters: see the note at the top
    for metric in (ref.raw_metric, ref.crop_metric, ref.drop_metric):
        metric.topk = (1, 1)
        metric.maxk = 1
        metric.reset()

    epochs = []
    steps = {"n": 0, "seconds": 0.0}
    base_train, base_validate = ref.train, ref.validate

    def timed_train(**kw):
        t0 = time.perf_counter()
        base_train(**kw)
        steps["seconds"] += time.perf_counter() - t0
        steps["n"] += len(kw["data_loader"])

    def recorded_validate(**kw):
        base_validate(**kw)
        acc = kw["logs"]["val_" + ref.raw_metric.name]
        epochs.append(float(acc[0]) / 100.0)

    ref.train, ref.validate = timed_train, recorded_validate
    # what the line will say it was made by, taken before the run (a file changed meanwhile is not it)
    made_by = {"harnessSha256": sha256_of_files([os.path.abspath(__file__)]),
               "dataSha256": data_fingerprint(os.path.abspath(args.data)),
               "weightsSha256": sha256_of_files([os.path.abspath(args.weights)])}
    start = time.time()
    ref.main()
    result = {
        "reference": "raoyongming/CAL@" + PINNED,
        "harness": "references/cal/run_cal_fgvc.py",
        "harnessSha256": made_by["harnessSha256"],
        "dataSha256": made_by["dataSha256"],
        "method": args.method,
        "dataOrder": args.data_order,
        "data": os.path.abspath(args.data),
        "weightsSha256": made_by["weightsSha256"],
        "seed": args.seed,
        "epochs": args.epochs,
        "batch": args.batch,
        "lr": args.lr,
        "imageSize": args.image_size,
        "attentionMaps": args.attention_maps,
        "threads": args.threads,
        "top1": epochs[-1],
        "top1Best": max(epochs),
        "top1PerEpoch": epochs,
        "stepSeconds": steps["seconds"] / max(steps["n"], 1),
        "seconds": time.time() - start,
        "torch": torch.__version__,
        "finished": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "command": " ".join([os.path.basename(sys.executable)] + [a for a in sys.orig_argv[1:]]) if hasattr(sys, "orig_argv") else None,
    }
    with open(args.out, "a") as f:
        f.write(json.dumps(result) + "\n")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
