#!/usr/bin/env python3
"""Segmentation variants against ground truth on fresh synthetic images.

Generates images with `lacuna synth` at seeds never used for TestImages (default 7001 and
7101, 8- and 16-bit, the default four radii 4.1/2.4/0.9/0.4 um, two images each), analyses
them with each variant of the pre-processing/threshold flags, and prints per variant the mean
and worst |relative error| of the per-image mean equivalent radius, the worst |porosity error|
and the worst |relative interior pore-count error| against truth.json. Used to choose the
defaults documented in docs/methods.md ("Defaults and how they were chosen").

Run: python3 scripts/compare_segmentation.py [path/to/lacuna]   (default .build/release/lacuna,
else .build/debug/lacuna)
"""
import csv
import json
import os
import pathlib
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
binary = sys.argv[1] if len(sys.argv) > 1 else next(
    str(p) for p in (ROOT / ".build/release/lacuna", ROOT / ".build/debug/lacuna") if p.exists())

VARIANTS = {
    "default (sigma 1, otsu skimage)": [],
    "otsu imagej": ["--threshold-convention", "imagej"],
    "li": ["--threshold", "li"],
    "isodata": ["--threshold", "isodata"],
    "rolling-ball 50": ["--background", "rolling-ball"],
    "gaussian background 50": ["--background", "gaussian"],
    "median r1": ["--denoise", "median"],
    "bilateral": ["--denoise", "bilateral"],
    "clahe": ["--clahe"],
    "sauvola w31": ["--local", "sauvola", "--window", "31"],
    "phansalkar w31": ["--local", "phansalkar", "--window", "31"],
}

with tempfile.TemporaryDirectory() as work:
    sets = []
    for seed, depth in ((7001, 8), (7101, 16)):
        folder = os.path.join(work, f"s{seed}")
        subprocess.run([binary, "synth", "--out", folder, "--seed", str(seed), "--bit-depth", str(depth)],
                       check=True, capture_output=True)
        sets.append(folder)
    print(f"{'variant':34s} {'mean|dr/r|':>10s} {'max|dr/r|':>10s} {'max|dphi|':>10s} {'max|dN/N|':>10s}")
    for name, flags in VARIANTS.items():
        errors, porosity, counts = [], [], []
        for folder in sets:
            truth = json.load(open(os.path.join(folder, "truth.json")))
            out = os.path.join(work, "out")
            subprocess.run([binary, "analyze", "--manifest", os.path.join(folder, "manifest.csv"), "--out", out,
                            "--quiet", *flags], check=True, capture_output=True)
            for row in csv.DictReader(open(os.path.join(out, "images.csv"))):
                t = truth[os.path.basename(row["image"])]
                errors.append(abs(float(row["mean_radius_um"]) / t["mean_radius_um"] - 1))
                porosity.append(abs(float(row["porosity"]) - t["porosity"]))
                counts.append(abs(int(row["interior_pore_count"]) / t["pore_count"] - 1))
        print(f"{name:34s} {sum(errors) / len(errors):10.4f} {max(errors):10.4f} {max(porosity):10.4f} {max(counts):10.4f}")
