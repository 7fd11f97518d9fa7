#!/usr/bin/env python3
"""Local-threshold fixture for Tests/LacunaSegmentationTests.

A small seeded image (numpy default_rng(4), 40 columns x 30 rows: a bright framework near 170
with dark discs near 60, Gaussian noise sd 20, clipped to uint8; plus a uint16 copy = v * 257)
and scikit-image 0.26's local threshold surfaces on it:

  threshold_niblack(image, window_size, k)   T = m - k*s
  threshold_sauvola(image, window_size, k)   T = m * (1 + k*(s/R - 1)), R = half the dtype range

m and s are the mean and population standard deviation over the window_size x window_size
window, the image padded with numpy mode 'reflect' (d c b | a b c d ...). Cases include a
window larger than the image (repeated reflection).

Writes Tests/LacunaSegmentationTests/Fixtures/local_thresholds.json with the image samples
(row-major) and each surface to 9 decimals.
Run: python3 scripts/make_local_threshold_fixture.py   (numpy, scikit-image 0.26)
"""
import json
import pathlib

import numpy as np
import skimage
from skimage.filters import threshold_niblack, threshold_sauvola

OUT = pathlib.Path(__file__).resolve().parent.parent / "Tests/LacunaSegmentationTests/Fixtures"
W, H = 40, 30

rng = np.random.default_rng(4)
yy, xx = np.mgrid[0:H, 0:W]
base = np.full((H, W), 170.0)
for cx, cy, r in ((10, 8, 5), (28, 12, 7), (15, 22, 4), (33, 25, 3)):
    base[(xx - cx) ** 2 + (yy - cy) ** 2 <= r * r] = 60.0
base += 30.0 * xx / W  # an illumination gradient
image8 = np.clip(np.rint(base + rng.normal(0, 20, (H, W))), 0, 255).astype(np.uint8)
image16 = image8.astype(np.uint16) * 257

cases = []
for depth, image in ((8, image8), (16, image16)):
    for method, function in (("niblack", threshold_niblack), ("sauvola", threshold_sauvola)):
        for window, k in ((15, 0.2), (7, 0.5), (51, 0.2), (3, -0.2)):
            if depth == 16 and window != 15:
                continue
            surface = function(image, window_size=window, k=k)
            cases.append({
                "bits": depth,
                "method": method,
                "window": window,
                "k": k,
                "surface": [round(float(v), 9) for v in surface.ravel()],
            })

reference = {
    "generator": "scripts/make_local_threshold_fixture.py",
    "skimage_version": skimage.__version__,
    "numpy_version": np.__version__,
    "width": W,
    "height": H,
    "image": [int(v) for v in image8.ravel()],
    "cases": cases,
}
(OUT / "local_thresholds.json").write_text(json.dumps(reference, sort_keys=True) + "\n")
print(f"{len(cases)} cases written")
