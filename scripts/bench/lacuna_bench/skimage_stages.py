"""Each stage in scikit-image (with SciPy's ndimage where scikit-image calls it, and tifffile)."""
import os
import tempfile
import warnings

import imageio.v3 as iio
import numpy as np
import tifffile
from scipy import ndimage
from skimage import filters, io, measure, morphology, segmentation

from .fixture import Fixture

DISK1 = morphology.disk(1)
PNG_LEVEL = 1  # zlib level of Lacuna's overlays (Pillow's compress_level)
SHAPES = ("perimeter", "perimeter_crofton", "solidity", "axis_major_length", "axis_minor_length",
          "feret_diameter_max")


def opening(mask: np.ndarray) -> np.ndarray:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if hasattr(morphology, "binary_opening"):
            return morphology.binary_opening(mask, DISK1)
        return morphology.opening(mask, DISK1)


def label_stats(filled: np.ndarray):
    labels = measure.label(filled, connectivity=2)
    return measure.regionprops_table(labels, properties=("area", "centroid", "bbox"))


def skiz(labels: np.ndarray) -> np.ndarray:
    """Cells: watershed of the framework's exact distance map from the pores (influence zones)."""
    return segmentation.watershed(ndimage.distance_transform_edt(labels == 0), markers=labels)


def overlay_png(grey: np.ndarray, labels: np.ndarray, path: str) -> None:
    rgb = np.dstack([grey] * 3)
    rgb[segmentation.find_boundaries(labels, mode="inner")] = (0, 230, 255)
    iio.imwrite(path, rgb, compress_level=PNG_LEVEL)  # what skimage.io.imsave calls, without its deprecated plugin kwargs


def stage(name: str, f: Fixture, scratch: str):
    out = os.path.join(scratch, "skimage-overlay.png")
    table = {
        "copy": lambda: np.copy(f.grey),
        "decode-png": lambda: io.imread(f.path("png")),
        "decode-jpeg": lambda: io.imread(f.path("jpg")),
        "decode-tiff": lambda: tifffile.imread(f.path("tif")),
        "blur": lambda: filters.gaussian(f.grey, sigma=2.0, preserve_range=True),
        "threshold": lambda: f.blurred <= filters.threshold_otsu(f.blurred),
        "opening": lambda: opening(f.mask_bool),
        "fill-holes": lambda: ndimage.binary_fill_holes(f.mask_bool),
        "label-stats": lambda: label_stats(f.filled_bool),
        "regions": lambda: measure.regionprops_table(f.labels, properties=("area", "perimeter")),
        "shapes": lambda: measure.regionprops_table(f.labels, properties=SHAPES),
        "distance": lambda: ndimage.distance_transform_edt(f.filled_bool),
        "watershed": lambda: segmentation.watershed(f.blurred, markers=f.labels),
        "cells": lambda: skiz(f.labels),
        "overlay": lambda: overlay_png(f.grey, f.labels, out),
    }
    return table[name]


def scratch_dir() -> str:
    return tempfile.mkdtemp(prefix="lacuna-bench-sk-")
