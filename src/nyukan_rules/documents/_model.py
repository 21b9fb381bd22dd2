"""The shapes of the document rules and of the answers built from them."""

from __future__ import annotations

import enum
from datetime import date

import attrs

from nyukan_rules.catalog import (
    ApplicantRole,
    ApplicationKind,
    CatalogEnum,
    Channel,
    StatusOfResidence,
)
from nyukan_rules.dates import Effective
from nyukan_rules.documents._i18n import (
    CONTEXT_AFTER_FILING,
    CONTEXT_AFTER_FILING_TOPIC,
    CONTEXT_CATEGORY_PROOF,
    CONTEXT_CATEGORY_REASON,
    CONTEXT_CONDITION,
    CONTEXT_LEVEL,
    CONTEXT_NOTE,
    CONTEXT_NOTICE,
    CONTEXT_ONLINE,
    CONTEXT_PREPARER,
    CONTEXT_PREREQUISITE,
    CONTEXT_QUESTION,
    Params,
    official_name,
    shown,
)
from nyukan_rules.rules import DatedRule
from nyukan_rules.sources import Confidence, Source

__all__ = [
    "DOCUMENTS_SEEN",
    "AfterFilingRow",
    "AfterFilingStep",
    "Checklist",
    "Condition",
    "Document",
    "DocumentRow",
    "EmployerCategory",
    "Fact",
    "Level",
    "OnlineDelivery",
    "OrganizationRow",
    "Preparer",
    "Prerequisite",
    "PrerequisiteRow",
    "Question",
    "SpecifiedSkillField",
]

#: The day the sources of the document rows were read (research-documents.md).
DOCUMENTS_SEEN = date(2026, 11, 23)


class Preparer(str, enum.Enum):
    """Who gets or writes a document."""

    APPLICANT = "applicant"
    EMPLOYER = "employer"
    SPONSOR = "sponsor"
    SCHOOL = "school"
    STAFF_MEMBER = "staff_member"

    def text(self, lang: str = "ja") -> str:
        """Who prepares the document, in words, in ``lang`` (a BCP 47 tag).

        >>> Preparer.EMPLOYER.text(), Preparer.EMPLOYER.text("en")
        ('所属機関', 'the organization (employer)')
        """
        return shown(CONTEXT_PREPARER, PREPARER_TEXTS[self][0], lang)


class OnlineDelivery(str, enum.Enum):
    """How a document is given when the application is filed online.

    ``upload``: attached as a file; ``shown_later``: shown at the counter when
    the card is collected (passport, residence card); ``mailed``: sent by
    post; ``not_needed``: only a paper filing needs it; ``elsewhere``: filed
    with another office (a municipality), not with the agency.
    """

    UPLOAD = "upload"
    SHOWN_LATER = "shown_later"
    MAILED = "mailed"
    NOT_NEEDED = "not_needed"
    ELSEWHERE = "elsewhere"

    def text(self, lang: str = "ja") -> str:
        """How the document is given in an online filing, in words, in ``lang``."""
        return shown(CONTEXT_ONLINE, ONLINE_TEXTS[self][0], lang)


class Level(str, enum.Enum):
    """How firmly a document is needed.

    ``required``: needed on the facts given; ``conditional``: needed only in
    the circumstance its condition words describe, which the library does
    not decide (read ``condition_en``).
    """

    REQUIRED = "required"
    CONDITIONAL = "conditional"

    def text(self, lang: str = "ja") -> str:
        """How firmly the document is needed, in words, in ``lang``."""
        return shown(CONTEXT_LEVEL, LEVEL_TEXTS[self][0], lang)


#: Who prepares a document, in words (Japanese, English): context ``document.prepared_by``.
PREPARER_TEXTS: dict[Preparer, tuple[str, str]] = {
    Preparer.APPLICANT: ("申請人", "the applicant"),
    Preparer.EMPLOYER: ("所属機関", "the organization (employer)"),
    Preparer.SPONSOR: ("扶養者等", "the supporter"),
    Preparer.SCHOOL: ("学校", "the school"),
    Preparer.STAFF_MEMBER: ("職員本人", "the staff member"),
}
#: How a document is given online, in words (Japanese, English): context ``document.online``.
ONLINE_TEXTS: dict[OnlineDelivery, tuple[str, str]] = {
    OnlineDelivery.UPLOAD: ("オンライン申請に添付", "attached to the online application"),
    OnlineDelivery.SHOWN_LATER: (
        "在留カードの受領時に窓口で提示",
        "shown at the counter when the card is collected",
    ),
    OnlineDelivery.MAILED: ("郵送", "sent by post"),
    OnlineDelivery.NOT_NEEDED: (
        "オンライン申請では不要（窓口申請のみ）",
        "not needed online (a paper filing only)",
    ),
    OnlineDelivery.ELSEWHERE: (
        "出入国在留管理庁ではなく他の機関（市区町村等）に提出",
        "filed with another office (a municipality), not with the agency",
    ),
}
#: How firmly a document is needed, in words (Japanese, English): context ``document.level``.
LEVEL_TEXTS: dict[Level, tuple[str, str]] = {
    Level.REQUIRED: ("必要", "required"),
    Level.CONDITIONAL: (
        "条件の文言に当たる場合に必要",
        "needed when the circumstance its condition describes applies",
    ),
}


class SpecifiedSkillField(CatalogEnum):
    """The industry fields of 特定技能 (as of 2024-03-29: sixteen)."""

    NURSING_CARE = ("nursing_care", "介護", "Nursing care")
    BUILDING_CLEANING = ("building_cleaning", "ビルクリーニング", "Building cleaning")
    INDUSTRIAL_PRODUCTS = (
        "industrial_products",
        "工業製品製造業",
        "Industrial products manufacturing",
    )
    CONSTRUCTION = ("construction", "建設", "Construction")
    SHIPBUILDING = ("shipbuilding", "造船・舶用工業", "Shipbuilding and ship machinery")
    AUTOMOBILE_REPAIR = ("automobile_repair", "自動車整備", "Automobile repair and maintenance")
    AVIATION = ("aviation", "航空", "Aviation")
    ACCOMMODATION = ("accommodation", "宿泊", "Accommodation")
    AGRICULTURE = ("agriculture", "農業", "Agriculture")
    FISHERY = ("fishery", "漁業", "Fishery and aquaculture")
    FOOD_MANUFACTURING = (
        "food_manufacturing",
        "飲食料品製造業",
        "Manufacture of food and beverages",
    )
    FOOD_SERVICE = ("food_service", "外食業", "Food service")
    AUTOMOBILE_TRANSPORT = ("automobile_transport", "自動車運送業", "Automobile transportation")
    RAILWAY = ("railway", "鉄道", "Railway")
    FORESTRY = ("forestry", "林業", "Forestry")
    WOOD_INDUSTRY = ("wood_industry", "木材産業", "Wood industry")


class Fact(str, enum.Enum):
    """A fact a document depends on; the value is the parameter that gives it."""

    EMPLOYER_CATEGORY = "employer_category"
    NATIONALITY = "nationality"
    CHANNEL = "channel"
    APPLICANT_AGE = "applicant_age"
    DISPATCHED = "dispatched"
    LANGUAGE_INTERPERSONAL_WORK = "language_interpersonal_work"
    SAME_WORK_CONTINUES = "same_work_continues"
    FIRST_EXTENSION_AFTER_JOB_CHANGE = "first_extension_after_job_change"
    SENMONSHI_ROUTE = "senmonshi_route"
    FIRST_SSW_ACCEPTANCE = "first_ssw_acceptance"
    SSW_FIELD = "ssw_field"
    SUPPORT_OUTSOURCED = "support_outsourced"
    NATIONAL_HEALTH_INSURANCE = "national_health_insurance"
    NATIONAL_PENSION = "national_pension"
    PUBLIC_DUES_ARREARS = "public_dues_arrears"
    SEVERAL_APPLICANTS = "several_applicants"
    SPONSOR_WORKING = "sponsor_working"
    RELATIONSHIP = "relationship"
    HOLDS_AGENT_CERTIFICATE = "holds_agent_certificate"
    REQUEST_ONLINE = "request_online"


@attrs.frozen
class Condition:
    """A document applies when ``fact`` has one of ``values``.

    Values are codes: ``"yes"``/``"no"`` for a yes-or-no fact, ``"1"``-``"4"``
    for the employer category, ISO 3166 alpha-2 codes for a nationality,
    catalog codes otherwise.
    """

    fact: Fact
    values: tuple[str, ...]


@attrs.frozen(kw_only=True)
class DocumentRow(DatedRule):
    """One document of one table, as the agency's lists give it."""

    id: str
    kinds: tuple[ApplicationKind, ...]
    name_ja: str
    name_en: str
    prepared_by: Preparer
    online: OnlineDelivery = OnlineDelivery.UPLOAD
    level: Level = Level.REQUIRED
    when: tuple[Condition, ...] = ()
    condition_ja: str = "全員"
    condition_en: str = "everyone"
    note_ja: str = ""
    note_en: str = ""
    except_statuses: tuple[StatusOfResidence, ...] = ()
    seen: date = DOCUMENTS_SEEN


@attrs.frozen(kw_only=True)
class OrganizationRow(DocumentRow):
    """A document of the organization's own request (利用申出) or periodic report."""

    requests: tuple[str, ...]
    roles: tuple[ApplicantRole, ...]


@attrs.frozen(kw_only=True)
class Document:
    """One document of a checklist, with where the rule comes from."""

    id: str
    name_ja: str
    name_en: str
    prepared_by: Preparer
    online: OnlineDelivery
    level: Level
    condition_ja: str
    condition_en: str
    conditions: tuple[Condition, ...]
    note_ja: str
    note_en: str
    effective: Effective
    seen: date
    sources: tuple[Source, ...]
    confidence: Confidence

    def name(self, lang: str = "ja", *, japanese: bool = True) -> str:
        """The document's name in ``lang`` (a BCP 47 tag).

        In every language but Japanese the official Japanese name follows the
        translation in parentheses, because the person asks for the document,
        and finds it on the agency's lists, by that name (``japanese=False``:
        the translation alone).  A language whose catalogue lacks the name
        shows the English.
        """
        return official_name(self.name_ja, lang, japanese=japanese)

    def condition(self, lang: str = "ja") -> str:
        """When the document is needed, in words, in ``lang`` (``"全員"``: everyone)."""
        return shown(CONTEXT_CONDITION, self.condition_ja, lang)

    def note(self, lang: str = "ja") -> str:
        """The document's note in ``lang`` (empty when it has none)."""
        return shown(CONTEXT_NOTE, self.note_ja, lang) if self.note_ja else ""


@attrs.frozen(kw_only=True)
class Question:
    """A fact the caller did not give, and the documents its answer decides.

    ``id`` is stable (``documents.<parameter>``); ``parameter`` names the
    keyword argument that answers it; ``choices`` lists the accepted codes
    (empty when any value of the parameter's type is accepted).
    """

    id: str
    parameter: str
    ja: str
    en: str
    choices: tuple[str, ...]
    decides: tuple[str, ...]
    template: str = ""
    """The Japanese template ``ja`` was filled from, when it holds numbers
    (the catalogues' msgid); empty when ``ja`` is the msgid itself."""
    params: Params = ()
    """The numbers ``template`` was filled with, by placeholder name."""

    def text(self, lang: str = "ja") -> str:
        """The question in ``lang`` (a BCP 47 tag), numbers written the language's way.

        >>> q = Question(id="documents.channel", parameter="channel", ja="窓口とオンラインの"
        ...     "どちらで申請するか？", en="", choices=(), decides=())
        >>> q.text("en-US")
        'Is the application filed at a counter or online?'
        """
        return shown(CONTEXT_QUESTION, self.template or self.ja, lang, self.params)


@attrs.frozen(kw_only=True)
class PrerequisiteRow(DatedRule):
    """Something that must be true before a request can be made."""

    id: str
    parameter: str
    ja: str
    en: str
    roles: tuple[ApplicantRole, ...]
    requests: tuple[str, ...]
    seen: date = DOCUMENTS_SEEN


@attrs.frozen(kw_only=True)
class Prerequisite:
    """A prerequisite, and whether the caller said it is met (``None``: not said)."""

    id: str
    parameter: str
    ja: str
    en: str
    met: bool | None
    seen: date
    sources: tuple[Source, ...]
    confidence: Confidence

    def text(self, lang: str = "ja") -> str:
        """The prerequisite in ``lang`` (a BCP 47 tag)."""
        return shown(CONTEXT_PREREQUISITE, self.ja, lang)


@attrs.frozen(kw_only=True)
class Checklist:
    """The documents to attach, the ones still open, and what decides them.

    ``documents`` apply on the facts given; ``pending`` may apply, and each
    is named in the ``decides`` of a :class:`Question`.  The lists are the
    agency's minimum: it may ask for more (``notice_ja``/``notice_en``).
    """

    kind: ApplicationKind | None
    status: StatusOfResidence | None
    role: ApplicantRole | None
    on: date
    documents: tuple[Document, ...]
    pending: tuple[Document, ...]
    questions: tuple[Question, ...]
    prerequisites: tuple[Prerequisite, ...] = ()
    notice_ja: str
    notice_en: str

    @property
    def complete(self) -> bool:
        """True when no question is open (every document is decided)."""
        return not self.questions

    @property
    def sources(self) -> tuple[Source, ...]:
        """The sources of every document and prerequisite, each once."""
        seen: dict[str, Source] = {}
        groups: list[tuple[Source, ...]] = [d.sources for d in (*self.documents, *self.pending)]
        groups += [p.sources for p in self.prerequisites]
        for group in groups:
            for s in group:
                seen.setdefault(s.id, s)
        return tuple(seen.values())

    @property
    def confidence(self) -> Confidence:
        """The weakest confidence among the checklist's sources."""
        return Confidence.weakest(s.confidence for s in self.sources)

    def notice(self, lang: str = "ja") -> str:
        """The notice that the lists are the agency's minimum, in ``lang``."""
        return shown(CONTEXT_NOTICE, self.notice_ja, lang)

    def question(self, parameter: str) -> Question | None:
        """The open question answered by ``parameter``, if any."""
        return next((q for q in self.questions if q.parameter == parameter), None)

    def ids(self) -> tuple[str, ...]:
        """The ids of the documents that apply, in order."""
        return tuple(d.id for d in self.documents)

    def by_preparer(self) -> dict[Preparer, tuple[Document, ...]]:
        """The documents that apply, grouped by who prepares them (in table order).

        An HR team filing for many employees prepares the ``employer`` group
        once and asks each applicant for theirs.
        """
        groups: dict[Preparer, list[Document]] = {}
        for d in self.documents:
            groups.setdefault(d.prepared_by, []).append(d)
        return {k: tuple(v) for k, v in groups.items()}

    def rows(self, lang: str | None = None) -> tuple[dict[str, str], ...]:
        """One flat row of text per document (applying, then pending), for a spreadsheet.

        Columns: ``state`` (``required``, ``conditional`` or ``pending``),
        ``id``, ``name_ja``, ``name_en``, ``prepared_by``, ``online``,
        ``condition_ja``, ``condition_en``, ``decided_by`` (the question ids
        of a pending document), ``effective``, ``seen``, ``confidence``,
        ``sources`` (ids, space-separated).  With ``lang`` (a BCP 47 tag),
        three more: ``name``, ``condition`` and ``note`` in that language
        (:meth:`Document.name`, :meth:`Document.condition`, :meth:`Document.note`).
        """
        deciding: dict[str, list[str]] = {}
        for q in self.questions:
            for doc_id in q.decides:
                deciding.setdefault(doc_id, []).append(q.id)
        out: list[dict[str, str]] = []
        for state, docs in (("", self.documents), ("pending", self.pending)):
            for d in docs:
                out.append(
                    {
                        "state": state or d.level.value,
                        "id": d.id,
                        "name_ja": d.name_ja,
                        "name_en": d.name_en,
                        "prepared_by": d.prepared_by.value,
                        "online": d.online.value,
                        "condition_ja": d.condition_ja,
                        "condition_en": d.condition_en,
                        "decided_by": " ".join(deciding.get(d.id, ())) if state else "",
                        "effective": str(d.effective),
                        "seen": d.seen.isoformat(),
                        "confidence": d.confidence.value,
                        "sources": " ".join(s.id for s in d.sources),
                    }
                )
                if lang is not None:
                    out[-1]["name"] = d.name(lang)
                    out[-1]["condition"] = d.condition(lang)
                    out[-1]["note"] = d.note(lang)
        return tuple(out)


@attrs.frozen(kw_only=True)
class EmployerCategory:
    """The category (1-4) of the receiving organization, with the reason.

    ``category`` is ``None`` when the facts given do not decide it; the
    ``questions`` then say which argument would.
    """

    category: int | None
    on: date
    reason_ja: str
    reason_en: str
    proof_ja: str
    proof_en: str
    threshold_yen: int
    questions: tuple[Question, ...]
    sources: tuple[Source, ...]
    reason_template: str = ""
    """The Japanese template ``reason_ja`` was filled from, when it holds
    amounts (the catalogues' msgid); empty when ``reason_ja`` is the msgid."""
    reason_params: Params = ()
    """The yen amounts ``reason_template`` was filled with, by placeholder name."""

    def reason(self, lang: str = "ja") -> str:
        """Why the organization has its category, in ``lang`` (a BCP 47 tag).

        Amounts are written with the language's digit grouping.
        """
        return shown(
            CONTEXT_CATEGORY_REASON,
            self.reason_template or self.reason_ja,
            lang,
            self.reason_params,
        )

    def proof(self, lang: str = "ja") -> str:
        """What proves the category, in ``lang`` (empty when nothing does yet)."""
        return shown(CONTEXT_CATEGORY_PROOF, self.proof_ja, lang) if self.proof_ja else ""

    @property
    def confidence(self) -> Confidence:
        """The weakest confidence among the sources."""
        return Confidence.weakest(s.confidence for s in self.sources)


@attrs.frozen(kw_only=True)
class AfterFilingRow(DatedRule):
    """What a person needs to know once an application is in."""

    id: str
    kinds: tuple[ApplicationKind, ...]
    channels: tuple[Channel, ...]
    topic_ja: str
    topic_en: str
    ja: str
    en: str
    seen: date = DOCUMENTS_SEEN


@attrs.frozen(kw_only=True)
class AfterFilingStep:
    """One thing to know after filing, with its source."""

    id: str
    topic_ja: str
    topic_en: str
    ja: str
    en: str
    effective: Effective
    seen: date
    sources: tuple[Source, ...]
    confidence: Confidence

    def topic(self, lang: str = "ja") -> str:
        """The step's topic in ``lang`` (a BCP 47 tag)."""
        return shown(CONTEXT_AFTER_FILING_TOPIC, self.topic_ja, lang)

    def text(self, lang: str = "ja") -> str:
        """What to know, in ``lang`` (a BCP 47 tag)."""
        return shown(CONTEXT_AFTER_FILING, self.ja, lang)
