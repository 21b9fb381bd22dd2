"""Regenerate tests/snapshots/documents.json from the document tables.

Run from the repository root: ``python scripts/gen_document_snapshots.py``;
then review the diff, which shows every checklist the change moves.
``--check`` exits with status 1 when the file is not current (for CI).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.test_documents_snapshot import SNAPSHOT, render  # noqa: E402


def main(argv: list[str]) -> int:
    text = render()
    if "--check" in argv:
        current = SNAPSHOT.read_text(encoding="utf-8") if SNAPSHOT.exists() else ""
        if current != text:
            print(f"{SNAPSHOT.relative_to(ROOT)} is out of date: run {Path(__file__).name}")
            return 1
        print(f"{SNAPSHOT.relative_to(ROOT)} is current")
        return 0
    SNAPSHOT.write_text(text, encoding="utf-8")
    print(f"wrote {SNAPSHOT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
