"""Collect what pypdf and Pillow say while they parse untrusted bytes.

Both libraries report repairs of malformed files as Python warnings or log
records.  A check collects them for its report instead of letting them
escape: the ``warnings`` filters are restored on exit, and the logging
handler only takes records from the calling thread, so concurrent checks do
not see each other's messages.  Nothing else about either library changes.
"""

from __future__ import annotations

import logging
import threading
import warnings
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["captured_messages"]


class _ThreadHandler(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.thread = threading.get_ident()
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.thread == self.thread:
            self.messages.append(record.getMessage())


@contextmanager
def captured_messages(logger_name: str) -> Iterator[list[str]]:
    """Yield a list that fills with the warnings and log records raised inside."""
    messages: list[str] = []
    handler = _ThreadHandler()
    logger = logging.getLogger(logger_name)
    logger.addHandler(handler)
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            yield messages
    finally:
        logger.removeHandler(handler)
        messages.extend(str(w.message) for w in caught)
        messages.extend(handler.messages)
