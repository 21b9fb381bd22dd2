"""Read the agency's bulk-registration workbook (申請情報一括登録用テンプレート).

:func:`read_workbook` turns the bytes of one ``.xlsm`` into plain, JSON-ready
data: the field ledger ``列項目TBL``, the code lists behind the workbook's
defined names (``_<code>_C`` ranges of ``マスタ`` and ``連動マスタ``), and what
``表示シート制御マスタ`` says about each status.  The generator script
(``scripts/gen_bulk_templates.py``) stores that data in the package, and
:func:`~nyukan_rules.read_bulk_template` uses it for a workbook a user
downloads.  openpyxl is needed only here (``pip install nyukan-rules[xlsm]``).
"""

from __future__ import annotations

import hashlib
import re
import zipfile
from io import BytesIO
from typing import Any

from nyukan_rules.errors import MissingInputError, ValidationError

__all__ = ["FORMAT_VERSION", "read_workbook"]

#: Bumped when the shape of the data below changes.
FORMAT_VERSION = 1

_LEDGER = "列項目TBL"
_SHOW = "表示シート制御マスタ"
_MENU = "メニュー"
_LISTS = ("マスタ", "連動マスタ")
_STATUS_COLUMNS = range(18, 44)  # S .. AR: one CSV column number per status
_VERSION_DATE = re.compile(r"（([0-9]{4})/([0-9]{2})/([0-9]{2})版）")
_PREFIX = re.compile(r"^(SA_03_[0-9]{3}_)")
_RANGE = re.compile(r"^\$?([A-Z]{1,3})\$?([0-9]{1,7})(?::\$?([A-Z]{1,3})\$?([0-9]{1,7}))?$")
# Bounds for a workbook from anywhere: the agency's hold about 52 MB of XML in about
# 120 parts; the ledger has about 3,500 rows and 105 columns, the menu sheets a few
# dozen rows.  Reading never goes past the bounds, whatever dimension a sheet
# declares or where its last cell is (XFD1048576 costs nothing).
_MAX_UNZIPPED = 160 * 1024 * 1024
_MAX_PARTS = 1000
_LEDGER_ROWS = 20_000
_LEDGER_COLUMNS = 44  # A .. AR: the fields read and one column number per status
_SHOW_ROWS, _SHOW_COLUMNS = 500, 12  # B .. L (L3: the file name)
_MENU_ROWS, _MENU_COLUMNS = 200, 30
_LIST_ROWS, _LIST_COLUMNS = 100_000, 2_000
_HELP_COLUMNS = 2_000


def _col(letters: str) -> int:
    index = 0
    for ch in letters:
        index = index * 26 + (ord(ch) - 64)
    return index - 1


def _letter(index: int) -> str:
    out = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        out = chr(65 + rem) + out
    return out


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def read_workbook(data: bytes, *, name: str = "") -> dict[str, Any]:
    """The template data of one workbook, JSON-ready.

    Raises :class:`~nyukan_rules.ValidationError` when the bytes are not such
    a workbook, and :class:`~nyukan_rules.MissingInputError` when openpyxl is
    not installed.
    """
    try:
        import openpyxl
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise MissingInputError(
            "reading a workbook needs openpyxl: pip install 'nyukan-rules[xlsm]'"
        ) from exc
    if not isinstance(data, (bytes, bytearray)):
        raise ValidationError(f"the workbook must be bytes, not {type(data).__name__}")
    _check_archive(bytes(data))
    try:
        book = openpyxl.load_workbook(BytesIO(bytes(data)), read_only=True, data_only=True)
    except Exception as exc:
        raise ValidationError(f"not a readable .xlsm workbook: {exc}") from exc
    try:
        for sheet in (_LEDGER, _SHOW, _MENU, *_LISTS):
            if sheet not in book.sheetnames:
                raise ValidationError(
                    f"the workbook has no sheet {sheet}: not the agency's template"
                )
        return _read(book, bytes(data), name)
    finally:
        book.close()


def _check_archive(data: bytes) -> None:
    """Refuse a zip whose parts would unpack far beyond any real workbook's (a zip bomb)."""
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise ValidationError(f"not a readable .xlsm workbook: {type(exc).__name__}") from None
    if len(parts) > _MAX_PARTS:
        raise ValidationError(f"the workbook has {len(parts)} parts: not the agency's template")
    unzipped = sum(part.file_size for part in parts)
    if unzipped > _MAX_UNZIPPED:
        raise ValidationError(
            f"the workbook would unpack to {unzipped:,} bytes (at most {_MAX_UNZIPPED:,}):"
            " not the agency's template"
        )


def _grid(book: Any, sheet: str, rows: int, columns: int) -> list[tuple[Any, ...]]:
    """The values of the sheet's first ``rows`` rows and ``columns`` columns, at most;
    trailing empty rows left out (a declared dimension of A1:XFD1048576 costs nothing)."""
    found = list(book[sheet].iter_rows(min_row=1, max_row=rows, max_col=columns, values_only=True))
    while found and not any(v is not None for v in found[-1]):
        found.pop()
    return found


def _cell(grid: list[tuple[Any, ...]], ref: str) -> Any:
    match = _RANGE.match(ref)
    if not match:
        return None
    row, col = int(match.group(2)) - 1, _col(match.group(1))
    if row >= len(grid) or col >= len(grid[row]):
        return None
    return grid[row][col]


def _read(book: Any, data: bytes, name: str) -> dict[str, Any]:
    menu = " ".join(
        _text(c) for row in _grid(book, _MENU, _MENU_ROWS, _MENU_COLUMNS) for c in row if c
    )
    found = _VERSION_DATE.search(menu)
    if not found:
        raise ValidationError("the workbook's menu shows no version date (YYYY/MM/DD版)")
    version_date = "-".join(found.groups())
    show = _grid(book, _SHOW, _SHOW_ROWS, _SHOW_COLUMNS)
    file_name = _text(_cell(show, "L3"))
    prefix = _PREFIX.match(file_name)
    if not prefix:
        raise ValidationError(f"unexpected file-name pattern in {_SHOW}!L3: {file_name!r}")
    statuses = []
    for row in show[2:]:
        label = _text(row[1]) if len(row) > 1 else ""
        if not label:
            continue
        statuses.append(
            {
                "label": label,
                "sheet": _text(row[2]),
                "hidden": _text(row[4]),
                "version": _text(row[5]) if len(row) > 5 else "",
            }
        )
    ledger: list[dict[str, Any]] = []
    grid = _grid(book, _LEDGER, _LEDGER_ROWS, _LEDGER_COLUMNS)
    for row in grid[1:]:
        if not row or not row[0]:
            break  # the macro reads the ledger down to its first empty sheet name
        numbers = {
            _letter(i): int(row[i])
            for i in _STATUS_COLUMNS
            if i < len(row) and isinstance(row[i], (int, float)) and row[i]
        }
        ledger.append(
            {
                "sheet": _text(row[0]),
                "cell": _text(row[1]),
                "label": _text(row[2]),
                "classes": _text(row[3]),
                "length": _text(row[4]),
                "exact": bool(_text(row[5])),
                "required": bool(_text(row[6])),
                "code_list": _text(row[7]),
                "delimiter": _text(row[8]),
                "parent_list_sheet": _text(row[11]),
                "parent_list_cell": _text(row[12]),
                "parent_cell": _text(row[13]),
                "parent_value": _text(row[14]),
                "header": _text(row[15]),
                "date_pattern": _text(row[16]),
                "columns": numbers,
            }
        )
    help_texts = _help_texts(book, ledger)
    for entry in ledger:
        entry["help"] = help_texts.get((entry["sheet"], entry["cell"]), "")
    return {
        "format": FORMAT_VERSION,
        "workbook": name,
        "sha256": hashlib.sha256(data).hexdigest(),
        "version_date": version_date,
        "file_prefix": prefix.group(1),
        "common_sheet": _text(_cell(show, "G3")),
        "simultaneous_sheet": _text(_cell(show, "H3")),
        "points_sheet": _text(_cell(show, "I3")),
        "statuses": statuses,
        "ledger": ledger,
        "lists": _lists(book),
    }


def _help_texts(book: Any, ledger: list[dict[str, Any]]) -> dict[tuple[str, str], str]:
    """Row 6 of each input sheet: the tool's help text per column (項目説明文)."""
    widths: dict[str, int] = {}
    for entry in ledger:
        cell = entry["cell"]
        if cell.isascii() and cell.isalpha() and cell.isupper() and len(cell) <= 3:
            widths[entry["sheet"]] = max(widths.get(entry["sheet"], 0), _col(cell) + 1)
    texts: dict[tuple[str, str], str] = {}
    for sheet, width in widths.items():
        if sheet not in book.sheetnames:
            continue
        rows = list(
            book[sheet].iter_rows(
                min_row=6, max_row=6, max_col=min(width, _HELP_COLUMNS), values_only=True
            )
        )
        if rows:
            for index, value in enumerate(rows[0]):
                if value:
                    texts[(sheet, _letter(index))] = _text(value)
    return texts


def _lists(book: Any) -> dict[str, list[list[str]]]:
    """Every ``_<code>_C`` defined name: its (label, code) pairs."""
    ranges = []
    bounds = dict.fromkeys(_LISTS, (0, 0))
    for defined in sorted(book.defined_names):
        if not (defined.startswith("_") and defined.endswith("_C")):
            continue
        for sheet, ref in book.defined_names[defined].destinations:
            match = _RANGE.match(ref)
            if sheet not in bounds or not match or not match.group(3):
                continue
            ranges.append((defined, sheet, match))
            rows, cols = bounds[sheet]
            bounds[sheet] = (max(rows, int(match.group(4))), max(cols, _col(match.group(1)) + 2))
    grids = {
        sheet: _grid(book, sheet, min(rows, _LIST_ROWS), min(cols, _LIST_COLUMNS))
        for sheet, (rows, cols) in bounds.items()
        if rows and cols
    }
    lists: dict[str, list[list[str]]] = {}
    for defined, sheet, match in ranges:
        grid = grids.get(sheet)
        if grid is not None:
            first, last = int(match.group(2)) - 1, int(match.group(4)) - 1
            col = _col(match.group(1))
            pairs = []
            for row in grid[first : last + 1]:
                label = _text(row[col]) if col < len(row) else ""
                code = _text(row[col + 1]) if col + 1 < len(row) else ""
                if label:
                    pairs.append([label, code])
            lists[defined[1:-2]] = pairs
    return lists
