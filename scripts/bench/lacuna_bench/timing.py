"""Medians of repeated runs after a warm-up."""
import statistics
import time


def measure(fn, repetitions: int, warmups: int = 1, budget_s: float | None = None) -> dict:
    """Runs `fn` `warmups` times untimed, then times it. With a budget, a slow function gets
    fewer timed runs (at least 1): as many as fit in `budget_s` at the warm-up's pace."""
    warm = 0.0
    for _ in range(warmups):
        t = time.perf_counter()
        fn()
        warm = time.perf_counter() - t
    runs = repetitions
    if budget_s is not None and warmups > 0 and warm * repetitions > budget_s:
        runs = max(1, min(repetitions, int(budget_s // max(warm, 1e-9))))
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1e3)
    return {"median_ms": statistics.median(times), "times_ms": times, "repetitions": runs}
