"""A realistic roster of any size, made line by line: the scale benchmark's input.

Every person is distinct (name, date of birth, address, phones, e-mail,
passport and residence card numbers), the statuses, nationalities and
periods follow the mix of :func:`nyukan_rules.examples.example_hr_export`,
expiries spread over about 2,600 days, and one row in fifty carries an
error (a misspelt status, an impossible date, a bad postal code, an empty
expiry, a passport number or a residence card number used by an earlier
row).  The same count always gives the same bytes; a row costs a few
microseconds to make, so 2.3 million rows take seconds, not minutes.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import date, timedelta

from nyukan_rules.examples import (
    EXAMPLE_HR_COLUMNS,
    ROSTER_COUNTRIES,
    ROSTER_KANA,
    ROSTER_MIX,
)

HEADER = ",".join(EXAMPLE_HR_COLUMNS) + "\r\n"
_STATUS = [(s, p) for s, p, share in ROSTER_MIX for _ in range(share)]
_COUNTRIES = ROSTER_COUNTRIES
_KANA = ROSTER_KANA
_SYL = ("KA", "MI", "NU", "TE", "LO", "SA", "RI", "VU", "HE", "DO", "BA", "ZI", "NA", "TO")
_CITIES = (
    ("100-0001", "東京都千代田区千代田"),
    ("530-0001", "大阪府大阪市北区梅田"),
    ("460-0001", "愛知県名古屋市中区三の丸"),
    ("810-0001", "福岡県福岡市中央区天神"),
    ("231-0001", "神奈川県横浜市中区新港"),
)
ON = date(2026, 11, 22)
_BORN = [(date(1970, 1, 1) + timedelta(days=d)).strftime("%Y/%m/%d") for d in range(12_000)]
_EXPIRES = [(ON + timedelta(days=d - 20)).strftime("%Y/%m/%d") for d in range(2_600)]
_PASSPORT_EXPIRES = [(ON + timedelta(days=d + 400)).strftime("%Y-%m-%d") for d in range(3_000)]


def _mix(i: int) -> int:
    """A cheap, well-spread hash of the row number (splitmix-like)."""
    x = (i + 0x9E3779B97F4A7C15) & 0xFFFFFFFFFFFFFFFF
    x = ((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9) & 0xFFFFFFFFFFFFFFFF
    x = ((x ^ (x >> 27)) * 0x94D049BB133111EB) & 0xFFFFFFFFFFFFFFFF
    return x ^ (x >> 31)


def _passport(i: int) -> str:
    return f"{chr(65 + i % 26)}{chr(65 + i // 26 % 26)}{i:07d}"


def _card(i: int) -> str:
    return f"{chr(65 + i // 26 % 26)}{chr(65 + i % 26)}{i:08d}C{chr(65 + i * 7 % 26)}"


def row(i: int) -> list[str]:
    """The ``i``-th person's cells, in the order of ``EXAMPLE_HR_COLUMNS``."""
    h = _mix(i)
    status, periods = _STATUS[h % 100]
    country, surnames, given = _COUNTRIES[(h >> 7) % 8]
    postal, city = _CITIES[(h >> 10) % 5]
    syl = "".join(_SYL[(h >> (13 + 4 * k)) % 14] for k in range(2 + (h >> 29) % 3))
    kana = _KANA[(h >> 32) % 45] + _KANA[(h >> 38) % 45] + _KANA[(i * 7) % 45]
    kana += "　" + _KANA[(h >> 44) % 45] + _KANA[(h >> 50) % 45] + _KANA[i % 45]
    cells = [
        f"E{i:07d}",
        f"{surnames[(h >> 56) % len(surnames)]} {given[(h >> 58) % len(given)]} {syl}",
        kana,
        country,
        "男" if h & 1 << 60 else "女",
        _BORN[(h >> 20) % 12_000],
        postal,
        f"{city}{1 + (h >> 3) % 9}-{1 + (h >> 34) % 30}-{1 + i % 20}",
        f"03-{1000 + (h >> 40) % 9000}-{1000 + i % 9000}" if (h >> 61) % 5 == 0 else "",
        f"090-{1000 + (h >> 42) % 9000}-{i % 10_000:04d}",
        f"e{i:07d}@example.jp",
        _passport(i),
        _PASSPORT_EXPIRES[(h >> 24) % 3_000],
        _card(i),
        status,
        periods[(h >> 62) % len(periods)],
        _EXPIRES[(h >> 16) % 2_600],
        "株式会社サンプル",
        "5835678256246",
        str(180_000 + (h >> 45) % 420 * 1000),
    ]
    if i % 50 == 49:  # one row in fifty has an error
        what = i // 50 % 7
        if what == 0:
            cells[14] = "技術・人文"
        elif what == 1:
            cells[5] = "1990/02/30"
        elif what == 2:
            cells[6] = "100-00001"
        elif what == 3:
            cells[16] = ""
        elif what == 4:
            cells[11] = _passport(i - 1_000 if i >= 1_000 else 0)
        elif what == 5:
            cells[13] = _card(i // 2)
        else:
            cells[2] = "ｸﾞｴﾝ ｱﾝ"
    return cells


def lines(count: int) -> Iterator[str]:
    """The roster as CSV text, the header first, a line at a time (CRLF)."""
    yield HEADER
    for i in range(count):
        yield ",".join(row(i)) + "\r\n"


def write(path: str, count: int) -> int:
    """Write the roster as cp932 to ``path``; its size in bytes."""
    size = 0
    with open(path, "wb") as out:
        batch: list[str] = []
        for line in lines(count):
            batch.append(line)
            if len(batch) == 10_000:
                size += out.write("".join(batch).encode("cp932"))
                batch.clear()
        size += out.write("".join(batch).encode("cp932"))
    return size


def check_quotes() -> None:
    """No cell needs quoting (no comma, quote or line break): the lines are CSV as they are."""
    for i in range(2_000):
        out = io.StringIO()
        csv.writer(out, lineterminator="\r\n").writerow(row(i))
        assert out.getvalue() == ",".join(row(i)) + "\r\n"
