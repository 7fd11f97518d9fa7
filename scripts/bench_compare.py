#!/usr/bin/env python3
"""Times the whole single-image job in Lacuna, OpenCV and scikit-image on the same synthetic SEM
image (made by `lacuna synth`, FEI TIFF), single-threaded, and prints the ratios that
docs/performance.md records.

Each pipeline: decode → Gaussian σ = 1 → Otsu → pore mask → fill holes → 8-connected labels with
area/centroid/bbox → perimeter per pore → tables (CSV) → overlay PNG. Lacuna additionally computes
its shape descriptors, EDT-based inscribed radius and local thickness (it has no switch to skip
them), so its time is an upper bound for the same work.

Usage: python3 scripts/bench_compare.py [WIDTH HEIGHT] (needs: pip install opencv-python-headless
scikit-image tifffile; a release build: swift build -c release --product lacuna)
"""
import os, subprocess, sys, tempfile, time

W, H = (int(sys.argv[1]), int(sys.argv[2])) if len(sys.argv) == 3 else (4096, 3072)
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LACUNA = os.path.join(ROOT, ".build", "release", "lacuna")
os.environ.setdefault("OMP_NUM_THREADS", "1")

import numpy as np, cv2, tifffile
from scipy import ndimage
from skimage import filters, measure, segmentation, io as skio

cv2.setNumThreads(1)
tmp = tempfile.mkdtemp()
subprocess.run([LACUNA, "synth", "--out", tmp, "--width", str(W), "--height", str(H), "--per-condition", "1",
                "--current-densities", "1", "--radii", "2", "--seed", "4242"], check=True, capture_output=True)
tif = os.path.join(tmp, "li_1mAcm2_1.tif")
png = os.path.join(tmp, "input.png")
cv2.imwrite(png, tifffile.imread(tif)[:H])  # the same frame as PNG, without the data bar


def best(f, n=3):
    times = []
    for _ in range(n):
        t = time.perf_counter(); f(); times.append(time.perf_counter() - t)
    return min(times)


def lacuna():
    subprocess.run([LACUNA, "analyze", png, "--out", os.path.join(tmp, "lac"), "--jobs", "1", "--quiet"], check=True)


def opencv():
    g = cv2.imread(png, cv2.IMREAD_GRAYSCALE)
    b = cv2.GaussianBlur(g, (0, 0), 1.0)
    t, m = cv2.threshold(b, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    ff = m.copy(); mask = np.zeros((m.shape[0] + 2, m.shape[1] + 2), np.uint8)
    cv2.floodFill(ff, mask, (0, 0), 255)  # (0,0) is framework in these images
    filled = m | cv2.bitwise_not(ff)
    n, labels, stats, cent = cv2.connectedComponentsWithStats(filled, connectivity=8)
    contours, _ = cv2.findContours(filled, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_NONE)
    per = [cv2.arcLength(c, True) for c in contours]
    np.savetxt(os.path.join(tmp, "cv.csv"), np.column_stack([stats[1:, 4], cent[1:]]), delimiter=",")
    over = cv2.cvtColor(g, cv2.COLOR_GRAY2BGR); cv2.drawContours(over, contours, -1, (255, 230, 0), 1)
    cv2.imwrite(os.path.join(tmp, "cv.png"), over)


def skimage():
    g = skio.imread(png)
    b = filters.gaussian(g, sigma=1, preserve_range=True)
    m = b <= filters.threshold_otsu(b)
    m = ndimage.binary_fill_holes(m)
    labels = measure.label(m, connectivity=2)
    props = measure.regionprops_table(labels, properties=("area", "centroid", "bbox", "perimeter"))
    np.savetxt(os.path.join(tmp, "sk.csv"), np.column_stack([props["area"], props["perimeter"]]), delimiter=",")
    over = np.dstack([g] * 3); over[segmentation.find_boundaries(labels, mode="inner")] = (0, 230, 255)
    skio.imsave(os.path.join(tmp, "sk.png"), over, check_contrast=False)


tl, to, ts = best(lacuna), best(opencv), best(skimage, 2)
print(f"image {W}x{H} 8-bit, best of runs, single thread")
print(f"lacuna analyze (process, incl. start-up): {tl:.3f} s")
print(f"OpenCV {cv2.__version__}:                {to:.3f} s   lacuna/OpenCV = {tl / to:.2f}")
print(f"scikit-image:                     {ts:.3f} s   scikit-image/lacuna = {ts / tl:.2f}")
