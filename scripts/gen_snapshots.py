"""Regenerate tests/snapshots/rules.json from the current rule tables.

Run from the repository root: ``python scripts/gen_snapshots.py``; then
review the diff, which shows every answer the change moves.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.test_snapshot import SNAPSHOT, render  # noqa: E402


def main() -> None:
    SNAPSHOT.write_text(render(), encoding="utf-8")
    print(f"wrote {SNAPSHOT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
