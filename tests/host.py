"""What a check must leave as it found it in the host's process (issue 10).

A snapshot of the host's warnings and logging configuration, taken before and
after threads of checks: the two must be equal.
"""

from __future__ import annotations

import logging
import warnings
from typing import Any


def host_state() -> tuple[Any, ...]:
    """The warnings filters and hooks, and the root, pypdf and PIL loggers' settings."""
    loggers = [logging.getLogger(name) for name in ("", "pypdf", "pypdf._reader", "PIL")]
    return (
        list(warnings.filters),
        warnings.showwarning,
        getattr(warnings, "_showwarnmsg_impl", None),
        [(lg.level, list(lg.handlers), lg.propagate, lg.disabled) for lg in loggers],
        logging.root.manager.disable,
    )
