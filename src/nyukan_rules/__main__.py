"""``python -m nyukan_rules``: the ``nyukan-rules`` command (see :mod:`nyukan_rules.cli`)."""

from __future__ import annotations

import sys

from nyukan_rules.cli import main

__all__ = ["main"]

if __name__ == "__main__":
    sys.exit(main())
