"""The example filing: eligibility, fees and deadlines (``nyukan-rules demo``).

What ``python -m nyukan_rules`` showed before it had subcommands; it is
still what the command shows with none.
"""

from __future__ import annotations

from datetime import date

import attrs

from nyukan_rules import (
    Channel,
    DateWindow,
    Fee,
    Report,
    check_online_eligibility,
    converter,
    fee,
    fee_range,
    renewal_window,
    special_period_end,
)
from nyukan_rules.examples import ExampleFiling


@attrs.frozen
class Evaluation:
    """Everything the command shows for one filing."""

    filing: ExampleFiling
    eligibility: Report
    fees: dict[Channel, tuple[Fee, ...]]
    ranges: dict[Channel, tuple[tuple[int, int], ...]]
    windows: dict[Channel, DateWindow]
    special_period_end: date | None


def evaluate(filing: ExampleFiling) -> Evaluation:
    """Apply the rules core to ``filing``."""
    period = filing.period_of_stay
    return Evaluation(
        filing=filing,
        eligibility=check_online_eligibility(
            filing.kinds,
            on=filing.on,
            role=filing.role,
            status=filing.status,
            registered_agent=filing.registered_agent,
            expires_on=filing.expires_on,
        ),
        fees={
            c: tuple(
                fee(k, channel=c, accepted_on=filing.on, period_of_stay=period)
                for k in filing.kinds
            )
            for c in Channel
        },
        ranges={
            c: tuple(fee_range(k, channel=c, accepted_on=filing.on) for k in filing.kinds)
            for c in Channel
        },
        windows={
            c: renewal_window(filing.expires_on, period_of_stay=period, channel=c) for c in Channel
        },
        special_period_end=special_period_end(
            filing.expires_on, period_of_stay=period, kind=filing.kinds[0]
        ),
    )


def summary(filing: ExampleFiling) -> dict[str, object]:
    """Everything the command shows, as JSON-ready data."""
    result = evaluate(filing)
    return {
        "filing": converter.unstructure(filing),
        "eligibility": converter.unstructure(result.eligibility),
        "fees": {
            c.value: [
                {"kind": f.kind.value, "yen": f.yen, "range": list(r)}
                for f, r in zip(result.fees[c], result.ranges[c], strict=True)
            ]
            for c in Channel
        },
        "renewal_window": {c.value: converter.unstructure(w) for c, w in result.windows.items()},
        "special_period_end": (
            result.special_period_end.isoformat() if result.special_period_end else None
        ),
    }


def render(filing: ExampleFiling, lang: str = "en") -> str:
    """The summary as text for a person, in ``lang``: names and words from the catalogues,
    numbers and dates as the language writes them."""
    from nyukan_rules.cli._common import term
    from nyukan_rules.i18n import format_date, format_number

    result = evaluate(filing)

    def t(key: str, **params: object) -> str:
        return term(key, lang, **params)

    lines = [
        t("cli.demo.title", name=filing.name, on=filing.on),
        "  "
        + t("cli.demo.procedures", kinds=_listed([k.name_in(lang) for k in filing.kinds], lang)),
        "  "
        + t(
            "cli.demo.status",
            status=filing.status,
            period=filing.period_of_stay,
            expires_on=filing.expires_on,
        ),
        "  " + t("cli.demo.filed_by", role=filing.role),
        "",
        t("cli.demo.eligibility"),
    ]
    if not result.eligibility.findings:
        lines.append("  " + t("cli.eligibility.online"))
    for finding in result.eligibility:
        severity = t(f"cli.severity.{finding.severity.value}")
        lines.append(f"  [{severity}] {finding.code}: {finding.message(lang)}")
    lines += ["", t("cli.demo.fees")]
    for channel in Channel:
        for f, (low, high) in zip(result.fees[channel], result.ranges[channel], strict=True):
            band = ""
            if f.band:
                band = f" ({f.band.name_in(lang)})"
            lines.append(
                "  "
                + t(
                    "cli.demo.fee",
                    channel=channel,
                    kind=f.kind,
                    yen=f.yen,
                    band=band,
                    range=format_number(low, lang)
                    if low == high
                    else t("cli.range", low=low, high=high),
                    payment=f.payment,
                )
            )
        total = sum(f.yen for f in result.fees[channel])
        lines.append("  " + t("cli.demo.total", channel=channel, yen=format_number(total, lang)))
    lines += ["", t("cli.demo.deadlines")]
    for channel, w in result.windows.items():
        lines.append(
            "  "
            + t(
                "cli.demo.window",
                channel=channel,
                first=format_date(w.first_day, lang),
                last=format_date(w.last_day, lang),
                days=(w.last_day - filing.on).days,
            )
        )
    if result.special_period_end:
        lines.append("  " + t("cli.deadlines.special", end=result.special_period_end))
    return "\n".join(lines)


def _listed(items: list[str], lang: str) -> str:
    """``items`` as the language lists them (Babel: ``a, b`` in English, ``a、b`` in Japanese)."""
    from babel.lists import format_list

    from nyukan_rules.i18n import babel_locale

    return str(format_list(items, locale=babel_locale(lang)))
