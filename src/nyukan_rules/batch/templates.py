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
import re
import threading
from collections.abc import Mapping, Sequence
from importlib import resources
from typing import TYPE_CHECKING, Any

import attrs

from nyukan_rules.catalog import ApplicationKind, StatusOfResidence
from nyukan_rules.catalog._base import lookup_key
from nyukan_rules.errors import (
    ArgumentValueError,
    NotOfferedError,
    NyukanRulesError,
    UnknownNameError,
    ValidationError,
)
from nyukan_rules.text.charclass import CharClass

if TYPE_CHECKING:
    from nyukan_rules.batch.checks import TemplateChecks
else:
    # attrs records the annotation of BulkTemplate.checks, which cattrs reads at run
    # time; the class lives in batch.checks, which imports this module.
    TemplateChecks = Any

__all__ = [
    "BulkColumn",
    "BulkTemplate",
    "CodeList",
    "RequiredColumn",
    "Section",
    "WorkbookConventions",
    "as_template",
    "bulk_template",
    "bulk_template_codes",
    "bulk_template_for",
    "read_bulk_template",
]

_KINDS = {
    "SA_03_001_": ApplicationKind.CERTIFICATE_OF_ELIGIBILITY,
    "SA_03_002_": ApplicationKind.CHANGE_OF_STATUS,
    "SA_03_003_": ApplicationKind.EXTENSION_OF_PERIOD,
}
MAX_ROWS_PER_FILE = 300
"""Applicants per upload file: the tool's input rows 8 to 307 (mdlConst
IPTSHT_INPUT_MXROW; source isa-bulk-template-tool, workbooks of 2026)."""
#: A template code as the workbooks spell them (``04N2``, ``01IA``): two digits of
#: the procedure, a letter of the category, a digit or letter.  Codes and versions
#: read from a workbook must match before they name a file.
CODE_PATTERN = re.compile(r"[0-9]{2}[A-Z][0-9A-Z]", re.ASCII)
VERSION_PATTERN = re.compile(r"[0-9]{3}", re.ASCII)
_PREFIX_OF_KIND = {kind: prefix for prefix, kind in _KINDS.items()}


def _check_code(_: object, attribute: attrs.Attribute[str], value: str) -> None:
    pattern = CODE_PATTERN if attribute.name == "code" else VERSION_PATTERN
    if not isinstance(value, str):
        from nyukan_rules._args import type_name

        raise ArgumentValueError(
            f"a bulk template {attribute.name} must be a str matching {pattern.pattern},"
            f" not {type_name(value)}",
            code="bulk.template_attribute",
            params={"name": attribute.name, "pattern": pattern.pattern},
        )
    if not pattern.fullmatch(value):
        raise ArgumentValueError(
            f"a bulk template {attribute.name} must match {pattern.pattern}: {value!r:.40}",
            code="bulk.template_attribute",
            params={"name": attribute.name, "pattern": pattern.pattern},
        )


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

    @functools.cached_property
    def by_key(self) -> dict[str, str]:
        """Code by the lookup key (widths, case and spaces aside) of each label, of its
        Japanese part and of its English part; the first pair wins."""
        found: dict[str, str] = {}
        for label, code in self.pairs:
            japanese, _, english = label.partition(" ")
            for text in (label, japanese, english):
                if text:
                    found.setdefault(lookup_key(text), code)
        return found

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
class RequiredColumn:
    """A column a row still needs, with what it takes (from :meth:`BulkTemplate.required_for`)."""

    header: str
    """The physical name: the key of the row."""
    label: str
    """The workbook's Japanese label (列項目名)."""
    label_en: str
    """The label for an English reader: the ledger has Japanese labels only, so the
    Japanese label with the physical name."""
    allowed: tuple[tuple[str, str], ...]
    """(label, code) pairs the column takes for this row (its code list, resolved
    through the choices already made); empty for a free-text column."""
    length: int | None
    exact: bool
    """``length`` is exact (a date, a postal code) rather than a maximum."""
    classes: tuple[CharClass, ...]
    """The character classes the tool allows."""
    one_of: tuple[str, ...] = ()
    """Other columns that would do instead (a party's landline or mobile number)."""
    date_part: str | None = None
    """``"year"``, ``"month"`` or ``"day"`` for one part of a date the workbook
    splits over several columns (each part is listed); else ``None``."""


def _date_part(pattern: str | None) -> str | None:
    """Which part of a YYYYMMDD date a split-date column takes, from its pattern."""
    if not pattern:
        return None
    match = re.match(pattern, "19990102")
    if match is None or not match.groups():
        return None
    return {"1999": "year", "01": "month", "02": "day"}.get(match.group(1))


@attrs.frozen
class Section:
    """A part of the simultaneous-application sheet (申請情報入力(同時申請)), from its row 3."""

    title: str
    """The title over its columns (再入国許可申請)."""
    first: str
    """Its first column's letters."""
    chooser: str | None
    """The column of the sheet whose 有 chooses it (the chooser's name is the title);
    None for the common part, which any choice opens."""


@attrs.frozen
class WorkbookConventions:
    """How the tool reads its own sheets, as read from the workbook by the generator.

    The generator (``scripts/gen_bulk_templates.py``, through
    :func:`~nyukan_rules.batch.workbook.read_workbook`) extracts these with
    the ledger and the code lists; nothing here is a literal of the checks.
    """

    sections: tuple[Section, ...]
    """The simultaneous-application sheet's parts, left to right."""
    chosen_code: str
    """The code of 有 in the choosers' list: the procedure is chosen."""
    common_prefix: str
    """What a チェック親列 puts before a column of the common sheet (``在E``)."""
    points_chooser: str
    """The 高度専門職 point sheet's choosing column (特別高度人材制度の利用の有無)."""
    points_skip_code: str
    """The code there that asks for the point table (無)."""
    either: tuple[tuple[str, str], ...]
    """Label endings of two columns of a party one of which must be given
    (「電話番号」又は「携帯電話番号」はどちらか必須)."""
    source: str
    """The sheets and cells they were read from."""

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> WorkbookConventions:
        return cls(
            sections=tuple(Section(s["title"], s["first"], s["chooser"]) for s in data["sections"]),
            chosen_code=data["chosen_code"],
            common_prefix=data["common_prefix"],
            points_chooser=data["points_chooser"],
            points_skip_code=data["points_skip_code"],
            either=tuple((first, second) for first, second in data["either"]),
            source=data["source"],
        )

    def chooser_of(self, cell: str) -> str | None:
        """The chooser column that opens ``cell`` of the simultaneous sheet: ``""`` when
        ``cell`` is open whatever is chosen (a chooser itself, or left of every part),
        None when any choice opens it (the common part)."""
        from nyukan_rules.batch.workbook import column_index

        if cell in self.choosers:
            return ""
        index, found = column_index(cell), ""
        opened_by: str | None = ""
        for section in self.sections:
            if column_index(section.first) > index:
                break
            if section.chooser is not None:
                found = section.chooser
                opened_by = found
            elif not found:
                opened_by = None  # the common part; a part with no chooser of its own
                # after a chosen one continues it
        return opened_by

    @functools.cached_property
    def choosers(self) -> tuple[str, ...]:
        """The choosing columns, left to right."""
        return tuple(s.chooser for s in self.sections if s.chooser is not None)


@attrs.frozen
class BulkTemplate:
    """The upload file of one procedure and status category."""

    code: str = attrs.field(validator=_check_code)
    kind: ApplicationKind
    status: str
    """The status category as the workbook's menu names it."""
    version: str = attrs.field(validator=_check_code)
    """The ``NNN`` of ``_verNNN``: the system refuses a file whose name changes it."""
    workbook: str
    workbook_version: str
    workbook_sha256: str
    file_name: str = attrs.field()
    header: tuple[str, ...]
    columns: tuple[BulkColumn, ...]
    lists: dict[str, CodeList] = attrs.field(eq=False, repr=False, hash=False)
    conventions: WorkbookConventions = attrs.field(eq=False, repr=False, hash=False)
    """How the workbook's tool reads its sheets (extracted with the ledger)."""

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

    @file_name.validator
    def _check_file_name(self, _: object, value: str) -> None:
        # Built only from the validated parts: nothing of a workbook names a path.
        expected = f"{_PREFIX_OF_KIND.get(self.kind, '')}{self.code}_ver{self.version}.csv"
        if value != expected:
            raise ArgumentValueError(
                f"a bulk template's file name must be {expected}",
                code="bulk.template_file_name",
                params={"expected": expected},
            )

    def code_list(self, name: str) -> CodeList | None:
        return self.lists.get(name)

    @functools.cached_property
    def checks(self) -> TemplateChecks:
        """What checking rows of this template needs (conditions, sections, pairs),
        computed once, on first use, and kept with the template.  Two threads asking
        first may both compute it; they get equal answers and one is kept."""
        from nyukan_rules.batch.checks import TemplateChecks

        return TemplateChecks(self)

    def upload_file_name(self, part: int | None = None) -> str:
        """The upload file's name; with ``part``, one of several files of a batch
        (``..._part2_ver001.csv``: the ``_verNNN.csv`` end, which the system checks,
        unchanged).  Built from the validated code and version only.

        >>> bulk_template("04N2").upload_file_name(2)
        'SA_03_003_04N2_part2_ver001.csv'
        """
        middle = f"_part{part}" if part is not None else ""
        return f"{_PREFIX_OF_KIND[self.kind]}{self.code}{middle}_ver{self.version}.csv"

    def required_for(self, row: Any = None) -> tuple[RequiredColumn, ...]:
        """The columns ``row`` must still fill, given the choices it has already made.

        Answering them (and asking again: a choice can open further columns)
        gives a row the template takes, so a caller can build a form or a
        defaults file from it.

        >>> needed = bulk_template("04N2").required_for({})
        >>> tuple(c.label for c in needed)[:3]
        ('国籍・地域', '生年月日', '氏名')
        >>> next(c for c in needed if c.header == "radSex").allowed
        (('男 male', '1'), ('女 female', '2'))
        """
        from nyukan_rules._args import type_name, wrong_type
        from nyukan_rules.batch.checks import code_lists_for, validate_bulk_rows
        from nyukan_rules.errors import ArgumentTypeError

        if row is None:
            row = {}
        if not isinstance(row, Mapping):
            raise ArgumentTypeError(
                f"row must be a mapping, not {type_name(row)}",
                **wrong_type("row", row, "mapping"),
            )
        report = validate_bulk_rows([row], template=self)
        ctx = self.checks
        found: dict[str, RequiredColumn] = {}
        for finding in report.findings:
            if finding.code not in ("batch.required", "batch.phone_required"):
                continue
            if finding.field is None or finding.field in found:
                continue
            column = self.by_header[finding.field][-1]
            allowed: tuple[tuple[str, str], ...] = ()
            if column.code_list:
                for name in code_lists_for(self, row, column):
                    codes = self.code_list(name)
                    if codes is not None and codes.pairs:
                        allowed = codes.pairs
                        break
            one_of: tuple[str, ...] = ()
            if finding.code == "batch.phone_required":
                one_of = tuple(m.header for p, m, _ in ctx.phone_pairs if p.header == column.header)
            # A date split over several columns is asked for whole: every part.
            parts = ctx.date_groups.get((column.sheet, column.cell), [column])
            for part in parts if column.date_pattern else [column]:
                found.setdefault(
                    part.header,
                    RequiredColumn(
                        header=part.header,
                        label=part.label,
                        label_en=f"{part.label} ({part.header})",
                        allowed=allowed if part is column else (),
                        length=part.length,
                        exact=part.exact,
                        classes=part.classes,
                        one_of=one_of,
                        date_part=_date_part(part.date_pattern),
                    ),
                )
        return tuple(found.values())

    @property
    def statuses(self) -> tuple[StatusOfResidence, ...]:
        """The statuses of residence :func:`bulk_template_for` maps to this template.

        >>> tuple(s.ja for s in bulk_template("04V1").statuses)
        ('特定技能1号', '特定技能2号')
        """
        return _statuses_of(self)


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
    from nyukan_rules.batch.workbook import column_index, column_letter

    letters: set[str] = set()
    for part in filter(None, (p.strip() for p in spec.split(","))):
        first, _, last = part.partition(":")
        for index in range(column_index(first), column_index(last or first) + 1):
            letters.add(column_letter(index))
    return frozenset(letters)


class _Workbook:
    """One workbook's data, with its templates built on first use."""

    def __init__(self, data: dict[str, Any]) -> None:
        kind = _KINDS.get(data["file_prefix"])
        if kind is None:
            raise ValidationError(
                f"unknown procedure in the file name {data['file_prefix']!r:.40}",
                code="bulk.workbook_procedure",
                params={"prefix": str(data["file_prefix"])[:40]},
            )
        self.data = data
        self.kind = kind
        self.lists = {
            name: CodeList(name, tuple((label, code) for label, code in pairs))
            for name, pairs in data["lists"].items()
        }
        self.statuses = {s["label"]: s for s in data["statuses"]}
        self.conventions = WorkbookConventions.from_data(data["conventions"])
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
        self.lock = threading.Lock()
        for code in self.letters:
            if not CODE_PATTERN.fullmatch(code):
                raise ValidationError(
                    f"the workbook names a template {code!r:.40}, which is not a template code"
                    f" ({CODE_PATTERN.pattern}): not the agency's template",
                    code="bulk.workbook_template_code",
                    params={"template": code[:40], "pattern": CODE_PATTERN.pattern},
                )

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
        with self.lock:  # one template object per code, whatever the threads
            if code not in self.built:
                built = self._build(code)
                if built is None:
                    return None
                self.built[code] = built
            return self.built[code]

    def _build(self, code: str) -> BulkTemplate | None:
        found = self._sheets(code)
        if found is None or code not in self.letters:
            return None
        status, sheets, version = found
        if not VERSION_PATTERN.fullmatch(version):
            raise ValidationError(
                f"the workbook gives template {code} the version {version!r:.40}, which is not"
                f" three digits: not the agency's template",
                code="bulk.workbook_template_version",
                params={"template": code, "version": version[:40]},
            )
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
        return BulkTemplate(
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
            conventions=self.conventions,
        )

    @functools.cached_property
    def _menu(self) -> tuple[tuple[str, str, tuple[str, ...]], ...]:
        return tuple(
            (code, label, _names(label)) for label, code in self.data["lists"].get("CB18", [])
        )

    def menu(self) -> tuple[tuple[str, str, tuple[str, ...]], ...]:
        """(code, menu label, the names in it) of every status of the menu (CB18)."""
        return self._menu

    @functools.cached_property
    def code_set(self) -> frozenset[str]:
        return frozenset(self.codes())


#: A column whose header joins a year, a month and a day (``…Year(4),…Month(2),…Day(2)``)
#: takes one date as ``YYYYMMDD``, 8 half-width digits, whatever its ledger row leaves
#: blank (the workbooks' help text, row 6 of each input sheet: 「YYYYMMDD」, unknown
#: parts 99999999 / YYYY0000 / YYYYMM00; source isa-bulk-template-tool).
WHOLE_DATE_PATTERN = re.compile(r"Year\(4\),[^,]*Month\(2\),[^,]*Day\(2\)$")


def _column(entry: dict[str, Any], position: int, *, hidden: bool) -> BulkColumn:
    parent = entry["parent_cell"]
    length, exact, classes = _int(entry["length"]), entry["exact"], _classes(entry["classes"])
    if length is None and WHOLE_DATE_PATTERN.search(entry["header"]):
        length, exact, classes = 8, True, (CharClass.HALFWIDTH_DIGIT,)
    return BulkColumn(
        header=entry["header"],
        label=entry["label"],
        position=position,
        sheet=entry["sheet"],
        cell=entry["cell"],
        classes=classes,
        length=length,
        exact=exact,
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
    return _load_bundled()


def _load_bundled() -> dict[str, _Workbook]:
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


@functools.cache
def _header_lists() -> tuple[dict[str, CodeList], ...]:
    """For each template (codes sorted), the code list of each header whose last column
    has one with values.  Read off workbooks loaded for it alone where none are held:
    their ledgers are some 26 MB of objects (measured) that a process checking records
    never needs, and a worker process would hold them to its end."""
    books = _bundled() if _bundled.cache_info().currsize else _load_bundled()
    found: list[dict[str, CodeList]] = []
    for code in sorted(code for book in books.values() for code in book.codes()):
        book = books[_PROCEDURE_OF_CODE[code[:2]]]
        sheets = book._sheets(code)
        letter = book.letters.get(code)
        if sheets is None or letter is None:
            continue
        last: dict[str, dict[str, Any]] = {}
        for entry in book.data["ledger"]:
            if entry["columns"].get(letter) and entry["sheet"] in sheets[1]:
                last[entry["header"]] = entry
        lists: dict[str, CodeList] = {}
        for header, entry in last.items():
            listed = book.lists.get(entry["code_list"] or "")
            if listed is not None and listed.pairs:
                lists[header] = listed
        found.append(lists)
    return tuple(found)


def header_code_list(headers: Sequence[str]) -> CodeList | None:
    """The code list of the last column named by the first of ``headers`` that has one
    with values, in the first template (codes sorted) that has such a column: what
    ``bulk_template(code).by_header`` gives, read off the ledger without building the
    templates (a second of the first check of a record, measured)."""
    for lists in _header_lists():
        for header in headers:
            if header in lists:
                return lists[header]
    return None


def as_template(template: BulkTemplate | str) -> BulkTemplate:
    """``template`` itself, or the bundled template its code names.

    A value of another type raises :class:`~nyukan_rules.ArgumentTypeError`,
    an unknown code :class:`~nyukan_rules.UnknownNameError`.
    """
    if isinstance(template, BulkTemplate):
        return template
    if not isinstance(template, str):
        from nyukan_rules._args import type_name, wrong_type
        from nyukan_rules.errors import ArgumentTypeError

        raise ArgumentTypeError(
            f"template must be a BulkTemplate or a code, not {type_name(template)}",
            **wrong_type("template", template, "BulkTemplate or code"),
        )
    return bulk_template(template)


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


def _names(label: str) -> tuple[str, ...]:
    """The statuses a menu label names, Japanese part only: ``技術・人文知識・国際業務，
    特定活動（本邦大卒者） Engineer…`` gives both names (commas inside brackets kept)."""
    return tuple(lookup_key(name) for name in _top_level(label.split(" ", 1)[0]))


_HSP_MENU = {
    StatusOfResidence.HIGHLY_SKILLED_PROFESSIONAL_1_A: ("X1",),
    StatusOfResidence.HIGHLY_SKILLED_PROFESSIONAL_1_B: ("X2",),
    StatusOfResidence.HIGHLY_SKILLED_PROFESSIONAL_1_C: ("X3",),
    StatusOfResidence.HIGHLY_SKILLED_PROFESSIONAL_2: ("X1", "X2", "X3"),
}


def _book_of(kind: object) -> tuple[ApplicationKind, _Workbook]:
    try:
        the_kind = ApplicationKind.parse(kind)
    except UnknownNameError:
        if isinstance(kind, (str, ApplicationKind)):
            raise
        from nyukan_rules._args import type_name, wrong_type
        from nyukan_rules.errors import ArgumentTypeError

        raise ArgumentTypeError(
            f"kind must be an ApplicationKind or its name, not {type_name(kind)}",
            **wrong_type("kind", kind, "ApplicationKind or str"),
        ) from None
    book = _bundled().get(_PREFIX_OF_KIND.get(the_kind, ""))
    if book is None:
        offered = ", ".join(k.value for k in _PREFIX_OF_KIND)
        raise NotOfferedError(
            f"no bulk-registration template for {the_kind.value}; the workbooks cover {offered}",
            code="bulk.kind_not_offered",
            params={"kind": the_kind, "choices": offered},
        )
    return the_kind, book


def _menu_codes(book: _Workbook, text: object) -> list[str]:
    """The menu codes a status names (a member, a catalog name or a menu label)."""
    if isinstance(text, str):
        key = lookup_key(text)
        for code, label, _ in book.menu():
            if key == lookup_key(label) or key == lookup_key(label.split(" ", 1)[0]):
                return [code]
        exact = [code for code, _, names in book.menu() if key in names]
        if exact:
            return exact
    try:
        status = StatusOfResidence.parse(text)
    except UnknownNameError:
        if not isinstance(text, str):
            from nyukan_rules._args import type_name, wrong_type
            from nyukan_rules.errors import ArgumentTypeError

            raise ArgumentTypeError(
                f"status must be a StatusOfResidence or its name, not {type_name(text)}",
                **wrong_type("status", text, "StatusOfResidence or str"),
            ) from None
        raise
    if status in _HSP_MENU:
        prefix = next(iter(book.letters))[:2]
        return [f"{prefix}{x}" for x in _HSP_MENU[status]]
    for name in (status.ja, status.legal_status):
        found = [code for code, _, names in book.menu() if lookup_key(name) in names]
        if found:
            return found
    return []


def _top_level(japanese: str) -> list[str]:
    """The parts of a label's Japanese text split at ``，`` outside brackets, as written."""
    names, depth, current = [], 0, ""
    for char in japanese:
        depth += 1 if char in "（(" else -1 if char in "）)" else 0
        if char == "，" and depth == 0:
            names.append(current)
            current = ""
        else:
            current += char
    names.append(current)
    return [name for name in names if name]


def _sub_activities(book: _Workbook, status: object) -> list[tuple[str, str]]:
    """(activity, menu code) of the menu names ``<status>（activity，…）`` for the status:
    特定活動（本邦大卒者） is 本邦大卒者 of 特定活動, in 04N2."""
    base = status.ja if isinstance(status, StatusOfResidence) else str(status)
    if isinstance(status, str):
        try:
            base = StatusOfResidence.parse(status).ja
        except NyukanRulesError:
            base = re.split("[（(]", status, maxsplit=1)[0]
    key = lookup_key(base)
    found = []
    for code, label, _ in book.menu():
        for name in _top_level(label.split(" ", 1)[0]):
            parts = re.split("[（(]", name, maxsplit=1)
            if len(parts) < 2 or lookup_key(parts[0]) != key:
                continue
            inner = parts[1]
            for part in re.split("[，・,]", inner.rstrip("）)")):
                if part.strip():
                    found.append((part.strip(), code))
    return found


def _by_sub_activity(
    kind: ApplicationKind, book: _Workbook, status: object, codes: list[str], activity: str
) -> BulkTemplate:
    """The template of an activity named in brackets of the menu (特定活動（本邦大卒者）)."""
    choices = _sub_activities(book, status)
    if any(code in codes for _, code in choices):
        # The status named one menu entry already: its own activities only.
        choices = [(name, code) for name, code in choices if code in codes]
    key = lookup_key(activity)
    for name, code in choices:
        if lookup_key(name) == key and code in book.code_set:
            return bulk_template(code)
    if not choices:
        raise NotOfferedError(
            f"no main activity {activity:.60} for {status!s:.60}: the {kind.value} workbook"
            " offers no activity choice for it (leave activity out)",
            code="bulk.no_activity_choice",
            params={"activity": activity[:60], "status": _status_param(status), "kind": kind},
        )
    offered = "、".join(dict.fromkeys(name for name, _ in choices))
    raise NotOfferedError(
        f"no main activity {activity:.60} for {status!s:.60}; offered: " + offered,
        code="bulk.unknown_activity",
        params={"activity": activity[:60], "status": _status_param(status), "choices": offered},
    )


def _status_param(status: object) -> object:
    """``status`` as a message param: the member it names (shown in the reader's
    language), or the text given (at most 60 characters)."""
    if isinstance(status, str):
        try:
            return StatusOfResidence.parse(status)
        except NyukanRulesError:
            pass
    return status if isinstance(status, StatusOfResidence) else f"{status!s:.60}"


def _offered(book: _Workbook) -> str:
    return "、".join(label.split(" ", 1)[0] for _, label, _ in book.menu())


def bulk_template_for(kind: object, status: object, *, activity: object = None) -> BulkTemplate:
    """The template of a procedure and a status of residence, found in the workbooks' menus.

    ``kind`` and ``status`` are catalog members or any name their ``parse``
    accepts; ``status`` may also be a label of the workbook's menu (``特定活動
    （本邦大卒者）``).  高度専門職 needs ``activity``, the main activity (a status
    name such as ``教授`` or ``技術・人文知識・国際業務``); for 特定活動 an
    ``activity`` names one of the menu's bracketed activities (``本邦大卒者``
    is 特定活動（本邦大卒者）, in 04N2).  An ``activity`` given is always used: one
    the status does not offer raises :class:`~nyukan_rules.NotOfferedError`
    naming those it does (an empty or blank one counts as not given).
    ``activity`` must be a str or None (else
    :class:`~nyukan_rules.ArgumentTypeError`).

    >>> bulk_template_for("extension_of_period", "特定技能1号").code
    '04V1'
    >>> bulk_template_for("在留期間更新許可", "高度専門職1号ロ", activity="技能").code
    '04NK'
    >>> bulk_template_for("extension_of_period", "特定活動", activity="本邦大卒者").code
    '04N2'

    A pair no workbook offers raises :class:`~nyukan_rules.NotOfferedError`
    naming the statuses that are offered for the procedure.
    """
    from nyukan_rules._args import ensure_optional_str

    activity = ensure_optional_str(activity, "activity")
    if activity is not None and not activity.strip():
        activity = None  # an empty cell of a roster: no activity given
    the_kind, book = _book_of(kind)
    codes = _menu_codes(book, status)
    if not codes:
        raise NotOfferedError(
            f"no {the_kind.value} bulk template for {status!s:.60}; offered: {_offered(book)}",
            code="bulk.status_not_offered",
            params={"kind": the_kind, "status": _status_param(status), "choices": _offered(book)},
        )
    has_lists = any(f"CB18_{code}" in book.data["lists"] for code in codes)
    if activity is not None and not has_lists:
        return _by_sub_activity(the_kind, book, status, codes, activity)
    if has_lists:
        activities = [
            (label, code)
            for parent in codes
            for label, code in book.data["lists"].get(f"CB18_{parent}", [])
        ]
        if activities:
            if activity is None:
                offered = "、".join(label.split(" ", 1)[0] for label, _ in activities)
                raise NotOfferedError(
                    f"{status!s:.60} needs its main activity: one of " + offered,
                    code="bulk.activity_needed",
                    params={"status": _status_param(status), "choices": offered},
                )
            keys = {lookup_key(activity)} if isinstance(activity, str) else set()
            try:
                parsed = StatusOfResidence.parse(activity)
                keys |= {lookup_key(parsed.ja), lookup_key(parsed.legal_status)}
            except NyukanRulesError:
                pass
            for label, code in activities:
                if code == activity or keys & {lookup_key(label), *_names(label)}:
                    return bulk_template(code)
            offered = "、".join(label.split(" ", 1)[0] for label, _ in activities)
            raise NotOfferedError(
                f"no main activity {activity!s:.60} for {status!s:.60}; offered: " + offered,
                code="bulk.unknown_activity",
                params={
                    "activity": f"{activity!s:.60}",
                    "status": _status_param(status),
                    "choices": offered,
                },
            )
    for code in codes:
        if code in book.code_set:
            return bulk_template(code)
    offered = "、".join(label.split(" ", 1)[0] for c, label, _ in book.menu() if c in book.code_set)
    raise NotOfferedError(
        f"the {the_kind.value} workbook has no upload file for {status!s:.60}; offered: " + offered,
        code="bulk.no_upload_file",
        params={"kind": the_kind, "status": _status_param(status), "choices": offered},
    )


@functools.cache
def _statuses_by_code() -> dict[str, tuple[StatusOfResidence, ...]]:
    found: dict[str, list[StatusOfResidence]] = {}
    for prefix, book in _bundled().items():
        kind = _KINDS[prefix]
        activities = {
            code: label
            for parent in ("X1", "X2", "X3")
            for label, code in book.data["lists"].get(
                f"CB18_{next(iter(book.letters))[:2]}{parent}", []
            )
        }
        for status in StatusOfResidence:
            if status in _HSP_MENU:
                for code in activities:
                    found.setdefault(code, [])
                    x = book.activity.get(code)
                    parents = [c for c, label, _ in book.menu() if x and label == x[0]]
                    if parents and parents[0][2:] in _HSP_MENU[status]:
                        found[code].append(status)
                continue
            try:
                template = bulk_template_for(kind, status)
            except NyukanRulesError:
                continue
            found.setdefault(template.code, []).append(status)
    return {code: tuple(statuses) for code, statuses in found.items()}


def _statuses_of(template: BulkTemplate) -> tuple[StatusOfResidence, ...]:
    return _statuses_by_code().get(template.code, ())
