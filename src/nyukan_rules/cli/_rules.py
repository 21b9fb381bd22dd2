"""``demo``, ``fee``, ``eligibility``, ``deadlines`` and ``rules``: the rules core."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

import click

from nyukan_rules.cli._common import (
    DATE,
    EXIT_FINDINGS,
    EXIT_OK,
    Out,
    _plain,
    exit_code,
    findings_table,
    library_errors,
    on_option,
    output_options,
    report_json,
    resolve,
)

if TYPE_CHECKING:
    from nyukan_rules.fees import Fee

CHANNELS = ("online", "counter")


def _channels(channel: str | None) -> tuple[str, ...]:
    return CHANNELS if channel is None else (channel,)


channel_option = click.option(
    "--channel",
    type=click.Choice(CHANNELS),
    default=None,
    help="Only this channel (default: both).",
)


@click.command(short_help="The bundled example filing.")
@output_options
@on_option("The filing date (default: the example's own, 2026-11-22).")
@click.pass_context
@library_errors
def demo(ctx: click.Context, as_json: bool | None, lang: str | None, on: date | None) -> int:
    """The bundled example filing: eligibility, fees and deadlines.

    What the command shows with no subcommand.  Exit code 1 when the filing
    cannot go online.
    """
    import json

    import attrs

    from nyukan_rules.cli._common import Settings
    from nyukan_rules.cli._demo import evaluate, render, summary
    from nyukan_rules.examples import EXAMPLE_FILING

    settings = ctx.find_object(Settings) or Settings()
    # The example's own day unless one is given: resolve() would read the clock.
    day = on or settings.on
    out, _ = resolve(ctx, as_json, lang, day or EXAMPLE_FILING.on)
    filing = EXAMPLE_FILING if day is None else attrs.evolve(EXAMPLE_FILING, on=day)
    if out.as_json:
        click.echo(json.dumps({"type": "demo", **summary(filing)}, ensure_ascii=False))
    else:
        click.echo(render(filing, out.lang))
    return exit_code(evaluate(filing).eligibility)


def _single(flag: bool) -> dict[str, Any]:
    """``include_single_source=True`` where asked (and where the library takes it)."""
    import inspect

    import nyukan_rules as nr

    takes = "include_single_source" in inspect.signature(nr.fee_range).parameters
    return {"include_single_source": True} if flag and takes else {}


def _range(kind: str, channel: str, on: date, single: bool) -> tuple[tuple[int, int] | None, bool]:
    """(lowest, highest) or None when not offered, and whether it rests on a single source."""
    import nyukan_rules as nr
    from nyukan_rules.errors import NoRuleError, NotOfferedError

    try:
        return nr.fee_range(kind, channel=channel, accepted_on=on, **_single(single)), False
    except NotOfferedError:
        return None, False
    except NoRuleError:
        # Known from a single source only: listed, never used unless asked for.
        if single or not _single(True):
            raise
        return None, True


def _fee_row(
    kind: str,
    channel: str,
    on: date,
    period: str | None,
    charge: bool,
    hardship: bool,
    single: bool,
    out: Out,
) -> tuple[dict[str, Any], Fee | None]:
    """The JSON object of one procedure on one channel, and its fee (None for a range)."""
    import nyukan_rules as nr
    from nyukan_rules.errors import MissingInputError

    found_range, single_only = _range(kind, channel, on, single)
    if single_only:
        raise click.UsageError(
            out.t(
                "cli.fee.single_only",
                kind=nr.ApplicationKind.parse(kind),
                channel=nr.Channel.parse(channel),
            )
        )
    row: dict[str, Any] = {
        "type": "fee",
        "kind": nr.ApplicationKind.parse(kind).value,
        "channel": channel,
        "accepted_on": on.isoformat(),
        "offered": found_range is not None,
        "yen": None,
        "total_yen": None,
        "range": None if found_range is None else list(found_range),
        "payment_charge": 0,
        "band": None,
        "schedule": None,
        "payment": None,
        "confidence": None,
        "sources": [],
    }
    if found_range is None:
        return row, None
    try:
        found = nr.fee(
            kind,
            channel=channel,
            accepted_on=on,
            period_of_stay=period,
            payment_charge=charge,
            hardship_reduction=hardship,
            **_single(single),
        )
    except MissingInputError:
        return row, None  # the fee depends on the period granted: the range says how much
    row.update(
        kind=found.kind.value,
        yen=found.yen,
        total_yen=found.total_yen,
        payment_charge=found.payment_charge,
        band=found.band.ja if found.band else None,
        schedule=found.schedule,
        payment=found.payment.value,
        confidence=found.confidence.value,
        sources=[s.id for s in found.sources],
    )
    return row, found


single_option = click.option(
    "--single-source",
    "single",
    is_flag=True,
    help="Use facts known from a single source too (the answer says so in its confidence).",
)


@click.command(short_help="What the procedures cost.")
@click.argument("kinds", nargs=-1, required=True, metavar="KIND...")
@channel_option
@click.option("--period", metavar="PERIOD", help="The period of stay granted (1年, 3年 …).")
@click.option(
    "--payment-charge", is_flag=True, help="Add the online payment charge (single source)."
)
@click.option("--hardship", is_flag=True, help="The hardship reduction (single source).")
@single_option
@on_option("The day the application is accepted (default: today).")
@output_options
@click.pass_context
@library_errors
def fee(
    ctx: click.Context,
    kinds: tuple[str, ...],
    channel: str | None,
    period: str | None,
    payment_charge: bool,
    hardship: bool,
    single: bool,
    on: date | None,
    as_json: bool | None,
    lang: str | None,
) -> int:
    """What the procedures KIND... cost (extension_of_period, 在留期間更新許可申請 …).

    Where the fee depends on the period granted and --period is not given,
    the lowest and highest fee are shown.
    """
    import nyukan_rules as nr

    out, day = resolve(ctx, as_json, lang, on)
    found = [
        _fee_row(kind, ch, day, period, payment_charge, hardship, single, out)
        for kind in kinds
        for ch in _channels(channel)
    ]
    if out.as_json:
        for row, _ in found:
            out.json(row)
        return EXIT_OK
    fee_heading = out.t("cli.heading.fee")
    table = out.table(
        out.t("cli.heading.procedure"),
        out.t("cli.heading.channel"),
        fee_heading,
        out.t("cli.heading.band"),
        out.t("cli.heading.payment"),
        out.t("cli.heading.confidence"),
        title=_plain(out.t("cli.fee.title", on=day)),
        right=(fee_heading,),
    )
    for row, fee_found in found:
        kind = out.name(nr.ApplicationKind.parse(row["kind"]))
        if not row["offered"]:
            yen = out.t("cli.not_offered")
        elif fee_found is None:
            yen = _range_text(out, *row["range"])
        else:
            yen = out.number(fee_found.total_yen)
        table.add_row(
            _plain(kind),
            _plain(out.name(nr.Channel.parse(row["channel"]))),
            _plain(yen),
            _plain(_band(out, fee_found)),
            _plain(out.name(fee_found.payment) if fee_found else ""),
            _plain(out.t(f"cli.confidence.{fee_found.confidence.value}") if fee_found else ""),
        )
    out.console().print(table)
    if any(row["offered"] and fee_found is None for row, fee_found in found):
        click.echo(out.t("cli.fee.range_note"))
    return EXIT_OK


def _range_text(out: Out, low: int, high: int) -> str:
    """A fee, or the lowest and highest fee, in the language."""
    if low == high:
        return out.number(low)
    return out.t("cli.range", low=low, high=high)


def _band(out: Out, found: Fee | None) -> str:
    """The period band a fee is for, in the language (the Japanese beside)."""
    if found is None or found.band is None:
        return ""
    return found.band.name_in(out.lang)


@click.command(short_help="Can the procedures be filed online?")
@click.argument("kinds", nargs=-1, required=True, metavar="KIND...")
@click.option(
    "--role",
    required=True,
    help=(
        "Who files: foreign_national, organization_staff, lawyer_or_scrivener,"
        " relative … (or in Japanese)."
    ),
)
@click.option(
    "--status", help="The current status of residence (技術・人文知識・国際業務, 留学 …)."
)
@click.option("--desired-status", help="The status applied for (change of status).")
@click.option("--age", "applicant_age", type=click.IntRange(0, 150), help="The applicant's age.")
@click.option("--expires-on", type=DATE, metavar="YYYY-MM-DD", help="The current period's expiry.")
@click.option(
    "--registered-agent",
    is_flag=True,
    help="The filer (a lawyer, gyoseishoshi or an organization's staff member) is a registered"
    " or approved filing agent (申請等取次者).",
)
@click.option(
    "--meets-agent-requirements",
    is_flag=True,
    help="The organization's staff member meets the approval requirements of a filing agent,"
    " which is enough for them (ISA Q&A note 3).",
)
@click.option(
    "--applicant-cannot-file",
    is_flag=True,
    help="The applicant cannot file themself (illness or another reason; for a relative).",
)
@click.option(
    "--my-number-card/--no-my-number-card",
    "has_my_number_card",
    default=None,
    help="Whether the foreign national, legal representative or relative filing has a My Number"
    " card, which they need to log in (default: not checked).",
)
@click.option(
    "--specified-residence-card",
    is_flag=True,
    help="The applicant asks for a specified residence card (特定在留カード), which cannot be"
    " asked for online for now.",
)
@click.option(
    "--single-source",
    "include_single_source",
    is_flag=True,
    help="Let rules known from a single source answer too.",
)
@on_option("The filing date (default: today).")
@output_options
@click.pass_context
@library_errors
def eligibility(
    ctx: click.Context,
    kinds: tuple[str, ...],
    role: str,
    status: str | None,
    desired_status: str | None,
    applicant_age: int | None,
    expires_on: date | None,
    registered_agent: bool,
    meets_agent_requirements: bool,
    applicant_cannot_file: bool,
    has_my_number_card: bool | None,
    specified_residence_card: bool,
    include_single_source: bool,
    on: date | None,
    as_json: bool | None,
    lang: str | None,
) -> int:
    """Can the procedures KIND... be filed online? Exit code 1 when not."""
    import nyukan_rules as nr

    out, day = resolve(ctx, as_json, lang, on)
    report = nr.check_online_eligibility(
        kinds,
        on=day,
        role=role,
        status=status,
        desired_status=desired_status,
        applicant_age=applicant_age,
        applicant_cannot_file=applicant_cannot_file,
        registered_agent=registered_agent,
        expires_on=expires_on,
        meets_agent_requirements=meets_agent_requirements,
        has_my_number_card=has_my_number_card,
        specified_residence_card=specified_residence_card,
        include_single_source=include_single_source,
    )
    if out.as_json:
        out.json({"type": "eligibility", "on": day.isoformat(), **report_json(report, out.lang)})
    else:
        findings_table(out, report.findings)
        click.echo(out.t("cli.eligibility.online" if report.ok else "cli.eligibility.not_online"))
    return exit_code(report)


@click.command(short_help="When a renewal can be filed, on each channel.")
@click.option(
    "--expires-on", type=DATE, required=True, metavar="YYYY-MM-DD", help="The period's expiry."
)
@click.option("--period", required=True, metavar="PERIOD", help="The period of stay (1年, 3年 …).")
@click.option(
    "--kind",
    default="extension_of_period",
    show_default=True,
    help="The procedure (for the special period).",
)
@channel_option
@single_option
@on_option("Today, for the days left (default: today).")
@output_options
@click.pass_context
@library_errors
def deadlines(
    ctx: click.Context,
    expires_on: date,
    period: str,
    kind: str,
    channel: str | None,
    single: bool,
    on: date | None,
    as_json: bool | None,
    lang: str | None,
) -> int:
    """When a renewal can be filed, on each channel, and the special period's end.

    Exit code 1 when the last day has passed on every channel asked for.
    """
    import nyukan_rules as nr

    out, day = resolve(ctx, as_json, lang, on)
    windows = {
        ch: nr.renewal_window(
            expires_on, period_of_stay=period, channel=ch, include_single_source=single
        )
        for ch in _channels(channel)
    }
    special = nr.special_period_end(expires_on, period_of_stay=period, kind=kind)
    data = {
        "type": "deadlines",
        "on": day.isoformat(),
        "expires_on": expires_on.isoformat(),
        "period_of_stay": period,
        "kind": nr.ApplicationKind.parse(kind).value,
        "windows": {
            ch: {
                "first_day": w.first_day.isoformat(),
                "last_day": w.last_day.isoformat(),
                "days_left": (w.last_day - day).days,
                "open": w.first_day <= day <= w.last_day,
                "sources": [s.id for s in w.sources],
            }
            for ch, w in windows.items()
        },
        "special_period_end": special.isoformat() if special else None,
    }
    closed = all(w.last_day < day for w in windows.values())
    if out.as_json:
        out.json(data)
    else:
        days_left = out.t("cli.heading.days_left")
        table = out.table(
            out.t("cli.heading.channel"),
            out.t("cli.heading.first_day"),
            out.t("cli.heading.last_day"),
            days_left,
            title=_plain(out.t("cli.deadlines.title", expires_on=expires_on)),
            right=(days_left,),
        )
        for ch, w in windows.items():
            table.add_row(
                _plain(out.name(nr.Channel.parse(ch))),
                out.day(w.first_day),
                out.day(w.last_day),
                out.number((w.last_day - day).days),
            )
        out.console().print(table)
        if special:
            click.echo(out.t("cli.deadlines.special", end=special))
    return EXIT_FINDINGS if closed else EXIT_OK


@click.command(short_help="The rules in force on a day.")
@on_option("The day (default: today).")
@click.option(
    "--all",
    "everything",
    is_flag=True,
    help="Every rule table with its periods and sources, as Markdown (not dated; in English;"
    ' with --json, one object {"type": "reference", "markdown": ...}).',
)
@single_option
@output_options
@click.pass_context
@library_errors
def rules(
    ctx: click.Context,
    on: date | None,
    everything: bool,
    single: bool,
    as_json: bool | None,
    lang: str | None,
) -> int:
    """The rules in force on a day: the fee schedule, each fee's range and what is online."""
    import nyukan_rules as nr

    out, day = resolve(ctx, as_json, lang, on)
    if everything:
        from nyukan_rules.reference import rules_markdown

        if out.as_json:
            out.json({"type": "reference", "markdown": rules_markdown()})
        else:
            click.echo(rules_markdown())
        return EXIT_OK
    schedule = nr.fee_schedule(day)
    online = set(nr.online_kinds(day))
    fees: list[dict[str, Any]] = []
    for kind in nr.ApplicationKind:
        for ch in CHANNELS:
            found, single_only = _range(kind.value, ch, day, single)
            if found is None and not single_only:
                continue  # not offered on this channel
            low, high = found or (None, None)
            fees.append(
                {
                    "kind": kind.value,
                    "channel": ch,
                    "low": low,
                    "high": high,
                    "single_source_only": single_only,
                }
            )
    data: dict[str, Any] = {
        "type": "rules",
        "on": day.isoformat(),
        "fee_schedule": {
            "id": schedule.id,
            "title": schedule.title_en,
            "title_ja": schedule.title_ja,
            "since": schedule.effective.since.isoformat() if schedule.effective.since else None,
            "until": schedule.effective.until.isoformat() if schedule.effective.until else None,
            "sources": list(schedule.source_ids),
        },
        "online_kinds": [k.value for k in nr.ApplicationKind if k in online],
        "fees": fees,
    }
    if out.as_json:
        out.json(data)
        return EXIT_OK
    title = schedule.title_ja if out.lang == "ja" else schedule.title_en
    click.echo(out.t("cli.rules.schedule", on=day, id=schedule.id, title=title))
    online_fee, counter_fee = out.t("cli.heading.online_fee"), out.t("cli.heading.counter_fee")
    table = out.table(
        out.t("cli.heading.procedure"),
        out.t("cli.heading.online_filing"),
        online_fee,
        counter_fee,
        right=(online_fee, counter_fee),
    )
    by_kind: dict[str, dict[str, str]] = {}
    for row in fees:
        low, high = row["low"], row["high"]
        by_kind.setdefault(row["kind"], {})[row["channel"]] = (
            out.t("cli.single_source_only") if low is None else _range_text(out, low, high)
        )
    for kind in nr.ApplicationKind:
        cells = by_kind.get(kind.value, {})
        table.add_row(
            _plain(out.name(kind)),
            out.t("cli.yes" if kind in online else "cli.no"),
            _plain(cells.get("online", "—")),
            _plain(cells.get("counter", "—")),
        )
    out.console().print(table)
    return EXIT_OK
