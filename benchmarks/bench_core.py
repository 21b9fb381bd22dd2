"""Cost of the rules core, as ratios against baselines measured in the same run.

    python benchmarks/bench_core.py

Prints the time of one ``fee()`` and one ``check_online_eligibility()`` call
against a bare dict lookup, and the time of ``import nyukan_rules`` against
``import attrs`` (each import in a fresh interpreter, less the interpreter's
own start-up). The machines are shared and noisy: read the ratios, not the
absolute times, and compare runs of the same script only.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import timeit
from datetime import date

import nyukan_rules as nr

ON = date(2026, 11, 22)


def per_call(stmt: object, number: int) -> float:
    """Best of five runs, in microseconds per call."""
    timer = timeit.Timer(stmt)  # type: ignore[arg-type]
    return min(timer.repeat(repeat=5, number=number)) / number * 1e6


def import_time(module: str, runs: int = 15) -> float:
    """Median wall time of ``python -c 'import module'`` less ``python -c pass``, in ms."""
    samples = []
    for _ in range(runs):
        for code, sign in (("pass", -1), (f"import {module}", 1)):
            t = timeit.default_timer()
            subprocess.run([sys.executable, "-c", code], check=True)
            samples.append((code, sign * (timeit.default_timer() - t)))
    base = statistics.median(-v for c, v in samples if c == "pass")
    mod = statistics.median(v for c, v in samples if c != "pass")
    return (mod - base) * 1e3


def main() -> None:
    table = {("extension_of_period", "online"): 5_500}
    dict_us = per_call(lambda: table[("extension_of_period", "online")], 200_000)
    fee_us = per_call(
        lambda: nr.fee(
            nr.ApplicationKind.EXTENSION_OF_PERIOD,
            channel=nr.Channel.ONLINE,
            accepted_on=ON,
            period_of_stay=nr.PeriodOfStay(years=1),
        ),
        20_000,
    )
    fee_text_us = per_call(
        lambda: nr.fee(
            "在留期間更新許可申請", channel="online", accepted_on=ON, period_of_stay="1年"
        ),
        20_000,
    )
    elig_us = per_call(
        lambda: nr.check_online_eligibility(
            [nr.ApplicationKind.EXTENSION_OF_PERIOD, nr.ApplicationKind.REENTRY_PERMIT_SINGLE],
            on=ON,
            role=nr.ApplicantRole.ORGANIZATION_STAFF,
            status=nr.StatusOfResidence.ENGINEER_SPECIALIST_HUMANITIES_INTERNATIONAL,
            registered_agent=True,
            expires_on=date(2027, 1, 31),
        ),
        20_000,
    )
    attrs_ms = import_time("attrs")
    ours_ms = import_time("nyukan_rules")
    pypdf_ms = import_time("pypdf")

    print(f"dict lookup (baseline)            {dict_us:9.3f} us")
    print(f"fee(), members                    {fee_us:9.3f} us   {fee_us / dict_us:8.0f} x dict")
    text_ratio = fee_text_us / dict_us
    print(f"fee(), Japanese text              {fee_text_us:9.3f} us   {text_ratio:8.0f} x dict")
    print(f"check_online_eligibility()        {elig_us:9.3f} us   {elig_us / dict_us:8.0f} x dict")
    print(f"import attrs (baseline)           {attrs_ms:9.1f} ms")
    print(
        f"import nyukan_rules               {ours_ms:9.1f} ms   {ours_ms / attrs_ms:8.1f} x attrs"
    )
    print(
        f"import pypdf (for comparison)     {pypdf_ms:9.1f} ms   {pypdf_ms / attrs_ms:8.1f} x attrs"
    )


if __name__ == "__main__":
    main()
