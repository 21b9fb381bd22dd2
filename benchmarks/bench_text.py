"""Cost of field normalization and the character check, against baselines in the same run.

    python benchmarks/bench_text.py

For each field kind: ``normalize`` over 100,000 realistic values, against
the same values through the obvious jaconv pipeline (``jaconv.z2h`` or
``jaconv.h2z`` with ASCII and digits, plus ``str.upper`` for Roman names)
and through ``unicodedata.normalize("NFKC")`` (neither baseline gives the
field's canonical form: they are the floor a naive pipeline costs).  Then
``unsupported_chars`` over 1 MB of Japanese text against
``str.encode("cp932")``, which only says yes or no.
"""

from __future__ import annotations

import random
import time
import unicodedata
from collections.abc import Callable

import jaconv

import nyukan_rules as nr

F = nr.FieldKind
RNG = random.Random(20261122)
SURNAMES = ["ｙａｍａｄａ", "Nguyen", "SMITH", "ｔａｎａｋａ", "Garcia  Lopez", "LI"]
KANA = ["ﾔﾏﾀﾞ ﾀﾛｳ", "ｸﾞｴﾝ ｳﾞｧﾝ ｱﾝ", "スミス　ジョン", "ﾀﾅｶ ﾊﾅｺ"]
PLACES = [
    "東京都千代田区霞が関1-1-1",
    "大阪府大阪市北区梅田３－４－５　ハイツ202",
    "神奈川県横浜市西区2-3-4",
]


def samples(kind: nr.FieldKind) -> list[str]:
    make: dict[nr.FieldKind, Callable[[], str]] = {
        F.ROMAN_NAME: lambda: f"{RNG.choice(SURNAMES)} {RNG.choice(SURNAMES)}",
        F.FULLWIDTH_NAME: lambda: RNG.choice(KANA),
        F.ADDRESS: lambda: RNG.choice(PLACES),
        F.FOREIGN_ADDRESS: lambda: "Ho Chi Minh City, District 1",
        F.FULLWIDTH_TEXT: lambda: "株式会社ABCホールディングス",
        F.TEXT: lambda: "ソフトウェア開発 engineer",
        F.POSTAL_CODE: lambda: f"〒{RNG.randint(100, 999)}－{RNG.randint(0, 9999):04d}",
        F.PHONE: lambda: (
            f"0{RNG.randint(10, 99)}-{RNG.randint(1000, 9999)}-{RNG.randint(1000, 9999)}"
        ),
        F.EMAIL: lambda: f"user{RNG.randint(1, 9999)}@example.co.jp",
        F.PASSPORT_NUMBER: lambda: f"tz{RNG.randint(1000000, 9999999)}",
        F.RESIDENCE_CARD_NUMBER: lambda: f"ab{RNG.randint(10**7, 10**8 - 1)}cd",
        F.CORPORATE_NUMBER: lambda: "5-8356-7825-6246",
        F.EMPLOYMENT_INSURANCE_NUMBER: lambda: "1234-567890-1",
        F.DATE: lambda: f"{RNG.randint(1960, 2010)}/{RNG.randint(1, 12)}/{RNG.randint(1, 28)}",
        F.YEAR_MONTH: lambda: f"{RNG.randint(1990, 2026)}年{RNG.randint(1, 12)}月",
        F.YEAR: lambda: str(RNG.randint(1990, 2026)),
        F.DIGITS: lambda: f"{RNG.randint(0, 10**9):,}".replace(",", ""),
        F.FREE_TEXT: lambda: "日本語学校を卒業後、ソフトウェア開発に従事する予定です。" * 3,
    }
    return [make[kind]() for _ in range(100_000)]


def timed(fn: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best * 1e3


def jaconv_pipeline(kind: nr.FieldKind) -> Callable[[str], str]:
    if kind in (F.FULLWIDTH_NAME, F.ADDRESS, F.FOREIGN_ADDRESS, F.FULLWIDTH_TEXT):
        return lambda v: jaconv.h2z(v, kana=True, ascii=True, digit=True)
    if kind is F.ROMAN_NAME:
        return lambda v: jaconv.z2h(v, kana=False, ascii=True, digit=True).upper()
    return lambda v: jaconv.z2h(v, kana=False, ascii=True, digit=True)


def main() -> None:
    print(f"{'field kind':<28}{'normalize':>11}{'jaconv':>11}{'NFKC':>11}   ratio to jaconv / NFKC")
    for kind in F:
        values = samples(kind)
        ours = timed(lambda values=values, kind=kind: [nr.normalize(v, kind) for v in values])
        pipe = jaconv_pipeline(kind)
        base = timed(lambda values=values, pipe=pipe: [pipe(v) for v in values])
        nfkc = timed(lambda values=values: [unicodedata.normalize("NFKC", v) for v in values])
        print(
            f"{kind.value:<28}{ours:9.1f}ms{base:9.1f}ms{nfkc:9.1f}ms"
            f"   {ours / base:5.2f} / {ours / nfkc:5.2f}"
        )
    text = (
        "在留期間更新許可申請の添付資料として、髙橋①さんの住所は東京都千代田区霞が関１－１－１です。"
        * 30_000
    )[: 1_000_000 // 3]
    size = len(text.encode("utf-8"))
    ours = timed(lambda: nr.unsupported_chars(text))
    base = timed(lambda: text.encode("cp932", errors="replace"))
    print(
        f"unsupported_chars, {size / 1e6:.1f} MB UTF-8 {ours:9.1f}ms   "
        f"{ours / base:6.1f} x str.encode('cp932') ({base:.1f} ms)"
    )


if __name__ == "__main__":
    main()
