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


def render(filing: ExampleFiling) -> str:
    """The summary as text for a person (Japanese names, English explanations)."""
    result = evaluate(filing)
    lines = [
        f"Example filing for {filing.name} on {filing.on.isoformat()}",
        f"  procedures : {', '.join(f'{k.ja} ({k.en})' for k in filing.kinds)}",
        f"  status     : {filing.status.ja} ({filing.status.en}),"
        f" period {filing.period_of_stay} expiring {filing.expires_on.isoformat()}",
        f"  filed by   : {filing.role.ja} ({filing.role.en})",
        "",
        "Online eligibility",
    ]
    if not result.eligibility.findings:
        lines.append("  OK: this filing can go online.")
    for finding in result.eligibility:
        lines.append(f"  [{finding.severity.value}] {finding.code}: {finding.message_en}")
    lines += ["", "Fees (yen; the schedule follows the day the application is accepted)"]
    for channel in Channel:
        for f, (low, high) in zip(result.fees[channel], result.ranges[channel], strict=True):
            band = f" ({f.band.en})" if f.band else ""
            lines.append(
                f"  {channel.value:<8}{f.kind.value:<26}{f.yen:>8,}{band};"
                f" range {low:,}–{high:,}; payment: {f.payment.en}"
            )
        total = sum(f.yen for f in result.fees[channel])
        lines.append(f"  {channel.value:<8}{'total':<26}{total:>8,}")
    lines += ["", "Deadlines"]
    for channel, w in result.windows.items():
        lines.append(
            f"  {channel.value:<8}file from {w.first_day.isoformat()} to {w.last_day.isoformat()}"
            f" ({(w.last_day - filing.on).days} days left)"
        )
    if result.special_period_end:
        lines.append(
            "  special period (特例期間) ends at the latest on"
            f" {result.special_period_end.isoformat()}"
        )
    return "\n".join(lines)
