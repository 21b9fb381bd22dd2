"""The ``nyukan-rules`` command (also ``python -m nyukan_rules``): the one I/O layer.

The library never reads a file, the clock or the environment, and never
prints; this package does all three, at its edges, and nothing else.  Each
subcommand imports what it needs (rich, the batch, files and text stacks)
inside its body, so ``--help`` and ``--version`` load only click and the
rules core.

Exit codes: 0 no error finding, 1 error findings, 2 a usage error (a bad
option, a missing or unreadable file).  ``docs/cli.md`` documents every
subcommand and its JSON objects.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import click

from nyukan_rules import __version__
from nyukan_rules.cli._common import (
    DATE,
    EXIT_FINDINGS,
    LANG_ENV,
    Settings,
    _lang_callback,
)
from nyukan_rules.cli._files import check
from nyukan_rules.cli._hr import plan, templates, upload, validate
from nyukan_rules.cli._rules import deadlines, demo, eligibility, fee, rules

__all__ = ["cli", "main"]


@click.group(
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
@click.version_option(__version__, "-V", "--version", prog_name="nyukan-rules")
@click.option("--json", "as_json", is_flag=True, help="JSON output (for every subcommand).")
@click.option(
    "--lang",
    metavar="LANG",
    callback=_lang_callback,
    help=f"Language of tables and messages: ja, en or a catalogue's tag (env {LANG_ENV}).",
)
@click.option(
    "--on",
    type=DATE,
    metavar="YYYY-MM-DD",
    help="The day to evaluate for (every subcommand; default: today).",
)
@click.pass_context
def cli(ctx: click.Context, as_json: bool, lang: str | None, on: date | None) -> int | None:
    """The rules of Japan's residence-application online system (在留申請オンラインシステム).

    With no subcommand, the bundled example filing (as `demo`).

    \b
    Exit codes: 0 no error found, 1 errors found, 2 usage error.
    """
    ctx.obj = Settings(json=as_json, lang=lang, on=on)
    if ctx.invoked_subcommand is None:
        return int(ctx.invoke(demo))
    return None


for command in (demo, fee, eligibility, deadlines, rules, check, validate, plan, upload, templates):
    cli.add_command(command)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command with ``argv`` (default: ``sys.argv[1:]``); the exit code."""
    try:
        result = cli.main(args=list(argv) if argv is not None else None, standalone_mode=False)
    except click.exceptions.Exit as exc:
        return int(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        return int(exc.exit_code)
    except click.exceptions.Abort:
        click.echo("Aborted!", err=True)
        return EXIT_FINDINGS
    except BrokenPipeError:
        # ``nyukan-rules validate x.csv --json | head``: stop quietly, as cat does.
        import os
        import sys

        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_FINDINGS
    return result if isinstance(result, int) else 0
