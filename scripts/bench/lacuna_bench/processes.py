"""Child processes timed as a whole, with their own CPU time and peak resident memory.

Linux counts in a child's ru_maxrss the memory it shared with its parent before exec (fork
copies the mm, vfork/posix_spawn share it), so a child of this Python process — which holds
large arrays after the per-stage part — would report at least this process's size. The command
is therefore started by a small helper interpreter (`python -I -S`, a few MiB) that forks,
execs it, waits for it with wait4 and prints its wall time, CPU time and peak RSS."""
import json
import subprocess
import sys

_HELPER = r"""
import json, os, sys, time
start = time.perf_counter()
pid = os.fork()
if pid == 0:
    null = os.open(os.devnull, os.O_RDWR)
    os.dup2(null, 0)
    os.dup2(null, 1)
    try:
        os.execvp(sys.argv[1], sys.argv[1:])
    finally:
        os._exit(127)
_, status, usage = os.wait4(pid, 0)
wall = time.perf_counter() - start
print(json.dumps([os.waitstatus_to_exitcode(status), wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss]))
"""


def run_measured(cmd: list[str], env: dict | None = None) -> tuple[float, float, int]:
    """Runs `cmd` (stdout discarded); returns (wall seconds, CPU seconds, peak RSS in bytes) of
    that process alone. Raises CalledProcessError (with its stderr) on a non-zero exit."""
    helper = subprocess.run([sys.executable, "-I", "-S", "-c", _HELPER, *cmd], capture_output=True, text=True,
                            env=env)
    if helper.returncode != 0 or not helper.stdout.strip():
        raise subprocess.CalledProcessError(helper.returncode, cmd, stderr=helper.stderr)
    code, wall, cpu, maxrss_kb = json.loads(helper.stdout.strip().splitlines()[-1])
    if code != 0:
        raise subprocess.CalledProcessError(code, cmd, stderr=helper.stderr)
    return wall, cpu, maxrss_kb * 1024  # Linux reports kilobytes
