"""The agency's character classes, exactly as its bulk-registration tool defines them.

The tool (VBA module ``mdlChk`` of the 申請情報一括登録用テンプレート) gives each
output column a comma list of classes; a value passes when removing every
character of those classes leaves nothing.  The same classes serve
:mod:`nyukan_rules.text.fields` and the bulk templates.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from nyukan_rules._args import type_name, wrong_type
from nyukan_rules.catalog._base import CatalogEnum
from nyukan_rules.errors import ArgumentTypeError
from nyukan_rules.sources import Source, sources

__all__ = ["CharClass", "CharClasses", "allowed_char", "class_body", "disallowed"]

#: The 全角記号 list of the tool, in its own order (JIS X 0208 rows 1-2, Windows mapping).
_FULLWIDTH_SYMBOLS = (
    "\u3000\u309b\u309c\u309d\u309e\u30fb\u30fc\u30fd\u30fe\u3001\u3002\uff0c\uff0e\uff1a"
    "\uff1b\uff01\u00b4\uff40\u00a8\uff3e\uffe3\uff3f\u3003\u4edd\u3005\u3006\u3007\u2015"
    "\u2010\uff0f\uff3c\uff5e\u2225\uff5c\u2026\u2025\u2018\u2019\u201c\u201d\uff08\uff09"
    "\u3014\u3015\uff3b\uff3d\uff5b\uff5d\u3008\u3009\u300a\u300b\u300c\u300d\u300e\u300f"
    "\u3010\u3011\uff0b\uff0d\u00b1\u00d7\u00f7\uff1d\u2260\uff1c\uff1e\u2266\u2267\u221e"
    "\u2234\u2642\u2640\u00b0\u2032\u2033\u2103\uffe5\uff04\uffe0\uffe1\uff05\uff03\uff06"
    "\uff20\u00a7\u2606\u2605\u25cb\u25cf\u25ce\u25c7\u25c6\u25a1\u25b3\u25b2\u25bd\u25bc"
    "\u203b\u3012\u2192\u2190\u2191\u2193\u3013\u25a0\uff1f\uff0a"
)


def _ranges(*spans: tuple[int, int]) -> str:
    """A regex character-class body for inclusive code-point spans."""
    return "".join(
        re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}"
        for a, b in spans
    )


class CharClass(CatalogEnum):
    """One character class of the agency's tool (チェック種別).

    All sixteen the tool's code defines, the three single-character ones
    (半角ピリオド, 半角カンマ, 半角ハイフン) included, though no column of the 2026
    workbooks uses them.

    >>> CharClass.parse("半角数字").contains("7"), CharClass.KANJI.contains("髙")
    (True, True)
    """

    HALFWIDTH_DIGIT = ("halfwidth_digit", "半角数字", "Half-width digits")
    HALFWIDTH_LETTER = ("halfwidth_letter", "半角英字", "Half-width letters")
    HALFWIDTH_UPPER = ("halfwidth_upper", "半角英大文字", "Half-width capital letters")
    HALFWIDTH_SYMBOL = ("halfwidth_symbol", "半角記号", "Half-width symbols")
    HALFWIDTH_KANA = ("halfwidth_kana", "半角カナ", "Half-width katakana")
    HALFWIDTH_SPACE = ("halfwidth_space", "半角スペース", "Half-width space")
    HALFWIDTH_PERIOD = ("halfwidth_period", "半角ピリオド", "Half-width full stop")
    HALFWIDTH_COMMA = ("halfwidth_comma", "半角カンマ", "Half-width comma")
    HALFWIDTH_HYPHEN = ("halfwidth_hyphen", "半角ハイフン", "Half-width hyphen-minus")
    FULLWIDTH_SPACE = ("fullwidth_space", "全角スペース", "Full-width space")
    HIRAGANA = ("hiragana", "ひらがな", "Hiragana")
    FULLWIDTH_KANA = ("fullwidth_kana", "全角カナ", "Full-width katakana")
    FULLWIDTH_DIGIT = ("fullwidth_digit", "全角数字", "Full-width digits")
    FULLWIDTH_LETTER = ("fullwidth_letter", "全角英字", "Full-width letters")
    KANJI = ("kanji", "漢字", "Kanji (U+4E00 to U+A000)")
    FULLWIDTH_SYMBOL = ("fullwidth_symbol", "全角記号", "Full-width symbols")
    ANY = ("any", "すべて", "Anything")

    @property
    def pattern(self) -> str:
        """The regex character-class body of the characters this class allows."""
        return _PATTERNS[self]

    def contains(self, char: str) -> bool:
        """True when the tool accepts ``char`` (one character) under this class.

        Any ``str`` is taken (a text of more or fewer than one character is
        not contained); another type raises :class:`~nyukan_rules.ArgumentTypeError`.
        """
        if not isinstance(char, str):
            raise ArgumentTypeError(
                f"char must be a str, not {type_name(char)}", **wrong_type("char", char, "str")
            )
        return allowed_char(frozenset({self})).fullmatch(char) is not None

    @property
    def sources(self) -> tuple[Source, ...]:
        return sources("isa-bulk-template-tool")


_PATTERNS: dict[CharClass, str] = {
    CharClass.HALFWIDTH_DIGIT: "0-9",
    CharClass.HALFWIDTH_LETTER: "A-Za-z",
    CharClass.HALFWIDTH_UPPER: "A-Z",
    CharClass.HALFWIDTH_SYMBOL: _ranges(
        (0x20, 0x2F),
        (0x3A, 0x40),
        (0x5B, 0x60),
        (0x7B, 0x7E),
        (0xFF61, 0xFF65),
        (0xFF70, 0xFF70),
        (0xFF9E, 0xFF9F),
    ),
    CharClass.HALFWIDTH_KANA: _ranges((0xFF61, 0xFF9F)),
    CharClass.HALFWIDTH_SPACE: " ",
    CharClass.HALFWIDTH_PERIOD: r"\.",
    CharClass.HALFWIDTH_COMMA: ",",
    CharClass.HALFWIDTH_HYPHEN: r"\-",
    CharClass.FULLWIDTH_SPACE: "\u3000",
    CharClass.HIRAGANA: _ranges(
        (0x3000, 0x3000), (0x3041, 0x3094), (0x309B, 0x309E), (0x30FB, 0x30FC)
    ),
    CharClass.FULLWIDTH_KANA: _ranges((0x3000, 0x3000), (0x30A1, 0x30F6), (0x30FC, 0x30FC)),
    CharClass.FULLWIDTH_DIGIT: _ranges((0xFF10, 0xFF19)),
    CharClass.FULLWIDTH_LETTER: _ranges((0xFF21, 0xFF3A), (0xFF41, 0xFF5A)),
    CharClass.KANJI: _ranges((0x4E00, 0xA000)),
    CharClass.FULLWIDTH_SYMBOL: "".join(re.escape(c) for c in _FULLWIDTH_SYMBOLS),
    CharClass.ANY: "",
}

#: A combination of classes, as a column of the tool lists them.
CharClasses = frozenset[CharClass]


def class_body(classes: frozenset[CharClass]) -> str:
    """The regex character-class body of what ``classes`` allow (``ANY`` adds nothing)."""
    return "".join(_PATTERNS[c] for c in sorted(classes, key=lambda c: c.value))


def allowed_char(classes: frozenset[CharClass]) -> re.Pattern[str]:
    """One pattern per combination, compiled once: a single character ``classes`` allow."""
    return _one_char(classes, refused=False)


def _outside(classes: frozenset[CharClass]) -> re.Pattern[str]:
    """One pattern per combination, compiled once: a character the classes do not allow."""
    return _one_char(classes, refused=True)


@functools.lru_cache(maxsize=512)
def _one_char(classes: frozenset[CharClass], *, refused: bool) -> re.Pattern[str]:
    everything, nothing = re.compile(r"[\s\S]"), re.compile(r"(?!)")
    if CharClass.ANY in classes:
        return nothing if refused else everything
    body = class_body(classes)
    if not body:
        return everything if refused else nothing
    return re.compile(f"[^{body}]" if refused else f"[{body}]")


def disallowed(text: str, classes: Iterable[CharClass]) -> list[tuple[int, str]]:
    """The (index, character) pairs of ``text`` that ``classes`` do not allow.

    Indexes count code points from 0.  ``classes`` may name classes as text
    (parsed as :meth:`CharClass.parse` does).

    >>> disallowed("東京都千代田区1-1", {CharClass.KANJI, CharClass.FULLWIDTH_DIGIT})
    [(7, '1'), (8, '-'), (9, '1')]
    """
    if not isinstance(text, str):
        raise ArgumentTypeError(
            f"text must be a str, not {type_name(text)}", **wrong_type("text", text, "str")
        )
    if isinstance(classes, (str, bytes)) or not isinstance(classes, Iterable):
        raise ArgumentTypeError(
            f"classes must be character classes, not {type_name(classes)}",
            **wrong_type("classes", classes, "iterable of CharClass"),
        )
    wanted = classes if isinstance(classes, frozenset) else frozenset(classes)
    if not all(isinstance(c, CharClass) for c in wanted):
        wanted = frozenset(CharClass.parse(c) for c in wanted)
    pattern = _outside(wanted)
    return [(m.start(), m.group()) for m in pattern.finditer(text)]
