"""The document tables: one per status, one of rows every status shares, dated.

Every row names its sources (``nyukan_rules.sources``, block "documents") and
was read on :data:`DOCUMENTS_SEEN`.  Names are written as clean source text
for a later translation step.
"""

from __future__ import annotations

from datetime import date

from nyukan_rules.catalog import ApplicantRole, ApplicationKind, Channel, StatusOfResidence
from nyukan_rules.dates import Effective
from nyukan_rules.documents._model import (
    AfterFilingRow,
    Condition,
    DocumentRow,
    Fact,
    Level,
    OnlineDelivery,
    OrganizationRow,
    Preparer,
    PrerequisiteRow,
    SpecifiedSkillField,
)

__all__ = [
    "AFTER_FILING",
    "CATEGORY_THRESHOLDS",
    "COMMON_DOCUMENTS",
    "COVERAGE",
    "DOCUMENT_TABLES",
    "ORGANIZATION_DOCUMENTS",
    "ORGANIZATION_PREREQUISITES",
    "TB_NATIONALITIES",
]

K = ApplicationKind
S = StatusOfResidence
COE = K.CERTIFICATE_OF_ELIGIBILITY
CHG = K.CHANGE_OF_STATUS
EXT = K.EXTENSION_OF_PERIOD
ALL = (COE, CHG, EXT)
A, E, SP, SC = Preparer.APPLICANT, Preparer.EMPLOYER, Preparer.SPONSOR, Preparer.SCHOOL
UP, SHOWN, NOT_NEEDED, ELSEWHERE = (
    OnlineDelivery.UPLOAD,
    OnlineDelivery.SHOWN_LATER,
    OnlineDelivery.NOT_NEEDED,
    OnlineDelivery.ELSEWHERE,
)
COND = Level.CONDITIONAL
YES, NO = ("yes",), ("no",)

# Named dates (research-documents.md §6).
CATEGORY_2020 = date(2020, 1, 6)
COUNCIL_ALL_FIELDS = date(2024, 6, 15)
SSW_2025 = date(2025, 4, 1)
TB_PH_NP = date(2025, 6, 23)
TB_VN = date(2025, 9, 1)
ONLINE_2026 = date(2026, 1, 5)
GIJINKOKU_2026 = date(2026, 4, 15)
FEE_2026 = date(2026, 10, 1)


def _since(day: date) -> Effective:
    return Effective(since=day)


def _until(day: date) -> Effective:
    return Effective(until=day)


def _before(day: date) -> Effective:
    return Effective(until=date.fromordinal(day.toordinal() - 1))


def _cat(*values: str) -> Condition:
    return Condition(Fact.EMPLOYER_CATEGORY, values)


def _is(fact: Fact, values: tuple[str, ...]) -> Condition:
    return Condition(fact, values)


#: The category-2 threshold of withholding tax on the previous year's 法定調書合計表.
CATEGORY_THRESHOLDS: tuple[tuple[Effective, int, tuple[str, ...]], ...] = (
    (_before(CATEGORY_2020), 15_000_000, ("docs-category-before-2020", "docs-category-2020")),
    (_since(CATEGORY_2020), 10_000_000, ("docs-category-2020", "docs-category-table")),
)

#: Nationalities (ISO 3166 alpha-2) whose certificate of eligibility needs a TB
#: screening certificate, from the day given.  Indonesia, Myanmar and China are
#: announced with no start date yet, so they have no row.
TB_NATIONALITIES: tuple[tuple[str, date], ...] = (("PH", TB_PH_NP), ("NP", TB_PH_NP), ("VN", TB_VN))

_SSW = (S.SPECIFIED_SKILLED_WORKER_1, S.SPECIFIED_SKILLED_WORKER_2)

#: Rows every covered status shares.
COMMON_DOCUMENTS: tuple[DocumentRow, ...] = (
    DocumentRow(
        id="common.application_form",
        kinds=(COE,),
        name_ja="在留資格認定証明書交付申請書（申請人等作成用及び所属機関等作成用又は扶養者等作成用）",
        name_en="Application for a certificate of eligibility (the applicant's part and the"
        " organization's or supporter's part)",
        prepared_by=A,
        online=NOT_NEEDED,
        note_ja="様式は在留資格により異なる。所属機関等作成用は所属機関（学校）が作成する。"
        "オンライン申請では入力画面が申請書に代わる。",
        note_en="The form set depends on the status; the organization's part is filled in by"
        " the organization (the school for a student). Online, the input screens take the"
        " place of the form.",
        source_ids=("docs-form-parts", "docs-gijinkoku-coe"),
    ),
    DocumentRow(
        id="common.application_form",
        kinds=(CHG,),
        name_ja="在留資格変更許可申請書（申請人等作成用及び所属機関等作成用又は扶養者等作成用）",
        name_en="Application for change of status of residence (the applicant's part and the"
        " organization's or supporter's part)",
        prepared_by=A,
        online=NOT_NEEDED,
        note_ja="様式は在留資格により異なる。所属機関等作成用は所属機関（学校）が作成する。"
        "オンライン申請では入力画面が申請書に代わる。",
        note_en="The form set depends on the status; the organization's part is filled in by"
        " the organization (the school for a student). Online, the input screens take the"
        " place of the form.",
        source_ids=("docs-form-parts",),
    ),
    DocumentRow(
        id="common.application_form",
        kinds=(EXT,),
        name_ja="在留期間更新許可申請書（申請人等作成用及び所属機関等作成用又は扶養者等作成用）",
        name_en="Application for extension of period of stay (the applicant's part and the"
        " organization's or supporter's part)",
        prepared_by=A,
        online=NOT_NEEDED,
        note_ja="様式は在留資格により異なる。所属機関等作成用は所属機関（学校）が作成する。"
        "オンライン申請では入力画面が申請書に代わる。",
        note_en="The form set depends on the status; the organization's part is filled in by"
        " the organization (the school for a student). Online, the input screens take the"
        " place of the form.",
        source_ids=("docs-form-parts", "docs-gijinkoku-extension"),
    ),
    DocumentRow(
        id="common.photo",
        kinds=ALL,
        name_ja="写真（縦4cm×横3cm、申請前6か月以内に撮影）",
        name_en="Photo (4 cm high, 3 cm wide, taken within 6 months before the application)",
        prepared_by=A,
        when=(_is(Fact.APPLICANT_AGE, ("photo_required",)),),
        condition_ja="写真が必要な年齢の申請人（photo_required による）",
        condition_en="an applicant of an age that needs a photo (as photo_required decides)",
        source_ids=("isa-photo-standard", "photo-under-16"),
    ),
    DocumentRow(
        id="common.passport_and_card_shown",
        kinds=(CHG, EXT),
        name_ja="旅券及び在留カード（提示）",
        name_en="Passport and residence card (shown, not filed)",
        prepared_by=A,
        online=SHOWN,
        note_ja="オンライン申請では新しい在留カードの受領時に扱う。旅券は郵送しない。",
        note_en="Online, they are dealt with when the new card is received; never mail the"
        " passport.",
        source_ids=("docs-passport-card-shown",),
    ),
    DocumentRow(
        id="common.return_envelope",
        kinds=(COE,),
        name_ja="返信用封筒（定形封筒に宛先を明記し、簡易書留用の必要な額の郵便切手を貼付）",
        name_en="Return envelope (standard size, addressed, with stamps for simplified"
        " registered mail)",
        prepared_by=A,
        online=NOT_NEEDED,
        when=(_is(Fact.CHANNEL, ("counter",)),),
        condition_ja="窓口（紙）で申請し、証明書を郵送で受け取るとき",
        condition_en="a paper filing whose certificate comes by post",
        note_ja="切手の額は郵便料金により変わる。電子メールで受け取る場合は不要。",
        note_en="The stamp value follows postal rates; not needed when the certificate comes"
        " by e-mail.",
        source_ids=("docs-coe-return-envelope",),
    ),
    *(
        DocumentRow(
            id="common.tb_certificate",
            kinds=(COE,),
            name_ja="結核非発病証明書（写し又はスキャンデータで可）",
            name_en="Certificate of not having active tuberculosis (a copy or scan is accepted)",
            prepared_by=A,
            when=(_is(Fact.NATIONALITY, (code,)),),
            condition_ja=f"国籍 {code} の申請人（{since.isoformat()} 以降の申請）",
            condition_en=f"an applicant of nationality {code} (applications from"
            f" {since.isoformat()})",
            note_ja="指定健診医療機関で胸部X線撮影から180日有効。再入国許可を持つ人、第三国に"
            "居住する人（滞在許可証の写し＋説明書）、JET・JICA等は対象外。",
            note_en="From a designated clinic; valid 180 days from the X-ray. Not for re-entry"
            " permit holders, residents of a third country (permit copy and a statement),"
            " JET, JICA and similar programmes.",
            except_statuses=_SSW,
            effective=_since(since),
            source_ids=("docs-tb-jpets", "docs-tb-mofa", "docs-tb-ssw-exempt"),
        )
        for code, since in TB_NATIONALITIES
    ),
)


def _gijinkoku() -> tuple[DocumentRow, ...]:
    low = _cat("3", "4")
    after_change = _is(Fact.FIRST_EXTENSION_AFTER_JOB_CHANGE, YES)
    rows: list[DocumentRow] = [
        DocumentRow(
            id="gijinkoku.category_proof",
            kinds=ALL,
            name_ja="所属機関のカテゴリーを証明する文書（四季報の写し、上場を証明する文書、"
            "前年分の法定調書合計表の写し等）",
            name_en="Proof of the organization's category (a copy of the Shikiho or other proof"
            " of listing, a copy of the previous year's statutory withholding summary, etc.)",
            prepared_by=E,
            when=(_cat("1", "2", "3"),),
            condition_ja="カテゴリー1〜3",
            condition_en="categories 1 to 3",
            note_ja="利用申出の承認によるカテゴリー2は承認のお知らせメール等。2025年1月以降、"
            "合計表の写しに税務署の受付印は不要（一次情報未確認）。",
            note_en="Category 2 by an approved online-system request: the approval e-mail."
            " From January 2025 the summary copy needs no receipt stamp (one source).",
            source_ids=("docs-category-table", "docs-gijinkoku-coe"),
        ),
        DocumentRow(
            id="gijinkoku.category_4_reason",
            kinds=ALL,
            name_ja="法定調書合計表を提出できない理由を明らかにする資料（源泉徴収の免除を受ける"
            "機関の証明、又は給与支払事務所等の開設届出書の写し及び直近3か月分の給与所得・"
            "退職所得等の所得税徴収高計算書等）",
            name_en="Why the statutory withholding summary cannot be given (proof of exemption"
            " from withholding, or a copy of the notice of opening a payroll office and the"
            " last 3 months' income-tax payment slips, etc.)",
            prepared_by=E,
            when=(_cat("4"),),
            condition_ja="カテゴリー4",
            condition_en="category 4",
            source_ids=("docs-category-4-proof",),
        ),
        DocumentRow(
            id="gijinkoku.senmonshi",
            kinds=(COE, CHG),
            name_ja="専門士又は高度専門士の称号を付与されたことを証明する文書",
            name_en="Proof of the title senmonshi or kodo-senmonshi (Japanese vocational"
            " school diploma)",
            prepared_by=A,
            when=(_is(Fact.SENMONSHI_ROUTE, YES),),
            condition_ja="本邦の専修学校の修了で学歴要件を満たす場合",
            condition_en="when the education requirement is met through a Japanese"
            " vocational school",
            source_ids=("docs-gijinkoku-coe",),
        ),
        DocumentRow(
            id="gijinkoku.dispatch_activity",
            kinds=(COE, CHG),
            name_ja="派遣先での活動内容を明らかにする資料（労働条件通知書、労働者派遣個別契約書等）",
            name_en="The activity at the client (notice of working conditions, individual"
            " worker-dispatch contract, etc.)",
            prepared_by=E,
            when=(_is(Fact.DISPATCHED, YES),),
            condition_ja="派遣労働者として就労する場合",
            condition_en="a dispatched worker",
            source_ids=("docs-gijinkoku-dispatch",),
        ),
        DocumentRow(
            id="gijinkoku.dispatch_pledge",
            kinds=(COE, CHG),
            name_ja="派遣労働に関する誓約書（派遣元用・派遣先用、参考様式）",
            name_en="Pledge on dispatched work (for the dispatching company and the client;"
            " reference form)",
            prepared_by=E,
            when=(_is(Fact.DISPATCHED, YES),),
            condition_ja="派遣労働者として就労する場合",
            condition_en="a dispatched worker",
            source_ids=("docs-gijinkoku-dispatch",),
        ),
    ]
    company = (
        (
            "gijinkoku.activity",
            "申請人の活動内容等を明らかにする資料（労働条件を明示する文書、役員は役員報酬を"
            "定める定款の写し又は株主総会議事録等）",
            "The applicant's activity (a document stating the working conditions; for an"
            " officer, the articles or the shareholders' minutes setting the pay)",
        ),
        ("gijinkoku.registry", "登記事項証明書", "Certificate of registered matters"),
        (
            "gijinkoku.business",
            "事業内容を明らかにする資料（沿革、役員、組織、事業内容、主要取引先と取引実績を"
            "記載した案内書等）",
            "The business (a brochure with history, officers, organization, business, main"
            " customers and sales)",
        ),
        (
            "gijinkoku.financials",
            "直近の年度の決算文書の写し（新規事業の場合は事業計画書）",
            "A copy of the latest financial statements (a business plan for a new business)",
        ),
    )
    for doc_id, ja, en in company:
        rows.append(
            DocumentRow(
                id=doc_id,
                kinds=(COE, CHG),
                name_ja=ja,
                name_en=en,
                prepared_by=E,
                when=(low,),
                condition_ja="カテゴリー3・4",
                condition_en="categories 3 and 4",
                note_ja="変更申請のカテゴリー3の決算文書は、案内の本文とチェックシートで扱いが"
                "異なる。"
                if doc_id == "gijinkoku.financials"
                else "",
                note_en="For a change at category 3, the agency's page text and its checksheet"
                " differ on the financial statements."
                if doc_id == "gijinkoku.financials"
                else "",
                source_ids=("docs-gijinkoku-coe",),
            )
        )
        rows.append(
            DocumentRow(
                id=doc_id,
                kinds=(EXT,),
                name_ja=ja,
                name_en=en,
                prepared_by=E,
                when=(low, after_change),
                condition_ja="カテゴリー3・4で、転職後初めての更新申請",
                condition_en="categories 3 and 4, the first extension after a change of job",
                source_ids=("docs-gijinkoku-extension",),
            )
        )
    rows += [
        DocumentRow(
            id="gijinkoku.education_career",
            kinds=(COE, CHG),
            name_ja="学歴及び職歴その他経歴を証明する文書（履歴書、卒業証明書、在職証明書等）",
            name_en="Proof of education and career (CV, graduation certificate, certificates of"
            " employment, etc.)",
            prepared_by=A,
            when=(low,),
            condition_ja="カテゴリー3・4",
            condition_en="categories 3 and 4",
            note_ja="実務経験で要件を満たす場合は10年（国際業務は3年）。大学卒業者の翻訳・通訳・"
            "語学指導は実務経験不要。",
            note_en="Work experience: 10 years (3 for international services); a university"
            " graduate translating, interpreting or teaching languages needs none.",
            source_ids=("docs-gijinkoku-coe",),
        ),
        DocumentRow(
            id="gijinkoku.residence_tax",
            kinds=(EXT,),
            name_ja="住民税の課税（又は非課税）証明書及び納税証明書（1年間の総所得及び納税状況が"
            "記載されたもの）",
            name_en="Residence-tax certificates of assessment (or non-assessment) and payment"
            " (one year's income and payments)",
            prepared_by=A,
            when=(low,),
            condition_ja="カテゴリー3・4",
            condition_en="categories 3 and 4",
            note_ja="1月1日現在の住所地の市区町村が発行。両方が記載された証明書なら1通で足りる。"
            "発行後3か月以内のもの。",
            note_en="Issued by the municipality of the 1 January address; one certificate"
            " showing both is enough; issued within 3 months.",
            source_ids=("docs-residence-tax", "docs-gijinkoku-extension"),
        ),
        DocumentRow(
            id="gijinkoku.representative_declaration",
            kinds=ALL,
            name_ja="所属機関の代表者に関する申告書（参考様式）",
            name_en="Declaration about the organization's representative (reference form)",
            prepared_by=E,
            when=(low,),
            condition_ja="カテゴリー3・4（2026年4月15日以降の申請）",
            condition_en="categories 3 and 4 (applications from 2026-04-15)",
            effective=_since(GIJINKOKU_2026),
            source_ids=("docs-gijinkoku-2026-representative",),
        ),
        DocumentRow(
            id="gijinkoku.language_b2",
            kinds=(COE, CHG),
            name_ja="業務上使用する言語についてCEFR・B2相当の言語能力を有することを証する資料",
            name_en="Proof of CEFR B2 level in the language used at work (e.g. JLPT N2 or above,"
            " BJT 400 or above)",
            prepared_by=A,
            when=(low, _is(Fact.LANGUAGE_INTERPERSONAL_WORK, YES)),
            condition_ja="カテゴリー3・4で、主に言語能力を用いた対人業務に従事する場合"
            "（2026年4月15日以降の申請）",
            condition_en="categories 3 and 4, when the job is mainly interpersonal work using"
            " language (applications from 2026-04-15)",
            effective=_since(GIJINKOKU_2026),
            source_ids=("docs-gijinkoku-2026-language",),
        ),
        DocumentRow(
            id="gijinkoku.language_b2",
            kinds=(EXT,),
            name_ja="業務上使用する言語についてCEFR・B2相当の言語能力を有することを証する資料",
            name_en="Proof of CEFR B2 level in the language used at work (e.g. JLPT N2 or above,"
            " BJT 400 or above)",
            prepared_by=A,
            when=(
                low,
                _is(Fact.LANGUAGE_INTERPERSONAL_WORK, YES),
                _is(Fact.SAME_WORK_CONTINUES, NO),
            ),
            condition_ja="カテゴリー3・4で、言語能力を用いた対人業務に新たに従事する場合"
            "（従前と同種の業務を継続する場合は不要。2026年4月15日以降の申請）",
            condition_en="categories 3 and 4, interpersonal language work that is not the same"
            " kind of work as before (applications from 2026-04-15)",
            effective=_since(GIJINKOKU_2026),
            source_ids=("docs-gijinkoku-2026-language",),
        ),
    ]
    return tuple(rows)


_SSW_ORG_DOCS = (
    (
        "ssw.org_overview",
        "特定技能所属機関概要書（参考様式第1-11-1号）",
        "Overview of the organization (form 1-11-1)",
    ),
    ("ssw.org_registry", "登記事項証明書", "Certificate of registered matters"),
    ("ssw.officers_residence", "役員の住民票の写し", "Copies of the officers' residence records"),
    (
        "ssw.officers_pledge",
        "役員に関する誓約書（参考様式第1-23号）",
        "Pledge about the officers (form 1-23)",
    ),
    (
        "ssw.org_insurance_tax",
        "労働保険料・社会保険料・国税（納税証明書その3）・法人住民税の納付を証する資料",
        "Proof of payment of labour and social insurance, national tax (tax certificate"
        " no. 3) and corporate residence tax",
    ),
)


def _ssw() -> tuple[DocumentRow, ...]:
    both = (COE, CHG)
    rows: list[DocumentRow] = [
        DocumentRow(
            id="ssw.list_cover",
            kinds=ALL,
            name_ja="特定技能外国人の在留諸申請に係る提出書類一覧表（表紙・各表、最上部に置く）",
            name_en="The agency's list of documents for specified skilled workers (cover and"
            " tables, placed on top)",
            prepared_by=E,
            source_ids=("docs-ssw-list",),
        ),
        DocumentRow(
            id="ssw.applicant_roster",
            kinds=ALL,
            name_ja="申請人名簿",
            name_en="List of applicants",
            prepared_by=E,
            when=(_is(Fact.SEVERAL_APPLICANTS, YES),),
            condition_ja="同じ所属機関の複数の申請人をまとめて申請する場合",
            condition_en="several applicants of one organization filed together",
            source_ids=("docs-ssw-list",),
        ),
    ]
    for doc_id, ja, en in (
        (
            "ssw.pay_explanation",
            "特定技能外国人の報酬に関する説明書（参考様式第1-4号）",
            "Explanation of the worker's pay (form 1-4)",
        ),
        (
            "ssw.contract",
            "特定技能雇用契約書の写し（参考様式第1-5号）及び雇用条件書の写し（参考様式第1-6号）",
            "Copies of the employment contract (form 1-5) and the terms of employment (form 1-6)",
        ),
        (
            "ssw.hiring_history",
            "雇用の経緯に係る説明書（参考様式第1-16号）",
            "Explanation of how the worker was hired (form 1-16)",
        ),
        (
            "ssw.health_check",
            "健康診断個人票及び受診者の申告書（参考様式第1-3号）",
            "Health check record and the examinee's declaration (form 1-3)",
        ),
        (
            "ssw.support_plan",
            "1号特定技能外国人支援計画書（参考様式第1-17号）",
            "Support plan for the worker (form 1-17)",
        ),
        (
            "ssw.skill_tests",
            "技能試験及び日本語試験の合格証明書の写し（又は技能実習2号を良好に修了したことを証する資料）",
            "Pass certificates of the skill and Japanese tests (or proof of good completion of"
            " technical intern training (ii))",
        ),
    ):
        rows.append(
            DocumentRow(
                id=doc_id,
                kinds=both,
                name_ja=ja,
                name_en=en,
                prepared_by=A if doc_id in ("ssw.health_check", "ssw.skill_tests") else E,
                source_ids=("docs-ssw-list",),
            )
        )
    rows += [
        DocumentRow(
            id="ssw.support_outsourcing",
            kinds=both,
            name_ja="支援委託契約に関する説明書（参考様式第1-25号）",
            name_en="Explanation of the support outsourcing contract (form 1-25)",
            prepared_by=E,
            when=(_is(Fact.SUPPORT_OUTSOURCED, YES),),
            condition_ja="支援の全部を登録支援機関に委託する場合",
            condition_en="support wholly outsourced to a registered support organization",
            source_ids=("docs-ssw-list",),
        ),
        DocumentRow(
            id="ssw.bilateral",
            kinds=both,
            name_ja="二国間取決めにおいて定められた遵守すべき手続に係る書類",
            name_en="Documents of the procedure set by a bilateral memorandum",
            prepared_by=A,
            level=COND,
            condition_ja="二国間取決めで手続が定められた国籍の申請人",
            condition_en="nationals of a country whose bilateral memorandum sets a procedure",
            source_ids=("docs-ssw-bilateral",),
        ),
        DocumentRow(
            id="ssw.applicant_tax",
            kinds=(CHG, EXT),
            name_ja="申請人の個人住民税の納税証明書（全納期が経過している直近1年度分）、課税証明書"
            "（同年度）及び源泉徴収票の写し（同年度）",
            name_en="The applicant's residence-tax payment certificate (the latest year whose"
            " due dates have all passed), assessment certificate and withholding slip of the"
            " same year",
            prepared_by=A,
            source_ids=("docs-ssw-list",),
        ),
        DocumentRow(
            id="ssw.health_insurance",
            kinds=(CHG, EXT),
            name_ja="国民健康保険の資格情報の写し（又は資格確認書の写し）及び国民健康保険料（税）"
            "納付証明書",
            name_en="Copy of the National Health Insurance eligibility record and proof of"
            " premium payment",
            prepared_by=A,
            when=(_is(Fact.NATIONAL_HEALTH_INSURANCE, YES),),
            condition_ja="国民健康保険に加入している（いた）場合",
            condition_en="enrolled in National Health Insurance",
            note_ja="保険者番号等はマスキングする。",
            note_en="Mask the insurer and insured-person numbers.",
            source_ids=("docs-ssw-list",),
        ),
        DocumentRow(
            id="ssw.pension",
            kinds=(CHG, EXT),
            name_ja="国民年金保険料領収証書の写し又は被保険者記録照会（納付Ⅱ）",
            name_en="Copies of National Pension receipts or the insured-person record",
            prepared_by=A,
            when=(_is(Fact.NATIONAL_PENSION, YES),),
            condition_ja="国民年金に加入している（いた）場合",
            condition_en="enrolled in the National Pension",
            source_ids=("docs-ssw-list",),
        ),
        DocumentRow(
            id="ssw.public_duties",
            kinds=(CHG, EXT),
            name_ja="公的義務履行に関する説明書（参考様式第1-27号）",
            name_en="Explanation about public obligations (form 1-27)",
            prepared_by=A,
            when=(_is(Fact.PUBLIC_DUES_ARREARS, YES),),
            condition_ja="税・保険料の未納や猶予がある場合",
            condition_en="unpaid or deferred taxes or premiums",
            source_ids=("docs-ssw-list",),
        ),
    ]
    for doc_id, ja, en in _SSW_ORG_DOCS:
        rows.append(
            DocumentRow(
                id=doc_id,
                kinds=ALL,
                name_ja=ja,
                name_en=en,
                prepared_by=E,
                condition_ja="全員（第2表：所属機関に関する書類）",
                condition_en="everyone (table 2: the organization's documents)",
                effective=_before(SSW_2025),
                source_ids=("docs-ssw-list",),
            )
        )
        rows.append(
            DocumentRow(
                id=doc_id,
                kinds=(COE, CHG),
                name_ja=ja,
                name_en=en,
                prepared_by=E,
                when=(_is(Fact.FIRST_SSW_ACCEPTANCE, YES),),
                condition_ja="初めて特定技能外国人を受け入れる所属機関の認定・変更申請"
                "（更新と2人目以降は申請人に関する書類のみ）",
                condition_en="the organization's first specified skilled worker (extensions and"
                " later workers need only the applicant's documents)",
                note_ja="一定の実績・規模のある機関は書類省略に当たっての誓約書（参考様式第1-29号）"
                "で省略できる。",
                note_en="Organizations of a certain size or record may omit these with the"
                " pledge for omission (form 1-29).",
                effective=_since(SSW_2025),
                source_ids=("docs-ssw-2025", "docs-ssw-first-acceptance"),
            )
        )
    first_fields = (
        SpecifiedSkillField.CONSTRUCTION.value,
        SpecifiedSkillField.INDUSTRIAL_PRODUCTS.value,
    )
    other_fields = tuple(f.value for f in SpecifiedSkillField if f.value not in first_fields)
    rows += [
        DocumentRow(
            id="ssw.council_certificate",
            kinds=ALL,
            name_ja="分野別協議会の構成員であることの証明書",
            name_en="Certificate of membership of the field's council",
            prepared_by=E,
            when=(_is(Fact.SSW_FIELD, first_fields),),
            condition_ja="建設・製造分野（申請前に加入）",
            condition_en="construction and manufacturing (join before applying)",
            effective=_before(COUNCIL_ALL_FIELDS),
            source_ids=("docs-ssw-council",),
        ),
        DocumentRow(
            id="ssw.council_pledge",
            kinds=ALL,
            name_ja="受入れ後4か月以内に協議会に加入する旨の誓約",
            name_en="Pledge to join the field's council within 4 months of acceptance",
            prepared_by=E,
            when=(_is(Fact.SSW_FIELD, other_fields),),
            condition_ja="建設・製造以外の分野",
            condition_en="fields other than construction and manufacturing",
            effective=_before(COUNCIL_ALL_FIELDS),
            source_ids=("docs-ssw-council",),
        ),
        DocumentRow(
            id="ssw.council_certificate",
            kinds=ALL,
            name_ja="分野別協議会の構成員であることの証明書",
            name_en="Certificate of membership of the field's council",
            prepared_by=E,
            condition_ja="全分野（2024年6月15日以降）",
            condition_en="every field (from 2024-06-15)",
            effective=_since(COUNCIL_ALL_FIELDS),
            source_ids=("docs-ssw-council",),
        ),
        DocumentRow(
            id="ssw.field_documents",
            kinds=ALL,
            name_ja="分野別の提出書類（提出書類一覧表の第3表）",
            name_en="The field's own documents (table 3 of the agency's list)",
            prepared_by=E,
            when=(_is(Fact.SSW_FIELD, tuple(f.value for f in SpecifiedSkillField)),),
            condition_ja="分野ごとに第3表の書類",
            condition_en="the documents of the field's table 3",
            source_ids=("docs-ssw-list",),
        ),
        DocumentRow(
            id="ssw.construction_plan",
            kinds=(COE, CHG),
            name_ja="建設特定技能受入計画の認定証の写し",
            name_en="Copy of the certificate of the construction acceptance plan",
            prepared_by=E,
            when=(_is(Fact.SSW_FIELD, (SpecifiedSkillField.CONSTRUCTION.value,)),),
            condition_ja="建設分野",
            condition_en="construction",
            source_ids=("docs-ssw-list",),
        ),
        DocumentRow(
            id="ssw.cooperation_confirmation",
            kinds=(COE, CHG),
            name_ja="協力確認書（市区町村へ提出）",
            name_en="Cooperation confirmation (filed with the municipality, not the agency)",
            prepared_by=E,
            online=ELSEWHERE,
            when=(_is(Fact.FIRST_SSW_ACCEPTANCE, YES),),
            condition_ja="初めて特定技能外国人を受け入れる所属機関（市区町村ごとに1回）",
            condition_en="the organization's first specified skilled worker (once per"
            " municipality)",
            effective=_since(SSW_2025),
            source_ids=("docs-ssw-cooperation", "docs-ssw-2025"),
        ),
        DocumentRow(
            id="ssw.leave_or_extra_stay",
            kinds=(CHG, EXT),
            name_ja="休業期間に関する申立書（参考様式第1-30号）又は通算在留期間を超える在留に関する"
            "申立書（参考様式第1-31号）",
            name_en="Statement on periods of leave (form 1-30) or on a stay beyond the total"
            " period (form 1-31)",
            prepared_by=A,
            level=COND,
            condition_ja="休業期間を通算在留期間から除く場合、又は通算5年を超えて在留する場合",
            condition_en="when leave is excluded from the 5-year total, or for a stay beyond"
            " 5 years",
            effective=_since(date(2025, 9, 30)),
            source_ids=("docs-ssw-2025-09-forms",),
        ),
    ]
    return tuple(rows)


def _dependent() -> tuple[DocumentRow, ...]:
    return (
        DocumentRow(
            id="dependent.relationship",
            kinds=ALL,
            name_ja="申請人と扶養者との身分関係を証する文書（戸籍謄本、婚姻届受理証明書、結婚証明書"
            "の写し、出生証明書の写し等）",
            name_en="Proof of the family relationship with the supporter (family register,"
            " marriage or birth certificate, etc.)",
            prepared_by=A,
            source_ids=("docs-dependent",),
        ),
        DocumentRow(
            id="dependent.sponsor_card",
            kinds=ALL,
            name_ja="扶養者の在留カード又は旅券の写し",
            name_en="Copy of the supporter's residence card or passport",
            prepared_by=SP,
            source_ids=("docs-dependent",),
        ),
        DocumentRow(
            id="dependent.sponsor_income",
            kinds=ALL,
            name_ja="扶養者の在職証明書又は営業許可書の写し、及び住民税の課税（又は非課税）証明書"
            "及び納税証明書",
            name_en="The supporter's certificate of employment or business licence, and"
            " residence-tax certificates of assessment and payment",
            prepared_by=SP,
            when=(_is(Fact.SPONSOR_WORKING, YES),),
            condition_ja="扶養者が就労又は事業を営んでいる場合",
            condition_en="the supporter works or runs a business",
            source_ids=("docs-dependent", "docs-residence-tax"),
        ),
        DocumentRow(
            id="dependent.sponsor_funds",
            kinds=ALL,
            name_ja="扶養者名義の預金残高証明書又は給付金額及び給付期間を明示した奨学金給付に関する"
            "証明書",
            name_en="Bank balance certificate in the supporter's name, or a scholarship"
            " certificate showing amount and period",
            prepared_by=SP,
            when=(_is(Fact.SPONSOR_WORKING, NO),),
            condition_ja="扶養者が就労していない場合（留学生等）",
            condition_en="the supporter does not work (a student, for example)",
            source_ids=("docs-dependent",),
        ),
    )


def _spouse_japanese() -> tuple[DocumentRow, ...]:
    spouse = _is(Fact.RELATIONSHIP, ("spouse",))
    return (
        DocumentRow(
            id="spouse_jp.family_register",
            kinds=ALL,
            name_ja="配偶者（日本人）の戸籍謄本（全部事項証明書、婚姻事実の記載のあるもの）",
            name_en="The Japanese spouse's family register (full certificate showing the marriage)",
            prepared_by=SP,
            when=(spouse,),
            condition_ja="日本人の配偶者",
            condition_en="the spouse of a Japanese national",
            source_ids=("docs-spouse-japanese",),
        ),
        DocumentRow(
            id="spouse_jp.child_relationship",
            kinds=ALL,
            name_ja="申請人が日本人の実子又は特別養子であることを証する文書（戸籍謄本、出生届"
            "受理証明書等）",
            name_en="Proof that the applicant is the child or special adoptee of a Japanese"
            " national (family register, birth registration, etc.)",
            prepared_by=SP,
            when=(_is(Fact.RELATIONSHIP, ("child",)),),
            condition_ja="日本人の実子・特別養子",
            condition_en="the child or special adoptee of a Japanese national",
            source_ids=("docs-spouse-japanese",),
        ),
        DocumentRow(
            id="spouse_jp.payer_tax",
            kinds=ALL,
            name_ja="滞在費用を支弁する者の住民税の課税（又は非課税）証明書及び納税証明書"
            "（直近1年分）",
            name_en="Residence-tax certificates of assessment and payment of whoever pays the"
            " stay (latest year)",
            prepared_by=SP,
            note_ja="取得できない場合は預貯金通帳の写し、雇用予定証明書等。",
            note_en="If they cannot be had: bank-book copies, a job offer, etc.",
            source_ids=("docs-spouse-japanese", "docs-residence-tax"),
        ),
        DocumentRow(
            id="spouse_jp.guarantee",
            kinds=ALL,
            name_ja="身元保証書（配偶者又は扶養者）",
            name_en="Letter of guarantee (by the spouse or supporter)",
            prepared_by=SP,
            source_ids=("docs-spouse-japanese",),
        ),
        DocumentRow(
            id="spouse_jp.household_record",
            kinds=ALL,
            name_ja="配偶者（日本人）の世帯全員の記載のある住民票の写し（個人番号の記載のないもの）",
            name_en="Copy of the Japanese spouse's residence record of the whole household"
            " (without My Number)",
            prepared_by=SP,
            when=(spouse,),
            condition_ja="日本人の配偶者",
            condition_en="the spouse of a Japanese national",
            source_ids=("docs-spouse-japanese",),
        ),
        DocumentRow(
            id="spouse_jp.marriage_certificate",
            kinds=(COE, CHG),
            name_ja="申請人の国籍国（外国）の機関から発行された結婚証明書",
            name_en="Marriage certificate issued in the applicant's country",
            prepared_by=A,
            when=(spouse,),
            condition_ja="日本人の配偶者（認定・変更）",
            condition_en="the spouse of a Japanese national (certificate of eligibility, change)",
            source_ids=("docs-spouse-japanese-change",),
        ),
        DocumentRow(
            id="spouse_jp.questionnaire",
            kinds=(COE, CHG),
            name_ja="質問書及び夫婦で写っているスナップ写真（2〜3葉）",
            name_en="Questionnaire and 2-3 snapshots of the couple",
            prepared_by=A,
            when=(spouse,),
            condition_ja="日本人の配偶者（認定・変更）",
            condition_en="the spouse of a Japanese national (certificate of eligibility, change)",
            source_ids=("docs-spouse-japanese-change",),
        ),
    )


def _spouse_permanent() -> tuple[DocumentRow, ...]:
    spouse = _is(Fact.RELATIONSHIP, ("spouse",))
    return (
        DocumentRow(
            id="spouse_pr.marriage",
            kinds=ALL,
            name_ja="配偶者（永住者）及び申請人の国籍国の機関から発行された結婚証明書（日本で婚姻"
            "届を出した場合は婚姻届受理証明書）",
            name_en="Marriage certificates from the countries of the permanent-resident spouse"
            " and the applicant (a certificate of acceptance of the marriage registration if"
            " filed in Japan)",
            prepared_by=SP,
            when=(spouse,),
            condition_ja="永住者等の配偶者",
            condition_en="the spouse of a permanent resident",
            source_ids=("docs-spouse-permanent",),
        ),
        DocumentRow(
            id="spouse_pr.payer_tax",
            kinds=ALL,
            name_ja="滞在費用を支弁する者の住民税の課税（又は非課税）証明書及び納税証明書"
            "（直近1年分）",
            name_en="Residence-tax certificates of assessment and payment of whoever pays the"
            " stay (latest year)",
            prepared_by=SP,
            source_ids=("docs-spouse-permanent", "docs-residence-tax"),
        ),
        DocumentRow(
            id="spouse_pr.guarantee",
            kinds=(EXT,),
            name_ja="配偶者（永住者）の身元保証書",
            name_en="Letter of guarantee by the permanent-resident spouse",
            prepared_by=SP,
            when=(spouse,),
            condition_ja="永住者等の配偶者",
            condition_en="the spouse of a permanent resident",
            source_ids=("docs-spouse-permanent",),
        ),
        DocumentRow(
            id="spouse_pr.household_record",
            kinds=(EXT,),
            name_ja="世帯全員の記載のある住民票の写し（個人番号の記載のないもの）",
            name_en="Copy of the residence record of the whole household (without My Number)",
            prepared_by=SP,
            source_ids=("docs-spouse-permanent",),
        ),
        DocumentRow(
            id="spouse_pr.questionnaire",
            kinds=(COE, CHG),
            name_ja="質問書及びスナップ写真",
            name_en="Questionnaire and snapshots of the couple",
            prepared_by=A,
            when=(spouse,),
            condition_ja="永住者等の配偶者（認定・変更）",
            condition_en="the spouse of a permanent resident (certificate of eligibility, change)",
            source_ids=("docs-spouse-permanent-questionnaire",),
        ),
    )


def _student() -> tuple[DocumentRow, ...]:
    return (
        DocumentRow(
            id="student.school_list",
            kinds=(EXT,),
            name_ja="提出書類一覧表及び各種確認書（在籍する学校の区分により異なる）",
            name_en="The agency's list of documents and confirmation sheets (they differ by the"
            " school's class)",
            prepared_by=SC,
            source_ids=("docs-student",),
        ),
        DocumentRow(
            id="student.enrolment",
            kinds=(EXT,),
            name_ja="在学証明書",
            name_en="Certificate of enrolment",
            prepared_by=SC,
            source_ids=("docs-student",),
        ),
        DocumentRow(
            id="student.grades",
            kinds=(EXT,),
            name_ja="成績証明書（研究生は研究内容証明書）",
            name_en="Transcript (a research student: a certificate of the research)",
            prepared_by=SC,
            source_ids=("docs-student",),
        ),
        DocumentRow(
            id="student.attendance",
            kinds=(EXT,),
            name_ja="出席証明書",
            name_en="Attendance certificate",
            prepared_by=SC,
            level=COND,
            condition_ja="日本語教育機関・専修学校の学生、又は転校した場合",
            condition_en="students of a Japanese-language school or a vocational school, or"
            " after a change of school",
            source_ids=("docs-student",),
        ),
        DocumentRow(
            id="student.funding",
            kinds=(EXT,),
            name_ja="経費支弁能力を証する文書（預金残高証明書、奨学金証明書、送金証明書、"
            "経費支弁書等）",
            name_en="Proof of funds (bank balance, scholarship, remittances, a sponsor's"
            " statement, etc.)",
            prepared_by=A,
            level=COND,
            condition_ja="学校の区分や事情により求められる場合",
            condition_en="when the school's class or the case calls for it",
            source_ids=("docs-student",),
        ),
        DocumentRow(
            id="student.reason",
            kinds=(EXT,),
            name_ja="理由書（指導教員の推薦書、休学期間証明書等）",
            name_en="Statement of reasons (supervisor's letter, certificate of leave, etc.)",
            prepared_by=A,
            level=COND,
            condition_ja="留年・休学・単位不足の場合",
            condition_en="a repeated year, a leave of absence or missing credits",
            source_ids=("docs-student",),
        ),
    )


#: One table per status of residence.
DOCUMENT_TABLES: dict[StatusOfResidence, tuple[DocumentRow, ...]] = {
    S.ENGINEER_SPECIALIST_HUMANITIES_INTERNATIONAL: _gijinkoku(),
    S.SPECIFIED_SKILLED_WORKER_1: _ssw(),
    S.DEPENDENT: _dependent(),
    S.SPOUSE_OR_CHILD_OF_JAPANESE_NATIONAL: _spouse_japanese(),
    S.SPOUSE_OR_CHILD_OF_PERMANENT_RESIDENT: _spouse_permanent(),
    S.STUDENT: _student(),
}

#: The (status, procedure) pairs the tables cover.
COVERAGE: dict[StatusOfResidence, tuple[ApplicationKind, ...]] = {
    S.ENGINEER_SPECIALIST_HUMANITIES_INTERNATIONAL: ALL,
    S.SPECIFIED_SKILLED_WORKER_1: ALL,
    S.DEPENDENT: ALL,
    S.SPOUSE_OR_CHILD_OF_JAPANESE_NATIONAL: ALL,
    S.SPOUSE_OR_CHILD_OF_PERMANENT_RESIDENT: ALL,
    S.STUDENT: (EXT,),
}

R = ApplicantRole
ORG_ROLES = (
    R.ORGANIZATION_STAFF,
    R.PUBLIC_INTEREST_CORPORATION_STAFF,
    R.REGISTERED_SUPPORT_ORGANIZATION_STAFF,
)
AGENCY_ROLES = (R.PUBLIC_INTEREST_CORPORATION_STAFF, R.REGISTERED_SUPPORT_ORGANIZATION_STAFF)
ST = Preparer.STAFF_MEMBER
NEW, REPORT = "new", "periodic_report"

#: The documents of the organization's own request (利用申出) and periodic report.
ORGANIZATION_DOCUMENTS: tuple[OrganizationRow, ...] = (
    OrganizationRow(
        id="org.checklist_new",
        kinds=(),
        requests=(NEW,),
        roles=ORG_ROLES,
        name_ja="必要書類チェックシート（新規利用申出）",
        name_en="The agency's checklist sheet (new request)",
        prepared_by=ST,
        source_ids=("docs-org-new-request",),
    ),
    OrganizationRow(
        id="org.request_form",
        kinds=(),
        requests=(NEW,),
        roles=ORG_ROLES,
        name_ja="在留申請オンラインシステム利用申出書",
        name_en="Request to use the online residence application system",
        prepared_by=ST,
        online=NOT_NEEDED,
        condition_ja="郵送又は窓口で申し出る場合",
        condition_en="a request made by post or at a counter",
        effective=_before(ONLINE_2026),
        source_ids=("docs-org-new-request",),
    ),
    OrganizationRow(
        id="org.request_form",
        kinds=(),
        requests=(NEW,),
        roles=ORG_ROLES,
        name_ja="在留申請オンラインシステム利用申出書",
        name_en="Request to use the online residence application system",
        prepared_by=ST,
        online=NOT_NEEDED,
        when=(_is(Fact.REQUEST_ONLINE, NO),),
        condition_ja="郵送又は窓口で申し出る場合（オンラインによる利用申出では不要）",
        condition_en="a request made by post or at a counter (not needed when requested online)",
        effective=_since(ONLINE_2026),
        source_ids=("docs-org-new-request", "online-system-2026"),
    ),
    OrganizationRow(
        id="org.identity",
        kinds=(),
        requests=(NEW,),
        roles=ORG_ROLES,
        name_ja="本人確認資料の写し",
        name_en="Copy of the staff member's identity document",
        prepared_by=ST,
        source_ids=("docs-org-new-request",),
    ),
    OrganizationRow(
        id="org.agent_certificate",
        kinds=(),
        requests=(NEW,),
        roles=AGENCY_ROLES,
        name_ja="申請等取次者証明書の写し",
        name_en="Copy of the application-agent (申請等取次者) certificate",
        prepared_by=ST,
        source_ids=("docs-org-new-request", "isa-online-qa"),
    ),
    OrganizationRow(
        id="org.agent_certificate",
        kinds=(),
        requests=(NEW,),
        roles=(R.ORGANIZATION_STAFF,),
        name_ja="申請等取次者証明書の写し",
        name_en="Copy of the application-agent (申請等取次者) certificate",
        prepared_by=ST,
        when=(_is(Fact.HOLDS_AGENT_CERTIFICATE, YES),),
        condition_ja="申請等取次者として承認を受けている職員",
        condition_en="a staff member approved as an application agent",
        source_ids=("docs-org-new-request",),
    ),
    OrganizationRow(
        id="org.training_certificate",
        kinds=(),
        requests=(NEW,),
        roles=(R.ORGANIZATION_STAFF,),
        name_ja="研修会の修了証書等の写し（申請等取次者の承認要件を満たすことを示すもの）",
        name_en="Copy of the training completion certificate (showing the staff member meets"
        " the application-agent requirements)",
        prepared_by=ST,
        when=(_is(Fact.HOLDS_AGENT_CERTIFICATE, NO),),
        condition_ja="申請等取次者証明書を持たず、承認要件を満たす職員",
        condition_en="a staff member without the certificate who meets its requirements",
        source_ids=("docs-org-new-request",),
    ),
    OrganizationRow(
        id="org.employment_certificate",
        kinds=(),
        requests=(NEW,),
        roles=ORG_ROLES,
        name_ja="在職証明書",
        name_en="Certificate of employment of the staff member",
        prepared_by=E,
        source_ids=("docs-org-new-request",),
    ),
    OrganizationRow(
        id="org.pledge",
        kinds=(),
        requests=(NEW,),
        roles=ORG_ROLES,
        name_ja="誓約書",
        name_en="Pledge",
        prepared_by=ST,
        source_ids=("docs-org-new-request",),
    ),
    OrganizationRow(
        id="org.request_letter",
        kinds=(),
        requests=(NEW, REPORT),
        roles=AGENCY_ROLES,
        name_ja="所属機関からの依頼書",
        name_en="Letter of request from the receiving organization",
        prepared_by=E,
        effective=_before(SSW_2025),
        source_ids=("docs-org-request-2025",),
    ),
    OrganizationRow(
        id="org.pledged_organizations",
        kinds=(),
        requests=(NEW, REPORT),
        roles=AGENCY_ROLES,
        name_ja="利用者別誓約機関一覧表（別記第2号様式の(3)）",
        name_en="List of the organizations that gave a pledge, by user (annexed form 2-(3))",
        prepared_by=ST,
        effective=_since(ONLINE_2026),
        source_ids=("docs-org-pledged-list",),
    ),
    OrganizationRow(
        id="org.checklist_report",
        kinds=(),
        requests=(REPORT,),
        roles=ORG_ROLES,
        name_ja="必要書類チェックシート（定期報告）及び同シートに掲げる書類",
        name_en="The agency's checklist sheet (periodic report) and the documents it lists",
        prepared_by=ST,
        note_ja="有効期限の2か月前にメールで通知され、1か月前までに報告する。",
        note_en="A reminder comes by e-mail two months before expiry; report by one month before.",
        source_ids=("docs-org-periodic-report", "org-periodic-report"),
    ),
)

#: What must be true before a request or a report.
ORGANIZATION_PREREQUISITES: tuple[PrerequisiteRow, ...] = (
    PrerequisiteRow(
        id="org.prerequisite.agent",
        parameter="holds_agent_certificate",
        ja="利用申出をする職員が申請等取次者証明書を持っているか、その承認要件を満たしている",
        en="The staff member holds an application-agent certificate or meets its requirements",
        roles=(R.ORGANIZATION_STAFF,),
        requests=(NEW, REPORT),
        source_ids=("isa-online-qa", "docs-org-periodic-report"),
    ),
    PrerequisiteRow(
        id="org.prerequisite.agent_approved",
        parameter="holds_agent_certificate",
        ja="職員が地方出入国在留管理官署で申請等取次者として承認されている",
        en="The staff member is approved as an application agent by a regional bureau",
        roles=AGENCY_ROLES,
        requests=(NEW, REPORT),
        source_ids=("isa-online-qa",),
    ),
    PrerequisiteRow(
        id="org.prerequisite.requested",
        parameter="requested_by_organization",
        ja="受入れ機関（所属機関）から依頼を受けている",
        en="The receiving organization has asked the corporation or support organization to"
        " act for it",
        roles=AGENCY_ROLES,
        requests=(NEW, REPORT),
        source_ids=("isa-online-qa",),
    ),
    PrerequisiteRow(
        id="org.prerequisite.acceptance_notifications",
        parameter="acceptance_notifications_filed",
        ja="所属機関が外国人の受入れの開始・終了等の届出を出入国在留管理庁に行っている",
        en="The organization has filed its notifications of accepting (and ending) foreign"
        " nationals with the agency",
        roles=ORG_ROLES,
        requests=(NEW,),
        source_ids=("docs-org-notifications",),
    ),
    PrerequisiteRow(
        id="org.prerequisite.hello_work",
        parameter="hello_work_notification_filed",
        ja="所属機関が外国人雇用状況届出をハローワークに提出している",
        en="The organization has filed the report on the employment of foreign nationals"
        " with Hello Work",
        roles=ORG_ROLES,
        requests=(NEW,),
        source_ids=("docs-org-notifications",),
    ),
)

ONLINE, COUNTER = Channel.ONLINE, Channel.COUNTER

#: What to know once the application is in.
AFTER_FILING: tuple[AfterFilingRow, ...] = (
    AfterFilingRow(
        id="after.pending_proof",
        kinds=(CHG, EXT),
        channels=(ONLINE,),
        topic_ja="申請中であることの証明",
        topic_en="Proof that the application is pending",
        ja="在留カードに「申請中」の押印はされない。申請受付番号等が記載された受付完了メール"
        "（通常、申請の翌日に届く）が申請中（特例期間を含む）の証明になるので、携行する。",
        en="The residence card is not stamped as pending. The acceptance e-mail with the"
        " application number (usually the day after filing) proves the pending application,"
        " special period included: keep it at hand.",
        source_ids=("docs-online-pending-proof",),
    ),
    AfterFilingRow(
        id="after.card_by_mail",
        kinds=(CHG, EXT),
        channels=(ONLINE,),
        topic_ja="新しい在留カードの郵送での受領",
        topic_en="Receiving the new residence card by post",
        ja="許可の通知後、現在の在留カード、収入印紙を貼った手数料納付書及び返信用封筒（宛先を"
        "記載し切手を貼ったもの）を簡易書留又はレターパックで送る。旅券は送らない。",
        en="After the permission e-mail, send the current residence card, the fee slip with"
        " revenue stamps and an addressed, stamped return envelope by simplified registered"
        " mail or Letter Pack. Do not send the passport.",
        effective=_before(FEE_2026),
        source_ids=("docs-passport-card-shown", "isa-online-qa", "fee-revenue-stamps"),
    ),
    AfterFilingRow(
        id="after.card_by_mail",
        kinds=(CHG, EXT),
        channels=(ONLINE,),
        topic_ja="新しい在留カードの郵送での受領",
        topic_en="Receiving the new residence card by post",
        ja="許可の通知後、手数料はコンビニエンスストア又はペイジーで納付し、現在の在留カード及び"
        "返信用封筒（宛先を記載し切手を貼ったもの）を簡易書留又はレターパックで送る。旅券は"
        "送らない。",
        en="After the permission e-mail, pay the fee at a convenience store or by Pay-easy and"
        " send the current residence card and an addressed, stamped return envelope by"
        " simplified registered mail or Letter Pack. Do not send the passport.",
        effective=_since(FEE_2026),
        source_ids=("docs-passport-card-shown", "isa-online-qa", "isa-fee-2026-payment"),
    ),
    AfterFilingRow(
        id="after.card_at_counter",
        kinds=(CHG, EXT),
        channels=(ONLINE, COUNTER),
        topic_ja="新しい在留カードの窓口での受領",
        topic_en="Receiving the new residence card at a counter",
        ja="窓口受領を選んだ場合は、通知を受けてから申請先の官署で受け取る。旅券と現在の在留"
        "カードを提示する。",
        en="When counter receipt was chosen, collect the card at the office after the notice,"
        " showing the passport and the current residence card.",
        source_ids=("docs-passport-card-shown", "isa-online-qa"),
    ),
    AfterFilingRow(
        id="after.coe_by_email",
        kinds=(COE,),
        channels=(ONLINE, COUNTER),
        topic_ja="在留資格認定証明書の電子メールでの受領",
        topic_en="Receiving the certificate of eligibility by e-mail",
        ja="在留資格認定証明書は電子メールで受け取れる（窓口申請の場合は事前に在留申請オンライン"
        "システムの利用者登録が必要）。受け取ったメールを申請人に転送し、査証申請に用いる。",
        en="The certificate of eligibility can be received by e-mail (a counter filing needs a"
        " user registration on the online system first); forward the e-mail to the applicant"
        " for the visa application.",
        source_ids=("isa-online-qa",),
    ),
    AfterFilingRow(
        id="after.attachment_over_limit",
        kinds=(COE, CHG, EXT),
        channels=(ONLINE,),
        topic_ja="添付資料が容量を超える場合",
        topic_en="When the documents exceed the size limit",
        ja="添付は1つのPDF（10MB以下）。超える場合は圧縮するか、資料添付に係る申告書"
        "（参考様式9）を添付し、残りの資料を別に提出する。",
        en="One PDF of at most 10 MB may be attached. Above that, compress it, or attach the"
        " declaration on attaching documents (reference form 9) and submit the rest"
        " separately.",
        effective=_before(ONLINE_2026),
        source_ids=("docs-attachment-declaration", "legacy-attachment-rules"),
    ),
    AfterFilingRow(
        id="after.attachment_over_limit",
        kinds=(COE, CHG, EXT),
        channels=(ONLINE,),
        topic_ja="添付資料が容量を超える場合",
        topic_en="When the documents exceed the size limit",
        ja="新システムでは複数ファイルを顔写真を含め合計25MBまで添付できる。超える場合は圧縮・"
        "分割し、なお収まらないときは申請先の官署に提出方法を確認する（参考様式9の扱いは未確認）。",
        en="The new system takes several files, 25 MB in total including the photo. Above"
        " that, compress or split; if it still does not fit, ask the office how to submit the"
        " rest (whether reference form 9 still applies is not confirmed).",
        effective=_since(ONLINE_2026),
        source_ids=("current-attachment-rules",),
    ),
)
