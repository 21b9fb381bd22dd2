"""The agency's bulk-upload templates as data: BulkTemplate, bulk_template(), read_bulk_template().

A template is one procedure (certificate of eligibility, change of status,
extension) and one status category (``04N2`` = extension, 技術・人文知識・
国際業務): the upload file's header, column by column, and each column's
checks, exactly as the workbook's field ledger (列項目TBL) gives them.
"""

from __future__ import annotations

import functools
import gzip
import json
from importlib import resources
from typing import Any

import attrs

from nyukan_rules.catalog import ApplicationKind
from nyukan_rules.errors import UnknownNameError, ValidationError
from nyukan_rules.text.charclass import CharClass

__all__ = [
    "BulkColumn",
    "BulkTemplate",
    "CodeList",
    "bulk_template",
    "bulk_template_codes",
    "read_bulk_template",
]

_KINDS = {
    "SA_03_001_": ApplicationKind.CERTIFICATE_OF_ELIGIBILITY,
    "SA_03_002_": ApplicationKind.CHANGE_OF_STATUS,
    "SA_03_003_": ApplicationKind.EXTENSION_OF_PERIOD,
}
#: Applicants per upload file: the tool's input rows 8 to 307 (mdlConst
#: IPTSHT_INPUT_MXROW; source isa-bulk-template-tool, workbooks of 2026).
MAX_ROWS_PER_FILE = 300


@attrs.frozen
class CodeList:
    """One of the workbook's code lists: (label, code) pairs in the tool's order."""

    name: str
    pairs: tuple[tuple[str, str], ...]

    @functools.cached_property
    def _by_label(self) -> dict[str, str]:
        return dict(self.pairs)

    @functools.cached_property
    def _codes(self) -> frozenset[str]:
        return frozenset(code for _, code in self.pairs)

    def code_for(self, value: str) -> str | None:
        """The code of ``value`` given as a label or as a code; None if neither."""
        if value in self._codes:
            return value
        return self._by_label.get(value)

    def label_for(self, code: str) -> str | None:
        return next((label for label, c in self.pairs if c == code), None)


@attrs.frozen
class BulkColumn:
    """One column of an upload file, with the tool's checks for it."""

    header: str
    """The physical name the tool writes in the header row."""
    label: str
    """The Japanese label of the input column (列項目名)."""
    position: int
    """1-based position in the line."""
    sheet: str
    cell: str
    """The input sheet and column the value comes from."""
    classes: tuple[CharClass, ...]
    length: int | None
    exact: bool
    required: bool
    code_list: str | None
    parent_list: tuple[str, str] | None
    """(sheet, column) of the column whose choice selects this column's code list."""
    parent_cells: tuple[str, ...]
    """Input columns whose value decides whether this column applies (チェック親列)."""
    parent_values: tuple[str, ...]
    """The values of ``parent_cells`` that make it apply (チェック親値, labels)."""
    date_pattern: str | None
    """Where the tool writes part of a date: the regular expression it applies."""
    hidden: bool
    """The status category hides this input column: a value there is an error."""
    unknown_date_ok: bool
    """The help text allows the unknown-part forms 99999999, YYYY0000, YYYYMM00."""


@attrs.frozen
class BulkTemplate:
    """The upload file of one procedure and status category."""

    code: str
    kind: ApplicationKind
    status: str
    """The status category as the workbook's menu names it."""
    version: str
    """The ``NNN`` of ``_verNNN``: the system refuses a file whose name changes it."""
    workbook: str
    workbook_version: str
    workbook_sha256: str
    file_name: str
    header: tuple[str, ...]
    columns: tuple[BulkColumn, ...]
    lists: dict[str, CodeList] = attrs.field(eq=False, repr=False, hash=False)

    @property
    def width(self) -> int:
        """Fields per line, the empty last one included."""
        return len(self.header)

    @functools.cached_property
    def by_header(self) -> dict[str, tuple[BulkColumn, ...]]:
        """The columns feeding each header name (a few names take two inputs)."""
        found: dict[str, list[BulkColumn]] = {}
        for column in self.columns:
            found.setdefault(column.header, []).append(column)
        return {name: tuple(cols) for name, cols in found.items()}

    def code_list(self, name: str) -> CodeList | None:
        return self.lists.get(name)


def _int(text: str) -> int | None:
    try:
        return int(text)
    except ValueError:
        return None


def _classes(text: str) -> tuple[CharClass, ...]:
    if not text:
        return ()
    found = []
    for name in text.split("，"):
        try:
            found.append(CharClass.parse(name.strip()))
        except UnknownNameError:
            continue  # 日付 and the like are checks, not classes: see BulkColumn
    return tuple(found)


def _hidden(spec: str) -> frozenset[str]:
    """Column letters hidden by a 表示シート制御マスタ entry such as ``D:E,CS:FJ,GG``."""
    from nyukan_rules.batch.workbook import _col, _letter

    letters: set[str] = set()
    for part in filter(None, (p.strip() for p in spec.split(","))):
        first, _, last = part.partition(":")
        for index in range(_col(first), _col(last or first) + 1):
            letters.add(_letter(index))
    return frozenset(letters)


class _Workbook:
    """One workbook's data, with its templates built on first use."""

    def __init__(self, data: dict[str, Any]) -> None:
        kind = _KINDS.get(data["file_prefix"])
        if kind is None:
            raise ValidationError(f"unknown procedure in the file name {data['file_prefix']!r}")
        self.data = data
        self.kind = kind
        self.lists = {
            name: CodeList(name, tuple((label, code) for label, code in pairs))
            for name, pairs in data["lists"].items()
        }
        self.statuses = {s["label"]: s for s in data["statuses"]}
        self.letters = dict(data["lists"].get("CB18_2", []))
        self.labels = {code: label for label, code in data["lists"].get("CB18", [])}
        self.activity: dict[str, tuple[str, str]] = {}  # code -> (status, main activity)
        for status_code, status_label in self.labels.items():
            for activity_label, code in data["lists"].get(f"CB18_{status_code}", []):
                self.activity[code] = (status_label, activity_label)
        self.widths: dict[str, int] = {}
        for entry in data["ledger"]:
            for letter, number in entry["columns"].items():
                self.widths[letter] = max(self.widths.get(letter, 0), number)
        self.built: dict[str, BulkTemplate] = {}

    def codes(self) -> list[str]:
        return [code for code in self.letters if self._sheets(code) is not None]

    def _sheets(self, code: str) -> tuple[str, dict[str, frozenset[str]], str] | None:
        """(status name, input sheets with their hidden columns, version), or None."""
        data, statuses = self.data, self.statuses
        sheets: dict[str, frozenset[str]] = {data["common_sheet"]: frozenset()}
        if code in self.activity:
            status_label, activity_label = self.activity[code]
            row = statuses[activity_label]
            sheets[row["sheet"]] = _hidden(row["hidden"])
            sheets[data["points_sheet"]] = _hidden(statuses[status_label]["hidden"])
            version = row["version"] or statuses[status_label]["version"]
            name = f"{status_label} / {activity_label}"
        elif code in self.labels:
            name = self.labels[code]
            row = statuses.get(name)
            if row is None or row["sheet"] == data["points_sheet"]:
                return None  # 高度専門職 needs its main activity: only activity codes are files
            sheets[row["sheet"]] = _hidden(row["hidden"])
            version = row["version"]
        else:
            return None
        if data["simultaneous_sheet"]:
            sheets.setdefault(data["simultaneous_sheet"], frozenset())
        return name, sheets, version or "001"

    def template(self, code: str) -> BulkTemplate | None:
        if code in self.built:
            return self.built[code]
        found = self._sheets(code)
        if found is None or code not in self.letters:
            return None
        status, sheets, version = found
        letter, data = self.letters[code], self.data
        columns = []
        for entry in data["ledger"]:
            position = entry["columns"].get(letter)
            if not position or entry["sheet"] not in sheets:
                continue
            columns.append(_column(entry, position, hidden=entry["cell"] in sheets[entry["sheet"]]))
        # The macro (getOutDefList, outputFile) writes the header name of every ledger
        # row with a number in the status's column, the 高度専門職 point sheet's rows
        # included, whose values it writes only where that sheet is in use.
        header = [""] * (self.widths.get(letter, 3) + 1)
        for entry in data["ledger"]:
            number = entry["columns"].get(letter)
            if number:
                header[number - 1] = entry["header"]
        template = BulkTemplate(
            code=code,
            kind=self.kind,
            status=status,
            version=version,
            workbook=data["workbook"],
            workbook_version=data["version_date"],
            workbook_sha256=data["sha256"],
            file_name=f"{data['file_prefix']}{code}_ver{version}.csv",
            header=tuple(header),
            columns=tuple(columns),
            lists=self.lists,
        )
        self.built[code] = template
        return template


def _column(entry: dict[str, Any], position: int, *, hidden: bool) -> BulkColumn:
    parent = entry["parent_cell"]
    return BulkColumn(
        header=entry["header"],
        label=entry["label"],
        position=position,
        sheet=entry["sheet"],
        cell=entry["cell"],
        classes=_classes(entry["classes"]),
        length=_int(entry["length"]),
        exact=entry["exact"],
        required=entry["required"],
        code_list=entry["code_list"] or None,
        parent_list=(entry["parent_list_sheet"], entry["parent_list_cell"])
        if entry["parent_list_cell"]
        else None,
        parent_cells=tuple(c.strip() for c in parent.split(",") if c.strip()),
        parent_values=tuple(entry["parent_value"].split("｜")) if parent else (),
        date_pattern=entry["date_pattern"] or None,
        hidden=hidden,
        unknown_date_ok="不詳" in entry["help"],
    )


#: Which bundled workbook holds a code: its first two characters.
_PROCEDURE_OF_CODE = {"01": "SA_03_001_", "05": "SA_03_002_", "04": "SA_03_003_"}


@functools.cache
def _bundled() -> dict[str, _Workbook]:
    """The bundled workbooks by file prefix (loaded once, on first use)."""
    found: dict[str, _Workbook] = {}
    folder = resources.files("nyukan_rules.batch").joinpath("data")
    for item in sorted(folder.iterdir(), key=lambda i: i.name):
        if item.name.endswith(".json.gz"):
            book = _Workbook(json.loads(gzip.decompress(item.read_bytes())))
            found[book.data["file_prefix"]] = book
    return found


def bulk_template_codes() -> tuple[str, ...]:
    """Every procedure-and-category code of the bundled workbooks, sorted."""
    return tuple(sorted(code for book in _bundled().values() for code in book.codes()))


def bulk_template(code: str) -> BulkTemplate:
    """The bundled template for ``code`` (``01N2``, ``04N2``, ``05IA`` …).

    >>> t = bulk_template("04N2")
    >>> t.file_name, t.kind.value, t.width
    ('SA_03_003_04N2_ver001.csv', 'extension_of_period', 559)

    Unknown codes raise :class:`~nyukan_rules.UnknownNameError`.
    """
    if not isinstance(code, str):
        raise UnknownNameError("bulk template", code)
    key = code.strip().upper()
    book = _bundled().get(_PROCEDURE_OF_CODE.get(key[:2], ""))
    template = book.template(key) if book else None
    if template is None:
        raise UnknownNameError("bulk template", code)
    return template


def read_bulk_template(xlsm: bytes, *, name: str = "") -> dict[str, BulkTemplate]:
    """Every template of a workbook the agency publishes, by code.

    So a new version of the workbook works the day it appears.  Needs
    openpyxl (``pip install 'nyukan-rules[xlsm]'``).
    """
    from nyukan_rules.batch.workbook import read_workbook

    book = _Workbook(read_workbook(xlsm, name=name))
    return {code: t for code in book.codes() if (t := book.template(code)) is not None}
