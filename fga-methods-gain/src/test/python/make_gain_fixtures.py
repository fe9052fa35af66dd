#!/usr/bin/env python3
"""Reference fixtures for fga's GAIN / GAINext (GainReferenceTest).

Runs the GAIN step of the community port ilyak93/GAIN-pytorch (the paper has no official code) on
fixed small weights and inputs, and writes what it computes as two .npz files:

  single.npz  batch_GAIN_VOC.forward (models/batch_GAIN_VOC.py:120-184), 3 single-label images on a
           GAP -> linear head: Grad-CAM heatmaps, soft mask T(A), I*, logits; L_am as
           main_GAIN_VOC.py:168-177; GAINext's L_e with binary object masks as
           main_MedT.py:346-356 (handle_EX_loss) on the normalised map the MedT model returns
           (models/batch_GAIN_MedT.py:149-160, scaled_ac).
  multi.npz batch_GAIN_VOC_multiheatmaps.forward (models/batch_GAIN_VOC_mutilabel_singlebatch.py:116-190),
           one erased image per ground-truth class (the paper's eq. 5 per class), 2 multi-label
           images on a 3x3 conv + ReLU -> GAP -> linear head (so Grad-CAM is not CAM); L_am as
           main_VOC_multilabel_heatmaps_singlebatch.py:156-162; L_e per class against VOC-style
           class maps with void (255) pixels ignored (paper eq. 7; no port implements it for VOC).

What is ours rather than the port's, each following the paper (see the module README):
  * single-label L_cl is cross-entropy (the port uses BCE on one-hot targets for every task);
  * the multi-label total is L_cl + alpha*L_am (the port multiplies L_cl by the label count,
    main_VOC_multilabel_heatmaps_singlebatch.py:164) and is averaged over the batch's images (the
    port runs one image per batch; fga batches them);
  * L_e is per class with void ignored (above).

The network is the first three stages of torchvision's VGG-16 ``features`` at width 2 (channels 2,
4, 8; fga's ``vgg16`` with ``width: 2``), input 3x32x24 (not square, so a swapped axis shows), so
the Grad-CAM layer (stage 3, the port's ``grad_layer``) is 8x4x3. No BatchNorm: the port's frozen-BN
I* pass is not exercised. Weights come from a fixed seed, inputs too; nothing is downloaded.

Usage: /usr/bin/python3 make_gain_fixtures.py /path/to/GAIN-pytorch OUT_DIR
"""
import json
import os
import sys
import types

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

H, W = 32, 24
WIDTH = 2
K = 4
ALPHA = 1.0
OMEGA_E = 10.0


def import_reference(path):
    # models/*.py import utils.image.denorm (only for drawing), whose module needs albumentations;
    # a stub keeps that import from failing. Nothing of the step logic is replaced.
    utils = types.ModuleType("utils")
    image = types.ModuleType("utils.image")
    image.denorm = None
    utils.image = image
    sys.modules["utils"] = utils
    sys.modules["utils.image"] = image
    sys.path.insert(0, path)
    from models.batch_GAIN_VOC import batch_GAIN_VOC
    from models.batch_GAIN_VOC_mutilabel_singlebatch import batch_GAIN_VOC_multiheatmaps
    return batch_GAIN_VOC, batch_GAIN_VOC_multiheatmaps


class Head(nn.Module):
    def __init__(self, channels, conv):
        super().__init__()
        self.conv = nn.Conv2d(channels, channels, 3, padding=1) if conv else None
        self.fc = nn.Linear(channels, K)

    def forward(self, f):
        if self.conv is not None:
            f = F.relu(self.conv(f))
        return self.fc(f.mean(dim=(2, 3)))


class TinyVgg(nn.Module):
    """torchvision VGG-16 features[0:17] at width 2, then the head on stage 3."""

    def __init__(self, conv_head):
        super().__init__()
        layers, cin = [], 3
        for stage, n in enumerate([2, 2, 3]):
            c = WIDTH << stage
            for _ in range(n):
                layers += [nn.Conv2d(cin, c, 3, padding=1), nn.ReLU()]
                cin = c
            layers.append(nn.MaxPool2d(2, 2))
        self.features = nn.Sequential(*layers)
        self.head = Head(cin, conv_head)

    def forward(self, x):
        return self.head(self.features(x))

    def rescaled(self):
        """He-normal convs and a unit-scale classifier: PyTorch's default init at width 2 gives maps
        of ~1e-3 that are often all zero after the ReLU, which would test nothing."""
        for m in self.modules():
            if isinstance(m, nn.Conv2d):
                nn.init.kaiming_normal_(m.weight, nonlinearity="relu")
                nn.init.uniform_(m.bias, -0.1, 0.1)
            elif isinstance(m, nn.Linear):
                nn.init.normal_(m.weight, std=1.0)
                nn.init.uniform_(m.bias, -0.1, 0.1)
        return self


def check_maps(heatmaps):
    """Every Grad-CAM map must have a real range, or the fixture would not test the map."""
    for k, h in enumerate(heatmaps):
        lo, hi = float(h.min()), float(h.max())
        assert hi - lo > 0.05 and hi > 0.1, "degenerate Grad-CAM map %d: [%g, %g]" % (k, lo, hi)


def keep_clean_features(gain):
    """Fixes one bug of the port's per-class loop, as the paper has it. In
    batch_GAIN_VOC_mutilabel_singlebatch.py the I* forward of class k (:179) runs the forward hook
    again, so the map of class k + 1 (:156-159) is built from the features of the *erased* image
    I*_k rather than of I (paper eq. 1-2: A^c from the image's own features). The wrapper restores
    the hooked features after each I* forward; nothing else of the step changes."""
    frozen = gain.freezed_bn_model

    class Restoring(nn.Module):
        def __init__(self):
            super().__init__()
            self.inner = frozen

        def forward(self, x):
            clean = gain.feed_forward_features
            out = self.inner(x)
            gain.feed_forward_features = clean
            return out

    gain.freezed_bn_model = Restoring()


def normalised(heatmap):
    """The port's min-max scaling of the upsampled map (batch_GAIN_VOC.py:160-166)."""
    b = heatmap.shape[0]
    lo = heatmap.view(b, -1).min(dim=1)[0].view(-1, 1, 1, 1)
    hi = heatmap.view(b, -1).max(dim=1)[0].view(-1, 1, 1, 1)
    return (heatmap - lo) / (hi - lo + torch.tensor(sys.float_info.epsilon))


def save(out, name, t):
    """Collects float32 arrays (labels and class maps too) into the case's dict, written as .npz."""
    a = t.detach().cpu().numpy() if torch.is_tensor(t) else np.asarray(t)
    out[name] = a.astype(np.float32)


def save_weights(out, model):
    for name, p in model.named_parameters():
        save(out, "w." + name, p)


def save_grads(out, model):
    for name, p in model.named_parameters():
        save(out, "g." + name, p.grad if p.grad is not None else torch.zeros_like(p))


def single_label(ref_cls, out):
    torch.manual_seed(1)
    model = TinyVgg(conv_head=False).rescaled().train()
    gain = ref_cls(model, "features", "cpu", K, pretraining_epochs=0)
    images = torch.randn(3, 3, H, W)
    labels = torch.tensor([2, 0, 3])
    onehot = F.one_hot(labels, K).float()
    masks = torch.zeros(3, H, W)  # binary object masks (MedT style), every pixel valid
    masks[0, 4:20, 3:15] = 1
    masks[1, 10:30, 8:22] = 1
    masks[2, 0:12, 0:10] = 1

    model.zero_grad()
    logits_cl, logits_am, heatmap, masked_image, mask = gain(images, onehot)
    # main_GAIN_VOC.py:168-177: softmax scores of the image's labels on I*, / labels, / batch
    am_scores = F.softmax(logits_am, dim=1)
    am = sum(am_scores[k][labels[k]].sum() / 1 for k in range(3)) / 3
    cl = F.cross_entropy(logits_cl, labels)  # ours; the port: BCEWithLogits(logits, one-hot)
    total = cl + ALPHA * am
    check_maps(heatmap)
    scaled = normalised(heatmap)
    # main_MedT.py:351-355: per-image mean squared difference, averaged over labelled images
    sq = (scaled.squeeze(1) - masks).pow(2).view(3, -1)
    ext = (sq.sum(dim=1) / sq.size(1)).sum() / 3
    total_ext = total + OMEGA_E * ext

    save_weights(out, model)
    for n, t in [("images", images), ("labels", labels), ("masks", masks), ("logits_cl", logits_cl),
                 ("logits_am", logits_am), ("heatmap", heatmap.squeeze(1)), ("scaled", scaled.squeeze(1)),
                 ("soft_mask", mask.squeeze(1)), ("erased", masked_image), ("l_cl", cl), ("l_am", am),
                 ("l_cl_port_bce", F.binary_cross_entropy_with_logits(logits_cl, onehot)),
                 ("l_e", ext), ("total", total), ("total_ext", total_ext)]:
        save(out, n, t)
    model.zero_grad()
    total.backward(retain_graph=True)
    save_grads(out, model)
    model.zero_grad()
    total_ext.backward()
    for name, p in model.named_parameters():
        save(out, "gext." + name, p.grad)


def multi_label(ref_cls, out):
    torch.manual_seed(3)  # the first seed from 2 whose three class maps are all non-degenerate
    model = TinyVgg(conv_head=True).rescaled().train()
    gain = ref_cls(model, "features", "cpu", K, pretraining_epochs=0)
    keep_clean_features(gain)
    images = torch.randn(2, 3, H, W)
    targets = torch.tensor([[0., 1., 0., 1.], [1., 0., 0., 0.]])
    # VOC-style class maps: 0 background, c + 1 for class c, 255 void along the object borders
    maps = torch.zeros(2, H, W, dtype=torch.uint8)
    maps[0, 2:16, 2:12] = 255
    maps[0, 3:15, 3:11] = 2
    maps[0, 18:31, 10:23] = 255
    maps[0, 19:30, 11:22] = 4
    maps[1, 6:26, 4:20] = 255
    maps[1, 7:25, 5:19] = 1

    model.zero_grad()
    cls_terms, am_terms, ext_terms, pair_maps, pair_scaled, pair_masks, pair_erased = [], [], [], [], [], [], []
    logits_rows, am_logits = [], []
    for i in range(2):
        x = images[i:i + 1]
        t = targets[i:i + 1]
        logits_cl, logits_am, heatmaps, erased, soft = gain(x, t)
        labels = t[0].nonzero().view(-1).tolist()
        # main_VOC_multilabel_heatmaps_singlebatch.py:154-162
        cl = F.binary_cross_entropy_with_logits(logits_cl, t)
        am = sum(F.softmax(logits_am[k], dim=1).view(-1)[labels[k]] for k in range(len(labels))) / len(labels)
        cls_terms.append(cl)
        am_terms.append(am)
        logits_rows.append(logits_cl)
        for k, c in enumerate(labels):
            scaled = normalised(heatmaps[k]).view(H, W)
            valid = (maps[i] != 255).float()
            target = (maps[i] == c + 1).float()
            ext_terms.append(((scaled - target).pow(2) * valid).sum() / valid.sum())
            pair_maps.append(heatmaps[k].view(H, W))
            pair_scaled.append(scaled)
            pair_masks.append(soft[k].view(H, W))
            pair_erased.append(erased[k][0])
            am_logits.append(logits_am[k][0])
    check_maps(pair_maps)
    cl = sum(cls_terms) / 2
    am = sum(am_terms) / 2
    ext = sum(ext_terms) / len(ext_terms)
    total = cl + ALPHA * am
    total_ext = total + OMEGA_E * ext

    save_weights(out, model)
    for n, t in [("images", images), ("targets", targets), ("class_maps", maps.numpy().astype(np.uint8)),
                 ("logits_cl", torch.cat(logits_rows)), ("logits_am", torch.stack(am_logits)),
                 ("heatmap", torch.stack(pair_maps)), ("scaled", torch.stack(pair_scaled)),
                 ("soft_mask", torch.stack(pair_masks)), ("erased", torch.stack(pair_erased)),
                 ("l_cl", cl), ("l_am", am), ("l_e", ext), ("total", total), ("total_ext", total_ext)]:
        save(out, n, t)
    model.zero_grad()
    total.backward(retain_graph=True)
    save_grads(out, model)
    model.zero_grad()
    total_ext.backward()
    for name, p in model.named_parameters():
        save(out, "gext." + name, p.grad)


def main():
    ref, out = sys.argv[1], sys.argv[2]
    single_cls, multi_cls = import_reference(ref)
    os.makedirs(out, exist_ok=True)
    for sub, fn, cls in [("single", single_label, single_cls), ("multi", multi_label, multi_cls)]:
        arrays = {}
        fn(cls, arrays)
        np.savez_compressed(os.path.join(out, sub + ".npz"), **arrays)
    with open(os.path.join(out, "README.json"), "w") as f:
        json.dump({"generator": "fga-methods-gain/src/test/python/make_gain_fixtures.py",
                   "reference": "ilyak93/GAIN-pytorch", "torch": torch.__version__,
                   "height": H, "width": W, "vggWidth": WIDTH, "classes": K, "alpha": ALPHA,
                   "omegaE": OMEGA_E, "sigma": 0.5, "omega": 10}, f, indent=1)


if __name__ == "__main__":
    main()
