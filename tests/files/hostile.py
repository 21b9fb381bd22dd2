"""Hostile files made in code (issue 10): each costs pypdf or Pillow seconds or hundreds of MB.

Each builder returns bytes; tests/files/test_hostile.py runs the checks on them in a
subprocess with resource limits.
"""

from __future__ import annotations

import zlib
from io import BytesIO

_CATALOG = b"<< /Type /Catalog /Pages 2 0 R >>"
_PAGES = b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>"
_PAGE = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 300] >>"


def padded_object_stream(padding: int = 60_000_000, streams: int = 1) -> bytes:
    """A PDF 1.5 whose objects live in ``streams`` object streams, each padded with spaces.

    Object stream 1 holds the catalog and the page tree; each stream holds one
    page, so a reader needs every stream.  The streams are deflated: one of
    60 MB of spaces is 58 KB, eight are 468 KB, and pypdf reads the spaces one
    byte at a time.
    """
    kids = b" ".join(b"%d 0 R" % (3 + i) for i in range(streams))
    objects = {
        1: _CATALOG,
        2: b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, streams),
    }
    members: dict[int, list[int]] = {}
    first_stream = 3 + streams
    for i in range(streams):
        objects[3 + i] = _PAGE
        members[first_stream + i] = ([1, 2] if i == 0 else []) + [3 + i]
    out = bytearray(b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n")
    rows: dict[int, tuple[int, int, int]] = {0: (0, 0, 0xFFFF)}
    for stm, numbers in members.items():
        header, content = b"", b""
        for position, number in enumerate(numbers):
            header += b"%d %d " % (number, len(content))
            content += objects[number] + b" "
            rows[number] = (2, stm, position)
        header += b" " * padding  # the spaces pypdf skips one at a time
        packed = zlib.compress(header + content, 9)
        rows[stm] = (1, len(out), 0)
        out += (
            b"%d 0 obj\n<< /Type /ObjStm /N %d /First %d /Length %d /Filter /FlateDecode >>\n"
            % (stm, len(numbers), len(header), len(packed))
            + b"stream\n"
            + packed
            + b"\nendstream\nendobj\n"
        )
    xref_number = first_stream + streams
    rows[xref_number] = (1, len(out), 0)
    size = xref_number + 1
    table = b"".join(
        bytes([kind]) + a.to_bytes(4, "big") + b.to_bytes(2, "big")
        for kind, a, b in (rows[n] for n in range(size))
    )
    xref_offset = len(out)
    out += (
        b"%d 0 obj\n<< /Type /XRef /Size %d /Root 1 0 R /W [1 4 2] /Length %d >>\nstream\n"
        % (xref_number, size, len(table))
        + table
        + b"\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n" % xref_offset
    )
    return bytes(out)


def recovery_scan(size: int = 20_000_000) -> bytes:
    """A PDF with no usable cross-reference table and ``size`` bytes of tiny objects.

    pypdf's recovery scan reads every object of the file.
    """
    out = bytearray(b"%PDF-1.4\n")
    out += b"1 0 obj\n" + _CATALOG + b"\nendobj\n"
    out += b"2 0 obj\n" + _PAGES + b"\nendobj\n"
    out += b"3 0 obj\n" + _PAGE + b"\nendobj\n"
    number = 4
    while len(out) < size:
        out += b"%d 0 obj\n<< /A %d >>\nendobj\n" % (number, number)
        number += 1
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n999999999\n%%%%EOF\n" % number
    return bytes(out)


def big_png(width: int = 5_400, height: int = 7_200) -> bytes:
    """A 39-megapixel PNG of one colour: about 113 KB."""
    from PIL import Image

    out = BytesIO()
    Image.new("RGB", (width, height), (200, 180, 160)).save(out, format="PNG", optimize=False)
    return out.getvalue()


def padded_dictionary(padding: int = 24_000_000) -> bytes:
    """A correct PDF whose catalog has ``padding`` spaces inside: read a byte at a time."""
    from tests.files.fixtures import _raw_pdf

    return _raw_pdf([b"<< /Type /Catalog" + b" " * padding + b"/Pages 2 0 R >>", _PAGES, _PAGE])


def padded_object_number(padding: int = 24_000_000) -> bytes:
    """No cross-reference table, and ``padding`` spaces before an object's `` obj``.

    pypdf's recovery scan walks back over the spaces one byte at a time.
    """
    return b"%PDF-1.4\n1" + b" " * padding + b" 0 obj\n" + _CATALOG + b"\nendobj\n%%EOF\n"


def dense_object_stream(size: int = 1_900_000) -> bytes:
    """An object stream of about ``size`` bytes of arrays of zeros, all reachable.

    pypdf parses a whole object stream at once, at up to 1.6 µs a byte.
    """
    count = max(1, size // 100_000)
    kids = b" ".join(b"%d 0 R" % (10 + i) for i in range(count))
    objects = {
        1: _CATALOG,
        2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 /X [" + kids + b"] >>",
        3: _PAGE,
    }
    for i in range(count):
        objects[10 + i] = b"[" + b"0 " * 50_000 + b"]"
    numbers = sorted(objects)
    header, content = b"", b""
    for number in numbers:
        header += b"%d %d " % (number, len(content))
        content += objects[number] + b" "
    packed = zlib.compress(header + content)
    stream, xref = numbers[-1] + 1, numbers[-1] + 2
    out = bytearray(b"%PDF-1.5\n")
    rows = {0: (0, 0, 0xFFFF), stream: (1, len(out), 0)}
    out += (
        b"%d 0 obj\n<< /Type /ObjStm /N %d /First %d /Length %d /Filter /FlateDecode >>\n"
        % (stream, len(numbers), len(header), len(packed))
        + b"stream\n"
        + packed
        + b"\nendstream\nendobj\n"
    )
    for position, number in enumerate(numbers):
        rows[number] = (2, stream, position)
    rows[xref] = (1, len(out), 0)
    table = b"".join(
        bytes([kind]) + a.to_bytes(4, "big") + b.to_bytes(2, "big")
        for kind, a, b in (rows.get(n, (0, 0, 0)) for n in range(xref + 1))
    )
    xref_offset = len(out)
    out += (
        b"%d 0 obj\n<< /Type /XRef /Size %d /Root 1 0 R /W [1 4 2] /Length %d >>\nstream\n"
        % (xref, xref + 1, len(table))
        + table
        + b"\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n" % xref_offset
    )
    return bytes(out)


def _small_jpeg() -> bytes:
    from tests.files.fixtures import photo

    return photo(120, 160)


def jpeg_segments(count: int = 3_000_000) -> bytes:
    """A JPEG with ``count`` empty APP15 segments before its image: 12 MB, walked in Python."""
    jpeg = _small_jpeg()
    return jpeg[:2] + b"\xff\xef\x00\x02" * count + jpeg[2:]


def jpeg_junk(size: int = 20_000_000) -> bytes:
    """A JPEG with ``size`` stray bytes between two segments, which Pillow reads one by one."""
    jpeg = _small_jpeg()
    return jpeg[:2] + b"\xff\xef\x00\x02" + b"\x00" * size + jpeg[2:]


def _chunk(kind: bytes, data: bytes = b"") -> bytes:
    return len(data).to_bytes(4, "big") + kind + data + zlib.crc32(kind + data).to_bytes(4, "big")


def png_chunks(count: int = 2_000_000, kind: bytes = b"abCd", data: bytes = b"") -> bytes:
    """A PNG with ``count`` extra chunks after its header (24 MB of empty private chunks)."""
    from tests.files.fixtures import photo

    png = photo(120, 160, fmt="PNG")
    return png[:33] + _chunk(kind, data) * count + png[33:]


def jpeg_scans(count: int = 20_000) -> bytes:
    """A progressive 24-megapixel JPEG whose last scan (42 bytes) is repeated ``count`` times.

    libjpeg decodes every block of the picture once a scan: 840 KB that cost minutes.
    """
    from PIL import Image

    out = BytesIO()
    Image.new("RGB", (4_000, 6_000), (120, 130, 140)).save(out, format="JPEG", progressive=True)
    data = out.getvalue()
    scan = data[data.rindex(b"\xff\xda") : -2]
    return data[:-2] + scan * count + b"\xff\xd9"
