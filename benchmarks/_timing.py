"""What the benchmark scripts share: the best of a few runs, in milliseconds."""

from __future__ import annotations

import time
from collections.abc import Callable


def best_ms(fn: Callable[[], object], runs: int = 3) -> float:
    """The fastest of ``runs`` calls of ``fn``: the least disturbed by a shared machine."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times) * 1e3
