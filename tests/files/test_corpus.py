"""Every real file of ../shared/corpus/ through the checks: a report for each, never a crash."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

import nyukan_rules as nr

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus"
FILES = (
    sorted(p for p in CORPUS.rglob("*") if p.is_file() and p.suffix != ".md")
    if CORPUS.is_dir()
    else []
)


@pytest.mark.skipif(not FILES, reason="../shared/corpus/ is not there")
@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_corpus_file(path: Path) -> None:
    data = path.read_bytes()
    attachment = nr.check_attachment(data, filename=path.name)
    assert isinstance(attachment, nr.AttachmentReport)
    photo = nr.check_photo(data, submitted_on=date(2026, 11, 22))
    assert isinstance(photo, nr.PhotoReport)
    if path.name.startswith("encryption_") and "unencrypted" not in path.name:
        # pypdf's encryption samples: RC4 and AES, revisions 2 to 6, any password.
        assert "attachment.encrypted" in attachment.codes
        assert not attachment.ok
