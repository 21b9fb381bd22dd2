"""The file checks touch no process-wide state and give the same results from many threads.

Source: issue 10 ("Process-wide state": warnings.catch_warnings in 8 threads left a
filter installed and swallowed the host's warnings; "Results depend on the caller's
logging": with the pypdf logger at ERROR a repaired PDF was no longer reported).
"""

from __future__ import annotations

import logging
import warnings
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from typing import Any

import pytest

import nyukan_rules as nr
from tests.files import fixtures, hostile
from tests.host import host_state

_DAY = date(2026, 11, 22)


def _repaired() -> bytes:
    data = fixtures.pdf(pages=2)
    return data.replace(b"startxref\n", b"startxref\n1").replace(b"xref\n0 ", b"xref\n1 ", 1)


def _jobs() -> list[tuple[str, Callable[[], Any]]]:
    pdfs = [fixtures.pdf(2), _repaired(), fixtures.page_tree_loop(), fixtures.encrypted_pdf()]
    photos = [
        fixtures.photo(),
        fixtures.photo(800, 600, orientation=6, taken="2026:05:01 10:00:00"),
        fixtures.photo(fmt="PNG", mode="L"),
        fixtures.pixel_bomb(),
        b"junk",
        fixtures.photo()[:5000],
    ]
    jobs: list[tuple[str, Callable[[], Any]]] = []
    for index, data in enumerate(pdfs):
        jobs.append((f"pdf{index}", lambda d=data: nr.check_attachment(d, filename="a.pdf")))
    for index, data in enumerate(photos):
        jobs.append((f"photo{index}", lambda d=data: nr.check_photo(d, submitted_on=_DAY)))
        jobs.append((f"prepare{index}", lambda d=data: _outcome(nr.prepare_photo, d)))
    jobs.append(
        (
            "submission",
            lambda: nr.check_submission(
                [("a.pdf", pdfs[0]), ("b.pdf", pdfs[1])], photo=photos[1], edition="current"
            ),
        )
    )
    jobs.append(("merge", lambda: _outcome(nr.merge_pdfs, [pdfs[0], pdfs[1]])))
    jobs.append(("merge_bad", lambda: _outcome(nr.merge_pdfs, [pdfs[0], pdfs[2]])))
    return jobs


def _outcome(function: Callable[[Any], Any], argument: Any) -> Any:
    try:
        result = function(argument)
    except nr.ValidationError as error:
        return ("error", str(error))
    return ("ok", len(result) > 0)


def test_repaired_fixture_needs_repair() -> None:
    assert "attachment.repaired" in nr.check_attachment(_repaired(), filename="a.pdf").codes


@pytest.mark.usefixtures("short_switch_interval")
def test_threads_match_a_sequential_run_and_leave_the_host_alone() -> None:
    jobs = _jobs()
    sequential = {name: job() for name, job in jobs}
    before = host_state()
    with ThreadPoolExecutor(max_workers=8) as pool:
        rounds = [pool.map(lambda item: (item[0], item[1]()), jobs * 2) for _ in range(2)]
        results = [dict(r) for r in rounds]
    assert host_state() == before
    for result in results:
        assert result == sequential
    with pytest.warns(UserWarning, match="host warning"):
        warnings.warn("host warning", UserWarning, stacklevel=1)


@pytest.mark.parametrize(
    "configure",
    ["pypdf at ERROR", "logging disabled", "pypdf._reader not propagating"],
)
def test_repairs_do_not_depend_on_the_hosts_logging(configure: str) -> None:
    pypdf_logger, child = logging.getLogger("pypdf"), logging.getLogger("pypdf._reader")
    saved = (pypdf_logger.level, child.propagate, logging.root.manager.disable)
    try:
        if configure == "pypdf at ERROR":
            pypdf_logger.setLevel(logging.ERROR)
        elif configure == "logging disabled":
            logging.disable(logging.CRITICAL)
        else:
            child.propagate = False
        assert "attachment.repaired" in nr.check_attachment(_repaired(), filename="a.pdf").codes
    finally:
        pypdf_logger.setLevel(saved[0])
        child.propagate = saved[1]
        logging.disable(saved[2])


def test_hostile_pdf_in_threads() -> None:
    data = hostile.padded_object_stream(padding=2_000_000)
    with ThreadPoolExecutor(max_workers=8) as pool:
        codes = set(pool.map(lambda _: nr.check_attachment(data, filename="a.pdf").codes, range(8)))
    assert codes == {("attachment.too_complex",)}


def _odd_images() -> dict[str, bytes]:
    """Images on which ``Image.open`` (and ``ImageOps.exif_transpose``) warn through
    ``warnings`` with Pillow 13: checked by hand when these were written."""
    import struct
    from io import BytesIO

    from PIL import Image

    from tests.files.hostile import _chunk

    # Corrupt EXIF (a tag's data past the end) and no JFIF density: Pillow reads the
    # EXIF while opening, for a DPI, and warns "Tag data larger than file".
    tiff = b"II*\x00" + struct.pack("<IH", 8, 2) + struct.pack("<HHII", 0x010E, 2, 100, 5000)
    tiff += struct.pack("<HHI", 0x0112, 3, 1) + b"\x06\x00\x00\x00" + struct.pack("<I", 0)
    corrupt_exif = BytesIO()
    Image.open(BytesIO(fixtures.photo(600, 800))).save(
        corrupt_exif, format="JPEG", exif=b"Exif\x00\x00" + tiff
    )
    # A malformed MPO index (APP2 "MPF"): Image.open warns and reads it as a JPEG.
    jpeg = fixtures.photo(600, 800)
    mpo = jpeg[:2] + b"\xff\xe2\x00\x0cMPF\x00II*\x00\x08\x00" + jpeg[2:]
    # An invalid animated PNG (0 frames): opening warns "Invalid APNG".  The pixel bomb
    # (144 MP) makes Image.open warn or raise DecompressionBombError by Pillow's global.
    png = fixtures.photo(600, 800, fmt="PNG")
    apng = png[:33] + _chunk(b"acTL", b"\x00" * 8) + png[33:]
    return {
        "corrupt_exif": corrupt_exif.getvalue(),
        "mpo": mpo,
        "apng": apng,
        "pixel_bomb": fixtures.pixel_bomb(),
    }


@pytest.mark.parametrize("name", sorted(_odd_images()))
def test_no_library_warning_reaches_the_host(name: str) -> None:
    data = _odd_images()[name]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        report = nr.check_photo(data, submitted_on=_DAY)
        _outcome(nr.prepare_photo, data)
    assert [str(w.message) for w in caught] == []
    assert report.codes  # each is reported on (a finding, not silence)
    if name == "corrupt_exif":  # the orientation (6) is still read, by nyukan_rules
        assert (report.width, report.height) == (800, 600)
