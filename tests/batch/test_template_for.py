"""bulk_template_for and BulkTemplate.statuses: templates found, not guessed.

Source: isa-bulk-template-tool, the workbooks' menu (メニュー, list CB18 and the
高度専門職 main-activity lists CB18_<code>X1..X3) and 表示シート制御マスタ;
issue 9 item 1.
"""

from __future__ import annotations

import pickle

import attrs
import pytest

import nyukan_rules as nr
from nyukan_rules.batch.templates import _bundled

KINDS = {
    "01": nr.ApplicationKind.CERTIFICATE_OF_ELIGIBILITY,
    "05": nr.ApplicationKind.CHANGE_OF_STATUS,
    "04": nr.ApplicationKind.EXTENSION_OF_PERIOD,
}


def test_the_users_pairs() -> None:
    # Issue 9: the user had to guess 04N2 / 04V1 / 04R1.
    assert nr.bulk_template_for("extension_of_period", "技術・人文知識・国際業務").code == "04N2"
    assert nr.bulk_template_for("在留期間更新許可申請", "特定技能1号").code == "04V1"
    assert nr.bulk_template_for(nr.ApplicationKind.EXTENSION_OF_PERIOD, "家族滞在").code == "04R1"
    assert nr.bulk_template_for("change_of_status", nr.StatusOfResidence.STUDENT).code == "05P1"
    graduate = nr.bulk_template_for("certificate_of_eligibility", "特定活動（本邦大卒者）")
    assert graduate.code == "01N2"


def test_every_menu_entry_resolves() -> None:
    codes = set(nr.bulk_template_codes())
    seen = set()
    for book in _bundled().values():
        kind = KINDS[next(iter(book.letters))[:2]]
        for code, label, _ in book.menu():
            activities = book.data["lists"].get(f"CB18_{code}", [])
            if activities:  # 高度専門職: one template per main activity
                for activity, activity_code in activities:
                    found = nr.bulk_template_for(kind, label, activity=activity)
                    assert found.code == activity_code
                    seen.add(found.code)
                continue
            if code not in codes:  # 05Q1: the change workbook writes no 研修 file
                with pytest.raises(nr.NotOfferedError):
                    nr.bulk_template_for(kind, label)
                continue
            assert nr.bulk_template_for(kind, label).code == code
            assert nr.bulk_template_for(kind, label.split(" ", 1)[0]).code == code
            seen.add(code)
    assert seen == codes


def test_every_status_of_a_template_maps_back() -> None:
    for code in nr.bulk_template_codes():
        template = nr.bulk_template(code)
        assert template.statuses, code
        for status in template.statuses:
            activity = None
            if status.legal_status == "高度専門職":
                activity = template.status.split(" / ", 1)[1]
            found = nr.bulk_template_for(template.kind, status, activity=activity)
            if status is nr.StatusOfResidence.HIGHLY_SKILLED_PROFESSIONAL_2:
                # 2号 continues any of the three 1号 activities: the first list that has it.
                assert status in found.statuses
                assert found.status.split(" / ")[1] == template.status.split(" / ")[1]
            else:
                assert found == template


def test_numbered_statuses() -> None:
    for status in ("特定技能1号", "特定技能2号"):
        assert nr.bulk_template_for("extension_of_period", status).code == "04V1"
    assert nr.bulk_template_for("extension_of_period", "技能実習2号ロ").code == "04Y1"
    assert (
        nr.bulk_template_for("extension_of_period", "高度専門職1号ロ", activity="技能").code
        == "04NK"
    )


def test_unsupported_pairs_name_the_supported_ones() -> None:
    with pytest.raises(nr.NotOfferedError) as caught:
        nr.bulk_template_for("extension_of_period", "永住者")
    assert "技術・人文知識・国際業務" in str(caught.value)
    with pytest.raises(nr.NotOfferedError) as caught:
        nr.bulk_template_for("permanent_residence", "永住者")
    assert "extension_of_period" in str(caught.value)
    with pytest.raises(nr.NotOfferedError) as caught:
        nr.bulk_template_for("extension_of_period", "高度専門職1号イ")  # no main activity
    assert "教授" in str(caught.value)
    with pytest.raises(nr.NotOfferedError):
        nr.bulk_template_for("change_of_status", "研修")
    error = pickle.loads(pickle.dumps(caught.value))
    assert type(error) is nr.NotOfferedError


def test_wrong_names_and_types() -> None:
    with pytest.raises(nr.UnknownNameError):
        nr.bulk_template_for("extension_of_period", "技術・人文")
    with pytest.raises(nr.UnknownNameError):
        nr.bulk_template_for("renewal", "技能")
    with pytest.raises(nr.ArgumentTypeError):
        nr.bulk_template_for("extension_of_period", 42)
    with pytest.raises(nr.ArgumentTypeError):
        nr.bulk_template_for(None, "技能")


# --- review of issues 9/10: the activity argument -----------------------------------------


def test_activity_must_be_text_and_its_message_holds_no_repr() -> None:
    # Review: activity=object() put "<object object at 0x...>" in the NotOfferedError.
    with pytest.raises(nr.ArgumentTypeError, match="activity must be a str") as caught:
        nr.bulk_template_for("extension_of_period", "高度専門職1号ロ", activity=object())
    assert "0x" not in str(caught.value)
    with pytest.raises(nr.ArgumentTypeError):
        nr.bulk_template_for("extension_of_period", "特定活動", activity=5)


def test_an_activity_given_is_used_or_refused() -> None:
    # Review: ('extension_of_period', '特定活動', activity='本邦大卒者') gave 04U4, the
    # general 特定活動 file, though the menu (list CB18) has 特定活動（本邦大卒者） in 04N2.
    kind = "extension_of_period"
    assert nr.bulk_template_for(kind, "特定活動（本邦大卒者）").code == "04N2"
    assert nr.bulk_template_for(kind, "特定活動", activity="本邦大卒者").code == "04N2"
    assert nr.bulk_template_for(kind, "特定活動", activity="特定情報処理活動").code == "04N1"
    assert nr.bulk_template_for(kind, "特定活動", activity="ＥＰＡ家族").code == "04R1"
    assert nr.bulk_template_for(kind, "特定活動").code == "04U4"
    assert (
        nr.bulk_template_for(kind, "特定活動（本邦大卒者）", activity="本邦大卒者").code == "04N2"
    )
    with pytest.raises(nr.NotOfferedError, match="本邦大卒者") as caught:
        nr.bulk_template_for(kind, "特定活動", activity="zzz")
    assert "zzz" in str(caught.value)
    with pytest.raises(nr.NotOfferedError, match="no main activity"):
        nr.bulk_template_for(kind, "技術・人文知識・国際業務", activity="本邦大卒者")
    with pytest.raises(nr.NotOfferedError):
        nr.bulk_template_for(kind, "特定活動（本邦大卒者）", activity="ＥＰＡ家族")


def test_a_template_code_of_another_type_is_named_by_its_type() -> None:
    # Review: _check_code formatted {value!r:.40}, a repr of whatever was given.
    template = nr.bulk_template("04N2")
    with pytest.raises(nr.ArgumentValueError) as caught:
        attrs.evolve(template, code=object())
    assert "0x" not in str(caught.value)
    assert "an object" in str(caught.value)
