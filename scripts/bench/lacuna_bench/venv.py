"""The comparison's own virtual environment (outside the repository, shared by work trees)."""
import os
import subprocess
import sys

PACKAGES = ["opencv-python-headless", "scikit-image", "tifffile"]
VENV = os.path.join(os.environ.get("XDG_CACHE_HOME", os.path.expanduser("~/.cache")), "lacuna", "bench-venv")


def python() -> str:
    return os.path.join(VENV, "bin", "python")


def inside() -> bool:
    return os.path.realpath(sys.prefix) == os.path.realpath(VENV)


def ensure_and_reexec(argv: list[str]) -> None:
    """Creates the environment if needed (pip-installing PACKAGES), then re-runs the script in it."""
    if inside():
        return
    if not os.path.exists(python()):
        print(f"creating {VENV} (pip: {' '.join(PACKAGES)})", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", VENV], check=True)
    check = subprocess.run([python(), "-c", "import cv2, skimage, tifffile, scipy"], capture_output=True)
    if check.returncode != 0:
        subprocess.run([python(), "-m", "pip", "install", "--quiet", "--upgrade", "pip"], check=True)
        subprocess.run([python(), "-m", "pip", "install", "--quiet", *PACKAGES], check=True)
    os.execv(python(), [python(), *argv])
