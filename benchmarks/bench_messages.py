"""Cost of findings and their messages, per language, against the old eager way.

    python benchmarks/bench_messages.py [count]

Makes ``count`` (default 100,000) findings of a realistic mix of codes and
params (a row number, a label, a date, a catalog name, a term) and measures,
in the same run:

- the baseline, what producing them cost before findings had params: the
  finding plus its Japanese and English messages formatted at once (the old
  ``make_finding`` did exactly ``template.format(**values)`` twice);
- making the findings alone (messages never asked for);
- making them and rendering each message in one language, for every
  language with a catalogue.

Issue 12's budget: messages in one language at most 1.5x the baseline, and
findings whose messages are never asked for cost nothing extra (ratio <= 1).
"""

from __future__ import annotations

import sys
from datetime import date

from _timing import best_ms

import nyukan_rules as nr
from nyukan_rules.messages import MESSAGES, make_finding
from nyukan_rules.messages.render import template
from nyukan_rules.report import Finding

ON = date(2026, 11, 23)
KINDS = list(nr.ApplicationKind)
#: (code, params): the shapes a roster check produces most.
SHAPES: list[tuple[str, dict[str, object]]] = [
    ("field.required", {"label": "生年月日"}),
    ("csv.ragged_row", {"line": 1234, "count": 12, "expected": 14}),
    ("record.duplicate", {"label": "旅券番号", "value": "TK1234567", "first": 17}),
    ("eligibility.expired", {"expires_on": ON}),
    ("eligibility.kind_not_offered", {"kind": nr.ApplicationKind.REENTRY_PERMIT_SINGLE}),
    ("batch.duplicate_applicant", {"row": 40, "first": 3, "what": "id.passport", "value": "X1"}),
]


def _old(count: int) -> None:
    """The finding and both messages, formatted eagerly, as before params."""
    english = {code: template(code, "en") for code, _ in SHAPES}
    for index in range(count):
        code, params = SHAPES[index % len(SHAPES)]
        # The old callers passed ready-made strings: names and dates already text.
        values = {k: (v.ja if hasattr(v, "ja") else str(v)) for k, v in params.items()}
        Finding(code, MESSAGES[code].severity, {})
        MESSAGES[code].ja.format_map(values)
        english[code].format_map(values)


def _make(count: int) -> None:
    for index in range(count):
        code, params = SHAPES[index % len(SHAPES)]
        make_finding(code, **params)


def _make_and_render(count: int, lang: str) -> None:
    for index in range(count):
        code, params = SHAPES[index % len(SHAPES)]
        make_finding(code, **params).message(lang)


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    _make_and_render(100, "en")  # load catalogues and Babel once, outside the timing
    for lang in nr.languages():
        _make_and_render(10, lang.tag)
    baseline = best_ms(lambda: _old(count))
    print(f"{count:,} findings; baseline (finding + ja and en messages, eager): {baseline:.0f} ms")
    made = best_ms(lambda: _make(count))
    print(f"  findings only, messages never asked for: {made:.0f} ms = {made / baseline:.2f}x")
    worst = 0.0
    for lang in nr.languages():
        took = best_ms(lambda lang=lang.tag: _make_and_render(count, lang))
        worst = max(worst, took / baseline)
        print(f"  findings + message in {lang.tag:8}: {took:.0f} ms = {took / baseline:.2f}x")
    print(f"worst language: {worst:.2f}x the baseline (budget 1.5x)")


if __name__ == "__main__":
    main()
