#!/usr/bin/env python3
"""Writes the PIL resize fixture for ResizeInterpolationTest: a small random RGB image resized by
PIL (Image.resize, as torchvision's Resize does on PIL images) with each filter, up and down.

Run with Debian's python3-pil:  /usr/bin/python3 make_pil_resize_fixture.py OUT_DIR
Output: pil_resize.json, {"input": HxWx3 uint8 list, "cases": [{filter, height, width, output}]}.
"""
import json
import sys

import numpy as np
from PIL import Image

rng = np.random.default_rng(20261130)
src = rng.integers(0, 256, size=(9, 13, 3), dtype=np.uint8)
img = Image.fromarray(src, "RGB")
cases = []
for name, flt in [("bilinear", Image.BILINEAR), ("bicubic", Image.BICUBIC), ("nearest", Image.NEAREST)]:
    for h, w in [(5, 4), (17, 23), (9, 7)]:
        out = np.asarray(img.resize((w, h), flt))
        cases.append({"filter": name, "height": h, "width": w, "output": out.tolist()})
json.dump({"input": src.tolist(), "cases": cases}, open(sys.argv[1] + "/pil_resize.json", "w"))
