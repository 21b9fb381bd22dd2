"""The one table of finding codes and their Japanese and English messages.

Codes are stable API; the wording may improve.  Messages are ``str.format``
templates filled with named values, never built by concatenation.  The docs'
list of finding codes is generated from :data:`MESSAGES`, and a test checks
that every code the package emits is listed here.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from nyukan_rules.errors import UnknownNameError
from nyukan_rules.report import Finding, Severity
from nyukan_rules.sources import Source

__all__ = ["MESSAGES", "Message", "make_finding"]


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
}


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
