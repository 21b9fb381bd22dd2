"""``validate``, ``plan``, ``upload`` and ``templates``: an HR export to the agency's files."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import attrs
import click

from nyukan_rules.cli._common import (
    EXIT_FINDINGS,
    EXIT_OK,
    STAGE_FROM,
    FileProblem,
    Out,
    _plain,
    counts_line,
    exit_code,
    finding_json,
    findings_table,
    library_errors,
    on_option,
    output_options,
    progress,
    read_bytes,
    resolve,
    stage,
    summary_json,
    workers_option,
)

if TYPE_CHECKING:
    from nyukan_rules.batch import CsvTable
    from nyukan_rules.report import BatchReport, Finding

F = TypeVar("F", bound=Callable[..., Any])

#: Rows of the example roster (``--example``), as in docs/hr.md.
EXAMPLE_COUNT = 350

#: Larger HR exports are not read (read_csv reads at most 500,000 rows anyway).
MAX_CSV_BYTES = 512 * 1024 * 1024
#: Findings of one code a report lists; the rest are counted in one note a code, so a
#: hostile file of millions of bad cells costs bounded memory (normalize_records and
#: validate_records ``max_findings_per_code``).
MAX_FINDINGS_PER_CODE = 1000


def roster_options(func: F) -> F:
    """The CSV argument and how it is read (shared by validate, plan and upload)."""
    for decorator in reversed(
        (
            click.argument(
                "csv_path",
                required=False,
                type=click.Path(exists=True, dir_okay=False, allow_dash=True, path_type=Path),
                metavar="[CSV|-]",
            ),
            click.option(
                "--example",
                is_flag=True,
                help=f"Use the bundled example export ({EXAMPLE_COUNT} employees, cp932).",
            ),
            click.option(
                "--columns",
                "columns_file",
                type=click.Path(exists=True, dir_okay=False, path_type=Path),
                help="A JSON file mapping the CSV's headers to the spec's fields.",
            ),
            click.option(
                "--column",
                "column_pairs",
                multiple=True,
                metavar="HEADER=FIELD",
                help="One header and its field (repeatable; overrides --columns).",
            ),
            click.option(
                "--encoding",
                type=click.Choice(("utf-8", "cp932")),
                default=None,
                help="The CSV's encoding (default: found from the bytes).",
            ),
        )
    ):
        func = decorator(func)
    return func


@attrs.frozen
class Roster:
    """An HR export read and normalized: the records and what was said on the way."""

    table: CsvTable
    records: list[dict[str, str]]
    fixes: BatchReport
    source: str

    @property
    def ids(self) -> list[str]:
        """Each record's id: its employee number, or the ``id`` plan_renewals also reads."""
        return [r.get("employee_id") or r.get("id") or "" for r in self.records]


#: The columns plan_renewals reads from a mapping (its docstring and ``Person``) that the
#: validation spec (DEFAULT_APPLICANT_SPEC) lacks: ``plan`` does not call them unknown.
PLAN_COLUMNS = frozenset({"id", "name", "card_expires_on"})


def _read_too(table: CsvTable, columns: frozenset[str]) -> CsvTable:
    """``table`` without ``csv.unknown_column`` for the ``columns`` the subcommand reads.

    read_csv checks the header against the validation spec; a subcommand that
    reads more columns (plan: ``id``, ``name``, ``card_expires_on``) knows them.
    """
    import nyukan_rules as nr

    kept = [
        f
        for f in table.report.findings
        if not (f.code == "csv.unknown_column" and f.field in columns)
    ]
    if len(kept) == len(table.report.findings):
        return table
    return attrs.evolve(table, report=nr.BatchReport(kept, rows=table.report.rows))


def json_object(path: Path, out: Out) -> dict[str, Any]:
    """The JSON object a file holds; anything else (not UTF-8, not JSON, nested past
    Python's limits, not an object) is a usage error naming the file."""
    try:
        loaded = json.loads(read_bytes(path).decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        detail = type(exc).__name__ if isinstance(exc, RecursionError) else str(exc)
        raise click.BadParameter(
            out.t("cli.usage.not_json", path=str(path), detail=detail)
        ) from None
    if not isinstance(loaded, dict):
        raise click.BadParameter(out.t("cli.usage.json_object", path=str(path)))
    return loaded


def _columns(columns_file: Path | None, pairs: tuple[str, ...], out: Out) -> dict[str, str] | None:
    columns: dict[str, str] = {}
    if columns_file is not None:
        loaded = json_object(columns_file, out)
        if not all(isinstance(k, str) and isinstance(v, str) for k, v in loaded.items()):
            raise click.BadParameter(out.t("cli.usage.columns_map", path=str(columns_file)))
        columns.update(loaded)
    for pair in pairs:
        header, sep, field = pair.partition("=")
        if not sep or not header or not field:
            raise click.BadParameter(out.t("cli.usage.column_pair", value=repr(pair)))
        columns[header] = field
    return columns or None


def read_roster(
    csv_path: Path | None,
    example: bool,
    columns_file: Path | None,
    column_pairs: tuple[str, ...],
    encoding: str | None,
    out: Out,
    reads: frozenset[str] = frozenset(),
    workers: int | None = None,
) -> Roster:
    """Read and normalize the export; the one place the command reads a CSV.

    ``reads``: columns outside the validation spec the subcommand reads, not unknown.
    """
    import nyukan_rules as nr

    if example == (csv_path is not None):
        raise click.UsageError(out.t("cli.usage.csv_or_example"))
    columns = _columns(columns_file, column_pairs, out)
    if example:
        from nyukan_rules.examples import EXAMPLE_HR_COLUMNS, example_hr_export

        data, source = example_hr_export(EXAMPLE_COUNT), out.t("cli.source.example")
        columns = columns or EXAMPLE_HR_COLUMNS
    elif str(csv_path) == "-":
        data = sys.stdin.buffer.read(MAX_CSV_BYTES + 1)
        if len(data) > MAX_CSV_BYTES:
            raise FileProblem("-", hint=out.t("cli.usage.too_large"))
        source = out.t("cli.source.stdin")
    else:
        assert csv_path is not None
        if csv_path.stat().st_size > MAX_CSV_BYTES:
            raise FileProblem(str(csv_path), hint=out.t("cli.usage.too_large"))
        data, source = read_bytes(csv_path), str(csv_path)
    with stage(out.t("cli.progress.reading"), data.count(b"\n"), out.lang):
        table = _read_too(nr.read_csv(data, columns=columns, encoding=encoding), reads)
    rows = progress(table.records, out.t("cli.progress.normalizing"), start=STAGE_FROM)
    records, fixes = nr.normalize_records(
        rows, workers=workers, max_findings_per_code=MAX_FINDINGS_PER_CODE
    )
    return Roster(table=table, records=records, fixes=fixes, source=source)


def _distinct(*groups: tuple[Finding, ...]) -> list[Finding]:
    """The findings of every step, each said once.

    ``normalize_records`` reports what it could not fix, and
    ``validate_records`` then finds the same value wrong: one finding (same
    code, row, field and params) is shown once, in the order first found.
    """
    seen: set[str] = set()
    found: list[Finding] = []
    for group in groups:
        for f in group:
            key = repr((f.code, f.row, f.field, sorted(f.params.items(), key=str)))
            if key not in seen:
                seen.add(key)
                found.append(f)
    return found


def _finding_line(finding: Finding, ids: list[str], out: Out) -> dict[str, Any]:
    row = finding.row
    return {
        "type": "finding",
        **finding_json(finding, out.lang),
        "id": ids[row] if row is not None and 0 <= row < len(ids) else None,
    }


def _emit_findings(out: Out, findings: tuple[Finding, ...], ids: list[str]) -> None:
    for f in findings:
        out.json(_finding_line(f, ids, out))


@click.command(short_help="Check an HR CSV export.")
@roster_options
@workers_option
@on_option("The day the records are checked against (default: today).")
@output_options
@click.pass_context
@library_errors
def validate(
    ctx: click.Context,
    csv_path: Path | None,
    example: bool,
    columns_file: Path | None,
    column_pairs: tuple[str, ...],
    encoding: str | None,
    workers: int | None,
    on: date | None,
    as_json: bool | None,
    lang: str | None,
) -> int:
    """Check an HR CSV export: reading, normalizing, every field and the rules across them.

    Exit code 1 when any finding is an error.
    """
    import nyukan_rules as nr

    out, day = resolve(ctx, as_json, lang, on)
    roster = read_roster(
        csv_path, example, columns_file, column_pairs, encoding, out, workers=workers
    )
    rows = progress(roster.records, out.t("cli.progress.validating"), start=STAGE_FROM)
    checked = nr.validate_records(
        rows, on=day, workers=workers, max_findings_per_code=MAX_FINDINGS_PER_CODE
    )
    report = nr.BatchReport(
        _distinct(roster.table.report.findings, roster.fixes.findings, checked.findings),
        rows=len(roster.records),
    )
    if out.as_json:
        _emit_findings(out, report.findings, roster.ids)
        out.json(summary_json(report, rows=len(roster.records), encoding=roster.table.encoding))
    else:
        click.echo(
            out.t(
                "cli.validate.read",
                source=roster.source,
                rows=len(roster.records),
                encoding=roster.table.encoding,
            )
        )
        findings_table(out, report.findings, ids=roster.ids)
        click.echo(counts_line(report, out.lang))
    return exit_code(report)


URGENCIES = ("not_yet_open", "open", "last_two_weeks", "online_closed", "expired")


@click.command(short_help="Whose renewal is due when (an HR CSV).")
@roster_options
@click.option(
    "--urgency",
    "urgencies",
    multiple=True,
    type=click.Choice(URGENCIES),
    help="Only plans of this urgency (repeatable).",
)
@workers_option
@on_option("The planning day (default: today).")
@output_options
@click.pass_context
@library_errors
def plan(
    ctx: click.Context,
    csv_path: Path | None,
    example: bool,
    columns_file: Path | None,
    column_pairs: tuple[str, ...],
    encoding: str | None,
    urgencies: tuple[str, ...],
    workers: int | None,
    on: date | None,
    as_json: bool | None,
    lang: str | None,
) -> int:
    """Whose renewal is due when, as of a day: each person's window and urgency.

    Exit code 1 when someone cannot be planned (or the CSV has errors).
    """
    import nyukan_rules as nr
    from nyukan_rules.convert import converter

    out, day = resolve(ctx, as_json, lang, on)
    roster = read_roster(
        csv_path, example, columns_file, column_pairs, encoding, out, PLAN_COLUMNS, workers
    )
    rows = progress(roster.records, out.t("cli.progress.planning"), start=STAGE_FROM)
    schedule = nr.plan_renewals(rows, on=day, workers=workers)
    report = nr.BatchReport(
        [*roster.table.report.findings, *schedule.report.findings], rows=len(roster.records)
    )
    shown = [p for p in schedule if not urgencies or p.urgency.value in urgencies]
    if out.as_json:
        for p in shown:
            out.json({"type": "plan", **converter.unstructure(p)})
        _emit_findings(out, report.findings, roster.ids)
        out.json(
            summary_json(
                report, people=len(roster.records), planned=len(schedule), shown=len(shown)
            )
        )
        return exit_code(report)
    days = out.t("cli.heading.days")
    table = out.table(
        out.t("cli.heading.id"),
        out.t("cli.heading.renews"),
        out.t("cli.heading.urgency"),
        out.t("cli.heading.first_day"),
        out.t("cli.heading.last_online"),
        out.t("cli.heading.last_counter"),
        days,
        title=_plain(out.t("cli.plan.title", on=day)),
        right=(days,),
    )
    for p in shown:
        table.add_row(
            _plain(p.person.id),
            out.t(f"cli.renewal.{p.renews.value}"),
            out.t(f"cli.urgency.{p.urgency.value}"),
            out.day(p.first_day),
            out.day(p.last_day_online),
            out.day(p.last_day_counter),
            "" if p.days_left is None else out.number(p.days_left),
        )
    out.console().print(table)
    if report.findings:
        findings_table(out, report.findings, ids=roster.ids)
    click.echo(
        out.t(
            "cli.plan.summary",
            planned=len(schedule),
            people=len(roster.records),
            counts=counts_line(report, out.lang),
        )
    )
    return exit_code(report)


def _defaults(
    path: Path | None, use_examples: bool, records: list[dict[str, str]], kind: str, out: Out
) -> dict[str, Any] | None:
    import nyukan_rules as nr

    if path is not None:
        return json_object(path, out)
    if not use_examples:
        return None
    from nyukan_rules.errors import NyukanRulesError
    from nyukan_rules.examples import example_defaults

    click.echo(out.t("cli.upload.stand_in"), err=True)
    answers: dict[str, Any] = {}
    for record in records:
        try:
            template = nr.bulk_template_for(kind, record.get("status", ""))
        except NyukanRulesError:
            continue  # the record is reported unplaced by records_to_bulk_files
        if template.code not in answers:
            answers[template.code] = example_defaults(template, nr.bulk_row(record, template))
    return answers


DUE = ("open", "last_two_weeks")


@click.command(short_help="An HR CSV to the agency's upload files.")
@roster_options
@click.option(
    "--kind",
    default="extension_of_period",
    show_default=True,
    help="The procedure the files are for.",
)
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="The folder the upload files are written to (made if missing).",
)
@click.option("--dry-run", is_flag=True, help="Make and check the files; write nothing.")
@click.option("--force", is_flag=True, help="Overwrite files of the same name in --out.")
@click.option(
    "--due",
    is_flag=True,
    help="Only the people whose renewal window is open (or closing) on --on.",
)
@click.option(
    "--defaults",
    "defaults_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help='A JSON object of values for every file ({"header": "value"}) and per template '
    '({"04N2": {...}}).',
)
@click.option(
    "--example-defaults",
    is_flag=True,
    help="Stand-in answers for what the export lacks (for trying it out; implied by --example).",
)
@on_option("The day the files are made (default: today).")
@output_options
@click.pass_context
@library_errors
def upload(
    ctx: click.Context,
    csv_path: Path | None,
    example: bool,
    columns_file: Path | None,
    column_pairs: tuple[str, ...],
    encoding: str | None,
    kind: str,
    out_dir: Path | None,
    dry_run: bool,
    force: bool,
    due: bool,
    defaults_file: Path | None,
    example_defaults: bool,
    on: date | None,
    as_json: bool | None,
    lang: str | None,
) -> int:
    """An HR CSV to the agency's upload files (split at 300 applicants).

    A record that cannot go into a file is named with its row and id; the
    files of the others are still written.  Exit code 1 when any finding is
    an error.
    """
    import nyukan_rules as nr

    out, day = resolve(ctx, as_json, lang, on)
    if out_dir is None and not dry_run:
        raise click.UsageError(out.t("cli.usage.out_needed"))
    roster = read_roster(csv_path, example, columns_file, column_pairs, encoding, out)
    records = roster.records
    keep = list(range(len(records)))
    if due:
        schedule = nr.plan_renewals(records, on=day)
        wanted = {
            p.person.id
            for p in schedule
            if p.renews is nr.Renewal.PERIOD_OF_STAY and p.urgency.value in DUE
        }
        keep = [i for i, r in enumerate(records) if r.get("employee_id", "") in wanted]
        records = [records[i] for i in keep]
    defaults = _defaults(defaults_file, example_defaults or example, records, kind, out)
    with stage(out.t("cli.progress.making_files"), len(records), out.lang):
        result = nr.records_to_bulk_files(records, kind=kind, on=day, defaults=defaults)
    written: list[dict[str, Any]] = []
    if out_dir is not None and not dry_run:
        written = _write(out_dir, result.files, force, out)
    else:
        written = [{"name": n, "path": None, "bytes": len(d)} for n, d in result.files]
    lines: dict[str, int] = {}
    for name, _ in result.placed.values():
        lines[name] = lines.get(name, 0) + 1
    # Rows as in the CSV, also after --due kept only some of them.
    placed = [
        f if f.row is None else attrs.evolve(f, row=keep[f.row]) for f in result.report.findings
    ]
    report = nr.BatchReport([*roster.table.report.findings, *placed], rows=len(roster.records))
    if out.as_json:
        for item in written:
            out.json({"type": "file", **item, "applicants": lines.get(item["name"], 0)})
        _emit_findings(out, report.findings, roster.ids)
        out.json(
            summary_json(
                report, records=len(records), placed=len(result.placed), files=len(written)
            )
        )
        return exit_code(report)
    applicants, size = out.t("cli.heading.applicants"), out.t("cli.heading.bytes")
    table = out.table(
        out.t("cli.heading.file"),
        applicants,
        size,
        title=_plain(out.t("cli.upload.title_dry_run" if dry_run else "cli.upload.title")),
        right=(applicants, size),
    )
    for item in written:
        table.add_row(
            _plain(item["path"] or item["name"]),
            out.number(lines.get(item["name"], 0)),
            out.number(item["bytes"]),
        )
    out.console().print(table)
    if report.findings:
        findings_table(out, report.findings, ids=roster.ids)
    click.echo(
        out.t(
            "cli.upload.summary",
            placed=len(result.placed),
            records=len(records),
            counts=counts_line(report, out.lang),
        )
    )
    return exit_code(report)


def _write(
    out_dir: Path, files: tuple[tuple[str, bytes], ...], force: bool, out: Out
) -> list[dict[str, Any]]:
    """Write the files; never over an existing one without --force."""
    targets = [(out_dir / name, data) for name, data in files]
    clash = [str(p) for p, _ in targets if p.exists()]
    if clash and not force:
        raise click.UsageError(out.t("cli.usage.overwrite", files=", ".join(clash)))
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        for path, data in targets:
            path.write_bytes(data)
    except OSError as exc:
        raise FileProblem(str(out_dir), hint=exc.strerror or str(exc)) from None
    return [{"name": p.name, "path": str(p), "bytes": len(d)} for p, d in targets]


def _row(row_file: Path | None, pairs: tuple[str, ...], out: Out) -> dict[str, str] | None:
    if row_file is None and not pairs:
        return None
    row: dict[str, str] = {}
    if row_file is not None:
        loaded = json_object(row_file, out)
        row.update({str(k): "" if v is None else str(v) for k, v in loaded.items()})
    for pair in pairs:
        header, sep, value = pair.partition("=")
        if not sep or not header:
            raise click.BadParameter(out.t("cli.usage.set_pair", value=repr(pair)))
        row[header] = value
    return row


@click.command(short_help="Upload templates; the columns a row still needs.")
@click.argument("code", required=False)
@click.option("--kind", help="Find the template for this procedure (with --status).")
@click.option("--status", help="Find the template for this status of residence (with --kind).")
@click.option(
    "--row",
    "row_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="A JSON object of a row's values: show the columns it still needs.",
)
@click.option(
    "--set", "pairs", multiple=True, metavar="HEADER=VALUE", help="A row's value (repeatable)."
)
@output_options
@click.pass_context
@library_errors
def templates(
    ctx: click.Context,
    code: str | None,
    kind: str | None,
    status: str | None,
    row_file: Path | None,
    pairs: tuple[str, ...],
    as_json: bool | None,
    lang: str | None,
) -> int:
    """The bundled upload templates; with CODE, the columns a row still needs.

    With no CODE (nor --kind and --status), every template.  With a row
    (--row or --set), exit code 1 when it still needs a column.
    """
    import nyukan_rules as nr

    out, _ = resolve(ctx, as_json, lang)
    if (kind is None) != (status is None):
        raise click.UsageError(out.t("cli.usage.kind_and_status"))
    if kind is not None and status is not None:
        if code is not None:
            raise click.UsageError(out.t("cli.usage.code_or_kind"))
        code = nr.bulk_template_for(kind, status).code
    if code is None:
        return _list_templates(out)
    template = nr.bulk_template(code)
    row = _row(row_file, pairs, out)
    needed = template.required_for(row or {})
    if out.as_json:
        for c in needed:
            out.json(
                {
                    "type": "column",
                    "template": template.code,
                    "header": c.header,
                    "label": c.label,
                    "label_en": c.label_en,
                    "allowed": [list(pair) for pair in c.allowed],
                    "length": c.length,
                    "exact": c.exact,
                    "classes": [cls.name for cls in c.classes],
                    "one_of": list(c.one_of),
                    "date_part": c.date_part,
                }
            )
    else:
        click.echo(
            out.t(
                "cli.templates.head",
                code=template.code,
                file_name=template.file_name,
                kind=template.kind,
                status=template.status,
            )
        )
        table = out.table(
            out.t("cli.heading.header"),
            out.t("cli.heading.label"),
            out.t("cli.heading.length"),
            out.t("cli.heading.values"),
            title=_plain(
                out.t("cli.templates.needed" if row is not None else "cli.templates.to_fill")
            ),
        )
        for c in needed:
            values = ", ".join(f"{code_}={label}" for label, code_ in c.allowed[:8])
            if len(c.allowed) > 8:
                values += ", " + out.t("cli.templates.more", count=len(c.allowed))
            length = "" if c.length is None else f"{'' if c.exact else '≤'}{out.number(c.length)}"
            label = c.label if out.lang == "ja" or not c.label_en else c.label_en
            table.add_row(_plain(c.header), _plain(label), length, _plain(values))
        out.console().print(table)
        click.echo(out.t("cli.templates.columns", count=len(needed)))
    return EXIT_FINDINGS if row is not None and needed else EXIT_OK


def _list_templates(out: Out) -> int:
    import nyukan_rules as nr

    found = [nr.bulk_template(c) for c in nr.bulk_template_codes()]
    if out.as_json:
        for t in found:
            out.json(
                {
                    "type": "template",
                    "code": t.code,
                    "kind": t.kind.value,
                    "status": t.status,
                    "file_name": t.file_name,
                    "columns": len(t.header),
                }
            )
        return EXIT_OK
    table = out.table(
        out.t("cli.heading.code"),
        out.t("cli.heading.procedure"),
        out.t("cli.heading.status"),
        out.t("cli.heading.file_name"),
        title=_plain(out.t("cli.templates.title", count=len(found))),
    )
    for t in found:
        table.add_row(t.code, _plain(out.name(t.kind)), _plain(t.status), _plain(t.file_name))
    out.console().print(table)
    return EXIT_OK
