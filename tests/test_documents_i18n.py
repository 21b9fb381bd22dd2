"""The document checklists in the languages of the people who file (issue 12).

Sources of the rules checked here: issue 12 ("a ``lang=`` wherever a text is
produced; BCP 47 tags accepted; fallback chain to English then Japanese, never
a raw template or a missing placeholder"; "official names keep the Japanese
term beside the translation where the agency uses it"); the texts themselves
are those of the document tables (research-documents.md, seen 2026-11-23),
whose English is the code's ``*_en``.
"""

from __future__ import annotations

import itertools
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

import nyukan_rules as nr
from nyukan_rules import i18n
from nyukan_rules.documents import (
    COVERAGE,
    AfterFilingStep,
    Checklist,
    Document,
    EmployerCategory,
    Question,
    after_filing,
    employer_category,
    organization_request_checklist,
    required_documents,
)
from nyukan_rules.documents._i18n import (
    CONTEXT_DOCUMENT,
    CONTEXT_QUESTION,
    catalogue_entries,
    shown,
)

ON = date(2026, 11, 23)
LANGUAGES = [lang.tag for lang in i18n.languages()]
GJ = "技術・人文知識・国際業務"
COE = "certificate_of_eligibility"


def _po(lang: str) -> Catalog:
    with (i18n.LOCALE_DIR / lang / "LC_MESSAGES" / "nyukan_rules.po").open("rb") as handle:
        return read_po(handle)


def _names(text: str) -> list[str]:
    return sorted(set(re.findall(r"\{(\w*)", text)))


def _checklists() -> Iterator[Checklist]:
    """Every covered status and procedure with no facts (every document pending, every
    question asked) and with single-source rows, on three days the tables change."""
    for day in (date(2020, 1, 5), date(2025, 4, 1), ON):
        for status, kinds in COVERAGE.items():
            for kind in kinds:
                yield required_documents(kind, status, on=day, include_single_source=True)
        for role, request, holds in itertools.product(
            ("organization_staff", "registered_support_organization_staff"),
            ("new", "periodic_report"),
            (None, False),
        ):
            yield organization_request_checklist(
                role=role,
                on=day,
                request=request,
                holds_agent_certificate=holds,
                include_single_source=True,
            )


def _categories() -> Iterator[EmployerCategory]:
    cases: list[dict[str, object]] = [
        {},
        {"listed": True},
        {"public_body": True, "certified": True},
        {"listed": True, "public_body": True, "certified": True},
        {"certified": True, "filed_withholding_summary": False},
        {"withholding_tax_yen": 12_000_000},
        {"withholding_tax_yen": 12_000_000, "online_approved": False},
        {"withholding_tax_yen": 1_000_000, "online_approved": True},
        {"filed_withholding_summary": True},
        {"filed_withholding_summary": False},
    ]
    for day in (date(2019, 12, 1), ON):
        for facts in cases:
            yield employer_category(on=day, **facts)  # type: ignore[arg-type]


def _steps() -> Iterator[AfterFilingStep]:
    for day in (date(2026, 1, 4), ON):
        for kind in COVERAGE[nr.StatusOfResidence.parse(GJ)]:
            for channel in ("online", "counter"):
                yield from after_filing(kind, on=day, channel=channel, include_single_source=True)


def _documents() -> list[Document]:
    found: dict[tuple[str, str], Document] = {}
    for checklist in _checklists():
        for d in (*checklist.documents, *checklist.pending):
            found.setdefault((d.id, d.name_ja), d)
    return list(found.values())


def _questions() -> list[Question]:
    found: dict[str, Question] = {}
    for checklist in _checklists():
        for q in checklist.questions:
            found.setdefault(q.ja, q)
    for category in _categories():
        for q in category.questions:
            found.setdefault(q.ja, q)
    return list(found.values())


# --- the catalogues -----------------------------------------------------------------


def test_every_document_text_has_an_english_msgstr() -> None:
    """The English catalogue takes every document text's English from the code."""
    english = _po("en")
    entries = list(catalogue_entries())
    assert len({(c, ja) for c, ja, _, _ in entries}) > 150
    for context, ja, en, where in entries:
        found = english.get(ja, context=context)
        assert found is not None, (context, ja, where)
        assert found.string == en, (context, ja, where)
        assert en, (context, ja, where)
        assert not found.fuzzy, (context, ja, where)


def test_one_japanese_text_has_one_english_in_each_context() -> None:
    """A msgctxt keeps two identical Japanese texts with different meanings apart:
    within one context, a Japanese text never stands for two English ones."""
    seen: dict[tuple[str, str], str] = {}
    for context, ja, en, where in catalogue_entries():
        assert seen.setdefault((context, ja), en) == en, (context, ja, where)


@pytest.mark.parametrize("lang", LANGUAGES[1:])
def test_placeholders_are_those_of_the_japanese_source(lang: str) -> None:
    """A translation keeps the {threshold}/{tax} of its source (and adds none)."""
    catalogue = _po(lang)
    with_params = 0
    for context, ja, _, _ in catalogue_entries():
        found = catalogue.get(ja, context=context)
        assert found is not None, (lang, context, ja)
        with_params += bool(_names(ja))
        if found.string:
            assert _names(found.string) == _names(ja), (lang, context, ja, found.string)
    assert with_params == 3  # the two threshold questions and the category-2 reason


def test_every_text_a_checklist_shows_is_in_the_catalogues() -> None:
    """Nothing a model shows escapes extraction (a text built in the code that is not
    yielded by catalogue_entries would never be translated)."""
    keys = {(context, ja) for context, ja, _, _ in catalogue_entries()}
    for d in _documents():
        assert (CONTEXT_DOCUMENT, d.name_ja) in keys, d.id
        assert ("document.condition", d.condition_ja) in keys, d.id
        assert not d.note_ja or ("document.note", d.note_ja) in keys, d.id
    for q in _questions():
        assert (CONTEXT_QUESTION, q.template or q.ja) in keys, q.id
    for checklist in _checklists():
        assert ("document.notice", checklist.notice_ja) in keys
        for p in checklist.prerequisites:
            assert ("document.prerequisite", p.ja) in keys, p.id
    for category in _categories():
        assert ("document.category_reason", category.reason_template or category.reason_ja) in keys
        assert not category.proof_ja or ("document.category_proof", category.proof_ja) in keys
    for step in _steps():
        assert ("document.after_filing_topic", step.topic_ja) in keys, step.id
        assert ("document.after_filing", step.ja) in keys, step.id


# --- the models ---------------------------------------------------------------------


def test_japanese_and_english_are_the_fields_they_always_were() -> None:
    """lang="ja" (the default) gives the *_ja fields and "en" the *_en fields, numbers
    included: the existing properties and behaviour are unchanged."""
    for d in _documents():
        assert d.name() == d.name("ja") == d.name_ja
        assert d.name("en", japanese=False) == d.name_en
        assert d.condition() == d.condition_ja
        assert d.condition("en") == d.condition_en
        assert d.note() == d.note_ja
        assert d.note("en") == d.note_en
    for q in _questions():
        assert q.text() == q.ja, q.id
        assert q.text("en") == q.en, q.id
    for category in _categories():
        assert category.reason() == category.reason_ja
        assert category.reason("en") == category.reason_en
        assert category.proof() == category.proof_ja
        assert category.proof("en") == category.proof_en
    for checklist in _checklists():
        assert checklist.notice() == checklist.notice_ja
        assert checklist.notice("en") == checklist.notice_en
        for p in checklist.prerequisites:
            assert p.text() == p.ja
            assert p.text("en") == p.en
    for step in _steps():
        assert step.topic() == step.topic_ja
        assert step.topic("en") == step.topic_en
        assert step.text() == step.ja
        assert step.text("en") == step.en


def test_who_prepares_how_given_and_how_firmly_in_words() -> None:
    """The codes a checklist row carries (prepared_by, online, level) have words in
    every language: Japanese by default, the table's English in "en"."""
    from nyukan_rules.documents import Level, OnlineDelivery, Preparer
    from nyukan_rules.documents._model import LEVEL_TEXTS, ONLINE_TEXTS, PREPARER_TEXTS

    keys = {(context, ja) for context, ja, _, _ in catalogue_entries()}
    for enum, table, context in (
        (Preparer, PREPARER_TEXTS, "document.prepared_by"),
        (OnlineDelivery, ONLINE_TEXTS, "document.online"),
        (Level, LEVEL_TEXTS, "document.level"),
    ):
        assert set(table) == set(enum), enum
        for member in enum:
            ja, en = table[member]
            assert (context, ja) in keys
            assert member.text() == ja
            assert member.text("en-US") == en
            assert member.text("xx") == en


def test_a_document_name_keeps_the_japanese_name_beside_it() -> None:
    """Issue 12: official names keep the Japanese; a person asks the city office for
    the 住民票 by that name."""
    for d in _documents():
        for lang in ("en", "vi", "pt-BR"):
            shown_name = d.name(lang)
            assert shown_name.endswith(f"({d.name_ja})") or d.name_ja in shown_name[:-1], lang
            assert d.name(lang, japanese=False) in shown_name
    d = next(d for d in _documents() if d.id == "org.employment_certificate")
    assert d.name("en") == "Certificate of employment of the staff member (在職証明書)"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_language_shows_its_translation_or_the_english(lang: str) -> None:
    """On the real catalogues: a text the language has is shown in it (not the
    Japanese); one it lacks falls back to the English, never to an empty string."""
    catalogue = _po(lang) if lang != "ja" else None
    checklist = required_documents(
        COE, GJ, on=ON, employer_category=3, nationality="VN", applicant_age=27
    )
    for d in (*checklist.documents, *checklist.pending):
        own = catalogue.get(d.name_ja, context=CONTEXT_DOCUMENT) if catalogue else None
        expected = d.name_ja if lang == "ja" else (own and own.string) or d.name_en
        assert d.name(lang, japanese=False) == expected, (lang, d.id)
        if lang != "ja":
            assert d.name(lang) != d.name_ja
        own = catalogue.get(d.condition_ja, context="document.condition") if catalogue else None
        expected = d.condition_ja if lang == "ja" else (own and own.string) or d.condition_en
        assert d.condition(lang) == expected, (lang, d.id)
    for q in checklist.questions:
        assert q.text(lang)
        assert "{" not in q.text(lang)


def test_vietnamese_on_a_catalogue_copy(tmp_path: Path) -> None:
    """A Vietnamese msgstr is shown (not the Japanese, with the Japanese name beside
    it); an entry without one falls back to English.  Built on a copy of the package
    whose vi catalogue gets two entries, as a translator would add them, and loses one
    (tests/test_messages.py test_a_new_language_is_a_new_po_file)."""
    from babel.messages.mofile import write_mo

    copy = tmp_path / "nyukan_rules"
    shutil.copytree(Path(nr.__file__).parent, copy, ignore=shutil.ignore_patterns("__pycache__"))
    catalogue = _po("vi")
    photo = "写真（縦4cm×横3cm、申請前6か月以内に撮影）"
    ask_tax = "前年分の源泉徴収税額は？（{threshold}円以上ならカテゴリー2）"
    catalogue.get(photo, context=CONTEXT_DOCUMENT).string = "Ảnh (cao 4 cm, rộng 3 cm)"
    catalogue.get(
        ask_tax, context=CONTEXT_QUESTION
    ).string = "Số thuế khấu trừ năm trước? (từ {threshold} yên: loại 2)"
    form = next(
        d for d in _documents() if d.id == "common.application_form" and "更新" in d.name_ja
    )
    catalogue.get(form.name_ja, context=CONTEXT_DOCUMENT).string = ""  # a text vi lacks
    folder = copy / "messages" / "locale" / "vi" / "LC_MESSAGES"
    with (folder / "nyukan_rules.mo").open("wb") as handle:
        write_mo(handle, catalogue)
    code = (
        "import nyukan_rules as nr\n"
        f"assert nr.__file__.startswith({str(copy)!r}), nr.__file__\n"
        "c = nr.required_documents('extension_of_period', '技人国', on='2026-11-23',\n"
        "    employer_category=1, applicant_age=30)\n"
        "for d in c.documents:\n"
        "    print(d.id, '|', d.name('vi-VN'))\n"
        "e = nr.employer_category(filed_withholding_summary=True, on='2026-11-23')\n"
        "print(e.questions[0].text('vi'))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": str(tmp_path), "PATH": ""},
    )
    lines = dict(line.split(" | ", 1) for line in result.stdout.splitlines() if " | " in line)
    assert lines["common.photo"] == f"Ảnh (cao 4 cm, rộng 3 cm) ({photo})"
    assert lines["common.application_form"] == form.name("en")  # no vi msgstr: English
    # Numbers are written the Vietnamese way (Babel: "." groups digits).
    assert (
        result.stdout.splitlines()[-1] == "Số thuế khấu trừ năm trước? (từ 10.000.000 yên: loại 2)"
    )


def test_an_unknown_tag_falls_back_to_english() -> None:
    c = required_documents("extension_of_period", GJ, on=ON)
    for tag in ("xx", "xx-YY", "", "klingon", "x" * 100_000, "vi\x00", "🇻🇳"):
        assert [d.name(tag) for d in c.documents] == [d.name("en") for d in c.documents]
        assert [q.text(tag) for q in c.questions] == [q.en for q in c.questions]
        assert c.notice(tag) == c.notice_en


def test_bcp47_tags_are_read() -> None:
    c = required_documents("extension_of_period", GJ, on=ON)
    d = c.documents[0]
    assert d.name("en-US") == d.name("en_GB") == d.name("EN")
    assert d.name("ja-JP") == d.name_ja
    assert d.name("vi-VN") == d.name("vi")
    assert d.name("zh-CN") == d.name("zh-Hans") == d.name("zh_Hans")
    assert d.name("fil") == d.name("tl")


def test_a_tag_that_is_not_text_is_an_argument_error() -> None:
    d = required_documents("extension_of_period", GJ, on=ON).documents[0]
    for bad in (5, None, b"en"):
        with pytest.raises(nr.ArgumentTypeError):
            d.name(bad)  # type: ignore[arg-type]


def test_amounts_are_written_the_language_way() -> None:
    """Babel's digit grouping: 12,000,000 in English, 12.000.000 in Brazilian Portuguese."""
    category = employer_category(withholding_tax_yen=12_000_000, on=ON)
    assert category.reason_params == (("threshold", 10_000_000), ("tax", 12_000_000))
    assert "12,000,000" in category.reason("en")
    assert "12.000.000" in category.reason("pt-BR")
    assert "10.000.000" in category.reason("vi")
    old = employer_category(filed_withholding_summary=True, on=date(2019, 12, 1))
    assert "15,000,000" in old.questions[0].text("en")
    assert old.questions[0].params == (("threshold", 15_000_000),)


def test_a_broken_translation_falls_back(monkeypatch: pytest.MonkeyPatch) -> None:
    """A msgstr whose placeholders a translator broke gives way to the English, and
    never raises (issue 12: never a raw template)."""
    real = i18n.translate

    def broken(context: str, text: str, lang: str) -> str:
        return "{threshold" if lang == "vi" else real(context, text, lang)

    monkeypatch.setattr(i18n, "translate", broken)
    question = employer_category(filed_withholding_summary=True, on=ON).questions[0]
    assert question.text("vi") == question.text("en").replace(",", ".")
    assert shown(CONTEXT_QUESTION, "{x}", "vi", (("y", 1),)) == "{x}"


def test_texts_with_numbers_survive_json_and_pickle() -> None:
    """The template and numbers a question or a category reason keeps for other
    languages travel with it (nyukan_rules.converter, pickle for worker processes)."""
    import json
    import pickle

    category = employer_category(withholding_tax_yen=12_000_000, on=ON)
    asking = employer_category(filed_withholding_summary=True, on=ON)
    for value in (category, asking, asking.questions[0]):
        data = json.loads(json.dumps(nr.converter.unstructure(value), ensure_ascii=False))
        back = nr.converter.structure(data, type(value))
        assert back == value
        assert pickle.loads(pickle.dumps(value)) == value
    back = nr.converter.structure(nr.converter.unstructure(category), EmployerCategory)
    assert back.reason("pt-BR") == category.reason("pt-BR")


def test_rows_in_a_language_add_three_columns() -> None:
    c = required_documents("extension_of_period", GJ, on=ON)
    plain = c.rows()
    assert "name" not in plain[0]
    shown_rows = c.rows(lang="en")
    assert [
        {k: v for k, v in r.items() if k not in ("name", "condition", "note")} for r in shown_rows
    ] == list(plain)
    docs = (*c.documents, *c.pending)
    assert [r["name"] for r in shown_rows] == [d.name("en") for d in docs]
    assert [r["condition"] for r in shown_rows] == [d.condition("en") for d in docs]
    assert [r["note"] for r in c.rows(lang="ja")] == [d.note_ja for d in docs]


# --- errors of documents/_api.py ------------------------------------------------------


def _errors() -> list[nr.NyukanRulesError]:
    calls = [
        lambda: required_documents("extension_of_period", "永住者", on=ON),
        lambda: required_documents("extension_of_period", GJ, on=ON, nationality=5),
        lambda: required_documents("extension_of_period", GJ, on=ON, employer_category=2.0),
        lambda: required_documents("change_of_status", "家族滞在", on=ON, relationship=1),
        lambda: organization_request_checklist(role="organization_staff", on=ON, request=3),
        lambda: organization_request_checklist(role="organization_staff", on=ON, request="x"),
        lambda: organization_request_checklist(role="foreign_national", on=ON),
    ]
    found = []
    for call in calls:
        with pytest.raises(nr.NyukanRulesError) as info:
            call()  # type: ignore[no-untyped-call]
        found.append(info.value)
    return found


def test_document_errors_carry_codes() -> None:
    codes = [error.code for error in _errors()]
    assert codes == [
        "documents.no_list",
        "argument.type",
        "argument.type",
        "argument.type",
        "argument.type",
        "documents.unknown_request",
        "documents.role_without_request",
    ]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_document_errors_render_in_every_language(lang: str) -> None:
    from nyukan_rules.messages import ERROR_MESSAGES

    assert "documents.no_category_threshold" in ERROR_MESSAGES
    for error in _errors():
        text = error.message(lang)
        assert text, (error.code, lang)
        assert not re.search(r"\{[a-z_]+\}", text), (error.code, lang, text)
        if lang == "en":
            assert error.code in ERROR_MESSAGES
            assert not re.search(r"[\u3040-\u30ff\u4e00-\u9fff]{3}", text), text
