"""The JIS X 0208 repertoire in the Windows mapping, and what lies outside it.

The repertoire is computed once, at first use, from the standard library's
codecs: every assigned code of JIS X 0208 rows 1 to 84 (``shift_jis``
decodes it) taken with its Windows code point (``cp932`` decodes it).  The
two tables differ for six characters; the agency's tool takes the Windows
ones (U+FF5E, U+FF0D, U+2225, U+FFE0, U+FFE1, U+FFE2).
"""

from __future__ import annotations

import enum
import functools
import itertools
import re
import unicodedata
from collections.abc import Iterable

import attrs

from nyukan_rules._args import ensure_int, type_name, wrong_type
from nyukan_rules.errors import ArgumentTypeError
from nyukan_rules.text.charclass import CharClass, allowed_char

__all__ = [
    "JIS_TO_WINDOWS",
    "SURROGATE",
    "CharIssue",
    "IssueKind",
    "control_pattern",
    "is_jis_x0208",
    "jis_x0208",
    "outside_jis",
    "special_pattern",
    "suggestion_for",
    "unsupported_chars",
]

#: JIS code points and the Windows (cp932) code points the agency's tool uses instead.
JIS_TO_WINDOWS: dict[str, str] = {
    "\u301c": "\uff5e",  # WAVE DASH -> FULLWIDTH TILDE
    "\u2212": "\uff0d",  # MINUS SIGN -> FULLWIDTH HYPHEN-MINUS
    "\u2016": "\u2225",  # DOUBLE VERTICAL LINE -> PARALLEL TO
    "\u00a2": "\uffe0",  # CENT SIGN -> FULLWIDTH CENT SIGN
    "\u00a3": "\uffe1",  # POUND SIGN -> FULLWIDTH POUND SIGN
    "\u00ac": "\uffe2",  # NOT SIGN -> FULLWIDTH NOT SIGN
}

#: Kanji outside JIS X 0208 and the JIS X 0208 kanji people write instead.  Only
#: well-known name variants; anything else gets no suggestion.  (Escapes, so that
#: no editor can normalize the keys into the very characters they replace.)
_KANJI_SUGGESTIONS: dict[str, str] = {
    "\u9ad9": "\u9ad8",  # 髙 -> 高
    "\ufa11": "\u5d0e",  # 﨑 -> 崎
    "\u5fb7": "\u5fb3",  # 德 -> 徳
    "\u6801": "\u67f3",  # 栁 -> 柳
    "\U00020bb7": "\u5409",  # 𠮷 -> 吉
    "\u6ff5": "\u6ff1",  # 濵 -> 濱
    "\u9089": "\u908a",  # 邉 -> 邊
    "\u7028": "\u702c",  # 瀨 -> 瀬
    "\u66fb": "\u6607",  # 曻 -> 昇
    "\u6852": "\u6851",  # 桒 -> 桑
}


def _sjis_pair(row: int, cell: int) -> bytes:
    """The Shift_JIS bytes of a JIS X 0208 row and cell (1-based)."""
    first = (row + 1) // 2 + (0x80 if row <= 62 else 0xC0)
    second = (cell + (0x3F if cell <= 63 else 0x40)) if row % 2 else cell + 0x9E
    return bytes((first, second))


@functools.cache
def jis_x0208() -> frozenset[str]:
    """Every character of JIS X 0208 (rows 1 to 84), in the Windows mapping.

    >>> len(jis_x0208()), "凜" in jis_x0208(), "髙" in jis_x0208()
    (6879, True, False)
    """
    found = set()
    for row in range(1, 85):
        for cell in range(1, 95):
            code = _sjis_pair(row, cell)
            try:
                code.decode("shift_jis")  # assigned in JIS X 0208
            except UnicodeDecodeError:
                continue
            found.add(code.decode("cp932"))
    return frozenset(found)


def class_of(chars: Iterable[str]) -> str:
    """A regex character-class body for ``chars``, as ranges of code points.

    >>> class_of("xcab")
    'a-cx'
    """
    codes = sorted({ord(c) for c in chars})
    if not codes:
        return ""
    parts: list[str] = []
    start = prev = codes[0]
    for code in [*codes[1:], -1]:
        if code == prev + 1:
            prev = code
            continue
        parts.append(
            re.escape(chr(start))
            if start == prev
            else f"{re.escape(chr(start))}-{re.escape(chr(prev))}"
        )
        start = prev = code
    return "".join(parts)


@functools.cache
def outside_pattern() -> re.Pattern[str]:
    """Compiled once: one character outside JIS X 0208 and printable ASCII."""
    return re.compile(f"[^ -~{class_of(jis_x0208())}]")


#: The Unicode categories reported as control or format characters in every field:
#: controls (NUL, ESC, tab, line breaks …), format characters (BOM U+FEFF, bidi
#: overrides U+202E, zero-width joiners, soft hyphen …) and the line and paragraph
#: separators U+2028 and U+2029.
CONTROL_CATEGORIES = frozenset({"Cc", "Cf", "Zl", "Zp"})

#: One lone surrogate (U+D800 to U+DFFF): not a character; left by a wrong
#: decoding (``errors="surrogateescape"``) and impossible to encode.
SURROGATE = re.compile("[\ud800-\udfff]")


#: Format characters of later Unicode versions than some Pythons' unicodedata knows
#: (Egyptian hieroglyph format controls U+13439 to U+1343F, Unicode 15).
_NEWER_FORMAT_CHARACTERS = frozenset(map(chr, range(0x13439, 0x13440)))


@functools.cache
def control_pattern() -> re.Pattern[str]:
    """Compiled once: one control or format character (:data:`CONTROL_CATEGORIES`).

    Built from :mod:`unicodedata` over the planes where such characters are
    assigned (0, 1 and 14).

    >>> [m.start() for m in control_pattern().finditer("a\\x00b\\u202ec\\ufeff\\u2028")]
    [1, 3, 5, 6]
    """
    codes = (*range(0x20000), *range(0xE0000, 0xE1000))
    chars = frozenset(chr(c) for c in codes if unicodedata.category(chr(c)) in CONTROL_CATEGORIES)
    chars |= _NEWER_FORMAT_CHARACTERS
    return re.compile(f"[{class_of(chars)}]")


@functools.cache
def special_body() -> str:
    """The regex character-class body of the characters reported on their own in every
    field: control and format characters (:func:`control_pattern`) and lone surrogates."""
    return control_pattern().pattern[1:-1] + "\ud800-\udfff"


@functools.cache
def special_pattern() -> re.Pattern[str]:
    """Compiled once: one control or format character or lone surrogate."""
    return re.compile(f"[{special_body()}]")


@functools.cache
def _plane() -> str:
    """Every character of the Basic Multilingual Plane, in order (lone surrogates too)."""
    return "".join(map(chr, range(0x10000)))


@functools.lru_cache(maxsize=256)
def outside_jis(classes: frozenset[CharClass]) -> re.Pattern[str]:
    """The one outside-JIS scan: a character ``classes`` allow that JIS X 0208 lacks.

    Printable ASCII, half-width kana (which classes name themselves) and the
    special characters (:func:`special_pattern`, reported on their own) are
    left out.  With :attr:`~CharClass.ANY` (or no class at all: the column
    takes anything) every other character counts.  Built as one character
    class, once per combination of classes.

    >>> [m.group() for m in outside_jis(frozenset({CharClass.KANJI})).finditer("髙橋①")]
    ['髙']
    """
    excluded = class_of(jis_x0208()) + special_body() + " -~\uff61-\uff9f"
    if not classes or CharClass.ANY in classes:
        return re.compile(f"[^{excluded}]")
    allowed, skip = allowed_char(classes), re.compile(f"[{excluded}]")
    # The characters each one-character class matches, found over every character of
    # the plane at once (in C; a fullmatch a character took a second for six kinds).
    every = _plane()
    chars = frozenset(allowed.findall(every)) - frozenset(skip.findall(every))
    return re.compile(f"[{class_of(chars)}]") if chars else re.compile(r"(?!)")


def is_jis_x0208(char: str) -> bool:
    """True for a character of JIS X 0208 in the Windows mapping.

    Any ``str`` is taken; another type raises :class:`~nyukan_rules.ArgumentTypeError`.
    """
    if not isinstance(char, str):
        raise ArgumentTypeError(
            f"char must be a str, not {type_name(char)}", **wrong_type("char", char, "str")
        )
    return char in jis_x0208()


class IssueKind(str, enum.Enum):
    """Why a character is outside what the system safely takes."""

    JIS_VARIANT = "jis_variant"
    """The JIS code point of a character the tool takes in its Windows form (U+301C …)."""
    VENDOR_EXTENSION = "vendor_extension"
    """An NEC or IBM extension that cp932 encodes (①, ㈱, 髙, 﨑 …)."""
    COMPATIBILITY_IDEOGRAPH = "compatibility_ideograph"
    """A CJK compatibility ideograph (U+F900–U+FAFF) such as 塚 U+FA10."""
    OUTSIDE_JIS = "outside_jis"
    """Any other character outside JIS X 0208 and printable ASCII."""
    HALFWIDTH_KANA = "halfwidth_kana"
    PRIVATE_USE = "private_use"
    CONTROL = "control"
    """Tabs, line breaks and other control and format characters (BOM, bidi controls)."""
    LONE_SURROGATE = "lone_surrogate"
    """U+D800 to U+DFFF alone: not a character, left by decoding with the wrong encoding."""
    EMOJI = "emoji"
    ACCENTED_LATIN = "accented_latin"


@attrs.frozen
class CharIssue:
    """One character of a text that the system may not take."""

    index: int
    """Position in the string (code points, from 0)."""
    char: str
    kind: IssueKind
    suggestion: str | None = None

    @property
    def codepoint(self) -> str:
        """``U+9AD9`` style."""
        return f"U+{ord(self.char):04X}"


_HALFWIDTH_KANA = range(0xFF61, 0xFFA0)


def _classify(char: str) -> IssueKind:
    code = ord(char)
    if char in JIS_TO_WINDOWS:
        return IssueKind.JIS_VARIANT
    if code in _HALFWIDTH_KANA:
        return IssueKind.HALFWIDTH_KANA
    category = unicodedata.category(char)
    if category == "Co":
        return IssueKind.PRIVATE_USE
    if category == "Cs":
        return IssueKind.LONE_SURROGATE
    if category in CONTROL_CATEGORIES:
        return IssueKind.CONTROL
    if 0xF900 <= code <= 0xFAFF:
        try:
            char.encode("cp932")
        except UnicodeEncodeError:
            return IssueKind.COMPATIBILITY_IDEOGRAPH
        return IssueKind.VENDOR_EXTENSION
    if category == "So" and (code >= 0x1F000 or 0x2600 <= code <= 0x27BF):
        return IssueKind.EMOJI
    if category.startswith("L") and not char.isascii():
        base = unicodedata.normalize("NFD", char)[0]
        if base != char and base.isascii() and base.isalpha():
            return IssueKind.ACCENTED_LATIN
    try:
        char.encode("cp932")
    except UnicodeEncodeError:
        return IssueKind.OUTSIDE_JIS
    return IssueKind.VENDOR_EXTENSION


def _widen(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


def suggestion_for(char: str) -> str | None:
    """A safe replacement for ``char`` made only of supported characters, or None.

    >>> suggestion_for("髙"), suggestion_for("①"), suggestion_for("㈱"), suggestion_for("\u301c")
    ('高', '1', '（株）', '～')
    """
    if not isinstance(char, str):
        raise ArgumentTypeError(
            f"char must be a str, not {type_name(char)}", **wrong_type("char", char, "str")
        )
    if len(char) != 1:
        return None
    return _suggestion_for(str(char))


@functools.lru_cache(maxsize=4096)
def _suggestion_for(char: str) -> str | None:
    if char in JIS_TO_WINDOWS:
        return JIS_TO_WINDOWS[char]
    if char in _KANJI_SUGGESTIONS:
        return _KANJI_SUGGESTIONS[char]
    code = ord(char)
    if code in _HALFWIDTH_KANA:
        from nyukan_rules.text.normalizers import halfwidth_kana_to_fullwidth

        candidate = halfwidth_kana_to_fullwidth(char)
    elif 0xF900 <= code <= 0xFAFF:
        candidate = unicodedata.normalize("NFC", char)
    elif unicodedata.category(char).startswith("L") and not char.isascii():
        stripped = "".join(
            c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c)
        )
        candidate = stripped if stripped.isascii() and stripped.isalpha() else ""
    else:
        folded = unicodedata.normalize("NFKC", char)
        # ㈱ -> (株): keep brackets full-width next to kanji; ① -> 1 stays ASCII.
        candidate = folded if folded.isascii() else _widen(folded)
    if not candidate or candidate == char or not all(_supported(c) for c in candidate):
        return None
    return candidate


def _supported(char: str) -> bool:
    return (" " <= char <= "~") or char in jis_x0208()


def unsupported_chars(text: str, *, limit: int | None = None) -> tuple[CharIssue, ...]:
    """Every character of ``text`` outside JIS X 0208 and printable ASCII.

    That includes the NEC and IBM extensions cp932 encodes (①, ㈱, 髙, 﨑),
    compatibility ideographs, half-width kana, private-use characters, emoji,
    accented Latin, control and format characters (tab, line breaks, BOM,
    bidi overrides), lone surrogates and the JIS code points of the six
    characters the agency takes in their Windows form.  Each issue has a
    ``suggestion`` where a safe one exists.  Any ``str`` is taken; another
    type raises :class:`~nyukan_rules.ArgumentTypeError`.  Every issue is
    returned unless ``limit`` (at least 1: an empty answer means no issue)
    says how many at most (the first ones): for
    text from an untrusted source, pass a limit, or use
    :func:`~nyukan_rules.check_field`, which caps and counts.

    >>> for issue in unsupported_chars("髙橋①"):
    ...     print(issue.index, issue.char, issue.kind.value, issue.suggestion)
    0 髙 vendor_extension 高
    2 ① vendor_extension 1
    """
    if not isinstance(text, str):
        raise ArgumentTypeError(
            f"text must be a str, not {type_name(text)}", **wrong_type("text", text, "str")
        )
    if limit is not None:
        limit = ensure_int(limit, "limit", minimum=1)
    if text.isascii() and text.isprintable():
        return ()
    return tuple(
        CharIssue(m.start(), m.group(), _classify(m.group()), suggestion_for(m.group()))
        for m in itertools.islice(outside_pattern().finditer(text), limit)
    )
