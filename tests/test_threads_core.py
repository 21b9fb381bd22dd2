"""Issue 10: the core and text functions give the same answers from many threads.

Eight threads call each function on fresh caches (the JIS table, the compiled
character-class patterns, the catalog lookups, the holiday calendar) with a
short switch interval, and every answer must equal the sequential one; the
host's warnings filters are left as they were.
"""

from __future__ import annotations

import functools
import warnings
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import date

import nyukan_rules as nr
from nyukan_rules.catalog import _base
from nyukan_rules.text import charclass, charset, fields

VALUES = ["髙橋　一郎①", "E\udc80", "reason\u202e\x00", "Straße", "令和0年4月1日", "03-1234-5678"]

CALLS: list[Callable[[], object]] = [
    *(
        functools.partial(lambda v, k: nr.check_field(nr.normalize(v, k), k), v, k)
        for v in VALUES
        for k in nr.FieldKind
    ),
    *(functools.partial(nr.ApplicationKind.parse, n) for n in ("永住許可", "extension_of_period")),
    functools.partial(nr.next_office_day, date(2026, 12, 29)),
    functools.partial(
        nr.fee,
        "extension_of_period",
        channel="online",
        accepted_on=date(2026, 11, 22),
        period_of_stay="1年",
    ),
]


def _clear_caches() -> None:
    for cached in (
        charset.jis_x0208,
        charset.outside_pattern,
        charset.control_pattern,
        charset.special_body,
        charset.special_pattern,
        charset.outside_jis,
        charclass._one_char,
        fields._refused,
        fields._runs,
        fields._compiled_kind,
        fields._remembered_clean,
        fields._kind_named,
    ):
        cached.cache_clear()
    _base._LOOKUPS.clear()


def test_eight_threads_agree_with_a_sequential_run(short_switch_interval: None) -> None:
    expected = [call() for call in CALLS]
    filters_before = list(warnings.filters)
    _clear_caches()
    with ThreadPoolExecutor(max_workers=8) as pool:
        runs = [pool.submit(lambda: [call() for call in CALLS]) for _ in range(8)]
        results = [run.result(timeout=300) for run in runs]
    for result in results:
        assert result == expected
    assert warnings.filters == filters_before
