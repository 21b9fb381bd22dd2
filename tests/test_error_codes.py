"""Every error raised on purpose carries a code, and its message exists in every language.

Sources: issue 12 ("every exception message" in the languages of the people who
file; placeholders identical to the source); the docstring of
``nyukan_rules.messages`` (an error is ``SomeError("English", code=..., params=...)``,
``error.message(lang)`` renders ``ERROR_MESSAGES[code]``, ``str(error)`` stays English).
"""

from __future__ import annotations

import ast
import copy
import importlib
import io
import pickle
import pkgutil
import re
import string
import zipfile
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import attrs
import pytest

import nyukan_rules as nr
from nyukan_rules import i18n
from nyukan_rules.errors import NyukanRulesError
from nyukan_rules.messages import ERROR_MESSAGES, make_finding
from tests.batch.hr import GOOD

SRC = Path(nr.__file__).resolve().parent

#: The raise sites without a code in the lead's files (batch/records.py,
#: batch/stream.py, text/fields.py, text/normalizers.py), which the lead converts:
#: (file, the first 60 characters of the raise's first argument as source).  The lead
#: empties this set.
_LEAD_TODO: frozenset[tuple[str, str]] = frozenset()
#: The raise sites without a code in documents/, which the DOCUMENTS-I18N helper
#: converts (they may go before this list is updated: not checked to exist).
_DOCUMENTS_TODO = frozenset(
    {
        ("documents/_api.py", "'employer_category must be 1-4 or an EmployerCategory, not '"),
        ("documents/_api.py", "f'nationality must be a str, not {type_name(value)}'"),
        ("documents/_api.py", "f'relationship must be a str, not {type_name(value)}'"),
        ("documents/_api.py", "f'request must be a str, not {type_name(request)}'"),
    }
)
#: Errors whose class gives the code itself (checked by test_classes_that_give_their_code).
_CODED_BY_CLASS = frozenset(
    {"UnknownNameError", "AmbiguousNameError", "MissingExtraError", "ConversionError"}
)


def _error_classes() -> frozenset[str]:
    for module in pkgutil.walk_packages([str(SRC)], "nyukan_rules."):
        try:
            importlib.import_module(module.name)
        except ImportError:  # an optional extra that is not installed
            continue

    def below(cls: type) -> Iterator[type]:
        for sub in cls.__subclasses__():
            yield sub
            yield from below(sub)

    return frozenset({"NyukanRulesError", *(cls.__name__ for cls in below(NyukanRulesError))})


def _callee(call: ast.Call) -> str | None:
    if isinstance(call.func, ast.Name):
        return call.func.id
    if isinstance(call.func, ast.Attribute):
        return call.func.attr
    return None


def _gives_code(call: ast.Call) -> bool:
    for keyword in call.keywords:
        if keyword.arg == "code":
            return True
        # **wrong_type(...): the argument.type code and params of _args
        if (
            keyword.arg is None
            and isinstance(keyword.value, ast.Call)
            and _callee(keyword.value) == "wrong_type"
        ):
            return True
    return False


def _uncoded_raises() -> list[tuple[str, str, int]]:
    """(file, first argument, line) of each raise of a package error without a code."""
    classes = _error_classes()
    found = []
    for path in sorted(SRC.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        helpers = {
            node.name: node
            for node in tree.body
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        }
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call)):
                continue
            calls = [node.exc]
            name = _callee(node.exc)
            if name in helpers:  # raise _out_of_range(...): the errors the helper returns
                calls = [
                    ret.value
                    for ret in ast.walk(helpers[name])
                    if isinstance(ret, ast.Return) and isinstance(ret.value, ast.Call)
                ]
            for call in calls:
                name = _callee(call)
                if name not in classes or name in _CODED_BY_CLASS or _gives_code(call):
                    continue
                first = ast.unparse(call.args[0])[:60] if call.args else ""
                found.append((path.relative_to(SRC).as_posix(), first, call.lineno))
    return found


def test_every_raised_error_has_a_code() -> None:
    """Each ``raise X(...)`` of a NyukanRulesError passes ``code=`` (or ``**wrong_type``),
    raises a class that gives its own code, or a helper whose errors do."""
    uncoded = _uncoded_raises()
    left = sorted({(f, first) for f, first, _ in uncoded} - _LEAD_TODO - _DOCUMENTS_TODO)
    assert not left, [site for site in uncoded if (site[0], site[1]) in left]
    outside = {file for file, _ in _LEAD_TODO} - {
        "batch/records.py",
        "batch/stream.py",
        "text/fields.py",
        "text/normalizers.py",
    }
    assert not outside


def test_lead_todo_lists_only_sites_that_exist() -> None:
    """A converted site leaves the list: the set only shrinks."""
    still = {(file, first) for file, first, _ in _uncoded_raises()}
    assert still >= _LEAD_TODO, sorted(_LEAD_TODO - still)


def test_the_walk_finds_a_raise_without_a_code(tmp_path: Path) -> None:
    """The check itself: a raise without a code is found, one with a code is not."""
    tree = ast.parse(
        "def f():\n"
        "    raise ValidationError('x')\n"
        "def g():\n"
        "    raise ValidationError('x', code='a.b')\n"
        "def h(v):\n"
        "    raise ArgumentTypeError('x', **wrong_type('v', v, 'str'))\n"
    )
    raises = [n.exc for n in ast.walk(tree) if isinstance(n, ast.Raise)]
    assert [_gives_code(call) for call in raises] == [False, True, True]  # type: ignore[arg-type]


def test_classes_that_give_their_code() -> None:
    errors = [
        nr.UnknownNameError("kind", "x"),
        nr.AmbiguousNameError("status", "x", candidates=("a", "b")),
        nr.MissingExtraError("openpyxl", extra="xlsm"),
        nr.ConversionError("Fee", ["missing @ $.x"]),
    ]
    assert {type(e).__name__ for e in errors} == _CODED_BY_CLASS
    for error in errors:
        assert error.code in ERROR_MESSAGES


# --- every error message: English, placeholders --------------------------------------


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def _english() -> dict[str, str]:
    from babel.messages.pofile import read_po

    path = i18n.LOCALE_DIR / "en" / "LC_MESSAGES" / "nyukan_rules.po"
    with path.open("rb") as handle:
        catalogue = read_po(handle)
    return {
        str(m.context): str(m.string)
        for m in catalogue
        if m.id and m.context in ERROR_MESSAGES and m.id == ERROR_MESSAGES[str(m.context)]
    }


def test_every_error_message_has_english_with_the_same_placeholders() -> None:
    english = _english()
    assert set(english) == set(ERROR_MESSAGES), sorted(set(ERROR_MESSAGES) - set(english))
    for code, source in ERROR_MESSAGES.items():
        assert english[code], code
        assert _placeholders(english[code]) == _placeholders(source), code


def test_no_code_is_both_an_error_and_a_finding() -> None:
    """A code names one thing: rendering reads ERROR_MESSAGES first."""
    assert not set(ERROR_MESSAGES) & set(nr.MESSAGES)


def test_bulk_not_used_by_status_has_no_extra_placeholder() -> None:
    """Review: the English term named {template}, which the Japanese source lacks."""
    from babel.messages.pofile import read_po

    path = i18n.LOCALE_DIR / "en" / "LC_MESSAGES" / "nyukan_rules.po"
    with path.open("rb") as handle:
        catalogue = read_po(handle)
    source = nr.messages.TERMS["bulk.not_used_by_status"]
    (entry,) = [m for m in catalogue if m.context == "term" and m.id == source]
    assert _placeholders(str(entry.string)) == _placeholders(source) == set()


def test_outside_era_names_the_era_last_day() -> None:
    """平成 ended on 2019-04-30: the message gives both ends of the era."""
    with pytest.raises(nr.ValidationError) as caught:
        nr.dates.ensure_date("平成31年5月1日", "expires_on")
    error = caught.value
    assert error.code == "date.outside_era"
    assert "2019/04/30" in error.message("ja")
    assert "1989/01/08" in error.message("ja")  # and its first day
    assert "Apr 30, 2019" in error.message("en")
    assert "{" not in error.message("vi")
    # the current era has no last day: its range reads open, with nothing left over
    with pytest.raises(nr.ValidationError) as caught:
        nr.dates.ensure_date("令和0年1月1日", "on")
    assert "〜）" in caught.value.message("ja")
    assert "{" not in caught.value.message("en")


# --- each code, raised ----------------------------------------------------------------


def _workbook(sheets: dict[str, dict[str, str]]) -> bytes:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, cells in sheets.items():
        sheet = book.create_sheet(name)
        for ref, value in cells.items():
            sheet[ref] = value
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


_SHEETS = ("列項目TBL", "表示シート制御マスタ", "メニュー", "マスタ", "連動マスタ")


def _bundled_data() -> dict[str, Any]:
    from nyukan_rules.batch import templates

    return copy.deepcopy(next(iter(templates._bundled().values())).data)


def _bad_code_book() -> None:
    from nyukan_rules.batch import templates

    data = _bundled_data()
    data["lists"]["CB18_2"] = [*data["lists"]["CB18_2"], ["x", "NOT-A-CODE"]]
    templates._Workbook(data)


def _bad_version_book() -> None:
    from nyukan_rules.batch import templates

    data = _bundled_data()
    for row in data["statuses"]:
        row["version"] = "v1"
    book = templates._Workbook(data)
    for code in book.letters:
        book.template(code)


def _photo() -> bytes:
    from tests.files.fixtures import photo

    return photo()


def _pdf() -> bytes:
    from tests.files.fixtures import pdf

    return pdf()


def _encrypted_pdf() -> bytes:
    from tests.files.fixtures import encrypted_pdf

    return encrypted_pdf()


def _ledger_two_ways() -> None:
    """A ledger that names the common sheet's columns with two prefixes (在E, 資F)."""
    from nyukan_rules.batch import workbook

    class Book:
        sheetnames: tuple[str, ...] = ()

    ledger = [{"parent_cell": "在E"}, {"parent_cell": "資F"}]
    workbook._conventions(Book(), ledger, {}, {"simultaneous": "s", "points": "p"})


def _many_parts() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for index in range(1001):
            archive.writestr(f"p{index}", b"")
    return out.getvalue()


def _clashing_catalog() -> None:
    from nyukan_rules.catalog._base import CatalogEnum

    class Clash(CatalogEnum):
        ONE = ("one", "一", "One")
        TWO = ("two", "一", "Two")

    Clash.parse("a")


def _no_holidays(monkeypatch: pytest.MonkeyPatch) -> None:
    import holidays

    from nyukan_rules import dates

    def refuse(*args: object, **kwargs: object) -> object:
        raise NotImplementedError

    monkeypatch.setattr(holidays, "country_holidays", refuse)
    dates._national_holidays.cache_clear()
    try:
        dates._national_holidays(2031)
    finally:
        dates._national_holidays.cache_clear()


def _write_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    from pypdf import PdfWriter

    def refuse(self: object, stream: object) -> None:
        raise OSError("disk full")

    part = _pdf()  # made with PdfWriter before it is replaced
    monkeypatch.setattr(PdfWriter, "write", refuse)
    nr.merge_pdfs([part])


#: The raisers that replace a library function for the test (they take monkeypatch).
_PATCHING = (_no_holidays, _write_fails)

ON = date(2026, 11, 23)
T = "04V1"


#: code -> (what raises it, a param whose value both the Japanese and the English show)
def _read_twice() -> None:
    from nyukan_rules.batch import iter_read_csv

    stream = iter_read_csv(b"employee_id\r\nE1\r\n")
    list(stream)
    list(stream)


CASES: dict[str, tuple[Callable[..., object], str | None]] = {
    "argument.choice": (lambda: nr.write_csv([], extra="zz"), "choices"),
    "argument.out_of_range": (
        lambda: nr.photo_required("extension_of_period", on=ON, applicant_age=200),
        "maximum",
    ),
    "argument.empty": (
        lambda: nr.check_online_eligibility([], on=ON, role="applicant"),
        "name",
    ),
    "csv.unknown_encoding": (lambda: nr.write_csv([], encoding="nope"), "encoding"),
    "csv.read_once": (lambda: _read_twice(), None),
    "csv.not_text_encoding": (lambda: nr.write_csv([], encoding="rot13"), "encoding"),
    "csv.write.not_mapping": (lambda: nr.write_csv([1]), "given"),
    "csv.write.field_name": (lambda: nr.write_csv([{1: "x"}]), "given"),
    "csv.write.unknown_column": (lambda: nr.write_csv([{"zz_col": "1"}]), "field"),
    "csv.write.char": (
        lambda: nr.write_csv([{"employee_id": "😀"}], encoding="cp932"),
        "char",
    ),
    "csv.write.encoding": (
        lambda: nr.write_csv([{"employee_id": "."}], encoding="idna"),
        "encoding",
    ),
    "csv.write.file_encoding": (
        lambda: nr.write_csv([{"employee_id": "x"}], encoding="idna"),
        "encoding",
    ),
    "csv.write.not_text": (lambda: nr.write_csv([{"employee_id": 1}]), "field"),
    "csv.write.formula": (lambda: nr.write_csv([{"employee_id": "=1+1"}]), "field"),
    "csv.write.formula_header": (
        lambda: nr.write_csv([{"=x": "1"}], columns=["=x"]),
        "field",
    ),
    "bulk.template_attribute": (
        lambda: attrs.evolve(nr.bulk_template(T), version="1"),
        "name",
    ),
    "bulk.template_file_name": (
        lambda: attrs.evolve(nr.bulk_template(T), file_name="x.csv"),
        "expected",
    ),
    "bulk.workbook_procedure": (
        lambda: __import__("nyukan_rules.batch.templates").batch.templates._Workbook(
            {"file_prefix": "ZZ_"}
        ),
        "prefix",
    ),
    "bulk.workbook_template_code": (_bad_code_book, "template"),
    "bulk.workbook_template_version": (_bad_version_book, "version"),
    "bulk.kind_not_offered": (
        lambda: nr.bulk_template_for("permanent_residence", "永住者"),
        "choices",
    ),
    "bulk.no_activity_choice": (
        lambda: nr.bulk_template_for(
            "certificate_of_eligibility", "技術・人文知識・国際業務", activity="本邦大卒者"
        ),
        "activity",
    ),
    "bulk.unknown_activity": (
        lambda: nr.bulk_template_for("certificate_of_eligibility", "特定活動", activity="zzz"),
        "activity",
    ),
    "bulk.status_not_offered": (
        lambda: nr.bulk_template_for("extension_of_period", "永住者"),
        "choices",
    ),
    "bulk.activity_needed": (
        lambda: nr.bulk_template_for("extension_of_period", "高度専門職1号イ"),
        "choices",
    ),
    "bulk.no_upload_file": (
        lambda: nr.bulk_template_for("change_of_status", "研修"),
        "choices",
    ),
    "bulk.workbook_unreadable": (lambda: nr.read_bulk_template(b"not a zip"), "error"),
    "bulk.workbook_sheet": (lambda: nr.read_bulk_template(_workbook({"x": {}})), "sheet"),
    "bulk.workbook_parts": (lambda: nr.read_bulk_template(_many_parts()), "count"),
    "bulk.workbook_version_date": (
        lambda: nr.read_bulk_template(_workbook({name: {} for name in _SHEETS})),
        "sheet",
    ),
    "bulk.workbook_file_name": (
        lambda: nr.read_bulk_template(
            _workbook(
                {
                    **{name: {} for name in _SHEETS},
                    "メニュー": {"A1": "（2025/04/01版）"},
                    "表示シート制御マスタ": {"L3": "oddname"},
                }
            )
        ),
        "value",
    ),
    "bulk.workbook_ledger": (_ledger_two_ways, "count"),
    "bulk.kind_needed": (lambda: nr.records_to_bulk_files([{}]), "name"),
    "bulk.workbook_not_out": (
        lambda: nr.records_to_bulk_files([GOOD], template=T, on=date(2020, 1, 1)),
        "version",
    ),
    "bulk.rows_have_errors": (
        lambda: nr.write_bulk_files([{"x": "\x00"}], template=T),
        "rows",
    ),
    "photo.card_before_filing": (
        lambda: nr.photo_required(
            "extension_of_period", on=ON, applicant_age=20, card_issued_on=date(2026, 1, 1)
        ),
        None,
    ),
    "photo.open_formats": (lambda: nr.PhotoPolicy(open_formats=("xyz",)), "choices"),
    "photo.cannot_prepare": (lambda: nr.prepare_photo(b"junk"), "count"),
    "photo.cannot_decode": (lambda: nr.prepare_photo(_photo()[:100_000]), "error"),
    "pdf.merge.part_type": (lambda: nr.merge_pdfs([b"%PDF-", "x"]), "given"),
    "pdf.merge.no_parts": (lambda: nr.merge_pdfs([]), None),
    "pdf.merge.not_pdf": (lambda: nr.merge_pdfs([b"abc"]), "part"),
    "pdf.merge.unreadable": (lambda: nr.merge_pdfs([b"%PDF-1.4 junk"]), "error"),
    "pdf.merge.write_failed": (_write_fails, "error"),
    "pdf.merge.encrypted": (lambda: nr.merge_pdfs([_pdf(), _encrypted_pdf()]), "part"),
    "catalog.name_clash": (_clashing_catalog, "text"),
    "date.ends_before_start": (
        lambda: nr.dates.Effective(date(2026, 4, 1), date(2026, 3, 31)),
        None,
    ),
    "date.no_holiday_calendar": (_no_holidays, "year"),
    "id.not_text": (lambda: nr.text.ids.passport.validate(5), "given"),
    "id.length": (lambda: nr.text.ids.passport.validate("A" * 13), "value"),
    "id.format": (lambda: nr.text.ids.residence_card.validate("1234567890AB"), "value"),
    "id.checksum": (lambda: nr.text.ids.corporate_number.validate("1234567890123"), "value"),
    "submission.edition_needed": (lambda: nr.check_submission([]), None),
    "submission.attachment_type": (
        lambda: nr.check_submission([("a.pdf", "x")], edition="legacy"),
        "number",
    ),
    "convert.not_base64": (lambda: nr.converter.structure("!!", bytes), None),
    "report.has_errors": (
        lambda: nr.Report([make_finding("csv.nul", line=3)]).raise_for_errors(),
        "count",
    ),
    "roster.cannot_plan": (
        lambda: nr.plan_renewals([{"id": "E1"}], on=ON).raise_for_errors(),
        "count",
    ),
    "edition.not_in_service": (lambda: nr.SystemEdition.for_date(date(2000, 1, 1)), None),
    "period.part_type": (lambda: nr.PeriodOfStay(years="1"), "given"),  # type: ignore[arg-type]
    "period.part_out_of_range": (lambda: nr.PeriodOfStay(years=-1), "part"),
    "period.indefinite_with_length": (
        lambda: nr.PeriodOfStay(years=1, indefinite=True),
        None,
    ),
    "period.months_over_11": (lambda: nr.PeriodOfStay(months=18), "months"),
    "period.empty": (lambda: nr.PeriodOfStay(), None),
}
#: Codes reached only through limits too large to build in a test (a workbook of over
#: 160 MB unpacked, a PDF past the step budget, a writer that fails): raised here
#: with the module's limit lowered or its writer replaced.
_LIMITS: dict[str, tuple[str, str, object]] = {
    "bulk.workbook_size": ("nyukan_rules.batch.workbook", "_MAX_UNZIPPED", 1),
    "pdf.merge.too_complex": ("nyukan_rules.files.pdf", "MERGE_UNITS", 0),
}
#: Codes no input reaches: a defence for a branch the checks above already rule out.
_UNREACHABLE = {
    "photo.cannot_open": "prepare_photo opens the photo before; pragma: no cover",
}


#: A placeholder left in a message ({row}); a pattern's {3} is text.
_LEFT_OVER = re.compile(r"\{[a-z_]+\}")


def _raised(raiser: Callable[..., object], monkeypatch: pytest.MonkeyPatch) -> NyukanRulesError:
    arguments = (monkeypatch,) if raiser in _PATCHING else ()
    with pytest.raises(NyukanRulesError) as caught:
        raiser(*arguments)
    return caught.value


def _shown(value: object) -> str:
    return str(value.ja if hasattr(value, "ja") else value)


@pytest.mark.parametrize("code", sorted(CASES))
def test_each_code_is_raised_with_its_message(code: str, monkeypatch: pytest.MonkeyPatch) -> None:
    raiser, param = CASES[code]
    error = _raised(raiser, monkeypatch)
    assert error.code == code, (error.code, str(error))
    assert _placeholders(ERROR_MESSAGES[code]) <= set(error.params) | {"until"}
    ja, en = error.message("ja"), error.message("en")
    assert ja != en
    assert not _LEFT_OVER.search(ja)
    assert not _LEFT_OVER.search(en)
    if param is not None:
        value = error.params[param]
        shown = {_shown(value), f"{value:,}"} if isinstance(value, int) else {_shown(value)}
        assert any(text in ja for text in shown), (ja, value)
        assert any(text in en for text in shown | {str(value)}), (en, value)
    for lang in ("vi", "zh-CN", "xx"):
        assert not _LEFT_OVER.search(error.message(lang))
    # it crosses a process boundary whole (house rule: errors pickle)
    back = pickle.loads(pickle.dumps(error))
    assert (type(back), str(back), back.code, back.params) == (
        type(error),
        str(error),
        error.code,
        error.params,
    )
    assert back.message("en") == en


@pytest.mark.parametrize("code", sorted(_LIMITS))
def test_codes_past_a_limit(code: str, monkeypatch: pytest.MonkeyPatch) -> None:
    module, name, value = _LIMITS[code]
    monkeypatch.setattr(importlib.import_module(module), name, value)
    if code.startswith("bulk."):
        with pytest.raises(NyukanRulesError) as caught:
            nr.read_bulk_template(_workbook({"x": {"A1": "x" * 100}}))
    else:
        from tests.files.fixtures import pdf

        with pytest.raises(NyukanRulesError) as caught:
            nr.merge_pdfs([pdf()])
    error = caught.value
    assert error.code == code
    assert str(error.params["limit"]) in error.message("en")
    assert "{" not in error.message("ja")


_TESTED_IN_THEIR_MODULES = (
    "argument.type",
    "argument.too_",
    "catalog.unknown_name",
    "catalog.ambiguous_name",
    "fee.",
    "deadline.",
    "documents.",
    "extra.",
    "convert.invalid",
)


def test_every_code_is_raised_by_a_test() -> None:
    """Each error code is raised by a test: here, or in the module's tests for the
    older codes (argument.*, catalog.*, date.*, fee.*, deadline.*, documents.*)."""
    elsewhere = {
        code
        for code in ERROR_MESSAGES
        if code.startswith(_TESTED_IN_THEIR_MODULES)
        or code in {"date.not_a_date", "date.outside_era", "date.out_of_calendar"}
    }
    covered = set(CASES) | set(_LIMITS) | set(_UNREACHABLE) | elsewhere
    assert set(ERROR_MESSAGES) <= covered, sorted(set(ERROR_MESSAGES) - covered)
    assert not (set(CASES) | set(_LIMITS) | set(_UNREACHABLE)) - set(ERROR_MESSAGES)


def test_str_stays_english() -> None:
    """str(error) is the English text it was before codes were given."""
    with pytest.raises(NyukanRulesError) as caught:
        nr.write_csv([{"employee_id": "=1"}])
    assert str(caught.value).startswith("row 1, field employee_id: starts with '='")
    with pytest.raises(NyukanRulesError) as caught:
        nr.PeriodOfStay(months=18)
    assert str(caught.value) == "unknown period of stay: 'months=18 (use years)'"
    assert isinstance(caught.value, nr.UnknownNameError)
