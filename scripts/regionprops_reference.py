#!/usr/bin/env python3
"""Reference values for Tests/LacunaMeasureTests (anchors.md §4.2 and §4.4).

Builds the §4.2 masks on a 120 x 120 grid with pixel (x, y) at integer indices, centre (60, 60):
  square10       10 x 10 block, x and y in 55..64
  disk_r5/r20    (x-60)^2 + (y-60)^2 <= r^2
  ellipse_30x15  ((x-60)/30)^2 + ((y-60)/15)^2 <= 1
  hexagon_R25    integer points inside or on a regular hexagon, circumradius 25, vertex at 0°
  pentagon_R25   the same for a pentagon with a vertex at 90° (y down; the mask is symmetric
                 about x = 60, so the sign of y does not change area or perimeter)
  ring_10_20     10 < rho <= 20
and prints scikit-image's regionprops area, perimeter and equivalent radius sqrt(area/pi),
asserting the numbers printed in anchors.md. Polygon membership is tested with inclusive
half-planes and, independently, with skimage.draw.polygon; the script fails if they differ.

It also prints the perimeter of three small hand cases (a 1 x 2 domino, a 1 x 3 bar and a
3-pixel diagonal) that the Swift tests derive by hand.

Run: python3 scripts/regionprops_reference.py   (numpy, scikit-image 0.26)
"""
import math

import numpy as np
from skimage.draw import polygon as draw_polygon
from skimage.measure import regionprops

N = 120
ys, xs = np.mgrid[0:N, 0:N]


def polygon_vertices(sides, start_degrees, radius=25.0, cx=60.0, cy=60.0):
    angles = np.deg2rad(start_degrees + 360.0 / sides * np.arange(sides))
    return cx + radius * np.cos(angles), cy + radius * np.sin(angles)


def inside_polygon(vx, vy):
    crosses = np.array([(vx[(i + 1) % len(vx)] - vx[i]) * (ys - vy[i])
                        - (vy[(i + 1) % len(vx)] - vy[i]) * (xs - vx[i]) for i in range(len(vx))])
    return np.all(crosses >= 0, axis=0) | np.all(crosses <= 0, axis=0)


def polygon_mask(sides, start_degrees):
    vx, vy = polygon_vertices(sides, start_degrees)
    mask = inside_polygon(vx, vy)
    rows, cols = draw_polygon(vy, vx, (N, N))
    drawn = np.zeros((N, N), bool)
    drawn[rows, cols] = True
    assert np.array_equal(mask, drawn), f"{sides}-gon: half-plane and skimage.draw masks differ"
    return mask


rho2 = (xs - 60) ** 2 + (ys - 60) ** 2
masks = {
    "square10": (xs >= 55) & (xs < 65) & (ys >= 55) & (ys < 65),
    "disk_r5": rho2 <= 25,
    "disk_r20": rho2 <= 400,
    "ellipse_30x15": ((xs - 60) / 30) ** 2 + ((ys - 60) / 15) ** 2 <= 1,
    "hexagon_R25": polygon_mask(6, 0),
    "pentagon_R25": polygon_mask(5, 90),
    "ring_10_20": (rho2 > 100) & (rho2 <= 400),
}

# anchors.md: (area, perimeter) from §4.2, r_eq from §4.4.
anchors = {
    "square10": (100, 36.0000, None),
    "disk_r5": (81, 32.9706, None),
    "disk_r20": (1257, 131.8823, 20.003),
    "ellipse_30x15": (1407, 151.8823, 21.163),
    "hexagon_R25": (1617, 153.5391, 22.687),
    "pentagon_R25": (1496, 151.5391, 21.822),
    "ring_10_20": (940, 203.4802, None),
}

print(f"{'mask':15} {'area':>5} {'perimeter':>18} {'r_eq':>18}")
for name, mask in masks.items():
    props = regionprops(mask.astype(np.uint8))[0]
    area, perimeter = int(props.area), float(props.perimeter)
    r_eq = math.sqrt(area / math.pi)
    print(f"{name:15} {area:5d} {perimeter:18.12f} {r_eq:18.12f}")
    ref_area, ref_perimeter, ref_r = anchors[name]
    assert area == ref_area, (name, area)
    assert round(perimeter, 4) == ref_perimeter, (name, perimeter)
    assert ref_r is None or round(r_eq, 3) == ref_r, (name, r_eq)

hand = {
    "domino_1x2": [[1, 1]],
    "bar_1x3": [[1, 1, 1]],
    "diagonal_3": [[1, 0, 0], [0, 1, 0], [0, 0, 1]],
}
for name, rows in hand.items():
    props = regionprops(np.pad(np.array(rows, np.uint8), 2))[0]
    print(f"{name:15} {int(props.area):5d} {float(props.perimeter):18.12f}")
