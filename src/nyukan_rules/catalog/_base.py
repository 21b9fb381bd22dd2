"""The base of every catalog enum: a stable code, Japanese and English names, parse()."""

from __future__ import annotations

import difflib
import enum
import functools
import re
import threading
import unicodedata
from collections.abc import Iterable
from typing import Any, TypeVar

import attrs

from nyukan_rules._args import type_name, wrong_type
from nyukan_rules.catalog.aliases import ALIASES
from nyukan_rules.errors import (
    AmbiguousNameError,
    ArgumentTypeError,
    NyukanRulesError,
    UnknownNameError,
)

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
        raise ArgumentTypeError(
            f"text must be a str, not {type_name(text)}", **wrong_type("text", text, "str")
        )
    folded = unicodedata.normalize("NFKC", text).casefold()
    # 申請 may also stand before a bracketed qualifier: 再入国許可申請（数次）.
    folded = _BEFORE_BRACKET.sub("", folded)
    key = "".join(ch for ch in folded if ch not in _IGNORED and not ch.isspace())
    for suffix in _TRAILING:
        if key.endswith(suffix) and len(key) > len(suffix):
            key = key[: -len(suffix)]
    return key


@attrs.frozen
class _Names:
    """A catalog's names by lookup key: those naming one member, and ambiguous ones."""

    members: dict[str, CatalogEnum]
    ambiguous: dict[str, tuple[CatalogEnum, ...]]
    choices: tuple[str, ...]


_LOOKUPS: dict[type[CatalogEnum], _Names] = {}
_LOOKUPS_LOCK = threading.Lock()
#: No name of any catalog is longer; a longer text is refused before it is folded.
_LONGEST_NAME = 200
#: The closest names are looked for among keys this close (difflib's ratio).
_CUTOFF = 0.6


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

    def name_in(self, lang: str = "ja") -> str:
        """The member's name in ``lang`` (a BCP 47 tag), from the message
        catalogues; Japanese is the source, and a language without the name
        falls back to English, then Japanese.

        >>> from nyukan_rules.catalog import Channel
        >>> Channel.COUNTER.name_in("ja") == Channel.COUNTER.ja
        True
        """
        from nyukan_rules.i18n import resolve_language, translate

        chosen = resolve_language(lang)
        if chosen == "ja":
            return self.ja
        return translate(f"name:{type(self).__name__}", self.ja, chosen)

    @property
    def code(self) -> str:
        """The stable code (same as ``.value``)."""
        return self._value_

    @classmethod
    def _names_of(cls, member: CatalogEnum) -> tuple[str, ...]:
        return (member.value, member.name, member.ja, member.en, *member.aliases)

    @classmethod
    def _names(cls) -> _Names:
        table = _LOOKUPS.get(cls)
        if table is None:
            with _LOOKUPS_LOCK:
                table = _LOOKUPS.get(cls) or _build_names(cls)
                _LOOKUPS[cls] = table
        return table

    @classmethod
    def _lookup(cls) -> dict[str, CatalogEnum]:
        return cls._names().members

    @classmethod
    def parse(cls: type[_E], text: object) -> _E:
        """The member named by ``text``: its code, English or Japanese name, or an alias.

        Case, full-width or half-width letters, digits and brackets, spaces,
        middle dots and a trailing 申請 do not matter.  The names HR data
        uses (``"更新"``, ``"技人国"``) are read from the alias tables of
        :mod:`nyukan_rules.catalog.aliases`.  A name that fits several
        members (``"特定技能"``, ``"高度専門職"``, ``"再入国"``) raises
        :class:`~nyukan_rules.AmbiguousNameError` naming them; anything else
        raises :class:`~nyukan_rules.UnknownNameError` (with the valid names
        and the closest ones), whatever its type: a catalog name is often
        read from untrusted input.  The message shows at most 200 characters
        of the text and, for a value that is not text, only its type.

        >>> from nyukan_rules import ApplicationKind, StatusOfResidence
        >>> ApplicationKind.parse("更新").code, StatusOfResidence.parse("技人国").code
        ('extension_of_period', 'engineer_specialist_humanities_international')
        >>> StatusOfResidence.parse("特定技能")
        Traceback (most recent call last):
        ...
        nyukan_rules.errors.AmbiguousNameError: ambiguous StatusOfResidence: '特定技能' may mean '特定技能1号' or '特定技能2号'
        """  # noqa: E501
        if isinstance(text, cls):
            return text
        names = cls._names()
        if not isinstance(text, str) or len(text) > _LONGEST_NAME:
            raise UnknownNameError(cls.__name__, text, choices=names.choices, closest=())
        key = lookup_key(text)
        found = names.members.get(key)
        if found is not None:
            return found  # type: ignore[return-value]
        several = names.ambiguous.get(key)
        if several is not None:
            raise AmbiguousNameError(
                cls.__name__,
                text,
                candidates=tuple(member.ja for member in several),
                choices=names.choices,
            )
        raise UnknownNameError(
            cls.__name__,
            text,
            choices=names.choices,
            closest=functools.partial(_closest, cls, key),
        )

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
            raise UnknownNameError(cls.__name__, values, choices=cls._names().choices, closest=())
        return tuple(cls.parse(v) for v in values)


def _build_names(cls: type[CatalogEnum]) -> _Names:
    """The names of ``cls``'s members by lookup key; a clash is a data error."""
    members: dict[str, CatalogEnum] = {}
    for member in cls:
        for name in cls._names_of(member):
            key = lookup_key(name)
            other = members.setdefault(key, member)
            if other is not member:  # a data error, caught by the tests
                raise NyukanRulesError(
                    f"{cls.__name__}: {name!r} names {other} and {member}",
                    code="catalog.name_clash",
                    params={"catalog": cls.__name__, "text": name},
                )
    ambiguous: dict[str, list[CatalogEnum]] = {}
    by_code = {member.value: member for member in cls}
    for alias in ALIASES.get(cls.__name__, ()):
        found = [by_code[code] for code in alias.codes]  # a KeyError is a data error
        key = lookup_key(alias.name)
        if len(found) == 1:
            other = members.setdefault(key, found[0])
            if other is not found[0]:
                raise NyukanRulesError(
                    f"{cls.__name__}: {alias.name!r} names {other}",
                    code="catalog.name_clash",
                    params={"catalog": cls.__name__, "text": alias.name},
                )
        elif key in members:
            raise NyukanRulesError(
                f"{cls.__name__}: {alias.name!r} is a name of one member",
                code="catalog.name_clash",
                params={"catalog": cls.__name__, "text": alias.name},
            )
        else:
            ambiguous[key] = found
    # A legal name several members share (特定技能) is ambiguous; one member's, its name.
    groups: dict[str, list[CatalogEnum]] = {}
    for member in cls:
        legal = getattr(member, "legal_status", None)
        if isinstance(legal, str):
            groups.setdefault(lookup_key(legal), []).append(member)
    for key, group in groups.items():
        if key in members or key in ambiguous:
            continue
        if len(group) == 1:
            members[key] = group[0]
        else:
            ambiguous[key] = group
    choices = tuple(dict.fromkeys(member.ja for member in cls))
    return _Names(
        members=members,
        ambiguous={key: tuple(found) for key, found in ambiguous.items()},
        choices=choices,
    )


def _closest(cls: type[CatalogEnum], key: str) -> tuple[str, ...]:
    """The Japanese names of up to three members with a name close to ``key``.

    Bounded: ``key`` is at most 200 characters and a catalog has some hundred names.
    """
    names = cls._names()
    keys = [*names.members, *names.ambiguous]
    found: list[str] = []
    # Names that hold the text (技術人文 in 技術人文知識国際業務) first, shortest first.
    holding = sorted((k for k in keys if len(key) >= 2 and key in k), key=len)
    for near in [*holding, *difflib.get_close_matches(key, keys, n=12, cutoff=_CUTOFF)]:
        members = names.ambiguous.get(near) or (names.members[near],)
        for member in members:
            if member.ja not in found:
                found.append(member.ja)
    return tuple(found[:3])
