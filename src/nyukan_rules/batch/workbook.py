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

from nyukan_rules.errors import ValidationError

__all__ = ["FORMAT_VERSION", "column_index", "column_letter", "read_workbook"]

#: Bumped when the shape of the data below changes (2: the workbook's conventions).
FORMAT_VERSION = 2

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
# The rows of an input sheet the conventions are read from: 3 titles the sections of
# the simultaneous-application sheet, 5 names each input column (論理項目名).
_TITLE_ROW, _NAME_ROW = 3, 5
#: The help text pairing two columns of which one must be given: 「電話番号」又は
#: 「携帯電話番号」はどちらか必須となります。
_EITHER = re.compile("「([^」]+)」又は「([^」]+)」はどちらか必須")


def column_index(letters: str) -> int:
    """The 0-based index of a column named by its letters (``A`` is 0, ``AA`` is 26)."""
    index = 0
    for ch in letters:
        index = index * 26 + (ord(ch) - 64)
    return index - 1


def column_letter(index: int) -> str:
    """The letters of the column at 0-based ``index`` (0 is ``A``)."""
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
    a workbook, and :class:`~nyukan_rules.MissingExtraError` when openpyxl is
    not installed.
    """
    from nyukan_rules._extras import require_extra

    openpyxl = require_extra("openpyxl", extra="xlsm", needed_for="reading a workbook")
    if not isinstance(data, (bytes, bytearray)):
        raise ValidationError(
            f"the workbook must be bytes, not {type(data).__name__}",
            code="argument.type",
            params={"name": "data", "expected": "bytes", "given": type(data).__name__},
        )
    _check_archive(bytes(data))
    try:
        book = openpyxl.load_workbook(BytesIO(bytes(data)), read_only=True, data_only=True)
    except Exception as exc:
        raise ValidationError(
            f"not a readable .xlsm workbook: {exc}",
            code="bulk.workbook_unreadable",
            params={"error": type(exc).__name__},
        ) from exc
    try:
        for sheet in (_LEDGER, _SHOW, _MENU, *_LISTS):
            if sheet not in book.sheetnames:
                raise ValidationError(
                    f"the workbook has no sheet {sheet}: not the agency's template",
                    code="bulk.workbook_sheet",
                    params={"sheet": sheet},
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
        raise ValidationError(
            f"not a readable .xlsm workbook: {type(exc).__name__}",
            code="bulk.workbook_unreadable",
            params={"error": type(exc).__name__},
        ) from None
    if len(parts) > _MAX_PARTS:
        raise ValidationError(
            f"the workbook has {len(parts)} parts: not the agency's template",
            code="bulk.workbook_parts",
            params={"count": len(parts), "limit": _MAX_PARTS},
        )
    unzipped = sum(part.file_size for part in parts)
    if unzipped > _MAX_UNZIPPED:
        raise ValidationError(
            f"the workbook would unpack to {unzipped:,} bytes (at most {_MAX_UNZIPPED:,}):"
            " not the agency's template",
            code="bulk.workbook_size",
            params={"size": unzipped, "limit": _MAX_UNZIPPED},
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
    row, col = int(match.group(2)) - 1, column_index(match.group(1))
    if row >= len(grid) or col >= len(grid[row]):
        return None
    return grid[row][col]


def _read(book: Any, data: bytes, name: str) -> dict[str, Any]:
    menu = " ".join(
        _text(c) for row in _grid(book, _MENU, _MENU_ROWS, _MENU_COLUMNS) for c in row if c
    )
    found = _VERSION_DATE.search(menu)
    if not found:
        raise ValidationError(
            "the workbook's menu shows no version date (YYYY/MM/DD版)",
            code="bulk.workbook_version_date",
            params={"sheet": _MENU},
        )
    version_date = "-".join(found.groups())
    show = _grid(book, _SHOW, _SHOW_ROWS, _SHOW_COLUMNS)
    file_name = _text(_cell(show, "L3"))
    prefix = _PREFIX.match(file_name)
    if not prefix:
        raise ValidationError(
            f"unexpected file-name pattern in {_SHOW}!L3: {file_name!r}",
            code="bulk.workbook_file_name",
            params={"sheet": _SHOW, "cell": "L3", "value": file_name[:80]},
        )
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
            column_letter(i): int(row[i])
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
    lists = _lists(book)
    sheets = {
        key: _text(_cell(show, cell))
        for key, cell in (("common", "G3"), ("simultaneous", "H3"), ("points", "I3"))
    }
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
        "lists": lists,
        "conventions": _conventions(book, ledger, lists, sheets),
    }


def _conventions(
    book: Any,
    ledger: list[dict[str, Any]],
    lists: dict[str, list[list[str]]],
    sheets: dict[str, str],
) -> dict[str, Any]:
    """How the tool reads its own sheets, as the workbook shows it (each with its source).

    * ``sections``: the simultaneous-application sheet's parts, from the titles of its
      row 3, each with the column of row 5 that chooses it (the chooser's name is the
      section's title: 再入国許可申請 is chosen in column B);
    * ``chosen_code``: the code the choosers' list gives 有 (chosen);
    * ``common_prefix``: what a チェック親列 puts before a column of the common sheet
      (``在E``: column E of 申請情報入力(在留…申請));
    * ``points_chooser`` and ``points_skip_code``: the point sheet's first input column
      and the code of its 無 (the point table is filled only then);
    * ``either``: the label endings of two columns one of which must be given, from the
      help text (「電話番号」又は「携帯電話番号」はどちらか必須).
    """
    simultaneous, points = sheets["simultaneous"], sheets["points"]
    sections: list[dict[str, Any]] = []
    chooser_list = ""
    if simultaneous in book.sheetnames:
        columns = max(
            (
                column_index(e["cell"]) + 1
                for e in ledger
                if e["sheet"] == simultaneous and _is_letters(e["cell"])
            ),
            default=0,
        )
        grid = _grid(book, simultaneous, _NAME_ROW, min(columns, _HELP_COLUMNS))
        titles = grid[_TITLE_ROW - 1] if len(grid) >= _TITLE_ROW else ()
        names = grid[_NAME_ROW - 1] if len(grid) >= _NAME_ROW else ()
        by_cell = {e["cell"]: e for e in ledger if e["sheet"] == simultaneous}
        for index, title in enumerate(titles):
            text = _text(title).strip(" \u3000")
            if index == 0:
                continue  # column A names the row (タイトル, 論理項目名 …)
            if not text:
                continue
            chooser = next(
                (
                    column_letter(i)
                    for i, name in enumerate(names)
                    if _text(name).split(" ", 1)[0].strip(" \u3000") == text
                    and column_letter(i) in by_cell
                ),
                None,
            )
            if chooser is not None:
                chooser_list = chooser_list or by_cell[chooser]["code_list"]
            sections.append({"title": text, "first": column_letter(index), "chooser": chooser})
    prefixes = {
        found.group(1)
        for entry in ledger
        for cell in entry["parent_cell"].split(",")
        if (found := re.fullmatch("([^A-Z]+)[A-Z]{1,3}", cell.strip()))
    }
    if len(prefixes) > 1:
        raise ValidationError(
            f"the ledger names the common sheet's columns in {len(prefixes)} ways",
            code="bulk.workbook_ledger",
            params={"count": len(prefixes)},
        )
    point_columns = sorted(
        (e for e in ledger if e["sheet"] == points and _is_letters(e["cell"])),
        key=lambda e: column_index(e["cell"]),
    )
    first_point = point_columns[0] if point_columns else None
    either = sorted({pair for entry in ledger for pair in _EITHER.findall(entry["help"])})
    return {
        "source": f"{simultaneous}!{_TITLE_ROW}:{_NAME_ROW}, {_LEDGER}, {_SHOW}!G3:I3",
        "sections": sections,
        "chosen_code": _code_of_label(lists.get(chooser_list, []), "有"),
        "common_prefix": next(iter(prefixes), ""),
        "points_chooser": first_point["cell"] if first_point else "",
        "points_skip_code": _code_of_label(lists.get(first_point["code_list"], []), "無")
        if first_point
        else "",
        "either": [list(pair) for pair in either],
    }


def _is_letters(cell: str) -> bool:
    return cell.isascii() and cell.isalpha() and cell.isupper() and len(cell) <= 3


def _code_of_label(pairs: list[list[str]], start: str) -> str:
    """The code of the first label of ``pairs`` that starts with ``start`` (有, 無)."""
    return next((code for label, code in pairs if label.startswith(start)), "")


def _help_texts(book: Any, ledger: list[dict[str, Any]]) -> dict[tuple[str, str], str]:
    """Row 6 of each input sheet: the tool's help text per column (項目説明文)."""
    widths: dict[str, int] = {}
    for entry in ledger:
        cell = entry["cell"]
        if _is_letters(cell):
            widths[entry["sheet"]] = max(widths.get(entry["sheet"], 0), column_index(cell) + 1)
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
                    texts[(sheet, column_letter(index))] = _text(value)
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
            bounds[sheet] = (
                max(rows, int(match.group(4))),
                max(cols, column_index(match.group(1)) + 2),
            )
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
            col = column_index(match.group(1))
            pairs = []
            for row in grid[first : last + 1]:
                label = _text(row[col]) if col < len(row) else ""
                code = _text(row[col + 1]) if col + 1 < len(row) else ""
                if label:
                    pairs.append([label, code])
            lists[defined[1:-2]] = pairs
    return lists
