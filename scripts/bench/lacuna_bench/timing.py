"""Medians of repeated runs after a warm-up, in wall time and in CPU time."""
import statistics
import time


def summary(wall_ms: list[float], cpu_ms: list[float]) -> dict:
    return {"median_ms": statistics.median(wall_ms), "times_ms": wall_ms,
            "cpu_median_ms": statistics.median(cpu_ms), "cpu_times_ms": cpu_ms, "repetitions": len(wall_ms)}


def measure(fn, repetitions: int, warmups: int = 1, budget_s: float | None = None) -> dict:
    """Runs `fn` `warmups` times untimed, then times it. With a budget, a slow function gets
    fewer timed runs (at least 1): as many as fit in `budget_s` at the warm-up's pace. CPU time
    is this process's (all its threads: with several OpenCV threads it exceeds the wall time)."""
    warm = 0.0
    for _ in range(warmups):
        t = time.perf_counter()
        fn()
        warm = time.perf_counter() - t
    runs = repetitions
    if budget_s is not None and warmups > 0 and warm * repetitions > budget_s:
        runs = max(1, min(repetitions, int(budget_s // max(warm, 1e-9))))
    wall, cpu = [], []
    for _ in range(runs):
        c, t = time.process_time(), time.perf_counter()
        fn()
        wall.append((time.perf_counter() - t) * 1e3)
        cpu.append((time.process_time() - c) * 1e3)
    return summary(wall, cpu)
