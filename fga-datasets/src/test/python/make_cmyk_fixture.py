#!/usr/bin/env python3
"""Writes a small CMYK JPEG and what PIL's convert("RGB") makes of it, for ImageFilesTest.

Run with Debian's python3-pil:  /usr/bin/python3 make_cmyk_fixture.py OUT_DIR
"""
import json
import sys

import numpy as np
from PIL import Image

rgb = np.random.default_rng(0).integers(0, 256, (12, 10, 3)).astype("uint8")
Image.fromarray(rgb, "RGB").convert("CMYK").save(sys.argv[1] + "/cmyk.jpg", quality=95)
back = Image.open(sys.argv[1] + "/cmyk.jpg")
assert back.mode == "CMYK"
json.dump(np.asarray(back.convert("RGB")).tolist(), open(sys.argv[1] + "/cmyk_as_rgb_by_pil.json", "w"))
