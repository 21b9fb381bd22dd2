"""The command line after its review (issue 13, part 3): each defect the review found.

1. ``eligibility`` takes every parameter of ``check_online_eligibility``.
2. ``--lang`` localizes every table and line a person reads (headings through
   the catalogues' ``cli.*`` terms, numbers and dates through
   ``nyukan_rules.i18n``, names through ``name_in``); ``--json`` stays
   language-neutral.
3. ``plan`` does not call the columns it reads unknown.
4. Bad input (hostile CSV bytes) gives an exit code and a message, never a
   traceback or a raw template.
"""

from __future__ import annotations

import inspect
import json
import re
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import click
import pytest
from click.testing import CliRunner, Result

import nyukan_rules as nr
from nyukan_rules.cli import cli
from nyukan_rules.i18n import format_date, format_number, translate
from nyukan_rules.messages import TERMS

ON = "2026-11-23"


def run(*args: str, input: bytes | None = None) -> Result:
    return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)


def lines(result: Result) -> list[dict[str, Any]]:
    return [json.loads(line) for line in result.stdout.splitlines()]


def term(key: str, lang: str) -> str:
    source = TERMS[key]
    return source if lang == "ja" else translate("term", source, lang)


# --- 1. eligibility takes every parameter of the library ------------------------------


def test_eligibility_has_an_option_for_every_parameter() -> None:
    """Review: meets_agent_requirements, has_my_number_card, specified_residence_card and
    include_single_source (check_online_eligibility's signature) had no option."""
    from nyukan_rules.cli._rules import eligibility

    library = set(inspect.signature(nr.check_online_eligibility).parameters)
    options = {p.name: p for p in eligibility.params}
    assert library - {"kinds"} <= set(options), library - set(options)
    for name in library - {"kinds"}:
        param = options[name]
        assert isinstance(param, click.Option)
        assert param.help, name


ELIGIBILITY = ["eligibility", "extension_of_period", "--on", ON, "--json"]


def test_eligibility_my_number_card() -> None:
    """A foreign national logs in with a My Number card (isa-online-user-registration)."""
    base = [*ELIGIBILITY, "--role", "foreign_national", "--status", "留学"]
    without = run(*base, "--no-my-number-card")
    assert without.exit_code == 1
    assert [f["code"] for f in lines(without)[0]["findings"]] == [
        "eligibility.my_number_card_required"
    ]
    assert run(*base, "--my-number-card").exit_code == 0
    assert run(*base).exit_code == 0  # not said: not checked (the library's None)


def test_eligibility_meets_agent_requirements() -> None:
    """Organization staff meeting the approval requirements may file (ISA Q&A note 3)."""
    base = [*ELIGIBILITY, "--role", "organization_staff", "--status", "留学"]
    refused = run(*base)
    assert refused.exit_code == 1
    assert "eligibility.agent_not_registered" in [f["code"] for f in lines(refused)[0]["findings"]]
    assert run(*base, "--meets-agent-requirements").exit_code == 0


def test_eligibility_specified_residence_card() -> None:
    """A 特定在留カード cannot be asked for online for now (specified-residence-card)."""
    result = run(
        *ELIGIBILITY, "--role", "foreign_national", "--status", "留学", "--specified-residence-card"
    )
    assert result.exit_code == 1
    codes = [f["code"] for f in lines(result)[0]["findings"]]
    assert any(code.startswith("eligibility.specified_card") for code in codes)


def test_eligibility_single_source_reaches_the_library(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: dict[str, Any] = {}
    real = nr.check_online_eligibility

    def spy(*args: Any, **kwargs: Any) -> nr.Report:
        seen.update(kwargs)
        return real(*args, **kwargs)

    monkeypatch.setattr(nr, "check_online_eligibility", spy)
    run(*ELIGIBILITY, "--role", "foreign_national", "--single-source")
    assert seen["include_single_source"] is True
    assert seen["has_my_number_card"] is None


# --- 2. --lang localizes every table; --json does not depend on it ---------------------

#: Subcommands a person reads, with the terms their output must show.
HUMAN: dict[str, tuple[list[str], tuple[str, ...]]] = {
    "fee": (
        ["fee", "extension_of_period", "--period", "1年", "--on", ON],
        ("cli.heading.procedure", "cli.heading.channel", "cli.heading.fee"),
    ),
    "fee_range": (
        ["fee", "extension_of_period", "--on", ON],
        ("cli.heading.fee", "cli.fee.range_note"),
    ),
    "eligibility": (
        ["eligibility", "extension_of_period", "--role", "foreign_national", "--status", "留学"],
        ("cli.eligibility.online",),
    ),
    "deadlines": (
        ["deadlines", "--expires-on", "2027-01-31", "--period", "1年", "--on", ON],
        ("cli.heading.first_day", "cli.heading.last_day", "cli.heading.days_left"),
    ),
    "rules": (["rules", "--on", ON], ("cli.heading.procedure", "cli.heading.online_filing")),
    "validate": (["validate", "--example", "--on", ON], ("cli.heading.severity",)),
    "plan": (
        ["plan", "--example", "--on", ON],
        ("cli.heading.urgency", "cli.heading.renews", "cli.heading.first_day"),
    ),
    "upload": (
        ["upload", "--example", "--dry-run", "--on", ON],
        ("cli.heading.file", "cli.heading.applicants"),
    ),
    "templates": (["templates"], ("cli.heading.code", "cli.heading.file_name")),
    "columns": (["templates", "04N2"], ("cli.heading.header", "cli.heading.label")),
    "check": (["check", "--example"], ("cli.heading.file", "cli.heading.result")),
    "demo": (["demo"], ("cli.demo.eligibility", "cli.demo.fees", "cli.demo.deadlines")),
}


@pytest.mark.parametrize("name", sorted(HUMAN))
def test_tables_follow_lang(name: str) -> None:
    """Review: headings and labels stayed English whatever --lang."""
    args, keys = HUMAN[name]
    shown = {lang: run(*args, "--lang", lang).stdout for lang in ("ja", "en")}
    for key in keys:
        ja, en = term(key, "ja"), term(key, "en")
        assert ja != en, key  # the en catalogue has the term
        first = ja.split("{")[0]
        assert first in shown["ja"], (key, shown["ja"])
        assert en.split("{")[0] not in shown["ja"], (key, shown["ja"])
        assert en.split("{")[0] in shown["en"], (key, shown["en"])


def test_numbers_and_dates_follow_lang_in_every_table() -> None:
    """Review: with --lang vi the fee table grouped with '.', the plan table showed raw values."""
    lang = "vi"
    fee_out = run("fee", "extension_of_period", "--period", "1年", "--on", ON, "--lang", lang)
    assert format_number(27_000, lang) in fee_out.stdout
    plan_json = [o for o in lines(run("plan", "--example", "--on", ON, "--json")) if "urgency" in o]
    plan_out = run("plan", "--example", "--on", ON, "--lang", lang).stdout
    first = next(p for p in plan_json if p["first_day"])
    assert format_date(date.fromisoformat(first["first_day"]), lang) in plan_out
    assert first["first_day"] not in plan_out  # not the raw ISO text
    deadlines = run(
        "deadlines", "--expires-on", "2027-01-31", "--period", "1年", "--on", ON, "--lang", lang
    ).stdout
    assert format_date(date(2026, 10, 31), lang) in deadlines
    assert "2026-10-31" not in deadlines
    rules_out = run("rules", "--on", ON, "--lang", lang).stdout
    assert format_number(10_000, lang) + "–" + format_number(65_000, lang) in rules_out
    upload_json = lines(run("upload", "--example", "--dry-run", "--on", ON, "--json"))
    size = next(o["bytes"] for o in upload_json if o.get("type") == "file")
    upload_out = run("upload", "--example", "--dry-run", "--on", ON, "--lang", lang).stdout
    assert format_number(size, lang) in upload_out


def test_enum_values_are_shown_by_name() -> None:
    """Urgency, renewal, severity and confidence are words of the language, not codes."""
    plan_out = run("plan", "--example", "--on", ON, "--lang", "ja").stdout
    assert term("cli.urgency.open", "ja") in plan_out
    assert "last_two_weeks" not in plan_out
    fee_out = run("fee", "extension_of_period", "--period", "1年", "--on", ON, "--lang", "ja")
    assert term("cli.confidence.secondary", "ja") in fee_out.stdout
    assert nr.Channel.ONLINE.name_in("ja") in fee_out.stdout


#: Every subcommand's JSON, for the language-neutrality check.
JSON_RUNS = [
    ["fee", "extension_of_period", "--on", ON],
    ["eligibility", "change_of_status", "--role", "foreign_national", "--status", "留学",
     "--desired-status", "短期滞在", "--on", ON],
    ["deadlines", "--expires-on", "2027-01-31", "--period", "1年", "--on", ON],
    ["rules", "--on", ON],
    ["validate", "--example", "--on", ON],
    ["plan", "--example", "--on", ON],
    ["upload", "--example", "--dry-run", "--on", ON],
    ["templates"],
    ["templates", "04N2"],
    ["check", "--example"],
    ["demo"],
]  # fmt: skip


def _without_messages(value: Any) -> Any:
    """The JSON with each finding's ``message`` (the one text in --lang) taken out."""
    if isinstance(value, dict):
        return {k: _without_messages(v) for k, v in value.items() if k != "message"}
    if isinstance(value, list):
        return [_without_messages(v) for v in value]
    return value


@pytest.mark.parametrize("args", JSON_RUNS, ids=lambda a: "-".join(a[:2]))
def test_json_is_the_same_whatever_lang(args: list[str]) -> None:
    """JSON holds codes, ISO dates and plain numbers: --lang changes only the findings'
    ``message`` (documented as "in --lang" in docs/cli.md), nothing else."""
    outputs = {lang: lines(run(*args, "--json", "--lang", lang)) for lang in ("ja", "en", "vi")}
    assert outputs["ja"]
    stripped = {lang: _without_messages(out) for lang, out in outputs.items()}
    assert stripped["ja"] == stripped["en"] == stripped["vi"]
    text = json.dumps(outputs["vi"], ensure_ascii=False)
    assert format_number(10_000, "vi") not in re.sub(r'"message": "[^"]*"', "", text)


# --- 3. plan and the columns it reads -----------------------------------------------------


def test_plan_does_not_call_its_own_columns_unknown(tmp_path: Path) -> None:
    """Review: `plan` warned csv.unknown_column for `id` (plan_renewals reads id, name,
    card_expires_on, which the validation spec lacks); a column nobody reads still is."""
    path = tmp_path / "people.csv"
    path.write_text(
        "id,status,period_of_stay,expires_on,name,card_expires_on,shoe_size\n"
        "E1,技人国,1年,2027-01-31,YAMADA TARO,,42\n"
        "E2,技人国,1年,,SUZUKI,,43\n",
        encoding="utf-8",
    )
    found = lines(run("plan", str(path), "--on", ON, "--json"))
    unknown = [o["field"] for o in found if o.get("code") == "csv.unknown_column"]
    assert unknown == ["shoe_size"]
    missing = [o for o in found if o.get("code") == "roster.missing_expiry"]
    assert [o["id"] for o in missing] == ["E2"]  # the finding names the person by `id`


# --- 4. bad input: a message and an exit code, never a traceback ------------------------

HOSTILE = {
    "random": bytes(range(256)) * 8,
    "nul": b"employee_id,name_roman\r\n\x00\x00\x00,\x00\r\n",
    "quotes": b'"' * 5001 + b"\n" + b'a,"b\n' * 50,
    "utf16": "employee_id,status\r\nE1,技人国\r\n".encode("utf-16"),
    "header_only": b"employee_id,status,expires_on\r\n",
    "empty": b"",
    "bom_then_junk": b"\xef\xbb\xbf\xff\xfe\xfd,x\r\n1,2\r\n",
    "wide": b"employee_id," + b",".join(b"c%d" % i for i in range(3000)) + b"\r\nE1\r\n",
    "long_cell": b"employee_id,name_roman\r\nE1," + b"A" * 200_000 + b"\r\n",
    "mixed": "employee_id,status\r\nE1,留学\r\n".encode() + "E2,留学\r\n".encode("cp932"),
}


@pytest.mark.parametrize("command", ["validate", "plan", "upload"])
@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_csv_gives_a_message_not_a_traceback(
    command: str, name: str, tmp_path: Path
) -> None:
    """House rule "reports, not surprises": untrusted bytes never raise past the command."""
    path = tmp_path / "hostile.csv"
    path.write_bytes(HOSTILE[name])
    extra = ["--dry-run"] if command == "upload" else []
    for lang in ("en", "ja"):
        result = CliRunner().invoke(cli, [command, str(path), "--on", ON, "--lang", lang, *extra])
        assert result.exception is None or isinstance(result.exception, SystemExit), (
            result.exception
        )
        # A header with no rows is no error (nothing to check): exit 0, still a message.
        allowed = (0,) if name == "header_only" else (1, 2)
        assert result.exit_code in allowed, (result.exit_code, result.output)
        assert "Traceback" not in result.output
        assert result.output.strip()  # a message, not silence
        # No placeholder of a template is ever shown raw.
        assert not re.search(r"\{[a-z_]+\}", result.output), result.output
        json_run = CliRunner().invoke(cli, [command, str(path), "--on", ON, "--json", *extra])
        assert json_run.exit_code in allowed
        if json_run.exit_code != 2:
            assert lines(json_run)[-1]["type"] == "summary"


def test_hostile_csv_in_a_real_process(tmp_path: Path) -> None:
    """The installed command's stderr has no traceback either (not only CliRunner's)."""
    path = tmp_path / "hostile.csv"
    path.write_bytes(HOSTILE["random"])
    done = subprocess.run(
        [sys.executable, "-m", "nyukan_rules", "validate", str(path), "--on", ON],
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 1
    assert b"Traceback" not in done.stderr
    assert b"csv.encoding" in done.stdout


# --- 4. the rest of the list ---------------------------------------------------


def test_a_library_error_is_said_in_lang() -> None:
    """A bad name is a usage error (exit 2) whose message follows --lang (error.message)."""
    ja = CliRunner().invoke(cli, ["fee", "no_such_kind", "--lang", "ja"])
    en = CliRunner().invoke(cli, ["fee", "no_such_kind", "--lang", "en"])
    assert ja.exit_code == en.exit_code == 2
    assert "no_such_kind" in ja.stderr
    assert ja.stderr != en.stderr
    assert re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", ja.stderr.split("Error:")[-1])


@pytest.mark.parametrize(
    "args",
    [
        ["validate", "--example", "--columns", "no-such-columns.json"],
        ["upload", "--example", "--dry-run", "--defaults", "no-such-defaults.json"],
        ["templates", "04N2", "--row", "no-such-row.json"],
        ["check", "--photo", "no-such-photo.jpg"],
    ],
)
def test_every_file_option_missing_is_exit_2(args: list[str]) -> None:
    """docs/cli.md: a missing file is a usage error (2) naming the file, stdout empty."""
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2
    assert "no-such-" in result.stderr
    assert result.stdout == ""
    assert "Traceback" not in result.output


def test_long_batches_show_a_bar_as_the_library_reads(monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 13: a progress bar on stderr for long batches.  normalize, validate and plan
    read the records through the bar (which advances as the library consumes them)."""
    from nyukan_rules.cli import _hr

    seen: list[tuple[str, int]] = []
    real = _hr.progress

    def spy(items: Any, label: str, **kwargs: Any) -> Any:
        seen.append((label, len(items)))
        return real(items, label, **kwargs)

    monkeypatch.setattr(_hr, "progress", spy)
    run("validate", "--example", "--on", ON, "--lang", "ja")
    run("plan", "--example", "--on", ON)
    labels = [label for label, _ in seen]
    assert term("cli.progress.normalizing", "ja") in labels
    assert term("cli.progress.validating", "ja") in labels
    assert term("cli.progress.planning", "en") in labels
    assert all(size == 350 for _, size in seen)  # EXAMPLE_COUNT rows, every one


def test_workers_give_the_same_output() -> None:
    """validate and plan pass --workers to the library (processes), same JSON lines."""
    for command in ("validate", "plan"):
        alone = run(command, "--example", "--on", ON, "--json")
        shared = run(command, "--example", "--on", ON, "--json", "--workers", "2")
        assert alone.exit_code == shared.exit_code
        assert alone.stdout == shared.stdout
    bad = CliRunner().invoke(cli, ["plan", "--example", "--workers", "0"])
    assert bad.exit_code == 2


def test_deadlines_single_source_reaches_the_library(monkeypatch: pytest.MonkeyPatch) -> None:
    """renewal_window takes include_single_source: deadlines has --single-source."""
    seen: list[Any] = []
    real = nr.renewal_window

    def spy(*args: Any, **kwargs: Any) -> Any:
        seen.append(kwargs.get("include_single_source"))
        return real(*args, **kwargs)

    monkeypatch.setattr(nr, "renewal_window", spy)
    result = run(
        "deadlines", "--expires-on", "2027-01-31", "--period", "1年", "--on", ON, "--single-source"
    )
    assert result.exit_code == 0
    assert seen
    assert all(flag is True for flag in seen)


def test_rules_all_with_json_is_json() -> None:
    """--json means JSON for every subcommand: `rules --all --json` is one object."""
    result = run("rules", "--all", "--json")
    assert result.exit_code == 0
    (obj,) = lines(result)
    assert obj["type"] == "reference"
    assert obj["markdown"].startswith("#")


def test_check_an_empty_folder_says_so(tmp_path: Path) -> None:
    """As ruff does: nothing to check is said on stderr (exit 0, nothing wrong was found)."""
    empty = tmp_path / "empty"
    empty.mkdir()
    result = CliRunner().invoke(cli, ["check", str(empty), "--lang", "ja"])
    assert result.exit_code == 0
    assert term("cli.check.no_files", "ja").split("{")[0] in result.stderr or str(empty) in (
        result.stderr
    )
    assert "empty" in result.stderr


def test_an_internal_error_is_a_message_not_a_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    """A bug met on some input is exit code 2 (as ruff's internal errors) with a message asking
    for a report; NYUKAN_RULES_DEBUG=1 shows the traceback."""

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("boom")

    monkeypatch.setattr(nr, "read_csv", broken)
    result = CliRunner().invoke(cli, ["validate", "--example", "--lang", "ja"])
    assert result.exit_code == 2
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "RuntimeError" in result.stderr
    assert "NYUKAN_RULES_DEBUG" in result.stderr
    assert "Traceback" not in result.output
    debug = CliRunner(env={"NYUKAN_RULES_DEBUG": "1"}).invoke(cli, ["validate", "--example"])
    assert isinstance(debug.exception, RuntimeError)


@pytest.mark.parametrize(
    ("args", "key"),
    [
        (["upload", "--example"], "cli.usage.out_needed"),
        (["check"], "cli.usage.check_what"),
        (["templates", "--kind", "extension_of_period"], "cli.usage.kind_and_status"),
        (["validate"], "cli.usage.csv_or_example"),
        (["templates", "04N2", "--set", "novalue"], "cli.usage.set_pair"),
    ],
)
def test_usage_errors_follow_lang(args: list[str], key: str) -> None:
    """The command's own usage errors are lines a person reads: in --lang (exit code 2)."""
    for lang in ("ja", "en"):
        result = CliRunner().invoke(cli, [*args, "--lang", lang])
        assert result.exit_code == 2
        assert term(key, lang).split("{")[0] in result.stderr, result.stderr


@pytest.mark.parametrize(
    "content",
    [b"[1]", b"\xff\xfe", b"[" * 100_000, b'{"a": ' + b"1" * 5000 + b"}", b'{"a": 1}'],
    ids=["list", "not-utf8", "deep", "huge-int", "not-text-values"],
)
def test_a_bad_json_file_is_a_usage_error(tmp_path: Path, content: bytes) -> None:
    """--columns, --defaults and --row read JSON written by people: any bytes in them are a
    usage error naming the file (never a traceback: a deep nesting or a 5,000-digit number
    raised RecursionError or ValueError past json.JSONDecodeError)."""
    path = tmp_path / "given.json"
    path.write_bytes(content)
    runs = [
        ["validate", "--example", "--columns", str(path)],
        ["upload", "--example", "--dry-run", "--defaults", str(path)],
        ["templates", "04N2", "--row", str(path)],
    ]
    for args in runs:
        if content == b'{"a": 1}' and "--columns" not in args:
            continue  # a mapping to a number is fine for a row and defaults
        result = CliRunner().invoke(cli, args)
        assert result.exit_code == 2, (args, result.output)
        assert "given.json" in result.stderr
        assert "Traceback" not in result.output
