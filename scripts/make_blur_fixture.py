#!/usr/bin/env python3
"""Gaussian-blur fixture for Tests/LacunaSegmentationTests.

SciPy's gaussian_filter with mode='reflect' (d c b a | a b c d) and truncate=4.0 is the
reference for LacunaSegmentation.gaussianBlur. The inputs are seeded random 8-bit images;
the filter runs on float64 copies, so the reference is unrounded, and both the exact value
(to 4 decimals) and the nearest integer (numpy.rint) are stored.

Cases:
  * a 40 x 30 image at sigma 0.8, 1.5 and 3.0;
  * a 9 x 6 image at sigma 4.0, whose kernel (radius 16) is longer than both sides, so the
    mirrored border is reflected more than once.

Writes Tests/LacunaSegmentationTests/Fixtures/gaussian_blur.json (pixels row-major, y then x).

Run: python3 scripts/make_blur_fixture.py   (numpy, scipy)
"""
import json
import pathlib

import numpy as np
import scipy
from scipy.ndimage import gaussian_filter

OUT = pathlib.Path(__file__).resolve().parent.parent / "Tests/LacunaSegmentationTests/Fixtures"

rng = np.random.default_rng(20240611)
cases = []
for (width, height), sigmas in (((40, 30), (0.8, 1.5, 3.0)), ((9, 6), (4.0,))):
    image = rng.integers(0, 256, size=(height, width), dtype=np.uint8)
    for sigma in sigmas:
        blurred = gaussian_filter(image.astype(np.float64), sigma=sigma, mode="reflect", truncate=4.0)
        cases.append({
            "width": width,
            "height": height,
            "sigma": sigma,
            "input": image.ravel().tolist(),
            "expected": [round(float(v), 4) for v in blurred.ravel()],
            "expected_rounded": np.rint(blurred).astype(int).ravel().tolist(),
        })

reference = {"generator": "scripts/make_blur_fixture.py", "scipy_version": scipy.__version__,
             "mode": "reflect", "truncate": 4.0, "cases": cases}
OUT.mkdir(parents=True, exist_ok=True)
(OUT / "gaussian_blur.json").write_text(json.dumps(reference, sort_keys=True) + "\n")
print(f"{len(cases)} cases written to {OUT / 'gaussian_blur.json'}")
