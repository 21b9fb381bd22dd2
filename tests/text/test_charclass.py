"""The agency's character classes, against its own definition.

Source: isa-bulk-template-tool (VBA module mdlChk: each class as code-point
ranges, the 全角記号 list as a fixed set).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import nyukan_rules as nr
from nyukan_rules.text.charclass import disallowed

C = nr.CharClass


def spans(*pairs: tuple[int, int]) -> set[str]:
    return {chr(c) for a, b in pairs for c in range(a, b + 1)}


# The definition as the research sheet transcribes the tool (research-bulk-upload-2026 §1.4).
DEFINITION = {
    C.HALFWIDTH_DIGIT: spans((0x30, 0x39)),
    C.HALFWIDTH_LETTER: spans((0x41, 0x5A), (0x61, 0x7A)),
    C.HALFWIDTH_UPPER: spans((0x41, 0x5A)),
    C.HALFWIDTH_SYMBOL: spans(
        (0x20, 0x2F), (0x3A, 0x40), (0x5B, 0x60), (0x7B, 0x7E), (0xFF61, 0xFF65), (0xFF70, 0xFF70),
        (0xFF9E, 0xFF9F),
    ),
    C.HALFWIDTH_KANA: spans((0xFF61, 0xFF9F)),
    C.HALFWIDTH_SPACE: {" "},
    C.HALFWIDTH_PERIOD: {"."},
    C.HALFWIDTH_COMMA: {","},
    C.HALFWIDTH_HYPHEN: {"-"},
    C.FULLWIDTH_SPACE: {"\u3000"},
    C.HIRAGANA: spans((0x3000, 0x3000), (0x3041, 0x3094), (0x309B, 0x309E), (0x30FB, 0x30FC)),
    C.FULLWIDTH_KANA: spans((0x3000, 0x3000), (0x30A1, 0x30F6), (0x30FC, 0x30FC)),
    C.FULLWIDTH_DIGIT: spans((0xFF10, 0xFF19)),
    C.FULLWIDTH_LETTER: spans((0xFF21, 0xFF3A), (0xFF41, 0xFF5A)),
    C.KANJI: spans((0x4E00, 0xA000)),
}  # fmt: skip

PROBE = (
    [chr(c) for c in range(0x20, 0x3100)]
    + [chr(c) for c in range(0x4DF0, 0xA010)]
    + [chr(c) for c in range(0xF900, 0x10000)]
)


@pytest.mark.parametrize("klass", list(DEFINITION))
def test_class_matches_the_tool(klass: nr.CharClass) -> None:
    allowed = {ch for ch in PROBE if klass.contains(ch)}
    assert allowed == DEFINITION[klass] & set(PROBE)


RESEARCH = (
    Path(__file__).resolve().parents[3] / "shared" / "domain" / "research-bulk-upload-2026.md"
)


def test_fullwidth_symbols_are_the_tools_list() -> None:
    symbols = {ch for ch in PROBE if C.FULLWIDTH_SYMBOL.contains(ch)}
    assert len(symbols) == 108
    if RESEARCH.is_file():  # the transcription of the tool's list, where shared/ is present
        row = next(
            line
            for line in RESEARCH.read_text(encoding="utf-8").splitlines()
            if line.startswith("| 全角記号")
        )
        listed = {
            chr(int(code, 16))
            for code in re.findall(
                r"\b(?:U\+)?([0-9A-F]{4})\b", row.split("a fixed set:")[1].split(". This is")[0]
            )
        }
        assert symbols == listed
    # Windows forms are in, JIS forms are out (RULES.md §7).
    assert {"\uff0d", "\uff5e", "\u2225", "\uffe0", "\uffe1"} <= symbols
    assert not {"\u2212", "\u301c", "\u2016", "\u00a2", "\u00a3"} & symbols
    assert "\u4edd" in symbols  # 仝 is in the list


def test_any_takes_everything() -> None:
    assert disallowed("髙😀\t\x00", {C.ANY}) == []


def test_combined_classes() -> None:
    assert disallowed("東京１－１", {C.KANJI, C.FULLWIDTH_DIGIT, C.FULLWIDTH_SYMBOL}) == []
    assert disallowed("東京1-1", {C.KANJI, C.FULLWIDTH_DIGIT}) == [(2, "1"), (3, "-"), (4, "1")]
    assert disallowed("anything", set()) == [(i, c) for i, c in enumerate("anything")]


def test_names_parse() -> None:
    for klass in C:
        assert C.parse(klass.ja) is klass
        assert klass.sources[0].id == "isa-bulk-template-tool"
