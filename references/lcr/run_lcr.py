#!/usr/bin/env python3
"""Runs GANPerf/LCR's own BYOL training loop (main.py with models/byol.py: LCR-BYOL, or the same
loop without its rationale term: BYOL) on data fga exported in the CUB layout, on CPU with Debian's
python3-torch, and appends one JSON line with the reference's own evaluation (retrieval, linear
probe, kNN monitor) and its step time (issue #25: whole runs beside the reference's).

This file is fga's harness; the reference's code is not part of fga. Get it at the pinned commit:

    git clone https://github.com/GANPerf/LCR /tmp/LCR && git -C /tmp/LCR checkout fe591d4ee9b6dccba8710f9f73ef41b9a129f013

What the harness redirects (and nothing else: the BYOL model, its EMA target, the Grad-CAM of the
loss, the rationale branch, the KL fitting term, the views, LARS (lars_simclr), its rates and the
warm-up + cosine schedule are the reference's own code, called unchanged; with --method byol the
rationale term is taken out, 9. below):
  1. GPU: `.cuda()` returns the tensor itself (knn_monitor and BYOL.inference call it
     unconditionally). arguments.py picks the device 'cpu' by itself when there is no CUDA, and
     main.py's DataParallel forwards to the module when there is no GPU.
  2. Distributed start-up: nothing to redirect (the BYOL script is single-process DataParallel).
     Data-loader workers 8 -> 0, so that no process forks on a 2-core machine shared with other jobs.
  3. Configuration: main.py reads a YAML file (configs/byol_cub200.yaml); the harness writes one
     with that file's values except the recipe scaled to fga's spec (configs/ssl/fashion/
     byol_fashion-tops.yaml): num_epochs = stop_at_epoch = --epochs (the CUB file anneals over 800
     epochs and stops at 100; fga's cosine spans the epochs run), batch_size --batch, warmup_epochs
     --warmup-epochs, image_size --image-size, and base_lr = --lr * 256 / batch, because main.py
     multiplies base_lr by batch / 256: the rate LARS gets is --lr, fga's rate. The eval block
     (linear probe) likewise: num_epochs --probe-epochs, batch_size --probe-batch, base_lr =
     --probe-lr * 256 / probe batch. The logger is off (main.py never writes to it:
     update_scalers is commented out), and the seed is --seed (7.).
  4. Data: the dataset name 'cub200' reads torchvision ImageFolder(<data_dir>/train) and
     (<data_dir>/test). The harness builds that tree of symlinks, one folder per class, from fga's
     CUB export (images.txt, image_class_labels.txt, train_test_split.txt) in a temporary folder.
  5. Backbone: models.resnet50_cub200 builds fga's ResNet-18 at width 16 as the reference's own
     ResNet class (models/backbones/cub_resnet_1.py: its _make_layer, its BasicBlock and its
     forward, which skips the stem max-pool; layer4 at stride 2, so output stride 16 as fga's
     spec, a 6x6 map at 96 px) and loads fga's exported backbone (torchvision names, safetensors)
     instead of downloading ImageNet weights. Every backbone tensor must be in the file; only fc
     (replaced by Identity in get_backbone) keeps its initialisation.
  6. Sizes written for ResNet-50 at 224 px, set to the regime's: (a) the heads: HPS
     mlp_hidden_size 4096 -> --hidden, projection_size 256 -> --projection (fga's 256 and 64);
     (b) the branch conv16 Conv2d(2048, 32) -> Conv2d(128, --branch-channels) and bn16 with it
     (fga's 16); (c) inference()'s AvgPool2d(14) (the whole 14x14 map) -> AvgPool2d of the whole
     map here (6x6), and its repeat of the branch map to 2048 channels -> to the backbone's 128;
     (d) linear_cub_eval.py's Linear(2048, 200) -> Linear(128, classes of the export), as
     references/cal sets CUB's 200 to the export's class count; (e) main_moco.py's validate()
     starts its feature buffer with a 2048-wide zero row (removed afterwards): the features it is
     given are zero-padded to 2048 columns, which changes no dot product; its 32x7x7 attention
     buffer is only sorted by variance and never read: it is given zeros of that shape.
  7. Seeds: the config's seed (null in the reference's files) is --seed, so the reference's own
     set_deterministic seeds python, numpy and torch; torch runs --threads threads.
  8. Evaluation, each with the reference's code:
     - kNN monitor: main.py's own per-epoch knn_monitor (k 200, T 0.1, pooled backbone feature,
       train split as memory, test split, drop_last as main.py's loaders), every epoch as the CUB
       file says; recorded per epoch (knnTop1PerEpoch, last epoch: knnTop1).
     - Linear probe: linear_cub_eval.main builds a fresh get_model() and never loads the
       checkpoint main.py saved (its load_state_dict is commented out), so as written it probes
       the ImageNet backbone with a random branch, not the network trained. The harness hands it
       the network trained in this process. Its number (linearProbeTop1) is what it prints as
       Accuracy: the mean batch accuracy over its drop_last test batches (960 of 1,000 at batch 64).
     - Retrieval: main.py (BYOL) has none; main_moco.py's validate() (every test image queries
       the others, ranked by dot product; top-1, top-5 hit rate, mAP) is run on the trained
       network after training, over the test split with main.py's test transform (resize 109
       bicubic, centre crop 96), in order, batch --batch, no drop_last (as main_moco.py's
       val_loader): all 1,000 images.
     - Feature: LCR-BYOL: inference()'s branch-weighted pooled, L2-normalised feature (what the
       reference's probe reads and validate() ranks). BYOL: the pooled backbone feature
       (inference()'s first output; L2-normalised for retrieval, as knn_monitor normalises it), as
       fga's plain bases use.
  9. BYOL (--method byol): the reference has no switch; main.py always adds 0.01 * KL(Grad-CAM ||
     branch map). The model's 'attmap' and 'gradcam' outputs are replaced by zeros before main.py
     sees them, so that KL is exactly 0 with no gradient: the loss is BYOL's, the branch gets no
     gradient and LARS skips it. The forward still computes the Grad-CAM (autograd.grad through
     the head only), whose result is discarded.
  10. Environment: pandas (imported by datasets/CUB2011.py and ImageNet100.py, neither used for
     'cub200') and tensorboardX (imported by tools/logger.py) are stubbed when not installed.
  11. Recording: BYOL.forward, main.py's LR_Scheduler.step, its F.kl_div, knn_monitor and the
     probe call are wrapped to read their times and values; nothing they compute is changed.
     stepSeconds: mean over training steps of the time from the model's forward to the end of
     lr_scheduler.step() (forward, Grad-CAM, loss, backward, LARS); wallSecondsPerStep: between
     consecutive steps of an epoch (with data loading and main.py's progress-bar formatting).
     The line also records the SHA-256 of the backbone weights (weightsSha256) and of every file
     of the export (dataSha256, the same fingerprint as references/cal's), and whether the
     reference files imported have the pinned commit's git blob ids (referenceFilesPinned).
"""
import argparse
import datetime
import hashlib
import json
import os
import shutil
import struct
import sys
import tempfile
import time
import types

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

PINNED = "fe591d4ee9b6dccba8710f9f73ef41b9a129f013"
# git blob ids at PINNED of the reference files this harness runs (a checkout that differs is warned
# about and recorded: ~/.cache/fga/LCR may be a copy rather than a git checkout)
PINNED_BLOBS = {
    "main.py": "4dfd0c5b9709551495dff356cd95361734da43bc",
    "arguments.py": "39bc648f3562b4f2353c22cdc4424dbeee3cae0c",
    "models/__init__.py": "167887c7cae773ad48d2c7ee06dbd129cafcd55d",
    "models/byol.py": "e95878ec8aa549c9cf1b38e70622fe49edcca1cc",
    "models/backbones/cub_resnet_1.py": "9922a639cc2d9445cf1b525f82f47560c9d0e258",
    "optimizers/__init__.py": "32c10f4c12c33020b5b658979a0e3c97137845af",
    "optimizers/lars_simclr.py": "b73497e1696400ebd27c6931bc6badb9f35f60a7",
    "optimizers/lr_scheduler.py": "7c0f59f918c10455032d0f046bc6bd1971566f23",
    "augmentations/__init__.py": "955434b6c5c03c275e31ef98b8d869664e1ac352",
    "augmentations/byol_aug.py": "81b3e2d2a47d5c9ad862ff058cac06d67b0d0c02",
    "augmentations/eval_aug.py": "979d2a77b10da5c2f4de724d605cce6134f01627",
    "datasets/__init__.py": "70c9241214c70d01aa8881197d40850b2064b307",
    "tools/knn_monitor.py": "8de8efa4013e71aff5fbad4e42dfd790dbcb30e2",
    "tools/average_meter.py": "92f007456a5ecb46d5e30bebff3b14cd75170fbb",
    "linear_cub_eval.py": "7f74f18119fd0f280698e4b2d5862bbd1d0aa54d",
    "main_moco.py": "91a93039944e4c418a12b6b82a2971b46230b85e",
}
EXPORT_FILES = ("images.txt", "image_class_labels.txt", "train_test_split.txt", "classes.txt")


def log(msg):
    print("[harness] " + msg, flush=True)


def bad_input(msg):
    """One line on stderr and exit status 2, as rerun.sh does for bad input."""
    print("run_lcr.py: " + msg, file=sys.stderr, flush=True)
    sys.exit(2)


def blob_id(path):
    with open(path, "rb") as f:
        data = f.read()
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


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


def read_safetensors(path):
    """name -> tensor for a safetensors file of float32 tensors (the package is not needed)."""
    with open(path, "rb") as f:
        (n,) = struct.unpack("<Q", f.read(8))
        header = json.loads(f.read(n))
        data = f.read()
    out = {}
    for name, meta in header.items():
        if name == "__metadata__":
            continue
        if meta["dtype"] != "F32":
            bad_input(f"{path}: {name} is {meta['dtype']}, expected F32")
        a, b = meta["data_offsets"]
        out[name] = torch.from_numpy(np.frombuffer(data[a:b], dtype="<f4").copy()).reshape(meta["shape"])
    return out


def image_folder_tree(export, out):
    """4. The export's train and test images as <out>/{train,test}/<class folder>/<file> symlinks.
    Returns the number of classes. ImageFolder numbers the class folders in sorted order, which
    must be the export's label order (checked)."""
    def table(name):
        with open(os.path.join(export, name)) as f:
            return dict(line.split(maxsplit=1) for line in f if line.strip())

    images = {k: v.strip() for k, v in table("images.txt").items()}
    labels = {k: int(v) for k, v in table("image_class_labels.txt").items()}
    split = {k: int(v) for k, v in table("train_test_split.txt").items()}
    folders = sorted({path.split("/")[0] for path in images.values()})
    for key, path in images.items():
        folder = path.split("/")[0]
        if folders.index(folder) != labels[key] - 1:
            bad_input(f"{export}: image {key} ({path}) has label {labels[key]}, but ImageFolder "
                             f"would give its folder {folders.index(folder) + 1}")
        part = "train" if split[key] == 1 else "test"
        os.makedirs(os.path.join(out, part, folder), exist_ok=True)
        os.symlink(os.path.join(os.path.abspath(export), "images", path),
                   os.path.join(out, part, folder, os.path.basename(path)))
    return len(folders)


def stub_missing(name, **attrs):
    """10. A module that is imported but not used for this run, stubbed when not installed."""
    try:
        __import__(name)
    except ImportError:
        module = types.ModuleType(name)
        module.__dict__.update(attrs)
        sys.modules[name] = module
        log(f"{name} is not installed: stubbed (imported by the reference, not used here)")


class _NoWriter:
    def __init__(self, *a, **k):
        pass

    def __getattr__(self, name):
        return lambda *a, **k: None


def fga_resnet18(cub_resnet, width, weights):
    """5. fga's ResNet-18 at `width` as the reference's own ResNet class, with fga's weights."""

    class FgaResNet18(cub_resnet.ResNet):
        def __init__(self):
            nn.Module.__init__(self)
            # the attributes the reference's _make_layer reads, as its ResNet.__init__ sets them
            self._norm_layer = nn.BatchNorm2d
            self.inplanes, self.dilation, self.groups, self.base_width = width, 1, 1, 64
            self.conv1 = nn.Conv2d(3, width, kernel_size=7, stride=2, padding=3, bias=False)
            self.bn1 = nn.BatchNorm2d(width)
            self.relu = nn.ReLU(inplace=True)
            self.maxpool = nn.MaxPool2d(kernel_size=3, stride=2, padding=1)  # built, skipped by forward
            block = cub_resnet.BasicBlock
            self.layer1 = self._make_layer(block, width, 2)
            self.layer2 = self._make_layer(block, 2 * width, 2, stride=2)
            self.layer3 = self._make_layer(block, 4 * width, 2, stride=2)
            self.layer4 = self._make_layer(block, 8 * width, 2, stride=2)
            self.avgpool = nn.AdaptiveAvgPool2d((1, 1))
            self.fc = nn.Linear(8 * width * block.expansion, 1000)

    net = FgaResNet18()
    state = read_safetensors(weights)
    own = net.state_dict()
    wanted = [k for k in own if not k.startswith("fc.") and not k.endswith("num_batches_tracked")]
    missing = [k for k in wanted if k not in state]
    unused = [k for k in state if k not in own]
    if missing or unused:
        bad_input(f"{weights}: not a ResNet-18 at width {width} (missing {missing[:4]}, unused {unused[:4]})")
    bad = [k for k in wanted if tuple(state[k].shape) != tuple(own[k].shape)]
    if bad:
        bad_input(f"{weights}: {bad[0]} has shape {tuple(state[bad[0]].shape)}, the network {tuple(own[bad[0]].shape)}")
    net.load_state_dict({k: state[k] for k in wanted}, strict=False)
    return net


def online_map_side(net, image_size):
    """The side of layer4's map on the online path of models/byol.py (which skips the max-pool)."""
    was_training = net.training
    net.eval()
    with torch.no_grad():
        x = torch.zeros(1, 3, image_size, image_size)
        x = net.relu(net.bn1(net.conv1(x)))
        x = net.layer4(net.layer3(net.layer2(net.layer1(x))))
    net.train(was_training)
    return x.shape[-1]


class _Recorder:
    def __init__(self):
        self.forward_start = None
        self.step_compute = []      # forward start -> lr_scheduler.step() end, per step
        self.step_end = []          # time of each lr_scheduler.step() end
        self.iter_per_epoch = None
        self.loss = []              # main.py's data_dict['loss'] (BYOL's L), per step
        self.fit = []               # main.py's F.kl_div (before its 0.01), per step
        self.knn = []               # knn_monitor's accuracy, per call (fraction)
        self.probe_accuracy = None
        self.fired = {}             # redirections of 6. that took effect, by name

    def fire(self, name):
        self.fired[name] = self.fired.get(name, 0) + 1

    def per_epoch(self, values):
        n = self.iter_per_epoch or max(len(values), 1)
        return [float(np.mean(values[i:i + n])) for i in range(0, len(values), n)]

    def wall_per_step(self):
        n = self.iter_per_epoch or len(self.step_end)
        gaps = [b - a for i, (a, b) in enumerate(zip(self.step_end, self.step_end[1:])) if (i + 1) % n != 0]
        return float(np.mean(gaps)) if gaps else None


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--repo", required=True, help="checkout of GANPerf/LCR at " + PINNED)
    p.add_argument("--data", required=True, help="fga's CUB-layout export (fga data synth --layout cub)")
    p.add_argument("--weights", required=True, help="fga's exported backbone (backbone.safetensors)")
    p.add_argument("--method", choices=("lcr-byol", "byol"), default="lcr-byol",
                   help="lcr-byol, or byol: the same loop without the rationale term (9.)")
    p.add_argument("--width", type=int, default=16)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--epochs", type=int, required=True)
    p.add_argument("--batch", type=int, default=32)
    p.add_argument("--lr", type=float, default=1.0, help="the rate LARS gets (fga's lr); base_lr = lr * 256 / batch")
    p.add_argument("--warmup-epochs", type=int, default=1)
    p.add_argument("--image-size", type=int, required=True)
    p.add_argument("--hidden", type=int, default=256, help="HPS mlp_hidden_size (reference 4096)")
    p.add_argument("--projection", type=int, default=64, help="HPS projection_size (reference 256)")
    p.add_argument("--branch-channels", type=int, default=16, help="conv16's outputs (reference 32)")
    p.add_argument("--knn-interval", type=int, default=1, help="epochs between kNN monitors; 0: off")
    p.add_argument("--probe-epochs", type=int, default=30, help="linear probe epochs; 0: no probe")
    p.add_argument("--probe-batch", type=int, default=64)
    p.add_argument("--probe-lr", type=float, default=30.0, help="the probe's SGD rate; base_lr = lr * 256 / batch")
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--out", required=True, help="JSON-lines file the result line is appended to")
    args = p.parse_args()

    repo = os.path.abspath(args.repo)
    if not os.path.isfile(os.path.join(repo, "main.py")) or not os.path.isfile(os.path.join(repo, "models", "byol.py")):
        bad_input(f"{args.repo}: no main.py and models/byol.py (a checkout of GANPerf/LCR at {PINNED}?)")
    for f in EXPORT_FILES:
        if not os.path.isfile(os.path.join(args.data, f)):
            bad_input(f"{args.data}: no {f} (write it with: fga data synth --layout cub ...)")
    if not os.path.isfile(args.weights):
        bad_input(f"{args.weights}: no such file (fga's pretrained backbone)")
    differing = [path for path, blob in PINNED_BLOBS.items()
                 if not os.path.isfile(os.path.join(repo, path)) or blob_id(os.path.join(repo, path)) != blob]
    if differing:
        log(f"WARNING: {args.repo} differs from GANPerf/LCR@{PINNED[:7]} in {differing}")
    # what the line will say it was made by, taken before the run (a file changed meanwhile is not it)
    made_by = {"harnessSha256": sha256_of_files([os.path.abspath(__file__)]),
               "dataSha256": data_fingerprint(os.path.abspath(args.data)),
               "weightsSha256": sha256_of_files([os.path.abspath(args.weights)])}

    work = tempfile.mkdtemp(prefix=f"lcr-ref-{args.method}-s{args.seed}-")
    num_classes = image_folder_tree(args.data, os.path.join(work, "data"))
    torch.set_num_threads(args.threads)
    channels = 8 * args.width

    # 3. configuration: configs/byol_cub200.yaml with the recipe scaled
    import yaml
    config = {
        "name": f"lcr-ref-{args.method}-s{args.seed}",
        "dataset": {"name": "cub200", "image_size": args.image_size, "num_workers": 0},
        "model": {"name": "byol", "backbone": "resnet50_cub200"},
        "train": {
            "optimizer": {"name": "lars_simclr", "weight_decay": 1.5e-6, "momentum": 0.9},
            "warmup_epochs": args.warmup_epochs, "warmup_lr": 0,
            "base_lr": args.lr * 256 / args.batch, "final_lr": 0,
            "num_epochs": args.epochs, "stop_at_epoch": args.epochs, "batch_size": args.batch,
            "knn_monitor": args.knn_interval > 0, "knn_interval": max(args.knn_interval, 1), "knn_k": 200,
        },
        "eval": False if args.probe_epochs == 0 else {
            "optimizer": {"name": "sgd", "weight_decay": 0, "momentum": 0.9},
            "warmup_lr": 0, "warmup_epochs": 0, "base_lr": args.probe_lr * 256 / args.probe_batch,
            "final_lr": 0, "batch_size": args.probe_batch, "num_epochs": args.probe_epochs,
        },
        "logger": {"tensorboard": False, "matplotlib": False},
        "seed": args.seed,
    }
    config_file = os.path.join(work, "config.yaml")
    with open(config_file, "w") as f:
        yaml.safe_dump(config, f, sort_keys=False)

    # 10. environment
    stub_missing("pandas")
    stub_missing("tensorboardX", SummaryWriter=_NoWriter)
    # 1. GPU
    torch.Tensor.cuda = lambda self, *a, **k: self
    nn.Module.cuda = lambda self, *a, **k: self

    sys.path.insert(0, repo)
    import models  # noqa: E402  (the reference's modules, from its checkout)
    import models.byol as byol  # noqa: E402
    import models.backbones.cub_resnet_1 as cub_resnet  # noqa: E402
    import main as ref  # noqa: E402
    import linear_cub_eval  # noqa: E402
    import main_moco  # noqa: E402

    rec = _Recorder()
    sizes = {}

    # 5. backbone (get_backbone evaluates "resnet50_cub200(pretrained=True)" in models/__init__.py)
    def backbone(pretrained=False, **_):
        net = fga_resnet18(cub_resnet, args.width, args.weights)
        sizes["side"] = online_map_side(net, args.image_size)
        return net

    models.resnet50_cub200 = backbone

    # 6. (a) heads
    byol.HPS["mlp_hidden_size"] = args.hidden
    byol.HPS["projection_size"] = args.projection

    # 6. (b), (c) the branch and the pooling window, as models/byol.py builds them
    class SizedNn:
        def __getattr__(self, name):
            return getattr(nn, name)

        def Conv2d(self, cin, cout, *a, **k):
            if (cin, cout) == (2048, 32):
                rec.fire("conv16")
                cin, cout = channels, args.branch_channels
            return nn.Conv2d(cin, cout, *a, **k)

        def BatchNorm2d(self, n, *a, **k):
            if n == 32:
                rec.fire("bn16")
                n = args.branch_channels
            return nn.BatchNorm2d(n, *a, **k)

        def AvgPool2d(self, kernel, *a, **k):
            if kernel == 14:
                rec.fire("avgpool14")
                kernel = sizes["side"]
            return nn.AvgPool2d(kernel, *a, **k)

    byol.nn = SizedNn()

    # 6. (c) inference()'s repeat of the branch map to the feature map's channels
    base_inference = byol.BYOL.inference

    def inference(self, img):
        own = torch.Tensor.__dict__.get("repeat")
        real = torch.Tensor.repeat

        def repeat(t, *dims):
            if tuple(dims) == (1, 2048, 1, 1):
                rec.fire("repeat")
                dims = (1, channels, 1, 1)
            return real(t, *dims)

        torch.Tensor.repeat = repeat
        try:
            return base_inference(self, img)
        finally:
            if own is None:
                del torch.Tensor.repeat
            else:
                torch.Tensor.repeat = own

    byol.BYOL.inference = inference

    # 9. BYOL without the rationale term; 11. the step's start and BYOL's loss
    base_forward = byol.BYOL.forward
    without_rationale = args.method == "byol"

    def forward(self, x1, x2):
        rec.forward_start = time.perf_counter()
        out = base_forward(self, x1, x2)
        rec.loss.append(float(out["loss"].detach().mean()))
        if without_rationale:
            out["attmap"] = torch.zeros_like(out["attmap"]).detach()
            out["gradcam"] = torch.zeros_like(out["gradcam"]).detach()
        return out

    byol.BYOL.forward = forward

    # 11. recording around main.py's loop
    class TimedScheduler(ref.LR_Scheduler):
        def __init__(self, optimizer, warmup_epochs, warmup_lr, num_epochs, base_lr, final_lr, iter_per_epoch, **k):
            super().__init__(optimizer, warmup_epochs, warmup_lr, num_epochs, base_lr, final_lr, iter_per_epoch, **k)
            rec.iter_per_epoch = iter_per_epoch

        def step(self):
            lr = super().step()
            now = time.perf_counter()
            rec.step_compute.append(now - rec.forward_start)
            rec.step_end.append(now)
            return lr

    ref.LR_Scheduler = TimedScheduler

    class RecordingF:
        def __getattr__(self, name):
            return getattr(F, name)

        def kl_div(self, *a, **k):
            value = F.kl_div(*a, **k)
            rec.fit.append(float(value.detach()))
            return value

    ref.F = RecordingF()
    base_knn = ref.knn_monitor

    def knn_monitor(*a, **k):
        accuracy = base_knn(*a, **k)
        rec.knn.append(accuracy / 100.0)
        return accuracy

    ref.knn_monitor = knn_monitor

    trained = {}
    base_get_model = ref.get_model

    def get_model(cfg):
        trained["net"] = base_get_model(cfg)
        return trained["net"]

    ref.get_model = get_model

    # 8. the evaluation feature: LCR's weighted pooling, or BYOL's pooled backbone feature
    class PooledView(nn.Module):
        """BYOL: inference() as the probe reads it, (pooled, pooled), from the trained network."""

        def __init__(self, net):
            super().__init__()
            self.net = net

        def inference(self, img):
            pooled, _ = self.net.inference(img)
            return pooled, pooled

    def evaluated(net):
        return PooledView(net) if without_rationale else net

    # 8. linear probe on the trained network; 6. (d) its head
    times = {}
    linear_cub_eval.get_model = lambda cfg: evaluated(trained["net"])

    class SizedLinearNn:
        def __getattr__(self, name):
            return getattr(nn, name)

        def Linear(self, in_features, out_features, bias=True, **k):
            if (in_features, out_features) == (2048, 200):
                rec.fire("probe head")
                in_features, out_features = channels, num_classes
            return nn.Linear(in_features, out_features, bias=bias, **k)

    linear_cub_eval.nn = SizedLinearNn()

    class RecordedMeter(linear_cub_eval.AverageMeter):
        def __init__(self, name, *a, **k):
            super().__init__(name, *a, **k)
            if name == "Accuracy":
                rec.probe_meter = self

    linear_cub_eval.AverageMeter = RecordedMeter
    base_probe = ref.cub_linear_eval

    def probe(*a, **k):
        times["trainEnd"] = time.time()
        base_probe(*a, **k)
        times["probeEnd"] = time.time()
        rec.probe_accuracy = float(rec.probe_meter.avg)

    ref.cub_linear_eval = probe

    sys.argv = ["main.py", "-c", config_file, "--data_dir", os.path.join(work, "data"),
                "--log_dir", os.path.join(work, "logs"), "--ckpt_dir", os.path.join(work, "ckpt"), "--hide_progress"]
    ref_args = ref.get_args()  # 7. set_deterministic(seed)
    start = time.time()
    ref.main(device=ref_args.device, args=ref_args)
    times.setdefault("trainEnd", time.time())
    times.setdefault("probeEnd", times["trainEnd"])

    # 8. retrieval: main_moco.py's validate() on the trained network, the whole test split
    net = trained["net"]

    class ValidateView(nn.Module):
        """What validate() reads from model.module.inference: (_, _, attention, feature)."""

        def __init__(self, net):
            super().__init__()
            self.net = net

        def inference(self, img):
            if without_rationale:
                feature = F.normalize(self.net.inference(img)[0], dim=1)
            else:
                feature = self.net.inference(img)[1]
            if feature.shape[1] > 2048:
                raise SystemExit(f"feature of {feature.shape[1]} channels: wider than validate()'s 2048")
            padded = torch.cat([feature, feature.new_zeros(feature.shape[0], 2048 - feature.shape[1])], dim=1)
            return None, None, feature.new_zeros(feature.shape[0], 32, 7, 7), padded

    class Wrapped(nn.Module):
        def __init__(self, view):
            super().__init__()
            self.module = view

    test_set = ref.get_dataset(transform=ref.get_aug(train=False, train_classifier=False, **ref_args.aug_kwargs),
                               train=False, **ref_args.dataset_kwargs)
    loader = torch.utils.data.DataLoader(test_set, batch_size=args.batch, shuffle=False, num_workers=0)
    t0 = time.time()
    top1, top5, mean_ap = main_moco.validate(loader, Wrapped(ValidateView(net)), None, types.SimpleNamespace(gpu=None), None)
    retrieval_seconds = time.time() - t0

    expected = {"conv16": 1, "bn16": 1, "avgpool14": 1}
    if args.probe_epochs > 0:
        expected["probe head"] = 1
    wrong = {k: rec.fired.get(k, 0) for k, v in expected.items() if rec.fired.get(k, 0) != v}
    if wrong or not rec.fired.get("repeat"):
        raise SystemExit(f"a size redirection (6.) did not take effect as expected: {rec.fired}")

    result = {
        "reference": "GANPerf/LCR@" + PINNED,
        "harness": "references/lcr/run_lcr.py",
        "harnessSha256": made_by["harnessSha256"],
        "referenceFilesPinned": not differing,
        "dataSha256": made_by["dataSha256"],
        "method": args.method,
        "data": os.path.abspath(args.data),
        "weightsSha256": made_by["weightsSha256"],
        "seed": args.seed,
        "epochs": args.epochs,
        "batch": args.batch,
        "lr": args.lr,
        "baseLr": config["train"]["base_lr"],
        "warmupEpochs": args.warmup_epochs,
        "imageSize": args.image_size,
        "width": args.width,
        "hiddenSize": args.hidden,
        "projectionSize": args.projection,
        "branchChannels": args.branch_channels,
        "probeEpochs": args.probe_epochs,
        "probeBatch": args.probe_batch,
        "probeLr": args.probe_lr,
        "threads": args.threads,
        "top1": float(top1),
        "top5": float(top5),
        "mAP": float(mean_ap),
        "retrievalImages": len(test_set),
        "linearProbeTop1": rec.probe_accuracy,
        "knnTop1": rec.knn[-1] if rec.knn else None,
        "knnTop1PerEpoch": rec.knn,
        "lossPerEpoch": rec.per_epoch(rec.loss),
        "fitPerEpoch": rec.per_epoch(rec.fit),
        "steps": len(rec.step_compute),
        "stepSeconds": float(np.mean(rec.step_compute)) if rec.step_compute else None,
        "wallSecondsPerStep": rec.wall_per_step(),
        "trainSeconds": times["trainEnd"] - start,
        "probeSeconds": times["probeEnd"] - times["trainEnd"],
        "retrievalSeconds": retrieval_seconds,
        "seconds": time.time() - start,
        "torch": torch.__version__,
        "finished": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "command": " ".join([os.path.basename(sys.executable)] + [a for a in sys.orig_argv[1:]]) if hasattr(sys, "orig_argv") else None,
    }
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(args.out, "a") as f:
        f.write(json.dumps(result) + "\n")
    print(json.dumps(result))
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
