#!/usr/bin/env python3
"""Median-filter fixture for Tests/LacunaSegmentationTests.

Reads the 40 x 30 uint8 image of Fixtures/local_thresholds.json (scripts/
make_local_threshold_fixture.py) and records scipy.ndimage.median_filter on it (mode
'reflect', SciPy's: the edge sample repeated) with the footprints skimage.morphology.disk(2),
disk(1) and footprint_rectangle((3, 3)) (a 3 x 3 square).

Writes Tests/LacunaSegmentationTests/Fixtures/median_filter.json.
Run: python3 scripts/make_filter_fixture.py   (numpy, scipy, scikit-image 0.26)
"""
import json
import pathlib

import numpy as np
import scipy
from scipy import ndimage
from skimage.morphology import disk

FIXTURES = pathlib.Path(__file__).resolve().parent.parent / "Tests/LacunaSegmentationTests/Fixtures"
source = json.loads((FIXTURES / "local_thresholds.json").read_text())
image = np.array(source["image"], dtype=np.uint8).reshape(source["height"], source["width"])

cases = []
for footprint_name, radius, footprint in (("disk", 2, disk(2)), ("disk", 1, disk(1)),
                                          ("square", 1, np.ones((3, 3), dtype=bool))):
    filtered = ndimage.median_filter(image, footprint=footprint, mode="reflect")
    cases.append({"footprint": footprint_name, "radius": radius, "result": [int(v) for v in filtered.ravel()]})

reference = {"generator": "scripts/make_filter_fixture.py", "scipy_version": scipy.__version__,
             "width": source["width"], "height": source["height"], "cases": cases}
(FIXTURES / "median_filter.json").write_text(json.dumps(reference, sort_keys=True) + "\n")
print(f"{len(cases)} cases written")
