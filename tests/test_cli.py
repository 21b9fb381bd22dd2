"""The ``nyukan-rules`` command (issue 13, part 3): every subcommand, its JSON, its exit codes.

Exit codes (docs/cli.md): 0 no error finding, 1 error findings, 2 a usage
error (bad option or argument, a missing or unreadable file).  The JSON
objects checked here are the ones docs/cli.md documents, key by key.
"""

from __future__ import annotations

import json
import subprocess
import sys
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

import nyukan_rules as nr
from nyukan_rules import __version__
from nyukan_rules.cli import cli, main
from nyukan_rules.examples import example_hr_export

ON = "2026-11-23"

# --- the documented JSON objects (docs/cli.md): key -> allowed types ------------------

NULL = type(None)
FINDING = {
    "code": (str,),
    "severity": (str,),
    "message": (str,),
    "field": (str, NULL),
    "row": (int, NULL),
    "params": (dict,),
    "sources": (list,),
}
SUMMARY = {"type": (str,), "ok": (bool,), "errors": (int,), "warnings": (int,), "infos": (int,)}
SCHEMAS: dict[str, dict[str, tuple[type, ...]]] = {
    "fee": {
        "type": (str,),
        "kind": (str,),
        "channel": (str,),
        "accepted_on": (str,),
        "offered": (bool,),
        "yen": (int, NULL),
        "total_yen": (int, NULL),
        "range": (list, NULL),
        "payment_charge": (int,),
        "band": (str, NULL),
        "schedule": (str, NULL),
        "payment": (str, NULL),
        "confidence": (str, NULL),
        "sources": (list,),
    },
    "eligibility": {"type": (str,), "on": (str,), "ok": (bool,), "findings": (list,)},
    "deadlines": {
        "type": (str,),
        "on": (str,),
        "expires_on": (str,),
        "period_of_stay": (str,),
        "kind": (str,),
        "windows": (dict,),
        "special_period_end": (str, NULL),
    },
    "window": {
        "first_day": (str,),
        "last_day": (str,),
        "days_left": (int,),
        "open": (bool,),
        "sources": (list,),
    },
    "rules": {
        "type": (str,),
        "on": (str,),
        "fee_schedule": (dict,),
        "online_kinds": (list,),
        "fees": (list,),
    },
    "rules_fee": {
        "kind": (str,),
        "channel": (str,),
        "low": (int, NULL),
        "high": (int, NULL),
        "single_source_only": (bool,),
    },
    "file": {
        "type": (str,),
        "path": (str,),
        "check": (str,),
        "ok": (bool,),
        "size": (int, NULL),
        "findings": (list,),
    },
    "submission": {
        "type": (str,),
        "ok": (bool,),
        "total_bytes": (int,),
        "files": (list,),
        "photo": (dict, NULL),
        "findings": (list,),
    },
    "finding": {"type": (str,), **FINDING, "id": (str, NULL)},
    "plan": {
        "type": (str,),
        "person": (dict,),
        "on": (str,),
        "urgency": (str,),
        "renews": (str,),
        "first_day": (str, NULL),
        "last_day_online": (str, NULL),
        "last_day_counter": (str, NULL),
        "special_period_end": (str, NULL),
        "fee_online": (list, NULL),
        "fee_counter": (list, NULL),
        "days_left": (int, NULL),
    },
    "upload_file": {
        "type": (str,),
        "name": (str,),
        "path": (str, NULL),
        "bytes": (int,),
        "applicants": (int,),
    },
    "template": {
        "type": (str,),
        "code": (str,),
        "kind": (str,),
        "status": (str,),
        "file_name": (str,),
        "columns": (int,),
    },
    "column": {
        "type": (str,),
        "template": (str,),
        "header": (str,),
        "label": (str,),
        "label_en": (str,),
        "allowed": (list,),
        "length": (int, NULL),
        "exact": (bool,),
        "classes": (list,),
        "one_of": (list,),
        "date_part": (str, NULL),
    },
}


def conforms(obj: dict[str, Any], schema: dict[str, tuple[type, ...]]) -> None:
    """Every documented key, of its documented type (extra keys allowed, as a schema grows)."""
    missing = set(schema) - set(obj)
    assert not missing, f"missing keys {missing} in {obj}"
    for key, types in schema.items():
        value = obj[key]
        # bool is an int: an int field must not hold a bool, nor a bool field an int.
        ok = isinstance(value, types) and (
            bool in types or not isinstance(value, bool) or value is None
        )
        assert ok, f"{key}={value!r} is not {types}"


def lines(result: Result) -> list[dict[str, Any]]:
    """stdout as JSON lines: one object per line, nothing else."""
    found = [json.loads(line) for line in result.stdout.splitlines()]
    assert found
    assert all(isinstance(obj, dict) for obj in found)
    return found


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


# --- files made in the test ---------------------------------------------------------------


def _pdf(encrypted: bool = False) -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    if encrypted:
        # RC4: pypdf writes it without the cryptography package (AES needs it).
        writer.encrypt("", owner_password="owner", algorithm="RC4-128")
    out = BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.fixture
def pdfs(tmp_path: Path) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "contract.pdf").write_bytes(_pdf())
    (folder / "payslip.pdf").write_bytes(_pdf())
    return folder


@pytest.fixture
def clean_csv(tmp_path: Path) -> Path:
    """The example export's first two rows (before its planted broken rows), cp932."""
    text = example_hr_export(20).decode("cp932").splitlines()
    path = tmp_path / "roster.csv"
    path.write_bytes(("\r\n".join(text[:3]) + "\r\n").encode("cp932"))
    return path


@pytest.fixture
def broken_csv(tmp_path: Path) -> Path:
    path = tmp_path / "broken.csv"
    path.write_bytes(example_hr_export(20))
    return path


@pytest.fixture
def columns(tmp_path: Path) -> Path:
    from nyukan_rules.examples import EXAMPLE_HR_COLUMNS

    path = tmp_path / "columns.json"
    path.write_text(json.dumps(EXAMPLE_HR_COLUMNS, ensure_ascii=False), encoding="utf-8")
    return path


# --- the command itself ------------------------------------------------------------------


def test_version() -> None:
    result = run("--version")
    assert result.exit_code == 0
    assert __version__ in result.stdout


def test_help_lists_every_subcommand() -> None:
    result = run("--help")
    assert result.exit_code == 0
    for name in ("fee", "eligibility", "deadlines", "check", "validate", "plan", "upload"):
        assert name in result.stdout
    assert "templates" in result.stdout
    assert "rules" in result.stdout


def test_no_subcommand_shows_the_example_filing() -> None:
    """The README's command: the example filing, exit code 0 (it can go online)."""
    result = run()
    assert result.exit_code == 0
    assert "OK: this filing can go online." in result.stdout


def test_demo_json_is_one_object() -> None:
    result = run("demo", "--json", "--on", "2025-06-01")
    (obj,) = lines(result)
    assert obj["type"] == "demo"
    assert {r["kind"]: r["yen"] for r in obj["fees"]["online"]} == {
        "extension_of_period": 5_500,  # isa-fee-2019 schedule, before 2026-10-01
        "reentry_permit_single": 3_500,
    }


def test_installed_entry_point_and_python_m_agree(tmp_path: Path) -> None:
    """`python -m nyukan_rules` runs the same command as the `nyukan-rules` script."""
    scripts = Path(sys.executable).parent
    entry = scripts / "nyukan-rules"
    out = subprocess.run(
        [sys.executable, "-m", "nyukan_rules", "--version"], capture_output=True, text=True
    )
    assert out.returncode == 0
    assert __version__ in out.stdout
    if entry.exists():  # installed with pip (editable or not)
        out2 = subprocess.run([str(entry), "--version"], capture_output=True, text=True)
        assert out2.returncode == 0
        assert out2.stdout.split()[-1] == out.stdout.split()[-1]
    bad = subprocess.run(
        [sys.executable, "-m", "nyukan_rules", "fee", "extension_of_period", "--channel", "fax"],
        capture_output=True,
        text=True,
    )
    assert bad.returncode == 2
    assert "fax" in bad.stderr


def test_startup_stays_light() -> None:
    """--help loads neither rich nor the batch, files or text stacks (issue 13: 459 ms cold)."""
    code = (
        "import sys\n"
        "from nyukan_rules.cli import main\n"
        "rc = main(['--help'])\n"
        "heavy = ('rich', 'nyukan_rules.batch', 'nyukan_rules.files', 'nyukan_rules.text',"
        " 'pypdf', 'PIL', 'cattrs')\n"
        "print([m for m in heavy if m in sys.modules], rc, file=sys.stderr)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stderr.strip().splitlines()[-1] == "[] 0"


# --- bad arguments: exit code 2 with a message ----------------------------------------


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["nosuch"], "No such command"),
        (["fee"], "Missing argument"),
        (["fee", "no_such_kind"], "no_such_kind"),
        (["fee", "extension_of_period", "--channel", "fax"], "fax"),
        (["fee", "extension_of_period", "--on", "someday"], "on must be a date"),
        (["eligibility", "extension_of_period"], "--role"),
        (["deadlines", "--expires-on", "2027-01-31"], "--period"),
        (["deadlines", "--expires-on", "2027-01-31", "--period", "sometime"], "sometime"),
        (["--lang", "xx", "fee", "extension_of_period"], "unknown language"),
        (["validate"], "give one CSV file or --example"),
        (["check"], "give a file or folder"),
        (["upload", "--example"], "--out"),
        (["templates", "--kind", "extension_of_period"], "--kind and --status go together"),
        (["templates", "ZZZZ"], "ZZZZ"),
        (["validate", "--example", "--column", "no-equals-sign"], "HEADER=FIELD"),
    ],
)
def test_bad_arguments_exit_2(args: list[str], says: str) -> None:
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2, result.output
    assert says in result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize(
    "args",
    [
        ["check", "no-such-file.pdf"],
        ["validate", "no-such-file.csv"],
        ["plan", "no-such-file.csv"],
        ["upload", "no-such-file.csv", "--dry-run"],
        ["check", "--submission", "--photo", "no-such-photo.jpg"],
    ],
)
def test_a_missing_file_is_a_usage_error(args: list[str]) -> None:
    """A missing file: exit code 2 and its name, nothing on stdout (docs/cli.md)."""
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2
    assert "no-such-" in result.stderr
    assert "does not exist" in result.stderr
    assert result.stdout == ""


def test_main_returns_the_exit_code(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["fee", "extension_of_period", "--on", "2025-06-01", "--json"]) == 0
    assert main(["check", "--example", "--json"]) == 1
    assert main(["fee", "--channel", "fax"]) == 2
    assert "Error" in capsys.readouterr().err


# --- fee, eligibility, deadlines, rules -------------------------------------------------


def test_fee_json() -> None:
    """27,000 online and 33,000 at a counter for a 1-year extension (isa-fee-2026)."""
    result = run(
        "fee",
        "extension_of_period",
        "reentry_permit_single",
        "--period",
        "1年",
        "--on",
        ON,
        "--json",
    )
    assert result.exit_code == 0
    found = lines(result)
    for obj in found:
        conforms(obj, SCHEMAS["fee"])
    yen = {(o["kind"], o["channel"]): o["yen"] for o in found}
    assert yen[("extension_of_period", "online")] == 27_000
    assert yen[("extension_of_period", "counter")] == 33_000
    assert yen[("reentry_permit_single", "online")] == 3_500


def test_fee_without_period_gives_the_range() -> None:
    result = run("fee", "change_of_status", "--channel", "online", "--on", ON, "--json")
    (obj,) = lines(result)
    assert obj["yen"] is None
    assert obj["range"] == [10_000, 65_000]
    table = run("fee", "change_of_status", "--channel", "online", "--on", ON)
    assert "10,000–65,000" in table.stdout
    assert "--period" in table.stdout


def test_fee_not_offered_online() -> None:
    """Permanent residence is not filed online (isa-online-scope)."""
    result = run("fee", "permanent_residence", "--channel", "online", "--on", ON, "--json")
    (obj,) = lines(result)
    assert obj["offered"] is False
    assert obj["yen"] is None


def test_eligibility_exit_codes_follow_the_findings() -> None:
    """短期滞在 cannot be applied for online (isa-online-qa): exit code 1."""
    refused = run(
        "eligibility",
        "change_of_status",
        "--role",
        "foreign_national",
        "--status",
        "留学",
        "--desired-status",
        "短期滞在",
        "--on",
        "2026-11-22",
        "--json",
    )
    assert refused.exit_code == 1
    (obj,) = lines(refused)
    conforms(obj, SCHEMAS["eligibility"])
    assert obj["ok"] is False
    for f in obj["findings"]:
        conforms(f, FINDING)
    assert [f["code"] for f in obj["findings"]] == ["eligibility.desired_status_excluded"]
    accepted = run(
        "eligibility",
        "extension_of_period",
        "reentry_permit_single",
        "--role",
        "organization_staff",
        "--status",
        "技術・人文知識・国際業務",
        "--registered-agent",
        "--expires-on",
        "2027-01-31",
        "--on",
        "2026-11-22",
    )
    assert accepted.exit_code == 0
    assert "can go online" in accepted.stdout


def test_lang_changes_the_message() -> None:
    args = [
        "eligibility",
        "change_of_status",
        "--role",
        "foreign_national",
        "--status",
        "留学",
        "--desired-status",
        "短期滞在",
        "--on",
        "2026-11-22",
        "--json",
    ]
    ja = lines(run(*args, "--lang", "ja"))[0]["findings"][0]["message"]
    en = lines(run("--lang", "en", *args))[0]["findings"][0]["message"]
    assert ja == "在留資格「短期滞在」への申請はオンラインではできません。"
    assert ja != en
    assert "Temporary Visitor" in en


def test_lang_from_the_environment() -> None:
    args = [
        "eligibility",
        "change_of_status",
        "--role",
        "foreign_national",
        "--status",
        "留学",
        "--desired-status",
        "短期滞在",
        "--on",
        "2026-11-22",
        "--json",
    ]
    result = CliRunner(env={"NYUKAN_RULES_LANG": "ja"}).invoke(cli, args)
    assert "短期滞在" in lines(result)[0]["findings"][0]["message"]
    bad = CliRunner(env={"NYUKAN_RULES_LANG": "xx"}).invoke(cli, args)
    assert bad.exit_code == 2
    assert "NYUKAN_RULES_LANG" in bad.stderr


def test_deadlines_json() -> None:
    """A 1-year period expiring Sunday 2027-01-31: online until the day before, the
    counter until Monday (renewal-from-three-months, online-not-on-expiry-day)."""
    result = run(
        "deadlines",
        "--expires-on",
        "2027-01-31",
        "--period",
        "1年",
        "--on",
        "2026-11-22",
        "--json",
    )
    assert result.exit_code == 0
    (obj,) = lines(result)
    conforms(obj, SCHEMAS["deadlines"])
    for window in obj["windows"].values():
        conforms(window, SCHEMAS["window"])
    assert obj["windows"]["online"]["last_day"] == "2027-01-30"
    assert obj["windows"]["counter"]["last_day"] == "2027-02-01"
    assert obj["windows"]["online"]["days_left"] == 69
    assert obj["special_period_end"] == "2027-03-31"


def test_deadlines_past_is_exit_1() -> None:
    result = run("deadlines", "--expires-on", "2026-01-31", "--period", "1年", "--on", ON)
    assert result.exit_code == 1


def test_rules_as_of_a_date() -> None:
    """The schedule in force follows the day (isa-fee-2026 from 2026-10-01)."""
    before = lines(run("rules", "--on", "2026-09-30", "--json"))[0]
    after = lines(run("rules", "--on", "2026-10-01", "--json"))[0]
    for obj in (before, after):
        conforms(obj, SCHEMAS["rules"])
        for row in obj["fees"]:
            conforms(row, SCHEMAS["rules_fee"])
    assert before["fee_schedule"]["id"] != after["fee_schedule"]["id"]
    assert "extension_of_period" in after["online_kinds"]
    assert "permanent_residence" not in after["online_kinds"]
    text = run("rules", "--on", ON)
    assert text.exit_code == 0
    assert "Extension of Period of Stay" in text.stdout
    assert run("rules", "--all").stdout.startswith("## Fee schedules")


# --- check -----------------------------------------------------------------------------


def test_check_a_folder(pdfs: Path) -> None:
    result = run("check", str(pdfs), "--json")
    assert result.exit_code == 0
    found = lines(result)
    files, summary = found[:-1], found[-1]
    assert [Path(o["path"]).name for o in files] == ["contract.pdf", "payslip.pdf"]
    for obj in files:
        conforms(obj, SCHEMAS["file"])
    conforms(summary, {**SUMMARY, "files": (int,)})
    assert summary["files"] == 2
    assert summary["ok"] is True


def test_check_an_encrypted_pdf_is_exit_1(tmp_path: Path, pdfs: Path) -> None:
    """An encrypted PDF becomes an error file on the system (attachment-error-file)."""
    locked = tmp_path / "locked.pdf"
    locked.write_bytes(_pdf(encrypted=True))
    result = run("check", str(pdfs / "contract.pdf"), str(locked), "--json")
    assert result.exit_code == 1
    found = lines(result)
    assert found[1]["findings"][0]["code"] == "attachment.encrypted"
    table = run("check", str(locked))
    assert table.exit_code == 1
    assert "attachment.encrypted" in table.stdout


def test_check_a_photo(tmp_path: Path) -> None:
    """A .jpg is checked as a photo (auto), and with --as attachment as a PDF would be."""
    from PIL import Image

    photo = tmp_path / "face.jpg"
    Image.new("RGB", (10, 10), "white").save(photo, format="JPEG")
    result = run("check", str(photo), "--on", ON, "--json")
    obj = lines(result)[0]
    conforms(obj, SCHEMAS["file"])
    assert obj["check"] == "photo"
    assert result.exit_code == (0 if obj["ok"] else 1)
    as_pdf = lines(run("check", str(photo), "--as", "attachment", "--json"))[0]
    assert as_pdf["check"] == "attachment"
    assert "attachment.not_pdf" in [f["code"] for f in as_pdf["findings"]]


def test_check_a_submission(pdfs: Path) -> None:
    result = run("check", str(pdfs), "--submission", "--json")
    assert result.exit_code == 0
    (obj,) = lines(result)
    conforms(obj, SCHEMAS["submission"])
    assert len(obj["files"]) == 2
    assert obj["photo"] is None
    assert obj["total_bytes"] == sum(p.stat().st_size for p in pdfs.iterdir())


def test_check_a_submission_takes_one_photo(tmp_path: Path) -> None:
    for name in ("a.jpg", "b.jpg"):
        (tmp_path / name).write_bytes(b"\xff\xd8\xff")
    result = CliRunner().invoke(cli, ["check", str(tmp_path), "--submission"])
    assert result.exit_code == 2
    assert "at most one photo" in result.stderr


# --- validate, plan, upload, templates -------------------------------------------------


def test_validate_the_example_names_each_broken_row() -> None:
    """The example export's planted rows (docs/hr.md), rows counted from 1, with the id."""
    result = run("validate", "--example", "--on", ON, "--json")
    assert result.exit_code == 1
    found = lines(result)
    *findings, summary = found
    for obj in findings:
        conforms(obj, SCHEMAS["finding"])
    conforms(summary, {**SUMMARY, "rows": (int,), "encoding": (str, NULL)})
    assert summary["rows"] == 350
    assert summary["encoding"] == "cp932"
    # Each problem once (normalize_records and validate_records both see some of them).
    assert [(o["row"], o["id"], o["code"]) for o in findings] == [
        (101, "E00100", "field.outside_jis"),
        (151, "E00150", "field.required"),
        (201, "E00200", "record.value_not_accepted"),
        (251, "E00250", "field.invalid_date"),
        (350, "E00349", "record.duplicate"),
    ]


def test_validate_a_clean_file_is_exit_0(clean_csv: Path, columns: Path) -> None:
    result = run("validate", str(clean_csv), "--columns", str(columns), "--on", ON)
    assert result.exit_code == 0, result.stdout
    assert "2 row(s), encoding cp932" in result.stdout


def test_validate_a_broken_file_is_exit_1(broken_csv: Path, columns: Path) -> None:
    result = run("validate", str(broken_csv), "--columns", str(columns), "--on", ON)
    assert result.exit_code == 1
    assert "record.duplicate" in result.stdout


def test_validate_column_pairs(clean_csv: Path) -> None:
    """--column HEADER=FIELD maps the headers one by one; unmapped ones are findings."""
    result = run(
        "validate", str(clean_csv), "--column", "社員番号=employee_id", "--on", ON, "--json"
    )
    codes = {o["code"] for o in lines(result) if o["type"] == "finding"}
    assert "csv.unknown_column" in codes


def test_plan_json() -> None:
    result = run("plan", "--example", "--on", ON, "--json")
    assert result.exit_code == 1  # two people cannot be planned (docs/hr.md)
    found = lines(result)
    plans = [o for o in found if o["type"] == "plan"]
    findings = [o for o in found if o["type"] == "finding"]
    summary = found[-1]
    for obj in plans:
        conforms(obj, SCHEMAS["plan"])
    assert [(o["row"], o["code"]) for o in findings] == [
        (151, "roster.missing_expiry"),
        (201, "roster.unknown_status"),
    ]
    conforms(summary, {**SUMMARY, "people": (int,), "planned": (int,), "shown": (int,)})
    assert summary["planned"] == len(plans) == 348


def test_plan_urgency_filter() -> None:
    result = run("plan", "--example", "--on", ON, "--urgency", "last_two_weeks", "--json")
    plans = [o for o in lines(result) if o["type"] == "plan"]
    assert plans
    assert {o["urgency"] for o in plans} == {"last_two_weeks"}
    table = run("plan", "--example", "--on", ON, "--urgency", "open")
    assert "348 of 350 planned" in table.stdout


def test_plan_a_clean_file_is_exit_0(clean_csv: Path, columns: Path) -> None:
    result = run("plan", str(clean_csv), "--columns", str(columns), "--on", ON)
    assert result.exit_code == 0


def test_upload_writes_the_files(tmp_path: Path) -> None:
    """The 58 people due on 2026-11-23 go into five templates' files (docs/hr.md)."""
    out = tmp_path / "out"
    result = run("upload", "--example", "--due", "--on", ON, "--out", str(out), "--json")
    assert result.exit_code == 0
    found = lines(result)
    files = [o for o in found if o["type"] == "file"]
    for obj in files:
        conforms(obj, SCHEMAS["upload_file"])
        # Each file reads back as the agency's system reads it (docs/bulk.md).
        assert nr.read_bulk_file(Path(obj["path"]).read_bytes()).report.ok
        assert Path(obj["path"]).stat().st_size == obj["bytes"]
    assert sum(o["applicants"] for o in files) == 58
    assert sorted(p.name for p in out.iterdir()) == sorted(o["name"] for o in files)
    summary = found[-1]
    conforms(summary, {**SUMMARY, "records": (int,), "placed": (int,), "files": (int,)})
    # Never over existing files without --force.
    again = CliRunner().invoke(cli, ["upload", "--example", "--due", "--on", ON, "--out", str(out)])
    assert again.exit_code == 2
    assert "--force" in again.stderr
    forced = run("upload", "--example", "--due", "--on", ON, "--out", str(out), "--force")
    assert forced.exit_code == 0


def test_upload_names_who_is_left_out() -> None:
    """A whole roster for an extension: permanent residents have no template (batch.unplaced)."""
    result = run("upload", "--example", "--on", ON, "--dry-run", "--json")
    assert result.exit_code == 1
    found = lines(result)
    unplaced = [o for o in found if o["type"] == "finding" and o["severity"] == "error"]
    assert unplaced
    assert all(o["row"] is not None and o["id"] for o in unplaced)
    assert all(o["path"] is None for o in found if o["type"] == "file")


def test_upload_rows_stay_the_csvs_with_due(tmp_path: Path) -> None:
    """With --due, a finding's row is still the CSV's row (not the row among those due)."""
    result = run("upload", "--example", "--due", "--on", ON, "--dry-run", "--json")
    ids = {o["row"]: o["id"] for o in lines(result) if o["type"] == "finding" and o["row"]}
    assert ids
    assert all(ident == f"E{row - 1:05d}" for row, ident in ids.items())


def test_templates_list_and_columns(tmp_path: Path) -> None:
    listing = lines(run("templates", "--json"))
    for obj in listing:
        conforms(obj, SCHEMAS["template"])
    assert "04N2" in {o["code"] for o in listing}
    needed = run("templates", "04N2", "--json")
    assert needed.exit_code == 0
    columns = lines(needed)
    for obj in columns:
        conforms(obj, SCHEMAS["column"])
    assert "radSex" in {o["header"] for o in columns}
    row = tmp_path / "row.json"
    row.write_text(json.dumps({"radSex": "1"}), encoding="utf-8")
    fewer = run("templates", "04N2", "--row", str(row), "--json")
    assert fewer.exit_code == 1  # a row that still needs columns
    assert "radSex" not in {o["header"] for o in lines(fewer)}
    found = run("templates", "--kind", "extension_of_period", "--status", "特定技能1号")
    assert found.exit_code == 0
    assert "04V1" in found.stdout


def test_tables_show_data_as_text_not_markup(tmp_path: Path) -> None:
    """A file name with rich markup ([bold]) is shown as it is, not as markup."""
    odd = tmp_path / "[bold]x.pdf"
    odd.write_bytes(_pdf())
    result = run("check", str(odd))
    assert result.exit_code == 0
    assert "[bold]x.pdf" in result.stdout


def test_progress_goes_to_stderr_on_a_terminal(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A long batch shows a bar (and a long step a spinner) on stderr; stdout stays data."""
    import io

    from nyukan_rules.cli._common import progress, stage

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    items = list(range(50))
    assert list(progress(items, "checking PDFs")) == items  # every item, in order
    with stage("validating", 5_000):
        pass
    assert capsys.readouterr().out == ""
    assert "checking PDFs" in terminal.getvalue()
    assert "validating (5,000 rows)" in terminal.getvalue()


def test_no_progress_when_stderr_is_not_a_terminal(capsys: pytest.CaptureFixture[str]) -> None:
    from nyukan_rules.cli._common import progress

    items = list(range(50))
    assert list(progress(items, "checking PDFs")) == items
    assert capsys.readouterr().err == ""


def test_a_file_too_large_to_read_is_a_usage_error(
    monkeypatch: pytest.MonkeyPatch, pdfs: Path, clean_csv: Path
) -> None:
    """Files past the read cap are not read: exit code 2 naming the file, stdout empty."""
    from nyukan_rules.cli import _files, _hr

    monkeypatch.setattr(_files, "MAX_READ_BYTES", 10)
    result = CliRunner().invoke(cli, ["check", str(pdfs / "contract.pdf")])
    assert result.exit_code == 2
    assert "contract.pdf" in result.stderr
    assert "too large" in result.stderr
    monkeypatch.setattr(_hr, "MAX_CSV_BYTES", 10)
    result = CliRunner().invoke(cli, ["validate", str(clean_csv)])
    assert result.exit_code == 2
    assert "roster.csv" in result.stderr


def test_an_unreadable_file_is_a_usage_error(
    monkeypatch: pytest.MonkeyPatch, clean_csv: Path
) -> None:
    def refuse(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "read_bytes", refuse)
    result = CliRunner().invoke(cli, ["validate", str(clean_csv)])
    assert result.exit_code == 2
    assert "Permission denied" in result.stderr
    assert result.stdout == ""


def test_group_options_reach_the_subcommand() -> None:
    """`nyukan-rules --json --on D fee K` is `nyukan-rules fee K --json --on D` (as pip's)."""
    before = run(
        "--json", "--on", "2025-06-01", "fee", "extension_of_period", "--channel", "online"
    )
    after = run("fee", "extension_of_period", "--channel", "online", "--json", "--on", "2025-06-01")
    assert before.stdout == after.stdout
    assert lines(before)[0]["yen"] == 5_500  # the schedule before 2026-10-01


def test_validate_reads_stdin(clean_csv: Path, columns: Path) -> None:
    """`-` is standard input, as for cat and ruff: `hr-export | nyukan-rules validate -`."""
    result = CliRunner().invoke(
        cli,
        ["validate", "-", "--columns", str(columns), "--on", ON],
        input=clean_csv.read_bytes(),
    )
    assert result.exit_code == 0, result.output
    assert "(stdin): 2 row(s), encoding cp932" in result.stdout


def test_lang_takes_every_catalogue() -> None:
    """--lang accepts each language of nyukan_rules.i18n.languages(), by BCP 47 tag too."""
    from nyukan_rules.cli._common import available_languages, check_language

    known = available_languages()
    assert known[:2] == ("ja", "en")
    for tag in known:
        assert check_language(tag) == tag
    if "zh_Hans" in known:
        assert check_language("zh-CN") == "zh_Hans"
    args = [
        "eligibility", "change_of_status", "--role", "foreign_national", "--status", "留学",
        "--desired-status", "短期滞在", "--on", "2026-11-22", "--json",
    ]  # fmt: skip
    messages = {tag: lines(run(*args, "--lang", tag))[0]["findings"][0]["message"] for tag in known}
    # Each language renders (a text a catalogue lacks falls back to English, never to nothing).
    assert all(messages.values())
    assert all(messages[tag] != messages["ja"] for tag in known if tag != "ja")


def test_every_role_the_eligibility_help_names_is_accepted() -> None:
    """Review: the help offered 'lawyer', which the command refused."""
    import re

    result = CliRunner().invoke(cli, ["eligibility", "--help"])
    named = set(re.findall(r"\b([a-z]+(?:_[a-z]+)+)\b", result.output))
    roles = {role.value for role in nr.ApplicantRole}
    assert named & roles
    for word in named:
        if word.endswith(("_staff", "_national", "_scrivener")):
            assert word in roles, word
