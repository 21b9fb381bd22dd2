"""MkDocs hook: fill the generated sections from the package's own tables.

A page marks a generated section with a line ``<!-- generated: NAME -->``;
NAME is one of the functions in ``nyukan_rules.reference``.  The published
reference is therefore always the tables themselves.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from nyukan_rules import reference

_MARK = re.compile(r"^<!-- generated: (\w+)(?: (\w+))? -->$", re.MULTILINE)
_ROOT = Path(__file__).resolve().parent.parent


def _fill(match: re.Match[str]) -> str:
    name, argument = match.group(1), match.group(2)
    if name == "language_messages":
        return _language_messages(argument or "en")
    if name == "languages":
        return _languages()
    if name == "documents_reference_markdown":
        from nyukan_rules.documents import documents_reference_markdown

        return documents_reference_markdown()
    if name == "changelog":
        return (_ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    if name not in reference.__all__:
        raise ValueError(f"unknown generated section {name!r}")
    return str(getattr(reference, name)())


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _languages() -> str:
    from nyukan_rules.i18n import languages

    rows = ["| tag | language | written by | native review |", "|---|---|---|---|"]
    for lang in languages():
        review = "source" if lang.source else ("yes" if lang.reviewed else "not yet")
        rows.append(
            f"| [`{lang.tag}`](languages/{lang.tag}.md) | {lang.native_name} ({lang.name})"
            f" | {_cell(lang.translator)} | {review} |"
        )
    return "\n".join(rows)


def _language_messages(tag: str) -> str:
    """Every finding's message template, every term and every name in one language,
    beside the Japanese source: a speaker reviews a language by reading one page."""
    from nyukan_rules.i18n import languages, translate
    from nyukan_rules.messages import FRAGMENT_PARAMS, MESSAGES, TERMS
    from nyukan_rules.messages.render import template

    found = [x for x in languages() if x.tag == tag]
    if not found:
        return f"There is no `{tag}` catalogue yet: messages are shown in English."
    lang = found[0]
    review = (
        "the source language"
        if lang.source
        else (
            "reviewed by a native speaker"
            if lang.reviewed
            else "**not yet reviewed by a native speaker**"
        )
    )
    out = [
        f"Catalogue `{tag}`: {lang.native_name} ({lang.name}), written by"
        f" {_cell(lang.translator)}; {review}.",
        "",
        "## Finding messages",
        "",
        "| code | severity | Japanese (source) | this language |",
        "|---|---|---|---|",
    ]
    for code, message in sorted(MESSAGES.items()):
        out.append(
            f"| `{code}` | {message.severity.value} | {_cell(message.ja)}"
            f" | {_cell(template(code, tag))} |"
        )
    out += ["", "## Words messages are built from", "", "| Japanese (source) | this language |"]
    out.append("|---|---|")
    for source in [*TERMS.values(), *FRAGMENT_PARAMS.values()]:
        out.append(f"| {_cell(source)} | {_cell(translate('term', source, tag))} |")
    return "\n".join(out)


def on_page_markdown(markdown: str, **_: Any) -> str:
    return _MARK.sub(_fill, markdown)
