"""Child processes timed as a whole, with their own CPU time and peak resident memory (os.wait4)."""
import os
import subprocess
import time


def run_measured(cmd: list[str], env: dict | None = None) -> tuple[float, float, int]:
    """Runs `cmd` (output discarded unless it fails); returns (wall seconds, CPU seconds, peak RSS
    in bytes) of that process alone. Raises CalledProcessError on a non-zero exit."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    stderr = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    if proc.stderr:
        proc.stderr.close()
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise subprocess.CalledProcessError(proc.returncode, cmd, stderr=stderr)
    return elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss * 1024  # Linux: kilobytes
