#!/usr/bin/env python3
"""Writes the committed seed corpora of the fuzz targets (docs/reliability.md) into Fuzz/Corpus.

Small crafted images in every layout the decoders read (Pillow), the vendor metadata texts of
../shared/realdata (tags and sidecars, cut to their first 4 KB), and hand-written tables and
configs. Usage: scripts/make_fuzz_seeds.py [LACUNA_BINARY]  (the binary adds a tiny `lacuna synth`
TIFF carrying an FEI tag). Re-running rewrites the same files.
"""
import io
import os
import subprocess
import sys
import tempfile

import numpy as np
from PIL import Image, TiffImagePlugin

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
CORPUS = os.path.join(ROOT, "Fuzz", "Corpus")
REAL = os.path.join(ROOT, "..", "shared", "realdata")


def put(target, name, data):
    folder = os.path.join(CORPUS, target)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode())


def encoded(image, fmt, **kwargs):
    out = io.BytesIO()
    image.save(out, fmt, **kwargs)
    return out.getvalue()


def images():
    rng = np.random.default_rng(7)
    grey = Image.fromarray(rng.integers(0, 256, (12, 16), dtype=np.uint8))
    grey16 = Image.fromarray(rng.integers(0, 65536, (12, 16), dtype=np.uint16))
    rgb = Image.fromarray(rng.integers(0, 256, (12, 16, 3), dtype=np.uint8))
    floats = Image.fromarray(rng.random((12, 16), dtype=np.float32))
    put("decode", "grey.png", encoded(grey, "PNG"))
    put("decode", "grey16.png", encoded(grey16, "PNG"))
    put("decode", "rgb-interlaced.png", encoded(rgb, "PNG", interlace=1))
    put("decode", "palette.png", encoded(rgb.convert("P"), "PNG"))
    put("decode", "rgba.png", encoded(rgb.convert("RGBA"), "PNG"))
    put("decode", "grey.jpg", encoded(grey, "JPEG", quality=80))
    put("decode", "rgb-progressive.jpg", encoded(rgb, "JPEG", progressive=True))
    put("decode", "cmyk.jpg", encoded(rgb.convert("CMYK"), "JPEG"))
    put("decode", "grey.bmp", encoded(grey, "BMP"))
    put("decode", "rgb.bmp", encoded(rgb, "BMP"))
    for compression in ["raw", "tiff_lzw", "tiff_adobe_deflate", "packbits"]:
        put("decode", f"grey-{compression}.tif", encoded(grey, "TIFF", compression=compression))
    put("decode", "grey16.tif", encoded(grey16, "TIFF"))
    put("decode", "rgb-lzw.tif", encoded(rgb, "TIFF", compression="tiff_lzw"))
    put("decode", "palette.tif", encoded(rgb.convert("P"), "TIFF"))
    put("decode", "float.tif", encoded(floats, "TIFF"))
    out = io.BytesIO()
    grey.save(out, "TIFF", save_all=True, append_images=[grey16.convert("I;16")])
    put("decode", "two-pages.tif", out.getvalue())
    ij = TiffImagePlugin.ImageFileDirectory_v2()
    ij[270] = "ImageJ=1.53t\nunit=micron\n"
    ij[282] = 20.0
    ij[283] = 20.0
    put("decode", "imagej.tif", encoded(grey, "TIFF", tiffinfo=ij))
    put("decode", "matrix.txt", "0 1 2 3\n4 5 6 7\n8 9 10 11\n")
    put("decode", "matrix-float.csv", "0.5;1.5;2.5\n3.5;4.5;5.5\n")


def synth_tiff(binary):
    """A 96×64 synthetic micrograph with the FEI tag, made by the CLI."""
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run([binary, "synth", "--out", folder, "--seed", "3", "--width", "96", "--height", "64",
                        "--current-densities", "1", "--radii", "0.4", "--per-condition", "1"],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for name in sorted(os.listdir(folder)):
            if name.endswith(".tif"):
                with open(os.path.join(folder, name), "rb") as f:
                    put("decode", "fei-synth.tif", f.read())
                return


def tag_text(path, tag):
    with Image.open(path) as image:
        value = image.tag_v2.get(tag)
    if value is None:
        return None
    return value if isinstance(value, bytes) else str(value).encode("utf-8", "replace")


def metadata():
    fei = os.path.join(REAL, "fei-helios-metadata", "FEI-Helios-Ebeam-8bits.tif")
    if os.path.exists(fei):
        put("fei", "helios.ini", tag_text(fei, 34682)[:4096])
    put("fei", "minimal.ini", "[Scan]\r\nPixelWidth=5e-09\r\nPixelHeight=5e-09\r\n[Image]\r\nResolutionX=1024\r\nResolutionY=884\r\n")
    zeiss = os.path.join(REAL, "zeiss-sem-metadata", "test_tiff_Zeiss_SEM_1k.tif")
    if os.path.exists(zeiss):
        put("zeiss", "sem-1k.txt", tag_text(zeiss, 34118)[:4096])
    put("zeiss", "minimal.txt", "0\r\n0\r\nAP_PIXEL_SIZE\r\nPixel Size = 2.5 nm\r\nAP_IMAGE_PIXEL_SIZE\r\nImage Pixel Size = 2.5 nm\r\n")
    tescan = os.path.join(REAL, "tescan-vega3-exfoliated-graphite", "161.hdr")
    if os.path.exists(tescan):
        with open(tescan, "rb") as f:
            put("tescan", "vega3.hdr", f.read()[:4096])
    put("tescan", "minimal.hdr", "[MAIN]\r\nPixelSizeX=1.0e-08\r\nPixelSizeY=1.0e-08\r\n")
    hitachi = os.path.join(REAL, "hitachi-su8200-sidecar", "Si-NbTiN_TiP-Alu_120C_0007.txt")
    if os.path.exists(hitachi):
        with open(hitachi, "rb") as f:
            put("hitachi", "su8200.txt", f.read()[:4096])
    put("hitachi", "minimal.txt", "[SemImageFile]\r\nPixelSize=4.960938\r\nDataSize=1280x960\r\nMag=25000\r\n")
    put("jeol", "7600f.txt", "\r\n".join(["$CM_FORMAT JEOL-SEM", "$CM_INSTRUMENT 7600F", "$CM_MAG 50000",
                                           "$$SM_MICRON_BAR 53", "$$SM_MICRON_MARKER 100nm",
                                           "$CM_FULL_SIZE 1280 960"]) + "\r\n")
    put("jeol", "single-dollar.txt", "$SM_MICRON_BAR 200\n$SM_MICRON_MARKER 5um\n$CM_FULL_SIZE 1280 1024\n")
    imagej = os.path.join(REAL, "imagej-calibrated-tiff", "test_loading_image_saved_with_imageJ.tif")
    if os.path.exists(imagej):
        put("imagej", "saved.txt", tag_text(imagej, 270)[:4096])
    put("imagej", "anisotropic.txt", "ImageJ=1.54f\nimages=1\nunit=micron\nyunit=nm\nspacing=1.0\n")
    put("imagej", "escaped.txt", "ImageJ=1.52\nunit=\\u00B5m\n")


def tables():
    put("manifest", "bundled.csv", open(os.path.join(ROOT, "TestImages", "li-stripping", "manifest.csv")).read())
    put("manifest", "bom-crlf-quoted.csv",
        "\ufeffimage,current_density,pixel_size_um,condition\r\n\"a, b.tif\",1,0.05,\"x \"\"y\"\"\"\r\nc.png,,,\r\n")
    put("manifest", "short-rows.csv", "condition,image\nz\nq,d.tif,extra\n")
    put("config", "defaults.yaml", subprocess.run(
        [sys.argv[1], "config", "--defaults"], capture_output=True, text=True).stdout if len(sys.argv) > 1 else
        "sigma: 1.0\nmin_area: 10\n")
    put("config", "mixed.yaml", "pores: bright\nsigma: 2\nmax_pixels: 1000000\npixel_size: null\n"
                                "databar: 40\npage: all\nroi: \"0,0,10,10\"\nthreshold: li\n")
    put("config", "wrong.yaml", "sigma: [1, 2]\nunknown: 3\n--- \n")
    put("fittable", "paper.csv", "current_density,radius_um,radius_se_um,n,current_density_se\n"
                                 "1,4.1,0.35,120,0.05\n2,2.4,0.2,130,0.1\n5,0.9,0.09,140,0.25\n10,0.4,0.05,150,0.5\n")
    put("fittable", "replicates.csv", "current_density,radius_um\n1,4.0\n1,4.2\n2,2.4\n2,2.5\n5,0.9\n")


def main():
    images()
    if len(sys.argv) > 1:
        synth_tiff(sys.argv[1])
    metadata()
    tables()


if __name__ == "__main__":
    main()
