"""The one table of finding codes, with the Japanese source of their messages.

A finding is a code with params (:class:`~nyukan_rules.report.Finding`); its
text is rendered on demand by ``finding.message(lang)``.  This module holds:

- :data:`MESSAGES`: each code's usual severity and its message template in
  Japanese, the language the texts are written in (``str.format`` with named
  params, never built by concatenation);
- :data:`TERMS`: the words and phrases a message is built from (a reason, the
  name of an identifier, an optional hint), each by a stable key;
- how a param is shown (:data:`NAME_PARAMS`, :data:`LABEL_PARAMS`,
  :data:`TERM_PARAMS`, :data:`FRAGMENT_PARAMS`).

Every other language, English included, is a gettext catalogue under
``messages/locale/<lang>/LC_MESSAGES/nyukan_rules.po`` (message context = the
code, or ``term``, ``field``, ``name:<Catalog>``; msgid = the Japanese
source), compiled to ``.mo`` by ``scripts/gen_catalogues.py``, which CI runs
with ``--check``.  Adding a language is adding a ``.po`` file.

Params are language-neutral values, passed once: ``str``, ``int``,
``float``, ``bool``, :class:`datetime.date`, a catalog enum member, or a
tuple of term keys.  Rows, lines and character positions in params count
from 1, as a person reads them (a finding's ``row`` attribute stays the
0-based position in the batch).

Codes are stable API; the wording may improve.  The docs' list of finding
codes is generated from :data:`MESSAGES`, and a test checks that every code
the package emits is listed here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from nyukan_rules.errors import UnknownNameError
from nyukan_rules.report import Finding, Severity
from nyukan_rules.sources import Source

__all__ = [
    "DATE_PARAMS",
    "ERROR_MESSAGES",
    "FRAGMENT_PARAMS",
    "LABEL_PARAMS",
    "MAX_FINDINGS_PER_CODE",
    "MESSAGES",
    "NAME_PARAMS",
    "RECORD_FRAME",
    "TERMS",
    "TERM_PARAMS",
    "Cap",
    "Message",
    "about_record",
    "cap_findings",
    "make_finding",
    "more_findings_notes",
]


@attrs.frozen
class Message:
    """One finding code's usual severity and its Japanese message template."""

    severity: Severity
    ja: str


ERROR, WARNING, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO

MESSAGES: dict[str, Message] = {
    # --- online eligibility ------------------------------------------------------
    "eligibility.system_not_available": Message(
        ERROR,
        "{on}には在留申請オンラインシステムは稼働していません（{since}開始）。",
    ),
    "eligibility.kind_not_offered": Message(
        ERROR,
        "{kind}はオンラインでは申請できません。窓口で申請してください。",
    ),
    "eligibility.requires_companion": Message(
        ERROR,
        "{kind}は、在留資格変更・在留期間更新・在留資格取得の申請と同時の場合に限りオンラ"
        "インで申請できます。",
    ),
    "eligibility.role_not_available": Message(
        ERROR,
        "{on}には「{role}」はオンライン申請を利用できません（{since}から利用可能）。",
    ),
    "eligibility.role_not_for_kind": Message(
        ERROR, "「{role}」は{kind}をオンラインで申請できません。"
    ),
    "eligibility.relative_condition": Message(
        ERROR,
        "親族による申請は、申請人が16歳未満の場合又は疾病その他の事由により自ら申請できな"
        "い場合に限られます。",
    ),
    "eligibility.relative_condition_unknown": Message(
        WARNING,
        "申請人の年齢が不明のため、親族による申請の条件（16歳未満又は自ら申請できない）を"
        "確認できません。",
    ),
    "eligibility.agent_not_registered": Message(
        ERROR,
        "「{role}」としてオンライン申請するには、申請等取次者としての届出・承認が必要です。",
    ),
    "eligibility.status_excluded": Message(
        ERROR, "在留資格「{status}」の方はオンラインで申請できません。"
    ),
    "eligibility.desired_status_excluded": Message(
        ERROR, "在留資格「{status}」への申請はオンラインではできません。"
    ),
    "eligibility.status_not_in_force": Message(
        ERROR,
        "在留資格「{status}」は{on}には存在しません（{since}から）。",
    ),
    "eligibility.status_scope_limited": Message(
        WARNING,
        "在留資格「{status}」のオンライン申請には条件があります：{note}",
    ),
    "eligibility.status_unknown": Message(
        WARNING,
        "現在の在留資格が指定されていないため、対象外の在留資格かどうか確認できません。",
    ),
    "eligibility.desired_status_unknown": Message(
        WARNING,
        "希望する在留資格が指定されていないため、対象外の在留資格かどうか確認できません。",
    ),
    "eligibility.applicant_abroad": Message(
        WARNING,
        "在留資格認定証明書の申請人は通常海外にいますが、システムは海外からの接続を制限し"
        "ています。日本国内の所属機関、代理人又は取次者による申請を検討してください。",
    ),
    "eligibility.expiry_day": Message(
        ERROR,
        "在留期間の満了日（{expires_on}）当日はオンラインで申請できません。前日までにオン"
        "ラインで、又は当日中に窓口で申請してください。",
    ),
    "eligibility.expired": Message(
        ERROR,
        "在留期間は{expires_on}に満了しています。オンラインでは申請できません。",
    ),
    # --- eligibility: audit 2026-11 (RULES-FACTS) ----------------------------------
    "eligibility.relative_coe_status": Message(
        ERROR,
        "親族は、在留資格「{status}」の在留資格認定証明書交付申請をオンラインで行うことは"
        "できません（申請人の年齢によらず、申請する在留資格で決まります）。",
    ),
    "eligibility.relative_coe_status_unknown": Message(
        WARNING,
        "希望する在留資格が指定されていないため、親族が在留資格認定証明書交付申請を"
        "オンラインで行えるか確認できません。",
    ),
    "eligibility.my_number_card_required": Message(
        ERROR,
        "「{role}」としてオンライン申請するには、マイナンバーカードが必要です。",
    ),
    "eligibility.specified_card_counter_only": Message(
        ERROR,
        "特定在留カードの交付を希望する場合は、当面オンラインでは申請できません。"
        "窓口で申請してください。",
    ),
    "eligibility.specified_card_not_available": Message(
        ERROR,
        "特定在留カードは{since}から交付されます（{on}には希望できません）。",
    ),
    # --- attachments ----------------------------------------------------------------
    "attachment.empty": Message(ERROR, "ファイル「{name}」は空です（0バイト）。"),
    "attachment.not_pdf": Message(ERROR, "ファイル「{name}」はPDFではありません：{reason}"),
    "attachment.unreadable": Message(
        ERROR, "ファイル「{name}」はPDFとして読み取れません（{detail}）。"
    ),
    "attachment.encrypted": Message(
        ERROR,
        "ファイル「{name}」は暗号化されています（パスワード設定）。システムではエラーファ"
        "イルとして扱われ、提出されなかったことになります。パスワードを解除して保存し直し"
        "てください。",
    ),
    "attachment.restricted": Message(
        ERROR,
        "ファイル「{name}」には{what}の制限が設定されています。システムではエラーファイル"
        "として扱われます。制限を解除して保存し直してください。",
    ),
    "attachment.pdf_version": Message(
        WARNING,
        "ファイル「{name}」はPDF {version}です。ISO 32000-1（PDF 1.x）に準拠した形式で保"
        "存してください。",
    ),
    "attachment.repaired": Message(
        WARNING,
        "ファイル「{name}」には規格に合わない箇所があります（{detail}）。エラーファイルと"
        "なるおそれがあるため、PDFとして保存し直すことをお勧めします。",
    ),
    "attachment.too_large": Message(
        ERROR,
        "ファイル「{name}」は{size}バイトで、上限の{limit}バイトを超えています。",
    ),
    # --- files: safety (issue 10: budgets, active content) ------------------------------
    "attachment.too_complex": Message(
        ERROR,
        "ファイル「{name}」は構造が複雑すぎるため、上限（{limit}手順）内で確認できませ"
        "んでした。PDFとして保存し直してください（「PDFに印刷」など）。",
    ),
    "attachment.javascript": Message(
        WARNING,
        "ファイル「{name}」にはJavaScriptが含まれています。JavaScriptのないPDFとして保存"
        "し直してください。",
    ),
    "attachment.launch_action": Message(
        WARNING,
        "ファイル「{name}」には他のファイルやプログラムを起動する操作（Launch）が含まれています。",
    ),
    "attachment.open_action": Message(
        WARNING,
        "ファイル「{name}」には開いたときなどに自動で実行される操作が含まれています。",
    ),
    "attachment.embedded_files": Message(
        WARNING,
        "ファイル「{name}」には他のファイルが埋め込まれています。添付する書類ごとにPDFに"
        "してください。",
    ),
    "attachment.xfa": Message(
        WARNING,
        "ファイル「{name}」はXFAフォームです。多くの閲覧ソフトで表示できないため、PDFに印"
        "刷して保存し直してください。",
    ),
    "attachment.rich_media": Message(
        WARNING,
        "ファイル「{name}」には動画・3D・Flashなどのマルチメディアが含まれています。",
    ),
    # --- the whole submission -------------------------------------------------------
    "submission.single_file_required": Message(
        ERROR,
        "旧システムでは添付できるPDFは1ファイルのみです（{count}ファイルあります）。1つの"
        "PDFにまとめてください（merge_pdfs）。",
    ),
    "submission.too_many_files": Message(
        ERROR,
        "添付ファイルは{limit}ファイルまでです（{count}ファイルあります）。",
    ),
    "submission.photo_may_count": Message(
        WARNING,
        "添付ファイルが{count}ファイルあり、顔写真を含めると{limit}ファイルを超えます。顔"
        "写真がファイル数に含まれるかは公表されていません。",
    ),
    "submission.total_too_large": Message(
        ERROR,
        "添付ファイルの合計（顔写真を含む）は{total}バイトで、上限の{limit}バイトを超えています。",
    ),
    "submission.image_attachment": Message(
        WARNING,
        "ファイル「{name}」は{format}です。新システムで受け付ける形式は公表されていないた"
        "め、PDFに変換することをお勧めします。",
    ),
    "submission.no_files": Message(WARNING, "添付ファイルがありません。"),
    "submission.duplicate_name": Message(
        WARNING, "ファイル名「{name}」が{count}回使われています。"
    ),
    # --- the face photo -----------------------------------------------------------------
    "photo.unreadable": Message(ERROR, "顔写真を画像として読み取れません（{detail}）。"),
    # --- files: safety (issue 10: budgets) --------------------------------------------
    "photo.too_complex": Message(
        ERROR,
        "顔写真のファイル構造が複雑すぎるため確認できません（{detail}）。JPEG形式で保存し"
        "直してください。",
    ),
    "photo.format": Message(WARNING, "顔写真の形式が{format}です。JPEG形式で保存してください。"),
    "photo.too_many_pixels": Message(
        ERROR,
        "顔写真の画素数（{width}×{height}）が多すぎます（上限{limit}画素）。画像を読み"
        "込まずに拒否しました。",
    ),
    "photo.aspect_ratio": Message(
        ERROR,
        "顔写真の縦横比が縦4：横3ではありません（{width}×{height}、縦/横={ratio}）。",
    ),
    "photo.too_small": Message(
        WARNING,
        "顔写真が小さすぎます（{width}×{height}）。短辺{limit}画素以上にしてください。",
    ),
    "photo.too_large": Message(
        WARNING,
        "顔写真が大きすぎます（{width}×{height}）。長辺{limit}画素以下にしてください。",
    ),
    "photo.file_size": Message(
        WARNING,
        "顔写真のファイルサイズ（{size}バイト）が目安（{low}〜{high}バイト）の範囲外です。",
    ),
    "photo.color_mode": Message(
        WARNING,
        "顔写真の色形式が{mode}です。RGBカラーで保存してください。",
    ),
    "photo.too_old": Message(
        ERROR,
        "顔写真の撮影日（{taken_on}）が提出日（{submitted_on}）の{months}か月前より前です。",
    ),
    "photo.taken_after_submission": Message(
        WARNING,
        "顔写真の撮影日（{taken_on}）が提出日（{submitted_on}）より後になっています。カメ"
        "ラの日時設定を確認してください。",
    ),
    "photo.date_unknown": Message(
        INFO,
        "顔写真の撮影日が分からないため、{months}か月以内に撮影されたか確認できません。",
    ),
    # --- field formats --------------------------------------------------------------
    "field.required": Message(ERROR, "{label}は必須入力です。"),
    "field.not_text": Message(ERROR, "{label}が文字列ではありません（{type}）。"),
    "field.too_long": Message(
        ERROR,
        "{label}は{limit}文字以内で入力してください（{length}文字）。",
    ),
    "field.format": Message(ERROR, "{label}の入力形式が正しくありません（{expected}）。"),
    "field.check_digit": Message(ERROR, "{label}「{value}」のチェックデジットが正しくありません。"),
    "field.invalid_date": Message(ERROR, "{label}「{value}」は存在しない日付です。"),
    "field.unsupported_char": Message(
        ERROR,
        "{label}の{index}文字目「{char}」（{codepoint}）は入力できません{suggestion}。",
    ),
    "field.more_unsupported_chars": Message(
        ERROR, "{label}には入力できない文字がほかに{count}文字あります。"
    ),
    "field.outside_jis": Message(
        WARNING,
        "{label}の{index}文字目「{char}」（{codepoint}）はJIS X 0208にない文字です{sugges"
        "tion}。システムで正しく扱われないおそれがあります。",
    ),
    # --- text/core: safety (issue 10) ------------------------------------------------------
    # The character itself is never put in these messages: it may be invisible,
    # reorder the text around it (U+202E) or be impossible to encode.
    "field.control_char": Message(
        ERROR,
        "{label}の{index}文字目に制御文字または書式文字（{codepoint}）があります。削除す"
        "るか、通常の文字に置き換えてください。",
    ),
    "field.invalid_char": Message(
        ERROR,
        "{label}の{index}文字目（{codepoint}）は文字として読めません（対になっていないサ"
        "ロゲート）。元のデータの文字コードを確認してください。",
    ),
    "field.era_date": Message(
        ERROR,
        "{label}「{value}」は{era}の期間（{since}〜{until}）にない日付です。",
    ),
    # --- bulk upload rows --------------------------------------------------------------
    # The tool's own messages (mdlChk) for its checks, then ours for what it misses.
    "batch.not_a_row": Message(
        ERROR,
        "{row}行目はデータの行（項目名と値の組）ではありません（{type}）。",
    ),
    "batch.unknown_column": Message(
        ERROR,
        "「{name}」はこのテンプレート（{template}）の列ではありません。",
    ),
    "batch.not_text": Message(ERROR, "{label}の値が文字列ではありません（{type}）。"),
    "batch.control_char": Message(
        ERROR,
        "{label}にタブ又は改行が含まれています。アップロードファイルの区切りが壊れます。",
    ),
    "batch.char_class": Message(
        ERROR,
        "{label}の入力形式が正しくありません（{index}文字目「{char}」）。",
    ),
    "batch.too_long": Message(ERROR, "{label}は{limit}桁以内で入力してください（{length}桁）。"),
    "batch.length": Message(ERROR, "{label}は{limit}桁で入力してください（{length}桁）。"),
    "batch.required": Message(ERROR, "{label}は必須入力です。"),
    "batch.unknown_code": Message(ERROR, "{label}に該当する情報がありません（「{value}」）。"),
    "batch.not_applicable": Message(ERROR, "{label}は入力できません（{reason}）。"),
    "batch.parent_missing": Message(
        ERROR, "{label}を入力している場合は、{parent}を入力してください。"
    ),
    "batch.invalid_date": Message(ERROR, "{label}「{value}」は存在しない日付です{unknown}。"),
    "batch.name_format": Message(
        ERROR,
        "{label}は半角英大文字で、単語の間は半角スペース1つで入力してください（104文字以内）。",
    ),
    "batch.outside_jis": Message(
        WARNING,
        "{label}の{index}文字目「{char}」はJIS X 0208にない文字です{suggestion}。",
    ),
    "batch.phone_required": Message(
        ERROR, "電話番号又は携帯電話番号のどちらかを入力してください。"
    ),
    "batch.file_format": Message(ERROR, "アップロードファイルの形式が正しくありません：{detail}"),
    # --- bulk: issue 9 (records to upload files) and issue 10 (hostile input) --------------
    "batch.invalid_char": Message(
        ERROR,
        "{label}の{index}文字目に使えない文字（{codepoint}：制御文字・書式文字又は不正な"
        "サロゲート）があります{more}。アップロードファイルには書き込みません。",
    ),
    "batch.unmapped_value": Message(
        ERROR,
        "{line}行目の{position}列目（{name}）に値がありますが、テンプレート{template}の入"
        "力項目ではありません。",
    ),
    "batch.too_many_rows": Message(
        ERROR,
        "1つのアップロードファイルに入れられる申請者は{limit}人までです（{count}人）。{li"
        "mit}人目より後の行は検査していません。",
    ),
    "batch.rows_not_read": Message(
        ERROR,
        "{line}行目以降の{count}行は読み込んでいません（1ファイルの申請者は{limit}人まで）。",
    ),
    "batch.duplicate_applicant": Message(
        ERROR,
        "{row}件目は{first}件目と同じ申請者です（{what}「{value}」）。",
    ),
    "batch.phone_kept": Message(
        INFO,
        "電話番号と携帯電話番号の両方があるため、テンプレートが受け付ける{kept_phone}のみ"
        "を記入しました（{dropped_phone}「{dropped}」は記入していません）。",
    ),
    "batch.field_not_in_template": Message(
        INFO,
        "「{name}」はテンプレート{template}のどの列にも対応しないため、アップロードファイ"
        "ルには書き込みません（{count}件）。",
    ),
    "batch.value_overridden": Message(
        INFO,
        "{label}には列名で与えられた値を記入しました（「{name}」の値「{dropped}」は記入し"
        "ていません）。",
    ),
    "batch.unplaced": Message(
        ERROR,
        "{row}件目（{record}）はアップロードファイルに入れられません：{reason}",
    ),
    # --- HR records and their CSV ---------------------------------------------------------
    "record.unknown_field": Message(
        WARNING,
        "「{name}」は項目定義にありません（検査せずにそのまま扱います）。",
    ),
    "record.phone_required": Message(
        ERROR, "電話番号又は携帯電話番号のどちらかを入力してください。"
    ),
    "record.born_in_future": Message(ERROR, "生年月日（{value}）が基準日（{on}）より後です。"),
    "record.passport_expired": Message(
        ERROR, "旅券の有効期限（{value}）が基準日（{on}）より前です。"
    ),
    "record.duplicate": Message(ERROR, "{label}「{value}」が{first}行目と重複しています。"),
    "roster.unusable_person": Message(ERROR, "{row}行目の人は計画できません：{detail}"),
    "csv.encoding": Message(
        ERROR,
        "CSVの文字コードがUTF-8でもShift_JIS（cp932）でもありません（{detail}）。",
    ),
    "csv.malformed": Message(ERROR, "CSVの{line}行目を読めません（{detail}）。"),
    "csv.ragged_row": Message(
        ERROR,
        "{line}行目の列数が{count}で、見出しの{expected}列と合いません。",
    ),
    "csv.unknown_column": Message(WARNING, "見出し「{name}」は項目定義にありません。"),
    "csv.duplicate_column": Message(ERROR, "見出し「{name}」が2回以上あります。"),
    "csv.empty": Message(ERROR, "CSVが空です（見出し行がありません）。"),
    # --- HR records, roster, CSV (issues 9 and 10) ----------------------------------------
    "record.value_not_accepted": Message(
        ERROR,
        "{label}「{value}」は受け付けられません（{expected}を入力してください）。",
    ),
    "record.value_left_out": Message(
        WARNING,
        "「{name}」の値が文字列ではないため（{type}）、正規化後のデータに含めていません。",
    ),
    "record.field_name_not_text": Message(
        WARNING,
        "項目名 {name} が文字列ではないため（{type}）、文字列「{name}」として扱いました。",
    ),
    "roster.missing_expiry": Message(
        ERROR,
        "{row}行目（ID「{id}」）：{what}がないため、更新の計画を立てられません。",
    ),
    "roster.missing_period": Message(
        ERROR,
        "{row}行目（ID「{id}」）：在留期間がないため（在留資格「{status}」）、更新の計画"
        "を立てられません。",
    ),
    "record.indefinite_period": Message(
        ERROR,
        "{label}が「{value}」（無期限）ですが、在留資格「{status}」には在留期間があります。",
    ),
    "roster.indefinite_period": Message(
        ERROR,
        "{row}行目（ID「{id}」）：在留期間が「{value}」（無期限）ですが、在留資格「{statu"
        "s}」には在留期間があるため、更新の計画を立てられません。",
    ),
    "roster.unknown_status": Message(
        ERROR,
        "{row}行目（ID「{id}」）：在留資格「{val"
        "ue}」が分からないため、更新の計画を立てられません。",
    ),
    "roster.unknown_period": Message(
        ERROR,
        "{row}行目（ID「{id}」）：在留期間「{value}」が一括申請ファイルの一覧にないため、"
        "更新の計画を立てられません。",
    ),
    "roster.invalid_date": Message(
        ERROR,
        "{row}行目（ID「{id}」）：{label}「{value}」が日付として読めないため、更新の計画"
        "を立てられません。",
    ),
    "roster.date_out_of_range": Message(
        ERROR,
        "{row}行目（ID「{id}」）：{name}の日付{value}が基準日{on}から10年以上離れているた"
        "め、更新の計画を立てられません（期限なしを表す値ではありませんか）。",
    ),
    "csv.ambiguous_encoding": Message(
        ERROR,
        "CSVはUTF-8としてもShift_JIS（cp932）としても読め、内容が異なります。文字コードを"
        "指定してください（UTF-8として読みました）。",
    ),
    "csv.unterminated_quote": Message(
        ERROR,
        "CSVの{line}行目の引用符が閉じられていません。この行は引用符を文字として読み、次"
        "の行から読み直しました。",
    ),
    "csv.line_by_line": Message(
        WARNING,
        "引用符の誤りが{count}か所あった（又は1行が1万行を超えて続いた）ため、CSVの{line}"
        "行目からは1行ずつ読みました（複数行にわたる引用符付きの値も、行ごとに別の行とし"
        "て読んでいます）。",
    ),
    "csv.multiline_field": Message(
        WARNING,
        "CSVの{line}行目から始まる行は、引用符で囲まれた値が{count}行にわたっています。余"
        "分な引用符で後の行が一つの値に取り込まれていないか確認してください。",
    ),
    "csv.nul": Message(ERROR, "CSVの{line}行目にNUL文字があります。"),
    "csv.no_known_column": Message(ERROR, "CSVの見出し行に項目定義の列が一つもありません{hint}。"),
    "csv.too_many_rows": Message(
        ERROR,
        "CSVの行数が上限（{limit}行）を超えています。{line}行目以降は読んでいません。",
    ),
    # --- shared: caps on repeated findings ------------------------------------------
    "report.more_findings": Message(
        INFO,
        "「{capped_code}」の指摘はほかに{count}件あります（最初の{limit}件のみ表示）。",
    ),
}

#: How a batch names the record a finding is about, in front of the finding's own
#: message (``records_to_bulk_files``: "[employee_id E0001] …"); its context is
#: ``report.record_frame``.
RECORD_FRAME = Message(INFO, "［{record}］{message}")

#: The messages of errors that carry a code (``error.code``; rendered by
#: ``error.message(lang)``): the caller's mistakes, shown to a person by a
#: tool that wraps the library.  Context = the code, as for findings.
ERROR_MESSAGES: dict[str, str] = {
    "argument.type": (
        "{name}の型が正しくありません（{expected}が必要ですが、{given}が渡されました）。"
    ),
    "argument.too_small": "{name}は{minimum}以上でなければなりません。",
    "argument.too_large": "{name}は{maximum}以下でなければなりません。",
    "catalog.unknown_name": "「{text}」は{catalog}の名前として分かりません。",
    "catalog.ambiguous_name": "「{text}」は{catalog}の名前として複数に当たります（{candidates}）。",
    "date.not_a_date": "{name}「{text}」は日付として読めません。",
    "date.outside_era": "{name}「{text}」は{era}の期間（{since}〜{until}）にない日付です。",
    "extra.missing": 'この機能には{module}が必要です（pip install "nyukan-rules[{extra}]"）。',
    "convert.invalid": "{type}として読めない値が{count}か所あります。",
    "documents.not_covered": "{kind}の申請後の案内はまだ収録していません。",
    # --- documents (DOCUMENTS-I18N): the caller's mistakes in documents/_api.py
    "documents.no_list": "{status}の{kind}の提出書類の一覧はまだ収録していません。",
    "documents.no_category_threshold": "{on}の所属機関のカテゴリーの基準額は収録していません。",
    "documents.unknown_request": (
        "申出の種類「{request}」は分かりません（new又はperiodic_report）。"
    ),
    "documents.role_without_request": (
        "{role}は利用者情報登録をする者で、利用申出はしません"
        "（利用申出は所属機関、公益法人又は登録支援機関の職員が行います）。"
    ),
    "fee.no_schedule": (
        "{on}に受け付けた申請の手数料表はありません（{since}以降の申請が対象です）。"
    ),
    "fee.single_source_only": (
        "手数料表{schedule}の{kind}（{channel}）の手数料は、一つの情報源でしか確認できていません。"
    ),
    "fee.not_offered": "手数料表{schedule}では、{kind}は{channel}で申請できません。",
    "fee.no_payment_rule": "{on}の{channel}での納付方法は分かりません。",
    "fee.period_needed": (
        "{on}に受け付ける{kind}の手数料は、許可される在留期間によって異なります。"
        "在留期間を指定してください。"
    ),
    "fee.no_band": (
        "手数料表{schedule}には在留期間「{period}」の区分がなく、{kind}の手数料は分かりません。"
    ),
    "fee.no_hardship_reduction": "{on}の{channel}での{kind}の減額は分かりません。",
    "date.out_of_calendar": "{name}（{on}）は暦の端に近すぎて答えられません。",
    "deadline.no_renewal_rule": "在留期間「{period}」の更新の規則はありません。",
    "deadline.report_before_password": (
        "定期報告（{on}）がパスワードの設定日（{since}）より前です。"
    ),
    "deadline.id_lapsed": (
        "IDは{until}に失効しており、{on}の定期報告より前です。新たな利用申出が必要です。"
    ),
    # --- raised errors (I18N-ERRORS): arguments, CSV writing, bulk templates and
    # workbooks, PDF merging, photos, identifiers, periods of stay, dates, reports
    "argument.choice": "{name}は次のいずれかでなければなりません：{choices}。",
    "csv.unknown_encoding": "文字コード「{encoding}」が分かりません。",
    "csv.read_once": (
        "iter_read_csv の結果は一度しか読めません。もう一度読むには、もう一度呼び出してください。"
    ),
    "csv.not_text_encoding": "「{encoding}」は文字列を書き出せる文字コードではありません。",
    "csv.write.not_mapping": "{row}行目が項目名と値の対応（mapping）ではありません（{given}）。",
    "csv.write.field_name": "{row}行目の項目名が文字列ではありません（{given}）。",
    "csv.write.unknown_column": (
        "{row}行目の項目「{field}」は列にありません。columnsか項目定義に加えるか、extra='write'を指"
        "定してください。"
    ),
    "csv.write.char": "{row}行目の項目{field}の文字{char}は{encoding}で書き出せません。",
    "csv.write.encoding": "{row}行目の項目{field}は{encoding}で書き出せません。",
    "csv.write.file_encoding": "ファイルを{encoding}で書き出せません。",
    "csv.write.not_text": "{row}行目の項目{field}の値が文字列ではありません（{given}）。",
    "csv.write.formula": (
        "{row}行目の項目{field}の値が「{char}」で始まるため、表計算ソフトが数式として実行します。fo"
        "rmula_guard='quote'で先頭に'を付けて書き出すか、'off'でそのまま書き出してください。"
    ),
    "csv.write.formula_header": (
        "見出し行の列名「{field}」が「{char}」で始まるため、表計算ソフトが数式として実行します。for"
        "mula_guard='quote'で先頭に'を付けて書き出すか、'off'でそのまま書き出してください。"
    ),
    "bulk.template_attribute": (
        "一括申請テンプレートの{name}は{pattern}に合う文字列でなければなりません。"
    ),
    "bulk.template_file_name": "一括申請テンプレートのファイル名は{expected}でなければなりません。",
    "bulk.workbook_procedure": "ファイル名の「{prefix}」から申請の種類が分かりません。",
    "bulk.workbook_template_code": (
        "ワークブックが示すテンプレート「{template}」はテンプレートコード（{pattern}）ではありませ"
        "ん。入管庁のテンプレートではないようです。"
    ),
    "bulk.workbook_template_version": (
        "ワークブックが示すテンプレート{template}の版「{version}」は3桁の数字ではありません。入管庁"
        "のテンプレートではないようです。"
    ),
    "bulk.kind_not_offered": "{kind}の一括申請テンプレートはありません（対象：{choices}）。",
    "bulk.no_activity_choice": (
        "{kind}のワークブックには、在留資格「{status}」の主たる活動の選択肢がありません（活動「{act"
        "ivity}」は指定しないでください）。"
    ),
    "bulk.unknown_activity": (
        "在留資格「{status}」に主たる活動「{activity}」はありません。選べる活動：{choices}"
    ),
    "bulk.status_not_offered": (
        "在留資格「{status}」の{kind}の一括申請テンプレートはありません。対象：{choices}"
    ),
    "bulk.activity_needed": (
        "在留資格「{status}」には主たる活動の指定が必要です。次のいずれか：{choices}"
    ),
    "bulk.no_upload_file": (
        "{kind}のワークブックには在留資格「{status}」のアップロードファイルがありません。対象：{cho"
        "ices}"
    ),
    "bulk.workbook_unreadable": "ワークブック（.xlsm）として読めません（{error}）。",
    "bulk.workbook_sheet": (
        "ワークブックにシート「{sheet}」がありません。入管庁のテンプレートではないようです。"
    ),
    "bulk.workbook_parts": (
        "ワークブックの部品が{count}個あります（上限{limit}個）。入管庁のテンプレートではないようで"
        "す。"
    ),
    "bulk.workbook_size": (
        "ワークブックを展開すると{size}バイトになります（上限{limit}バイト）。入管庁のテンプレート"
        "ではないようです。"
    ),
    "bulk.workbook_version_date": (
        "ワークブックのシート「{sheet}」に版の日付（YYYY/MM/DD版）がありません。"
    ),
    "bulk.workbook_file_name": (
        "シート「{sheet}」のセル{cell}のファイル名「{value}」が想定した形式ではありません。"
    ),
    "bulk.workbook_ledger": "台帳が共通シートの列を{count}通りの名前で示しています。",
    "argument.out_of_range": "{name}は{minimum}から{maximum}まででなければなりません。",
    "photo.card_before_filing": "在留カードの交付日（{since}）が申請日（{on}）より前です。",
    "photo.open_formats": (
        "PhotoPolicy.open_formatsには次のうち一つ以上を指定してください：{choices}。"
    ),
    "photo.cannot_prepare": "写真を用意できません（誤りが{count}件あります）。",
    "photo.cannot_open": "写真を開けません。",
    "photo.cannot_decode": "写真を画像として読めません（{error}）。",
    "pdf.merge.part_type": "{total}個中{part}個目のPDFがバイト列ではありません（{given}）。",
    "pdf.merge.no_parts": "結合するPDFがありません。一つ以上渡してください。",
    "pdf.merge.not_pdf": "{total}個中{part}個目はPDFではありません（%PDF-の署名がありません）。",
    "pdf.merge.encrypted": (
        "{total}個中{part}個目のPDFは暗号化されています。パスワードを外してください。"
    ),
    "pdf.merge.too_complex": (
        "{total}個中{part}個目のPDFは複雑すぎて{limit}ステップ以内に読めません。"
    ),
    "pdf.merge.unreadable": "{total}個中{part}個目のPDFを読めません（{error}）。",
    "pdf.merge.write_failed": "結合したPDFを書き出せませんでした（{error}）。",
    "catalog.name_clash": "{catalog}の名前「{text}」が複数の項目に当たります（データの誤り）。",
    "bulk.kind_needed": (
        "records_to_bulk_files には申請の種類（{name}）か、全員に使うテンプレートを指定してください"
        "。"
    ),
    "bulk.workbook_not_out": "{version}版のワークブックは{on}にはまだ公開されていません。",
    "date.ends_before_start": "有効期間の終わり（{until}）が始まり（{since}）より前です。",
    "date.no_holiday_calendar": "{year}年の日本の祝日の暦は分かりません。",
    "id.not_text": "{what}が文字列ではありません（{given}）。",
    "id.length": "{what}は{lengths}文字でなければなりません（「{value}」は{count}文字）。",
    "id.format": "「{value}」は{what}として正しくありません。",
    "id.checksum": "{what}「{value}」のチェックデジットが合いません。",
    "submission.edition_needed": (
        "システムの版（edition）か、版を日付で選ぶための提出日（submitted_on）を指定してください。"
    ),
    "submission.attachment_type": (
        "添付{number}が（ファイル名, バイト列）の組ではありません（{given}）。"
    ),
    "convert.not_base64": (
        "バイト列はbase64の文字列で渡してください。この値はbase64ではありません。"
    ),
    "report.has_errors": "誤りが{count}件あります。",
    "roster.cannot_plan": "{count}人の更新の計画を立てられません。",
    "bulk.rows_have_errors": (
        "{rows}行に{count}件の誤りがあります。誤りのあるデータからはアップロードファイルを作りませ"
        "ん。"
    ),
    "edition.not_in_service": "{on}には在留申請オンラインシステムは稼働していませんでした。",
    "argument.empty": "{name}が空です。一つ以上指定してください。",
    "period.part_type": "在留期間の{part}は整数でなければなりません（{given}）。",
    "period.part_out_of_range": "在留期間の{part}が範囲外です。",
    "period.indefinite_with_length": "無期限の在留期間に長さは指定できません。",
    "period.months_over_11": "在留期間の月数は11以下にしてください（{months}月は年で表します）。",
    "period.empty": "在留期間の長さがありません。",
}

#: The words and phrases messages are built from, by stable key: a term param
#: (:data:`TERM_PARAMS`) holds a key of this table (or, for texts that live with
#: their rule, such as a field's expected form, the Japanese text itself).  A
#: term may use the finding's other params.  Context ``term`` in the catalogues.
TERMS: dict[str, str] = {
    # attachments
    "pdf.extension": "拡張子が「.pdf」ではありません。",
    "pdf.signature": "PDFの署名（%PDF-）がありません。",
    "pdf.printing": "印刷",
    "pdf.copying": "コピー",
    # identifiers and dates a batch names
    "id.passport": "旅券番号",
    "id.residence_card": "在留カード番号",
    "id.corporate_number": "法人番号",
    "id.postal_code": "郵便番号",
    # periods of stay (PeriodOfStay.name_in): 無期限, and the Japanese beside a period
    "period.indefinite": "無期限",
    "period.beside": "{name}（{ja}）",
    # A band of periods of stay (StayBand.name_in): the fee tables' 1年超3年未満.
    "band.over": "{period}超",
    "band.at_least": "{period}以上",
    "band.under": "{period}未満",
    "band.at_most": "{period}以下",
    "band.between": "{low}{high}",
    "phone.phone": "電話番号",
    "phone.mobile_phone": "携帯電話番号",
    "roster.card_validity": "在留カードの有効期間",
    "roster.expiry": "在留期間の満了日",
    # why a bulk column does not apply
    "bulk.not_used_by_status": "この在留資格では使わない項目です",
    "bulk.not_used_by_choice": "前提となる項目の選択では入力しない項目です",
    # what is wrong with an upload file
    "bulk.file.empty": "空か、バイト列ではありません。",
    "bulk.file.bom": "UTF-16LE（BOM付き）ではありません。",
    "bulk.file.encoding": "UTF-16LEとして読めません（{position}バイト目付近）。",
    "bulk.file.header_fields": "ヘッダ行の列数が多すぎます（{limit}列以上）。",
    "bulk.file.no_template": "3列目の申請種別コードからテンプレートが分かりません。",
    "bulk.file.header": "ヘッダ行がテンプレート{template}のものと一致しません。",
    "bulk.file.columns": "{record}件目（{line}行目）の列数が{fields}です（{width}列）。",
    "bulk.file.empty_line": "{record}件目（{line}行目）が空行です。",
    "bulk.file.kind_code": "{record}件目（{line}行目）の申請種別コードが「{value}」です。",
    # what is wrong with a CSV
    "csv.encoding.not_codec": "{position}バイト目が{encoding}として読めません",
    "csv.encoding.bom_then_invalid": "UTF-8のBOMの後の{position}バイト目がUTF-8として読めません",
    "csv.encoding.neither": "{position}バイト目がどちらとしても読めません",
    "csv.field_limit": "値が長すぎます",
    "csv.unreadable": "引用符の使い方が正しくありません",
    # why a record was not placed in an upload file
    "unplaced.record_errors": "記録の誤りを先に直してください。",
    "unplaced.no_template": "在留資格「{status}」からテンプレートが決まりません。",
    "unplaced.no_template_activity": (
        "在留資格「{status}」と活動「{activity}」からテンプレートが決まりません。"
    ),
    "unplaced.row_errors": "テンプレート{template}の行に誤りがあります。",
    # --- CLI: table headings, words and lines of the nyukan-rules command (cli/) ---
    "cli.heading.row": "行",
    "cli.heading.id": "社員番号等",
    "cli.heading.severity": "重要度",
    "cli.heading.code": "コード",
    "cli.heading.field": "項目",
    "cli.heading.message": "内容",
    "cli.heading.procedure": "申請の種類",
    "cli.heading.channel": "申請方法",
    "cli.heading.fee": "手数料（円）",
    "cli.heading.band": "在留期間の区分",
    "cli.heading.payment": "納付方法",
    "cli.heading.confidence": "確度",
    "cli.heading.first_day": "申請できる最初の日",
    "cli.heading.last_day": "申請できる最後の日",
    "cli.heading.days_left": "残り日数",
    "cli.heading.online_filing": "オンライン申請",
    "cli.heading.online_fee": "オンラインの手数料（円）",
    "cli.heading.counter_fee": "窓口の手数料（円）",
    "cli.heading.file": "ファイル",
    "cli.heading.check": "確認の種類",
    "cli.heading.result": "結果",
    "cli.heading.renews": "更新するもの",
    "cli.heading.urgency": "緊急度",
    "cli.heading.last_online": "オンラインの最終日",
    "cli.heading.last_counter": "窓口の最終日",
    "cli.heading.days": "日数",
    "cli.heading.applicants": "申請人数",
    "cli.heading.bytes": "バイト数",
    "cli.heading.header": "列見出し",
    "cli.heading.label": "項目名",
    "cli.heading.length": "桁数",
    "cli.heading.values": "選べる値",
    "cli.heading.status": "対象の在留資格",
    "cli.heading.file_name": "ファイル名",
    "cli.severity.error": "エラー",
    "cli.severity.warning": "警告",
    "cli.severity.info": "注記",
    "cli.yes": "可",
    "cli.no": "不可",
    "cli.ok": "問題なし",
    "cli.errors_found": "エラーあり",
    "cli.attachment": "添付ファイル",
    "cli.photo": "写真",
    "cli.not_offered": "取扱いなし",
    "cli.range": "{low}～{high}",
    "cli.single_source_only": "単一の情報源のみ（--single-source）",
    "cli.urgency.no_renewal": "更新なし",
    "cli.urgency.not_yet_open": "受付前",
    "cli.urgency.open": "受付中",
    "cli.urgency.last_two_weeks": "残り2週間未満",
    "cli.urgency.online_closed": "オンライン受付終了",
    "cli.urgency.expired": "期限切れ",
    "cli.renewal.period_of_stay": "在留期間の更新",
    "cli.renewal.residence_card": "在留カードの有効期間の更新",
    "cli.confidence.official": "公式",
    "cli.confidence.secondary": "二次情報",
    "cli.confidence.single": "単一の情報源",
    "cli.confidence.unverified": "未確認",
    "cli.counts": "{verdict}：エラー{errors}件、警告{warnings}件、注記{infos}件",
    "cli.no_findings": "指摘事項はありません。",
    "cli.fee.title": "{on}に受理される申請の手数料",
    "cli.fee.range_note": (
        "幅のある額は、許可される在留期間によって手数料が変わることを示します"
        "（--periodで指定できます）。"
    ),
    "cli.fee.single_only": (
        "{kind}の{channel}での手数料は単一の情報源でしか確認できません。"
        "--single-sourceを付けると表示します。"
    ),
    "cli.eligibility.online": "この申請はオンラインでできます。",
    "cli.eligibility.not_online": "この申請はオンラインではできません。",
    "cli.deadlines.title": "{expires_on}に満了する在留期間の更新",
    "cli.deadlines.special": "特例期間は遅くとも{end}に終わります。",
    "cli.rules.schedule": "{on}時点：手数料表{id}（{title}）",
    "cli.check.no_files": "{path}に確認するファイルがありません。",
    "cli.source.example": "（同梱の申請データ例）",
    "cli.source.stdin": "（標準入力）",
    "cli.usage.check_what": "確認するファイル又はフォルダを指定してください（又は--example）。",
    "cli.usage.one_photo": "一つの申請に付ける写真は1枚までです。",
    "cli.usage.too_large_to_check": (
        "{size}バイトあり、大きすぎて確認できません（アップロードの上限は{limit}バイト）。"
    ),
    "cli.usage.too_large": "大きすぎて読み込めません。",
    "cli.usage.not_json": "{path}：JSONのオブジェクトではありません（{detail}）。",
    "cli.usage.json_object": "{path}：JSONのオブジェクトにしてください。",
    "cli.usage.columns_map": "{path}：見出しを項目名に対応させるオブジェクトにしてください。",
    "cli.usage.column_pair": "--columnは見出し=項目名の形で指定します（{value}）。",
    "cli.usage.set_pair": "--setは見出し=値の形で指定します（{value}）。",
    "cli.usage.csv_or_example": "CSVファイルを一つ、又は--exampleを指定してください。",
    "cli.usage.out_needed": "--outで書き込むフォルダを指定してください（又は--dry-run）。",
    "cli.usage.overwrite": "{files}を上書きすることになります（上書きするには--force）。",
    "cli.usage.kind_and_status": "--kindと--statusは一緒に指定します。",
    "cli.usage.code_or_kind": (
        "CODEか、--kindと--statusのどちらかを指定してください（両方は不可）。"
    ),
    "cli.internal_error": (
        "内部エラー（{error}）です。不具合として報告してください"
        "（環境変数NYUKAN_RULES_DEBUG=1で詳細を表示します）。"
    ),
    "cli.check.submission": "{files}ファイル、合計{bytes}バイトの申請",
    "cli.validate.read": "{source}：{rows}行、文字コード{encoding}",
    "cli.plan.title": "{on}時点の更新予定",
    "cli.plan.summary": "{people}人中{planned}人の予定を立てました。{counts}",
    "cli.upload.title": "アップロードファイル",
    "cli.upload.title_dry_run": "アップロードファイル（試行のため書き込みません）",
    "cli.upload.summary": "{records}件中{placed}件をファイルに入れました。{counts}",
    "cli.upload.stand_in": (
        "注：申請データにない項目に仮の回答を入れます（実際の申請には使わないでください）"
    ),
    "cli.templates.title": "テンプレート{count}種類",
    "cli.templates.needed": "まだ入力が必要な列",
    "cli.templates.to_fill": "入力する列",
    "cli.templates.columns": "{count}列",
    "cli.templates.more": "…（全{count}個）",
    "cli.templates.head": "{code} {file_name}：{kind}、{status}",
    "cli.progress.rows": "{label}（{rows}行）…",
    "cli.progress.reading": "読み込み中",
    "cli.progress.normalizing": "正規化中",
    "cli.progress.validating": "確認中",
    "cli.progress.planning": "予定を作成中",
    "cli.progress.making_files": "ファイルを作成中",
    "cli.progress.checking_pdfs": "PDFを確認中",
    "cli.progress.checking_photos": "写真を確認中",
    "cli.demo.title": "申請例：{name}（{on}）",
    "cli.demo.procedures": "申請の種類：{kinds}",
    "cli.demo.status": "在留資格：{status}、在留期間{period}（{expires_on}満了）",
    "cli.demo.filed_by": "申請する人：{role}",
    "cli.demo.eligibility": "オンライン申請の可否",
    "cli.demo.fees": "手数料（円。受理日の手数料表による）",
    "cli.demo.fee": "{channel}　{kind}：{yen}{band}（幅{range}、納付方法：{payment}）",
    "cli.demo.total": "{channel}　合計：{yen}",
    "cli.demo.deadlines": "期限",
    "cli.demo.window": "{channel}：{first}から{last}まで申請できます（残り{days}日）",
}

#: Params that hold a catalog member (or its value): shown as the member's name
#: in the language (context ``name:<Catalog>``).
NAME_PARAMS: dict[str, str] = {
    "kind": "ApplicationKind",
    "role": "ApplicantRole",
    "status": "StatusOfResidence",
    "desired_status": "StatusOfResidence",
    "period": "PeriodOfStay",
    "channel": "Channel",
}
#: Params that hold a day (kept as ISO text, ``2026-11-23``, so that JSON gives the
#: finding back): shown as a date in the language.  Other params show text as given.
DATE_PARAMS = frozenset(
    {"on", "since", "until", "expires_on", "taken_on", "submitted_on", "first_day", "last_day"}
)
#: Params that hold a field's label (Japanese, from its spec): context ``field``.
LABEL_PARAMS = frozenset({"label", "parent"})
#: Params that hold a key of :data:`TERMS` (or a tuple of keys, shown as a list).
TERM_PARAMS = frozenset(
    {"what", "reason", "note", "expected", "era", "detail", "kept_phone", "dropped_phone"}
)
#: Params shown through a phrase only when they have a value (else nothing):
#: the phrase's Japanese source, context ``term``.
FRAGMENT_PARAMS: dict[str, str] = {
    "suggestion": "（候補：{suggestion}）",
    "more": "（ほかに{more}文字）",
    "hint": "（渡された文字列はファイル名のようです。ファイルの中身を渡してください）",
    "unknown": "（不詳は99999999・YYYY0000・YYYYMM00）",
}


def about_record(finding: Finding, record: str) -> Finding:
    """``finding`` with the record it is about named in front of its message.

    >>> about_record(make_finding("csv.empty"), "employee_id E1").message_en
    '[employee_id E1] The CSV is empty (no header line).'
    """
    return attrs.evolve(finding, params={**finding.params, "record": record})


MAX_FINDINGS_PER_CODE = 100
"""How many findings of one code :func:`cap_findings` keeps by default."""


def make_finding(
    code: str,
    *,
    severity: Severity | None = None,
    field: str | None = None,
    sources: Iterable[Source] = (),
    **params: Any,
) -> Finding:
    """The :class:`Finding` for ``code`` with its params; no text is made here.

    >>> from datetime import date
    >>> found = make_finding("eligibility.expired", expires_on=date(2026, 1, 31))
    >>> found.severity
    <Severity.ERROR: 'error'>
    >>> found.message("en")
    'The period of stay expired on Jan 31, 2026; it cannot be filed online.'

    """
    try:
        message = MESSAGES[code]
    except KeyError:
        raise UnknownNameError("finding code", code) from None
    return Finding(
        code=code,
        severity=severity or message.severity,
        params=params,
        field=field,
        sources=sources,
    )


def more_findings_notes(
    counts: Mapping[str, int], *, limit: int = MAX_FINDINGS_PER_CODE
) -> list[Finding]:
    """One ``report.more_findings`` note per code counted past ``limit``.

    For checks that count findings past the cap instead of building them
    (``counts`` maps a code to how many there were in all); a note has its
    code's severity, so a capped report of errors is not ``ok``.

    >>> [f.message_en for f in more_findings_notes({"csv.nul": 103, "csv.empty": 1})]
    ['3 more finding(s) with code csv.nul (only the first 100 are listed).']
    """
    return [
        make_finding(
            "report.more_findings",
            severity=MESSAGES[code].severity,
            capped_code=code,
            count=count - limit,
            limit=limit,
        )
        for code, count in counts.items()
        if count > limit
    ]


def cap_findings(
    findings: Iterable[Finding],
    *,
    limit: int = MAX_FINDINGS_PER_CODE,
    field: str | None = None,
) -> list[Finding]:
    """Keep the first ``limit`` findings of each code and count the rest.

    Untrusted input can repeat one problem millions of times; a report keeps
    the first ``limit`` of each code, in order, and ends with one
    ``report.more_findings`` note per capped code saying how many were left
    out, with the severity of the worst of them, so nothing is dropped without
    a finding and a capped report of errors is not ``ok``.  The input is consumed
    lazily: memory stays bounded by ``limit`` per code however many findings
    the iterable yields.

    >>> many = (make_finding("csv.empty") for _ in range(5))
    >>> [f.code for f in cap_findings(many, limit=2)]
    ['csv.empty', 'csv.empty', 'report.more_findings']
    """
    cap = Cap(limit, field=field)
    return [finding for finding in findings if cap.keeps(finding)] + cap.notes()


class Cap:
    """The one rule of capped reports: keep the first ``limit`` findings of each code,
    count the rest, and end with one ``report.more_findings`` note per capped code,
    with the severity of the worst finding it counts (so a capped report of errors is
    not ``ok``).  Used by :func:`cap_findings` and by every batch function that takes
    ``max_findings_per_code``.

    >>> cap = Cap(1)
    >>> [cap.keeps(make_finding("csv.empty")) for _ in range(3)], cap.notes()[0].params["count"]
    ([True, False, False], 2)
    """

    __slots__ = ("_counts", "_field", "_worst", "limit")

    def __init__(self, limit: int, *, field: str | None = None) -> None:
        self.limit = limit
        self._field = field
        self._counts: dict[str, int] = {}
        self._worst: dict[str, Severity] = {}  # of the findings left out, per code

    def keeps(self, finding: Finding) -> bool:
        """Whether ``finding`` is among the first ``limit`` of its code (else counted)."""
        code = finding.code
        count = self._counts.get(code, 0) + 1
        self._counts[code] = count
        if count <= self.limit:
            return True
        self._worst[code] = worse(self._worst.get(code), finding.severity)
        return False

    def notes(self) -> list[Finding]:
        """One note per code counted past the limit, in the order the codes came."""
        limit = self.limit
        return [
            make_finding(
                "report.more_findings",
                severity=self._worst[code],
                field=self._field,
                capped_code=code,
                count=count - limit,
                limit=limit,
            )
            for code, count in self._counts.items()
            if count > limit
        ]


_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


def worse(one: Severity | None, other: Severity) -> Severity:
    """The worse of two severities (``one`` may be None): a note that counts
    findings left out has the severity of the worst of them, so a capped
    report of errors is never ``ok``.

    >>> worse(Severity.WARNING, Severity.ERROR)
    <Severity.ERROR: 'error'>
    """
    return other if one is None or _RANK[other] > _RANK[one] else one
