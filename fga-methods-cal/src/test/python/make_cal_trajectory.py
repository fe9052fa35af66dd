"""Writes fgvc_trajectory.npz: several steps of raoyongming/CAL's own training loop, for fga to
replay (issue #25: what lives between steps, which the one-step fixture cannot see).

Usage: /usr/bin/python3 make_cal_trajectory.py <CAL checkout> <output dir>
  (a checkout of https://github.com/raoyongming/CAL; the committed fixture: commit 0ba9d50, torch 1.13)

Unlike make_cal_fixtures.py, which replays the statements of one step, this calls the reference's
own `train()` of fgvc/train_distributed.py over STEPS batches, under the redirections of fga's
whole-run harness (references/cal/run_cal_fgvc.py: CPU, no apex, a one-process group, fga's
ResNet-18 at a width). So the learning rate set every iteration (adjust_learning), zero_grad, the
feature centres carried from step to step, BatchNorm's running statistics after two training
forwards per step, SGD's momentum buffers and weight decay all act as they do in a whole run. The
optimiser is the one main() builds (SGD, momentum 0.9, weight decay 1e-5, on every parameter).

Every random draw the reference makes is recorded as it is made (np.random.choice of the maps,
random.uniform of the crop and drop thresholds, the U(0, 2) counterfactual maps), so fga can be
fed the same draws. The network: ResNet-18 at width 4 with layer4 at stride 1 (random weights and
BatchNorm statistics, saved), M = 4 maps, 3 classes, batches of 4 random 32 px images.

fgvc_trajectory.npz:
  w.NNN.<torch name>   initial weights, NNN the state_dict position (fga's parameter order)
  x.S, y.S             the batch of step S (normalised images, labels)
  draw.S.picks         B×2 maps picked for crop and drop (the raw forward's np.random.choice)
  draw.S.crop, .drop   θ of the crop and drop per image (fractions of the map's max)
  draw.S.cf_raw/.cf_aug  the counterfactual maps of the raw and the augmented forward
  out.S.loss           the total loss of step S as train() computed it
  final.<torch name>   every weight and running statistic after the last step
  final.centres        the feature centres after the last step
  lr                   base learning rate; epoch: the epoch train() was told (the schedule's offset)
"""
import argparse
import os
import random
import sys
import tempfile

import numpy as np
import torch

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "..", "..", "references", "cal"))
import run_cal_fgvc as harness  # noqa: E402  (fga's harness: its redirections, not the reference's code)

# Three steps at lr 1e-4: on this random-weight network, float rounding grows about tenfold a step
# (measured 2026-12-07: at lr 1e-3 the loss of step 2 differed by 1e-3 between the reference and
# fga, and as much between fga's own oneDNN and native convolution paths; at 1e-4, after three steps,
# both paths agree with the reference to 3e-6 on the loss and to under 1 % of each tensor's
# movement). Three steps are enough for what the one-step fixture cannot see: a momentum buffer
# used, centres carried over, running statistics updated twice a step, the schedule's offset.
B, M, CLASSES, SIZE, STEPS, WIDTH = 4, 4, 3, 32, 3, 4
LR, EPOCH = 1e-4, 3


def resnet18_state(width, g):
    """Random torchvision-named ResNet-18 weights at `width`, BatchNorm statistics included."""
    state = {}

    def bn(name, c):
        state[name + ".weight"] = 1 + 0.2 * torch.randn(c, generator=g)
        state[name + ".bias"] = 0.1 * torch.randn(c, generator=g)
        state[name + ".running_mean"] = 0.1 * torch.randn(c, generator=g)
        state[name + ".running_var"] = 1 + 0.3 * torch.rand(c, generator=g)

    def conv(name, cout, cin, k):
        state[name + ".weight"] = torch.randn(cout, cin, k, k, generator=g) * (2.0 / (cin * k * k)) ** 0.5

    conv("conv1", width, 3, 7)
    bn("bn1", width)
    cin = width
    for layer, mult in enumerate((1, 2, 4, 8), start=1):
        planes = width * mult
        for block in range(2):
            p = f"layer{layer}.{block}"
            conv(p + ".conv1", planes, cin if block == 0 else planes, 3)
            bn(p + ".bn1", planes)
            conv(p + ".conv2", planes, planes, 3)
            bn(p + ".bn2", planes)
            if block == 0 and cin != planes:
                conv(p + ".downsample.0", planes, cin, 1)
                bn(p + ".downsample.1", planes)
        cin = planes
    return state


class NoBar:
    def update(self):
        pass

    def set_postfix_str(self, _):
        pass


def main():
    p = argparse.ArgumentParser()
    p.add_argument("repo")
    p.add_argument("out")
    a = p.parse_args()
    random.seed(0)
    np.random.seed(0)
    torch.manual_seed(0)
    torch.set_num_threads(1)
    g = torch.Generator().manual_seed(7)
    tmp = tempfile.mkdtemp()
    # the harness's backbone builder reads fga's exported file; here it is handed the random weights
    backbone = resnet18_state(WIDTH, g)
    harness.read_safetensors = lambda path: backbone

    cfg = argparse.Namespace(epochs=EPOCH + 1, batch=B, lr=LR, image_size=SIZE, attention_maps=M)
    harness.redirect(cfg, tmp)
    sys.path.insert(0, os.path.join(os.path.abspath(a.repo), "fgvc"))
    sys.argv = ["train_distributed.py", "--local_rank", "0"]
    import models.resnet as resnet
    resnet.resnet101 = lambda pretrained=False, **k: harness.resnet18_width(WIDTH, "random weights")
    import models.cal as cal
    import train_distributed as ref
    for metric in (ref.raw_metric, ref.crop_metric, ref.drop_metric):
        metric.topk, metric.maxk = (1, 1), 1
        metric.reset()

    net = cal.WSDAN_CAL(num_classes=CLASSES, M=M, net="resnet101", pretrained=True)
    rec = {}
    names = [k for k in net.state_dict() if not k.endswith("num_batches_tracked")]
    for i, k in enumerate(names):
        rec[f"w.{i:03d}.{k}"] = net.state_dict()[k].numpy().copy()
    batches = []
    for s in range(STEPS):
        x = torch.randn(B, 3, SIZE, SIZE, generator=g)
        y = torch.randint(0, CLASSES, (B,), generator=g)
        y[0] = y[1]  # a class twice in every batch: the centre update's last-write rule acts
        batches.append((x, y))
        rec[f"x.{s}"], rec[f"y.{s}"] = x.numpy(), y.numpy().astype(np.float32)
    feature_center = torch.zeros(CLASSES, M * net.num_features)
    optimizer = torch.optim.SGD(net.parameters(), lr=LR, momentum=0.9, weight_decay=1e-5)  # main()'s

    cf, picks, thetas, losses = [], [], [], []
    real_uniform_, real_choice, real_runi = torch.Tensor.uniform_, cal.np.random.choice, cal.random.uniform

    def uniform_(t, lo=0, hi=1, **k):
        r = real_uniform_(t, lo, hi, **k)
        cf.append(r.detach().clone())
        return r

    def choice(*x, **k):
        r = real_choice(*x, **k)
        picks.append([int(v) for v in r])
        return r

    def runi(lo, hi):
        r = real_runi(lo, hi)
        thetas.append(r)
        return r

    class Recorded:
        """train()'s loss meter, recording each batch's loss as it is fed."""

        def __init__(self, inner):
            self.inner, self.name = inner, inner.name

        def reset(self):
            self.inner.reset()

        def __call__(self, v):
            losses.append(v)
            return self.inner(v)

    torch.Tensor.uniform_, cal.np.random.choice, cal.random.uniform = uniform_, choice, runi
    ref.loss_container = Recorded(ref.loss_container)
    try:
        ref.train(epoch=EPOCH, logs={}, data_loader=batches, net=harness._Forward(net),
                  feature_center=feature_center, optimizer=optimizer, pbar=NoBar())
    finally:
        torch.Tensor.uniform_, cal.np.random.choice, cal.random.uniform = real_uniform_, real_choice, real_runi
    # per step: the raw forward's counterfactual maps and B picks, 2B crop/drop thresholds, then the
    # augmented forward's maps and 2B picks (which the reference draws and does not use)
    assert len(cf) == 2 * STEPS and len(picks) == 3 * B * STEPS and len(thetas) == 2 * B * STEPS
    for s in range(STEPS):
        rec[f"draw.{s}.cf_raw"] = cf[2 * s].numpy()
        rec[f"draw.{s}.cf_aug"] = cf[2 * s + 1].numpy()
        rec[f"draw.{s}.picks"] = np.array(picks[3 * B * s: 3 * B * s + B], dtype=np.float32)
        rec[f"draw.{s}.crop"] = np.array(thetas[2 * B * s: 2 * B * s + B], dtype=np.float32)
        rec[f"draw.{s}.drop"] = np.array(thetas[2 * B * s + B: 2 * B * (s + 1)], dtype=np.float32)
        rec[f"out.{s}.loss"] = np.float32(losses[s])
    final = net.state_dict()
    for k in names:
        rec["final." + k] = final[k].numpy().copy()
    rec["final.centres"] = feature_center.numpy().copy()
    rec["lr"], rec["epoch"] = np.float32(LR), np.float32(EPOCH)
    os.makedirs(a.out, exist_ok=True)
    np.savez_compressed(os.path.join(a.out, "fgvc_trajectory.npz"), **rec)
    print("losses", [round(v, 5) for v in losses])


if __name__ == "__main__":
    main()
