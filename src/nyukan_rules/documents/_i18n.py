"""The document texts in the languages of the people who file.

Every text of the document tables is written in Japanese and English in the
code (``name_ja``/``name_en`` and so on); the other languages live in the
package's gettext catalogues, one context per kind of text (the ``CONTEXT_*``
names below), the Japanese as the msgid, exactly as finding messages and
catalog names do (:mod:`nyukan_rules.i18n`).  ``scripts/gen_catalogues.py``
extracts them through :func:`catalogue_entries`, so the English catalogue
takes its English from the code.

A text is looked up by the fallback chain of :func:`nyukan_rules.i18n.translate`
(the language asked for, then English, then Japanese): a text a translator
has not reached yet is shown in English, never as an empty string or an id.
"""

from __future__ import annotations

from collections.abc import Iterator

__all__ = [
    "CONTEXT_AFTER_FILING",
    "CONTEXT_AFTER_FILING_TOPIC",
    "CONTEXT_CATEGORY_PROOF",
    "CONTEXT_CATEGORY_REASON",
    "CONTEXT_CONDITION",
    "CONTEXT_DOCUMENT",
    "CONTEXT_LEVEL",
    "CONTEXT_NOTE",
    "CONTEXT_NOTICE",
    "CONTEXT_ONLINE",
    "CONTEXT_PREPARER",
    "CONTEXT_PREREQUISITE",
    "CONTEXT_QUESTION",
    "Params",
    "catalogue_entries",
    "official_name",
    "shown",
]

#: A document's name (``Document.name_ja``): an official name, shown with the
#: Japanese beside the translation (:func:`official_name`).
CONTEXT_DOCUMENT = "document"
#: The words of a document's condition (``condition_ja``, ``全員`` = everyone).
CONTEXT_CONDITION = "document.condition"
#: A document's note (``note_ja``).
CONTEXT_NOTE = "document.note"
#: Who prepares a document (``Preparer.text``).
CONTEXT_PREPARER = "document.prepared_by"
#: How a document is given in an online filing (``OnlineDelivery.text``).
CONTEXT_ONLINE = "document.online"
#: How firmly a document is needed (``Level.text``).
CONTEXT_LEVEL = "document.level"
#: A question a checklist or an employer category asks (``Question.ja``).
CONTEXT_QUESTION = "document.question"
#: A prerequisite of the organization's request (``Prerequisite.ja``).
CONTEXT_PREREQUISITE = "document.prerequisite"
#: Why an organization has its category (``EmployerCategory.reason_ja``).
CONTEXT_CATEGORY_REASON = "document.category_reason"
#: What proves the category (``EmployerCategory.proof_ja``).
CONTEXT_CATEGORY_PROOF = "document.category_proof"
#: The topic of a step after filing (``AfterFilingStep.topic_ja``).
CONTEXT_AFTER_FILING_TOPIC = "document.after_filing_topic"
#: What to know after filing (``AfterFilingStep.ja``).
CONTEXT_AFTER_FILING = "document.after_filing"
#: The notice every checklist carries (``Checklist.notice_ja``).
CONTEXT_NOTICE = "document.notice"

#: The numbers a text is formatted with, by placeholder name (yen amounts).
Params = tuple[tuple[str, int], ...]


def shown(context: str, source: str, lang: str, params: Params = ()) -> str:
    """``source`` (Japanese) in ``lang`` by the fallback chain, its numbers filled in.

    ``lang`` is a BCP 47 tag (:func:`nyukan_rules.i18n.resolve_language`);
    ``params`` fill the ``{placeholders}`` of ``source`` and of its
    translation, each number written the language's way.  A translation whose
    placeholders are broken gives way to the English, then to the Japanese.

    >>> shown(CONTEXT_CONDITION, "全員", "en-GB")
    'everyone'
    >>> shown(CONTEXT_QUESTION, "前年分の源泉徴収税額は？（{threshold}円以上ならカテゴリー2）",
    ...       "en", (("threshold", 10_000_000),))
    'How much tax was withheld last year? (10,000,000 yen or more: category 2)'
    """
    from nyukan_rules.i18n import DEFAULT_LANGUAGE, format_number, resolve_language, translate

    chosen = resolve_language(lang)
    text = source if chosen == DEFAULT_LANGUAGE else translate(context, source, chosen)
    if not params:
        return text
    values = {name: format_number(value, chosen) for name, value in params}
    candidates = [text]
    if chosen != DEFAULT_LANGUAGE:
        candidates += [translate(context, source, "en"), source]
    for candidate in candidates:
        try:
            return candidate.format_map(values)
        except (KeyError, ValueError, IndexError, AttributeError):
            continue  # a translation whose placeholders are broken: the next one
    return source


def official_name(source: str, lang: str, *, japanese: bool = True) -> str:
    """A document's name in ``lang``, with the Japanese name beside it.

    The person asks a city office or an employer for the document, and finds
    it on the agency's lists, by its Japanese name: in every language but
    Japanese the name is the translation followed by the Japanese in
    parentheses (``japanese=False``: the translation alone).  A translation
    that already holds the Japanese name is shown as it is.

    >>> official_name("在職証明書", "en")
    'Certificate of employment of the staff member (在職証明書)'
    >>> official_name("在職証明書", "ja"), official_name("在職証明書", "en", japanese=False)
    ('在職証明書', 'Certificate of employment of the staff member')
    """
    text = shown(CONTEXT_DOCUMENT, source, lang)
    if not japanese or text == source or source in text:
        return text
    return f"{text} ({source})"


def catalogue_entries() -> Iterator[tuple[str, str, str, str]]:
    """Every person-readable text of the document tables and answers.

    Yields (context, Japanese source, English, where it comes from), in a
    stable order, for ``scripts/gen_catalogues.py``; a text with
    placeholders is yielded as its template.
    """
    from nyukan_rules.documents import _api
    from nyukan_rules.documents._model import LEVEL_TEXTS, ONLINE_TEXTS, PREPARER_TEXTS
    from nyukan_rules.documents._tables import (
        AFTER_FILING,
        COMMON_DOCUMENTS,
        DOCUMENT_TABLES,
        ORGANIZATION_DOCUMENTS,
        ORGANIZATION_PREREQUISITES,
    )

    yield CONTEXT_NOTICE, _api.NOTICE_JA, _api.NOTICE_EN, "documents.NOTICE_JA"
    tables = {
        "COMMON_DOCUMENTS": COMMON_DOCUMENTS,
        "ORGANIZATION_DOCUMENTS": ORGANIZATION_DOCUMENTS,
    }
    tables |= {f"DOCUMENT_TABLES[{s.value}]": rows for s, rows in DOCUMENT_TABLES.items()}
    for where, rows in tables.items():
        for row in rows:
            place = f"documents.{where} {row.id}"
            yield CONTEXT_DOCUMENT, row.name_ja, row.name_en, place
            yield CONTEXT_CONDITION, row.condition_ja, row.condition_en, place
            if row.note_ja:
                yield CONTEXT_NOTE, row.note_ja, row.note_en, place
    for context, texts in (
        (CONTEXT_PREPARER, PREPARER_TEXTS),
        (CONTEXT_ONLINE, ONLINE_TEXTS),
        (CONTEXT_LEVEL, LEVEL_TEXTS),
    ):
        for member, (ja, en) in texts.items():
            yield context, ja, en, f"documents.{type(member).__name__}.{member.name}"
    for ja, en in _api.question_texts():
        yield CONTEXT_QUESTION, ja, en, "documents.required_documents (questions)"
    for p in ORGANIZATION_PREREQUISITES:
        place = f"documents.ORGANIZATION_PREREQUISITES {p.id}"
        yield CONTEXT_PREREQUISITE, p.ja, p.en, place
        ja, en = _api.prerequisite_question(p.ja, p.en)
        yield CONTEXT_QUESTION, ja, en, place
    for key, (ja, en) in _api.CATEGORY_TEXTS.items():
        context = CONTEXT_CATEGORY_PROOF if key.startswith("proof") else CONTEXT_CATEGORY_REASON
        if key.startswith("question"):
            context = CONTEXT_QUESTION
        yield context, ja, en, f"documents.employer_category ({key})"
    for step in AFTER_FILING:
        place = f"documents.AFTER_FILING {step.id}"
        yield CONTEXT_AFTER_FILING_TOPIC, step.topic_ja, step.topic_en, place
        yield CONTEXT_AFTER_FILING, step.ja, step.en, place
