"""``python -m nyukan_rules``: eligibility, fees and deadlines for an example filing.

The library itself never prints or reads the clock; this command does both
only at its edges (the date comes from ``--on``, else the example's own).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

import attrs

from nyukan_rules import (
    Channel,
    check_online_eligibility,
    converter,
    fee,
    fee_range,
    renewal_window,
    special_period_end,
)
from nyukan_rules.dates import ensure_date
from nyukan_rules.errors import NyukanRulesError
from nyukan_rules.examples import EXAMPLE_FILING, ExampleFiling


def summary(filing: ExampleFiling) -> dict[str, object]:
    """Everything the command shows, as JSON-ready data."""
    eligibility = check_online_eligibility(
        filing.kinds,
        on=filing.on,
        role=filing.role,
        status=filing.status,
        registered_agent=filing.registered_agent,
        expires_on=filing.expires_on,
    )
    fees: dict[str, object] = {}
    for channel in Channel:
        fees[channel.value] = [
            {
                "kind": k.value,
                "yen": fee(
                    k,
                    channel=channel,
                    accepted_on=filing.on,
                    period_of_stay=filing.period_of_stay,
                ).yen,
                "range": list(fee_range(k, channel=channel, accepted_on=filing.on)),
            }
            for k in filing.kinds
        ]
    windows = {
        c.value: converter.unstructure(
            renewal_window(filing.expires_on, period_of_stay=filing.period_of_stay, channel=c)
        )
        for c in Channel
    }
    special = special_period_end(
        filing.expires_on, period_of_stay=filing.period_of_stay, kind=filing.kinds[0]
    )
    return {
        "filing": converter.unstructure(filing),
        "eligibility": converter.unstructure(eligibility),
        "fees": fees,
        "renewal_window": windows,
        "special_period_end": special.isoformat() if special else None,
    }


def render(filing: ExampleFiling) -> str:
    """The summary as text for a person (Japanese names, English explanations)."""
    lines = [
        f"Example filing for {filing.name} on {filing.on.isoformat()}",
        f"  procedures : {', '.join(f'{k.ja} ({k.en})' for k in filing.kinds)}",
        f"  status     : {filing.status.ja} ({filing.status.en}),"
        f" period {filing.period_of_stay} expiring {filing.expires_on.isoformat()}",
        f"  filed by   : {filing.role.ja} ({filing.role.en})",
        "",
        "Online eligibility",
    ]
    report = check_online_eligibility(
        filing.kinds,
        on=filing.on,
        role=filing.role,
        status=filing.status,
        registered_agent=filing.registered_agent,
        expires_on=filing.expires_on,
    )
    if not report.findings:
        lines.append("  OK: this filing can go online.")
    for finding in report:
        lines.append(f"  [{finding.severity.value}] {finding.code}: {finding.message_en}")
    lines += ["", "Fees (yen; the schedule follows the day the application is accepted)"]
    for channel in Channel:
        total = 0
        for kind in filing.kinds:
            f = fee(
                kind, channel=channel, accepted_on=filing.on, period_of_stay=filing.period_of_stay
            )
            low, high = fee_range(kind, channel=channel, accepted_on=filing.on)
            total += f.yen
            band = f" ({f.band.en})" if f.band else ""
            lines.append(
                f"  {channel.value:<8}{kind.value:<26}{f.yen:>8,}{band};"
                f" range {low:,}–{high:,}; payment: {f.payment.en}"
            )
        lines.append(f"  {channel.value:<8}{'total':<26}{total:>8,}")
    lines += ["", "Deadlines"]
    for channel in Channel:
        w = renewal_window(filing.expires_on, period_of_stay=filing.period_of_stay, channel=channel)
        lines.append(
            f"  {channel.value:<8}file from {w.first_day.isoformat()} to {w.last_day.isoformat()}"
            f" ({(w.last_day - filing.on).days} days left)"
        )
    special = special_period_end(
        filing.expires_on, period_of_stay=filing.period_of_stay, kind=filing.kinds[0]
    )
    if special:
        lines.append(f"  special period (特例期間) ends at the latest on {special.isoformat()}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m nyukan_rules",
        description="Show online eligibility, fees and deadlines for the bundled example filing.",
    )
    parser.add_argument("--on", help="the filing date (YYYY-MM-DD); default: the example's")
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    args = parser.parse_args(argv)
    filing = EXAMPLE_FILING
    try:
        if args.on:
            filing = attrs.evolve(filing, on=ensure_date(args.on, "--on"))
        text = (
            json.dumps(summary(filing), ensure_ascii=False, indent=2)
            if args.json
            else render(filing)
        )
    except NyukanRulesError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
