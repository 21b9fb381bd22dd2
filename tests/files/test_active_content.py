"""Active content in a PDF is a warning with its own code (issue 10).

Sources: ISO 32000-1 12.6 (actions: JavaScript, Launch, /OpenAction, /AA), 7.11.4
(embedded files), 12.7.8 (XFA forms); Adobe Supplement to ISO 32000 (RichMedia).
The files are built here with pypdf.
"""

from __future__ import annotations

from collections.abc import Callable
from io import BytesIO

import pytest
from pypdf import PdfWriter
from pypdf.generic import ArrayObject, DictionaryObject, NameObject, TextStringObject

import nyukan_rules as nr


def _pdf(change: Callable[[PdfWriter], None]) -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=300)
    change(writer)
    out = BytesIO()
    writer.write(out)
    return out.getvalue()


def _action(kind: str, **values: object) -> DictionaryObject:
    action = DictionaryObject({NameObject("/S"): NameObject(kind)})
    for key, value in values.items():
        action[NameObject("/" + key)] = value  # type: ignore[assignment]
    return action


def _open_action(action: DictionaryObject) -> Callable[[PdfWriter], None]:
    def change(writer: PdfWriter) -> None:
        writer._root_object[NameObject("/OpenAction")] = writer._add_object(action)

    return change


def _annotation(subtype: str, **values: object) -> Callable[[PdfWriter], None]:
    def change(writer: PdfWriter) -> None:
        annot = DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Annot"),
                NameObject("/Subtype"): NameObject(subtype),
                NameObject("/Rect"): ArrayObject([]),
            }
        )
        for key, value in values.items():
            annot[NameObject("/" + key)] = value  # type: ignore[assignment]
        writer.pages[0][NameObject("/Annots")] = ArrayObject([writer._add_object(annot)])

    return change


def _js_name_tree(writer: PdfWriter) -> None:
    script = writer._add_object(_action("/JavaScript", JS=TextStringObject("app.alert(1)")))
    tree = DictionaryObject(
        {NameObject("/Names"): ArrayObject([TextStringObject("hello"), script])}
    )
    writer._root_object[NameObject("/Names")] = DictionaryObject(
        {NameObject("/JavaScript"): writer._add_object(tree)}
    )


def _xfa(writer: PdfWriter) -> None:
    writer._root_object[NameObject("/AcroForm")] = DictionaryObject(
        {NameObject("/Fields"): ArrayObject([]), NameObject("/XFA"): ArrayObject([])}
    )


CASES: list[tuple[str, Callable[[PdfWriter], None], str]] = [
    ("javascript name tree", _js_name_tree, "attachment.javascript"),
    (
        "javascript open action",
        _open_action(_action("/JavaScript", JS=TextStringObject("app.alert(1)"))),
        "attachment.javascript",
    ),
    (
        "launch open action",
        _open_action(_action("/Launch", F=TextStringObject("cmd.exe"))),
        "attachment.launch_action",
    ),
    (
        "uri open action",
        _open_action(_action("/URI", URI=TextStringObject("https://example.com/"))),
        "attachment.open_action",
    ),
    ("embedded file", lambda w: w.add_attachment("a.txt", b"hello"), "attachment.embedded_files"),
    ("file attachment annotation", _annotation("/FileAttachment"), "attachment.embedded_files"),
    ("xfa form", _xfa, "attachment.xfa"),
    ("rich media annotation", _annotation("/RichMedia"), "attachment.rich_media"),
    (
        "launch link",
        _annotation("/Link", A=_action("/Launch", F=TextStringObject("x.exe"))),
        "attachment.launch_action",
    ),
]


@pytest.mark.parametrize(("label", "change", "code"), CASES, ids=[c[0] for c in CASES])
def test_active_content_is_a_warning(
    label: str, change: Callable[[PdfWriter], None], code: str
) -> None:
    report = nr.check_attachment(_pdf(change), filename="a.pdf")
    assert report.codes == (code,), label
    assert report.ok  # a warning: the file may still be accepted
    assert report.warnings[0].code == code


def test_plain_links_and_goto_are_not_active_content() -> None:
    goto = _action("/GoTo", D=ArrayObject([NameObject("/Fit")]))
    assert nr.check_attachment(_pdf(_open_action(goto)), filename="a.pdf").codes == ()
    link = _annotation("/Link", A=_action("/URI", URI=TextStringObject("https://e.jp/")))
    assert nr.check_attachment(_pdf(link), filename="a.pdf").codes == ()
