"""Lacuna's side: the per-stage medians from lacuna-stages and the CLI timed as a process."""
import json
import os
import shutil
import subprocess
import tempfile

from .fixture import Fixture
from .processes import run_measured
from .timing import summary


def stage_times(bin_dir: str, f: Fixture, stages: list[str], repetitions: int) -> dict:
    """`lacuna-stages time` on fixture `f`: {stage: {median_ms, times_ms, checksum}, ...}."""
    out = subprocess.run(
        [os.path.join(bin_dir, "lacuna-stages"), "time", "--fixtures", f.folder, "--size", f"{f.width}x{f.height}",
         "--bits", str(f.bits), "--stages", ",".join(stages), "--warmups", "1", "--repetitions", str(repetitions)],
        check=True, stdout=subprocess.PIPE, text=True).stdout  # progress goes to stderr
    report = json.loads(out)
    for timing in report["stages"].values():
        timing["repetitions"] = repetitions
    return report


def analyze_command(bin_dir: str, inputs: list[str], out: str, jobs: int, extra: list[str]) -> list[str]:
    return [os.path.join(bin_dir, "lacuna"), "analyze", *inputs, "--out", out, "--jobs", str(jobs), "--quiet", *extra]


def time_analyze(bin_dir: str, inputs: list[str], extra: list[str], repetitions: int, jobs: int = 1) -> dict:
    """Medians of the whole `lacuna analyze` process's wall and CPU time (fresh output folder
    each run, one warm-up run) and the largest peak RSS seen."""
    scratch = tempfile.mkdtemp(prefix="lacuna-bench-job-")
    wall, cpu, peaks = [], [], []
    for run in range(repetitions + 1):
        out = os.path.join(scratch, "out")
        shutil.rmtree(out, ignore_errors=True)
        w, c, peak = run_measured(analyze_command(bin_dir, inputs, out, jobs, extra))
        peaks.append(peak)
        if run > 0:
            wall.append(w * 1e3)
            cpu.append(c * 1e3)
    result = summary(wall, cpu)
    result["peak_rss_bytes"] = max(peaks)
    result["command"] = " ".join(["lacuna", "analyze", *[os.path.basename(i) for i in inputs], "--out", "DIR",
                                  "--jobs", str(jobs), "--quiet", *extra])
    shutil.rmtree(scratch, ignore_errors=True)
    return result
