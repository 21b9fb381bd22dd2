"""Example data bundled with the package, used by ``python -m nyukan_rules`` and the docs."""

from __future__ import annotations

import csv
import io
import random
from collections.abc import Mapping
from datetime import date, timedelta
from typing import TYPE_CHECKING

import attrs

from nyukan_rules.catalog import ApplicantRole, ApplicationKind, Channel, PeriodOfStay
from nyukan_rules.catalog import StatusOfResidence as S

if TYPE_CHECKING:
    from nyukan_rules.batch.templates import BulkTemplate, RequiredColumn

__all__ = [
    "EXAMPLE_FILING",
    "EXAMPLE_HR_COLUMNS",
    "ROSTER_COUNTRIES",
    "ROSTER_KANA",
    "ROSTER_MIX",
    "ExampleFiling",
    "example_defaults",
    "example_hr_export",
]


@attrs.frozen
class ExampleFiling:
    """A filing as an HR system would describe it."""

    name: str
    kinds: tuple[ApplicationKind, ...]
    role: ApplicantRole
    status: S
    period_of_stay: PeriodOfStay
    expires_on: date
    on: date
    registered_agent: bool = True
    channel: Channel = Channel.ONLINE


#: An engineer's one-year extension with a single re-entry permit, filed
#: online by the employer's approved staff on 2026-11-22.
EXAMPLE_FILING = ExampleFiling(
    name="NGUYEN VAN AN",
    kinds=(ApplicationKind.EXTENSION_OF_PERIOD, ApplicationKind.REENTRY_PERMIT_SINGLE),
    role=ApplicantRole.ORGANIZATION_STAFF,
    status=S.ENGINEER_SPECIALIST_HUMANITIES_INTERNATIONAL,
    period_of_stay=PeriodOfStay(years=1),
    expires_on=date(2027, 1, 31),
    on=date(2026, 11, 22),
)


# --- an HR export, made in code ------------------------------------------------------

#: The export's headers and the fields of :data:`~nyukan_rules.DEFAULT_APPLICANT_SPEC`
#: they hold: the ``columns=`` argument of :func:`~nyukan_rules.read_csv`.
EXAMPLE_HR_COLUMNS: dict[str, str] = {
    "社員番号": "employee_id",
    "氏名": "name_roman",
    "氏名（カナ・漢字）": "name_kana",
    "国籍": "nationality",
    "性別": "sex",
    "生年月日": "date_of_birth",
    "郵便番号": "postal_code",
    "住所": "address",
    "電話": "phone",
    "携帯": "mobile_phone",
    "メール": "email",
    "旅券番号": "passport_number",
    "旅券期限": "passport_expiry",
    "在留カード番号": "residence_card_number",
    "在留資格": "status",
    "在留期間": "period_of_stay",
    "満了日": "expires_on",
    "所属機関": "employer",
    "法人番号": "corporate_number",
    "月給": "monthly_salary",
}

#: The example roster's mix: (status as HR writes it, periods, share in percent).
ROSTER_MIX: tuple[tuple[str, tuple[str, ...], int], ...] = (
    ("技術・人文知識・国際業務", ("1年", "3年", "5年"), 40),
    ("特定技能1号", ("1年",), 20),
    ("家族滞在", ("1年", "3年"), 10),
    ("日本人の配偶者等", ("1年", "3年"), 8),
    ("留学", ("1年3月", "2年3月"), 10),
    ("永住者", ("",), 12),
)
#: The example roster's nationalities: (country, surnames, given names).
ROSTER_COUNTRIES = (
    ("ベトナム", ("NGUYEN", "TRAN", "LE", "PHAM"), ("VAN AN", "THI HOA", "MINH TUAN")),
    ("中国", ("WANG", "LI", "ZHANG", "LIU"), ("WEI", "FANG", "JUN")),
    ("フィリピン", ("SANTOS", "REYES", "CRUZ"), ("MARIA", "JOSE", "ANNA")),
    ("ネパール", ("SHRESTHA", "GURUNG", "TAMANG"), ("RAM", "SITA", "BIKASH")),
    ("インドネシア", ("SETIAWAN", "WIJAYA"), ("AGUS", "SITI", "DEWI")),
    ("ミャンマー", ("AUNG", "KYAW", "HTET"), ("MIN", "THU", "ZAW")),
    ("ブラジル", ("SILVA", "SOUZA", "OLIVEIRA"), ("PEDRO", "ANA", "LUCAS")),
    ("韓国", ("KIM", "PARK", "CHOI"), ("MIN JUN", "SEO YEON", "JI HO")),
)
#: The katakana the example roster's names are made of.
ROSTER_KANA = (
    "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン"
)
_CITIES = (
    ("1000001", "東京都千代田区千代田"),
    ("5300001", "大阪府大阪市北区梅田"),
    ("4600001", "愛知県名古屋市中区三の丸"),
    ("8100001", "福岡県福岡市中央区天神"),
    ("2310001", "神奈川県横浜市中区新港"),
)


_SYLLABLES = ("KA", "MI", "NU", "TE", "LO", "SA", "RI", "VU", "HE", "DO", "BA", "ZI", "NA", "TO")


def _syllables(rng: random.Random) -> str:
    # A third name part makes names distinct, as they are in a real roster.
    return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4)))


def _letters(i: int) -> str:
    return chr(65 + i // 26 % 26) + chr(65 + i % 26)


def _roster_row(i: int, rng: random.Random) -> dict[str, str]:
    pick = rng.randrange(100)
    status, periods = ROSTER_MIX[-1][:2]
    for status, periods, share in ROSTER_MIX:  # noqa: B007 (the loop picks them)
        if pick < share:
            break
        pick -= share
    country, surnames, given = ROSTER_COUNTRIES[rng.randrange(len(ROSTER_COUNTRIES))]
    postal, city = _CITIES[rng.randrange(len(_CITIES))]
    kana = "".join(rng.choice(ROSTER_KANA) for _ in range(rng.randint(2, 4)))
    kana += "　" + "".join(rng.choice(ROSTER_KANA) for _ in range(rng.randint(2, 4)))
    born = date(1970, 1, 1) + timedelta(days=rng.randrange(12_000))
    # Expiries spread over the coming fourteen months, from the example's day.
    expires = EXAMPLE_FILING.on + timedelta(days=rng.randrange(-20, 420))
    landline = rng.random() < 0.2
    return {
        "社員番号": f"E{i:05d}",
        "氏名": f"{rng.choice(surnames)} {rng.choice(given)} {_syllables(rng)}",
        "氏名（カナ・漢字）": kana,
        "国籍": country,
        "性別": rng.choice(("男", "女")),
        "生年月日": born.strftime("%Y/%m/%d"),
        "郵便番号": f"{postal[:3]}-{postal[3:]}",
        "住所": f"{city}{rng.randint(1, 9)}-{rng.randint(1, 30)}-{rng.randint(1, 20)}",
        "電話": f"03-{rng.randint(1000, 9999)}-{rng.randint(1000, 9999)}" if landline else "",
        "携帯": f"090-{rng.randint(1000, 9999)}-{i % 10_000:04d}",
        "メール": f"e{i:05d}@example.jp",
        "旅券番号": f"{chr(65 + i % 26)}{rng.randint(0, 9)}{i:06d}",
        "旅券期限": (expires + timedelta(days=rng.randrange(400, 3000))).strftime("%Y-%m-%d"),
        "在留カード番号": f"{_letters(i)}{i:08d}C{chr(65 + rng.randrange(26))}",
        "在留資格": status,
        "在留期間": rng.choice(periods),
        "満了日": expires.strftime("%Y/%m/%d"),
        "所属機関": "株式会社サンプル",
        "法人番号": "5835678256246",
        "月給": str(rng.randint(180, 600) * 1000),
    }


def example_hr_export(count: int = 350, *, seed: int = 2026) -> bytes:
    """An HR system's cp932 CSV export of ``count`` employees, made in code.

    The mix a mid-sized employer has (技術・人文知識・国際業務, 特定技能1号,
    家族滞在, 日本人の配偶者等, 留学, 永住者), HR's own wording (``2027/1/31``,
    ``〒``-less postal codes with a hyphen, ``特定技能1号`` with a half-width
    digit) and, as in any real export, a few rows to fix: a half-width kana
    name, a name with 髙 (outside JIS X 0208), an empty expiry, a misspelt
    status, an impossible date and a passport number used twice.  The same
    ``count`` and ``seed`` always give the same bytes; the columns are
    :data:`EXAMPLE_HR_COLUMNS`.

    >>> data = example_hr_export(5)
    >>> data.decode("cp932").splitlines()[0].split(",")[:3]
    ['社員番号', '氏名', '氏名（カナ・漢字）']
    """
    rng = random.Random(seed)
    rows = [_roster_row(i, rng) for i in range(count)]
    # The few broken rows every real export has, spread through the roster.
    broken: list[tuple[str, str]] = [
        ("氏名（カナ・漢字）", "ｸﾞｴﾝ ｳﾞｧﾝ ｱﾝ"),
        ("氏名（カナ・漢字）", "髙　偉"),
        ("満了日", ""),
        ("在留資格", "技術・人文"),
        ("生年月日", "1990/02/30"),
    ]
    for n, (header, value) in enumerate(broken):
        at = (n + 1) * count // (len(broken) + 2)
        if at < count:
            rows[at][header] = value
    if count > 2:
        rows[-1]["旅券番号"] = rows[0]["旅券番号"]
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(EXAMPLE_HR_COLUMNS), lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode("cp932")


def _stand_in(column: RequiredColumn) -> str:
    """A stand-in answer of the column's form: 無 where asked, else a sample value."""
    for label, code in column.allowed:
        if label.startswith("無"):
            return code
    if column.allowed:
        return column.allowed[0][1]
    if column.date_part:
        return {"year": "1990", "month": "04", "day": "01"}[column.date_part]
    classes, size = {c.name for c in column.classes}, column.length or 10
    if "在留カード番号" in column.label:
        return "AB12345678CD"
    if column.exact and size == 8 and classes <= {"HALFWIDTH_DIGIT"}:
        return "19900101"
    if "メール" in column.label:
        return "hr@example.jp"
    if classes and classes <= {"HALFWIDTH_DIGIT"}:
        return "0" + "1" * (size - 1)
    if "HALFWIDTH_UPPER" in classes or "HALFWIDTH_LETTER" in classes:
        return "SAMPLE"[:size]
    return ("東京都" if "KANJI" in classes else "サンプル")[:size]


def example_defaults(template: BulkTemplate, row: Mapping[str, str]) -> dict[str, str]:
    """Stand-in answers to every column ``row`` still needs in ``template``.

    What an HR export does not hold (the employer's details, the reason, a
    dependant's sponsor …) comes, in real use, from the employer's records or
    a form built from :meth:`~nyukan_rules.BulkTemplate.required_for`.  For
    examples, benchmarks and tests this answers each question the way
    ``docs/hr.md`` shows: 無 where asked, else a value of the column's form;
    one question at a time (a whole date at once), since a choice can change
    the next question.  Never use these values in a real filing.
    """
    answers: dict[str, str] = {}
    while needed := [
        c
        for c in template.required_for({**row, **answers})
        if c.header not in row and c.header not in answers
    ]:
        answers.update((c.header, _stand_in(c)) for c in needed if c is needed[0] or c.date_part)
    return answers
