#!/usr/bin/env python3
"""Global-threshold fixture for Tests/LacunaSegmentationTests (anchors.md §4.3).

Reads the §4.3 image pair that scripts/make_threshold_fixture.py wrote
(Tests/LacunaSegmentationTests/Fixtures/otsu_16bit.png and otsu_8bit.png: 256 x 256,
numpy default_rng(0), Bernoulli(0.3) mask, N(9000, 1500) / N(30000, 4000), uint16, 8-bit copy
round(v / 257)), checks that it is bit-identical to a fresh regeneration, and records for both
depths every global threshold scikit-image has:

  threshold_otsu, threshold_li, threshold_triangle, threshold_yen, threshold_isodata,
  threshold_mean, threshold_minimum

each as the returned value, the integer cut floor(value) and the number of pixels > value,
or the RuntimeError message (threshold_minimum on the 16-bit image never finds two maxima).
(skimage has no Huang, MaxEntropy, Intermodes, Moments or Percentile; Lacuna's versions of
those are checked by hand-computed cases in the tests.)

Writes Tests/LacunaSegmentationTests/Fixtures/global_thresholds.json.
Run: python3 scripts/make_global_threshold_fixture.py   (numpy, scikit-image 0.26, opencv)
"""
import json
import math
import pathlib

import cv2
import numpy as np
import skimage
from skimage import filters

FIXTURES = pathlib.Path(__file__).resolve().parent.parent / "Tests/LacunaSegmentationTests/Fixtures"
SIZE = 256

rng = np.random.default_rng(0)
dark = rng.random((SIZE, SIZE)) < 0.3
low = rng.normal(9000, 1500, (SIZE, SIZE))
high = rng.normal(30000, 4000, (SIZE, SIZE))
fresh16 = np.clip(np.where(dark, low, high), 0, 65535).astype(np.uint16)
fresh8 = np.round(fresh16 / 257).astype(np.uint8)

image16 = cv2.imread(str(FIXTURES / "otsu_16bit.png"), cv2.IMREAD_UNCHANGED)
image8 = cv2.imread(str(FIXTURES / "otsu_8bit.png"), cv2.IMREAD_UNCHANGED)
assert np.array_equal(image16, fresh16), "otsu_16bit.png differs from the regenerated image"
assert np.array_equal(image8, fresh8), "otsu_8bit.png differs from the regenerated image"

METHODS = {
    "otsu": filters.threshold_otsu,
    "li": filters.threshold_li,
    "triangle": filters.threshold_triangle,
    "yen": filters.threshold_yen,
    "isodata": filters.threshold_isodata,
    "mean": filters.threshold_mean,
    "minimum": filters.threshold_minimum,
}


def record(image):
    methods = {}
    for name, function in METHODS.items():
        try:
            value = float(function(image))
        except RuntimeError as error:  # threshold_minimum: "Unable to find two maxima"
            methods[name] = {"error": str(error)}
            continue
        methods[name] = {
            "value": value,
            "level": int(math.floor(value)),
            "pixels_above": int((image > value).sum()),
        }
    return {"min": int(image.min()), "max": int(image.max()), "methods": methods}


reference = {
    "generator": "scripts/make_global_threshold_fixture.py",
    "skimage_version": skimage.__version__,
    "numpy_version": np.__version__,
    "width": SIZE,
    "height": SIZE,
    "bits16": record(image16),
    "bits8": record(image8),
}

# anchors.md §4.3, skimage columns.
assert reference["bits16"]["methods"]["otsu"]["level"] == 19578
assert abs(reference["bits16"]["methods"]["li"]["value"] - 16953.2) < 0.05
assert reference["bits16"]["methods"]["triangle"]["level"] == 8808
assert reference["bits16"]["methods"]["isodata"]["level"] == 19587
assert reference["bits8"]["methods"]["otsu"]["level"] == 76
assert abs(reference["bits8"]["methods"]["li"]["value"] - 65.97) < 0.005
assert reference["bits8"]["methods"]["triangle"]["level"] == 52
assert reference["bits8"]["methods"]["isodata"]["level"] == 76

(FIXTURES / "global_thresholds.json").write_text(json.dumps(reference, indent=2, sort_keys=True) + "\n")
print(json.dumps(reference, indent=2, sort_keys=True))
