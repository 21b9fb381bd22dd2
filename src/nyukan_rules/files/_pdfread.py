"""Read untrusted PDF bytes with pypdf within a fixed budget, touching no process-wide state.

* **Repairs** are found without listening to pypdf's log: the file is read
  with ``strict=True`` first; only where that raises is it read again with
  ``strict=False`` (pypdf's repairing mode), and the strict error is the
  repair that was needed.  The host's ``logging`` and ``warnings``
  configuration therefore cannot change a result, and nothing is installed
  on either.  (pypdf still *logs* its repairs to the ``pypdf`` loggers, as it
  does for any caller; the host decides what becomes of those records.)
* **Limits** are pypdf's own :class:`pypdf.Configuration`, applied with
  :func:`pypdf.apply_configuration`, which sets a context variable: it holds
  for this thread (or task) only and is reset on exit.  pypdf's module
  globals are never changed.
* **Work** is bounded per call by a :class:`Budget`: every read of the file
  and every byte of a decoded object stream is charged; when the budget is
  spent the read stops with :class:`TooComplex` (qpdf and pdf.js bound their
  work the same way: a hostile file costs at most the budget, never hours).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from io import BytesIO
from typing import Any

__all__ = [
    "ACTIVE_CODES",
    "MERGE_OBJECT_STREAM_WEIGHT",
    "MERGE_UNITS",
    "WORK_UNITS",
    "Budget",
    "TooComplex",
    "active_content",
    "budgeted_reader",
    "clean_detail",
    "limits",
    "misplaced_object",
    "recovery_too_costly",
]

#: Decoded bytes of any one stream (pypdf's default is 75 MB).
STREAM_LIMIT = 16_000_000
#: Bytes of a broken deflate stream pypdf retries one byte at a time (default 5 MB).
RECOVERY_INPUT_LIMIT = 200_000
#: Work units per check: one per read of the file, OBJECT_STREAM_WEIGHT per byte of an
#: object stream.  Measured on a two-core machine: a unit costs pypdf 0.2 to 1.2 µs
#: (a read) and 0.5 to 0.8 µs (half an object-stream byte), so a budget is about 1 s.
WORK_UNITS = 1_000_000
#: Work units of a part of merge_pdfs, which copies every object (strings a byte at a time).
MERGE_UNITS = 1_500_000
#: Units per byte of a decoded object stream: pypdf parses it whole, at up to 1.6 µs a byte.
OBJECT_STREAM_WEIGHT = 2
#: The same for merge_pdfs, which also copies every object it parses.
MERGE_OBJECT_STREAM_WEIGHT = 3

#: Objects a repairing read may index: pypdf's recovery scan parses every one.
RECOVERY_OBJECTS = 25_000
#: Whitespace pypdf's recovery scan may skip one byte at a time.
RECOVERY_WHITESPACE = 1_000_000

_ADDRESS = re.compile(r" at 0x[0-9a-fA-F]+")
#: pypdf's repr of a reference ends with id() of its reader: a different number each run.
_REFERENCE = re.compile(r"IndirectObject\((\d+), (\d+), \d+\)")
_OBJECT_HEADER = re.compile(rb"[\x00\t\n\x0c\r ]*\d+[\x00\t\n\x0c\r ]+\d+[\x00\t\n\x0c\r ]*obj")
_TO_SPACE = bytes.maketrans(b"\x00\t\n\x0c\r", b"     ")


class TooComplex(Exception):
    """The budget of one check is spent."""


class Budget:
    """Work units left for one check; spent by every read and every object stream."""

    __slots__ = ("left", "spent_out", "stream_weight")

    def __init__(self, units: int = WORK_UNITS, stream_weight: int = OBJECT_STREAM_WEIGHT) -> None:
        self.left = units
        self.spent_out = False
        self.stream_weight = stream_weight

    def spend(self, units: int) -> None:
        self.left -= units
        if self.left < 0:
            self.spent_out = True
            raise TooComplex


class _Metered(BytesIO):
    """The file's bytes, charging the budget for each read pypdf makes."""

    def __init__(self, data: bytes, budget: Budget) -> None:
        super().__init__(data)
        self._budget = budget

    def read(self, size: int | None = -1, /) -> bytes:
        self._budget.spend(1)
        return super().read(size)

    def readline(self, size: int | None = -1, /) -> bytes:
        self._budget.spend(1)
        return super().readline(size)


@cache
def _reader_class() -> type[Any]:
    from pypdf import PdfReader
    from pypdf.generic import IndirectObject, StreamObject

    class BudgetedReader(PdfReader):
        """pypdf's reader, charging each object stream it parses to the budget."""

        def __init__(self, stream: Any, *, strict: bool, budget: Budget) -> None:
            self.budget = budget
            super().__init__(stream, strict=strict)

        def _get_object_from_stream(self, indirect_reference: Any) -> Any:
            entry = self.xref_objStm.get(indirect_reference.idnum)
            if entry is not None and indirect_reference.idnum not in getattr(
                self, "_object_stream_resolution_stack", ()
            ):
                stream = IndirectObject(entry[0], 0, self).get_object()
                if isinstance(stream, StreamObject):
                    # pypdf parses the whole stream, header and all, one byte at a time.
                    self.budget.spend(self.budget.stream_weight * len(stream.get_data()))
            return super()._get_object_from_stream(indirect_reference)

    return BudgetedReader


def budgeted_reader(data: bytes, budget: Budget, *, strict: bool) -> Any:
    """A pypdf reader of ``data`` whose reads are charged to ``budget``."""
    return _reader_class()(_Metered(data, budget), strict=strict, budget=budget)


@contextmanager
def limits() -> Iterator[None]:
    """pypdf's limits for one check, for this thread or task only.

    Only the settings this pypdf knows are given (the set grows from release
    to release); a pypdf without :func:`pypdf.apply_configuration` (before
    6.18) keeps its own defaults, and the work budget still holds.
    """
    try:
        from pypdf import Configuration, apply_configuration
    except ImportError:  # pragma: no cover - older pypdf
        yield
        return
    wanted: dict[str, Any] = {
        "zlib_maximum_output_length": STREAM_LIMIT,
        "zlib_maximum_recovery_input_length": RECOVERY_INPUT_LIMIT,
        "lzw_maximum_output_length": STREAM_LIMIT,
        "run_length_maximum_output_length": STREAM_LIMIT,
        "array_based_stream_maximum_output_length": STREAM_LIMIT,
        "brotli_maximum_output_length": STREAM_LIMIT,
        "disable_legacy_handling": True,
    }
    known = {field.name for field in dataclasses.fields(Configuration)}
    ours = {key: value for key, value in wanted.items() if key in known}
    with apply_configuration(None, **ours):
        yield


def recovery_too_costly(data: bytes) -> bool:
    """Whether pypdf's recovery scan of ``data`` would cost more than a check may spend.

    The scan (run where the cross-reference table is broken) indexes every
    `` obj`` of the file in Python and skips whitespace a byte at a time; both
    are counted here at C speed before it starts.
    """
    if data.count(b" obj") > RECOVERY_OBJECTS:
        return True
    return b" " * RECOVERY_WHITESPACE in data.translate(_TO_SPACE)


def misplaced_object(reader: Any, data: bytes, budget: Budget) -> str | None:
    """The first cross-reference entry that points at no object header, as a detail text.

    A strict read never looks at entries it does not need; pypdf's repairing
    read drops such entries silently (its check of ``#2326``), so a file that
    needs it is reported as repaired.
    """
    for generation, entries in sorted(reader.xref.items()):
        if generation == 65535:
            continue
        for number, offset in sorted(entries.items()):
            budget.spend(1)
            if not isinstance(offset, int) or not _OBJECT_HEADER.match(data, offset, offset + 64):
                return f"object {number} {generation} is not at offset {offset}"
    return None


def clean_detail(exc: BaseException, length: int = 160) -> str:
    """``Type: message`` of an exception, without memory addresses (reports must compare equal)."""
    text = _ADDRESS.sub("", f"{type(exc).__name__}: {exc}")
    return _REFERENCE.sub(r"IndirectObject(\1, \2)", text)[:length]


# --- active content ---------------------------------------------------------------------

#: Finding code of each kind of active content (ISO 32000-1, 12.6 actions, 7.11.4
#: embedded files, 12.7.8 XFA; Adobe's RichMedia extension).
ACTIVE_CODES = {
    "javascript": "attachment.javascript",
    "launch": "attachment.launch_action",
    "open_action": "attachment.open_action",
    "embedded_files": "attachment.embedded_files",
    "xfa": "attachment.xfa",
    "rich_media": "attachment.rich_media",
}
_MAX_ANNOTATIONS = 10_000
_MAX_ACTION_CHAIN = 32
#: Actions that only move the view (go to a page, name a page, hide a field ...).
_HARMLESS = frozenset({"/GoTo", "/Named", "/Thread", "/Hide", "/SetOCGState", "/Trans"})


def _resolve(value: Any) -> Any:
    return value.get_object() if hasattr(value, "get_object") else value


def _get(mapping: Any, key: str) -> Any:
    mapping = _resolve(mapping)
    return _resolve(mapping.get(key)) if hasattr(mapping, "get") else None


def _action_kinds(action: Any, *, automatic: bool) -> Iterator[str]:
    """The kinds of an action dictionary and the actions chained after it (/Next)."""
    pending, seen = [action], 0
    while pending and seen < _MAX_ACTION_CHAIN:
        current = _resolve(pending.pop())
        seen += 1
        if isinstance(current, list):
            pending.extend(current)
            continue
        if not hasattr(current, "get"):
            continue
        kind = str(_get(current, "/S") or "")
        if kind == "/JavaScript":
            yield "javascript"
        elif kind == "/Launch":
            yield "launch"
        elif kind == "/RichMediaExecute":
            yield "rich_media"
        elif automatic and kind and kind not in _HARMLESS:
            yield "open_action"
        chained = _get(current, "/Next")
        if chained is not None:
            pending.append(chained)


def _additional(mapping: Any) -> Iterator[str]:
    """The kinds of the actions of an /AA (additional actions: run on events, no click)."""
    aa = _get(mapping, "/AA")
    if hasattr(aa, "values"):
        for action in list(aa.values())[:_MAX_ACTION_CHAIN]:
            yield from _action_kinds(action, automatic=True)


def active_content(reader: Any) -> list[str]:
    """The kinds of active content in the document, in the order of :data:`ACTIVE_CODES`.

    Reads the catalog (/OpenAction, /AA, /Names, /AcroForm) and each page's
    /AA and annotations; raises what pypdf raises on a broken structure.
    """
    kinds: set[str] = set()
    root = _resolve(reader.trailer.get("/Root"))
    open_action = _get(root, "/OpenAction")
    if hasattr(open_action, "get"):  # an array is a destination: only "open at page n"
        kinds.update(_action_kinds(open_action, automatic=True))
    kinds.update(_additional(root))
    names = _get(root, "/Names")
    if _get(names, "/JavaScript") is not None:
        kinds.add("javascript")
    if _get(names, "/EmbeddedFiles") is not None:
        kinds.add("embedded_files")
    if _get(_get(root, "/AcroForm"), "/XFA") is not None:
        kinds.add("xfa")
    annotations = 0
    for page in reader.pages:
        kinds.update(_additional(page))
        annots = _get(page, "/Annots")
        if not isinstance(annots, list):
            continue
        for annot in annots:
            annotations += 1
            if annotations > _MAX_ANNOTATIONS:
                break
            subtype = str(_get(annot, "/Subtype") or "")
            if subtype == "/FileAttachment":
                kinds.add("embedded_files")
            elif subtype in ("/RichMedia", "/Screen", "/Movie", "/3D"):
                kinds.add("rich_media")
            action = _get(annot, "/A")
            if action is not None:
                kinds.update(_action_kinds(action, automatic=False))
            kinds.update(_additional(annot))
        if annotations > _MAX_ANNOTATIONS:
            break
    return [kind for kind in ACTIVE_CODES if kind in kinds]
