"""Cost budgets of hostile input, measured in a child process with resource limits.

Issue 10: every check of an input up to the 25 MB upload limit stays within 2 s
of CPU and 256 MB.  A budget is never timed in the test process: the input runs
in a child whose address space and CPU time are limited (``RLIMIT_AS``,
``RLIMIT_CPU``) and whose wall time has a timeout, so a regression fails
(``MemoryError``, killed, timed out) instead of hanging the suite.  The child
measures itself: CPU with ``time.process_time()`` and memory with
:func:`peak_kb`, and prints what the test asserts.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_PRELUDE = '''
import json, resource, sys, time
resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_MB * 2**20, ADDRESS_MB * 2**20))
resource.setrlimit(resource.RLIMIT_CPU, (CPU_S, CPU_S))


def peak_kb():
    """The process's peak resident memory in KB.  VmHWM belongs to this process's
    memory map; ru_maxrss may carry the parent's peak across fork and exec on Linux."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

'''


def child_script(body: str, *, address_mb: int, cpu_s: int) -> str:
    """``body`` (dedented) after the limits and :func:`peak_kb`."""
    prelude = _PRELUDE.replace("ADDRESS_MB", str(address_mb)).replace("CPU_S", str(cpu_s))
    return prelude + textwrap.dedent(body)


def run_child(script: str, *args: str, timeout: float) -> str:
    """Run ``script`` with ``args`` from the repository's root; its standard output.

    A child that fails (an assertion, ``MemoryError``, killed at its CPU limit) fails
    the test with the end of its standard error.
    """
    done = subprocess.run(
        [sys.executable, "-c", script, *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=ROOT,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout
