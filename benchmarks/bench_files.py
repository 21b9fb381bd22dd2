"""Cost of the file checks, as ratios against baselines measured in the same run.

    python -m pip install pikepdf      # only for this benchmark
    python benchmarks/bench_files.py

* ``check_attachment`` on a 10 MB, 500-page PDF against pikepdf (qpdf, C++)
  opening the same bytes and counting pages;
* ``check_photo`` on a 24-megapixel JPEG against Pillow's bare
  ``Image.open`` plus a full ``load()``;
* ``check_attachment`` on a page-tree loop and a 200 MB compression bomb
  (both must end in about a second at most).
"""

from __future__ import annotations

import os
import random
import sys
import timeit
from datetime import date
from io import BytesIO
from pathlib import Path

from PIL import Image
from pypdf import PdfWriter
from pypdf.generic import DecodedStreamObject, NameObject

import nyukan_rules as nr

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.files import fixtures


def big_pdf(pages: int = 500, target: int = 10_000_000) -> bytes:
    writer = PdfWriter()
    per_page = target // pages
    for _ in range(pages):
        page = writer.add_blank_page(width=595, height=842)
        stream = DecodedStreamObject()
        stream.set_data(b"% " + os.urandom(per_page).hex().encode()[: per_page - 2])
        page[NameObject("/Contents")] = writer._add_object(stream)
    out = BytesIO()
    writer.write(out)
    return out.getvalue()


def big_jpeg(width: int = 6000, height: int = 4000) -> bytes:
    rng = random.Random(24)
    small = Image.frombytes("RGB", (600, 400), rng.randbytes(600 * 400 * 3))
    out = BytesIO()
    small.resize((width, height)).save(out, format="JPEG", quality=90)
    return out.getvalue()


def best(fn: object, number: int) -> float:
    """Best of five runs, in milliseconds per call."""
    return min(timeit.Timer(fn).repeat(repeat=5, number=number)) / number * 1e3  # type: ignore[arg-type]


def main() -> None:
    pdf = big_pdf()
    jpeg = big_jpeg()
    print(f"PDF: {len(pdf):,} bytes, 500 pages; JPEG: {len(jpeg):,} bytes, 6000 x 4000")
    ours = best(lambda: nr.check_attachment(pdf, filename="big.pdf"), 5)
    try:
        import pikepdf
    except ImportError:
        print("pikepdf is not installed: python -m pip install pikepdf (benchmark only)")
        pike = None
    else:

        def pike_count() -> int:
            with pikepdf.open(BytesIO(pdf)) as doc:
                return len(doc.pages)

        pike = best(pike_count, 5)
    print(f"check_attachment, 10 MB / 500 pages    {ours:9.1f} ms", end="")
    print(f"   {ours / pike:6.2f} x pikepdf open + count ({pike:.1f} ms)" if pike else "")

    photo = best(lambda: nr.check_photo(jpeg, submitted_on=date(2026, 11, 22)), 5)

    def bare() -> None:
        with Image.open(BytesIO(jpeg)) as image:
            image.load()

    pillow = best(bare, 5)
    print(
        f"check_photo, 24 MP JPEG                {photo:9.1f} ms   {photo / pillow:6.2f} x"
        f" Image.open + load ({pillow:.1f} ms)"
    )
    for name, data in (
        ("page-tree loop", fixtures.page_tree_loop()),
        ("200 MB compression bomb", fixtures.compression_bomb()),
        ("random 10 MB", random.Random(1).randbytes(10_000_000)),
    ):
        took = best(lambda data=data: nr.check_attachment(data, filename="x.pdf"), 3)
        print(f"check_attachment, {name:<22}{took:9.1f} ms")


if __name__ == "__main__":
    main()
