"""Findings as codes with params, rendered from gettext catalogues (issues 11 and 12).

Sources of the rules checked here: ARCHITECTURE.md "A finding is a code with
params"; the issues' done-when lists (every code × every language has a
message, placeholders identical to the Japanese source, fallback chain for an
unknown tag, rows and positions counted from 1).
"""

from __future__ import annotations

import pickle
import re
import string
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

import nyukan_rules as nr
from nyukan_rules import i18n
from nyukan_rules.messages import (
    FRAGMENT_PARAMS,
    LABEL_PARAMS,
    MESSAGES,
    NAME_PARAMS,
    TERM_PARAMS,
    TERMS,
    about_record,
    make_finding,
)
from nyukan_rules.messages.render import render, template

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = [lang.tag for lang in i18n.languages()]
NON_LATIN = {"ja", "zh_Hans", "ko", "ne", "my"}


def _names(text: str) -> list[str]:
    return sorted({name.split("!")[0] for _, name, _, _ in string.Formatter().parse(text) if name})


def _sample(name: str) -> object:
    """A value of the right shape for a param called ``name``."""
    if name in NAME_PARAMS:
        return {
            "ApplicationKind": nr.ApplicationKind.EXTENSION_OF_PERIOD,
            "ApplicantRole": nr.ApplicantRole.RELATIVE,
            "StatusOfResidence": nr.StatusOfResidence.PROFESSOR,
            "Channel": nr.Channel.ONLINE,
        }.get(NAME_PARAMS[name], "1年")
    if name in LABEL_PARAMS:
        return "生年月日"
    if name in TERM_PARAMS:
        return "id.passport"
    if name in FRAGMENT_PARAMS:
        return "x"
    if name in {"on", "since", "until", "expires_on"}:
        return date(2026, 11, 23)
    if name in {"count", "limit", "line", "row", "index", "first", "length", "size"}:
        return 12345
    return "値"


def _params(code: str) -> dict[str, object]:
    return {name: _sample(name) for name in _names(MESSAGES[code].ja)}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_code_renders_in_every_language(lang: str) -> None:
    """Every code × every language has a message, with no raw placeholder left."""
    for code in MESSAGES:
        text = make_finding(code, **_params(code)).message(lang)
        assert text, (code, lang)
        assert not re.search(r"\{[a-z_]+\}", text), (code, lang, text)


@pytest.mark.parametrize("lang", [tag for tag in LANGUAGES if tag != "ja"])
def test_placeholders_are_those_of_the_japanese_source(lang: str) -> None:
    for code, message in MESSAGES.items():
        translated = template(code, lang)
        assert _names(translated) == _names(message.ja), (code, lang)


@pytest.mark.parametrize("lang", sorted(set(LANGUAGES) & NON_LATIN - {"ja"}))
def test_no_english_sentence_left_in_a_non_latin_catalogue(lang: str) -> None:
    for code in MESSAGES:
        text = template(code, lang)
        stripped = re.sub(r"\{[^}]*\}|[A-Z0-9_%.\-+/()]{2,}|PDF|UTF|Pay-easy", "", text)
        words = re.findall(r"[A-Za-z]{4,}", stripped)
        assert len(words) < 3, (code, lang, text)


def test_english_messages_are_in_the_english_catalogue() -> None:
    """The English of every code lives in en.po, not in the code (issue 11)."""
    for code, message in MESSAGES.items():
        english = template(code, "en")
        assert english != message.ja, code
        assert not re.search(r"[\u3040-\u30ff]{3,}", re.sub(r"\(.*?\)", "", english)), code


def test_every_term_and_fragment_is_translated_to_english() -> None:
    for source in [*TERMS.values(), *FRAGMENT_PARAMS.values()]:
        assert i18n.translate("term", source, "en") != source, source


def test_unknown_tag_falls_back_to_english_then_japanese() -> None:
    finding = make_finding("csv.empty")
    assert finding.message("xx-YY") == finding.message("en")
    assert i18n.language_chain("xx") == ("en", "ja")
    # A text no catalogue has is shown in Japanese, never as an id.
    assert i18n.translate("term", "どの言語にもない語", "en") == "どの言語にもない語"


def test_bcp47_tags_are_read() -> None:
    assert i18n.resolve_language("EN-us") == "en"
    assert i18n.resolve_language("ja-JP") == "ja"
    with pytest.raises(nr.ArgumentTypeError):
        i18n.resolve_language(None)


def test_numbers_and_dates_follow_the_language() -> None:
    finding = make_finding("csv.nul", line=1234567)
    assert "1,234,567" in finding.message("en")
    assert i18n.format_date(date(2026, 1, 31), "en") == "Jan 31, 2026"
    assert i18n.format_date(date(2026, 1, 31), "ja") == "2026/01/31"


def test_names_are_rendered_in_the_language() -> None:
    finding = make_finding(
        "eligibility.kind_not_offered", kind=nr.ApplicationKind.REENTRY_PERMIT_SINGLE
    )
    assert nr.ApplicationKind.REENTRY_PERMIT_SINGLE.ja in finding.message("ja")
    assert nr.ApplicationKind.REENTRY_PERMIT_SINGLE.en in finding.message("en")
    # A value that is no member (raw roster text) is shown as given.
    raw = make_finding("record.indefinite_period", label="在留期間", value="無期限", status="X")
    assert "X" in raw.message("en")


def test_a_term_list_is_joined_by_the_language() -> None:
    finding = make_finding(
        "attachment.restricted", name="a.pdf", what=("pdf.printing", "pdf.copying")
    )
    assert "printing and copying" in finding.message("en")
    assert "印刷" in finding.message("ja")
    assert "コピー" in finding.message("ja")


def test_a_fragment_is_shown_only_with_a_value() -> None:
    with_hint = make_finding("csv.no_known_column", hint=True).message("en")
    without = make_finding("csv.no_known_column", hint=False).message("en")
    assert "file name" in with_hint
    assert "file name" not in without


def test_field_label_comes_from_the_spec_not_the_kind() -> None:
    """'テキストは必須入力です' named the kind; a record field is named by its label."""
    report = nr.validate_records([{"employee_id": ""}], on=date(2026, 11, 23))
    required = report.by_code("field.required")
    assert required, report.codes
    spec = nr.DEFAULT_APPLICANT_SPEC
    for finding in required:
        field = spec.field(finding.field)
        assert field is not None, finding.field
        assert field.label_ja, finding.field
        assert finding.params["label"] == field.label_ja
        assert field.label_ja in finding.message("ja")
    assert "テキストは" not in " ".join(report.messages("ja"))


def test_rows_and_positions_in_messages_count_from_one() -> None:
    """'0行目' and '0文字目' were shown (issue 11)."""
    report = nr.check_field("\x00abc", "text")
    assert report.findings[0].params["index"] == 1
    assert "0文字目" not in report.findings[0].message_ja
    batch = nr.validate_records([{"employee_id": "\x00"}], on=date(2026, 11, 23))
    for finding in batch.findings:
        assert "0行目" not in finding.message_ja, finding.message_ja


def test_a_hand_made_finding_with_an_unknown_code_still_renders() -> None:
    finding = nr.Finding(code="vendor.custom", severity=nr.Severity.INFO, params={"n": 3})
    assert finding.message("en") == "vendor.custom (n=3)"


def test_record_frame_names_the_record_in_every_language() -> None:
    framed = about_record(make_finding("csv.empty"), "employee_id E1")
    assert framed.message("en").startswith("[employee_id E1] ")
    assert framed.message("ja").startswith("［employee_id E1］")


def test_findings_pickle_and_compare_with_params() -> None:
    finding = make_finding("eligibility.expired", expires_on=date(2026, 1, 31))
    again = pickle.loads(pickle.dumps(finding))
    assert again == finding
    assert hash(again) == hash(finding)
    assert again.message("en") == finding.message("en")


def test_render_never_raises_on_a_broken_translation(monkeypatch: pytest.MonkeyPatch) -> None:
    import nyukan_rules.messages.render as module

    monkeypatch.setattr(module, "template", lambda code, lang: "{broken")
    assert render("csv.nul", {"line": 3}, "en") == MESSAGES["csv.nul"].ja.format(line="3")


def test_languages_report_who_wrote_them() -> None:
    found = i18n.languages()
    assert found[0].tag == "ja"
    assert found[0].source
    assert found[0].reviewed
    for language in found[1:]:
        assert language.translator, language
        # The catalogue's own header names it (X-Language-Name, X-Native-Name) and
        # says whether a native speaker reviewed it (X-Native-Review): the
        # generator keeps those fields Babel does not know.
        assert language.name != language.tag, language
        assert language.native_name != language.tag, language
        header = (i18n.LOCALE_DIR / language.tag / "LC_MESSAGES" / "nyukan_rules.po").read_text(
            encoding="utf-8"
        )
        assert '"X-Native-Review: ' in header, language.tag
        assert isinstance(language.reviewed, bool)
    assert nr.languages() == found


def test_catalogues_are_fresh() -> None:
    """The .pot, .po and .mo files are what scripts/gen_catalogues.py makes."""
    script = ROOT / "scripts" / "gen_catalogues.py"
    if not script.is_file():
        pytest.skip("not a source checkout")
    result = subprocess.run(
        [sys.executable, str(script), "--check"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_making_a_finding_renders_nothing() -> None:
    """Findings whose messages are never asked for cost no text (issue 12)."""
    code = (
        "import sys, nyukan_rules.messages as m\n"
        "f = m.make_finding('csv.nul', line=3)\n"
        "assert 'nyukan_rules.messages.render' not in sys.modules\n"
        "assert 'babel' not in sys.modules\n"
        "f.message('en')\n"
        "assert 'nyukan_rules.messages.render' in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_every_error_code_the_package_raises_has_a_message() -> None:
    """Exceptions carry a code and params too, rendered like findings (issue 11, 12)."""
    src = ROOT / "src" / "nyukan_rules"
    raised = set()
    for path in src.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        raised |= set(re.findall(r'code\s*=\s*"([a-z]+\.[a-z_.]+)"', text))
    raised -= set(MESSAGES)
    raised = {code for code in raised if code.split(".")[0] not in {"report"}}
    from nyukan_rules.messages import ERROR_MESSAGES

    assert raised <= set(ERROR_MESSAGES), raised - set(ERROR_MESSAGES)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_errors_render_in_every_language(lang: str) -> None:
    with pytest.raises(nr.UnknownNameError) as info:
        nr.ApplicationKind.parse("no such kind")
    text = info.value.message(lang)
    assert "no such kind" in text
    assert not re.search(r"\{[a-z_]+\}", text)
    # An error without a code is its English text.
    assert nr.NyukanRulesError("plain").message(lang) == "plain"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_catalog_names_in_every_language(lang: str) -> None:
    """A catalog member's name comes from the catalogues: a language is data, not a
    field of every enum (issue 11)."""
    for kind in nr.ApplicationKind:
        shown = kind.name_in(lang)
        assert shown
        if lang == "ja":
            assert shown == kind.ja
        elif lang == "en":
            assert shown == kind.en


def test_a_new_language_is_a_new_po_file(tmp_path: Path) -> None:
    """docs/adding-rules.md: a language is data. On a copy of the package, a French
    catalogue with one message is added and compiled; no code changes, and the
    message is shown in French, the rest falls back to English."""
    import shutil

    from babel.messages.catalog import Catalog
    from babel.messages.mofile import write_mo

    copy = tmp_path / "nyukan_rules"
    shutil.copytree(Path(nr.__file__).parent, copy, ignore=shutil.ignore_patterns("__pycache__"))
    folder = copy / "messages" / "locale" / "fr" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    catalogue = Catalog(locale="fr")
    catalogue.last_translator = "a test"
    catalogue.add(
        MESSAGES["csv.nul"].ja,
        "La ligne {line} du CSV contient un caractère NUL.",
        context="csv.nul",
    )
    with (folder / "nyukan_rules.mo").open("wb") as handle:
        write_mo(handle, catalogue)
    code = (
        "import nyukan_rules as nr\n"
        "from nyukan_rules.messages import make_finding\n"
        f"assert nr.__file__.startswith({str(copy)!r}), nr.__file__\n"
        "print(make_finding('csv.nul', line=1234).message('fr-FR'))\n"
        "print(make_finding('csv.empty').message('fr'))\n"
        "print([l.tag for l in nr.languages()])\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": str(tmp_path), "PATH": ""},
    )
    lines = result.stdout.splitlines()
    assert lines[0] == "La ligne 1\u202f234 du CSV contient un caractère NUL.", lines[0]
    assert lines[1] == make_finding("csv.empty").message("en")
    assert "'fr'" in lines[2]


@pytest.mark.parametrize("lang", [tag for tag in LANGUAGES if tag != "ja"])
def test_every_catalogue_translates_every_text(lang: str) -> None:
    """Every code × every language has its own message (issue 12): no entry of a
    catalogue is empty or fuzzy, so nothing falls back to English unnoticed."""
    from babel.messages.pofile import read_po

    path = i18n.LOCALE_DIR / lang / "LC_MESSAGES" / "nyukan_rules.po"
    with path.open("rb") as handle:
        catalogue = read_po(handle)
    missing = [(m.context, m.id) for m in catalogue if m.id and (not m.string or m.fuzzy)]
    assert not missing, missing[:5]
    contexts = {m.context for m in catalogue if m.id}
    assert set(MESSAGES) <= contexts
    from nyukan_rules.messages import ERROR_MESSAGES

    assert set(ERROR_MESSAGES) <= contexts


def test_every_language_has_a_docs_page() -> None:
    docs = ROOT / "docs" / "languages"
    if not docs.is_dir():
        pytest.skip("not a source checkout")
    for tag in LANGUAGES:
        page = docs / f"{tag}.md"
        assert page.is_file(), tag
        assert f"<!-- generated: language_messages {tag} -->" in page.read_text(encoding="utf-8")


def test_a_finding_read_back_from_json_is_the_same_finding() -> None:
    """Review: dates came back from JSON as text and the message changed."""
    import json

    report = nr.check_online_eligibility(
        "extension_of_period",
        role="foreign_national",
        on=date(2026, 11, 23),
        status="留学",
        expires_on=date(2026, 11, 1),
    )
    back = nr.converter.structure(
        json.loads(json.dumps(nr.converter.unstructure(report))), nr.Report
    )
    assert back == report
    assert back.messages("en") == report.messages("en")
    assert "Nov 1, 2026" in " ".join(back.messages("en"))


def test_render_never_raises_on_odd_param_values() -> None:
    """Review: an unhashable param value made message() raise."""
    finding = nr.Finding("csv.nul", nr.Severity.ERROR, {"label": ["a"], "note": {"x": 1}})
    assert finding.message("en")
    assert finding.params["label"] == ("a",)


def test_language_tags_are_remembered_within_a_bound() -> None:
    from nyukan_rules.messages import render as module

    finding = make_finding("csv.nul", line=2)
    for index in range(2 * module._RESOLVED_LIMIT + 5):
        finding.message(f"en-x-{index}")
    assert len(module._RESOLVED) <= module._RESOLVED_LIMIT


def test_every_param_a_check_makes_is_used_by_its_message() -> None:
    """Review: a leftover label_en param (roster.invalid_date)."""
    schedule = nr.plan_renewals(
        [{"id": "E1", "status": "留学", "period_of_stay": "1年", "expires_on": "2026-13-45"}],
        on=date(2026, 11, 23),
    )
    findings = list(schedule.report.findings)
    assert findings
    for finding in findings:
        assert not any(name.endswith(("_ja", "_en")) for name in finding.params), finding.params


# --- periods of stay in every language (issue 12: "periods" among the catalog names) ---


def test_a_period_reads_in_english_with_the_japanese_beside() -> None:
    """CLDR's unit names and plurals (Babel); the Japanese beside, as on the forms."""
    period = nr.PeriodOfStay.parse("1年3月")
    assert period.name_in("en") == "1 year 3 months (1年3月)"
    assert nr.PeriodOfStay(years=5).name_in("en") == "5 years (5年)"
    assert nr.PeriodOfStay(months=1, days=30).name_in("en-GB") == "1 month 30 days (1月30日)"
    assert period.name_in("ja") == "1年3月"
    assert nr.PeriodOfStay.INDEFINITE.name_in("en") == "indefinite (無期限)"
    assert nr.PeriodOfStay.INDEFINITE.name_in("ja") == "無期限"


@pytest.mark.parametrize(
    ("lang", "unit"), [("vi", "tháng"), ("ko", "개월"), ("zh_Hans", "个月"), ("pt-BR", "meses")]
)
def test_a_period_is_not_the_japanese_alone(lang: str, unit: str) -> None:
    shown = nr.PeriodOfStay(years=1, months=3).name_in(lang)
    assert shown != "1年3月"
    assert unit in shown
    assert "1年3月" in shown  # beside, for the forms


def test_a_period_uses_only_the_cldr_forms_babel_has() -> None:
    """Review: Filipino has no long month in CLDR as Babel reads it, and Babel wrote
    "1 mga buwan"; Indonesian joined two parts with a comma and three with spaces."""
    assert nr.PeriodOfStay(months=1).name_in("tl") == "1 buwan (1月)"
    assert nr.PeriodOfStay(years=1, months=3).name_in("fil") == "1 taon 3 buwan (1年3月)"
    assert nr.PeriodOfStay(years=1, months=3).name_in("id") == "1 tahun 3 bulan (1年3月)"
    assert nr.PeriodOfStay(years=1, months=3, days=2).name_in("id") == (
        "1 tahun 3 bulan 2 hari (1年3月2日)"
    )


def test_a_period_in_an_unknown_language_falls_back_to_english() -> None:
    period = nr.PeriodOfStay(years=1, months=6)
    assert period.name_in("xx-YY") == period.name_in("en") == "1 year 6 months (1年6月)"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_language_writes_every_period(lang: str) -> None:
    """Each length a bulk file lists (5年 … 15日) and 無期限, in each language: text, no
    unit id Babel writes when CLDR data is missing (``1 duration-year``), no raw {}."""
    for text in ("5年", "3年", "1年6月", "1年", "6月", "3月", "15日", "1年2月3日", "無期限"):
        shown = nr.PeriodOfStay.parse(text).name_in(lang)
        assert shown
        assert "duration" not in shown
        assert "{" not in shown
        assert text in shown


@pytest.mark.parametrize("lang", LANGUAGES)
def test_messages_with_a_period_param_render_it_in_the_language(lang: str) -> None:
    """The messages with a {period} param (fee.no_band, deadline.no_renewal_rule) show the
    period in the language, as text or as a PeriodOfStay, with no raw placeholder."""
    for period in ("1年3月", nr.PeriodOfStay(years=1, months=3), "1年3か月"):
        for code, params in (
            ("fee.no_band", {"schedule": "2026-04", "period": period, "kind": "extension"}),
            ("deadline.no_renewal_rule", {"period": period}),
        ):
            text = render(code, params, lang)
            assert "{" not in text
            assert str(period) in text  # the Japanese as given, beside or alone
    english = render("deadline.no_renewal_rule", {"period": "1年3か月"}, "en")
    assert "1 year 3 months (1年3か月)" in english
    assert "not a period" in render("deadline.no_renewal_rule", {"period": "not a period"}, "en")


def test_a_period_error_reads_in_the_language() -> None:
    """無期限 is never renewed: the error names it in the reader's language."""
    with pytest.raises(nr.NoRuleError) as caught:
        nr.renewal_window(date(2027, 1, 31), period_of_stay="無期限", channel="online")
    error = caught.value
    assert error.code == "deadline.no_renewal_rule"
    assert "indefinite (無期限)" in error.message("en")
    assert "無期限" in error.message("ja")
    assert "indefinite" not in error.message("ja")


def test_naming_a_period_in_japanese_loads_no_babel() -> None:
    """import nyukan_rules stays light; Babel comes with the first period in another language."""
    code = (
        "import sys, nyukan_rules as nr\n"
        "assert nr.PeriodOfStay(years=1).name_in('ja') == '1年'\n"
        "assert 'babel' not in sys.modules\n"
        "assert nr.PeriodOfStay(years=1).name_in('en') == '1 year (1年)'\n"
        "assert 'babel' in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


@pytest.mark.parametrize(
    "lang", ["en", "vi", "zh_Hans", "ko", "tl", "pt_BR", "id", "ne", "my", "xx"]
)
def test_a_band_of_periods_reads_in_every_language(lang: str) -> None:
    """The fee schedule from 2026-10-01 is tiered by bands of the period granted
    (isa-fee-2026): a band's name in the language, the Japanese beside, no raw frame."""
    from nyukan_rules.catalog.periods import PeriodOfStay, StayBand

    band = StayBand(
        PeriodOfStay(years=1),
        False,
        PeriodOfStay(years=3),
        True,
        ja="1年超3年以下",
        en="over 1 year, up to 3 years",
    )
    name = band.name_in(lang)
    assert "{" not in name
    assert "}" not in name
    if lang in ("en", "xx"):
        assert name == band.en
    else:
        assert band.ja in name
        assert name != band.ja
    assert band.name_in("ja-JP") == band.ja
