"""The whole single-image job of issue 8 in OpenCV and in scikit-image: decode, blur (σ 1), Otsu,
opening (disc r 1), fill holes, labelling with statistics, contour perimeters, distance
transform, watershed cells, CSV tables (pores, cells, image) and an overlay PNG."""
import csv
import os

import cv2
import numpy as np
import tifffile  # noqa: F401  (imported by the stage modules; kept for identical import cost)
from scipy import ndimage
from skimage import filters, io, measure

from . import opencv_stages as ocv
from . import skimage_stages as sk


def _write_tables(out: str, pores: list[tuple], cell_areas: np.ndarray, image_row: dict) -> None:
    with open(os.path.join(out, "pores.csv"), "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["label", "area_um2", "centroid_x_um", "centroid_y_um", "perimeter_um", "touches_border"])
        w.writerows(pores)
    with open(os.path.join(out, "cells.csv"), "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["cell", "area_px"])
        w.writerows((k, int(a)) for k, a in enumerate(cell_areas) if k > 0)
    with open(os.path.join(out, "images.csv"), "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(image_row))
        w.writeheader()
        w.writerow(image_row)


def opencv_job(png: str, out: str, pixel_um: float) -> None:
    os.makedirs(out, exist_ok=True)
    grey = cv2.imread(png, cv2.IMREAD_UNCHANGED)
    blurred = cv2.GaussianBlur(grey, (0, 0), 1.0)
    level, mask = ocv.threshold(blurred)
    mask = cv2.morphologyEx(mask, cv2.MORPH_OPEN, ocv.CROSS)
    filled = ocv.fill_holes(mask)
    n, labels, stats, centroids = cv2.connectedComponentsWithStats(filled, connectivity=8, ltype=cv2.CV_32S)
    perimeter = np.zeros(n)
    for c in ocv.contours(filled):
        perimeter[labels[c[0, 0, 1], c[0, 0, 0]]] = cv2.arcLength(c, True)
    distance = cv2.distanceTransform(filled, cv2.DIST_L2, cv2.DIST_MASK_PRECISE)
    cells = ocv.skiz(labels)
    h, w = grey.shape
    x, y, bw, bh, area = (stats[:, i] for i in range(5))
    border = (x == 0) | (y == 0) | (x + bw == w) | (y + bh == h)
    pores = [(k, area[k] * pixel_um**2, centroids[k, 0] * pixel_um, centroids[k, 1] * pixel_um,
              perimeter[k] * pixel_um, bool(border[k])) for k in range(1, n)]
    _write_tables(out, pores, np.bincount(cells[cells > 0].ravel(), minlength=n), {
        "image": os.path.basename(png), "threshold": level, "pores": n - 1,
        "porosity": float(area[1:].sum()) / (w * h), "max_inscribed_radius_um": float(distance.max()) * pixel_um})
    rgb = cv2.cvtColor(grey, cv2.COLOR_GRAY2BGR)
    cv2.drawContours(rgb, ocv.contours(filled), -1, ocv.OUTLINE, 1)
    cv2.imwrite(os.path.join(out, "overlay.png"), rgb, [cv2.IMWRITE_PNG_COMPRESSION, ocv.PNG_LEVEL])


def skimage_job(png: str, out: str, pixel_um: float) -> None:
    os.makedirs(out, exist_ok=True)
    grey = io.imread(png)
    blurred = filters.gaussian(grey, sigma=1.0, preserve_range=True)
    level = filters.threshold_otsu(blurred)
    filled = ndimage.binary_fill_holes(sk.opening(blurred <= level))
    labels = measure.label(filled, connectivity=2)
    props = measure.regionprops_table(labels, properties=("label", "area", "centroid", "bbox", "perimeter"))
    distance = ndimage.distance_transform_edt(filled)
    cells = sk.skiz(labels)
    h, w = grey.shape
    border = (props["bbox-0"] == 0) | (props["bbox-1"] == 0) | (props["bbox-2"] == h) | (props["bbox-3"] == w)
    pores = [(int(props["label"][i]), props["area"][i] * pixel_um**2, props["centroid-1"][i] * pixel_um,
              props["centroid-0"][i] * pixel_um, props["perimeter"][i] * pixel_um, bool(border[i]))
             for i in range(len(props["label"]))]
    _write_tables(out, pores, np.bincount(cells.ravel()), {
        "image": os.path.basename(png), "threshold": level, "pores": len(pores),
        "porosity": float(filled.mean()), "max_inscribed_radius_um": float(distance.max()) * pixel_um})
    sk.overlay_png(grey, labels, os.path.join(out, "overlay.png"))


JOBS = {"opencv": opencv_job, "skimage": skimage_job}
