"""Each stage in OpenCV (the anchor whose single-thread throughput is Lacuna's goal)."""
import cv2
import numpy as np

from .fixture import Fixture

CROSS = cv2.getStructuringElement(cv2.MORPH_CROSS, (3, 3))  # = scikit-image disk(1) = Lacuna's disc r 1
OUTLINE = (255, 230, 0)
PNG_LEVEL = 1  # compression level of Lacuna's overlays (libdeflate there; zlib here, OpenCV's default)


def fill_holes(mask: np.ndarray) -> np.ndarray:
    """Background 4-connected to the frame edge stays; the rest becomes foreground."""
    h, w = mask.shape
    padded = np.zeros((h + 2, w + 2), np.uint8)
    padded[1:-1, 1:-1] = mask
    cv2.floodFill(padded, None, (0, 0), 128, flags=4)
    return np.where(padded[1:-1, 1:-1] == 128, 0, 255).astype(np.uint8)


def contours(mask: np.ndarray):
    return cv2.findContours(mask, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_NONE)[0]


def shape_measurements(c) -> tuple:
    """Six per hole: perimeter, area, convex-hull area (solidity), ellipse, minimum-area rectangle
    (minimum Feret), enclosing circle (≈ maximum Feret)."""
    ellipse = cv2.fitEllipse(c) if len(c) >= 5 else None
    return (cv2.arcLength(c, True), cv2.contourArea(c), cv2.contourArea(cv2.convexHull(c)), ellipse,
            cv2.minAreaRect(c), cv2.minEnclosingCircle(c))


def skiz(labels: np.ndarray) -> np.ndarray:
    """Cells: cv2.watershed of the framework's distance map (8-bit, as 3 channels) from the pores.
    cv2.watershed floods by neighbour colour differences, so this is the same kind of work as the
    influence zones, not the same partition."""
    distance = cv2.distanceTransform((labels == 0).astype(np.uint8), cv2.DIST_L2, cv2.DIST_MASK_PRECISE)
    relief = cv2.cvtColor(cv2.convertScaleAbs(distance, alpha=255.0 / max(float(distance.max()), 1.0)),
                          cv2.COLOR_GRAY2BGR)
    markers = labels.copy()
    cv2.watershed(relief, markers)
    return markers


def overlay_png(grey: np.ndarray, filled: np.ndarray) -> bytes:
    rgb = cv2.cvtColor(grey, cv2.COLOR_GRAY2BGR)
    cv2.drawContours(rgb, contours(filled), -1, OUTLINE, 1)
    return cv2.imencode(".png", rgb, [cv2.IMWRITE_PNG_COMPRESSION, PNG_LEVEL])[1]


def threshold(image: np.ndarray):
    return cv2.threshold(image, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)


def stage(name: str, f: Fixture):
    """A function running stage `name` on `f` (prepared), or None when OpenCV lacks it."""
    def watershed():
        markers = f.labels.copy()
        return cv2.watershed(f.relief_bgr, markers)
    table = {
        "copy": lambda: f.grey.copy(),
        "decode-png": lambda: cv2.imread(f.path("png"), cv2.IMREAD_UNCHANGED),
        "decode-jpeg": lambda: cv2.imread(f.path("jpg"), cv2.IMREAD_UNCHANGED),
        "decode-tiff": lambda: cv2.imread(f.path("tif"), cv2.IMREAD_UNCHANGED),
        "blur": lambda: cv2.GaussianBlur(f.grey, (0, 0), 2.0),
        "threshold": lambda: threshold(f.blurred),
        "opening": lambda: cv2.morphologyEx(f.mask, cv2.MORPH_OPEN, CROSS),
        "fill-holes": lambda: fill_holes(f.mask),
        "label-stats": lambda: cv2.connectedComponentsWithStats(f.filled, connectivity=8, ltype=cv2.CV_32S),
        "regions": lambda: [(cv2.contourArea(c), cv2.arcLength(c, True)) for c in contours(f.filled)],
        "shapes": lambda: [shape_measurements(c) for c in contours(f.filled)],
        "distance": lambda: cv2.distanceTransform(f.filled, cv2.DIST_L2, cv2.DIST_MASK_PRECISE),
        "watershed": watershed,
        "cells": lambda: skiz(f.labels),
        "overlay": lambda: overlay_png(f.grey, f.filled),
    }
    fn = table[name]
    if name == "threshold":
        try:
            fn()
        except cv2.error:
            return None  # Otsu on this depth is not offered by this OpenCV
    return fn
