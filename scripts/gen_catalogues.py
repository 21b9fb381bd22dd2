"""Extract the texts a person reads into the gettext template, update every
language's catalogue, and compile them.

    python scripts/gen_catalogues.py          # write the .pot, update .po, compile .mo
    python scripts/gen_catalogues.py --check  # exit 1 if any of them is not fresh (CI)

The Japanese source of every text is in the code: finding templates and terms
(``nyukan_rules.messages``), catalog names (``CatalogEnum.ja``), field labels
(``FieldKind``, the HR record spec), the expected forms of fields, era names,
the notes of eligibility rules and the texts of the document checklists
(``nyukan_rules.documents``).  Where the code also holds the English of a
text (catalog names, labels, data rows), the English catalogue takes it from
the code, so it has one home; the English of messages and terms lives in the
English catalogue only.  Every other language is its own ``.po`` file; a
translator edits only ``msgstr`` lines and the header.

Babel does the work: ``Catalog.update`` keeps translations whose source is
unchanged and marks changed ones fuzzy (a fuzzy entry is not compiled, so the
English, then the Japanese, is shown until a translator confirms it).
"""

from __future__ import annotations

import argparse
import copy
import io
import re
import sys
from collections.abc import Iterator
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from nyukan_rules.i18n import DOMAIN, LOCALE_DIR  # noqa: E402

#: (context, Japanese source, English from the code or None, where it comes from)
Entry = tuple[str, str, "str | None", str]


def entries() -> Iterator[Entry]:
    """Every text a person may read, with its context."""
    import nyukan_rules
    from nyukan_rules import eligibility, messages
    from nyukan_rules.batch import records
    from nyukan_rules.catalog import CatalogEnum
    from nyukan_rules.messages.render import RECORD_FRAME_CONTEXT
    from nyukan_rules.text import fields, normalizers

    for code, message in messages.MESSAGES.items():
        yield code, message.ja, None, "nyukan_rules/messages/__init__.py"
    yield RECORD_FRAME_CONTEXT, messages.RECORD_FRAME.ja, None, "messages.RECORD_FRAME"
    for code, text in messages.ERROR_MESSAGES.items():
        yield code, text, None, "messages.ERROR_MESSAGES"
    for key, text in messages.TERMS.items():
        yield "term", text, None, f"messages.TERMS[{key!r}]"
    for name, text in messages.FRAGMENT_PARAMS.items():
        yield "term", text, None, f"messages.FRAGMENT_PARAMS[{name!r}]"
    # Catalog names: every CatalogEnum of the package (imported through the face).
    for name in nyukan_rules.__all__:
        getattr(nyukan_rules, name)
    seen: set[type[CatalogEnum]] = set()
    todo = list(CatalogEnum.__subclasses__())
    while todo:
        cls = todo.pop(0)
        if cls in seen:
            continue
        seen.add(cls)
        todo.extend(cls.__subclasses__())
        for member in cls:
            yield f"name:{cls.__name__}", member.ja, member.en, f"{cls.__module__}.{cls.__name__}"
    for kind in fields.FieldKind:
        yield "field", kind.ja, kind.en, "text.fields.FieldKind"
    for spec_field in records.DEFAULT_APPLICANT_SPEC.fields:
        if spec_field.label_ja:
            yield (
                "field",
                spec_field.label_ja,
                spec_field.label_en or None,
                "DEFAULT_APPLICANT_SPEC",
            )
    for rule in fields.FIELD_RULES.values():
        yield "term", rule.expected_ja, rule.expected_en, "text.fields.FIELD_RULES"
    for expected_ja, expected_en in records.EXPECTED.values():
        yield "term", expected_ja, expected_en, "batch.records.EXPECTED"
    for era in normalizers.ERAS:
        yield "term", era.name, era.en, "text.normalizers.ERAS"
    for limit in eligibility.STATUS_SCOPE_LIMITS:
        yield "term", limit.note_ja, limit.note_en, "eligibility.STATUS_SCOPE_LIMITS"
    # The document checklists: names, conditions, notes, questions, prerequisites,
    # employer-category reasons and proofs, after-filing steps, the notice (contexts
    # "document", "document.*"; English from the code's *_en).
    from nyukan_rules.documents._i18n import catalogue_entries

    yield from catalogue_entries()


def template_catalogue() -> tuple[Catalog, dict[tuple[str, str], str]]:
    """The ``.pot`` catalogue, and the English the code holds, by (context, msgid)."""
    pot = _Catalogue(project="nyukan_rules", version="", fuzzy=False)
    english: dict[tuple[str, str], str] = {}
    for context, source, en, where in entries():
        if not source:
            continue
        key = (context, source)
        if pot.get(source, context=context) is None:
            pot.add(source, context=context, auto_comments=[where])
        if en and key not in english:
            english[key] = en
    return pot, english


class _Catalogue(Catalog):
    """A Babel catalogue that keeps the header fields Babel does not know.

    Babel reads and writes only the standard header fields; a catalogue's
    ``X-Language-Name``, ``X-Native-Name`` and ``X-Native-Review`` say who
    may rely on it (``nyukan_rules.languages()``), so they are carried over.
    ``Generated-By`` is left out, so that a catalogue is the same bytes
    whatever Babel version wrote it (the ``--check``).
    """

    extra_headers: tuple[tuple[str, str], ...] = ()

    def _get_mime_headers(self) -> list[tuple[str, str]]:
        standard = [h for h in Catalog._get_mime_headers(self) if h[0] != "Generated-By"]
        headers = [*standard, *self.extra_headers]
        # The header's last line ends with a newline of its own, as Babel ends
        # its Generated-By (otherwise that line would not read back).
        name, value = headers[-1]
        headers[-1] = (name, value if value.endswith("\n") else value + "\n")
        return headers

    mime_headers = property(_get_mime_headers, Catalog._set_mime_headers)  # type: ignore[assignment]


_EXTRA_HEADER = re.compile(r'^"(X-[A-Za-z-]+): ?(.*?)\\n"$', re.MULTILINE)


def _read(path: Path) -> _Catalogue:
    data = path.read_bytes()
    with io.BytesIO(data) as handle:
        catalogue = read_po(handle, locale=None)
    catalogue.__class__ = _Catalogue
    head = data.decode("utf-8").split("\n\n", 1)[0]
    catalogue.extra_headers = tuple(_EXTRA_HEADER.findall(head))
    return catalogue  # type: ignore[return-value]


def _po_bytes(catalogue: Catalog, *, template: bool = False) -> bytes:
    out = io.BytesIO()
    write_po(
        out,
        catalogue,
        width=0,
        omit_header=False,
        sort_output=False,
        ignore_obsolete=True,
        include_previous=True,
        no_location=True,
    )
    return out.getvalue()
    # Babel writes the creation/revision dates of now: keep the file's own, so
    # an unchanged catalogue is byte-for-byte unchanged (the --check).


def _mo_bytes(catalogue: Catalog) -> bytes:
    out = io.BytesIO()
    write_mo(out, catalogue, use_fuzzy=False)
    return out.getvalue()


def build() -> dict[Path, bytes]:
    """Every generated file and its content."""
    pot, english = template_catalogue()
    pot.creation_date = pot.revision_date = _FIXED_DATE
    files = {LOCALE_DIR / f"{DOMAIN}.pot": _po_bytes(pot, template=True)}
    for po_path in sorted(LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.po")):
        lang = po_path.parent.parent.name
        catalogue = _read(po_path)
        # A copy per language: Babel's update adds the template's own Message
        # objects for new entries, so the English set below would otherwise
        # land in every language updated after English.
        catalogue.update(copy.deepcopy(pot), no_fuzzy_matching=True, update_header_comment=False)
        if lang == "en":
            for (context, source), en in english.items():
                found = catalogue.get(source, context=context)
                if found is not None:
                    found.string = en
                    found.flags.discard("fuzzy")
        catalogue.fuzzy = False
        files[po_path] = _po_bytes(catalogue)
        files[po_path.with_suffix(".mo")] = _mo_bytes(catalogue)
    return files


import datetime as _dt  # noqa: E402

_FIXED_DATE = _dt.datetime(2026, 11, 23, tzinfo=_dt.timezone.utc)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if any file is not fresh")
    args = parser.parse_args(argv)
    files = build()
    stale = [
        path for path, data in files.items() if not path.is_file() or path.read_bytes() != data
    ]
    if args.check:
        for path in stale:
            print(f"stale: {path.relative_to(ROOT)} (run python scripts/gen_catalogues.py)")
        return 1 if stale else 0
    for path in stale:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(files[path])
        print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
