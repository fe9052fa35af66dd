#!/usr/bin/env python3
"""Runs raoyongming/CAL's own re-ID training (reid/tools/train.py, which is built on BoT,
michuanhaohao/reid-strong-baseline) and its own test (reid/engine/inference.py with
utils/reid_metric.py's R1_mAP and data/datasets/eval_reid.py's Market-1501 protocol) on data fga
exported in the Market-1501 layout, on CPU with Debian's python3-torch, and appends one JSON line
with the reference's mAP and rank-1 and its step time (issue #25: whole runs beside the reference's).

This file is fga's harness; the reference's code is not part of fga. Get it at the pinned commit:

    git clone https://github.com/raoyongming/CAL /tmp/CAL && git -C /tmp/CAL checkout 0ba9d5084f2532eeb21c9ef051c23f8b339595ff

The run is the reference's own command, `python3 tools/train.py --config_file configs/softmax_triplet.yml
KEY VALUE ...` (reid/train.sh), started in this process: its main() reads its own yml and the
harness's KEY VALUE pairs, then its train() builds its data loader, its model (`Baseline`), its loss
(make_loss), its Adam (make_optimizer) and its WarmupMultiStepLR and runs its do_train. What the
harness redirects (and nothing else: the model's blocks, the BAP and counterfactual attention, the
losses, the sampler, the augmentation, the optimiser, its rates and the schedule are the reference's
code and values, called unchanged unless 11. or 12. is asked for):
  1. GPU: `.cuda()` returns the tensor/module itself (the loss and the evaluator call it
     unconditionally) and MODEL.DEVICE is "cpu" (do_train and the evaluator call model.to(device)).
     The reference's nn.DataParallel stays: without a GPU it calls the module directly.
  2. Missing packages. yacs, pytorch-ignite 0.1.2 and mat4py are not Debian packages:
     - yacs: a stand-in CfgNode (attribute access, merge_from_file / merge_from_list with yacs's
       literal_eval of string values, its list/tuple coercion and its type and key checks, freeze);
     - ignite: a stand-in Engine (fires STARTED, EPOCH_STARTED, ITERATION_STARTED,
       ITERATION_COMPLETED, EPOCH_COMPLETED, COMPLETED around the process function, in handler
       order, as ignite 0.1.2's Engine.run), Metric (reset at EPOCH_STARTED, update per iteration,
       compute at EPOCH_COMPLETED), RunningAverage (alpha 0.98), Timer; ModelCheckpoint saves
       nothing (the configuration saves every CHECKPOINT_PERIOD = 10 epochs, so an 8-epoch run
       of the reference saves nothing either; the test below uses the model in memory);
     - mat4py: imported by data/datasets/dataset_loader.py and never used: an empty module.
  3. Configuration: the reference's configs/softmax_triplet.yml is read as train.sh does, then
     these KEY VALUE pairs on its command line: DATASETS.NAMES market1501 (the export's layout; the
     yml names msmt17), MODEL.PRETRAIN_PATH the backbone file (5.), MODEL.DEVICE cpu (1.),
     DATALOADER.NUM_WORKERS 0 (no forked loaders on a shared 2-core machine), OUTPUT_DIR a fresh
     temporary folder, SOLVER.CLASSNUM the export's number of training identities (the smoothing of
     the label-smoothed cross-entropy spreads epsilon over CLASSNUM classes; the reference leaves it
     at Market-1501's 751, which is right only on Market-1501), MODEL.CAL True for cal-reid and
     False for bap-reid (the reference's own switch: CE + triplet, no effect term), and the recipe
     scaled as 9. says.
  4. Data: Market1501.dataset_dir is the export (the reference joins a fixed root with
     market1501/Market-1501-v19.09.15), and the folder listing is sorted: the reference takes
     glob's order, which is the filesystem's, so a seed would otherwise give a different training
     order (the sampler walks identities in first-seen order) on another machine.
  5. Backbone: modeling.baseline.ResNet builds fga's ResNet-18 at width 16 (torchvision's
     BasicBlock, channels 16/32/64/128, layer4 at LAST_STRIDE 1) with the reference ResNet's
     children, conv1, bn1, maxpool, layer1..4 (its stem has no ReLU: backbones/resnet.py comments it
     out, and Baseline slices children 0:3 as its first stage), and its load_param reads fga's
     exported backbone (torchvision names, safetensors) instead of torch.load of ImageNet weights.
     Baseline hard-codes ResNet-50's channel counts (64 after the stem, 256/512/1024/2048 after the
     stages); the blocks it builds with them get the width's counts (16, 16, 32, 64, 128): its
     BN2d, SELayer and MultiHeadAtt after each stage, its attention conv (BasicConv2d, 2048 -> M)
     and `in_planes` (the BAP linear's output, the BN neck and the classifier's input; Baseline uses
     the backbone's channel count for it, so the embedding is 128-d here). SELayer keeps the
     reference's 8 hidden units (64/8 = 256/32 = ... = 2048/256 = 8); MultiHeadAtt computes its own
     inner width from the channels as it does.
  6. Seeds: python's, numpy's and torch's generators are seeded with --seed (the reference seeds
     none; its identity sampler and random erasing draw from python's and numpy's, the flip, crop
     and the counterfactual maps from torch's), and torch runs --threads threads.
  7. Test: the reference's do_train evaluates only when epoch > 1.7 * MAX_EPOCHS, which never
     happens, and tools/test.py evaluates a checkpoint file. The harness hands the model trained in
     this process (the last epoch) to the reference's engine/inference.py inference(), which is what
     tools/test.py runs on that checkpoint: the classifier scores of each test image plus those of
     its mirror, L2-normalised, Euclidean distances, eval_func's Market-1501 protocol (gallery images
     of the query's identity and camera left out, distractors 0000 kept). R1_mAP's (cmc, mAP) are
     read from its compute().
  8. Result: mAP and rank-1 (cmc[0]) as fractions, rank-5 and rank-10, from 7. The line also
     records the SHA-256 of the backbone weights (`weightsSha256`) and of the export's files
     (`dataSha256`), and per epoch the mean loss and training accuracy the reference's step
     returns and the rate its scheduler set.
  9. Recipe scaling (the only change to the recipe; apply the same on the fga side). From
     configs/softmax_triplet.yml (160 epochs, batch 80 = 20 identities x 4, 384 x 192, Adam 2e-4,
     weight decay 1e-3 on every parameter, x0.1 at epochs 40/80/120, linear warm-up from 0.01 over
     10 epochs, both stepped per epoch): --epochs (default 8, fga's regime), the milestones and the
     warm-up scaled by epochs/160 and rounded half up (8 epochs: [2, 4, 6] and 1 epoch, which with a
     per-epoch scheduler means epoch 0 at 0.01 x lr), --batch (default 32: 8 identities x
     NUM_INSTANCE 4), --image-size (default 96: SIZE_TRAIN and SIZE_TEST square, the canvases' size).
     The rate, weight decay, the 10-pixel PADDING (the reference family pads 10 at 256 x 128 and at
     384 x 192 alike), the erasing and flip probability are the yml's unless --lr or --padding is
     given.
  10. Warnings: torch 1.13 warns once about the deprecated addmm_(beta, alpha, ...) overload of the
     triplet loss and about upsample_bilinear; both still compute what they did. Nothing is changed.
  11. --blocks plain (only when asked; the default is the reference's): Baseline's split-attention,
     BN and SE blocks after each stage pass their input through unchanged (the SE gate is 1), so
     its forward is the plain backbone, as its own comment offers ("x = self.base(x) replace above
     with this to use base network"); fga's cal-reid network is this plain one.
  12. --stem-relu (only when asked): the backbone's bn1 is followed by a ReLU, as in torchvision's
     ResNet and fga's, on which the backbone file was pretrained; the reference's stem has none.
"""
import argparse
import ast
import collections
import datetime
import glob as _glob
import hashlib
import json
import os
import random
import re
import struct
import sys
import tempfile
import time
import types

import numpy as np
import torch
import torch.nn as nn

PINNED = "0ba9d5084f2532eeb21c9ef051c23f8b339595ff"
REFERENCE_EPOCHS = 160  # configs/softmax_triplet.yml's MAX_EPOCHS, the base of the scaling (9.)


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


def scaled(value, epochs):
    """An epoch count of the reference's 160-epoch recipe at `epochs`, rounded half up, at least 1."""
    return max(1, int(value * epochs / REFERENCE_EPOCHS + 0.5))


# ---------------------------------------------------------------------------------------------
# 2. Stand-ins for the packages Debian does not have
# ---------------------------------------------------------------------------------------------

class CfgNode(dict):
    """yacs's CfgNode as the reference uses it: attributes, merging a yml and KEY VALUE pairs."""

    def __init__(self, init=None):
        super().__init__()
        for k, v in (init or {}).items():
            self[k] = CfgNode(v) if isinstance(v, dict) else v
        self.__dict__["_frozen"] = False

    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None

    def __setattr__(self, name, value):
        if self.__dict__.get("_frozen"):
            raise AttributeError(f"attempted to change {name} of a frozen config")
        self[name] = value

    def freeze(self):
        self.__dict__["_frozen"] = True
        for v in self.values():
            if isinstance(v, CfgNode):
                v.freeze()

    @staticmethod
    def _decode(value):
        # yacs reads strings as Python literals when they are ones: "('msmt17')", "[2, 4]", "1e-3"
        if isinstance(value, dict):
            return CfgNode(value)
        if not isinstance(value, str):
            return value
        try:
            return ast.literal_eval(value)
        except (ValueError, SyntaxError):
            return value

    def _set(self, dotted, value):
        node, keys = self, dotted.split(".")
        for k in keys[:-1]:
            if k not in node:
                raise KeyError(f"Non-existent config key: {dotted}")
            node = node[k]
        last = keys[-1]
        if last not in node:
            raise KeyError(f"Non-existent config key: {dotted}")
        old, new = node[last], self._decode(value)
        if isinstance(old, CfgNode) and isinstance(new, CfgNode):
            for k, v in new.items():
                node[last]._set(k, v)
            return
        if type(old) is not type(new):
            if isinstance(old, (list, tuple)) and isinstance(new, (list, tuple)):
                new = type(old)(new)  # yacs's one coercion
            else:
                raise ValueError(f"Type mismatch ({type(old)} vs. {type(new)}) with values ({old} vs. {new}) for config key: {dotted}")
        node[last] = new

    def merge_from_file(self, path):
        import yaml
        with open(path) as f:
            loaded = yaml.safe_load(f) or {}
        for k, v in loaded.items():
            self._set(k, v)

    def merge_from_list(self, pairs):
        if len(pairs) % 2:
            raise ValueError(f"Override list has odd length: {pairs}")
        for k, v in zip(pairs[0::2], pairs[1::2]):
            self._set(k, v)


class Events:
    STARTED = "started"
    COMPLETED = "completed"
    EPOCH_STARTED = "epoch_started"
    EPOCH_COMPLETED = "epoch_completed"
    ITERATION_STARTED = "iteration_started"
    ITERATION_COMPLETED = "iteration_completed"
    EXCEPTION_RAISED = "exception_raised"


class Engine:
    """ignite 0.1.2's Engine.run: events around each call of the process function, handlers in the
    order they were added. Also times each call (state.process_seconds), for the step time."""

    def __init__(self, process_function):
        self._process_function = process_function
        self._handlers = collections.defaultdict(list)
        self.state = None

    def add_event_handler(self, event, handler, *args, **kwargs):
        self._handlers[event].append((handler, args, kwargs))

    def on(self, event, *args, **kwargs):
        def decorator(f):
            self.add_event_handler(event, f, *args, **kwargs)
            return f
        return decorator

    def _fire(self, event):
        for handler, args, kwargs in list(self._handlers[event]):
            handler(self, *args, **kwargs)

    def run(self, data, max_epochs=1):
        self.state = types.SimpleNamespace(dataloader=data, epoch=0, max_epochs=max_epochs, iteration=0,
                                           output=None, batch=None, metrics={}, process_seconds=0.0)
        self._fire(Events.STARTED)
        while self.state.epoch < max_epochs:
            self.state.epoch += 1
            self._fire(Events.EPOCH_STARTED)
            for batch in data:
                self.state.batch = batch
                self.state.iteration += 1
                self._fire(Events.ITERATION_STARTED)
                t0 = time.perf_counter()
                self.state.output = self._process_function(self, batch)
                self.state.process_seconds = time.perf_counter() - t0
                self._fire(Events.ITERATION_COMPLETED)
            self._fire(Events.EPOCH_COMPLETED)
        self._fire(Events.COMPLETED)
        return self.state


class Metric:
    """ignite 0.1.2's Metric: reset at each epoch, update with every output, compute at its end."""

    def __init__(self, output_transform=lambda x: x):
        self._output_transform = output_transform
        self.reset()

    def reset(self):
        pass

    def update(self, output):
        pass

    def compute(self):
        raise NotImplementedError

    def started(self, engine):
        self.reset()

    def iteration_completed(self, engine):
        self.update(self._output_transform(engine.state.output))

    def completed(self, engine, name):
        engine.state.metrics[name] = self.compute()

    def attach(self, engine, name):
        engine.add_event_handler(Events.EPOCH_STARTED, self.started)
        engine.add_event_handler(Events.ITERATION_COMPLETED, self.iteration_completed)
        engine.add_event_handler(Events.EPOCH_COMPLETED, self.completed, name)


class RunningAverage(Metric):
    """ignite's RunningAverage of an output: v = alpha * v + (1 - alpha) * x, written every iteration."""

    def __init__(self, src=None, alpha=0.98, output_transform=None):
        self.alpha = alpha
        super().__init__(output_transform or (lambda x: x))

    def reset(self):
        self._value = None

    def update(self, output):
        x = float(output)
        self._value = x if self._value is None else self._value * self.alpha + (1 - self.alpha) * x

    def compute(self):
        return self._value

    def attach(self, engine, name):
        engine.add_event_handler(Events.EPOCH_STARTED, self.started)
        engine.add_event_handler(Events.ITERATION_COMPLETED, self.iteration_completed)
        engine.add_event_handler(Events.ITERATION_COMPLETED, self.completed, name)


class Timer:
    """ignite's Timer: time between resume and pause, averaged over steps when average=True."""

    def __init__(self, average=False):
        self._average = average
        self.reset()

    def reset(self, *args):
        self.total, self.step_count, self._t0, self._running = 0.0, 0.0, time.perf_counter(), True
        return self

    def pause(self, *args):
        if self._running:
            self.total += time.perf_counter() - self._t0
            self._running = False

    def resume(self, *args):
        if not self._running:
            self._t0, self._running = time.perf_counter(), True

    def step(self, *args):
        self.step_count += 1.0

    def value(self):
        total = self.total + (time.perf_counter() - self._t0 if self._running else 0.0)
        return total / self.step_count if self._average and self.step_count else total

    def attach(self, engine, start=Events.STARTED, pause=Events.COMPLETED, resume=None, step=None):
        engine.add_event_handler(start, self.reset)
        engine.add_event_handler(pause, self.pause)
        if resume is not None:
            engine.add_event_handler(resume, self.resume)
        if step is not None:
            engine.add_event_handler(step, self.step)
        return self


class ModelCheckpoint:
    """Saves nothing (2.): the test uses the model in memory."""

    def __init__(self, *args, **kwargs):
        pass

    def __call__(self, engine, to_save):
        pass


def install_stand_ins():
    yacs = types.ModuleType("yacs")
    yacs_config = types.ModuleType("yacs.config")
    yacs_config.CfgNode = CfgNode
    yacs.config = yacs_config
    ignite = types.ModuleType("ignite")
    engine = types.ModuleType("ignite.engine")
    engine.Engine, engine.Events = Engine, Events
    handlers = types.ModuleType("ignite.handlers")
    handlers.ModelCheckpoint, handlers.Timer = ModelCheckpoint, Timer
    metrics = types.ModuleType("ignite.metrics")
    metrics.Metric, metrics.RunningAverage = Metric, RunningAverage
    ignite.engine, ignite.handlers, ignite.metrics = engine, handlers, metrics
    sys.modules.update({"yacs": yacs, "yacs.config": yacs_config, "ignite": ignite, "ignite.engine": engine,
                        "ignite.handlers": handlers, "ignite.metrics": metrics,
                        "mat4py": types.ModuleType("mat4py")})


# ---------------------------------------------------------------------------------------------
# 5. The backbone and the width's channel counts
# ---------------------------------------------------------------------------------------------

class _BnRelu(nn.BatchNorm2d):
    """bn1 followed by a ReLU (12., --stem-relu only); the same parameters and names as bn1."""

    def forward(self, x):
        return torch.relu(super().forward(x))


def resnet18_width(width, last_stride, stem_relu):
    """fga's ResNet-18 at `width`, laid out as the reference's ResNet (no ReLU module in the stem)."""
    from torchvision.models.resnet import BasicBlock

    class Width(nn.Module):
        def __init__(self):
            super().__init__()
            w = width
            # the order of the children is the reference's: Baseline slices them into its stages
            self.conv1 = nn.Conv2d(3, w, 7, 2, 3, bias=False)
            self.bn1 = _BnRelu(w) if stem_relu else nn.BatchNorm2d(w)
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

        def forward(self, x):
            for child in self.children():
                x = child(x)
            return x

        def load_param(self, model_path):
            """fga's backbone file instead of the reference's torch.load of ImageNet weights."""
            state = read_safetensors(model_path)
            own = self.state_dict()
            missing = [k for k in own if k not in state and not k.endswith("num_batches_tracked")]
            if missing:
                raise SystemExit(f"{model_path}: no tensor for {missing[:5]} (is it a ResNet-18 at width {width}?)")
            for k, v in state.items():
                if "fc" in k:  # the reference skips the classifier too
                    continue
                if k not in own or own[k].shape != v.shape:
                    raise SystemExit(f"{model_path}: {k} does not fit a ResNet-18 at width {width}")
                own[k].copy_(v)

    return Width()


class _Through(nn.Module):
    """A stage block of Baseline that passes its input on (11., --blocks plain)."""

    def __init__(self, *args, **kwargs):
        super().__init__()

    def forward(self, x):
        return x


class _Ones(nn.Module):
    """Baseline's SE gate at 1 (11., --blocks plain): x * 1 is x."""

    def __init__(self, *args, **kwargs):
        super().__init__()

    def forward(self, x):
        return x.new_ones(x.shape[0], x.shape[1], 1, 1)


def redirect_model(baseline, width, blocks, stem_relu):
    """Baseline built at the width's channel counts around fga's backbone (5., 11., 12.)."""
    widths = {64: width, 256: width, 512: 2 * width, 1024: 4 * width, 2048: 8 * width}

    def channels(c):
        if c not in widths:
            raise SystemExit(f"Baseline asked for a {c}-channel block: not one of ResNet-50's counts the harness maps")
        return widths[c]

    def at_width(name, remap):
        """baseline.<name>, built with the arguments remap gives. The class itself is restored
        while its __init__ runs: the reference's constructors call super(<their name>, self)."""
        original = getattr(baseline, name)

        def build(*a, **k):
            a, k = remap(*a, **k)
            setattr(baseline, name, original)
            try:
                return original(*a, **k)
            finally:
                setattr(baseline, name, build)

        setattr(baseline, name, build)

    if blocks == "plain":
        baseline.BN2d, baseline.MultiHeadAtt, baseline.SELayer = _Through, _Through, _Ones
    else:
        at_width("BN2d", lambda planes: ((channels(planes),), {}))
        # the reference's reductions give every SE gate 8 hidden units; kept at the width
        at_width("SELayer", lambda c, reduction=16: ((channels(c), channels(c) // (c // reduction)), {}))
        at_width("MultiHeadAtt", lambda in_c, c, radix=4, **k: ((channels(in_c), channels(in_c) // radix),
                                                                 dict(k, radix=radix)))
    at_width("BasicConv2d", lambda in_c, out_c, **k: ((channels(in_c), out_c), k))
    baseline.Baseline.in_planes = channels(2048)
    baseline.ResNet = lambda last_stride=2, **k: resnet18_width(width, last_stride, stem_relu)


# ---------------------------------------------------------------------------------------------

def identities_of(folder):
    """Person ids of a Market-1501 folder's file names (junk -1 left out, as the reference does)."""
    ids = set()
    for name in os.listdir(folder):
        m = re.match(r"([-\d]+)_c(\d)", name)
        if m and name.endswith(".jpg") and int(m.group(1)) != -1:
            ids.add(int(m.group(1)))
    return ids


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--repo", required=True, help="checkout of raoyongming/CAL at " + PINNED)
    p.add_argument("--data", required=True, help="fga's Market-1501-layout export (fga data synth --layout market)")
    p.add_argument("--weights", required=True, help="fga's exported backbone (backbone.safetensors)")
    p.add_argument("--method", choices=("cal-reid", "bap-reid"), default="cal-reid",
                   help="cal-reid (MODEL.CAL True) or bap-reid (MODEL.CAL False: CE + triplet, no effect term)")
    p.add_argument("--width", type=int, default=16)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--epochs", type=int, default=8)
    p.add_argument("--batch", type=int, default=32, help="IMS_PER_BATCH (identities x NUM_INSTANCE 4)")
    p.add_argument("--lr", type=float, default=None, help="BASE_LR (default: the yml's 2e-4)")
    p.add_argument("--padding", type=int, default=None, help="INPUT.PADDING (default: the yml's 10)")
    p.add_argument("--image-size", type=int, default=96)
    p.add_argument("--blocks", choices=("reference", "plain"), default="reference",
                   help="reference: Baseline's split-attention, BN and SE blocks; plain: without them (11.)")
    p.add_argument("--stem-relu", action="store_true", help="a ReLU after the stem's bn1 (12.)")
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--out", required=True, help="JSON-lines file the result line is appended to")
    args = p.parse_args()

    reid = os.path.join(os.path.abspath(args.repo), "reid")
    yml = os.path.join(reid, "configs", "softmax_triplet.yml")
    if not os.path.isfile(os.path.join(reid, "tools", "train.py")) or not os.path.isfile(yml):
        raise SystemExit(f"{args.repo}: no reid/tools/train.py (a checkout of raoyongming/CAL at {PINNED}?)")
    data = os.path.abspath(args.data)
    for d in ("bounding_box_train", "query", "bounding_box_test"):
        if not os.path.isdir(os.path.join(data, d)):
            raise SystemExit(f"{args.data}: no {d}/ (write it with: fga data synth --layout market ...)")
    if not os.path.isfile(args.weights):
        raise SystemExit(f"{args.weights}: no such file")
    train_ids = len(identities_of(os.path.join(data, "bounding_box_train")))
    if args.batch % 4:
        raise SystemExit(f"--batch {args.batch}: must be a multiple of NUM_INSTANCE 4")

    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)
    torch.set_num_threads(args.threads)
    out_dir = tempfile.mkdtemp(prefix=f"cal-reid-ref-s{args.seed}-")

    # 1. GPU
    torch.Tensor.cuda = lambda self, *a, **k: self
    nn.Module.cuda = lambda self, *a, **k: self
    # 2. packages
    install_stand_ins()
    sys.path.insert(0, reid)
    import modeling.baseline as baseline  # noqa: E402  (the reference's modules, from its checkout)
    import data.datasets.market1501 as market  # noqa: E402
    import engine.trainer as trainer  # noqa: E402
    import engine.inference as inference  # noqa: E402
    import tools.train as ref  # noqa: E402

    # 4. data
    market.Market1501.dataset_dir = data
    market.glob = types.SimpleNamespace(glob=lambda pattern: sorted(_glob.glob(pattern)))
    # 5., 11., 12. backbone and blocks
    redirect_model(baseline, args.width, args.blocks, args.stem_relu)

    # 3. and 9. the reference's command line
    steps = [scaled(s, args.epochs) for s in (40, 80, 120)]
    warmup = scaled(10, args.epochs)
    opts = ["DATASETS.NAMES", "('market1501')",
            "MODEL.DEVICE", "cpu",
            "MODEL.PRETRAIN_PATH", os.path.abspath(args.weights),
            "MODEL.CAL", str(args.method == "cal-reid"),
            "DATALOADER.NUM_WORKERS", "0",
            "SOLVER.CLASSNUM", str(train_ids),
            "SOLVER.MAX_EPOCHS", str(args.epochs),
            "SOLVER.STEPS", str(steps),
            "SOLVER.WARMUP_ITERS", str(warmup),
            "SOLVER.IMS_PER_BATCH", str(args.batch),
            "INPUT.SIZE_TRAIN", str([args.image_size, args.image_size]),
            "INPUT.SIZE_TEST", str([args.image_size, args.image_size]),
            "OUTPUT_DIR", out_dir]
    if args.lr is not None:
        opts += ["SOLVER.BASE_LR", repr(float(args.lr))]
    if args.padding is not None:
        opts += ["INPUT.PADDING", str(args.padding)]

    # what the training hands its loop, for the test (7.) and the per-epoch record (8.)
    seen = {}
    epochs = []
    base_do_train, base_create_trainer = ref.do_train, trainer.create_supervised_trainer

    def create_trainer(*a, **k):
        engine = base_create_trainer(*a, **k)
        outputs = []

        def epoch_started(e):
            outputs.clear()
            epochs.append({"epoch": e.state.epoch, "lr": seen["optimizer"].param_groups[0]["lr"], "steps": 0,
                           "stepSeconds": 0.0})

        def iteration_completed(e):
            outputs.append(e.state.output)
            epochs[-1]["steps"] += 1
            epochs[-1]["stepSeconds"] += e.state.process_seconds

        def epoch_completed(e):
            epochs[-1]["stepSeconds"] /= max(epochs[-1]["steps"], 1)
            epochs[-1]["loss"] = float(np.mean([o[0] for o in outputs]))
            epochs[-1]["trainAcc"] = float(np.mean([o[1] for o in outputs]))
            print(json.dumps({"epochDone": epochs[-1]}), flush=True)

        engine.add_event_handler(Events.EPOCH_STARTED, epoch_started)
        engine.add_event_handler(Events.ITERATION_COMPLETED, iteration_completed)
        engine.add_event_handler(Events.EPOCH_COMPLETED, epoch_completed)
        return engine

    def do_train(cfg, model, train_loader, val_loader, optimizer, scheduler, loss_fn, num_query):
        seen.update(model=model, val_loader=val_loader, num_query=num_query, optimizer=optimizer)
        base_do_train(cfg, model, train_loader, val_loader, optimizer, scheduler, loss_fn, num_query)

    trainer.create_supervised_trainer = create_trainer
    ref.do_train = do_train

    # 7. the reference's R1_mAP, keeping what it computes
    scores = {}

    class RecordingR1mAP(inference.R1_mAP):
        def compute(self):
            cmc, m_ap = super().compute()
            scores.update(cmc=[float(c) for c in cmc], mAP=float(m_ap), queries=self.num_query,
                          gallery=len(self.pids) - self.num_query)
            return cmc, m_ap

    inference.R1_mAP = RecordingR1mAP

    # what the line will say it was made by, taken before the run (a file changed meanwhile is not it)
    made_by = {"harnessSha256": sha256_of_files([os.path.abspath(__file__)]),
               "dataSha256": data_fingerprint(data),
               "weightsSha256": sha256_of_files([os.path.abspath(args.weights)])}
    start = time.time()
    sys.argv = ["tools/train.py", "--config_file", yml] + opts
    ref.main()
    train_seconds = time.time() - start
    cfg = ref.cfg
    t0 = time.time()
    inference.inference(cfg, seen["model"], seen["val_loader"], seen["num_query"])
    test_seconds = time.time() - t0
    n_steps = sum(e["steps"] for e in epochs)
    result = {
        "reference": "raoyongming/CAL@" + PINNED,
        "harness": "references/cal-reid/run_cal_reid.py",
        "harnessSha256": made_by["harnessSha256"],
        "dataSha256": made_by["dataSha256"],
        "method": args.method,
        "blocks": args.blocks,
        "stemRelu": args.stem_relu,
        "data": data,
        "weightsSha256": made_by["weightsSha256"],
        "seed": args.seed,
        "epochs": cfg.SOLVER.MAX_EPOCHS,
        "batch": cfg.SOLVER.IMS_PER_BATCH,
        "instances": cfg.DATALOADER.NUM_INSTANCE,
        "lr": cfg.SOLVER.BASE_LR,
        "weightDecay": cfg.SOLVER.WEIGHT_DECAY,
        "milestones": list(cfg.SOLVER.STEPS),
        "warmupEpochs": cfg.SOLVER.WARMUP_ITERS,
        "warmupFactor": cfg.SOLVER.WARMUP_FACTOR,
        "imageSize": args.image_size,
        "padding": cfg.INPUT.PADDING,
        "attentionMaps": 8,  # Baseline's self.M, fixed in the reference
        "embeddingDim": baseline.Baseline.in_planes,
        "trainIdentities": train_ids,
        "threads": args.threads,
        "mAP": scores["mAP"],
        "rank1": scores["cmc"][0],
        "rank5": scores["cmc"][4],
        "rank10": scores["cmc"][9],
        "queries": scores["queries"],
        "gallery": scores["gallery"],
        "perEpoch": epochs,
        "stepSeconds": sum(e["stepSeconds"] * e["steps"] for e in epochs) / max(n_steps, 1),
        # the sampler's len() counts every image; its batches stop when fewer than P identities are left
        "stepsPerEpoch": epochs[0]["steps"],
        "trainSeconds": train_seconds,
        "testSeconds": test_seconds,
        "seconds": time.time() - start,
        "torch": torch.__version__,
        "finished": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "command": " ".join([os.path.basename(sys.executable)] + sys.orig_argv[1:]),
    }
    with open(args.out, "a") as f:
        f.write(json.dumps(result) + "\n")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
