"""Batch scaling: 32 synthetic 4-MP images, `lacuna analyze --jobs 1` against `--jobs 2`, and
byte-identical tables."""
import glob
import os
import shutil
import statistics
import subprocess
import tempfile

from .processes import run_measured

WIDTH, HEIGHT = 2304, 1728  # 3.98 MP, 4:3


def make_set(bin_dir: str, folder: str) -> str:
    """32 FEI TIFFs (8 per current density 1, 2, 5, 10 mA/cm²) and their manifest; reused."""
    manifest = os.path.join(folder, "manifest.csv")
    if not os.path.exists(manifest):
        subprocess.run([os.path.join(bin_dir, "lacuna"), "synth", "--out", folder, "--width", str(WIDTH),
                        "--height", str(HEIGHT), "--current-densities", "1,2,5,10", "--radii", "4.1,2.4,0.9,0.4",
                        "--per-condition", "8", "--seed", "4242"], check=True, capture_output=True)
    return manifest


def identical_tables(a: str, b: str) -> tuple[bool, list[str]]:
    """Whether every CSV table under `a` equals its namesake under `b` byte for byte (cmp)."""
    names = sorted(os.path.relpath(p, a) for p in glob.glob(os.path.join(a, "**", "*.csv"), recursive=True))
    same = all(subprocess.run(["cmp", "-s", os.path.join(a, n), os.path.join(b, n)]).returncode == 0 for n in names)
    return same and len(names) > 0, names


def run(bin_dir: str, folder: str, repetitions: int) -> dict:
    manifest = make_set(bin_dir, folder)
    scratch = tempfile.mkdtemp(prefix="lacuna-bench-batch-")
    times = {1: [], 2: []}
    lacuna = os.path.join(bin_dir, "lacuna")
    for _ in range(repetitions):  # alternate, so that drifting load hits both alike
        for jobs in (1, 2):
            out = os.path.join(scratch, f"jobs{jobs}")
            shutil.rmtree(out, ignore_errors=True)
            cmd = [lacuna, "analyze", "--manifest", manifest, "--out", out, "--jobs", str(jobs), "--quiet"]
            times[jobs].append(run_measured(cmd)[0])  # wall: the point is parallelism
    same, tables = identical_tables(os.path.join(scratch, "jobs1"), os.path.join(scratch, "jobs2"))
    shutil.rmtree(scratch, ignore_errors=True)
    t1, t2 = statistics.median(times[1]), statistics.median(times[2])
    return {"images": 32, "width": WIDTH, "height": HEIGHT, "repetitions": repetitions,
            "jobs1_s": t1, "jobs2_s": t2, "times_s": times, "speedup": t1 / t2,
            "identical": same, "tables": tables}
