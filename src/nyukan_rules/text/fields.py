"""Field kinds, their rules, normalize() and check_field().

Each :class:`FieldKind` carries a :class:`FieldRule`: the agency's character
classes, the length as its tool counts it (UTF-16 code units, exact or at
most), a pattern and the sources.  :func:`normalize` turns what HR data
holds into the field's canonical form; :func:`check_field` says what is
still wrong with a value as it would be submitted.
"""

from __future__ import annotations

import functools
import itertools
import json
import re
from collections.abc import Callable
from typing import TypedDict

import attrs

from nyukan_rules._args import ensure_bool, ensure_int, ensure_str, type_name, wrong_type
from nyukan_rules.catalog._base import CatalogEnum
from nyukan_rules.dates import Effective
from nyukan_rules.errors import ArgumentTypeError
from nyukan_rules.messages import make_finding
from nyukan_rules.milestones import CURRENT_SYSTEM_START
from nyukan_rules.report import Finding, Report
from nyukan_rules.rules import DatedRule
from nyukan_rules.sources import sources
from nyukan_rules.text import normalizers
from nyukan_rules.text._columns import ColumnRule
from nyukan_rules.text._columns import column_rule as make_column_rule
from nyukan_rules.text.charclass import CharClass, class_body, disallowed
from nyukan_rules.text.charset import (
    SURROGATE,
    control_pattern,
    outside_jis,
    special_body,
    special_pattern,
    suggestion_for,
)
from nyukan_rules.text.ids import corporate_number, passport, postal_code, residence_card
from nyukan_rules.text.ids._common import Identifier

__all__ = [
    "FIELD_RULES",
    "NORMALIZERS",
    "FieldKind",
    "FieldRule",
    "check_field",
    "field_checker",
    "normalize",
    "utf16_length",
]

#: 全角 fields: addresses, relatives' names, workplaces (the tool's "ZEN" set).
ZEN = frozenset(
    {
        CharClass.HIRAGANA,
        CharClass.FULLWIDTH_KANA,
        CharClass.KANJI,
        CharClass.FULLWIDTH_LETTER,
        CharClass.FULLWIDTH_DIGIT,
        CharClass.FULLWIDTH_SYMBOL,
    }
)
#: Fields that take anything typeable (occupation, place of birth, school).
ANY_TEXT = ZEN | {
    CharClass.HALFWIDTH_LETTER,
    CharClass.HALFWIDTH_DIGIT,
    CharClass.HALFWIDTH_SYMBOL,
    CharClass.HALFWIDTH_KANA,
}
ASCII = frozenset(
    {CharClass.HALFWIDTH_LETTER, CharClass.HALFWIDTH_DIGIT, CharClass.HALFWIDTH_SYMBOL}
)
ALNUM = frozenset({CharClass.HALFWIDTH_LETTER, CharClass.HALFWIDTH_DIGIT})
DIGIT = frozenset({CharClass.HALFWIDTH_DIGIT})


class FieldKind(CatalogEnum):
    """The shape of a form field."""

    ROMAN_NAME = ("roman_name", "氏名（英字）", "Name in Roman letters")
    FULLWIDTH_NAME = ("fullwidth_name", "氏名（全角）", "Name in full-width characters")
    ADDRESS = ("address", "住所", "Address in Japan")
    FOREIGN_ADDRESS = ("foreign_address", "本国における居住地", "Address in the home country")
    FULLWIDTH_TEXT = ("fullwidth_text", "全角テキスト", "Full-width text")
    TEXT = ("text", "テキスト", "Text")
    POSTAL_CODE = ("postal_code", "郵便番号", "Postal code")
    PHONE = ("phone", "電話番号", "Phone number")
    EMAIL = ("email", "メールアドレス", "E-mail address")
    PASSPORT_NUMBER = ("passport_number", "旅券番号", "Passport number")
    RESIDENCE_CARD_NUMBER = ("residence_card_number", "在留カード番号", "Residence card number")
    CORPORATE_NUMBER = ("corporate_number", "法人番号", "Corporate number")
    EMPLOYMENT_INSURANCE_NUMBER = (
        "employment_insurance_number",
        "雇用保険適用事業所番号",
        "Employment insurance office number",
    )
    DATE = ("date", "年月日", "Date (YYYYMMDD)")
    YEAR_MONTH = ("year_month", "年月", "Year and month (YYYYMM)")
    YEAR = ("year", "年", "Year (YYYY)")
    DIGITS = ("digits", "数値", "Digits")
    FREE_TEXT = ("free_text", "自由記述", "Free text")

    @property
    def rule(self) -> FieldRule:
        return FIELD_RULES[self]


#: The field rules were read from the current system (from 2026-01-05).
_CURRENT_SYSTEM = Effective(CURRENT_SYSTEM_START, None)


@attrs.frozen
class FieldRule(DatedRule):
    """What a field of one kind must look like."""

    classes: frozenset[CharClass]
    max_length: int | None
    """In UTF-16 code units, as the agency's tool counts (VBA ``Len``)."""
    exact_length: bool
    pattern: str | None
    expected_ja: str
    expected_en: str
    source_ids: tuple[str, ...] = attrs.field(
        kw_only=True, default=("isa-bulk-template-tool", "rasens-form-help")
    )
    effective: Effective = attrs.field(kw_only=True, default=_CURRENT_SYSTEM)
    """The rules were read from the current system's form and workbooks; whether
    the legacy system (until 2026-01-04) had the same limits is not known."""

    @property
    def compiled(self) -> re.Pattern[str] | None:
        return _compiled_pattern(self.pattern) if self.pattern else None


@functools.cache
def _compiled_pattern(pattern: str) -> re.Pattern[str]:
    # ASCII: \d is 0-9 only, never another script's digits (issue 10).
    return re.compile(pattern, re.ASCII)


#: The class groups the rules file names.
_CLASS_GROUPS: dict[str, frozenset[CharClass]] = {
    "zen": ZEN,
    "any_text": ANY_TEXT,
    "ascii": ASCII,
    "alnum": ALNUM,
    "digit": DIGIT,
}
#: The identifiers whose module holds a field's length and pattern.
_IDENTIFIERS: dict[str, Identifier] = {
    "corporate_number": corporate_number.IDENTIFIER,
    "passport": passport.IDENTIFIER,
    "postal_code": postal_code.IDENTIFIER,
    "residence_card": residence_card.IDENTIFIER,
}


def _load_rules() -> dict[FieldKind, FieldRule]:
    """The rules of ``field_rules.json``, one row a kind (the data, not code, of the rules)."""
    from importlib import resources

    data = json.loads(resources.files(__package__).joinpath("field_rules.json").read_text("utf-8"))
    found: dict[FieldKind, FieldRule] = {}
    for row in data["rules"]:
        classes = row["classes"]
        the_classes = (
            _CLASS_GROUPS[classes]
            if isinstance(classes, str)
            else frozenset(CharClass.parse(name) for name in classes)
        )
        identifier = _IDENTIFIERS.get(row.get("identifier", ""))
        if identifier is not None:
            length, exact, pattern = (
                identifier.max_length,
                len(identifier.lengths) == 1,
                identifier.pattern,
            )
        else:
            length, exact, pattern = row["max_length"], row["exact"], row["pattern"]
        found[FieldKind.parse(row["kind"])] = FieldRule(
            the_classes,
            length,
            exact,
            pattern,
            row["expected_ja"],
            row["expected_en"],
            source_ids=tuple(data["source_ids"]),
        )
    return found


FIELD_RULES: dict[FieldKind, FieldRule] = _load_rules()
"""Each kind's rule, from the package's ``field_rules.json`` (a test checks every kind
has one)."""

#: How each kind is normalized (see :mod:`nyukan_rules.text.normalizers`).
NORMALIZERS: dict[FieldKind, Callable[[str], str]] = {
    FieldKind.ROMAN_NAME: normalizers.roman_name,
    FieldKind.FULLWIDTH_NAME: normalizers.fullwidth_name,
    FieldKind.ADDRESS: normalizers.fullwidth_text,
    FieldKind.FOREIGN_ADDRESS: normalizers.fullwidth_text,
    FieldKind.FULLWIDTH_TEXT: normalizers.fullwidth_text,
    FieldKind.TEXT: normalizers.to_windows,
    FieldKind.POSTAL_CODE: normalizers.digits,
    FieldKind.PHONE: normalizers.phone,
    FieldKind.EMAIL: normalizers.ascii_text,
    FieldKind.PASSPORT_NUMBER: normalizers.identifier,
    FieldKind.RESIDENCE_CARD_NUMBER: normalizers.identifier,
    FieldKind.CORPORATE_NUMBER: normalizers.digits,
    FieldKind.EMPLOYMENT_INSURANCE_NUMBER: normalizers.digits,
    FieldKind.DATE: normalizers.ymd,
    FieldKind.YEAR_MONTH: normalizers.ym,
    FieldKind.YEAR: normalizers.year,
    FieldKind.DIGITS: normalizers.digits,
    FieldKind.FREE_TEXT: normalizers.to_windows,
}

_CHAR_FINDINGS_LIMIT = 20


class _Labels(TypedDict):
    label: str


def utf16_length(text: str) -> int:
    """The length as the agency's tool counts it (VBA ``Len``: UTF-16 code units).

    A lone surrogate counts as the one unit it would be in UTF-16.

    >>> utf16_length("髙橋"), utf16_length("𠮷田"), utf16_length("E\\udc80")
    (2, 3, 2)
    """
    if not isinstance(text, str):
        raise ArgumentTypeError(
            f"text must be a str, not {type_name(text)}", **wrong_type("text", text, "str")
        )
    if text.isascii():
        return len(text)
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def normalize(value: str, kind: FieldKind | str) -> str:
    """The canonical form of ``value`` for a field of ``kind``.

    Only characters the field's tables know are changed: full-width and
    half-width forms, half-width kana (voiced marks composed), the JIS code
    points the tool takes in their Windows form, runs of spaces, ASCII
    letters a-z to capitals in name and identifier fields (no other letter
    changes case: ß stays ß, for :func:`check_field` to report), Japanese
    era dates that exist, and, in numeric and identifier fields only,
    separators (hyphen look-alikes, spaces, brackets, 〒).  Anything else
    stays where it is, for :func:`check_field` to report: control and format
    characters (tab, line breaks, BOM, bidi overrides), other scripts'
    digits, an era date that never existed (平成31年5月1日, 令和0年).  A legal
    name is never changed glyph for glyph (髙 stays 髙).  ``value`` must be a
    ``str`` (:class:`~nyukan_rules.ArgumentTypeError`); any ``str`` is taken.

    >>> normalize("ｙａｍａｄａ　　ｔａｒｏ", "roman_name")
    'YAMADA TARO'
    >>> normalize("〒１００－０００１", FieldKind.POSTAL_CODE)
    '1000001'
    >>> normalize("2025年4月1日", "date"), normalize("ﾔﾏﾀﾞ ﾀﾛｳ", "fullwidth_name")
    ('20250401', 'ヤマダ\u3000タロウ')
    >>> normalize("Straße", "roman_name"), normalize("平成31年5月1日", "date")
    ('STRAßE', '平成31年5月1日')
    """
    the_kind = FieldKind.parse(kind)
    if not isinstance(value, str):
        raise ArgumentTypeError(
            f"value must be a str, not {type_name(value)}", **wrong_type("value", value, "str")
        )
    return NORMALIZERS[the_kind](value)


def _char_finding(
    kind: FieldKind,
    field: str,
    index: int,
    char: str,
    suggestion: str | None,
    *,
    code: str,
    label: str,
) -> Finding:
    return make_finding(
        code,
        field=field,
        sources=kind.rule.sources
        if code == "field.unsupported_char"
        else sources("jis-x-0208-windows"),
        label=label,
        index=index + 1,
        char=char,
        codepoint=f"U+{ord(char):04X}",
        suggestion=suggestion or "",
    )


def _char_findings(
    kind: FieldKind, field: str, found: list[tuple[int, str]], code: str, label: str
) -> list[Finding]:
    """One finding a character: a refused one with a suggestion the field takes, one
    outside JIS X 0208 with the JIS character it may stand for."""
    suggest = _suggest if code == "field.unsupported_char" else _jis_suggestion
    return [
        _char_finding(kind, field, index, char, suggest(char, kind), code=code, label=label)
        for index, char in found
    ]


def _jis_suggestion(char: str, kind: FieldKind) -> str | None:
    return suggestion_for(char)


def _suggest(char: str, kind: FieldKind) -> str | None:
    rule, normalizer = FIELD_RULES[kind], NORMALIZERS[kind]
    mapped = normalizer(char) if char.strip() else None
    if mapped and mapped != char and not disallowed(mapped, rule.classes):
        return mapped
    candidate = suggestion_for(char)
    if candidate is None:
        return None
    candidate = normalizer(candidate) or candidate
    return candidate if not disallowed(candidate, rule.classes) else None


@functools.lru_cache(maxsize=256)
def _refused(classes: frozenset[CharClass]) -> re.Pattern[str]:
    """A character ``classes`` refuse, other than the special ones (control and format
    characters, lone surrogates: :func:`~nyukan_rules.text.charset.special_pattern`).

    No class allows a special character, so this is one negated character
    class: matching and counting runs of it stay in C.
    """
    if CharClass.ANY in classes:
        return re.compile(r"(?!)")
    return re.compile(f"[^{class_body(classes)}{special_body()}]")


@functools.lru_cache(maxsize=512)
def _runs(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """Runs of what ``pattern`` matches one character at a time."""
    return re.compile(f"(?:{pattern.pattern})+")


def _first(pattern: re.Pattern[str], value: str, limit: int) -> tuple[list[tuple[int, str]], int]:
    """The first ``limit`` matches (index, text) and how many there are in all.

    The count is taken over runs of matches, so a value of millions of
    matching characters costs a few Python objects, not one per character.
    """
    first = [(m.start(), m.group()) for m in itertools.islice(pattern.finditer(value), limit)]
    if len(first) < limit:
        return first, len(first)
    return first, sum(m.end() - m.start() for m in _runs(pattern).finditer(value))


def _more(name: str, code: str, count: int, limit: int) -> Finding:
    return make_finding(
        "report.more_findings", field=name, capped_code=code, count=count - limit, limit=limit
    )


def check_field(
    value: object,
    kind: FieldKind | str,
    *,
    required: bool = False,
    max_length: int | None = None,
    field: str | None = None,
    label: str | None = None,
) -> Report:
    """What is wrong with ``value`` as it would be submitted in a field of ``kind``.

    ``max_length`` overrides the kind's own (for ``DIGITS`` and
    ``FREE_TEXT`` fields of other sizes); ``field`` names the field in the
    findings (default: the kind's code) and ``label`` how a person knows it
    in the messages (the field's label in its spec, such as 生年月日;
    default: the kind's name).  Characters the agency's tool
    refuses are errors (``field.unsupported_char``), each with its position
    (counted from 1) and a suggestion where a safe one exists; characters it
    accepts but JIS X 0208 lacks (髙) are warnings (``field.outside_jis``).
    Control and format characters (NUL, ESC, tab, line breaks, U+2028, bidi
    overrides such as U+202E, BOM U+FEFF) are errors in every field, free
    text included (``field.control_char``), and so is a lone surrogate left
    by a wrong decoding (``field.invalid_char``); their messages give the
    code point, never the character itself.  An era date that never existed
    (平成31年5月1日, 令和0年) is ``field.era_date``.  At most 20 findings of
    one code are listed per value, then one note with the count of the rest.
    Normalize first (:func:`normalize`) to have what can be fixed fixed.

    ``value`` is untrusted: whatever it is, the answer is a report (a value
    that is no text is ``field.not_text``).  The other arguments are the
    caller's: a wrong type raises :class:`~nyukan_rules.ArgumentTypeError`,
    a ``max_length`` under 1 :class:`~nyukan_rules.ArgumentValueError`.

    >>> check_field("03-1234-5678", "phone").codes
    ('field.unsupported_char', 'field.unsupported_char')
    >>> check_field(normalize("03-1234-5678", "phone"), "phone").ok
    True
    >>> check_field("E\\udc80", "text").codes
    ('field.invalid_char',)
    """
    the_kind, required, max_length, field, label = _options(
        kind, required, max_length, field, label
    )
    if value.__class__ is str and _passes(the_kind, value, max_length):
        return _NOTHING
    return _check(
        the_kind, value, required=required, max_length=max_length, field=field, label=label
    )


def field_checker(
    kind: FieldKind | str,
    *,
    required: bool = False,
    max_length: int | None = None,
    field: str | None = None,
    label: str | None = None,
) -> Callable[[object], Report]:
    """:func:`check_field` for one kind of field, its arguments read once: for many values.

    ``field_checker(kind, **options)(value)`` is ``check_field(value, kind,
    **options)``, the same report, with the arguments checked once rather than
    per value.  A value that passes costs a cache look-up and returns one
    shared empty report.

    >>> check = field_checker("postal_code", required=True)
    >>> check("1000001").ok, check("").codes, check("100000A").codes
    (True, ('field.required',), ('field.unsupported_char',))
    """
    the_kind, required, max_length, field, label = _options(
        kind, required, max_length, field, label
    )

    def check(value: object) -> Report:
        if value.__class__ is str and _passes(the_kind, value, max_length):
            return _NOTHING
        return _check(
            the_kind, value, required=required, max_length=max_length, field=field, label=label
        )

    return check


def _options(
    kind: object, required: object, max_length: object, field: object, label: object
) -> tuple[FieldKind, bool, int | None, str | None, str | None]:
    """The caller's arguments, checked (a wrong type raises: they are not untrusted input)."""
    return (
        _kind(kind),
        required if required is False else ensure_bool(required, "required"),
        None if max_length is None else ensure_int(max_length, "max_length", minimum=1),
        None if field is None else ensure_str(field, "field"),
        None if label is None else ensure_str(label, "label"),
    )


#: What every value that passes gets: one report, shared (reports are frozen).
_NOTHING = Report()
#: Values longer than this are not remembered (none of them passes a field but free
#: text, and the cache must not hold a 25 MB string).
_LONGEST_REMEMBERED = 256


def _kind(kind: object) -> FieldKind:
    if isinstance(kind, FieldKind):
        return kind
    if isinstance(kind, str) and len(kind) <= _LONGEST_REMEMBERED:
        return _kind_named(kind)
    return FieldKind.parse(kind)


@functools.lru_cache(maxsize=256)
def _kind_named(name: str) -> FieldKind:
    """:meth:`FieldKind.parse` of a name, remembered (a name that is none raises, uncached)."""
    return FieldKind.parse(name)


def _passes(kind: FieldKind, value: str, max_length: int | None) -> bool:
    """True when ``value`` has nothing to report (an empty value is left to the check)."""
    if not value:
        return False
    if len(value) > _LONGEST_REMEMBERED:
        return _clean(kind, value, max_length)
    return _remembered_clean(kind, value, max_length)


@functools.lru_cache(maxsize=1 << 16)
def _remembered_clean(kind: FieldKind, value: str, max_length: int | None) -> bool:
    # lru_cache is thread-safe and bounded: the verdicts of the last 65,536 values.
    return _clean(kind, value, max_length)


def _clean(kind: FieldKind, value: str, max_length: int | None) -> bool:
    """Exactly when :func:`_check` finds nothing in a non-empty str, without building any."""
    default, exact, refused, outside, shape, extra = _compiled_kind(kind)
    limit = max_length if max_length is not None else default
    ascii_only = value.isascii()
    length = len(value) if ascii_only else utf16_length(value)
    if limit is not None and (length > limit or (exact and length != limit)):
        return False
    if ascii_only:
        if not value.isprintable():
            return False
    elif special_pattern().search(value) or outside.search(value):
        return False
    if refused.search(value) or (shape is not None and shape.fullmatch(value) is None):
        return False
    return extra is None or extra(value)


@functools.cache
def _compiled_kind(
    kind: FieldKind,
) -> tuple[
    int | None,
    bool,
    re.Pattern[str],
    re.Pattern[str],
    re.Pattern[str] | None,
    Callable[[str], bool] | None,
]:
    """What a value of ``kind`` is checked against, compiled once per kind."""
    rule = FIELD_RULES[kind]
    extra = {
        FieldKind.DATE: normalizers.is_real_date,
        FieldKind.CORPORATE_NUMBER: corporate_number.has_valid_check_digit,
    }.get(kind)
    return (
        rule.max_length,
        rule.exact_length,
        _refused(rule.classes),
        outside_jis(rule.classes),
        rule.compiled,
        extra,
    )


def _check(
    the_kind: FieldKind,
    value: object,
    *,
    required: bool,
    max_length: int | None,
    field: str | None,
    label: str | None,
) -> Report:
    rule = FIELD_RULES[the_kind]
    name = field or the_kind.value
    if label is not None:
        label = ensure_str(label, "label")
    labels: _Labels = {"label": label or the_kind.ja}
    if value is None or (isinstance(value, str) and value == ""):
        if required:
            return Report(
                [make_finding("field.required", field=name, sources=rule.sources, **labels)]
            )
        return Report()
    if not isinstance(value, str):
        return Report(
            [make_finding("field.not_text", field=name, type=type(value).__name__, **labels)]
        )
    value = str(value)  # a str subclass is judged as the plain text it holds
    findings: list[Finding] = []
    limit = max_length if max_length is not None else rule.max_length
    length = utf16_length(value)
    if limit is not None and length > limit:
        findings.append(
            make_finding(
                "field.too_long",
                field=name,
                sources=rule.sources,
                length=length,
                limit=limit,
                **labels,
            )
        )
    special = _special_findings(value, name, labels)
    findings.extend(special)
    cap = _CHAR_FINDINGS_LIMIT
    bad, bad_count = _first(_refused(rule.classes), value, cap)
    era = (
        normalizers.era_problem(value)
        if bad and the_kind in (FieldKind.DATE, FieldKind.YEAR_MONTH)
        else None
    )
    if era is not None:
        findings.append(
            make_finding(
                "field.era_date",
                field=name,
                value=value,
                era=era["era"],
                since=era["since"],
                until=era["until"],
                **labels,
            )
        )
    else:
        findings.extend(
            _char_findings(the_kind, name, bad, "field.unsupported_char", labels["label"])
        )
        if bad_count > cap:
            findings.append(
                make_finding(
                    "field.more_unsupported_chars",
                    field=name,
                    count=bad_count - cap,
                    **labels,
                )
            )
    if not value.isascii():
        outside, outside_count = _first(outside_jis(rule.classes), value, cap)
        findings.extend(
            _char_findings(the_kind, name, outside, "field.outside_jis", labels["label"])
        )
        if outside_count > cap:
            findings.append(_more(name, "field.outside_jis", outside_count, cap))
    # The shape is judged only when every character is allowed: otherwise the
    # character findings already say what is wrong.
    if bad or special:
        pass
    elif (rule.exact_length and limit is not None and length != limit) or (
        rule.compiled is not None and rule.compiled.fullmatch(value) is None
    ):
        findings.append(
            make_finding(
                "field.format",
                field=name,
                sources=rule.sources,
                expected=rule.expected_ja,
                **labels,
            )
        )
    elif the_kind is FieldKind.DATE and not normalizers.is_real_date(value):
        findings.append(make_finding("field.invalid_date", field=name, value=value, **labels))
    elif the_kind is FieldKind.CORPORATE_NUMBER and not _corporate_number_valid(value):
        findings.append(
            make_finding(
                "field.check_digit",
                field=name,
                sources=sources("corporate-number-check-digit"),
                value=value,
                **labels,
            )
        )
    return Report(findings)


def _special_findings(value: str, name: str, labels: _Labels) -> list[Finding]:
    """Control and format characters, and lone surrogates: errors in every field."""
    if value.isascii() and value.isprintable():
        return []
    findings: list[Finding] = []
    cap = _CHAR_FINDINGS_LIMIT
    for code, pattern in (
        ("field.control_char", control_pattern()),
        ("field.invalid_char", SURROGATE),
    ):
        found, count = _first(pattern, value, cap)
        findings.extend(
            make_finding(
                code, field=name, index=index + 1, codepoint=f"U+{ord(char):04X}", **labels
            )
            for index, char in found
        )
        if count > cap:
            findings.append(_more(name, code, count, cap))
    return findings


def _corporate_number_valid(value: str) -> bool:
    return corporate_number.has_valid_check_digit(value)


#: A day of the calendar as YYYYMMDD (years 0001 to 9999): what is_real_date says, as
#: a pattern (the leap days of years divisible by 4, not by 100 unless by 400).
_REAL_DATE = (
    r"(?!0000)(?:\d{4}(?:(?:0[13578]|1[02])(?:0[1-9]|[12]\d|3[01])"
    r"|(?:0[469]|11)(?:0[1-9]|[12]\d|30)|02(?:0[1-9]|1\d|2[0-8]))"
    r"|(?:\d\d(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)0229)"
)


@functools.lru_cache(maxsize=64)
def column_rule(kind: FieldKind, max_length: int | None) -> ColumnRule:
    """The rule :func:`nyukan_rules.text._columns.suspects` checks a whole column of
    ``kind`` against: what :func:`_clean` asks of each value."""
    default, exact, refused, outside, shape, extra = _compiled_kind(kind)
    bad = re.compile(f"{special_pattern().pattern}|{outside.pattern}|{refused.pattern}")
    limit = max_length if max_length is not None else default
    pattern = shape.pattern if shape is not None else None
    if kind is FieldKind.DATE:
        pattern, extra = _REAL_DATE, None
    return make_column_rule(bad, pattern, limit, exact, extra, shape.flags if shape else 0)
