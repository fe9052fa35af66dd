"""Writes the fixture of BoxSamplerTest: PyTorch's grid_sample on an axis-aligned box grid.

The Java BoxSampler zooms into the box [cx - hx, cx + hx] x [cy - hy, cy + hy] (normalised
coordinates in [-1, 1], x along the width) by sampling an outH x outW grid at the box's pixel
centres, g_i = (2i + 1) / n - 1, bilinearly, with zeros outside the image: that is
grid_sample(mode='bilinear', padding_mode='zeros', align_corners=False) on the grid
grid[b, i, j] = (cx + hx * gx_j, cy + hy * gy_i). The fixture holds the inputs, the output and the
gradients of sum(out * weight) with respect to the image and to the four box parameters.

Run: /usr/bin/python3 make_grid_sample_fixture.py OUT.json   (torch from Debian, CPU, float64)
"""
import json
import sys

import torch
import torch.nn.functional as F


def box_grid(box, out_h, out_w):
    cx, cy, hx, hy = box.unbind(1)
    gy = (2 * torch.arange(out_h, dtype=box.dtype) + 1) / out_h - 1
    gx = (2 * torch.arange(out_w, dtype=box.dtype) + 1) / out_w - 1
    ys = cy[:, None] + hy[:, None] * gy[None, :]  # B x outH
    xs = cx[:, None] + hx[:, None] * gx[None, :]  # B x outW
    b = box.shape[0]
    return torch.stack(
        [xs[:, None, :].expand(b, out_h, out_w), ys[:, :, None].expand(b, out_h, out_w)], dim=-1)


def main(out_path):
    g = torch.Generator().manual_seed(1909)
    b, c, h, w = 3, 2, 5, 7          # H != W and outH != outW so a swapped axis cannot pass
    out_h, out_w = 4, 6
    image = torch.rand(b, c, h, w, generator=g, dtype=torch.float64).requires_grad_(True)
    box = torch.tensor([
        [0.10, -0.20, 0.50, 0.40],   # inside the image
        [-0.55, 0.35, 0.60, 0.80],   # crosses the left and bottom borders: zeros padding
        [0.23, 0.11, 0.37, 0.21],    # small zoom, non-integer taps everywhere
    ], dtype=torch.float64, requires_grad=True)
    weight = torch.rand(b, c, out_h, out_w, generator=g, dtype=torch.float64)
    out = F.grid_sample(image, box_grid(box, out_h, out_w), mode="bilinear",
                        padding_mode="zeros", align_corners=False)
    (out * weight).sum().backward()
    flat = lambda t: [float(v) for v in t.detach().reshape(-1).tolist()]
    fixture = {
        "generator": "make_grid_sample_fixture.py, torch " + torch.__version__,
        "alignCorners": False,
        "paddingMode": "zeros",
        "imageShape": [b, c, h, w],
        "outSize": [out_h, out_w],
        "image": flat(image),
        "box": flat(box),
        "weight": flat(weight),
        "output": flat(out),
        "gradImage": flat(image.grad),
        "gradBox": flat(box.grad),
    }
    with open(out_path, "w") as f:
        json.dump(fixture, f, indent=1)


if __name__ == "__main__":
    main(sys.argv[1])
