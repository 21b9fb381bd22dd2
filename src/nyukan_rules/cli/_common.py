"""What every subcommand shares: options, dates, languages, output and exit codes.

This module imports only click and the light core; rich and the batch, files
and text stacks are imported inside the functions that need them, so
``nyukan-rules --help`` and ``--version`` stay quick.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from contextlib import AbstractContextManager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import attrs
import click

if TYPE_CHECKING:
    from rich.console import Console

    from nyukan_rules.report import Finding, Report

F = TypeVar("F", bound=Callable[..., Any])
T = TypeVar("T")

#: Exit codes (documented in docs/cli.md): as ruff and pip use them.
EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2

#: The environment variable that sets ``--lang`` when it is not given.
LANG_ENV = "NYUKAN_RULES_LANG"

#: Set to 1 to see the traceback of an internal error instead of its one-line message.
DEBUG_ENV = "NYUKAN_RULES_DEBUG"

#: Batches at least this long show a progress bar (on stderr, when it is a terminal).
PROGRESS_FROM = 20


@attrs.frozen
class Settings:
    """The group's options, the defaults of every subcommand's own."""

    json: bool = False
    lang: str | None = None
    on: date | None = None


class DateType(click.ParamType):  # type: ignore[type-arg,unused-ignore]
    """``YYYY-MM-DD``, as a :class:`datetime.date`."""

    name = "date"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> date:
        if isinstance(value, date):
            return value
        try:
            return date.fromisoformat(str(value).strip())
        except ValueError:
            name = param.name if param is not None and param.name else "the value"
            self.fail(f"{name} must be a date (YYYY-MM-DD), not {value!r}", param, ctx)


DATE = DateType()


def available_languages() -> tuple[str, ...]:
    """The languages messages can be shown in (ja and en where the catalogues are absent)."""
    try:
        from nyukan_rules.i18n import languages
    except ImportError:  # pragma: no cover - before the catalogues existed
        return ("ja", "en")
    return tuple(dict.fromkeys(("ja", "en", *(lang.tag for lang in languages()))))


def check_language(tag: str) -> str:
    """The catalogue ``tag`` is read as; a :class:`click.BadParameter` for one we do not have."""
    known = available_languages()
    try:
        from nyukan_rules.i18n import resolve_language
    except ImportError:  # pragma: no cover - before the catalogues existed
        resolved = tag.strip().lower().replace("_", "-").split("-")[0]
        resolved = resolved if resolved in known else ""
    else:
        resolved = resolve_language(tag)
        # An unknown tag resolves to English: take it only when English was meant.
        if resolved == "en" and not tag.strip().lower().startswith("en"):
            resolved = ""
    if not resolved:
        raise click.BadParameter(f"unknown language {tag!r}; one of: {', '.join(known)}")
    return resolved


def _lang_callback(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    return None if value is None else check_language(value)


def output_options(func: F) -> F:
    """``--json`` and ``--lang`` on a subcommand (they may also come before it)."""
    func = click.option(
        "--lang",
        metavar="LANG",
        callback=_lang_callback,
        help=f"Language of tables and messages: ja, en or a catalogue's tag (env {LANG_ENV}).",
    )(func)
    return click.option(
        "--json",
        "as_json",
        is_flag=True,
        default=None,
        help="Print JSON (one object per line for batches) instead of a table.",
    )(func)


def workers_option(func: F) -> F:
    """``--workers N``: the library's ``workers=`` (processes; the same output)."""
    return click.option(
        "--workers",
        type=click.IntRange(1, 64),
        default=None,
        metavar="N",
        help="Check with N worker processes (the same output, in the same order).",
    )(func)


def on_option(help_text: str = "The day to evaluate for (default: today).") -> Callable[[F], F]:
    return click.option("--on", type=DATE, default=None, metavar="YYYY-MM-DD", help=help_text)


@attrs.frozen
class Out:
    """Where a subcommand writes, in which form and language."""

    as_json: bool
    lang: str

    def json(self, obj: Mapping[str, Any]) -> None:
        """One JSON object on one line of stdout."""
        click.echo(json.dumps(obj, ensure_ascii=False, default=_json_default))

    def console(self) -> Console:
        """A console on stdout: 120 columns when it is not a terminal (and COLUMNS is unset)."""
        from rich.console import Console

        console = Console(highlight=False, soft_wrap=False)
        if not console.is_terminal and "COLUMNS" not in os.environ:
            console = Console(highlight=False, soft_wrap=False, width=120)
        return console

    def table(self, *columns: str, title: str | None = None, right: tuple[str, ...] = ()) -> Any:
        """A rich table whose cells wrap, never cut (nothing is lost for a narrow screen)."""
        from rich.table import Table

        table = Table(title=title)
        for name in columns:
            table.add_column(name, overflow="fold", justify="right" if name in right else "left")
        return table

    def message(self, finding: Finding) -> str:
        return message(finding, self.lang)

    def name(self, member: Any) -> str:
        """A catalog member's name in the language (English, then Japanese, where no
        catalogue has it)."""
        return str(member.name_in(self.lang))

    def t(self, key: str, **params: Any) -> str:
        """The CLI term ``key`` in the language, its params shown as the language shows them."""
        return term(key, self.lang, **params)

    def number(self, value: int | float) -> str:
        """A number with the language's digit grouping and decimal sign."""
        from nyukan_rules.i18n import format_number

        return format_number(value, self.lang)

    def day(self, value: date | str | None) -> str:
        """A day (or its ISO text) as the language writes it; empty for none."""
        if value is None or value == "":
            return ""
        from nyukan_rules.i18n import format_date

        return format_date(
            date.fromisoformat(value) if isinstance(value, str) else value, self.lang
        )

    def severity(self, finding: Finding) -> str:
        return self.t(f"cli.severity.{finding.severity.value}")


class _Blank(dict[str, str]):
    """A placeholder with no param shows nothing, never the raw ``{name}``."""

    def __missing__(self, key: str) -> str:
        return ""


def _shown(value: Any, lang: str) -> str:
    from nyukan_rules.i18n import format_date, format_number

    if isinstance(value, bool):
        return str(value)
    if isinstance(value, (int, float)):
        return format_number(value, lang)
    if isinstance(value, date):
        return format_date(value, lang)
    name_in = getattr(value, "name_in", None)
    if callable(name_in):
        return str(name_in(lang))
    return str(value)


def term(key: str, lang: str, **params: Any) -> str:
    """The CLI's word or line ``key`` (a key of :data:`nyukan_rules.messages.TERMS`) in ``lang``.

    Numbers and dates in ``params`` are shown as ``lang`` writes them, catalog
    members by their name in it.  A translation whose placeholders are broken
    falls back to English, then to the Japanese source: never a raw template.
    """
    from nyukan_rules.i18n import translate
    from nyukan_rules.messages import TERMS

    source = TERMS[key]
    values = _Blank({name: _shown(value, lang) for name, value in params.items()})
    texts = [source] if lang == "ja" else [translate("term", source, lang)]
    if lang != "ja":
        texts += [translate("term", source, "en"), source]
    for text in texts:
        try:
            return text.format_map(values)
        except (ValueError, IndexError, AttributeError, KeyError):
            continue
    return source  # pragma: no cover - the Japanese source is checked by the tests


def _json_default(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    from nyukan_rules.convert import converter

    return converter.unstructure(value)


def resolve(
    ctx: click.Context, as_json: bool | None, lang: str | None, on: date | None = None
) -> tuple[Out, date]:
    """The output settings and the day, from the subcommand's options, then the group's."""
    settings = ctx.find_object(Settings) or Settings()
    chosen = lang or settings.lang
    if chosen is None:
        env = os.environ.get(LANG_ENV, "").strip()
        try:
            chosen = check_language(env) if env else "en"
        except click.BadParameter as exc:
            raise click.UsageError(f"{LANG_ENV}: {exc.message}") from None
    use_json = settings.json if as_json is None else as_json
    # The command reads the clock here, at its edge; the library never does.
    day = on or settings.on or date.today()
    return Out(as_json=bool(use_json), lang=chosen), day


def _quiet_lang(ctx: click.Context, lang: str | None) -> str:
    """The language asked for (the option, the group's, the environment), else English."""
    settings = ctx.find_object(Settings) or Settings()
    chosen = lang or settings.lang
    if chosen is None:
        env = os.environ.get(LANG_ENV, "").strip()
        try:
            chosen = check_language(env) if env else "en"
        except click.BadParameter:
            chosen = "en"
    return chosen


def message(finding: Finding, lang: str) -> str:
    """The finding's message in ``lang``."""
    return finding.message(lang)


def finding_json(finding: Finding, lang: str) -> dict[str, Any]:
    """A finding as JSON: the schema of docs/cli.md ("finding")."""
    from nyukan_rules.convert import converter

    params = converter.unstructure(finding.params)
    return {
        "code": finding.code,
        "severity": finding.severity.value,
        "message": message(finding, lang),
        "field": finding.field,
        "row": None if finding.row is None else finding.row + 1,
        "params": params,
        "sources": [s.id for s in finding.sources],
    }


def report_json(report: Report, lang: str) -> dict[str, Any]:
    return {"ok": report.ok, "findings": [finding_json(f, lang) for f in report.findings]}


def summary_json(report: Report, **extra: Any) -> dict[str, Any]:
    """The last line of a batch's JSON: counts and ``ok``."""
    return {
        "type": "summary",
        **extra,
        "ok": report.ok,
        "errors": len(report.errors),
        "warnings": len(report.warnings),
        "infos": len(report.infos),
    }


def exit_code(report: Report) -> int:
    """0 when no finding is an error, else 1."""
    return EXIT_OK if report.ok else EXIT_FINDINGS


def findings_table(out: Out, findings: Sequence[Finding], *, ids: Sequence[str] = ()) -> None:
    """Findings as a table for a person: rows counted from 1."""
    console = out.console()
    if not findings:
        console.print(_plain(out.t("cli.no_findings")))
        return
    with_rows = any(f.row is not None for f in findings)
    row, ident = out.t("cli.heading.row"), out.t("cli.heading.id")
    names = [*((row, *((ident,) if ids else ())) if with_rows else ())]
    table = out.table(
        *names,
        out.t("cli.heading.severity"),
        out.t("cli.heading.code"),
        out.t("cli.heading.field"),
        out.t("cli.heading.message"),
        right=(row,),
    )
    for f in findings:
        cells: list[str] = []
        if with_rows:
            cells.append("" if f.row is None else out.number(f.row + 1))
            if ids:
                cells.append(ids[f.row] if f.row is not None and f.row < len(ids) else "")
        cells += [out.severity(f), f.code, f.field or "", out.message(f)]
        table.add_row(*(_plain(c) for c in cells))
    console.print(table)


def counts_line(report: Report, lang: str = "en") -> str:
    """The counts of a report's findings, in ``lang``."""
    return term(
        "cli.counts",
        lang,
        verdict=term("cli.ok" if report.ok else "cli.errors_found", lang),
        errors=len(report.errors),
        warnings=len(report.warnings),
        infos=len(report.infos),
    )


def _plain(text: str) -> str:
    """Text shown as it is: rich markup in data (``[bold]``) is not markup."""
    from rich.markup import escape

    return escape(text)


class InternalError(click.ClickException):
    """A bug met while running: exit code 2 and a message asking for a report."""

    exit_code = EXIT_USAGE


class FileProblem(click.FileError):
    """A file that cannot be read or written: a usage error (exit code 2), as a missing one."""

    exit_code = EXIT_USAGE


def read_bytes(path: Path) -> bytes:
    """A file's bytes; an unreadable file is a usage error (exit code 2)."""
    try:
        return path.read_bytes()
    except OSError as exc:
        raise FileProblem(str(path), hint=exc.strerror or str(exc)) from None


def expand(paths: Iterable[Path]) -> list[Path]:
    """Files, with each folder's files (recursively, sorted, hidden ones skipped)."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(
                p
                for p in path.rglob("*")
                if p.is_file()
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
        else:
            found.append(path)
    return found


def progress(items: Sequence[T], label: str, *, start: int = PROGRESS_FROM) -> Iterable[T]:
    """``items``, with a progress bar on stderr for a batch of ``start`` items or more on a
    terminal (else ``items`` as they are).

    The bar advances as the items are read: handed to a library function that
    reads its records one by one (normalize, validate, plan), it shows how far
    the function has got.
    """
    if len(items) < start or not sys.stderr.isatty():
        return items
    from rich.console import Console
    from rich.progress import track

    return track(items, description=_plain(label), console=Console(stderr=True), transient=True)


#: Batches at least this long show what step they are at (a spinner on stderr, on a terminal).
STAGE_FROM = 1_000


def stage(label: str, size: int, lang: str = "en") -> AbstractContextManager[Any]:
    """A spinner on stderr naming the step of a long batch (a terminal only), else nothing.

    A step that is one library call over the whole batch (validation finds
    duplicates across rows) has no count to show: the spinner says it runs.
    ``label`` is already in ``lang``.
    """
    if size < STAGE_FROM or not sys.stderr.isatty():
        return contextlib.nullcontext()
    from rich.console import Console

    return Console(stderr=True).status(
        _plain(term("cli.progress.rows", lang, label=label, rows=size))
    )


def library_errors(func: F) -> F:
    """The body of a subcommand: its return value is the exit code; errors are usage errors.

    A library argument error (an unknown kind, a bad period) becomes a usage
    error (exit code 2).  The exit code goes through ``ctx.exit`` so that it
    holds however the command is run (``main``, click's standalone mode, a
    ``CliRunner``, or as a subcommand of another click application).
    """
    import functools

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from nyukan_rules.errors import NyukanRulesError

        try:
            result = func(*args, **kwargs)
        except NyukanRulesError as exc:
            lang = _quiet_lang(click.get_current_context(), kwargs.get("lang"))
            raise click.UsageError(exc.message(lang)) from None
        except (click.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except (BrokenPipeError, KeyboardInterrupt):
            raise
        except Exception as exc:
            # A bug met on some input: a message, not a traceback (ruff's exit code 2 for an
            # internal error); NYUKAN_RULES_DEBUG=1 lets the traceback through.
            if os.environ.get(DEBUG_ENV, "").strip() not in ("", "0"):
                raise
            lang = _quiet_lang(click.get_current_context(), kwargs.get("lang"))
            raise InternalError(
                term("cli.internal_error", lang, error=type(exc).__name__)
            ) from None
        if isinstance(result, int) and result != EXIT_OK:
            click.get_current_context().exit(result)
        return result

    return wrapper  # type: ignore[return-value]
