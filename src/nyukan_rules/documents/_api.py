"""Which documents to attach: the public functions over the document tables."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from nyukan_rules._args import ensure_bool, ensure_int, type_name
from nyukan_rules.catalog import ApplicantRole, ApplicationKind, Channel, StatusOfResidence
from nyukan_rules.dates import ensure_date
from nyukan_rules.documents._i18n import Params
from nyukan_rules.documents._model import (
    AfterFilingStep,
    Checklist,
    Condition,
    Document,
    DocumentRow,
    EmployerCategory,
    Fact,
    Level,
    Prerequisite,
    Question,
    SpecifiedSkillField,
)
from nyukan_rules.documents._tables import (
    AFTER_FILING,
    CATEGORY_2020,
    CATEGORY_THRESHOLDS,
    COMMON_DOCUMENTS,
    COVERAGE,
    DOCUMENT_TABLES,
    ORG_ROLES,
    ORGANIZATION_DOCUMENTS,
    ORGANIZATION_PREREQUISITES,
)
from nyukan_rules.errors import ArgumentTypeError, ArgumentValueError, NoRuleError, UnknownNameError
from nyukan_rules.rules import in_force
from nyukan_rules.sources import sources

__all__ = [
    "NOTICE_EN",
    "NOTICE_JA",
    "after_filing",
    "employer_category",
    "organization_request_checklist",
    "required_documents",
]

NOTICE_JA = (
    "これは出入国在留管理庁が示す最低限の提出書類の一覧です。審査の過程で追加の資料を"
    "求められることがあります。このライブラリは情報を提供するものであり、報酬を得て書類を"
    "作成するものではありません。"
)
NOTICE_EN = (
    "These are the agency's minimum lists: it may ask for more documents during the"
    " examination. This library informs; it does not prepare documents for a fee."
)

_YES_NO = ("yes", "no")

#: The question each fact asks: Japanese, English, accepted codes.
_QUESTIONS: dict[Fact, tuple[str, str, tuple[str, ...]]] = {
    Fact.EMPLOYER_CATEGORY: (
        "所属機関のカテゴリー（1〜4）は？（employer_category() で判定できる）",
        "Which category (1-4) is the organization? (employer_category() decides it)",
        ("1", "2", "3", "4"),
    ),
    Fact.NATIONALITY: (
        "申請人の国籍は？（ISO 3166 の2文字又は3文字コード）",
        "What is the applicant's nationality? (ISO 3166 alpha-2 or alpha-3 code)",
        (),
    ),
    Fact.CHANNEL: (
        "窓口とオンラインのどちらで申請するか？",
        "Is the application filed at a counter or online?",
        ("counter", "online"),
    ),
    Fact.APPLICANT_AGE: (
        "申請人の年齢は？（写真の要否が決まる）",
        "How old is the applicant? (it decides whether a photo is needed)",
        (),
    ),
    Fact.DISPATCHED: (
        "申請人は派遣労働者として就労するか？",
        "Will the applicant work as a dispatched worker?",
        _YES_NO,
    ),
    Fact.LANGUAGE_INTERPERSONAL_WORK: (
        "主な業務は言語能力を用いた対人業務（翻訳・通訳・接客等）か？",
        "Is the job mainly interpersonal work using language (translation, interpreting,"
        " customer service, ...)?",
        _YES_NO,
    ),
    Fact.SAME_WORK_CONTINUES: (
        "従前と同種の業務を継続するか？",
        "Does the person continue the same kind of work as before?",
        _YES_NO,
    ),
    Fact.FIRST_EXTENSION_AFTER_JOB_CHANGE: (
        "転職後初めての更新申請か？",
        "Is this the first extension after a change of job?",
        _YES_NO,
    ),
    Fact.SENMONSHI_ROUTE: (
        "学歴要件を本邦の専修学校の修了（専門士・高度専門士）で満たすか？",
        "Is the education requirement met through a Japanese vocational school (senmonshi)?",
        _YES_NO,
    ),
    Fact.FIRST_SSW_ACCEPTANCE: (
        "所属機関が特定技能外国人を受け入れるのは初めてか？",
        "Is this the organization's first specified skilled worker?",
        _YES_NO,
    ),
    Fact.SSW_FIELD: (
        "特定技能の分野は？",
        "Which specified skilled worker field?",
        tuple(f.value for f in SpecifiedSkillField),
    ),
    Fact.SUPPORT_OUTSOURCED: (
        "支援の全部を登録支援機関に委託するか？",
        "Is the support wholly outsourced to a registered support organization?",
        _YES_NO,
    ),
    Fact.NATIONAL_HEALTH_INSURANCE: (
        "申請人は国民健康保険に加入している（いた）か？",
        "Is (or was) the applicant enrolled in National Health Insurance?",
        _YES_NO,
    ),
    Fact.NATIONAL_PENSION: (
        "申請人は国民年金に加入している（いた）か？",
        "Is (or was) the applicant enrolled in the National Pension?",
        _YES_NO,
    ),
    Fact.PUBLIC_DUES_ARREARS: (
        "税・保険料の未納や猶予があるか？",
        "Are any taxes or premiums unpaid or deferred?",
        _YES_NO,
    ),
    Fact.SEVERAL_APPLICANTS: (
        "同じ所属機関の複数の申請人をまとめて申請するか？",
        "Are several applicants of one organization filed together?",
        _YES_NO,
    ),
    Fact.SPONSOR_WORKING: (
        "扶養者は就労又は事業を営んでいるか？",
        "Does the supporter work or run a business?",
        _YES_NO,
    ),
    Fact.RELATIONSHIP: (
        "申請人は配偶者か子か？",
        "Is the applicant the spouse or the child?",
        ("spouse", "child"),
    ),
    Fact.HOLDS_AGENT_CERTIFICATE: (
        "職員は申請等取次者証明書を持っているか？",
        "Does the staff member hold an application-agent certificate?",
        _YES_NO,
    ),
    Fact.REQUEST_ONLINE: (
        "利用申出をオンラインで行うか？",
        "Is the request made online?",
        _YES_NO,
    ),
}

#: Why an organization is in category 1: the words for each flag given.
_CATEGORY_ONE_WHY = (
    ("上場企業", "listed"),
    ("公的機関", "a public body"),
    ("認定企業等", "certified"),
)


def _category_one(flags: tuple[bool, bool, bool]) -> tuple[str, str]:
    why = [pair for pair, flag in zip(_CATEGORY_ONE_WHY, flags, strict=True) if flag]
    return (
        f"カテゴリー1（{'・'.join(ja for ja, _ in why)}）",
        f"category 1 ({', '.join(en for _, en in why)})",
    )


def _category_one_key(flags: tuple[bool, bool, bool]) -> str:
    return "reason.1." + "+".join(
        en for (_, en), flag in zip(_CATEGORY_ONE_WHY, flags, strict=True) if flag
    )


#: The texts of :func:`employer_category` (Japanese, English), by key: reasons,
#: proofs and questions.  ``{threshold}`` and ``{tax}`` are yen amounts, filled
#: in with the language's digit grouping (``EmployerCategory.reason(lang)``).
CATEGORY_TEXTS: dict[str, tuple[str, str]] = {
    **{
        _category_one_key((a, b, c)): _category_one((a, b, c))
        for a, b, c in itertools.product((True, False), repeat=3)
        if a or b or c
    },
    "reason.2.tax": (
        "カテゴリー2（源泉徴収税額 {tax}円 ≥ {threshold}円）",
        "category 2 (withholding tax {tax} yen ≥ {threshold} yen)",
    ),
    "reason.2.approved": (
        "カテゴリー2（在留申請オンラインシステムの利用申出の承認）",
        "category 2 (an approved request to use the online system)",
    ),
    "reason.4": (
        "カテゴリー4（法定調書合計表の提出なし）",
        "category 4 (no statutory withholding summary filed)",
    ),
    "reason.2_or_3": (
        "カテゴリー2又は3（未回答の質問による）",
        "category 2 or 3 (depends on the open questions)",
    ),
    "reason.3": (
        "カテゴリー3（法定調書合計表を提出）",
        "category 3 (statutory withholding summary filed)",
    ),
    "reason.undecided": (
        "未判定（源泉徴収税額又は法定調書合計表の提出の有無による）",
        "not decided (depends on the withholding tax or whether the summary was filed)",
    ),
    "proof.1": (
        "四季報の写し、上場を証明する文書、設立許可の写し又は認定証の写し等",
        "A copy of the Shikiho or other proof of listing, of the founding permit"
        " or of the certification",
    ),
    "proof.2_3": (
        "前年分の給与所得の源泉徴収票等の法定調書合計表の写し",
        "A copy of the previous year's statutory withholding summary",
    ),
    "proof.2.approved": (
        "利用申出の承認を受けていることを証する資料（承認のお知らせメール等）",
        "Proof of the approval (the approval e-mail)",
    ),
    "proof.4": (
        "法定調書合計表を提出できない理由を明らかにする資料",
        "A document showing why the summary cannot be given",
    ),
    "question.withholding_tax_yen": (
        "前年分の源泉徴収税額は？（{threshold}円以上ならカテゴリー2）",
        "How much tax was withheld last year? ({threshold} yen or more: category 2)",
    ),
    "question.online_approved": (
        "在留申請オンラインシステムの利用申出の承認を受けているか？（受けていればカテゴリー2）",
        "Is the organization's request to use the online system approved? (yes: category 2)",
    ),
    "question.withholding_tax_yen.summary": (
        "前年分の法定調書合計表の源泉徴収税額は？（{threshold}円以上ならカテゴリー2）",
        "How much tax does last year's statutory withholding summary show?"
        " ({threshold} yen or more: category 2)",
    ),
    "question.filed_withholding_summary": (
        "前年分の法定調書合計表を提出したか？（提出していなければカテゴリー4）",
        "Was last year's statutory withholding summary filed? (no: category 4)",
    ),
}


def question_texts() -> tuple[tuple[str, str], ...]:
    """The (Japanese, English) of every question :func:`required_documents` asks."""
    return tuple((ja, en) for ja, en, _ in _QUESTIONS.values())


def prerequisite_question(ja: str, en: str) -> tuple[str, str]:
    """The question asking whether a prerequisite (Japanese, English) is met."""
    return ja + "か？", en + "?"


# ISO 3166 codes and names of the countries a document rule names.
_COUNTRIES: dict[str, tuple[str, ...]] = {
    "PH": ("PHL", "フィリピン", "Philippines"),
    "NP": ("NPL", "ネパール", "Nepal"),
    "VN": ("VNM", "ベトナム", "Viet Nam", "Vietnam"),
    "ID": ("IDN", "インドネシア", "Indonesia"),
    "MM": ("MMR", "ミャンマー", "Myanmar"),
    "CN": ("CHN", "中国", "中華人民共和国", "China"),
}
_COUNTRY_NAMES = {
    name.casefold(): code for code, names in _COUNTRIES.items() for name in (code, *names)
}
_CODE = re.compile(r"[A-Za-z]{2,3}")


def _nationality(value: object) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise ArgumentTypeError(
            f"nationality must be a str, not {type_name(value)}",
            **_wrong_type("nationality", value, "str"),
        )
    text = value.strip()
    found = _COUNTRY_NAMES.get(text.casefold())
    if found is not None:
        return found
    if _CODE.fullmatch(text):
        return text.upper()
    raise UnknownNameError(
        "nationality", value[:200], choices=("an ISO 3166 alpha-2 or alpha-3 code",)
    )


def _wrong_type(name: str, value: object, expected: str) -> dict[str, Any]:
    """The code and params of an :class:`ArgumentTypeError`: names and types, never the value."""
    return {
        "code": "argument.type",
        "params": {"name": name, "expected": expected, "given": type(value).__name__},
    }


def _yes_no(value: object, name: str) -> str | None:
    if value is None:
        return None
    return "yes" if ensure_bool(value, name) else "no"


def _category(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, EmployerCategory):
        return None if value.category is None else str(value.category)
    if isinstance(value, str) and value.strip() in ("1", "2", "3", "4"):
        return value.strip()
    if isinstance(value, int) and not isinstance(value, bool):
        return str(ensure_int(value, "employer_category", minimum=1, maximum=4))
    raise ArgumentTypeError(
        "employer_category must be 1-4 or an EmployerCategory, not " + type_name(value),
        **_wrong_type("employer_category", value, "1-4 / EmployerCategory"),
    )


def _relationship(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, str) and value.strip().casefold() in ("spouse", "child", "配偶者", "子"):
        key = value.strip().casefold()
        return "spouse" if key in ("spouse", "配偶者") else "child"
    if not isinstance(value, str):
        raise ArgumentTypeError(
            f"relationship must be a str, not {type_name(value)}",
            **_wrong_type("relationship", value, "str"),
        )
    raise UnknownNameError("relationship", value[:200], choices=("spouse", "child"))


def _document(row: DocumentRow, *, level: Level | None = None) -> Document:
    found = row.sources
    return Document(
        id=row.id,
        name_ja=row.name_ja,
        name_en=row.name_en,
        prepared_by=row.prepared_by,
        online=row.online,
        level=level or row.level,
        condition_ja=row.condition_ja,
        condition_en=row.condition_en,
        conditions=row.when,
        note_ja=row.note_ja,
        note_en=row.note_en,
        effective=row.effective,
        seen=row.seen,
        sources=found,
        confidence=row.confidence,
    )


def _holds(condition: Condition, facts: dict[Fact, str | None]) -> bool | None:
    value = facts.get(condition.fact)
    if value is None:
        return None
    return value in condition.values


def _build(
    rows: Iterable[DocumentRow], facts: dict[Fact, str | None]
) -> tuple[tuple[Document, ...], tuple[Document, ...], tuple[Question, ...]]:
    documents: list[Document] = []
    pending: list[Document] = []
    deciding: dict[Fact, list[str]] = {}
    for row in rows:
        answers = [(c.fact, _holds(c, facts)) for c in row.when]
        if any(answer is False for _, answer in answers):
            continue
        unknown = [fact for fact, answer in answers if answer is None]
        if unknown:
            pending.append(_document(row))
            for fact in unknown:
                ids = deciding.setdefault(fact, [])
                if row.id not in ids:
                    ids.append(row.id)
        else:
            documents.append(_document(row))
    questions = tuple(
        Question(
            id=f"documents.{fact.value}",
            parameter=fact.value,
            ja=_QUESTIONS[fact][0],
            en=_QUESTIONS[fact][1],
            choices=_QUESTIONS[fact][2],
            decides=tuple(ids),
        )
        for fact, ids in sorted(deciding.items(), key=lambda item: list(Fact).index(item[0]))
    )
    return tuple(documents), tuple(pending), questions


def _photo_fact(
    kind: ApplicationKind, status: StatusOfResidence, on: date, age: object
) -> str | None:
    if age is None:
        return None
    years = ensure_int(age, "applicant_age", minimum=0, maximum=150)
    from nyukan_rules.files.photo import photo_required

    needed = photo_required(kind, on=on, applicant_age=years, desired_status=status)
    return "photo_required" if needed else "exempt"


def required_documents(
    kind: ApplicationKind | str,
    status: StatusOfResidence | str,
    *,
    on: date | str,
    employer_category: int | EmployerCategory | None = None,
    nationality: str | None = None,
    channel: Channel | str | None = None,
    applicant_age: int | None = None,
    dispatched: bool | None = None,
    language_interpersonal_work: bool | None = None,
    same_work_continues: bool | None = None,
    first_extension_after_job_change: bool | None = None,
    senmonshi_route: bool | None = None,
    first_ssw_acceptance: bool | None = None,
    ssw_field: SpecifiedSkillField | str | None = None,
    support_outsourced: bool | None = None,
    national_health_insurance: bool | None = None,
    national_pension: bool | None = None,
    public_dues_arrears: bool | None = None,
    several_applicants: bool | None = None,
    sponsor_working: bool | None = None,
    relationship: str | None = None,
    include_single_source: bool = False,
) -> Checklist:
    """The documents to attach to one application filed on ``on``.

    ``kind`` is a certificate of eligibility, a change or an extension;
    ``status`` the status applied for (see :data:`COVERAGE`).  Every other
    argument is a fact a document depends on; one left ``None`` is not
    guessed: the documents it decides are listed in ``pending`` and a
    :class:`Question` names the argument (``checklist.questions``).  Rows
    resting on a single source join only with ``include_single_source=True``.
    A status or procedure the tables do not cover raises
    :class:`~nyukan_rules.NoRuleError`.

    >>> c = required_documents("extension_of_period", "技術・人文知識・国際業務",
    ...     on="2026-11-23", employer_category=1, applicant_age=30)
    >>> c.ids()
    ('common.application_form', 'common.photo', 'common.passport_and_card_shown', \
'gijinkoku.category_proof')
    >>> c.complete
    True
    """
    kind = ApplicationKind.parse(kind)
    status = StatusOfResidence.parse(status)
    day = ensure_date(on, "on")
    include = ensure_bool(include_single_source, "include_single_source")
    covered = COVERAGE.get(status)
    if covered is None or kind not in covered:
        listed = ", ".join(
            f"{s.ja} ({'/'.join(k.value for k in ks)})" for s, ks in COVERAGE.items()
        )
        raise NoRuleError(
            f"no document list for {kind.value} under {status.value}; covered: {listed}",
            code="documents.no_list",
            params={"kind": kind.value, "status": status.value},
        )
    field = None if ssw_field is None else SpecifiedSkillField.parse(ssw_field).value
    facts: dict[Fact, str | None] = {
        Fact.EMPLOYER_CATEGORY: _category(employer_category),
        Fact.NATIONALITY: _nationality(nationality),
        Fact.CHANNEL: None if channel is None else Channel.parse(channel).value,
        Fact.APPLICANT_AGE: _photo_fact(kind, status, day, applicant_age),
        Fact.DISPATCHED: _yes_no(dispatched, "dispatched"),
        Fact.LANGUAGE_INTERPERSONAL_WORK: _yes_no(
            language_interpersonal_work, "language_interpersonal_work"
        ),
        Fact.SAME_WORK_CONTINUES: _yes_no(same_work_continues, "same_work_continues"),
        Fact.FIRST_EXTENSION_AFTER_JOB_CHANGE: _yes_no(
            first_extension_after_job_change, "first_extension_after_job_change"
        ),
        Fact.SENMONSHI_ROUTE: _yes_no(senmonshi_route, "senmonshi_route"),
        Fact.FIRST_SSW_ACCEPTANCE: _yes_no(first_ssw_acceptance, "first_ssw_acceptance"),
        Fact.SSW_FIELD: field,
        Fact.SUPPORT_OUTSOURCED: _yes_no(support_outsourced, "support_outsourced"),
        Fact.NATIONAL_HEALTH_INSURANCE: _yes_no(
            national_health_insurance, "national_health_insurance"
        ),
        Fact.NATIONAL_PENSION: _yes_no(national_pension, "national_pension"),
        Fact.PUBLIC_DUES_ARREARS: _yes_no(public_dues_arrears, "public_dues_arrears"),
        Fact.SEVERAL_APPLICANTS: _yes_no(several_applicants, "several_applicants"),
        Fact.SPONSOR_WORKING: _yes_no(sponsor_working, "sponsor_working"),
        Fact.RELATIONSHIP: _relationship(relationship),
    }
    rows = [
        row
        for row in in_force(
            (*COMMON_DOCUMENTS, *DOCUMENT_TABLES[status]), day, include_single_source=include
        )
        if kind in row.kinds and status not in row.except_statuses
    ]
    documents, pending, questions = _build(rows, facts)
    return Checklist(
        kind=kind,
        status=status,
        role=None,
        on=day,
        documents=documents,
        pending=pending,
        questions=questions,
        notice_ja=NOTICE_JA,
        notice_en=NOTICE_EN,
    )


def _threshold(day: date) -> tuple[int, tuple[str, ...]]:
    for effective, yen, ids in CATEGORY_THRESHOLDS:
        if effective.contains(day):
            return yen, ids
    raise NoRuleError(  # pragma: no cover
        f"no category threshold on {day.isoformat()}",
        code="documents.no_category_threshold",
        params={"on": day.isoformat()},
    )


def _filled(template: str, params: Params) -> str:
    """``template`` with each yen amount written with digit grouping (Japanese and English)."""
    return (
        template.format_map({name: f"{value:,}" for name, value in params}) if params else template
    )


def _category_question(
    parameter: str, key: str, choices: Sequence[str], threshold: int
) -> Question:
    ja, en = CATEGORY_TEXTS[key]
    params: Params = (("threshold", threshold),) if "{threshold}" in ja else ()
    return Question(
        id=f"documents.category.{parameter}",
        parameter=parameter,
        ja=_filled(ja, params),
        en=_filled(en, params),
        choices=tuple(choices),
        decides=("employer_category",),
        template=ja if params else "",
        params=params,
    )


def employer_category(
    *,
    listed: bool = False,
    public_body: bool = False,
    certified: bool = False,
    withholding_tax_yen: int | None = None,
    filed_withholding_summary: bool | None = None,
    online_approved: bool | None = None,
    on: date | str,
) -> EmployerCategory:
    """The category (1-4) of the receiving organization on ``on``.

    1: ``listed`` on a Japanese stock exchange, a ``public_body`` (state,
    local government, independent administrative agency, public corporation)
    or ``certified`` (an innovation company or one with a listed
    certification such as Youth Yell or Kurumin; counted from 2020-01-06).
    2: withholding tax of ``withholding_tax_yen`` on the previous year's
    法定調書合計表 at or above the threshold (15 million yen until 2020-01-05,
    10 million from 2020-01-06), or an ``online_approved`` 利用申出 (not for a
    category-4 body).  3: the summary was filed.  4: none of these.
    A fact left ``None`` that would decide between categories gives
    ``category=None`` and a question, never a guess.

    >>> employer_category(withholding_tax_yen=12_000_000, on="2026-11-23").category
    2
    >>> employer_category(withholding_tax_yen=12_000_000, on="2019-12-01").questions[0].parameter
    'online_approved'
    """
    day = ensure_date(on, "on")
    listed = ensure_bool(listed, "listed")
    public_body = ensure_bool(public_body, "public_body")
    certified = ensure_bool(certified, "certified")
    tax = (
        None
        if withholding_tax_yen is None
        else ensure_int(withholding_tax_yen, "withholding_tax_yen", minimum=0)
    )
    filed = (
        None
        if filed_withholding_summary is None
        else ensure_bool(filed_withholding_summary, "filed_withholding_summary")
    )
    approved = None if online_approved is None else ensure_bool(online_approved, "online_approved")
    threshold, threshold_ids = _threshold(day)
    ids: list[str] = ["docs-category-table"]
    questions: list[Question] = []
    category: int | None
    reason_key, proof_key = "", ""
    numbers: dict[str, int] = {"threshold": threshold}
    if listed or public_body or (certified and day >= CATEGORY_2020):
        category = 1
        flags = (listed, public_body, certified)
        reason_key = _category_one_key(flags)
        proof_key = "proof.1"
        if certified and not (listed or public_body):
            ids.append("docs-category-2020")
    else:
        if tax is not None and tax >= threshold:
            category = 2
            reason_key, proof_key = "reason.2.tax", "proof.2_3"
            numbers["tax"] = tax
            ids += threshold_ids
        elif approved and (tax is not None or filed):
            category = 2
            reason_key, proof_key = "reason.2.approved", "proof.2.approved"
            ids.append("docs-category-online-approval")
        elif filed is False and tax is None:
            category = 4
            reason_key, proof_key = "reason.4", "proof.4"
            ids.append("docs-category-4-proof")
        elif tax is not None or filed:
            if tax is None:
                questions.append(
                    _category_question(
                        "withholding_tax_yen", "question.withholding_tax_yen", (), threshold
                    )
                )
                ids += threshold_ids
            if approved is None:
                questions.append(
                    _category_question(
                        "online_approved", "question.online_approved", _YES_NO, threshold
                    )
                )
                ids.append("docs-category-online-approval")
            if questions:
                category = None
                reason_key = "reason.2_or_3"
            else:
                category = 3
                reason_key, proof_key = "reason.3", "proof.2_3"
        else:
            category = None
            reason_key = "reason.undecided"
            questions.append(
                _category_question(
                    "withholding_tax_yen", "question.withholding_tax_yen.summary", (), threshold
                )
            )
            questions.append(
                _category_question(
                    "filed_withholding_summary",
                    "question.filed_withholding_summary",
                    _YES_NO,
                    threshold,
                )
            )
            ids += threshold_ids
    reason = CATEGORY_TEXTS[reason_key]
    proof = CATEGORY_TEXTS[proof_key] if proof_key else ("", "")
    params = tuple(
        (name, value) for name, value in numbers.items() if "{" + name + "}" in reason[0]
    )
    return EmployerCategory(
        category=category,
        on=day,
        reason_ja=_filled(reason[0], params),
        reason_en=_filled(reason[1], params),
        proof_ja=proof[0],
        proof_en=proof[1],
        threshold_yen=threshold,
        questions=tuple(questions),
        sources=sources(*dict.fromkeys(ids)),
        reason_template=reason[0] if params else "",
        reason_params=params,
    )


def organization_request_checklist(
    *,
    role: ApplicantRole | str,
    on: date | str,
    request: str = "new",
    holds_agent_certificate: bool | None = None,
    meets_agent_requirements: bool | None = None,
    requested_by_organization: bool | None = None,
    acceptance_notifications_filed: bool | None = None,
    hello_work_notification_filed: bool | None = None,
    request_online: bool | None = None,
    include_single_source: bool = False,
) -> Checklist:
    """What the organization's staff need to use the online system (利用申出).

    ``request`` is ``"new"`` (a new request) or ``"periodic_report"`` (the
    report that keeps the ID alive).  ``role`` is organization staff, or
    staff of a public-interest corporation or a registered support
    organization; the other roles register themselves and have no request.
    Prerequisites are always listed (asking costs less than missing one),
    each with ``met`` from the arguments; documents follow the same rules as
    :func:`required_documents`.

    >>> c = organization_request_checklist(role="organization_staff", on="2026-11-23",
    ...     holds_agent_certificate=True, request_online=True)
    >>> c.ids()
    ('org.checklist_new', 'org.identity', 'org.agent_certificate', \
'org.employment_certificate', 'org.pledge')
    """
    role = ApplicantRole.parse(role)
    day = ensure_date(on, "on")
    include = ensure_bool(include_single_source, "include_single_source")
    if request not in ("new", "periodic_report"):
        if not isinstance(request, str):
            raise ArgumentTypeError(
                f"request must be a str, not {type_name(request)}",
                **_wrong_type("request", request, "str"),
            )
        raise ArgumentValueError(
            "request must be 'new' or 'periodic_report'",
            code="documents.unknown_request",
            params={"request": request[:200]},
        )
    if role not in ORG_ROLES:
        raise ArgumentValueError(
            f"{role.value} registers as a user (利用者情報登録) and makes no 利用申出; the"
            " request is for organization, public-interest corporation or support"
            " organization staff",
            code="documents.role_without_request",
            params={"role": role.value},
        )
    holds = _yes_no(holds_agent_certificate, "holds_agent_certificate")
    meets = _yes_no(meets_agent_requirements, "meets_agent_requirements")
    answers = {
        "holds_agent_certificate": None if holds is None else holds == "yes",
        "requested_by_organization": None
        if requested_by_organization is None
        else ensure_bool(requested_by_organization, "requested_by_organization"),
        "acceptance_notifications_filed": None
        if acceptance_notifications_filed is None
        else ensure_bool(acceptance_notifications_filed, "acceptance_notifications_filed"),
        "hello_work_notification_filed": None
        if hello_work_notification_filed is None
        else ensure_bool(hello_work_notification_filed, "hello_work_notification_filed"),
    }
    if role is ApplicantRole.ORGANIZATION_STAFF and holds == "no" and meets is not None:
        answers["holds_agent_certificate"] = meets == "yes"
    elif role is ApplicantRole.ORGANIZATION_STAFF and holds == "no":
        answers["holds_agent_certificate"] = None
    prerequisites = tuple(
        Prerequisite(
            id=row.id,
            parameter=row.parameter,
            ja=row.ja,
            en=row.en,
            met=answers.get(row.parameter),
            seen=row.seen,
            sources=row.sources,
            confidence=row.confidence,
        )
        for row in in_force(ORGANIZATION_PREREQUISITES, day, include_single_source=True)
        if role in row.roles and request in row.requests
    )
    facts: dict[Fact, str | None] = {
        Fact.HOLDS_AGENT_CERTIFICATE: holds,
        Fact.REQUEST_ONLINE: _yes_no(request_online, "request_online"),
    }
    rows = [
        row
        for row in in_force(ORGANIZATION_DOCUMENTS, day, include_single_source=include)
        if role in row.roles and request in row.requests
    ]
    documents, pending, questions = _build(rows, facts)
    for p in prerequisites:
        parameter = p.parameter
        if p.id == "org.prerequisite.agent" and holds == "no":
            parameter = "meets_agent_requirements"
        if p.met is None and all(q.parameter != parameter for q in questions):
            questions += (
                Question(
                    id=f"documents.org.{parameter}",
                    parameter=parameter,
                    ja=prerequisite_question(p.ja, p.en)[0],
                    en=prerequisite_question(p.ja, p.en)[1],
                    choices=_YES_NO,
                    decides=(p.id,),
                ),
            )
    return Checklist(
        kind=None,
        status=None,
        role=role,
        on=day,
        documents=documents,
        pending=pending,
        questions=questions,
        prerequisites=prerequisites,
        notice_ja=NOTICE_JA,
        notice_en=NOTICE_EN,
    )


def after_filing(
    kind: ApplicationKind | str,
    *,
    on: date | str,
    channel: Channel | str,
    include_single_source: bool = False,
) -> tuple[AfterFilingStep, ...]:
    """What to know once an application of ``kind`` filed on ``on`` is in.

    Proof of a pending online application, how the new card or the
    certificate of eligibility is received, and what to do with documents
    over the size limit; each step dated and sourced.

    >>> for step in after_filing("extension_of_period", on="2026-11-23", channel="online"):
    ...     print(step.id)
    after.pending_proof
    after.card_by_mail
    after.card_at_counter
    after.attachment_over_limit
    """
    kind = ApplicationKind.parse(kind)
    day = ensure_date(on, "on")
    chosen = Channel.parse(channel)
    include = ensure_bool(include_single_source, "include_single_source")
    if not any(kind in row.kinds for row in AFTER_FILING):
        # An empty answer would read as "nothing to know": a procedure the
        # tables do not cover is said to be not covered (review).
        covered = sorted({k.value for row in AFTER_FILING for k in row.kinds})
        raise NoRuleError(
            f"after_filing covers {', '.join(covered)}; not {kind.value}",
            code="documents.not_covered",
            params={"kind": kind.value},
        )
    return tuple(
        AfterFilingStep(
            id=row.id,
            topic_ja=row.topic_ja,
            topic_en=row.topic_en,
            ja=row.ja,
            en=row.en,
            effective=row.effective,
            seen=row.seen,
            sources=row.sources,
            confidence=row.confidence,
        )
        for row in in_force(AFTER_FILING, day, include_single_source=include)
        if kind in row.kinds and chosen in row.channels
    )
