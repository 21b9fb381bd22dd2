"""Every source the rules cite, once, by a stable id.

A rule row names its sources by id; :func:`source` turns an id into a
:class:`Source`.  The confidence word says how well the fact is established:

* ``official``: an ISA / MOJ page or PDF, or the text of a law;
* ``secondary``: two or more independent secondary sources agree;
* ``single``: one secondary source only;
* ``unverified``: reported, weakly sourced, or contradicted.

Where an official page is known only through secondary sources quoting it,
the fact is ``secondary``, never ``official``.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable

import attrs

from nyukan_rules.errors import UnknownNameError

__all__ = ["SOURCES", "Confidence", "Source", "source", "sources"]


class Confidence(str, enum.Enum):
    """How well a rule fact is established, strongest first."""

    OFFICIAL = "official"
    SECONDARY = "secondary"
    SINGLE = "single"
    UNVERIFIED = "unverified"

    @property
    def rank(self) -> int:
        """0 for ``official`` up to 3 for ``unverified``."""
        return _RANK[self]

    @classmethod
    def weakest(cls, values: Iterable[Confidence]) -> Confidence:
        """The weakest confidence among ``values`` (``official`` when empty).

        >>> Confidence.weakest([Confidence.OFFICIAL, Confidence.SINGLE])
        <Confidence.SINGLE: 'single'>
        """
        return max(values, key=lambda c: c.rank, default=cls.OFFICIAL)


_RANK = {c: i for i, c in enumerate(Confidence)}


@attrs.frozen
class Source:
    """Where a rule fact comes from."""

    id: str
    address: str
    title: str
    confidence: Confidence


def _s(id: str, address: str, title: str, confidence: Confidence) -> tuple[str, Source]:
    return id, Source(id=id, address=address, title=title, confidence=confidence)


_O, _2, _1, _U = (
    Confidence.OFFICIAL,
    Confidence.SECONDARY,
    Confidence.SINGLE,
    Confidence.UNVERIFIED,
)

SOURCES: dict[str, Source] = dict(
    [
        # --- procedures and users of the online system -------------------------
        _s(
            "isa-online-qa",
            "https://www.moj.go.jp/isa/applications/online/online-QA.html",
            "ISA: 在留申請オンラインシステム Q&A (as of R6.3.19)",
            _O,
        ),
        _s(
            "isa-online-scope",
            "https://www.moj.go.jp/isa/content/001351658.pdf",
            "ISA: 利用可能な申請種別及び在留資格(対象範囲) (as of 2024-08-07)",
            _O,
        ),
        _s(
            "isa-online-users",
            "https://www.moj.go.jp/isa/content/001369137.pdf",
            "ISA: 利用者ごとの申請可能な手続",
            _O,
        ),
        _s(
            "isa-online-user-registration",
            "https://www.moj.go.jp/isa/applications/online/10_00112.html",
            "ISA: 利用者情報登録 (who may register, relatives' condition)",
            _O,
        ),
        _s(
            "online-start-2019",
            "https://tsujimoto-office.com/eijyou",
            "System start 2019-07-25 for organization staff (quoting ISA;"
            " agreed by office-coco.com)",
            _2,
        ),
        _s(
            "online-expansion-2022",
            "https://go-journey.net/archives/915233408",
            "2022-03-16: the foreign national, legal representatives, relatives and"
            " lawyers/gyoseishoshi may file online (agreed by tsujimoto-office.com,"
            " office-coco.com)",
            _2,
        ),
        _s(
            "online-no-access-from-abroad",
            "https://www.moj.go.jp/isa/applications/guide/online-riyoumoushide.html",
            "ISA: access from foreign IP addresses is restricted (note 3)",
            _O,
        ),
        _s(
            "online-not-on-expiry-day",
            "http://www.bridge2n.jp/16683217570343",
            "Online filing is not accepted on the expiry day itself (ISA text quoted;"
            " agreed by morinaga-office.net/14595)",
            _2,
        ),
        _s(
            "permanent-residence-counter-only",
            "https://gyosho-m.com/?p=545",
            "Permanent residence is filed at a counter only (agreed by yamaga-office.com,"
            " office-kwmr.com/?p=2252)",
            _2,
        ),
        _s(
            "online-system-2026",
            "https://www.bridge2n.jp/17316045576856",
            "The new 在留申請オンラインシステム from 2026-01-05 09:00 (agreed by"
            " visa.katsumi-office.com, sincere-smartvisa.com)",
            _2,
        ),
        _s(
            "isa-online-users-note-2",
            "https://www.moj.go.jp/isa/content/001369137.pdf",
            "ISA: 利用者ごとの申請可能な手続, note 2: a relative may file a certificate of"
            " eligibility only for the statuses listed (文化活動, 留学, 家族滞在, family"
            " 特定活動 designations, 日本人の配偶者等, ...), read from the PDF's table through"
            " a stored copy; the note's own text was not captured",
            _2,
        ),
        _s(
            "isa-online-users-note-2-uncaptured",
            "https://www.moj.go.jp/isa/content/001369137.pdf",
            "The same list past the captured text: 永住者の配偶者等 and 定住者 probably follow"
            " (inferred, not read)",
            _1,
        ),
        _s(
            "isa-specified-residence-card",
            "https://www.moj.go.jp/isa/tokutei.html",
            "ISA: 特定在留カード (the residence card combined with the My Number card) from"
            " 2026-06-14, optional",
            _O,
        ),
        _s(
            "specified-card-not-online",
            "https://mnakamura.net/archives/4426",
            "The 特定在留カード cannot be requested through the online system for now: file"
            " at a counter (agreed by sincere-smartvisa.com; ISA Q5-2 not captured)",
            _2,
        ),
        _s(
            "pledged-organizations-list",
            "https://visa-asocia.com/column/2230",
            "From 2026-01-05 staff of registered support organizations and public-interest"
            " corporations file a 利用者別誓約機関一覧表 (別記第2号様式の(3)) with each"
            " periodic report and each new request (agreed by japan.storm.mg/articles/1092703)",
            _2,
        ),
        # --- fees ---------------------------------------------------------------
        _s(
            "isa-fee-2025",
            "https://www.moj.go.jp/isa/content/001431802.pdf",
            "Fees from 2025-04-01 and before (ISA notice, read through gr-office.com,"
            " yamaga-office.com, nakamura-gyosei.biz, visalawyer.tokyo, which agree)",
            _2,
        ),
        _s(
            "fee-acceptance-date",
            "https://toiroto.com/blogoshirase1",
            "The fee follows the date the application is accepted, not granted"
            " (agreed by gr-office.com, mediachina.jp, sinseiok.com)",
            _2,
        ),
        _s(
            "isa-fee-2026",
            "https://www.moj.go.jp/isa/01_00644.html",
            "Fees from 2026-10-01, tiered by the period of stay granted (ISA page, read"
            " through three independent secondary sources that agree figure for figure)",
            _2,
        ),
        _s(
            "isa-fee-2026-payment",
            "https://www.moj.go.jp/isa/11_00107.html",
            "Online fees from 2026-10-01 are paid at a convenience store or by Pay-easy"
            " (read through two secondary sources)",
            _2,
        ),
        _s(
            "fee-2026-payment-charge",
            "https://www.moj.go.jp/isa/11_00107.html",
            "Online payment charge 330 / 550 / 220 yen (one secondary source citing the ISA page)",
            _1,
        ),
        _s(
            "fee-2026-reduction",
            "https://www.moj.go.jp/isa/10_00273.html",
            "Hardship reduction to 10,000 / 20,000 yen, counter only (one secondary"
            " source citing the ISA page)",
            _1,
        ),
        _s(
            "fee-revenue-stamps",
            "https://global.keiei-sakai.com/news/1404",
            "Fees are paid with revenue stamps on the fee slip, online filings included"
            " until 2026-09-30 (agreed by go-journey.net, sinseiok.com)",
            _2,
        ),
        _s(
            "trusted-traveller-card-fee",
            "https://nakamura-gyosei.biz/news/NEWS202503.html",
            "特定登録者カード: issue 2,200 yen, from 2025-04-01 4,000 yen; reissue 2,000 yen"
            " from 2025-04-01; counter only (agreed by yamaga-office.com, visalawyer.tokyo,"
            " mediachina.jp)",
            _2,
        ),
        _s(
            "trusted-traveller-card-reissue-1100",
            "https://nakamura-gyosei.biz/news/NEWS202503.html",
            "特定登録者カード reissue until 2025-03-31: 1,100 yen (agreed by yamaga-office.com;"
            " CONFLICT: visalawyer.tokyo says 1,000 yen, see"
            " trusted-traveller-card-reissue-1000)",
            _2,
        ),
        _s(
            "trusted-traveller-card-reissue-1000",
            "https://visalawyer.tokyo",
            "特定登録者カード reissue until 2025-03-31: 1,000 yen (one source, CONFLICTING with"
            " trusted-traveller-card-reissue-1100)",
            _U,
        ),
        _s(
            "refugee-travel-document-fee",
            "https://visa-consultation.jp/various-procedures/fee.html",
            "難民旅行証明書: 5,000 yen, counter only, unchanged in 2025 (agreed by the 1981"
            " fee order's text at houko.com)",
            _2,
        ),
        _s(
            "fee-2026-unlisted",
            "https://www.moj.go.jp/isa/01_00644.html",
            "Fees of 2026-10-01 for procedures the secondary sources do not list"
            " (特定登録者カード, 難民旅行証明書): presumably unchanged, nothing found",
            _U,
        ),
        # --- statuses of residence ---------------------------------------------
        _s(
            "statuses-of-residence",
            "https://immigration.nagasesogo.com/status-of-residence",
            "The 29 statuses of residence and their sub-categories (agreed by jigyo.net/272,"
            " lighthouse88.com)",
            _2,
        ),
        _s(
            "status-work-categories",
            "https://kurokawa-office.com/在留資格一覧/",
            "Which statuses allow work (ISA grouping; agreed by lighthouse88.com, hayashi-gsj.com)",
            _2,
        ),
        _s(
            "status-reform-2027",
            "https://www.nbc.or.jp/news/20260203_10156/",
            "令和6年法律第60号: 育成就労 and 企業内転勤1号/2号 from 2027-04-01 (citing ISA"
            " 001452771.pdf; agreed by ccscoop.or.jp, royalri.jp)",
            _2,
        ),
        # --- timing --------------------------------------------------------------
        _s(
            "renewal-from-three-months",
            "https://fujita3-gyosei.com/zairyuukikan",
            "An extension may be filed from about three months before expiry for a period"
            " of six months or more (quoting the ISA 16-3 page; agreed by nara-visa.com)",
            _2,
        ),
        _s(
            "residence-card-validity",
            "https://laws.e-gov.go.jp/law/326CO0000000319",
            "出入国管理及び難民認定法 第19条の5, 第19条の11: a permanent resident's (and"
            " 高度専門職2号's) residence card is valid for a fixed term and its renewal is"
            " applied for from two months before the term ends",
            _O,
        ),
        _s(
            "renewal-short-period",
            "https://yusukehoumu.com/?p=1100",
            "Shorter periods: from about half the period",
            _1,
        ),
        _s(
            "office-closed-days",
            "https://laws.e-gov.go.jp/law/363AC0000000091",
            "行政機関の休日に関する法律 (昭和63年法律第91号) 第1条, 第2条: closed days and"
            " deadlines that fall on them",
            _O,
        ),
        _s(
            "civil-code-periods",
            "https://laws.e-gov.go.jp/law/129AC0000000089",
            "民法 第140条〜第143条: counting periods of months",
            _O,
        ),
        _s(
            "special-period",
            "https://gr-office.com/在留期間の特例制度/",
            "特例期間: until the decision or the end of the day two months after expiry"
            " (quoting the ISA page; agreed by bridge2n.jp)",
            _2,
        ),
        _s(
            "special-period-exclusions",
            "https://visa-niigata.com/tokurei-kikan/",
            "No special period for a period of stay of 30 days or less, nor from a"
            " permanent-residence application (agreed by visa-information.jp/archives/579)",
            _2,
        ),
        # --- attachments and the face photo -------------------------------------
        _s(
            "legacy-attachment-rules",
            "https://help.kusunoki.ltd/ja/speedvisa/0157",
            "Legacy system: one attachment, extension pdf, at most 10MB (reads as an ISA"
            " notice; agreed by daisei.online, ameblo.jp/cardasari)",
            _2,
        ),
        _s(
            "attachment-error-file",
            "https://help.kusunoki.ltd/ja/speedvisa/0157",
            "A PDF with a password, print or copy restrictions, or not conforming to"
            " ISO 32000-1 silently becomes an error file (one source quoting ISA wording)",
            _1,
        ),
        _s(
            "current-attachment-rules",
            "https://sincere-smartvisa.com/column/入管関連情報/2025/20251225",
            "Current system: up to 20 files and 25MB in total including the face photo"
            " (on-screen text of the form; agreed by lawoffice-yokoyama.com)",
            _2,
        ),
        _s(
            "isa-photo-standard",
            "https://www.moj.go.jp/isa/applications/status/photo_info_00002.html",
            "ISA: photo 4cm x 3cm, the applicant alone, no hat, facing front, no"
            " background, sharp, taken within 6 months before submission",
            _O,
        ),
        _s(
            "photo-three-months-formerly",
            "https://www.jitco.or.jp/press/detail/2495.html",
            "The photo rule formerly said 3 months (JITCO notice of 2016; agreed by akatuki.jp)",
            _2,
        ),
        _s(
            "photo-under-16",
            "https://kajo.co.jp/tameshiyomi/40959000001/pageindices/index62.html",
            "Applicants under 16 gave no photo (quoting the ISA checklists; agreed by"
            " fukusinomado.com)",
            _2,
        ),
        _s(
            "photo-under-16-coe-exceptions",
            "https://ameblo.jp/cardasari/entry-12706655534.html",
            "Under-16 certificate-of-eligibility applicants under 家族滞在, 定住者 and the"
            " spouse statuses still gave a photo (one source)",
            _1,
        ),
        _s(
            "photo-from-age-1",
            "https://www.trust-gyosei.com/japan-residence-card-photo-requirement-children-2026/",
            "From 2026-06-14 children from age 1 get a photo on the residence card (agreed"
            " by tommyslegal.com)",
            _2,
        ),
        _s(
            "mynumber-photo-spec",
            "https://www.kojinbango-card.go.jp/en-kofushinse-checkpoint/",
            "J-LIS (My Number card, not ISA): JPEG, 480 to 6,000 pixels a side, 20KB to 7MB;"
            " used only as a sane bound for warnings",
            _O,
        ),
        # --- field formats ------------------------------------------------------
        _s(
            "isa-bulk-template-tool",
            "https://www.moj.go.jp/isa/content/001453107.xlsm",
            "ISA bulk-registration workbooks (申請情報一括登録用テンプレート, 2026/02/27 and"
            " 2026/04/01): character classes, lengths in UTF-16 units, code lists (the"
            " workbooks' own data and macros; obtained through a third-party copy)",
            _O,
        ),
        _s(
            "rasens-form-help",
            "https://www.rasens-immi.moj.go.jp/rasguser/offer/offerRSS_gotoOffer",
            "The online form's own help text (certificate of eligibility, captured 2026-05-01):"
            " name in half-width capitals up to 104, addresses full-width up to 85, postal"
            " code 7 digits, phones up to 12 digits, card number AB12345678CD",
            _O,
        ),
        _s(
            "jis-x-0208-windows",
            "https://www.unicode.org/Public/MAPPINGS/VENDORS/MICSFT/WINDOWS/CP932.TXT",
            "JIS X 0208 in Microsoft's cp932 mapping, the table the agency's tool follows"
            " (U+FF5E, U+FF0D, U+2225, U+FFE0, U+FFE1, U+FFE2)",
            _O,
        ),
        _s(
            "corporate-number-check-digit",
            "https://www.houjin-bangou.nta.go.jp/documents/checkdigit.pdf",
            "法人番号: 13 digits, the first a check digit (NTA; algorithm as implemented by"
            " python-stdnum, agreed by qiita.com/kawasaki and stabucky.com)",
            _2,
        ),
        # --- organization user IDs ----------------------------------------------
        _s(
            "org-id-validity",
            "https://www.moj.go.jp/isa/applications/guide/online-riyoumoushide.html",
            "ISA: 利用申出 ID valid one year from the day the password is set",
            _O,
        ),
        _s(
            "org-periodic-report",
            "https://www.moj.go.jp/isa/applications/guide/online-teikihoukoku.html",
            "ISA: 定期報告 extends the ID by one year; notice two months before, file by one"
            " month before expiry",
            _O,
        ),
        _s(
            "org-id-three-years",
            "https://visa.katsumi-office.com/column/change/",
            "IDs approved or renewed from 2026-01 are valid three years (one secondary source)",
            _1,
        ),
        # --- documents ------------------------------------------------------------
        # Which documents to attach (research-documents.md, seen 2026-11-23; the
        # date each source was seen is kept on the document rows, DOCUMENTS_SEEN).
        _s(
            "docs-category-table",
            "https://meccha.jp/ja/platform/blog/osaka-city/article/931",
            "ISA: employer categories 1-4 for 技術・人文知識・国際業務 and other work statuses"
            " (the ISA table quoted word for word; agreed by actio-office.com, visa-navi.asia,"
            " srgyosei.com)",
            _2,
        ),
        _s(
            "docs-category-2020",
            "https://omuraoffice.jp/html/column/202001.html",
            "From 2020-01-06 category 1 widened and the category-2 threshold lowered from 15"
            " to 10 million yen of withholding tax (agreed by an-japan.com,"
            " office-immi-lawyer.com)",
            _2,
        ),
        _s(
            "docs-category-before-2020",
            "http://www.moj.go.jp/ONLINE/IMMIGRATION/ZAIRYU_NINTEI/shin_zairyu_nintei10_11.html",
            "MOJ (old page, 技術 COE): category 2 at 15 million yen of withholding tax",
            _O,
        ),
        _s(
            "docs-category-online-approval",
            "https://lighthouse88.com/apply-for-residence-procedures-online/organization-staff/",
            "An organization whose 利用申出 is approved is category 2, except category 1 and 4"
            " bodies (ISA wording quoted; agreed by meccha.jp)",
            _2,
        ),
        _s(
            "docs-category-4-proof",
            "https://tanaka-masato.com/?p=62",
            "Category 4: a document showing why the 法定調書合計表 cannot be given (ISA"
            " checksheet wording quoted; agreed by two public checklists citing the ISA"
            " checksheet)",
            _2,
        ),
        _s(
            "docs-gijinkoku-coe",
            "https://marumero-firm.com/",
            "ISA list for a certificate of eligibility, 技術・人文知識・国際業務, by category"
            " (quoted; agreed by srgyosei.com 2021-09-03 and the ISA page mirror)",
            _2,
        ),
        _s(
            "docs-gijinkoku-extension",
            "https://tanaka-masato.com/?p=62",
            "ISA list for an extension, 技術・人文知識・国際業務, by category (quoted; agreed by"
            " chieri17.com/gijinkoku-update)",
            _2,
        ),
        _s(
            "docs-gijinkoku-page",
            "https://www.moj.go.jp/isa/applications/status/gijinkoku.html",
            "ISA: 在留資格「技術・人文知識・国際業務」 (read through a mirror copy: passport copy"
            " when spellings differ, the submitter's ID)",
            _2,
        ),
        _s(
            "docs-gijinkoku-dispatch",
            "https://tanaka-masato.com/?p=62",
            "Dispatched workers: documents of the activity at the client and the dispatch"
            " pledge (参考様式) (agreed by a public checklist citing the ISA checksheet)",
            _2,
        ),
        _s(
            "docs-gijinkoku-2026-language",
            "https://www.hashi-immigration.com/blog/new-japanese-language-requirement-for-engineer-specialist-in-humanities-international-services-visa-2026-update",
            "From 2026-04-15, categories 3 and 4: evidence of CEFR B2 in the working language"
            " when the job is mainly interpersonal language work (ISA line quoted; agreed by"
            " kaneko-office.biz, tommyslegal.com, ey.com 2026-04-09)",
            _2,
        ),
        _s(
            "docs-gijinkoku-2026-representative",
            "https://phinx.tech/en/article/gijinkoku-n2-requirement-guide",
            "From 2026-04-15, categories 3 and 4: 所属機関の代表者に関する申告書 (参考様式)"
            " (agreed by two public checklists)",
            _2,
        ),
        _s(
            "docs-residence-tax",
            "https://chieri17.com/gijinkokuupdate/",
            "住民税の課税（又は非課税）証明書及び納税証明書: one year, from the municipality of"
            " the 1 January address; one certificate showing both is enough (ISA wording"
            " quoted; agreed by office-immi-lawyer.com)",
            _2,
        ),
        _s(
            "docs-form-parts",
            "https://lighthouse88.com/status-of-residence-application-form-how-to-write/application-for-extension-of-period-of-stay-esihis",
            "Application forms: the applicant's part and the organization's (or supporter's)"
            " part, by status group (agreed by blue.zero.jp)",
            _2,
        ),
        _s(
            "docs-coe-return-envelope",
            "https://www.profiquest.com/?p=2221",
            "A paper certificate-of-eligibility application: a return envelope with stamps for"
            " 簡易書留 (agreed by srgyosei.com and the old MOJ page)",
            _2,
        ),
        _s(
            "docs-tb-jpets",
            "https://jpets.mhlw.go.jp/jp",
            "MHLW: 入国前結核スクリーニング (JPETS): Philippines and Nepal from 2025-06-23,"
            " Viet Nam from 2025-09-01; Indonesia, Myanmar, China not yet set",
            _O,
        ),
        _s(
            "docs-tb-mofa",
            "https://www.mofa.go.jp/mofaj/ca/fna/page24_001040.html",
            "MOFA: 入国前結核スクリーニングの導入 (target countries, exemptions)",
            _O,
        ),
        _s(
            "docs-tb-ssw-exempt",
            "https://immigration-info.air-nifty.com/",
            "特定技能 applicants are outside TB screening for the time being (agreed by"
            " human-ring.jp, mintoku.com)",
            _2,
        ),
        _s(
            "docs-ssw-2025",
            "https://www.moj.go.jp/isa/10_00225.html",
            "ISA: 特定技能制度における運用改善について (from 2025-04-01)",
            _O,
        ),
        _s(
            "docs-ssw-first-acceptance",
            "https://xn--wckxc688jykhyucvwh863cdkhro4b.com/specific-skill/",
            "From 2025-04-01 an organization already accepting 特定技能 workers gives only the"
            " applicant's documents (ISA wording quoted; agreed by ippo.support 2025-04-09,"
            " kawase-gyosei.com)",
            _2,
        ),
        _s(
            "docs-ssw-list",
            "https://visa-shinsei.jp/document/tokuteigino/",
            "ISA 特定技能1号 提出書類一覧表 (applicant and organization tables; agreed by"
            " en.visahubjp.com and a copy of the 2025-07-01 list)",
            _2,
        ),
        _s(
            "docs-ssw-council",
            "https://kbp.or.jp/cms/",
            "特定技能: the 協議会 membership certificate with every application from"
            " 2024-06-15 (運用要領 quoted; agreed by kawase-gyosei.com, aki-houmu.jp)",
            _2,
        ),
        _s(
            "docs-ssw-cooperation",
            "https://www.town.kadogawa.lg.jp/live/job/page005174.html",
            "Municipality: 特定技能所属機関による「協力確認書」の提出 (from 2025-04-01)",
            _O,
        ),
        _s(
            "docs-ssw-2025-09-forms",
            "https://nagoyavisa.com/2158",
            "特定技能 from 2025-09-30: 休業期間に関する申立書 (1-30) and 通算在留期間を超える在留に"
            "関する申立書 (1-31) (agreed by noborder.cloud)",
            _2,
        ),
        _s(
            "docs-ssw-bilateral",
            "https://visa-shinsei.jp/document/tokuteigino/",
            "特定技能: documents of the procedure a bilateral memorandum sets, by nationality"
            " (one source)",
            _1,
        ),
        _s(
            "docs-dependent",
            "https://soken-b.jp/nyukan/siryo/kazoku",
            "ISA list for 家族滞在 extension and change (quoted; agreed by uenaka-office.com and"
            " the 施行規則 別表第三 text quoted by visanishioka.com)",
            _2,
        ),
        _s(
            "docs-spouse-japanese",
            "https://office-immi-lawyer.com/submission-document/japanease-national-koshin",
            "ISA list for 日本人の配偶者等 (quoted; agreed by marriagevisa.tokyo, ngj.jp)",
            _2,
        ),
        _s(
            "docs-spouse-japanese-change",
            "http://www.otk-gyosho.com/2023/06/20/",
            "日本人の配偶者等, change and certificate of eligibility (spouse): foreign marriage"
            " certificate, 質問書, snapshots (agreed by ngj.jp)",
            _2,
        ),
        _s(
            "docs-spouse-permanent",
            "https://ngj.jp/application_detail.php?a_id=71&lang=JPN",
            "ISA list for 永住者の配偶者等 (quoted; agreed by nakatagyousei.com,"
            " visa.katsumi-office.com)",
            _2,
        ),
        _s(
            "docs-spouse-permanent-questionnaire",
            "https://www.nakatagyousei.com/永住者の配偶者等/",
            "永住者の配偶者等, change: 質問書 and snapshots (one, older source)",
            _1,
        ),
        _s(
            "docs-student",
            "https://intl-student-handbook.oia.hokudai.ac.jp/procedure/immigration_control/update",
            "留学 extension: the school's list (提出書類一覧表, enrolment, grades, attendance,"
            " funding) (agreed by asia-u.ac.jp, keio.ac.jp)",
            _2,
        ),
        _s(
            "docs-passport-card-shown",
            "https://lighthouse88.com/visa-administrative-scrivener/residence-card-delivered-by-mail",
            "Passport and residence card are shown, not filed; for mail receipt the card, the"
            " fee slip and a trackable return envelope are mailed, never the passport (agreed"
            " by maharihack.xyz and ISA Q&A A6-1)",
            _2,
        ),
        _s(
            "docs-online-pending-proof",
            "https://www.moj.go.jp/isa/applications/online/online-QA.html",
            "ISA notice: after an online filing the acceptance e-mail with the application"
            " number proves the pending application (the card is not stamped; quoted by a"
            " 2025 guide to online filing and bridge2n.jp)",
            _2,
        ),
        _s(
            "docs-attachment-declaration",
            "https://help.kusunoki.ltd/ja/speedvisa/0157",
            "Legacy system: a file over 10 MB is sent separately with the 資料添付に係る申告書"
            " (参考様式9) (ISA Q&A A4-2 quoted; agreed by a 2025 guide to online filing)",
            _2,
        ),
        _s(
            "docs-org-new-request",
            "https://www.moj.go.jp/isa/applications/online/10_00114.html",
            "ISA: 所属機関等の職員の利用 — 新規利用申出: 必要書類チェックシート, 利用申出書 (not"
            " when requested online), ID, 申請等取次者証明書 or training certificate, 在職証明書,"
            " 誓約書 (list as quoted by a gyoseishoshi article of 2026-01 and bridge2n.jp)",
            _2,
        ),
        _s(
            "docs-org-request-2025",
            "https://www.moj.go.jp/isa/applications/online/11_00001.html",
            "ISA: 利用申出・定期報告の見直し (from 2025-04-01: the 依頼書 is no longer needed)",
            _O,
        ),
        _s(
            "docs-org-periodic-report",
            "https://www.moj.go.jp/isa/applications/online/online-teikihoukoku.html",
            "ISA: 定期報告 — documents per the 必要書類チェックシート（定期報告）; the requester"
            " holds a 申請等取次者 certificate or meets its requirements",
            _O,
        ),
        _s(
            "docs-org-pledged-list",
            "https://visa-asocia.com/column/2230",
            "From 2026-01-05 staff of registered support organizations and public-interest"
            " corporations file a 利用者別誓約機関一覧表 with a new request and a periodic report"
            " (agreed by visa.katsumi-office.com/column/change)",
            _2,
        ),
        _s(
            "docs-org-notifications",
            "https://www.moj.go.jp/isa/applications/online/10_00114.html",
            "Before a new 利用申出: the organization has filed its acceptance notifications"
            " with the agency and the 外国人雇用状況届出 with Hello Work (a gyoseishoshi"
            " article of 2026-01; the ISA requirement text was not captured)",
            _1,
        ),
    ]
)


def source(id: str) -> Source:
    """The :class:`Source` registered under ``id``.

    >>> source("isa-fee-2025").confidence
    <Confidence.SECONDARY: 'secondary'>
    """
    try:
        return SOURCES[id]
    except KeyError:
        raise UnknownNameError("source", id) from None


def sources(*ids: str) -> tuple[Source, ...]:
    """The sources for ``ids``, in order."""
    return tuple(source(i) for i in ids)
