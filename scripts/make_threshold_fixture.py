#!/usr/bin/env python3
"""Threshold fixture for Tests/LacunaSegmentationTests (anchors.md §4.3).

Regenerates the seeded two-phase image of ../shared/reference/anchors.md §4.3 and records
scikit-image's Otsu threshold on it:

  * 256 x 256, numpy.random.default_rng(0);
  * a Bernoulli(0.3) mask is drawn first (rng.random < 0.3), then N(9000, 1500) and
    N(30000, 4000) for every pixel, in that order; the mask picks the dark sample;
  * clipped to [0, 65535] and cast to uint16 (truncation; rounding gives the same thresholds);
  * 8-bit copy = round(v / 257).

Writes into Tests/LacunaSegmentationTests/Fixtures:
  otsu_16bit.png, otsu_8bit.png  one-channel greyscale PNGs (16- and 8-bit),
  otsu_reference.json            for both images: skimage.filters.threshold_otsu, and the Otsu
                                 level computed in exact rational arithmetic (one bin per
                                 integer, classes v <= t and v > t, lowest level on ties), each
                                 with the number and fraction of pixels strictly above it.

The script fails if it does not reproduce the §4.3 numbers (19578 / 0.69817, 76 / 0.69798).

Why two thresholds: skimage 0.26 casts the histogram to float32 (_validate_image_histogram),
so the class-weight product weight1[:-1] * weight2[1:] (~9e8 here, above 2**24) is rounded to
float32. On the 16-bit image that rounding (relative ~6e-8) exceeds the gap between the
between-class variances at 19578 and at the true maximum 19581 (relative ~4.5e-8), so skimage
reports 19578; exact arithmetic gives 19581 (one more pixel, at 19581, goes to the low
class). On the 8-bit image both give 76.

Run: python3 scripts/make_threshold_fixture.py   (numpy, scikit-image 0.26, opencv)
"""
import json
import pathlib
from fractions import Fraction

import cv2
import numpy as np
import skimage
from skimage.filters import threshold_otsu

OUT = pathlib.Path(__file__).resolve().parent.parent / "Tests/LacunaSegmentationTests/Fixtures"
SIZE = 256

rng = np.random.default_rng(0)
dark = rng.random((SIZE, SIZE)) < 0.3
low = rng.normal(9000, 1500, (SIZE, SIZE))
high = rng.normal(30000, 4000, (SIZE, SIZE))
image16 = np.clip(np.where(dark, low, high), 0, 65535).astype(np.uint16)
image8 = np.round(image16 / 257).astype(np.uint8)

OUT.mkdir(parents=True, exist_ok=True)
for name, image in (("otsu_16bit.png", image16), ("otsu_8bit.png", image8)):
    path = OUT / name
    cv2.imwrite(str(path), image)
    back = cv2.imread(str(path), cv2.IMREAD_UNCHANGED)
    assert back.dtype == image.dtype and np.array_equal(back, image), f"{name} does not round-trip"


def exact_otsu(image):
    """Lowest t in [min, max - 1] maximising n0*n1*(mu0 - mu1)**2, in exact rationals."""
    counts = np.bincount(image.ravel()).tolist()
    first, last = int(image.min()), int(image.max())
    total_n = sum(counts[first:last + 1])
    total_s = sum(v * counts[v] for v in range(first, last + 1))
    n0 = s0 = 0
    best, level = Fraction(-1), first
    for t in range(first, last):
        n0 += counts[t]
        s0 += t * counts[t]
        n1 = total_n - n0
        if n0 == 0 or n1 == 0:
            continue
        # n0*n1*(s0/n0 - s1/n1)**2 == (n1*s0 - n0*s1)**2 / (n0*n1)
        variance = Fraction((n1 * s0 - n0 * (total_s - s0)) ** 2, n0 * n1)
        if variance > best:
            best, level = variance, t
    return level


def record(image):
    entry = {"min": int(image.min()), "max": int(image.max())}
    for name, t in (("skimage", int(threshold_otsu(image))), ("exact", exact_otsu(image))):
        above = int((image > t).sum())
        entry[f"{name}_threshold"] = t
        entry[f"{name}_pixels_above"] = above
        entry[f"{name}_fraction_above"] = above / image.size
    return entry


reference = {
    "generator": "scripts/make_threshold_fixture.py",
    "skimage_version": skimage.__version__,
    "numpy_version": np.__version__,
    "width": SIZE,
    "height": SIZE,
    "otsu_16bit": record(image16),
    "otsu_8bit": record(image8),
}

# anchors.md §4.3, printed to five decimals.
assert reference["otsu_16bit"]["skimage_threshold"] == 19578, reference["otsu_16bit"]
assert round(reference["otsu_16bit"]["skimage_fraction_above"], 5) == 0.69817, reference["otsu_16bit"]
assert reference["otsu_8bit"]["skimage_threshold"] == 76, reference["otsu_8bit"]
assert round(reference["otsu_8bit"]["skimage_fraction_above"], 5) == 0.69798, reference["otsu_8bit"]

(OUT / "otsu_reference.json").write_text(json.dumps(reference, indent=2, sort_keys=True) + "\n")
print(json.dumps(reference, indent=2, sort_keys=True))
