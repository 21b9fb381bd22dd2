"""MkDocs hook: fill the generated sections from the package's own tables.

A page marks a generated section with a line ``<!-- generated: NAME -->``;
NAME is one of the functions in ``nyukan_rules.reference``.  The published
reference is therefore always the tables themselves.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from nyukan_rules import reference

_MARK = re.compile(r"^<!-- generated: (\w+) -->$", re.MULTILINE)
_ROOT = Path(__file__).resolve().parent.parent


def _fill(match: re.Match[str]) -> str:
    name = match.group(1)
    if name == "changelog":
        return (_ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    if name not in reference.__all__:
        raise ValueError(f"unknown generated section {name!r}")
    return str(getattr(reference, name)())


def on_page_markdown(markdown: str, **_: Any) -> str:
    return _MARK.sub(_fill, markdown)
