#!/usr/bin/env python3
"""Reference harness for CAM and RFGA (issue #25): runs ku-milab/MoANA's own training loop
(Localization/trainer.py) and its own evaluation (Localization/tester.py, heatmaps.py,
evaluation.py: wsolevaluation's BoxEvaluator / MaskEvaluator) on the cluttered Fashion-MNIST
canvases fga exports in wsolevaluation's layout, starting from fga's pretrained ResNet-18
(width 16) backbone, and appends one JSON line per run to a results file.

Nothing of MoANA is copied here: the harness imports the reference from --repo (a checkout of
github.com/ku-milab/MoANA at PINNED_COMMIT) and checks the git blob ids of the files it imports:

    git clone https://github.com/ku-milab/MoANA /tmp/MoANA
    git -C /tmp/MoANA checkout 4820e1f309616dee26faae5c906583aa192516dc
    OMP_NUM_THREADS=1 /usr/bin/python3 references/moana/run_moana.py --repo /tmp/MoANA \
        --data data/fashion-tops-wsol --weights <pretrain run>/backbone.safetensors \
        --method rfga --seed 0 --out runs/ref-moana/rfga_s0 \
        --results references/moana/results/fashion-tops_rfga.jsonl

(references/moana/rerun.sh METHOD SEED does all of it; README.md beside this file: the data
export, the fga side of each pair, the differences.)

REDIRECTIONS (everything the harness changes around the reference; nothing of the method, the
loss, the optimiser or the schedule is changed apart from the recipe scaling in R9):

  R1  Device. No CUDA here: torch.Tensor.cuda is made the identity (heatmaps.py calls
      images.cuda() unconditionally); trainer.py/tester.py already fall back to 'cpu'.
  R2  Distributed start-up. The model is not wrapped in torch.nn.DataParallel (config.json's
      "parallel": true; on a CPU DataParallel only adds the 'module.' prefix). Data-loader
      workers 8 -> --workers (default 0: a 2-core machine shared with other jobs).
  R3  Dataset paths. fga's wsol layout keeps images per split (<root>/<split>/<class>/<file>,
      image ids '<class>/<file>'), so data_roots = {train: <root>/train, val: <root>/val,
      test: <root>/test} instead of main.py's one '<dataset_path>/<dataset_name>' root, and
      metadata_root = <root>/metadata (not '<metadata_path>/<dataset_name>'). dataset_name is
      'CUB' (box evaluation). With --train-limit/--test-limit (smoke runs only) the metadata is
      cut to the first N images of each split into <out>/metadata.
  R4  Backbone constructor. utils.build_train_resnet builds a torchvision-ImageNet ResNet-50 and
      loads ImageNet weights from a URL. Here the reference's own classes are subclassed
      (models/resnet.py ResNet for 'cam', MoANA for 'rfga'), keeping their _make_layer (which
      appends moana_module.moana to layer4 for 'rfga'), _forward_impl (logits, CAM) and weight
      initialisation; only the constructor's channel widths (64..512 -> w..8w, default w = 16)
      and block (Bottleneck [3,4,6,3] -> torchvision BasicBlock [2,2,2,2]: ResNet-18) change.
      layer3 and layer4 keep the reference's stride 1 without dilation (output stride 8). The
      backbone weights come from fga's backbone.safetensors (read with numpy), loaded with
      strict=False as the reference loads ImageNet weights; the harness checks that every
      backbone tensor loaded and that only the head (and the MoANA module) stay at their init.
      Head size: the reference builds num_classes=1000 for every dataset (utils.py
      build_train_resnet, CUB included); here it is the export's class count (4), as fga's head
      and as references/cal/ does for CAL; --num-classes 1000 restores the reference's head.
  R5  Parameter groups. config.json sets "layer_optim": true, whose block in main.py raises on
      the reference's own models (model.module.moana does not exist; ResNet-50's layer4 has no
      [3] and ResNet has no 'classifier'). --layer-optim intent (default) builds the groups it
      evidently means: stem, layer1-3 and layer4's residual blocks at backbone_lr; the MoANA
      module (appended to layer4) and the classifier (MoANA: 'classifier', CAM: 'fc') at lr;
      same SGD(momentum, weight_decay on every parameter). --layer-optim off is main.py's else
      branch (one group at lr).
  R6  Test-mode model. main.py's test mode calls resnet.pretrainnet50, which is commented out;
      the harness hands the model trained in this process (the last epoch: the trainer never
      evaluates, it saves every epoch) to the reference's Tester.
  R7  Missing visualisation. tester.py calls CAMComputer.visualization_cams, which heatmaps.py
      does not define; it only draws pictures and runs after every metric is computed, so it is
      a no-op here. Tester.test() prints and appends its line to ./test_result.txt (cwd = --out);
      the harness reads the numbers from the result dict the tester fills (make_result_dict).
  R8  Environment shims. numpy >= 1.24 has no np.float (utils.t2n, check_scoremap_validity,
      MaskEvaluator): np.float = float (what it aliased). tqdm, wandb and seaborn are only
      imported or used as progress bars: stubs when they are not installed. Evaluation size:
      evaluation._RESIZE_LENGTH (224, where boxes and masks are rescaled to) is set to
      --crop-size, the size of the test images the CAM is resized to (both 224 in the
      reference). Seeds: main.py seeds numpy and torch with hash(...) % 1 == 0; here --seed
      (0 = the reference's effective seed) seeds random, numpy and torch.
  R9  Recipe scaling (the only change to the recipe; apply the same on the fga side). From
      config.json (ILSVRC: 20 epochs, batch 256, lr 0.02, backbone_lr 0.002, MultiStepLR x0.1 at
      epochs 5/10/15, momentum 0.9, weight decay 5e-4, Resize 256 -> RandomCrop 224): --epochs
      (default 6, fga's fashion spec), milestones scaled by epochs/20 and rounded half up unless
      --milestones is given, --batch-size (default 32, fga's), rates unchanged unless --lr /
      --backbone-lr are given, --crop-size (default 96, fga's image size) and --resize-size
      (default round(crop * 256/224) = 110), the reference's transforms otherwise.

RESULT LINE (metrics as fractions; the tester's own print is in <out>/test_result.txt, percent):
  top1        tester.py's Top1-Cls (argmax over the head; test split, last epoch)
  gtKnownLoc  tester.py's GT-Loc = BoxEvaluator MaxBoxAcc at IoU 50, config.json's largest-contour
              boxes, 65th-percentile maps, the best tau on the test split itself
  maxBoxAccV2 the mean over IoU 30/50/70 of BoxEvaluator's MaxBoxAcc with multi_contour_eval=True
              (wsolevaluation's MaxBoxAccV2 box rule) on the score maps the tester saved
  maxBoxAccLargestContour  the same mean with config.json's multi_contour_eval=false: the number
              tester.py prints as 'MaxBoxAcc'
  pxap        the reference's MaskEvaluator (wsolevaluation's PxAP) on the same maps against fga's
              masks, with an OpenImages-style metadata derived in <out>/pxap_metadata (fga's layout
              has no mask metadata and no ignore masks: an all-zero ignore mask is used)
  top1Loc     tester.py's Top1-Loc (GT-known at the fixed tau = 0.04 and the class right)
  stepSeconds mean over epochs (the first one left out when there are more) of the time from the
              trainer's optimizer.zero_grad() to the end of optimizer.step(); perEpoch holds every
              epoch's, with the wall time per step (data loading included)
"""
import argparse
import hashlib
import json
import math
import os
import random
import shlex
import subprocess
import sys
import time
import types

import numpy as np

PINNED_COMMIT = "4820e1f309616dee26faae5c906583aa192516dc"
# git blob ids of the reference files at PINNED_COMMIT (checked, so a different checkout is noticed)
PINNED_BLOBS = {
    "Localization/trainer.py": "91661d85db34a934cbae9eaddbe8c2e4b8ea3aee",
    "Localization/tester.py": "89120d0c12e66eabeadb0f7d1e3635a1327daa4d",
    "Localization/heatmaps.py": "0b25cd7b60a03a65bead902f3732aa24346f7d5e",
    "Localization/evaluation.py": "51ab7b2c74f6d43d7a46a97773015d858ced9c18",
    "Localization/data_loaders.py": "4508bb42a51563d2a58148529f7003b46eb3ac56",
    "Localization/utils.py": "ff084e3b7ded9cb1cfd01e91f5deb278c4a5c54e",
    "Localization/models/resnet.py": "8c5c85493cea1585834b470016120380c60c2097",
    "Localization/modules/moana_module.py": "b3f7ecc5c7c912d70b2cf70559f1b79a6a87763a",
    "Localization/configs/config.json": "1e4f4de3517dfb1bafc60b07ea5f10cdd811e430",
}


def log(msg):
    print("[harness] " + msg, flush=True)


def blob_id(path):
    data = open(path, "rb").read()
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


def check_repo(repo):
    loc = os.path.join(repo, "Localization")
    if not os.path.isdir(loc):
        sys.exit("--repo %s: no Localization/ folder (give the root of a MoANA checkout)" % repo)
    mismatched = [p for p, b in PINNED_BLOBS.items() if blob_id(os.path.join(repo, p)) != b]
    try:
        head = subprocess.run(["git", "-C", repo, "rev-parse", "HEAD"], capture_output=True,
                              text=True, check=True).stdout.strip()
    except Exception:
        head = None
    if mismatched:
        log("WARNING: files differ from ku-milab/MoANA@%s: %s" % (PINNED_COMMIT[:7], mismatched))
    commit = head or (PINNED_COMMIT if not mismatched else "unknown")
    return loc, commit, mismatched


def install_shims():
    """R1, R8: environment only."""
    if not hasattr(np, "float"):
        np.float = float  # numpy < 1.24's alias, used by the reference
    for name in ("tqdm", "wandb", "seaborn"):
        try:
            __import__(name)
        except ImportError:
            stub = types.ModuleType(name)
            if name == "tqdm":
                stub.tqdm = lambda iterable, *a, **k: iterable
            sys.modules[name] = stub
            log("stub module for missing '%s'" % name)
    import torch
    if not torch.cuda.is_available():
        torch.Tensor.cuda = lambda self, *a, **k: self


def read_safetensors(path):
    """name -> numpy array; the safetensors format: u64 header length, JSON header, raw data."""
    dtypes = {"F32": np.float32, "F64": np.float64, "F16": np.float16, "I64": np.int64,
              "I32": np.int32, "U8": np.uint8}
    with open(path, "rb") as f:
        n = int.from_bytes(f.read(8), "little")
        header = json.loads(f.read(n))
        data = f.read()
    out = {}
    for name, meta in header.items():
        if name == "__metadata__":
            continue
        a, b = meta["data_offsets"]
        out[name] = np.frombuffer(data[a:b], dtype=dtypes[meta["dtype"]]).reshape(meta["shape"]).copy()
    return out


def build_model(method, width, num_classes, weights):
    """R4: the reference's classes with a width-w ResNet-18 constructor and fga's weights."""
    import torch
    import torch.nn as nn
    from torchvision.models.resnet import BasicBlock
    from models import resnet as ref_resnet  # the reference's models/resnet.py

    base = ref_resnet.MoANA if method == "rfga" else ref_resnet.ResNet

    class Width(base):
        # Mirrors the reference constructor line by line; only widths and block differ.
        def __init__(self, block, layers, num_classes):
            nn.Module.__init__(self)
            norm_layer = nn.BatchNorm2d
            self._norm_layer = norm_layer
            self.inplanes = width
            self.dilation = 1
            self.groups = 1
            self.base_width = 64
            self.conv1 = nn.Conv2d(3, self.inplanes, kernel_size=7, stride=2, padding=3, bias=False)
            self.bn1 = norm_layer(self.inplanes)
            self.relu = nn.ReLU(inplace=True)
            self.maxpool = nn.MaxPool2d(kernel_size=3, stride=2, padding=1)
            self.layer1 = self._make_layer(block, width, layers[0])
            self.layer2 = self._make_layer(block, 2 * width, layers[1], stride=2, dilate=False)
            self.layer3 = self._make_layer(block, 4 * width, layers[2], stride=1, dilate=False)
            if method == "rfga":
                self.layer4 = self._make_layer(block, 8 * width, layers[3], stride=1, dilate=False,
                                               propose=True)
            else:
                self.layer4 = self._make_layer(block, 8 * width, layers[3], stride=1, dilate=False)
            self.avgpool = nn.AdaptiveAvgPool2d((1, 1))
            if method == "rfga":
                self.classifier = nn.Sequential(
                    nn.Conv2d(8 * width * block.expansion, num_classes, 1, 1, padding=0))
            else:
                self.fc = nn.Linear(8 * width * block.expansion, num_classes)
            for m in self.modules():
                if isinstance(m, nn.Conv2d):
                    nn.init.kaiming_normal_(m.weight, mode="fan_out", nonlinearity="relu")
                elif isinstance(m, (nn.BatchNorm2d, nn.GroupNorm)):
                    nn.init.constant_(m.weight, 1)
                    nn.init.constant_(m.bias, 0)

    model = Width(BasicBlock, [2, 2, 2, 2], num_classes)
    state = {k: torch.from_numpy(v) for k, v in read_safetensors(weights).items()}
    missing, unexpected = model.load_state_dict(state, strict=False)
    head = ("fc.", "classifier.", "layer4.2.")  # layer4.2 = the appended MoANA module
    bad_missing = [k for k in missing if not k.startswith(head) and not k.endswith("num_batches_tracked")]
    if unexpected or bad_missing:
        sys.exit("weights do not fit the width-%d ResNet-18: unexpected %s, missing %s"
                 % (width, unexpected, bad_missing))
    log("loaded %d tensors from %s; left at the reference's init: %s" % (
        len(state), weights, sorted(k for k in missing if not k.endswith("num_batches_tracked"))))
    return model


def param_groups(model, method, mode, lr, backbone_lr):
    """R5."""
    if mode == "off":
        return [p for p in model.parameters() if p.requires_grad], lr
    blocks = model.layer4[:-1] if method == "rfga" else model.layer4
    new = [model.layer4[-1], model.classifier] if method == "rfga" else [model.fc]
    groups = [{"params": [p for p in m.parameters() if p.requires_grad]}
              for m in (model.conv1, model.bn1, model.layer1, model.layer2, model.layer3, blocks)]
    groups += [{"params": [p for p in m.parameters() if p.requires_grad], "lr": lr} for m in new]
    n = sum(len(g["params"]) for g in groups)
    assert n == len([p for p in model.parameters() if p.requires_grad]), "a parameter has no group"
    return groups, backbone_lr


def limited_metadata(src, dst, limits):
    """R3: the first N image ids of a split (smoke runs); every metadata file filtered alike."""
    for split, limit in limits.items():
        os.makedirs(os.path.join(dst, split), exist_ok=True)
        ids = [l.rstrip("\n") for l in open(os.path.join(src, split, "image_ids.txt"))]
        keep = set(ids[:limit] if limit else ids)
        for name in os.listdir(os.path.join(src, split)):
            with open(os.path.join(src, split, name)) as f, open(os.path.join(dst, split, name), "w") as g:
                for line in f:
                    if line.split(",")[0].rstrip("\n") in keep:
                        g.write(line)
    return dst


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repo", required=True, help="root of a ku-milab/MoANA checkout at %s" % PINNED_COMMIT)
    ap.add_argument("--data", required=True, help="fga's wsol layout (./fga data synth --layout wsol)")
    ap.add_argument("--weights", required=True, help="fga's backbone.safetensors (torchvision names)")
    ap.add_argument("--method", required=True, choices=["cam", "rfga"],
                    help="cam: the reference's ResNet (fc, CAM); rfga: its MoANA model")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--out", required=True, help="run folder (checkpoints, score maps, logs)")
    ap.add_argument("--results", required=True, help="JSON-lines file the result line is appended to")
    ap.add_argument("--width", type=int, default=16)
    ap.add_argument("--num-classes", type=int, default=None,
                    help="head size (default: the export's class count; the reference's is 1000)")
    ap.add_argument("--epochs", type=int, default=6)
    ap.add_argument("--milestones", type=str, default=None,
                    help="comma-separated epochs (default: config.json's scaled by epochs/epoch)")
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--lr", type=float, default=None, help="new layers (default config.json's)")
    ap.add_argument("--backbone-lr", type=float, default=None, help="default config.json's")
    ap.add_argument("--crop-size", type=int, default=96)
    ap.add_argument("--resize-size", type=int, default=None, help="default round(crop*256/224)")
    ap.add_argument("--layer-optim", choices=["intent", "off"], default="intent")
    ap.add_argument("--workers", type=int, default=0)
    ap.add_argument("--threads", type=int, default=int(os.environ.get("OMP_NUM_THREADS", "1")))
    ap.add_argument("--train-limit", type=int, default=0, help="smoke runs: first N training images")
    ap.add_argument("--test-limit", type=int, default=0, help="smoke runs: first N test images")
    args = ap.parse_args()
    command = "python3 references/moana/run_moana.py " + " ".join(shlex.quote(a) for a in sys.argv[1:])

    repo = os.path.abspath(args.repo)
    data = os.path.abspath(args.data)
    weights = os.path.abspath(args.weights)
    out = os.path.abspath(args.out)
    results = os.path.abspath(args.results)
    os.makedirs(out, exist_ok=True)
    loc, commit, mismatched = check_repo(repo)
    install_shims()
    sys.path.insert(0, loc)

    import munch
    import torch
    torch.set_num_threads(args.threads)
    import evaluation as ref_evaluation
    import heatmaps as ref_heatmaps
    import tester as ref_tester
    import trainer as ref_trainer
    from data_loaders import get_data_loader

    cfg = json.load(open(os.path.join(loc, "configs", "config.json")))
    e0 = cfg["epoch"]
    milestones = ([int(m) for m in args.milestones.split(",")] if args.milestones else
                  [max(1, int(math.floor(m * args.epochs / e0 + 0.5))) for m in cfg["lr_milestones"]])
    lr = cfg["lr"] if args.lr is None else args.lr
    backbone_lr = cfg["backbone_lr"] if args.backbone_lr is None else args.backbone_lr
    crop = args.crop_size
    resize = args.resize_size or int(math.floor(crop * cfg["resize_size"] / cfg["crop_size"] + 0.5))
    with open(os.path.join(data, "metadata", "train", "class_labels.txt")) as f:
        data_classes = 1 + max(int(l.strip().split(",")[1]) for l in f if l.strip())
    num_classes = args.num_classes or data_classes
    recipe = dict(epochs=args.epochs, milestones=milestones, gamma=cfg["lr_gamma"],
                  batchSize=args.batch_size, lr=lr, backboneLr=backbone_lr,
                  momentum=cfg["momentum"], weightDecay=cfg["weight_decay"], resize=resize, crop=crop,
                  layerOptim=args.layer_optim, numClasses=num_classes, width=args.width)
    log("recipe " + json.dumps(recipe))

    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)

    # R3
    metadata = os.path.join(data, "metadata")
    if args.train_limit or args.test_limit:
        metadata = limited_metadata(metadata, os.path.join(out, "metadata"),
                                    {"train": args.train_limit, "val": args.test_limit,
                                     "test": args.test_limit})
    data_roots = munch.Munch(train=os.path.join(data, "train"), val=os.path.join(data, "val"),
                             test=os.path.join(data, "test"))
    ref_evaluation._RESIZE_LENGTH = crop  # R8
    project = "%s_s%d" % (args.method, args.seed)
    config = munch.Munch(
        project_name=project, model_type="moana" if args.method == "rfga" else "resnet",
        dataset_name="CUB", iou_threshold_list=cfg["iou_threshold_list"],
        cam_curve_interval=cfg["cam_curve_interval"], multi_contour_eval=cfg["multi_contour_eval"],
        multi_iou_eval=cfg["multi_iou_eval"], epoch=args.epochs, batch_size=args.batch_size,
        mask_path=os.path.join(data, "masks"), metadata_path=metadata, dataset_path=data_roots,
        model_save_path=os.path.join(out, "save"), cam_path=os.path.join(out, "cam", "val"),
        cam_test_path=os.path.join(out, "cam", "test"))
    for p in (config.model_save_path, config.cam_path, config.cam_test_path):
        os.makedirs(p, exist_ok=True)

    loaders = get_data_loader(data_roots=data_roots, metadata_root=metadata,
                              batch_size=args.batch_size, workers=args.workers,
                              resize_size=resize, crop_size=crop, proxy_training_set=False,
                              num_val_sample_per_class=0)
    if len(loaders["train"].dataset) % args.batch_size == 1:
        log("WARNING: a last training batch of 1 breaks MoANA's logits.squeeze(); change --train-limit")

    model = build_model(args.method, args.width, num_classes, weights)
    groups, default_lr = param_groups(model, args.method, args.layer_optim, lr, backbone_lr)
    optimizer = torch.optim.SGD(groups, lr=default_lr, momentum=cfg["momentum"],
                                weight_decay=cfg["weight_decay"])

    # timing: the reference's loop untouched; its optimizer/scheduler/criterion calls are observed
    class RecordingCE(torch.nn.CrossEntropyLoss):
        def forward(self, input, target):
            loss = super().forward(input, target)
            stats["loss"] += loss.item() * target.shape[0]
            stats["n"] += target.shape[0]
            return loss

    stats = dict(loss=0.0, n=0, steps=0, stepTime=0.0, t0=None, epochStart=time.perf_counter(), epoch=0)
    epochs_log = open(os.path.join(out, "epochs.jsonl"), "a")
    epoch_lines = []
    inner_zero, inner_step = optimizer.zero_grad, optimizer.step

    def zero_grad(*a, **k):
        stats["t0"] = time.perf_counter()
        return inner_zero(*a, **k)

    def step(opt, *a, **k):
        r = inner_step(*a, **k)
        stats["stepTime"] += time.perf_counter() - stats["t0"]
        stats["steps"] += 1
        return r

    def sched_step(*a, **k):
        now = time.perf_counter()
        stats["epoch"] += 1
        line = dict(epoch=stats["epoch"], steps=stats["steps"],
                    stepSeconds=stats["stepTime"] / max(1, stats["steps"]),
                    wallSecondsPerStep=(now - stats["epochStart"]) / max(1, stats["steps"]),
                    epochSeconds=now - stats["epochStart"], loss=stats["loss"] / max(1, stats["n"]),
                    lr=[g["lr"] for g in optimizer.param_groups][-1],
                    backboneLr=optimizer.param_groups[0]["lr"])
        epoch_lines.append(line)
        epochs_log.write(json.dumps(line) + "\n")
        epochs_log.flush()
        log("epoch " + json.dumps(line))
        stats.update(loss=0.0, n=0, steps=0, stepTime=0.0, epochStart=time.perf_counter())
        return inner_sched(*a, **k)

    # bound, and before the scheduler wraps step with its call counter
    optimizer.zero_grad, optimizer.step = zero_grad, types.MethodType(step, optimizer)
    scheduler = torch.optim.lr_scheduler.MultiStepLR(optimizer, milestones=milestones,
                                                     gamma=cfg["lr_gamma"])
    inner_sched = scheduler.step
    scheduler.step = sched_step

    os.chdir(out)  # tester.py appends to ./test_result.txt
    t_train = stats["epochStart"] = time.perf_counter()
    ref_trainer.Trainer(model, loaders, RecordingCE(), optimizer, scheduler, config).train()
    train_seconds = time.perf_counter() - t_train

    # R6, R7: the reference's tester on the last epoch's model
    ref_heatmaps.CAMComputer.visualization_cams = lambda self, *a, **k: None
    captured = {}
    make_result_dict = ref_tester.make_result_dict

    def capture(split, c):
        captured["result"] = make_result_dict(split, c)
        return captured["result"]

    ref_tester.make_result_dict = capture
    if num_classes < 5:  # tester.py asks for top-5; k is capped at the head size (top-5 not reported)
        ref_topk = ref_tester.correct_topk
        ref_tester.correct_topk = lambda o, t, topk=(1,): ref_topk(o, t, tuple(min(k, num_classes) for k in topk))
    t_test = time.perf_counter()
    ref_tester.Tester(model, loaders, config).test()
    test_seconds = time.perf_counter() - t_test
    r = captured["result"]["test"]

    # extra numbers with the reference's evaluators on the score maps the tester saved
    test_meta = ref_evaluation.configure_metadata(os.path.join(metadata, "test"))
    ids = ref_evaluation.get_image_ids(test_meta)
    scoremaps = os.path.join(config.cam_test_path, "scoremaps")
    thresholds = list(np.arange(0, 1, cfg["cam_curve_interval"]))
    multi = ref_evaluation.BoxEvaluator(metadata=test_meta, dataset_name="CUB", split="test",
                                        cam_threshold_list=thresholds,
                                        iou_threshold_list=cfg["iou_threshold_list"],
                                        mask_root=None, multi_contour_eval=True)
    pxap_meta = os.path.join(out, "pxap_metadata", "test")
    os.makedirs(pxap_meta, exist_ok=True)
    ignore = os.path.join(out, "pxap_metadata", "ignore_none.png")
    import cv2
    cv2.imwrite(ignore, np.zeros((crop, crop), np.uint8))
    with open(os.path.join(pxap_meta, "image_ids.txt"), "w") as f:
        f.writelines(i + "\n" for i in ids)
    with open(os.path.join(pxap_meta, "localization.txt"), "w") as f:
        f.writelines("%s,test/%s,%s\n" % (i, i, ignore) for i in ids)
    masks = ref_evaluation.MaskEvaluator(metadata=ref_evaluation.configure_metadata(pxap_meta),
                                         dataset_name="OpenImages", split="test",
                                         cam_threshold_list=thresholds,
                                         iou_threshold_list=cfg["iou_threshold_list"],
                                         mask_root=os.path.join(data, "masks"), multi_contour_eval=False)
    for i in ids:
        s = np.load(os.path.join(scoremaps, i + ".npy"))
        multi.accumulate(s, i)
        masks.accumulate(s, i)
    multi_acc = multi.compute()
    pxap = masks.compute()

    steps = [l["stepSeconds"] for l in epoch_lines]
    harness_path = os.path.abspath(__file__)
    row = {
        "reference": "ku-milab/MoANA@%s" % commit, "method": args.method, "seed": args.seed,
        "harness": "references/moana/run_moana.py",
        "harnessSha256": hashlib.sha256(open(harness_path, "rb").read()).hexdigest(),
        # metrics as fractions (fga's reference-results convention)
        "top1": float(r["top1_cls"]),
        "gtKnownLoc": float(r["gt_loc"]) / 100.0,
        "maxBoxAccV2": float(np.mean(multi_acc)) / 100.0,
        "pxap": float(pxap) / 100.0,
        "maxBoxAccLargestContour": float(r["loc"]) / 100.0,
        "maxBoxAcc": {str(k): float(v) / 100.0 for k, v in r["loc_iou"].items()},
        "maxBoxAccAllContours": {str(k): float(v) / 100.0
                                 for k, v in zip(cfg["iou_threshold_list"], multi_acc)},
        "top1Loc": float(r["top1_loc"]),
        "stepSeconds": float(np.mean(steps[1:] if len(steps) > 1 else steps)),
        "epochs": args.epochs, "batch": args.batch_size, "lr": lr, "backboneLr": backbone_lr,
        "imageSize": crop, "numClasses": num_classes, "perEpoch": epoch_lines,
        "trainSeconds": train_seconds, "testSeconds": test_seconds,
        "trainImages": len(loaders["train"].dataset), "testImages": len(loaders["test"].dataset),
        "recipe": recipe, "filesDifferFromPin": mismatched, "command": command,
    }
    with open(results, "a") as f:
        f.write(json.dumps(row) + "\n")
    log("result " + json.dumps(row))


if __name__ == "__main__":
    main()
