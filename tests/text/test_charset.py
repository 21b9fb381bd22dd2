"""JIS X 0208 in the Windows mapping, and unsupported_chars.

Source: jis-x-0208-windows (cp932), RULES.md §7 and research-libraries §2.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import nyukan_rules as nr
from nyukan_rules.text.charset import JIS_TO_WINDOWS, jis_x0208

IK = nr.IssueKind


def _sjis(row: int, cell: int) -> bytes:
    j1, j2 = row + 0x20, cell + 0x20
    if j1 % 2:
        s1, s2 = (j1 + 1) // 2 + 0x70, j2 + 0x1F + (1 if j2 >= 0x60 else 0)
    else:
        s1, s2 = j1 // 2 + 0x70, j2 + 0x7E
    return bytes((s1 + 0x40 if s1 >= 0xA0 else s1, s2))


def _all_jis_codes() -> list[str]:
    found = []
    for row in range(1, 85):
        for cell in range(1, 95):
            code = _sjis(row, cell)
            try:
                code.decode("shift_jis")
            except UnicodeDecodeError:
                continue
            found.append(code.decode("cp932"))
    return found


def test_every_jis_x0208_character_passes() -> None:
    every = _all_jis_codes()
    assert len(every) == 6879  # JIS X 0208:1990, rows 1-84
    text = "".join(every)
    assert nr.unsupported_chars(text) == ()
    assert set(every) == jis_x0208()


def _cp932_extensions() -> list[str]:
    """NEC row 13 (lead 0x87), NEC-selected IBM (0xED, 0xEE), IBM (0xFA-0xFC)."""
    found = []
    for lead in (0x87, 0xED, 0xEE, 0xFA, 0xFB, 0xFC):
        for trail in [*range(0x40, 0x7F), *range(0x80, 0xFD)]:
            try:
                found.append(bytes((lead, trail)).decode("cp932"))
            except UnicodeDecodeError:
                continue
    return found


def test_every_nec_and_ibm_extension_is_reported() -> None:
    extensions = _cp932_extensions()
    assert len(extensions) > 700
    reported = {issue.char for issue in nr.unsupported_chars("".join(extensions))}
    # The few extension codes that decode to JIS X 0208 characters (cp932 maps
    # duplicates such as ∵ ≒ ≡ to one code point) are rightly not reported.
    duplicates = {ch for ch in extensions if ch in jis_x0208()}
    assert reported == set(extensions) - duplicates
    assert len(duplicates) < 30


@pytest.mark.parametrize(
    ("char", "kind", "suggestion"),
    [
        ("\u9ad9", IK.VENDOR_EXTENSION, "\u9ad8"),  # 髙 -> 高
        ("\ufa11", IK.VENDOR_EXTENSION, "\u5d0e"),  # 﨑 -> 崎
        ("\u2460", IK.VENDOR_EXTENSION, "1"),  # ① -> 1
        ("\u3231", IK.VENDOR_EXTENSION, "（株）"),  # ㈱
        ("\ufa10", IK.VENDOR_EXTENSION, "\u585a"),  # 塚 U+FA10 -> 塚
        ("\u301c", IK.JIS_VARIANT, "\uff5e"),
        ("\u2212", IK.JIS_VARIANT, "\uff0d"),
        ("\u2016", IK.JIS_VARIANT, "\u2225"),
        ("\u00a2", IK.JIS_VARIANT, "\uffe0"),
        ("\u00a3", IK.JIS_VARIANT, "\uffe1"),
        ("\u00ac", IK.JIS_VARIANT, "\uffe2"),
        ("\uff76", IK.HALFWIDTH_KANA, "カ"),
        ("\ue000", IK.PRIVATE_USE, None),
        ("\U0001f600", IK.EMOJI, None),
        ("\u00e9", IK.ACCENTED_LATIN, "e"),
        ("\t", IK.CONTROL, None),
        ("\n", IK.CONTROL, None),
        ("\U00020bb7", IK.OUTSIDE_JIS, "\u5409"),  # 𠮷 -> 吉
        ("\u2014", IK.OUTSIDE_JIS, None),  # EM DASH: not in cp932 at all
    ],
)
def test_issue_kinds_and_suggestions(char: str, kind: nr.IssueKind, suggestion: str | None) -> None:
    (issue,) = nr.unsupported_chars(f"a{char}b")
    assert (issue.index, issue.char, issue.kind, issue.suggestion) == (1, char, kind, suggestion)
    assert issue.codepoint == f"U+{ord(char):04X}"


def test_windows_forms_pass_and_jis_forms_are_reported() -> None:
    assert nr.unsupported_chars("".join(JIS_TO_WINDOWS.values())) == ()
    assert len(nr.unsupported_chars("".join(JIS_TO_WINDOWS))) == 6


def test_printable_ascii_passes() -> None:
    assert nr.unsupported_chars("".join(chr(c) for c in range(0x20, 0x7F))) == ()


@settings(deadline=None, max_examples=100)
@given(st.text())
def test_suggestions_are_always_supported(text: str) -> None:
    for issue in nr.unsupported_chars(text):
        assert text[issue.index] == issue.char
        if issue.suggestion is not None:
            assert nr.unsupported_chars(issue.suggestion) == ()


def test_junk() -> None:
    # issue 10: a wrong type is the caller's error, not "no issues".
    for junk in (None, b"\x00", 42):
        with pytest.raises(nr.ArgumentTypeError, match="text must be a str"):
            nr.unsupported_chars(junk)  # type: ignore[arg-type]
    assert nr.unsupported_chars("") == ()
    assert len(nr.unsupported_chars("\x00" * 10_000)) == 10_000
