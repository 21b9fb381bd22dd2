"""The base of every catalog enum: a stable code, Japanese and English names, parse()."""

from __future__ import annotations

import enum
import re
import unicodedata
from collections.abc import Iterable
from typing import Any, TypeVar

from nyukan_rules._args import type_name
from nyukan_rules.errors import ArgumentTypeError, NyukanRulesError, UnknownNameError

__all__ = ["CatalogEnum", "lookup_key"]

_E = TypeVar("_E", bound="CatalogEnum")

# Separators people type in or leave out: spaces, brackets of both widths
# (NFKC has already folded full-width ones), middle dots, quotes, _ and -.
_IGNORED = frozenset(" ()[]{}「」『』・･_-\"'/,.")
_TRAILING = ("申請",)
_BEFORE_BRACKET = re.compile(r"申請(?=\s*\()")


def lookup_key(text: str) -> str:
    """The form in which catalog names are compared.

    NFKC (full-width letters, digits and brackets become half-width, half-width
    kana become full-width), case folded, separators removed, and a trailing
    申請 dropped.

    >>> lookup_key("在留期間更新許可申請") == lookup_key("在留期間更新許可")
    True
    >>> lookup_key("再入国許可申請（数次）") == lookup_key("再入国許可(数次)")
    True
    >>> lookup_key("特定活動（出国準備期間）")
    '特定活動出国準備期間'
    """
    if not isinstance(text, str):
        raise ArgumentTypeError(f"text must be a str, not {type_name(text)}")
    folded = unicodedata.normalize("NFKC", text).casefold()
    # 申請 may also stand before a bracketed qualifier: 再入国許可申請（数次）.
    folded = _BEFORE_BRACKET.sub("", folded)
    key = "".join(ch for ch in folded if ch not in _IGNORED and not ch.isspace())
    for suffix in _TRAILING:
        if key.endswith(suffix) and len(key) > len(suffix):
            key = key[: -len(suffix)]
    return key


_LOOKUPS: dict[type[CatalogEnum], dict[str, CatalogEnum]] = {}
#: No name of any catalog is longer; a longer text is refused before it is folded.
_LONGEST_NAME = 200


class CatalogEnum(str, enum.Enum):
    """A str-valued enum whose value is the member name in lower case.

    Each member has ``.ja`` (the official Japanese name) and ``.en``.
    """

    _value_: str
    ja: str
    en: str
    aliases: tuple[str, ...]

    def __new__(cls, code: str, ja: str, en: str, *rest: Any) -> CatalogEnum:
        member = str.__new__(cls, code)
        member._value_ = code
        member.ja = ja
        member.en = en
        member.aliases = ()
        return member

    def __str__(self) -> str:
        return self._value_

    @property
    def code(self) -> str:
        """The stable code (same as ``.value``)."""
        return self._value_

    @classmethod
    def _names_of(cls, member: CatalogEnum) -> tuple[str, ...]:
        return (member.value, member.name, member.ja, member.en, *member.aliases)

    @classmethod
    def _lookup(cls) -> dict[str, CatalogEnum]:
        table = _LOOKUPS.get(cls)
        if table is None:
            table = {}
            for member in cls:
                for name in cls._names_of(member):
                    key = lookup_key(name)
                    other = table.setdefault(key, member)
                    if other is not member:  # a data error, caught by the tests
                        raise NyukanRulesError(
                            f"{cls.__name__}: {name!r} names {other} and {member}"
                        )
            _LOOKUPS[cls] = table
        return table

    @classmethod
    def parse(cls: type[_E], text: object) -> _E:
        """The member named by ``text``: its code, English or Japanese name.

        Case, full-width or half-width letters, digits and brackets, spaces
        and a trailing 申請 do not matter.  Anything else raises
        :class:`~nyukan_rules.UnknownNameError`, whatever its type: a
        catalog name is often read from untrusted input.  The message shows
        at most 200 characters of the text and, for a value that is not
        text, only its type.
        """
        if isinstance(text, cls):
            return text
        if not isinstance(text, str) or len(text) > _LONGEST_NAME:
            raise UnknownNameError(cls.__name__, text)
        found = cls._lookup().get(lookup_key(text))
        if found is None:
            raise UnknownNameError(cls.__name__, text)
        return found  # type: ignore[return-value]

    @classmethod
    def parse_all(cls: type[_E], values: object) -> tuple[_E, ...]:
        """:meth:`parse` each of ``values``; a single member or string counts as one.

        >>> from nyukan_rules import ApplicationKind
        >>> ApplicationKind.parse_all("permanent_residence")
        (<ApplicationKind.PERMANENT_RESIDENCE: 'permanent_residence'>,)
        """
        if isinstance(values, str):
            return (cls.parse(values),)
        if not isinstance(values, Iterable):
            raise UnknownNameError(cls.__name__, values)
        return tuple(cls.parse(v) for v in values)
