"""Optional dependencies: one way to import them and to say which extra installs them.

A function that needs an optional package calls :func:`require_extra` inside
its body (never at module level, so ``import nyukan_rules`` stays light).
When the package is missing, :class:`~nyukan_rules.MissingExtraError` (an
``ImportError`` too) names the extra to install:

>>> import sys
>>> saved = sys.modules.get("openpyxl")
>>> sys.modules["openpyxl"] = None  # as if openpyxl were not installed
>>> try:
...     require_extra("openpyxl", extra="xlsm", needed_for="reading a workbook")
... except ImportError as error:
...     print(error)
reading a workbook needs openpyxl: pip install "nyukan-rules[xlsm]"
>>> if saved is None:
...     del sys.modules["openpyxl"]
... else:
...     sys.modules["openpyxl"] = saved
"""

from __future__ import annotations

import importlib
from types import ModuleType

from nyukan_rules.errors import MissingExtraError

__all__ = ["EXTRAS", "require_extra"]

#: The extra of pyproject.toml that installs each optional module.
EXTRAS: dict[str, str] = {
    "openpyxl": "xlsm",
    "pandas": "pandas",
    "polars": "polars",
    "dask": "dask",
}


def require_extra(module: str, *, extra: str | None = None, needed_for: str = "") -> ModuleType:
    """The module ``module``, imported; or :class:`~nyukan_rules.MissingExtraError`.

    ``extra`` is the package extra that installs it (by default the one
    :data:`EXTRAS` names for the module's top-level package); ``needed_for``
    says what needs it, for the message (``"reading a workbook"``).
    """
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        top = module.partition(".")[0]
        raise MissingExtraError(
            module, extra=extra or EXTRAS.get(top, top), needed_for=needed_for
        ) from exc
