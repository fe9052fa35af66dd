"""Writes the LCR reference fixtures: runs GANPerf/LCR's own BYOL and MoCo modules on small fixed weights.

Usage: /usr/bin/python3 make_lcr_fixtures.py <LCR checkout> <output dir>
  (a checkout of https://github.com/GANPerf/LCR; the committed fixtures: torch 1.13 on the CPU)

Nothing of the reference is copied here: models/byol.py and moco/builder.py are imported from the
checkout and run as they are. Only the few statements of one training step that live in the
training scripts (main.py:87-97 for BYOL, main_moco.py:356-376 for MoCo: the fitting loss and the
total) are replayed in the order the reference runs them. To keep the fixtures a few KB:
  - the ResNet-50 is replaced by one 4x4 stride-4 convolution + ReLU (C = 6 channels, a 16-px image
    gives a 4x4 map), exposed under the attribute names the reference calls (conv1, bn1, relu,
    layer1..4, avgpool); the reference heads read any feature map;
  - BYOL's hidden/projection widths (HPS, 4096/256) are set to 16/8 and the branch's 1x1 conv
    (2048 -> 32) is rebuilt as C -> 5 before any weight is drawn;
  - MoCo's hard-coded 2048 (nn.Linear(2048, dim), nn.Conv2d(2048, 32)) is mapped to C by a shim of
    the `nn` the builder module sees; its DDP-only helpers (all-gather, batch shuffle) become the
    one-process identity, which is what they compute with one process;
  - `.cuda()` is the identity (CPU), `img.repeat(1, 2048, 1, 1)` repeats C times, and inference's AvgPool2d(14) (a 14x14 map at 448 px) is the
    global average pool it is at the reference's size.

byol_step.npz:
  w.*        state_dict (torch names) before the step; x1, x2 the two views (B = 4)
  out.loss   L (BYOL, symmetric), out.gradcam, out.attmap, out.loss_cam (unweighted KL), out.total
  grad.*     gradients of the total of every online parameter, the predictor and the branch
  ema.*      EMA: online parameters perturbed (ema.online.*), target after update_moving_average
  feat.*     eval-mode inference on x1: the pooled feature and the branch-weighted L2-normalised one
moco_step.npz:
  w.*, x1 (query view), x2 (key view), queue0 (D x K) and ptr0 before the step
  out.logits, out.ce, out.gradcam, out.attmap, out.loss_cam, out.total; queue1, ptr1 after
  grad.*     gradients of the total (encoder_q and the branch)
"""
import os
import sys
import types

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

C = 6
B = 4


class OneConv(nn.Module):
    """The backbone stand-in, with the attributes LCR's BYOL.forward calls."""

    def __init__(self, fc=None):
        super().__init__()
        self.conv1 = nn.Conv2d(3, C, 4, 4, bias=False)
        self.bn1 = nn.Identity()
        self.relu = nn.ReLU()
        for i in range(1, 5):
            setattr(self, 'layer%d' % i, nn.Identity())
        self.avgpool = nn.AdaptiveAvgPool2d(1)
        self.fc = nn.Identity() if fc is None else fc
        self.output_dim = C

    def featmap(self, x):
        return self.relu(self.bn1(self.conv1(x)))

    def forward(self, x):
        return self.fc(torch.flatten(self.avgpool(self.featmap(x)), 1))


class MocoEncoder(OneConv):
    """resnet_output.resnet50's contract: forward returns (fc(pooled), pooled, feature map)."""

    def __init__(self, pretrained=True, num_classes=1000):
        super().__init__(fc=nn.Linear(C, num_classes))

    def forward(self, x):
        f = self.featmap(x)
        pooled = torch.flatten(self.avgpool(f), 1)
        return self.fc(pooled), pooled, f


def tiny(n):
    return C if n == 2048 else n


def nn_shim():
    """torch.nn with the reference's hard-coded 2048 channels mapped to C."""
    shim = types.SimpleNamespace(**{k: getattr(nn, k) for k in dir(nn) if not k.startswith('__')})
    shim.Linear = lambda i, o, **kw: nn.Linear(tiny(i), tiny(o), **kw)
    shim.Conv2d = lambda i, o, *a, **kw: nn.Conv2d(tiny(i), o, *a, **kw)
    shim.functional = F
    return shim


def put(d, prefix, module):
    for k, v in module.state_dict().items():
        if not k.endswith('num_batches_tracked'):
            d[prefix + k] = v.detach().numpy().copy()


def byol(ref, out):
    from models import byol as byol_mod
    byol_mod.HPS['mlp_hidden_size'] = 16
    byol_mod.HPS['projection_size'] = 8
    torch.manual_seed(3)
    model = byol_mod.BYOL(OneConv())
    model.conv16 = nn.Conv2d(C, 5, kernel_size=1, stride=1, padding=0, bias=False)
    model.bn16 = nn.BatchNorm2d(5)
    model.avgpool14 = nn.AdaptiveAvgPool2d(1)
    with torch.no_grad():  # non-trivial BN affine parameters and statistics, so every term shows
        for m in model.modules():
            if isinstance(m, (nn.BatchNorm1d, nn.BatchNorm2d)):
                m.weight.uniform_(0.5, 1.5)
                m.bias.uniform_(-0.3, 0.3)
                m.running_mean.uniform_(-0.2, 0.2)
                m.running_var.uniform_(0.5, 1.5)
        model.target_encoder.load_state_dict(model.online_encoder.state_dict())
    d = {}
    put(d, 'w.', model)
    x1 = torch.randn(B, 3, 16, 16)
    x2 = torch.randn(B, 3, 16, 16)
    d['x1'], d['x2'] = x1.numpy(), x2.numpy()

    # eval-mode features first (the step below changes the weights' statistics)
    model.eval()
    with torch.no_grad():
        pooled, weighted = model.inference(x1)
    d['feat.pooled'], d['feat.weighted'] = pooled.numpy(), weighted.numpy()

    model.train()
    model.zero_grad()
    data_dict = model.forward(x1, x2)  # main.py:83
    loss = data_dict['loss'].mean()
    t = 0.4  # main.py:87-95, replayed
    grad_cam = data_dict['gradcam'].view(data_dict['gradcam'].size(0), -1)
    grad_cam = (grad_cam / t).float()
    att_max = data_dict['attmap'].view(data_dict['attmap'].size(0), -1)
    att_max = (att_max / t).float()
    loss_cam = F.kl_div(att_max.softmax(dim=-1).log(), grad_cam.softmax(dim=-1), reduction='sum')
    total = loss + 0.01 * loss_cam
    total.backward()
    d['out.loss'] = loss.detach().numpy()
    d['out.gradcam'] = data_dict['gradcam'].detach().numpy()
    d['out.attmap'] = data_dict['attmap'].detach().numpy()
    d['out.loss_cam'] = loss_cam.detach().numpy()
    d['out.total'] = total.detach().numpy()
    for k, p in model.named_parameters():
        if p.grad is not None:
            d['grad.' + k] = p.grad.numpy().copy()

    # EMA: perturb the online encoder, then the reference's update
    with torch.no_grad():
        for p in model.online_encoder.parameters():
            p.add_(torch.randn_like(p) * 0.1)
    put(d, 'ema.online.', model.online_encoder)
    put(d, 'ema.target0.', model.target_encoder)
    model.update_moving_average()
    put(d, 'ema.target1.', model.target_encoder)
    np.savez(os.path.join(out, 'byol_step.npz'), **d)


def moco(ref, out):
    import moco.builder as builder
    builder.nn = nn_shim()
    builder.resnet50 = MocoEncoder
    builder.concat_all_gather = lambda t: t
    torch.manual_seed(5)
    model = builder.MoCo(None, dim=8, K=16, m=0.999, T=0.2, mlp=True)
    model._batch_shuffle_ddp = lambda x: (x, torch.arange(x.shape[0]))
    model._batch_unshuffle_ddp = lambda x, idx: x
    model.avgpool = nn.AdaptiveAvgPool2d(1)  # AvgPool2d(7) on the 7x7 map of 224 px
    with torch.no_grad():
        for m in model.modules():
            if isinstance(m, nn.BatchNorm2d):
                m.weight.uniform_(0.5, 1.5)
                m.bias.uniform_(-0.3, 0.3)
    d = {}
    put(d, 'w.', model)
    x1 = torch.randn(B, 3, 16, 16)
    x2 = torch.randn(B, 3, 16, 16)
    d['x1'], d['x2'] = x1.numpy(), x2.numpy()
    d['queue0'] = model.queue.clone().numpy()
    d['ptr0'] = model.queue_ptr.clone().numpy().astype(np.float32)
    model.train()
    # main_moco.py:356-376, replayed (criterion = nn.CrossEntropyLoss, nu = 0.01)
    output, target, output_max, target_max, backbone, featcov16, featmap, att_max, gradcam = model(
        im_q=x1, im_k=x2, epoch=0, iter=0, indx=torch.arange(256))
    loss = nn.CrossEntropyLoss()(output, target)
    loss_cam = F.kl_div(att_max.softmax(dim=-1).log(), gradcam.softmax(dim=-1), reduction='sum')
    total = loss + 0.01 * loss_cam
    model.zero_grad()
    total.backward()
    d['out.logits'] = output.detach().numpy()
    d['out.ce'] = loss.detach().numpy()
    d['out.gradcam'] = gradcam.detach().numpy()
    d['out.attmap'] = att_max.detach().numpy()
    d['out.loss_cam'] = loss_cam.detach().numpy()
    d['out.total'] = total.detach().numpy()
    d['queue1'] = model.queue.clone().numpy()
    d['ptr1'] = model.queue_ptr.clone().numpy().astype(np.float32)
    for k, p in model.named_parameters():
        if p.grad is not None and (k.startswith('encoder_q.') or k.startswith('conv16') or k.startswith('bn16')):
            d['grad.' + k] = p.grad.numpy().copy()
    np.savez(os.path.join(out, 'moco_step.npz'), **d)


def main():
    ref, out = sys.argv[1], sys.argv[2]
    sys.path.insert(0, ref)
    torch.Tensor.cuda = lambda self, *a, **k: self
    # inference/max_mask broadcast the map with img.repeat(1, 2048, 1, 1): 2048 channels there too
    repeat = torch.Tensor.repeat
    torch.Tensor.repeat = lambda self, *sizes: repeat(self, *[tiny(v) for v in sizes])
    os.makedirs(out, exist_ok=True)
    byol(ref, out)
    moco(ref, out)


if __name__ == '__main__':
    main()
