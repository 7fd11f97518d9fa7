"""The inputs of every stage for the anchors, prepared once per fixture (as lacuna-stages does)."""
import os
from dataclasses import dataclass

import cv2
import numpy as np
from scipy import ndimage
from skimage import filters

#: Stages that depend on the sample depth; the others work on masks and labels (8-bit only).
DEPTH_STAGES = ["copy", "decode-png", "decode-jpeg", "decode-tiff", "blur", "threshold"]
MASK_STAGES = ["opening", "fill-holes", "label-stats", "regions", "shapes", "distance", "watershed",
               "cells", "overlay"]
STAGES = DEPTH_STAGES + MASK_STAGES


def runs_on(stage: str, bits: int) -> bool:
    if stage == "decode-jpeg":
        return bits == 8
    return bits == 8 or stage in DEPTH_STAGES


@dataclass
class Fixture:
    """Files `<folder>/<W>x<H>-<bits>.{png,jpg,tif}` and the prepared intermediate images."""
    folder: str
    width: int
    height: int
    bits: int

    @property
    def name(self) -> str:
        return f"{self.width}x{self.height}-{self.bits}"

    def path(self, ext: str) -> str:
        return os.path.join(self.folder, f"{self.name}.{ext}")

    @property
    def megapixels(self) -> float:
        return self.width * self.height / 1e6

    def prepare(self) -> None:
        """Decoded frame; blurred with σ = 1; Otsu pore mask (0/255 and bool); holes filled;
        8-connected labels (int32); 8-bit relief for cv2.watershed. Same defaults as Lacuna."""
        self.grey = cv2.imread(self.path("png"), cv2.IMREAD_UNCHANGED)
        assert self.grey is not None and self.grey.shape == (self.height, self.width), self.path("png")
        self.blurred = cv2.GaussianBlur(self.grey, (0, 0), 1.0)
        if self.bits != 8:
            return
        level = filters.threshold_otsu(self.blurred)
        self.mask_bool = self.blurred <= level
        self.mask = self.mask_bool.astype(np.uint8) * 255
        self.filled_bool = ndimage.binary_fill_holes(self.mask_bool)
        self.filled = self.filled_bool.astype(np.uint8) * 255
        self.count, self.labels = cv2.connectedComponents(self.filled, connectivity=8, ltype=cv2.CV_32S)
        self.count -= 1
        self.relief_bgr = cv2.cvtColor(self.blurred, cv2.COLOR_GRAY2BGR)

    def release(self) -> None:
        for name in ["grey", "blurred", "mask_bool", "mask", "filled_bool", "filled", "labels", "relief_bgr"]:
            self.__dict__.pop(name, None)
