"""Writes the CAL reference fixtures: runs raoyongming/CAL's own modules on small fixed weights.

Usage: /usr/bin/python3 make_cal_fixtures.py <CAL checkout> <output dir>
  (a checkout of https://github.com/raoyongming/CAL; the committed fixtures: commit 0ba9d50, torch 1.13)

Nothing of the reference is copied here: its modules are imported from the checkout. Only the
statements of one training step of fgvc/train_distributed.py (lines 215-244) and of
reid/engine/trainer.py + reid/layers/__init__.py are replayed in the order the reference runs
them, on the CPU; the backbones are replaced by one conv + ReLU (the reference heads read any
feature map) so the fixtures stay a few KB. Every random draw of the reference (np.random.choice of
the attention maps, random.uniform of the crop/drop thresholds, the U(0, 2) counterfactual maps)
is taken from a queue of values generated here and saved, so fga can be fed the same draws.

fgvc_step.npz (WSDAN_CAL, fgvc/models/cal.py + fgvc/utils.py):
  w.*            weights (torch names) and BatchNorm running statistics before the step
  x, y           input images B×3×16×16 and labels (one label repeated, to pin the centre update)
  centres0       feature centres before the step (not normalised, so the normalisation shows)
  eval.*         eval mode on the initial weights: logits, attention mean, crop images, (raw+crop)/2
  draw.*         picks B×2, crop/drop thresholds θ (the fraction of the max), counterfactual maps of
                 the raw and the augmented forward, and the probabilities np.random.choice was given
  out.*          raw BAP feature, counterfactual feature, raw/effect/augmented logits, crop and drop
                 images, the four loss terms and the total, centres after the update, BN running stats
  grad.*         gradients of the total loss
reid_step.npz (Baseline of reid/modeling/baseline.py, CAL on): the same for the re-ID head.
"""
import os
import random
import sys

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


class Queue:
    """Hands out pre-made values in order and checks that they were all used."""

    def __init__(self, name, values):
        self.name, self.values = name, list(values)

    def pop(self):
        if not self.values:
            raise RuntimeError('draw queue ' + self.name + ' exhausted')
        return self.values.pop(0)

    def done(self):
        if self.values:
            raise RuntimeError('draw queue %s has %d unused values' % (self.name, len(self.values)))


class TorchShim:
    """`torch` as seen by the reference BAP, whose `zeros_like(att).uniform_(0, 2)` returns queued maps."""

    def __init__(self, maps):
        self.maps = maps

    def __getattr__(self, name):
        return getattr(torch, name)

    def zeros_like(self, like):
        shim = self

        class Draw:
            def uniform_(self, lo, hi):
                assert (lo, hi) == (0, 2)
                m = shim.maps.pop()
                assert tuple(m.shape) == tuple(like.shape), (m.shape, like.shape)
                return m.clone()

        return Draw()


def tiny_backbone(channels):
    # stride-4 4×4 conv + ReLU: a 16×16 image gives a 4×4 feature map
    return nn.Sequential(nn.Conv2d(3, channels, kernel_size=4, stride=4, bias=False), nn.ReLU())


def randomise_bn(bn, g):
    with torch.no_grad():
        bn.weight.copy_(1 + 0.2 * torch.randn(bn.weight.shape, generator=g))
        if bn.bias is not None:
            bn.bias.copy_(0.1 * torch.randn(bn.bias.shape, generator=g))
        bn.running_mean.copy_(0.1 * torch.randn(bn.running_mean.shape, generator=g))
        bn.running_var.copy_(1 + 0.3 * torch.rand(bn.running_var.shape, generator=g))


def weights_of(module, prefix='w.'):
    out = {}
    for k, v in module.state_dict().items():
        if 'num_batches_tracked' not in k:
            out[prefix + k] = v.detach().numpy().copy()
    return out


def fgvc(ref, rng, g):
    sys.path.insert(0, os.path.join(ref, 'fgvc'))
    import models.cal as cal
    import utils as fgvc_utils

    B, C, M, K, S = 4, 6, 4, 3, 16
    beta = 5e-2  # config_distributed.py: beta
    net = cal.WSDAN_CAL.__new__(cal.WSDAN_CAL)
    nn.Module.__init__(net)
    net.num_classes, net.M, net.net, net.num_features = K, M, 'tiny', C
    net.features = tiny_backbone(C)
    net.attentions = cal.BasicConv2d(C, M, kernel_size=1)
    net.bap = cal.BAP(pool='GAP')
    net.fc = nn.Linear(M * C, K, bias=False)
    with torch.no_grad():
        net.features[0].weight.copy_(0.3 * torch.randn(net.features[0].weight.shape, generator=g))
        net.attentions.conv.weight.copy_(0.5 * torch.randn(net.attentions.conv.weight.shape, generator=g))
        net.fc.weight.copy_(0.05 * torch.randn(net.fc.weight.shape, generator=g))
    randomise_bn(net.attentions.bn, g)
    rec = weights_of(net)

    x = torch.randn(B, 3, S, S, generator=g)
    y = torch.tensor([0, 1, 2, 1])
    centres = torch.randn(K, M * C, generator=g) * 0.3
    rec.update({'x': x.numpy(), 'y': y.numpy().astype(np.float32), 'centres0': centres.numpy().copy()})

    # eval mode (train_distributed.py validate, lines 300-308), on the initial weights
    cal.torch = torch
    net.eval()
    with torch.no_grad():
        p_raw, _, _, att_mean = net(x)
        crop3 = fgvc_utils.batch_augment(x, att_mean, mode='crop', theta=0.1, padding_ratio=0.05)
        p_crop, _, _, _ = net(crop3)
    rec.update({'eval.raw_logits': p_raw.numpy(), 'eval.attention_mean': att_mean.numpy(),
                'eval.crop_images': crop3.numpy(), 'eval.logits': ((p_raw + p_crop) / 2.).numpy()})

    # draws of one training step
    h = w = S // 4
    cf_raw = torch.from_numpy(rng.uniform(0, 2, (B, M, h, w)).astype(np.float32))
    cf_aug = torch.from_numpy(rng.uniform(0, 2, (2 * B, M, h, w)).astype(np.float32))
    picks = rng.integers(0, M, (B, 2))
    thetas_crop = rng.uniform(0.4, 0.6, B)
    thetas_drop = rng.uniform(0.2, 0.5, B)
    cf_queue = Queue('counterfactual', [cf_raw, cf_aug])
    cal.torch = TorchShim(cf_queue)
    pick_queue = Queue('picks', [p for p in picks] + [rng.integers(0, M, 2) for _ in range(2 * B)])
    probs = []

    def choice(n, size, p):
        assert n == M and size == 2
        probs.append(np.asarray(p, dtype=np.float64))
        return pick_queue.pop()

    theta_queue = Queue('thetas', [*thetas_crop, *thetas_drop])
    np_choice, py_uniform = np.random.choice, random.uniform
    np.random.choice = choice
    random.uniform = lambda lo, hi: theta_queue.pop()

    captured = {}
    net.bap.register_forward_hook(lambda mod, inp, out: captured.setdefault('bap', []).append(out))
    net.attentions.register_forward_hook(lambda mod, inp, out: captured.setdefault('att', []).append(out))

    cross_entropy_loss = nn.CrossEntropyLoss()
    center_loss = fgvc_utils.CenterLoss()
    try:
        net.train()
        X = x.clone()
        # --- train_distributed.py lines 215-240, as written there ---
        y_pred_raw, y_pred_aux, feature_matrix, attention_map = net(X)
        feature_center = centres.clone()
        feature_center_batch = F.normalize(feature_center[y], dim=-1)
        feature_center[y] += beta * (feature_matrix.detach() - feature_center_batch)
        with torch.no_grad():
            crop_images = fgvc_utils.batch_augment(X, attention_map[:, :1, :, :], mode='crop', theta=(0.4, 0.6), padding_ratio=0.1)
            drop_images = fgvc_utils.batch_augment(X, attention_map[:, 1:, :, :], mode='drop', theta=(0.2, 0.5))
        aug_images = torch.cat([crop_images, drop_images], dim=0)
        y_aug = torch.cat([y, y], dim=0)
        y_pred_aug, y_pred_aux_aug, _, _ = net(aug_images)
        effect_raw = y_pred_aux
        y_pred_aux = torch.cat([y_pred_aux, y_pred_aux_aug], dim=0)
        y_aux = torch.cat([y, y_aug], dim=0)
        raw = cross_entropy_loss(y_pred_raw, y) / 3.
        eff = cross_entropy_loss(y_pred_aux, y_aux) * 3. / 3.
        aug = cross_entropy_loss(y_pred_aug, y_aug) * 2. / 3.
        ctr = center_loss(feature_matrix, feature_center_batch)
        batch_loss = raw + eff + aug + ctr
        batch_loss.backward()
    finally:
        np.random.choice, random.uniform = np_choice, py_uniform
        cal.torch = torch
    for q in (pick_queue, theta_queue, cf_queue):
        q.done()

    # the centre of class 1 (twice in the batch) as written: CPU index_put keeps the last write
    rec.update({
        'draw.picks': picks.astype(np.float32), 'draw.crop_theta': thetas_crop.astype(np.float32),
        'draw.drop_theta': thetas_drop.astype(np.float32), 'draw.cf_raw': cf_raw.numpy(),
        'draw.cf_aug': cf_aug.numpy(), 'draw.pick_probs': np.stack(probs[:B]).astype(np.float32),
        'out.attention': captured['att'][0].detach().numpy(),
        'out.feature': feature_matrix.detach().numpy(),
        'out.cf_feature': captured['bap'][0][1].detach().numpy(),
        'out.logits': y_pred_raw.detach().numpy(), 'out.effect_raw': effect_raw.detach().numpy(),
        'out.effect_aug': y_pred_aux_aug.detach().numpy(), 'out.aug_logits': y_pred_aug.detach().numpy(),
        'out.crop_images': crop_images.numpy(), 'out.drop_images': drop_images.numpy(),
        'out.loss_raw': np.float32(raw.item()), 'out.loss_effect': np.float32(eff.item()),
        'out.loss_aug': np.float32(aug.item()), 'out.loss_centre': np.float32(ctr.item()),
        'out.loss_total': np.float32(batch_loss.item()), 'out.centres': feature_center.numpy(),
        'out.bn_running_mean': net.attentions.bn.running_mean.numpy().copy(),
        'out.bn_running_var': net.attentions.bn.running_var.numpy().copy(),
    })
    for name, p in net.named_parameters():
        rec['grad.' + name] = p.grad.numpy().copy()
    return rec


def reid(ref, rng, g):
    sys.path.insert(0, os.path.join(ref, 'reid'))
    import modeling.baseline as bl
    from layers.triplet_loss import TripletLoss
    from layers.cross_entropy_loss import CrossEntropyLoss

    B, C, M, D, K, S = 6, 6, 4, 5, 4, 16

    class Ones(nn.Module):
        def forward(self, x):  # an SE layer that passes everything: x * 1
            return torch.ones(x.shape[0], x.shape[1], 1, 1)

    model = bl.Baseline.__new__(bl.Baseline)
    nn.Module.__init__(model)
    model.using_cal = True
    model.base_1 = tiny_backbone(C)
    for i in range(1, 6):
        if i > 1:
            setattr(model, 'base_%d' % i, nn.Identity())
        setattr(model, 'att_s%d' % i, nn.Identity())
        setattr(model, 'BN%d' % i, nn.Identity())
        setattr(model, 'att%d' % i, Ones())
    model.M = M
    model.attentions = bl.BasicConv2d(C, M, kernel_size=1)
    model.bap = bl.BAP(pool='GAP')
    model.bottleneck = nn.BatchNorm1d(D)
    model.bottleneck.bias.requires_grad_(False)
    model.classifier = nn.Linear(D, K, bias=False)
    model.classifier_bap = nn.Linear(M * C, D, bias=False)
    with torch.no_grad():
        model.base_1[0].weight.copy_(0.3 * torch.randn(model.base_1[0].weight.shape, generator=g))
        model.attentions.conv.weight.copy_(0.5 * torch.randn(model.attentions.conv.weight.shape, generator=g))
        model.classifier_bap.weight.copy_(0.5 * torch.randn(model.classifier_bap.weight.shape, generator=g))
        model.classifier.weight.copy_(0.5 * torch.randn(model.classifier.weight.shape, generator=g))
    randomise_bn(model.attentions.bn, g)
    randomise_bn(model.bottleneck, g)
    with torch.no_grad():
        model.bottleneck.bias.zero_()  # frozen at 0 in the reference (never trained)
    rec = weights_of(model)

    x = torch.randn(B, 3, S, S, generator=g)
    y = torch.tensor([0, 0, 1, 1, 2, 2])
    rec.update({'x': x.numpy(), 'y': y.numpy().astype(np.float32)})

    # test feature (engine/inference.py lines 24-27; utils/reid_metric.py lines 74-75 normalise)
    model.eval()
    bl.torch = torch
    with torch.no_grad():
        scores = model(x)
        scores_f = model(x.index_select(3, torch.arange(S - 1, -1, -1)))
        feat = scores + scores_f
    rec.update({'eval.scores': scores.numpy(), 'eval.test_feature': feat.numpy(),
                'eval.test_feature_normalised': (feat / feat.norm(dim=1, keepdim=True)).numpy()})

    cf = torch.from_numpy(rng.uniform(0, 2, (B, M, S // 4, S // 4)).astype(np.float32))
    queue = Queue('counterfactual', [cf])
    bl.torch = TorchShim(queue)
    captured = {}
    model.bap.register_forward_hook(lambda mod, inp, out: captured.setdefault('bap', out))
    model.classifier_bap.register_forward_hook(lambda mod, inp, out: captured.setdefault('g', []).append(out))
    model.bottleneck.register_forward_hook(lambda mod, inp, out: captured.setdefault('n', []).append(out))
    triplet = TripletLoss(0.3)  # config/defaults.py SOLVER.MARGIN
    ce = CrossEntropyLoss(num_classes=K, epsilon=0.1, use_gpu=False)  # SOLVER.SMOOTH
    try:
        model.train()
        # engine/trainer.py lines 35-37 with layers/__init__.py line 21
        score, score_hat, gfeat = model(x)
        loss_id = ce(score, y)
        loss_tri = triplet(gfeat, y)[0]
        loss_eff = ce(score_hat, y)
        loss = loss_id + loss_tri + loss_eff
        loss.backward()
    finally:
        bl.torch = torch
    queue.done()
    rec.update({
        'draw.cf': cf.numpy(),
        'out.feature': captured['bap'][0].detach().numpy(),
        'out.cf_feature': captured['bap'][1].detach().numpy(),
        'out.global': gfeat.detach().numpy(), 'out.cf_global': captured['g'][1].detach().numpy(),
        'out.neck': captured['n'][1].detach().numpy(), 'out.cf_neck': captured['n'][0].detach().numpy(),
        'out.scores': score.detach().numpy(), 'out.effect': score_hat.detach().numpy(),
        'out.loss_id': np.float32(loss_id.item()), 'out.loss_triplet': np.float32(loss_tri.item()),
        'out.loss_effect': np.float32(loss_eff.item()), 'out.loss_total': np.float32(loss.item()),
        'out.neck_running_mean': model.bottleneck.running_mean.numpy().copy(),
        'out.neck_running_var': model.bottleneck.running_var.numpy().copy(),
    })
    for name, p in model.named_parameters():
        if p.grad is not None:
            rec['grad.' + name] = p.grad.numpy().copy()
    return rec


def main():
    ref, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    torch.set_grad_enabled(True)
    for name, fn, seed in (('fgvc_step', fgvc, 1), ('reid_step', reid, 2)):
        g = torch.Generator().manual_seed(seed)
        rng = np.random.default_rng(seed)
        rec = fn(ref, rng, g)
        rec = {k: np.asarray(v, dtype=np.float32) for k, v in rec.items()}
        np.savez_compressed(os.path.join(out, name + '.npz'), **rec)
        print(name, len(rec), 'arrays', os.path.getsize(os.path.join(out, name + '.npz')), 'bytes')


if __name__ == '__main__':
    main()
