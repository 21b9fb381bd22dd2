"""Hostile files from issue 10 cost at most 2 s of CPU and 256 MB each ("Cost of hostile input").

Measured before the fix on this project's two-core machine: check_attachment of a 58 KB PDF
with an object stream of 60 MB of spaces 10 s; eight such streams 77 s and 530 MB;
merge_pdfs of the first 7.7 s; a 20 MB PDF forcing pypdf's recovery scan 7.4 s;
prepare_photo of a 39-megapixel PNG 632 MB.  Found while fixing it: check_photo of 12 MB
of empty JPEG segments 5.2 s, of 24 MB of empty PNG chunks 7.4 s, of 22 MB of PNG text
chunks 4.0 s, of a 981 KB progressive JPEG with 20,000 tiny scans over 100 s.  Cases
"..._within" sit just inside the budget and are read to the end.  Each case runs in a
child process with RLIMIT_AS and RLIMIT_CPU set and a timeout, so a regression fails
instead of hanging; the child measures its own CPU time and peak memory growth (VmHWM,
else ru_maxrss).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.budget import child_script, run_child
from tests.files import fixtures, hostile

_CHILD = child_script(
    r"""
from datetime import date
import nyukan_rules as nr
import pypdf, PIL.Image, PIL.PngImagePlugin, PIL.JpegImagePlugin
case, path = sys.argv[1], sys.argv[2]
with open(path, "rb") as file:
    data = file.read()
nr.check_attachment(b"%PDF-1.4", filename="warm.pdf")  # imports and caches outside the count
nr.check_photo(b"\x89PNG\r\n\x1a\n", submitted_on=date(2026, 11, 22))
base = peak_kb()
start = time.process_time()
if case.startswith("merge_"):
    try:
        nr.merge_pdfs([data])
        outcome = "merged"
    except nr.ValidationError as error:
        outcome = str(error)
elif case == "big_png":
    outcome = len(nr.prepare_photo(data)) > 0
elif case == "check_big_png" or case.startswith(("jpeg_", "png_")):
    outcome = list(nr.check_photo(data, submitted_on=date(2026, 11, 22)).codes)
else:
    outcome = list(nr.check_attachment(data, filename="a.pdf").codes)
cpu = time.process_time() - start
grown = (peak_kb() - base) / 1024
print(json.dumps({"outcome": outcome, "cpu": cpu, "mb": grown, "size": len(data)}))
""",
    address_mb=1_536,
    cpu_s=30,
)

MAKERS: dict[str, Callable[[], bytes]] = {
    "object_stream": hostile.padded_object_stream,
    "eight_streams": lambda: hostile.padded_object_stream(streams=8),
    "merge_object_stream": hostile.padded_object_stream,
    "recovery_scan": hostile.recovery_scan,
    "padded_dictionary": hostile.padded_dictionary,
    "padded_object_number": hostile.padded_object_number,
    "compression_bomb": fixtures.compression_bomb,
    "dense_object_stream": hostile.dense_object_stream,
    # Just inside the budget: read to the end, and still within 2 s.
    "dense_object_stream_within": lambda: hostile.dense_object_stream(400_000),
    "padded_dictionary_within": lambda: hostile.padded_dictionary(900_000),
    "merge_dense_within": lambda: hostile.dense_object_stream(450_000),
    "recovery_scan_within": lambda: hostile.recovery_scan(600_000),
    "big_png": hostile.big_png,
    "jpeg_segments": hostile.jpeg_segments,
    "jpeg_junk": hostile.jpeg_junk,
    "jpeg_scans": hostile.jpeg_scans,
    "png_chunks": hostile.png_chunks,
    "png_text_chunks": lambda: hostile.png_chunks(1_500_000, b"tEXt", b"a\0b"),
    "check_big_png": hostile.big_png,
}

CASES = {
    "object_stream": ["attachment.too_complex"],
    "eight_streams": ["attachment.too_complex"],
    "merge_object_stream": "part 1 of 1 is too complex to read within 1,500,000 steps",
    "recovery_scan": ["attachment.too_complex"],
    "padded_dictionary": ["attachment.too_complex"],
    "padded_object_number": ["attachment.too_complex"],
    "compression_bomb": [],
    "dense_object_stream": ["attachment.too_complex"],
    "dense_object_stream_within": [],
    "padded_dictionary_within": [],
    "merge_dense_within": "merged",
    "recovery_scan_within": ["attachment.repaired"],
    "big_png": True,
    "jpeg_segments": ["photo.too_complex"],
    "jpeg_junk": ["photo.too_complex"],
    "jpeg_scans": ["photo.too_complex"],
    "png_chunks": ["photo.too_complex"],
    "png_text_chunks": ["photo.too_complex"],
    "check_big_png": ["photo.format", "photo.too_large", "photo.date_unknown"],
}


@pytest.mark.skipif(sys.platform == "win32", reason="resource limits are POSIX")
@pytest.mark.parametrize("case", sorted(CASES))
def test_budget(case: str, tmp_path: Path) -> None:
    path = tmp_path / "input"
    path.write_bytes(MAKERS[case]())
    out = run_child(_CHILD, case, str(path), timeout=60)
    measured = json.loads(out.strip().splitlines()[-1])
    assert measured["outcome"] == CASES[case]
    assert measured["size"] <= 25_000_000  # within the upload limit
    assert measured["cpu"] <= 2.0, measured  # the budget: 2 s of CPU ...
    assert measured["mb"] <= 256, measured  # ... and 256 MB
