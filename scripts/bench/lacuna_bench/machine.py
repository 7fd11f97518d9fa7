"""What the numbers were measured on: CPU, cores, memory, load, versions."""
import os
import platform
import subprocess


def _first(path: str, key: str) -> str:
    try:
        with open(path) as f:
            for line in f:
                if line.startswith(key):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return "unknown"


def _run(args: list[str], cwd: str | None = None) -> str:
    try:
        return subprocess.run(args, capture_output=True, text=True, cwd=cwd, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def describe(root: str) -> dict:
    import cv2, numpy, scipy, skimage, tifffile
    commit = _run(["git", "rev-parse", "--short=12", "HEAD"], cwd=root)
    dirty = _run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=root)
    mem_kb = _first("/proc/meminfo", "MemTotal").split()[0]
    return {
        "cpu": _first("/proc/cpuinfo", "model name"),
        "cores": os.cpu_count(),
        "memory_gib": round(int(mem_kb) / 2**20, 1) if mem_kb.isdigit() else None,
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "os": platform.platform(),
        "swift": _run(["swift", "--version"]).splitlines()[0] if _run(["swift", "--version"]) != "unknown" else "unknown",
        "lacuna_commit": commit + (" (modified)" if dirty else ""),
        "python": platform.python_version(),
        "opencv": cv2.__version__,
        "opencv_threads": cv2.getNumThreads(),
        "scikit_image": skimage.__version__,
        "scipy": scipy.__version__,
        "numpy": numpy.__version__,
        "tifffile": tifffile.__version__,
    }
