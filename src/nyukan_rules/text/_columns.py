"""Normalize and check a column of values at once: the batch paths' fast path.

A roster of millions holds a few million distinct names, numbers and
addresses; normalizing and checking them one call at a time costs some
microseconds each (a Python call, a memo, several ``str`` methods).  Here the
values of one column (each distinct one once, where they repeat) are joined
by NUL (which no field takes, so a column holding one goes value by value) and
every character-wise step runs once over the joined text, in C:
``str.translate``, the space and strip patterns, the character scans.  The
answers are those of :func:`~nyukan_rules.normalize` and
:func:`~nyukan_rules.check_field` value by value; a property test compares
them on generated columns (``tests/text/test_columns.py``).

Written here rather than with a data-frame library: the work is the
package's own normalizers and character classes, which no such library has,
and pandas' ``str`` methods run one Python call a value too.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence

import attrs

from nyukan_rules.text import normalizers
from nyukan_rules.text.charset import class_of

__all__ = ["ColumnRule", "column_rule", "normalize_many", "suspects"]

#: Joins a column's values; a control character, which every field refuses.
SEP = "\x00"

_SPACES = normalizers.SPACES
#: The spaces people type but the one a field keeps.
_OTHER_SPACES = re.compile(f"[{re.escape(_SPACES.replace(' ', ''))}]")
_NOT_IDEOGRAPHIC = re.compile(f"[{re.escape(_SPACES.replace(chr(0x3000), ''))}]")
#: Patterns that match only where there is something to change: a run of two spaces,
#: a space next to the NUL between two values or at either end.  (A pattern that
#: matched at every NUL would cost a step a value.)
_SPACE_RUNS = re.compile("  +")
_SPACE_ENDS = re.compile(" +\x00 *|\x00 +")
_IDEOGRAPHIC_RUNS = re.compile("\u3000\u3000+")
_IDEOGRAPHIC_ENDS = re.compile("\u3000+\x00\u3000*|\x00\u3000+")
_ANY_SPACE_ENDS = re.compile(
    f"[{re.escape(_SPACES)}]+\x00[{re.escape(_SPACES)}]*|\x00[{re.escape(_SPACES)}]+"
)


_HALF_KANA_RUN = re.compile("[\uff61-\uff9f]+")


def _to_fullwidth(text: str) -> str:
    """to_fullwidth of a joined column: jaconv (a Python loop a character) only over the
    runs of half-width katakana, which is where it composes voiced marks."""
    if not text.isascii() and _HALF_KANA_RUN.search(text):
        if normalizers.few_runs(text, _HALF_KANA_RUN):
            kana = normalizers.halfwidth_kana_to_fullwidth
            text = _HALF_KANA_RUN.sub(lambda m: kana(m[0]), text)
        else:  # a run a character: the whole text at once, as one value would be
            text = normalizers.halfwidth_kana_to_fullwidth(text)
    return normalizers.widen_runs(text)


def _squeezed(text: str, space: str, runs: re.Pattern[str], ends: re.Pattern[str]) -> str:
    """Runs of ``space`` as one, none next to a NUL or at either end."""
    if space + space in text:
        text = runs.sub(space, text)
    if space in text:
        text = ends.sub(SEP, text).strip(space)
    return text


def _roman_name(text: str) -> str:
    # roman_name: spaces of any kind (full-width ones become ASCII) as one, ends trimmed.
    spaced = _OTHER_SPACES.sub(" ", normalizers.to_ascii_runs(text))
    return normalizers.ascii_upper_runs(_squeezed(spaced, " ", _SPACE_RUNS, _SPACE_ENDS))


def _fullwidth_name(text: str) -> str:
    # fullwidth_name: every run of spaces becomes one ideographic space (to_fullwidth
    # turns none but spaces into one), ends trimmed.
    spaced = _NOT_IDEOGRAPHIC.sub("\u3000", text)
    spaced = _squeezed(spaced, "\u3000", _IDEOGRAPHIC_RUNS, _IDEOGRAPHIC_ENDS)
    return _to_fullwidth(spaced)


def _fullwidth_text(text: str) -> str:
    if not text.isascii() or " " in text:
        text = _ANY_SPACE_ENDS.sub(SEP, text).strip(_SPACES)
    return _to_fullwidth(text)


def _ascii_text(text: str) -> str:
    text = normalizers.to_ascii_runs(text)
    return _SPACE_ENDS.sub(SEP, text).strip(" ") if " " in text else text


def _phone(text: str) -> str:
    return normalizers.digits(text.replace("＋", "+"))


#: The normalizers that work character by character (or line by line, with NUL as
#: the line break), applied to a whole joined column.
_JOINED: dict[Callable[[str], str], Callable[[str], str]] = {
    normalizers.roman_name: _roman_name,
    normalizers.fullwidth_name: _fullwidth_name,
    normalizers.fullwidth_text: _fullwidth_text,
    normalizers.to_windows: normalizers.to_windows_runs,
    normalizers.digits: normalizers.digits,
    normalizers.identifier: normalizers.identifier,
    normalizers.ascii_text: _ascii_text,
    normalizers.phone: _phone,
}

#: A column of dates all written 2025/04/01 (or with - or .), or already 20250401.
_PLAIN_DATE = r"(?:\d{8}|\d{4}[/.\-]\d\d[/.\-]\d\d)"
_PLAIN_DATES = re.compile(f"(?:{_PLAIN_DATE}\\x00)*+", re.ASCII)
_DATE_MARKS = str.maketrans("", "", "/.-")


#: Values a column's first few are, to tell one whose values repeat.
_SAMPLE = 256


def normalize_many(normalizer: Callable[[str], str], values: Sequence[str]) -> Sequence[str]:
    """``[normalizer(v) for v in values]``, computed over the column joined where the
    normalizer allows it; ``values`` itself (the same object) when no value changes."""
    if not values:
        return []
    if len(values) > _SAMPLE and len(set(values[:_SAMPLE])) * 2 <= _SAMPLE:
        # Values that repeat (statuses, employers, dates): each distinct one once.
        distinct = list(dict.fromkeys(values))
        normalized = normalize_many(normalizer, distinct)
        if normalized is distinct:
            return values
        done = dict(zip(distinct, normalized, strict=True))
        return list(map(done.__getitem__, values))
    joined = SEP.join(values)
    if joined.count(SEP) != len(values) - 1:  # a value holds a NUL: one by one
        return [normalizer(v) for v in values]
    if normalizer is normalizers.ymd:
        return _dates(values, joined)
    whole = _JOINED.get(normalizer)
    if whole is None:
        return _one_by_one(normalizer, values)
    changed = whole(joined)
    if changed == joined and (normalizer is not normalizers.phone or "+" not in joined):
        return values  # (a full-width plus changes, so the joined text would differ)
    out = changed.split(SEP)
    if normalizer is normalizers.phone and "+" in joined.replace("＋", "+"):
        out = [
            normalizer(v) if "+" in v or "＋" in v else o for v, o in zip(values, out, strict=True)
        ]
    return out


def _one_by_one(normalizer: Callable[[str], str], values: Sequence[str]) -> list[str]:
    done: dict[str, str] = {}
    for value in dict.fromkeys(values):
        done[value] = normalizer(value)
    return list(map(done.__getitem__, values))


def _dates(values: Sequence[str], joined: str) -> list[str]:
    """ymd of each value: dates written 2025/04/01 (or with - or .) lose their marks at
    once, as ymd's plain form takes them out (20250401 stays as it is); any other
    value goes one by one."""
    text = joined + SEP
    out = joined.translate(_DATE_MARKS).split(SEP)
    for i in failing_rows(text, _PLAIN_DATES):
        out[i] = normalizers.ymd(values[i])
    return out


def failing_rows(text: str, lines: re.Pattern[str]) -> Iterator[int]:
    """The rows of ``text`` (values each followed by a NUL) where ``lines``, a pattern of
    any number of good rows, stops: from each to the next, in C."""
    match = lines.match
    position, row, end = 0, 0, len(text)
    while position < end:
        stop = match(text, position).end()  # type: ignore[union-attr]  # `*` always matches
        if stop == end:
            return
        row += text.count(SEP, position, stop)
        yield row
        position = text.index(SEP, stop) + 1
        row += 1


# --- checks --------------------------------------------------------------------------


@attrs.frozen
class ColumnRule:
    """What :func:`suspects` checks a column of one kind of field against."""

    lines: re.Pattern[str]
    """Values that pass (each followed by a NUL), as many as there are in a row: their
    characters, their length (code points: a character outside the Basic
    Multilingual Plane fails first) and their shape, in one pattern."""
    extra: Callable[[str], bool] | None
    """What the pattern cannot say (a check digit), asked once a distinct value."""
    shape: re.Pattern[str] | None = None
    """A shape the pattern could not hold, asked value by value."""


#: Every character of the Basic Multilingual Plane but the NUL, in one text.
_PLANE = "".join(map(chr, range(1, 0x10000)))


def column_rule(
    bad: re.Pattern[str],
    shape: str | None,
    limit: int | None,
    exact: bool,
    extra: Callable[[str], bool] | None,
    flags: int = 0,
) -> ColumnRule:
    """A kind's rule for whole columns: ``bad`` matches a character the kind refuses;
    ``shape`` is the value's pattern."""
    chars = f"[{class_of(bad.sub('', _PLANE))}]"  # what the kind takes, found in C
    length = "{1,}" if limit is None else f"{{{limit}}}" if exact else f"{{1,{limit}}}"
    within = _within(shape) if shape else "[^\\x00]*"
    # An empty value passes here: the caller checks it (required or not).
    line = f"(?:(?={chars}{length}\\x00)" + (within or "[^\\x00]*") + ")?\\x00"
    alone = re.compile(shape, flags) if shape and not within else None
    return ColumnRule(re.compile(f"(?:{line})*+", flags), extra, alone)


#: A character class; a dot outside one (which matches a NUL).
_CLASS = re.compile(r"\[(?:\\.|[^\]\\])*\]")
_DOT = re.compile(r"(?<!\\)\.")


def _within(shape: str) -> str | None:
    """``shape`` kept within one value (every negated class leaves out the NUL), or
    None for a shape that may still match a NUL (a dot, a negated escape): it is
    then asked value by value."""
    plain = shape.replace("\\\\", "")
    if any(e in plain for e in ("\\S", "\\D", "\\W")) or _DOT.search(_CLASS.sub("", plain)):
        return None
    return "(?:" + shape.replace("[^", "[^\\x00") + ")"


def suspects(values: Sequence[str], rule: ColumnRule) -> list[int]:
    """The indexes of the non-empty ``values`` that may fail their field's check.

    Every value that fails is among them (a value not named here passes, as
    ``check_field`` would say); a value named may still pass: the caller checks
    it.  One pattern runs over the column joined, in C, from each value that
    fails to the next.
    """
    count = len(values)
    if not count:
        return []
    text = SEP.join(values) + SEP
    if text.count(SEP) != count:
        return [i for i, v in enumerate(values) if v]
    found = list(failing_rows(text, rule.lines))
    if rule.shape is not None:
        taken = set(found)
        fullmatch = rule.shape.fullmatch
        found.extend(i for i, v in enumerate(values) if v and i not in taken and not fullmatch(v))
        found.sort()
    if rule.extra is not None:
        extra = rule.extra
        taken = set(found)
        verdicts: dict[str, bool] = {}
        for i, value in enumerate(values):
            if value and i not in taken:
                ok = verdicts.get(value)
                if ok is None:
                    ok = verdicts[value] = extra(value)
                if not ok:
                    found.append(i)
        found.sort()
    return found
