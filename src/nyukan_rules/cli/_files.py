"""``check``: PDFs and photos before they are attached, one by one or as a submission."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from nyukan_rules.cli._common import (
    DATE,
    EXIT_FINDINGS,
    EXIT_OK,
    FileProblem,
    Out,
    expand,
    finding_json,
    library_errors,
    on_option,
    output_options,
    progress,
    read_bytes,
    resolve,
    summary_json,
)

if TYPE_CHECKING:
    from nyukan_rules.report import Report

#: Files larger than this are not read (the upload limit is 25,000,000 bytes a submission).
MAX_READ_BYTES = 256 * 1024 * 1024

PHOTO_SUFFIXES = (".jpg", ".jpeg", ".png")

#: The upload limit of a submission, for the message of a file too large to read.
UPLOAD_LIMIT = 25_000_000


def _example_files() -> list[tuple[str, bytes]]:
    """Two PDFs made in code: a blank A4 page, and one encrypted (the system refuses it)."""
    from io import BytesIO

    from pypdf import PdfWriter

    made: list[tuple[str, bytes]] = []
    for name, encrypt in (("example-contract.pdf", False), ("example-encrypted.pdf", True)):
        writer = PdfWriter()
        writer.add_blank_page(width=595, height=842)
        if encrypt:
            # RC4: pypdf writes it without the optional cryptography package.
            writer.encrypt("", owner_password="owner", algorithm="RC4-128")
        buffer = BytesIO()
        writer.write(buffer)
        made.append((name, buffer.getvalue()))
    return made


def _load(path: Path, out: Out) -> bytes:
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise FileProblem(str(path), hint=exc.strerror or str(exc)) from None
    if size > MAX_READ_BYTES:
        raise FileProblem(
            str(path), hint=out.t("cli.usage.too_large_to_check", size=size, limit=UPLOAD_LIMIT)
        )
    return read_bytes(path)


def _file_json(path: str, check: str, report: Report, out: Out) -> dict[str, Any]:
    return {
        "type": "file",
        "path": path,
        "check": check,
        "ok": report.ok,
        "size": getattr(report, "size", None),
        "findings": [finding_json(f, out.lang) for f in report.findings],
    }


@click.command(short_help="Check PDFs and photos before they are attached.")
@click.argument(
    "paths", nargs=-1, type=click.Path(exists=True, path_type=Path), metavar="[PATH]..."
)
@click.option(
    "--as",
    "treat_as",
    type=click.Choice(("auto", "attachment", "photo")),
    default="auto",
    show_default=True,
    help="auto: .jpg, .jpeg and .png files are photos, every other file a PDF attachment.",
)
@click.option(
    "--photo",
    "photos",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="A photo of the applicant (with --submission: the one photo).",
)
@click.option(
    "--submission",
    is_flag=True,
    help="Check everything as one submission (total size, one photo).",
)
@click.option(
    "--edition",
    type=click.Choice(("current", "legacy")),
    default=None,
    help="The online system's edition, for its limits (default: current).",
)
@click.option("--taken-on", type=DATE, metavar="YYYY-MM-DD", help="When the photo was taken.")
@click.option("--example", is_flag=True, help="Check two PDFs made in code (one encrypted).")
@on_option("The day of submission, for the photo's age (default: today).")
@output_options
@click.pass_context
@library_errors
def check(
    ctx: click.Context,
    paths: tuple[Path, ...],
    treat_as: str,
    photos: tuple[Path, ...],
    submission: bool,
    edition: str | None,
    taken_on: date | None,
    example: bool,
    on: date | None,
    as_json: bool | None,
    lang: str | None,
) -> int:
    """Check PDFs and photos (files or folders) before they are attached.

    Exit code 1 when any file has an error finding.
    """
    import nyukan_rules as nr

    out, day = resolve(ctx, as_json, lang, on)
    if not paths and not photos and not example:
        raise click.UsageError(out.t("cli.usage.check_what"))
    files = expand(paths)
    for path in paths:
        if path.is_dir() and not any(f.is_relative_to(path) for f in files):
            click.echo(out.t("cli.check.no_files", path=str(path)), err=True)
    photo_paths = list(photos)
    attachment_paths: list[Path] = []
    for path in files:
        is_photo = treat_as == "photo" or (
            treat_as == "auto" and path.suffix.lower() in PHOTO_SUFFIXES
        )
        (photo_paths if is_photo else attachment_paths).append(path)
    if submission:
        if len(photo_paths) > 1:
            raise click.UsageError(out.t("cli.usage.one_photo"))
        attachments = [
            (p.name, _load(p, out))
            for p in progress(attachment_paths, out.t("cli.progress.reading"))
        ]
        if example:
            attachments += _example_files()
        photo = _load(photo_paths[0], out) if photo_paths else None
        result = nr.check_submission(attachments, photo=photo, edition=edition, submitted_on=day)
        return _show_submission(out, result, [str(p) for p in attachment_paths], photo_paths)

    checked: list[tuple[str, str, Report]] = []
    named: list[tuple[str, bytes | Path]] = [(str(p), p) for p in attachment_paths]
    if example:
        named += list(_example_files())
    for name, source in progress(named, out.t("cli.progress.checking_pdfs")):
        data = _load(source, out) if isinstance(source, Path) else source
        checked.append(
            (
                name,
                "attachment",
                nr.check_attachment(data, filename=Path(name).name, edition=edition),
            )
        )
    for path in progress(photo_paths, out.t("cli.progress.checking_photos")):
        checked.append(
            (
                str(path),
                "photo",
                nr.check_photo(_load(path, out), submitted_on=day, taken_on=taken_on),
            )
        )
    everything = nr.Report([f for _, _, r in checked for f in r.findings])
    if out.as_json:
        for name, kind, report in checked:
            out.json(_file_json(name, kind, report, out))
        out.json(summary_json(everything, files=len(checked)))
    else:
        _table(out, checked)
    return EXIT_OK if everything.ok else EXIT_FINDINGS


def _table(out: Out, checked: list[tuple[str, str, Report]]) -> None:
    from nyukan_rules.cli._common import _plain, counts_line

    table = out.table(
        out.t("cli.heading.file"),
        out.t("cli.heading.check"),
        out.t("cli.heading.result"),
        out.t("cli.heading.code"),
        out.t("cli.heading.message"),
    )
    for name, kind, report in checked:
        check_name = out.t(f"cli.{kind}")
        if not report.findings:
            table.add_row(_plain(name), check_name, out.t("cli.ok"), "", "")
        for i, f in enumerate(report.findings):
            table.add_row(
                _plain(name) if i == 0 else "",
                check_name if i == 0 else "",
                out.severity(f),
                f.code,
                _plain(out.message(f)),
            )
    out.console().print(table)
    import nyukan_rules as nr

    click.echo(counts_line(nr.Report([f for _, _, r in checked for f in r.findings]), out.lang))


def _show_submission(out: Out, result: Any, names: list[str], photos: list[Path]) -> int:
    if out.as_json:
        out.json(
            {
                "type": "submission",
                "ok": result.ok,
                "total_bytes": result.total_bytes,
                "files": [
                    {"path": names[i] if i < len(names) else r.filename, **_brief(r, out)}
                    for i, r in enumerate(result.files)
                ],
                "photo": None
                if result.photo is None
                else {"path": str(photos[0]), **_brief(result.photo, out)},
                "findings": [finding_json(f, out.lang) for f in result.findings],
            }
        )
    else:
        from nyukan_rules.cli._common import counts_line, findings_table

        click.echo(out.t("cli.check.submission", files=len(result.files), bytes=result.total_bytes))
        findings_table(out, result.findings)
        click.echo(counts_line(result, out.lang))
    return EXIT_OK if result.ok else EXIT_FINDINGS


def _brief(report: Report, out: Out) -> dict[str, Any]:
    return {
        "ok": report.ok,
        "size": getattr(report, "size", None),
        "findings": [finding_json(f, out.lang) for f in report.findings],
    }
