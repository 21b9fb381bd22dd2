"""The one table of finding codes and their Japanese and English messages.

Codes are stable API; the wording may improve.  Messages are ``str.format``
templates filled with named values, never built by concatenation.  The docs'
list of finding codes is generated from :data:`MESSAGES`, and a test checks
that every code the package emits is listed here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import attrs

from nyukan_rules.errors import UnknownNameError
from nyukan_rules.report import Finding, Severity
from nyukan_rules.sources import Source

__all__ = [
    "MAX_FINDINGS_PER_CODE",
    "MESSAGES",
    "RECORD_FRAME",
    "Message",
    "about_record",
    "cap_findings",
    "make_finding",
    "more_findings_notes",
]


@attrs.frozen
class Message:
    """The texts of one finding code and the severity it normally has."""

    severity: Severity
    ja: str
    en: str


_E, _W, _I = Severity.ERROR, Severity.WARNING, Severity.INFO

MESSAGES: dict[str, Message] = {
    # --- online eligibility ------------------------------------------------------
    "eligibility.system_not_available": Message(
        _E,
        "{on}には在留申請オンラインシステムは稼働していません（{since}開始）。",
        "The online residence-application system was not in service on {on}"
        " (it started on {since}).",
    ),
    "eligibility.kind_not_offered": Message(
        _E,
        "{kind_ja}はオンラインでは申請できません。窓口で申請してください。",
        "{kind_en} cannot be filed online; file it at an immigration office counter.",
    ),
    "eligibility.requires_companion": Message(
        _E,
        "{kind_ja}は、在留資格変更・在留期間更新・在留資格取得の申請と同時の場合に限り"
        "オンラインで申請できます。",
        "{kind_en} can be filed online only together with a change of status, an"
        " extension of period or an acquisition of status in the same filing.",
    ),
    "eligibility.role_not_available": Message(
        _E,
        "{on}には「{role_ja}」はオンライン申請を利用できません（{since}から利用可能）。",
        "On {on} a {role_en} could not file online (possible from {since}).",
    ),
    "eligibility.role_not_for_kind": Message(
        _E,
        "「{role_ja}」は{kind_ja}をオンラインで申請できません。",
        "A {role_en} cannot file {kind_en} online.",
    ),
    "eligibility.relative_condition": Message(
        _E,
        "親族による申請は、申請人が16歳未満の場合又は疾病その他の事由により自ら申請できない"
        "場合に限られます。",
        "A relative may file only for an applicant under 16 or one who cannot file"
        " because of illness or a similar reason.",
    ),
    "eligibility.relative_condition_unknown": Message(
        _W,
        "申請人の年齢が不明のため、親族による申請の条件（16歳未満又は自ら申請できない）を"
        "確認できません。",
        "The applicant's age is not given, so the condition for a relative to file"
        " (under 16, or unable to file) could not be checked.",
    ),
    "eligibility.agent_not_registered": Message(
        _E,
        "「{role_ja}」としてオンライン申請するには、申請等取次者としての届出・承認が必要です。",
        "A {role_en} must be a registered or approved filing agent (申請等取次者) to file online.",
    ),
    "eligibility.status_excluded": Message(
        _E,
        "在留資格「{status_ja}」の方はオンラインで申請できません。",
        "A holder of {status_en} cannot file online.",
    ),
    "eligibility.desired_status_excluded": Message(
        _E,
        "在留資格「{status_ja}」への申請はオンラインではできません。",
        "An application for {status_en} cannot be filed online.",
    ),
    "eligibility.status_not_in_force": Message(
        _E,
        "在留資格「{status_ja}」は{on}には存在しません（{since}から）。",
        "The status {status_en} does not exist on {on} (it exists from {since}).",
    ),
    "eligibility.status_scope_limited": Message(
        _W,
        "在留資格「{status_ja}」のオンライン申請には条件があります：{note_ja}",
        "Online filing for {status_en} is limited: {note_en}",
    ),
    "eligibility.status_unknown": Message(
        _W,
        "現在の在留資格が指定されていないため、対象外の在留資格かどうか確認できません。",
        "The current status of residence is not given, so it could not be checked"
        " against the statuses excluded from online filing.",
    ),
    "eligibility.desired_status_unknown": Message(
        _W,
        "希望する在留資格が指定されていないため、対象外の在留資格かどうか確認できません。",
        "The desired status of residence is not given, so it could not be checked"
        " against the statuses excluded from online filing.",
    ),
    "eligibility.applicant_abroad": Message(
        _W,
        "在留資格認定証明書の申請人は通常海外にいますが、システムは海外からの接続を制限しています。"
        "日本国内の所属機関、代理人又は取次者による申請を検討してください。",
        "A certificate-of-eligibility applicant is usually abroad, and the system restricts"
        " access from abroad: consider filing through the receiving organization, an agent or a"
        " registered filing agent in Japan.",
    ),
    "eligibility.expiry_day": Message(
        _E,
        "在留期間の満了日（{expires_on}）当日はオンラインで申請できません。前日までに"
        "オンラインで、又は当日中に窓口で申請してください。",
        "Online filing is not accepted on the expiry day itself ({expires_on}); file"
        " online by the day before, or at a counter.",
    ),
    "eligibility.expired": Message(
        _E,
        "在留期間は{expires_on}に満了しています。オンラインでは申請できません。",
        "The period of stay expired on {expires_on}; it cannot be filed online.",
    ),
    # --- attachments ----------------------------------------------------------------
    "attachment.empty": Message(
        _E,
        "ファイル「{name}」は空です（0バイト）。",
        "The file {name} is empty (0 bytes).",
    ),
    "attachment.not_pdf": Message(
        _E,
        "ファイル「{name}」はPDFではありません：{reason_ja}",
        "The file {name} is not a PDF: {reason_en}",
    ),
    "attachment.unreadable": Message(
        _E,
        "ファイル「{name}」はPDFとして読み取れません（{detail}）。",
        "The file {name} cannot be read as a PDF ({detail}).",
    ),
    "attachment.encrypted": Message(
        _E,
        "ファイル「{name}」は暗号化されています（パスワード設定）。システムではエラーファイルとして"
        "扱われ、提出されなかったことになります。パスワードを解除して保存し直してください。",
        "The file {name} is encrypted (password protection). The system turns it into an"
        " error file and the document counts as not submitted: save it again without a password.",
    ),
    "attachment.restricted": Message(
        _E,
        "ファイル「{name}」には{what_ja}の制限が設定されています。システムではエラーファイルとして"
        "扱われます。制限を解除して保存し直してください。",
        "The file {name} restricts {what_en}. The system turns it into an error file: save it"
        " again without restrictions.",
    ),
    "attachment.pdf_version": Message(
        _W,
        "ファイル「{name}」はPDF {version}です。ISO 32000-1（PDF 1.x）に準拠した形式で"
        "保存してください。",
        "The file {name} is PDF {version}; the system asks for ISO 32000-1 (PDF 1.x).",
    ),
    "attachment.repaired": Message(
        _W,
        "ファイル「{name}」には規格に合わない箇所があります（{detail}）。エラーファイルと"
        "なるおそれがあるため、PDFとして保存し直すことをお勧めします。",
        "The file {name} does not fully conform to the PDF standard ({detail}); it may become"
        " an error file. Consider saving it again as a PDF.",
    ),
    "attachment.too_large": Message(
        _E,
        "ファイル「{name}」は{size:,}バイトで、上限の{limit:,}バイトを超えています。",
        "The file {name} has {size:,} bytes, over the limit of {limit:,} bytes.",
    ),
    # --- files: safety (issue 10: budgets, active content) ------------------------------
    "attachment.too_complex": Message(
        _E,
        "ファイル「{name}」は構造が複雑すぎるため、上限（{limit:,}手順）内で確認できません"
        "でした。PDFとして保存し直してください（「PDFに印刷」など）。",
        "The file {name} is too complex to check within the limit of {limit:,} steps; save it"
        " again as a PDF (print to PDF, say).",
    ),
    "attachment.javascript": Message(
        _W,
        "ファイル「{name}」にはJavaScriptが含まれています。JavaScriptのないPDFとして"
        "保存し直してください。",
        "The file {name} contains JavaScript; save it again as a PDF without scripts.",
    ),
    "attachment.launch_action": Message(
        _W,
        "ファイル「{name}」には他のファイルやプログラムを起動する操作（Launch）が含まれています。",
        "The file {name} contains an action that launches another file or program (Launch).",
    ),
    "attachment.open_action": Message(
        _W,
        "ファイル「{name}」には開いたときなどに自動で実行される操作が含まれています。",
        "The file {name} contains an action that runs by itself (when it is opened, say).",
    ),
    "attachment.embedded_files": Message(
        _W,
        "ファイル「{name}」には他のファイルが埋め込まれています。添付する書類ごとに"
        "PDFにしてください。",
        "The file {name} has other files embedded in it; attach each document as its own PDF.",
    ),
    "attachment.xfa": Message(
        _W,
        "ファイル「{name}」はXFAフォームです。多くの閲覧ソフトで表示できないため、"
        "PDFに印刷して保存し直してください。",
        "The file {name} is an XFA form, which many viewers cannot show; print it to a PDF.",
    ),
    "attachment.rich_media": Message(
        _W,
        "ファイル「{name}」には動画・3D・Flashなどのマルチメディアが含まれています。",
        "The file {name} contains multimedia (video, 3D, Flash: RichMedia).",
    ),
    # --- the whole submission -------------------------------------------------------
    "submission.single_file_required": Message(
        _E,
        "旧システムでは添付できるPDFは1ファイルのみです（{count}ファイルあります）。"
        "1つのPDFにまとめてください（merge_pdfs）。",
        "The legacy system takes exactly one PDF ({count} files given): merge them into"
        " one (merge_pdfs).",
    ),
    "submission.too_many_files": Message(
        _E,
        "添付ファイルは{limit}ファイルまでです（{count}ファイルあります）。",
        "At most {limit} files can be attached ({count} given).",
    ),
    "submission.photo_may_count": Message(
        _W,
        "添付ファイルが{count}ファイルあり、顔写真を含めると{limit}ファイルを超えます。"
        "顔写真がファイル数に含まれるかは公表されていません。",
        "{count} attachments plus the face photo exceed {limit} files if the photo counts;"
        " whether it does is not published.",
    ),
    "submission.total_too_large": Message(
        _E,
        "添付ファイルの合計（顔写真を含む）は{total:,}バイトで、上限の{limit:,}バイトを超えて"
        "います。",
        "The attachments and the photo add up to {total:,} bytes, over the limit of"
        " {limit:,} bytes.",
    ),
    "submission.image_attachment": Message(
        _W,
        "ファイル「{name}」は{format}です。新システムで受け付ける形式は公表されていないため、"
        "PDFに変換することをお勧めします。",
        "The file {name} is a {format} image; the current system's accepted formats are not"
        " published, so PDF is the safe choice.",
    ),
    "submission.no_files": Message(
        _W,
        "添付ファイルがありません。",
        "No file is attached.",
    ),
    "submission.duplicate_name": Message(
        _W,
        "ファイル名「{name}」が{count}回使われています。",
        "The file name {name} is used {count} times.",
    ),
    # --- the face photo -----------------------------------------------------------------
    "photo.unreadable": Message(
        _E,
        "顔写真を画像として読み取れません（{detail}）。",
        "The photo cannot be read as an image ({detail}).",
    ),
    # --- files: safety (issue 10: budgets) --------------------------------------------
    "photo.too_complex": Message(
        _E,
        "顔写真のファイル構造が複雑すぎるため確認できません（{detail}）。JPEG形式で"
        "保存し直してください。",
        "The photo's file structure is too complex to check ({detail}); save it again as a JPEG.",
    ),
    "photo.format": Message(
        _W,
        "顔写真の形式が{format}です。JPEG形式で保存してください。",
        "The photo is a {format} file; save it as a JPEG.",
    ),
    "photo.too_many_pixels": Message(
        _E,
        "顔写真の画素数（{width}×{height}）が多すぎます（上限{limit:,}画素）。"
        "画像を読み込まずに拒否しました。",
        "The photo declares {width}x{height} pixels, over the limit of {limit:,}; it was"
        " refused without decoding.",
    ),
    "photo.aspect_ratio": Message(
        _E,
        "顔写真の縦横比が縦4：横3ではありません（{width}×{height}、縦/横={ratio:.3f}）。",
        "The photo is not 4:3 portrait (height:width): {width}x{height}, ratio {ratio:.3f}.",
    ),
    "photo.too_small": Message(
        _W,
        "顔写真が小さすぎます（{width}×{height}）。短辺{limit}画素以上にしてください。",
        "The photo is too small ({width}x{height}); the shorter side should be at least"
        " {limit} pixels.",
    ),
    "photo.too_large": Message(
        _W,
        "顔写真が大きすぎます（{width}×{height}）。長辺{limit}画素以下にしてください。",
        "The photo is very large ({width}x{height}); keep the longer side at {limit} pixels"
        " or less.",
    ),
    "photo.file_size": Message(
        _W,
        "顔写真のファイルサイズ（{size:,}バイト）が目安（{low:,}〜{high:,}バイト）の範囲外です。",
        "The photo file has {size:,} bytes, outside the usual {low:,} to {high:,} bytes.",
    ),
    "photo.color_mode": Message(
        _W,
        "顔写真の色形式が{mode}です。RGBカラーで保存してください。",
        "The photo is in {mode} mode; save it as RGB colour.",
    ),
    "photo.too_old": Message(
        _E,
        "顔写真の撮影日（{taken_on}）が提出日（{submitted_on}）の{months}か月前より前です。",
        "The photo was taken on {taken_on}, more than {months} months before the"
        " submission on {submitted_on}.",
    ),
    "photo.taken_after_submission": Message(
        _W,
        "顔写真の撮影日（{taken_on}）が提出日（{submitted_on}）より後になっています。"
        "カメラの日時設定を確認してください。",
        "The photo's date ({taken_on}) is after the submission ({submitted_on}); check the"
        " camera's clock.",
    ),
    "photo.date_unknown": Message(
        _I,
        "顔写真の撮影日が分からないため、{months}か月以内に撮影されたか確認できません。",
        "The photo's date is unknown, so it could not be checked that it was taken within"
        " {months} months.",
    ),
    # --- field formats --------------------------------------------------------------
    "field.required": Message(
        _E,
        "{label_ja}は必須入力です。",
        "{label_en} is required.",
    ),
    "field.not_text": Message(
        _E,
        "{label_ja}が文字列ではありません（{type}）。",
        "{label_en} is not text (a {type}).",
    ),
    "field.too_long": Message(
        _E,
        "{label_ja}は{limit}文字以内で入力してください（{length}文字）。",
        "{label_en} takes at most {limit} characters ({length} given, counted in UTF-16 units).",
    ),
    "field.format": Message(
        _E,
        "{label_ja}の入力形式が正しくありません（{expected_ja}）。",
        "{label_en} is not in the expected form: {expected_en}.",
    ),
    "field.check_digit": Message(
        _E,
        "{label_ja}「{value}」のチェックデジットが正しくありません。",
        "{label_en} {value} has a wrong check digit.",
    ),
    "field.invalid_date": Message(
        _E,
        "{label_ja}「{value}」は存在しない日付です。",
        "{label_en} {value} is not a date of the calendar.",
    ),
    "field.unsupported_char": Message(
        _E,
        "{label_ja}の{index}文字目「{char}」（{codepoint}）は入力できません{suggestion_ja}。",
        "{label_en} cannot take the character {char!r} ({codepoint}) at position"
        " {index}{suggestion_en}.",
    ),
    "field.more_unsupported_chars": Message(
        _E,
        "{label_ja}には入力できない文字がほかに{count}文字あります。",
        "{label_en} has {count} more characters it cannot take.",
    ),
    "field.outside_jis": Message(
        _W,
        "{label_ja}の{index}文字目「{char}」（{codepoint}）はJIS X 0208にない文字です"
        "{suggestion_ja}。システムで正しく扱われないおそれがあります。",
        "{label_en} has {char!r} ({codepoint}) at position {index}, outside JIS X 0208"
        "{suggestion_en}; the system may not keep it.",
    ),
    # --- text/core: safety (issue 10) ------------------------------------------------------
    # The character itself is never put in these messages: it may be invisible,
    # reorder the text around it (U+202E) or be impossible to encode.
    "field.control_char": Message(
        _E,
        "{label_ja}の{index}文字目に制御文字または書式文字（{codepoint}）があります。"
        "削除するか、通常の文字に置き換えてください。",
        "{label_en} has a control or format character ({codepoint}) at position {index};"
        " remove it or replace it with an ordinary character.",
    ),
    "field.invalid_char": Message(
        _E,
        "{label_ja}の{index}文字目（{codepoint}）は文字として読めません（対になっていない"
        "サロゲート）。元のデータの文字コードを確認してください。",
        "{label_en} has no valid character at position {index} ({codepoint}, a lone"
        " surrogate): check the encoding the source data was read with.",
    ),
    "field.era_date": Message(
        _E,
        "{label_ja}「{value}」は{era}の期間（{since}〜{until}）にない日付です。",
        "{label_en} {value!r} is not a date of the {era_en} era ({since} to {until}).",
    ),
    # --- bulk upload rows --------------------------------------------------------------
    # The tool's own messages (mdlChk) for its checks, then ours for what it misses.
    "batch.not_a_row": Message(
        _E,
        "{row}行目はデータの行（項目名と値の組）ではありません（{type}）。",
        "Row {row} is not a mapping of column names to values (it is {type}).",
    ),
    "batch.unknown_column": Message(
        _E,
        "「{name}」はこのテンプレート（{template}）の列ではありません。",
        "{name} is not a column of template {template}.",
    ),
    "batch.not_text": Message(
        _E,
        "{label}の値が文字列ではありません（{type}）。",
        "{label_en} is not text (a {type}); give every value as a string.",
    ),
    "batch.control_char": Message(
        _E,
        "{label}にタブ又は改行が含まれています。アップロードファイルの区切りが壊れます。",
        "{label_en} contains a tab or a line break, which would break the upload file's lines.",
    ),
    "batch.char_class": Message(
        _E,
        "{label}の入力形式が正しくありません（{index}文字目「{char}」）。",
        "{label_en} is not in the expected form: {char!r} at position {index} is not allowed.",
    ),
    "batch.too_long": Message(
        _E,
        "{label}は{limit}桁以内で入力してください（{length}桁）。",
        "{label_en} takes at most {limit} characters ({length} given).",
    ),
    "batch.length": Message(
        _E,
        "{label}は{limit}桁で入力してください（{length}桁）。",
        "{label_en} takes exactly {limit} characters ({length} given).",
    ),
    "batch.required": Message(
        _E,
        "{label}は必須入力です。",
        "{label_en} is required.",
    ),
    "batch.unknown_code": Message(
        _E,
        "{label}に該当する情報がありません（「{value}」）。",
        "{label_en}: {value!r} is neither a code nor a label of its list.",
    ),
    "batch.not_applicable": Message(
        _E,
        "{label}は入力できません（{reason_ja}）。",
        "{label_en} must be empty: {reason_en}.",
    ),
    "batch.parent_missing": Message(
        _E,
        "{label}を入力している場合は、{parent}を入力してください。",
        "{label_en} is given, so {parent_en} must be given too.",
    ),
    "batch.invalid_date": Message(
        _E,
        "{label}「{value}」は存在しない日付です{unknown_ja}。",
        "{label_en} {value!r} is not a date of the calendar{unknown_en}.",
    ),
    "batch.name_format": Message(
        _E,
        "{label}は半角英大文字で、単語の間は半角スペース1つで入力してください（104文字以内）。",
        "{label_en} must be half-width capitals with one space between words (at most 104).",
    ),
    "batch.outside_jis": Message(
        _W,
        "{label}の{index}文字目「{char}」はJIS X 0208にない文字です{suggestion_ja}。",
        "{label_en} has {char!r} at position {index}, outside JIS X 0208{suggestion_en}.",
    ),
    "batch.phone_required": Message(
        _E,
        "電話番号又は携帯電話番号のどちらかを入力してください。",
        "Give a phone number or a mobile phone number.",
    ),
    "batch.file_format": Message(
        _E,
        "アップロードファイルの形式が正しくありません：{detail_ja}",
        "The upload file is not in the tool's format: {detail_en}",
    ),
    # --- bulk: issue 9 (records to upload files) and issue 10 (hostile input) --------------
    "batch.invalid_char": Message(
        _E,
        "{label}の{index}文字目に使えない文字（{codepoint}：制御文字・書式文字又は不正なサロゲート）"
        "があります{more_ja}。アップロードファイルには書き込みません。",
        "{label_en} has a character it cannot take at position {index} ({codepoint}: a control"
        " or format character or a lone surrogate){more_en}; it is not written to the upload file.",
    ),
    "batch.unmapped_value": Message(
        _E,
        "{line}行目の{position}列目（{name}）に値がありますが、テンプレート{template}の"
        "入力項目ではありません。",
        "Line {line}, field {position} ({name}) has a value, but no input column of template"
        " {template} is written there.",
    ),
    "batch.too_many_rows": Message(
        _E,
        "1つのアップロードファイルに入れられる申請者は{limit}人までです（{count}人）。"
        "{limit}人目より後の行は検査していません。",
        "An upload file takes at most {limit} applicants ({count} in this one); the rows"
        " after the {limit}th were not checked.",
    ),
    "batch.rows_not_read": Message(
        _E,
        "{line}行目以降の{count}行は読み込んでいません（1ファイルの申請者は{limit}人まで）。",
        "The {count} line(s) from line {line} on were not read (an upload file takes at"
        " most {limit} applicants).",
    ),
    "batch.duplicate_applicant": Message(
        _E,
        "{row}件目は{first}件目と同じ申請者です（{what_ja}「{value}」）。",
        "Record {row} is the same applicant as record {first} (same {what_en} {value!r}).",
    ),
    "batch.phone_kept": Message(
        _I,
        "電話番号と携帯電話番号の両方があるため、テンプレートが受け付ける{kept_ja}のみを記入しました"
        "（{dropped_ja}「{dropped}」は記入していません）。",
        "Both a phone and a mobile number were given; the template takes one, so only the"
        " {kept_en} was filled ({dropped_en} {dropped!r} left out).",
    ),
    "batch.field_not_in_template": Message(
        _I,
        "「{name}」はテンプレート{template}のどの列にも対応しないため、アップロードファイルには"
        "書き込みません（{count}件）。",
        "{name} fills no column of template {template}, so it is not written to the upload"
        " file ({count} record(s)).",
    ),
    "batch.value_overridden": Message(
        _I,
        "{label}には列名で与えられた値を記入しました（「{name}」の値「{dropped}」は記入していません）。",
        "{label_en}: the value given under its column name was written, not {name}'s {dropped!r}.",
    ),
    "batch.unplaced": Message(
        _E,
        "{row}件目（{record}）はアップロードファイルに入れられません：{reason_ja}",
        "Record {row} ({record}) cannot be put in an upload file: {reason_en}",
    ),
    # --- HR records and their CSV ---------------------------------------------------------
    "record.unknown_field": Message(
        _W,
        "「{name}」は項目定義にありません（検査せずにそのまま扱います）。",
        "{name} is not a field of the record spec; it is kept as it is, unchecked.",
    ),
    "record.phone_required": Message(
        _E,
        "電話番号又は携帯電話番号のどちらかを入力してください。",
        "Give a phone number or a mobile phone number.",
    ),
    "record.born_in_future": Message(
        _E,
        "生年月日（{value}）が基準日（{on}）より後です。",
        "The date of birth ({value}) is after {on}.",
    ),
    "record.passport_expired": Message(
        _E,
        "旅券の有効期限（{value}）が基準日（{on}）より前です。",
        "The passport expired on {value}, before {on}.",
    ),
    "record.duplicate": Message(
        _E,
        "{label}「{value}」が{first}行目と重複しています。",
        "{label_en} {value} is the same as in row {first}.",
    ),
    "roster.unusable_person": Message(
        _E,
        "{row}行目の人は計画できません：{detail}",
        "The person in row {row} cannot be planned: {detail}",
    ),
    "csv.encoding": Message(
        _E,
        "CSVの文字コードがUTF-8でもShift_JIS（cp932）でもありません（{detail}）。",
        "The CSV is neither UTF-8 nor Shift_JIS (cp932): {detail}.",
    ),
    "csv.malformed": Message(
        _E,
        "CSVの{line}行目を読めません（{detail}）。",
        "Line {line} of the CSV cannot be read: {detail}.",
    ),
    "csv.ragged_row": Message(
        _E,
        "{line}行目の列数が{count}で、見出しの{expected}列と合いません。",
        "Line {line} has {count} fields; the header has {expected}.",
    ),
    "csv.unknown_column": Message(
        _W,
        "見出し「{name}」は項目定義にありません。",
        "The column {name} is not in the record spec.",
    ),
    "csv.duplicate_column": Message(
        _E,
        "見出し「{name}」が2回以上あります。",
        "The column {name} appears more than once.",
    ),
    "csv.empty": Message(
        _E,
        "CSVが空です（見出し行がありません）。",
        "The CSV is empty (no header line).",
    ),
    # --- HR records, roster, CSV (issues 9 and 10) ----------------------------------------
    "record.value_not_accepted": Message(
        _E,
        "{label}「{value}」は受け付けられません（{expected_ja}を入力してください）。",
        "{label_en} '{value}' would be refused: give {expected_en}.",
    ),
    "record.value_left_out": Message(
        _W,
        "「{name}」の値が文字列ではないため（{type}）、正規化後のデータに含めていません。",
        "The value of {name} is not text ({type}); it is left out of the normalized record.",
    ),
    "record.field_name_not_text": Message(
        _W,
        "項目名 {name} が文字列ではないため（{type}）、文字列「{name}」として扱いました。",
        "The field name {name} is not text ({type}); it is kept as the text '{name}'.",
    ),
    "roster.missing_expiry": Message(
        _E,
        "{row}行目（ID「{id}」）：{what_ja}がないため、更新の計画を立てられません。",
        "Row {row} (id '{id}'): no plan can be made: {what_en} is missing.",
    ),
    "roster.missing_period": Message(
        _E,
        "{row}行目（ID「{id}」）：在留期間がないため（在留資格「{status}」）、"
        "更新の計画を立てられません。",
        "Row {row} (id '{id}'): no plan can be made: the period of stay is missing"
        " (status '{status}').",
    ),
    "record.indefinite_period": Message(
        _E,
        "{label}が「{value}」（無期限）ですが、在留資格「{status}」には在留期間があります。",
        "{label_en} is '{value}' (no limit), but status {status_en} has a period of stay.",
    ),
    "roster.indefinite_period": Message(
        _E,
        "{row}行目（ID「{id}」）：在留期間が「{value}」（無期限）ですが、在留資格「{status}」"
        "には在留期間があるため、更新の計画を立てられません。",
        "Row {row} (id '{id}'): no plan can be made: the period of stay is '{value}' (no"
        " limit), but status '{status}' has a period of stay.",
    ),
    "roster.unknown_status": Message(
        _E,
        "{row}行目（ID「{id}」）：在留資格「{value}」が分からないため、更新の計画を立てられません。",
        "Row {row} (id '{id}'): no plan can be made: '{value}' is not a status of residence.",
    ),
    "roster.unknown_period": Message(
        _E,
        "{row}行目（ID「{id}」）：在留期間「{value}」が一括申請ファイルの一覧にないため、"
        "更新の計画を立てられません。",
        "Row {row} (id '{id}'): no plan can be made: '{value}' is not a period of stay of"
        " the bulk workbooks' list (1日 to 5年).",
    ),
    "roster.invalid_date": Message(
        _E,
        "{row}行目（ID「{id}」）：{label}「{value}」が日付として読めないため、"
        "更新の計画を立てられません。",
        "Row {row} (id '{id}'): no plan can be made: {label_en} '{value}' is not a date.",
    ),
    "roster.date_out_of_range": Message(
        _E,
        "{row}行目（ID「{id}」）：{name}の日付{value}が基準日{on}から10年以上離れているため、"
        "更新の計画を立てられません（期限なしを表す値ではありませんか）。",
        "Row {row} (id '{id}'): no plan can be made: {name} {value} is more than ten years"
        " from {on} (an 'open-ended' placeholder?).",
    ),
    "csv.ambiguous_encoding": Message(
        _E,
        "CSVはUTF-8としてもShift_JIS（cp932）としても読め、内容が異なります。"
        "文字コードを指定してください（UTF-8として読みました）。",
        "The CSV reads as UTF-8 and as Shift_JIS (cp932) with different text; name its"
        " encoding (it was read as UTF-8).",
    ),
    "csv.unterminated_quote": Message(
        _E,
        "CSVの{line}行目の引用符が閉じられていません。この行は引用符を文字として読み、"
        "次の行から読み直しました。",
        "Line {line} of the CSV opens a quote that is not closed; the line was read"
        " with its quotes as text, and reading went on at the next line.",
    ),
    "csv.line_by_line": Message(
        _W,
        "引用符の誤りが{count}か所あった（又は1行が1万行を超えて続いた）ため、CSVの{line}行目からは"
        "1行ずつ読みました（複数行にわたる引用符付きの値も、行ごとに別の行として読んでいます）。",
        "The CSV's quotes went wrong {count} time(s) (or a row ran over 10,000 lines), so it"
        " was read a line at a time from line {line} (a quoted value over several lines there"
        " is read as separate lines, each reported).",
    ),
    "csv.multiline_field": Message(
        _W,
        "CSVの{line}行目から始まる行は、引用符で囲まれた値が{count}行にわたっています。"
        "余分な引用符で後の行が一つの値に取り込まれていないか確認してください。",
        "The row starting at line {line} of the CSV has a quoted value over {count} lines;"
        " check that a stray quote did not swallow the lines after it.",
    ),
    "csv.nul": Message(
        _E,
        "CSVの{line}行目にNUL文字があります。",
        "Line {line} of the CSV contains a NUL character.",
    ),
    "csv.no_known_column": Message(
        _E,
        "CSVの見出し行に項目定義の列が一つもありません{hint_ja}。",
        "The CSV's header has no column of the record spec{hint_en}.",
    ),
    "csv.too_many_rows": Message(
        _E,
        "CSVの行数が上限（{limit}行）を超えています。{line}行目以降は読んでいません。",
        "The CSV has more than {limit} rows; from line {line} on nothing was read.",
    ),
    # --- shared: caps on repeated findings ------------------------------------------
    "report.more_findings": Message(
        _I,
        "「{capped_code}」の指摘はほかに{count}件あります（最初の{limit}件のみ表示）。",
        "{count} more finding(s) with code {capped_code} (only the first {limit} are listed).",
    ),
}

#: How a batch names the record a finding is about, in front of the finding's own
#: message (``records_to_bulk_files``: "[employee_id E0001] …").
RECORD_FRAME = Message(_I, "［{record}］{message}", "[{record}] {message}")


def about_record(finding: Finding, record: str) -> Finding:
    """``finding`` with the record it is about named in front of both messages.

    >>> about_record(make_finding("csv.empty"), "employee_id E1").message_en
    '[employee_id E1] The CSV is empty (no header line).'
    """
    return attrs.evolve(
        finding,
        message_ja=RECORD_FRAME.ja.format(record=record, message=finding.message_ja),
        message_en=RECORD_FRAME.en.format(record=record, message=finding.message_en),
    )


MAX_FINDINGS_PER_CODE = 100
"""How many findings of one code :func:`cap_findings` keeps by default."""


def make_finding(
    code: str,
    *,
    severity: Severity | None = None,
    field: str | None = None,
    sources: Iterable[Source] = (),
    **values: object,
) -> Finding:
    """Build the :class:`Finding` for ``code`` with its messages filled in.

    >>> make_finding("eligibility.expired", expires_on="2026-01-31").severity
    <Severity.ERROR: 'error'>
    """
    try:
        message = MESSAGES[code]
    except KeyError:
        raise UnknownNameError("finding code", code) from None
    return Finding(
        code=code,
        severity=severity or message.severity,
        message_ja=message.ja.format(**values),
        message_en=message.en.format(**values),
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
    kept: list[Finding] = []
    seen: dict[str, int] = {}
    worst: dict[str, Severity] = {}  # of the findings left out, per code
    for finding in findings:
        count = seen.get(finding.code, 0) + 1
        seen[finding.code] = count
        if count <= limit:
            kept.append(finding)
        else:
            worst[finding.code] = worse(worst.get(finding.code), finding.severity)
    for code, count in seen.items():
        if count > limit:
            kept.append(
                make_finding(
                    "report.more_findings",
                    severity=worst[code],
                    field=field,
                    capped_code=code,
                    count=count - limit,
                    limit=limit,
                )
            )
    return kept


_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


def worse(one: Severity | None, other: Severity) -> Severity:
    """The worse of two severities (``one`` may be None): a note that counts
    findings left out has the severity of the worst of them, so a capped
    report of errors is never ``ok``.

    >>> worse(Severity.WARNING, Severity.ERROR)
    <Severity.ERROR: 'error'>
    """
    return other if one is None or _RANK[other] > _RANK[one] else one
