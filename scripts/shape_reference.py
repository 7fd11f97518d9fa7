#!/usr/bin/env python3
"""Reference values for Tests/LacunaMeasureTests/ShapeReferenceTests.swift (anchors.md §4.2, §4.4).

Builds the §4.2 masks exactly as scripts/regionprops_reference.py does, plus an asymmetric
L-shaped polygon, and prints at full precision:
  scikit-image 0.26 regionprops: perimeter_crofton, area_convex, solidity, axis_major_length,
    axis_minor_length, eccentricity, orientation, feret_diameter_max;
  r_in = max of scipy.ndimage.distance_transform_edt;
  LT = mean over the mask of PoreSpy's local_thickness (method 'bf', integer radii, smooth=True),
    re-implemented here by brute-force disk insertion because PoreSpy is not installed:
    for r = floor(max EDT) .. 1, every pixel within distance < r of a pixel with EDT >= r that
    has no value yet gets r (porespy/filters/_lt_methods.py, local_thickness_bf).
It asserts the 3-4 decimal numbers printed in anchors.md.

Run: python3 scripts/shape_reference.py   (numpy, scipy 1.17, scikit-image 0.26)
"""
import math

import numpy as np
from scipy import ndimage as ndi
from skimage.measure import regionprops

N = 120
ys, xs = np.mgrid[0:N, 0:N]


def polygon_mask(sides, start_degrees, radius=25.0, cx=60.0, cy=60.0):
    angles = np.deg2rad(start_degrees + 360.0 / sides * np.arange(sides))
    vx, vy = cx + radius * np.cos(angles), cy + radius * np.sin(angles)
    crosses = np.array([(vx[(i + 1) % sides] - vx[i]) * (ys - vy[i])
                        - (vy[(i + 1) % sides] - vy[i]) * (xs - vx[i]) for i in range(sides)])
    return np.all(crosses >= 0, axis=0) | np.all(crosses <= 0, axis=0)


rho2 = (xs - 60) ** 2 + (ys - 60) ** 2
masks = {
    "pixel": (xs == 60) & (ys == 60),
    "square10": (xs >= 55) & (xs < 65) & (ys >= 55) & (ys < 65),
    "disk_r5": rho2 <= 25,
    "disk_r20": rho2 <= 400,
    "ellipse_30x15": ((xs - 60) / 30) ** 2 + ((ys - 60) / 15) ** 2 <= 1,
    "hexagon_R25": polygon_mask(6, 0),
    "pentagon_R25": polygon_mask(5, 90),
    # anchors.md §4.2 "Holes inside an object": 10 < rho <= 20.
    "ring_10_20": (rho2 > 100) & (rho2 <= 400),
    # Asymmetric: a 30 x 8 bar (x 40..69, y 50..57) with a 8 x 20 leg (x 40..47, y 58..77).
    "lshape": ((xs >= 40) & (xs < 70) & (ys >= 50) & (ys < 58)) | ((xs >= 40) & (xs < 48) & (ys >= 58) & (ys < 78)),
}

# anchors.md §4.2 (scikit-image table) and §4.4: crofton, area_convex, solidity, major, minor,
# eccentricity, feret_max, r_in, LT.
anchors = {
    "pixel": (2.6815, 1, 1.0, 0, 0, 0, 1.0, None, None),
    "square10": (36.8117, 100, 1.0, 11.4891, 11.4891, 0, 13.4536, None, None),
    "disk_r5": (33.9396, 89, 0.9101, 10.1932, 10.1932, 0, 11.1803, None, None),
    "disk_r20": (127.7137, 1305, 0.9632, 40.0089, 40.0089, 0, 41.4367, 20.025, 19.914),
    "ellipse_30x15": (146.6749, 1463, 0.9617, 60.1540, 29.7840, 0.8688, 61.0328, 15.033, 14.339),
    "hexagon_R25": (148.2457, 1653, 0.9782, 45.7426, 45.3542, 0.1300, 51.0000, 21.932, 20.347),
    "pentagon_R25": (146.3496, 1538, 0.9727, 44.2660, 43.7851, 0.1470, 48.0833, 20.248, 18.844),
}


def local_thickness_mean(mask):
    dt = ndi.distance_transform_edt(mask)
    lt = np.zeros(mask.shape)
    for r in range(int(np.floor(dt[mask].max())), 0, -1):
        for py, px in zip(*np.nonzero((dt >= r) & mask)):
            disk = (ys - py) ** 2 + (xs - px) ** 2 < r * r
            lt[disk & (lt == 0)] = r
    return lt[mask].mean(), dt.max()


print(f"{'mask':14} {'crofton':>18} {'convex':>6} {'solidity':>16} {'major':>18} {'minor':>18} "
      f"{'eccentricity':>16} {'orientation':>18} {'feret_max':>18} {'r_in':>16} {'LT':>16}")
for name, mask in masks.items():
    p = regionprops(mask.astype(np.uint8))[0]
    lt, r_in = local_thickness_mean(mask) if mask.sum() > 1 else (1.0, 1.0)
    values = (p.perimeter_crofton, int(p.area_convex), p.solidity, p.axis_major_length,
              p.axis_minor_length, p.eccentricity, p.orientation, p.feret_diameter_max, r_in, lt)
    print(f"{name:14} {values[0]:18.12f} {values[1]:6d} {values[2]:16.12f} {values[3]:18.12f} "
          f"{values[4]:18.12f} {values[5]:16.12f} {values[6]:18.12f} {values[7]:18.12f} "
          f"{values[8]:16.12f} {values[9]:16.12f}")
    if name in anchors:
        a = anchors[name]
        got = (values[0], values[1], values[2], values[3], values[4], values[5], values[7], r_in, lt)
        for want, have in zip(a, got):
            if want is not None:
                places = 3 if want in (a[7], a[8]) else 4
                assert abs(want - have) <= 0.5 * 10 ** -places + 1e-12, (name, want, have)
print("all anchors.md values reproduced")
