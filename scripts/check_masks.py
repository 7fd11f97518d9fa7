#!/usr/bin/env python3
"""Cross-checks the --save-masks files of an analyze folder with an independent reader
(tifffile, as Fiji's TIFF reader sees them): each masks/<name>.labels.tif has ImageJ metadata
with unit micron for calibrated images, a resolution of 1/pixel size, 16-bit (or 32-bit above
65535 pores) samples, labels 1..n for the n pores of pores.csv with the pixel areas of
`area_px`, and its mask PNG's size. Skips itself (exit 0 with a note) when tifffile is missing.

Usage: check_masks.py DIR
"""
import csv
import os
import sys

try:
    import numpy
    import tifffile
except ImportError:
    print("tifffile/numpy not installed (pip install tifffile); skipping")
    sys.exit(0)


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    folder = sys.argv[1]
    if not os.path.isdir(os.path.join(folder, "masks")):
        print(f"{folder} has no masks/ folder (run analyze with --save-masks)", file=sys.stderr)
        return 1
    images = list(csv.DictReader(open(os.path.join(folder, "images.csv"), encoding="utf-8")))
    pores = list(csv.DictReader(open(os.path.join(folder, "pores.csv"), encoding="utf-8")))
    failures = 0
    checked = 0
    for name in sorted(os.listdir(os.path.join(folder, "masks"))):
        if not name.endswith(".labels.tif"):
            continue
        stem = name[: -len(".labels.tif")]
        rows = [r for r in images if os.path.basename(r["image"]) == stem and r["status"] == "ok"]
        if len(rows) != 1:
            print(f"{name}: no single images.csv row for {stem}; skipped")
            continue
        row = rows[0]
        own = [p for p in pores if p["image"] == row["image"] and p["page"] == row["page"]]
        with tifffile.TiffFile(os.path.join(folder, "masks", name)) as tif:
            labels = tif.asarray()
            meta = tif.imagej_metadata or {}
            page = tif.pages[0]
            x_res = page.tags["XResolution"].value if "XResolution" in page.tags else None
        problems = []
        expected_dtype = numpy.uint16 if len(own) <= 65535 else numpy.uint32
        if labels.dtype != expected_dtype:
            problems.append(f"dtype {labels.dtype}, expected {numpy.dtype(expected_dtype)}")
        if labels.shape != (int(row["height"]), int(row["width"])):
            problems.append(f"shape {labels.shape} ≠ frame {row['height']}×{row['width']}")
        areas = numpy.bincount(labels.ravel().astype(numpy.int64), minlength=len(own) + 1)
        if len(areas) != len(own) + 1 or any(int(areas[int(p["pore"])]) != int(p["area_px"]) for p in own):
            problems.append("label pixel counts differ from pores.csv area_px")
        if row["pixel_size_um"]:
            size = float(row["pixel_size_um"])
            if meta.get("unit") != "micron":
                problems.append(f"ImageJ unit {meta.get('unit')!r}, expected 'micron'")
            if x_res is None or abs((x_res[0] / x_res[1]) * size - 1) > 1e-6:
                problems.append(f"XResolution {x_res} is not 1/{size}")
        elif "unit" in meta:
            problems.append(f"uncalibrated image has unit {meta['unit']!r}")
        checked += 1
        for p in problems:
            print(f"{name}: {p}", file=sys.stderr)
        failures += bool(problems)
    print(f"{checked} label files checked with tifffile {tifffile.__version__}: {'OK' if not failures else f'{failures} bad'}")
    return 1 if failures or checked == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
