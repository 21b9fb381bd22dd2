"""Files made in code for the file tests: PDFs and photos of every troublesome kind."""

from __future__ import annotations

import os
import random
import zlib
from io import BytesIO

from PIL import Image
from pypdf import PdfWriter
from pypdf.constants import UserAccessPermissions as Perm


def pdf(pages: int = 1, *, width: float = 200, version: bytes | None = None, pad: int = 0) -> bytes:
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=width, height=300)
    if pad:
        writer.add_attachment("pad.bin", os.urandom(pad))
    out = BytesIO()
    writer.write(out)
    data = out.getvalue()
    if version is not None:
        data = b"%PDF-" + version + data[8:]
    return data


def encrypted_pdf(user_password: str = "secret", permissions: Perm | None = None) -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=300)
    if permissions is None:
        writer.encrypt(user_password, owner_password="owner", algorithm="RC4-128")
    else:
        writer.encrypt(
            user_password, owner_password="owner", permissions_flag=permissions, algorithm="RC4-128"
        )
    out = BytesIO()
    writer.write(out)
    return out.getvalue()


def _raw_pdf(objects: list[bytes], root: int = 1) -> bytes:
    """A PDF written by hand, with a correct cross-reference table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        root,
        xref,
    )
    return bytes(out)


def page_tree_loop() -> bytes:
    """A page tree whose /Kids contains itself."""
    return _raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [2 0 R] /Count 1 >>",
        ]
    )


def reference_loop() -> bytes:
    """An object that is a reference to itself, used as the page tree."""
    return _raw_pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"2 0 R"])


def compression_bomb() -> bytes:
    """A page whose content stream inflates to 200 MB (a check must not read it)."""
    packed = zlib.compress(b"\0" * 200_000_000, 9)
    return _raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 300] /Contents 4 0 R >>",
            b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(packed)
            + packed
            + b"\nendstream",
        ]
    )


def photo(
    width: int = 600,
    height: int = 800,
    *,
    mode: str = "RGB",
    fmt: str = "JPEG",
    orientation: int | None = None,
    taken: str | None = None,
    gps: bool = False,
) -> bytes:
    """A noisy picture (so that it has a realistic size), with optional EXIF."""
    # Seeded noise: the same bytes every run (hypothesis needs that), and
    # incompressible enough for a realistic JPEG size.
    noise = Image.frombytes(
        "L", (width, height), random.Random(width * height).randbytes(width * height)
    )
    image = Image.merge("RGB", (noise, noise.rotate(90, expand=False), noise)).convert(mode)
    exif = Image.Exif()
    if orientation is not None:
        exif[0x0112] = orientation
    if taken is not None:
        exif.get_ifd(0x8769)[0x9003] = taken
    if gps:
        exif.get_ifd(0x8825)[2] = (35.0, 40.0, 0.0)
    out = BytesIO()
    kwargs: dict[str, object] = {"exif": exif.tobytes()} if len(exif) or taken or gps else {}
    image.save(out, format=fmt, **kwargs)
    return out.getvalue()


def pixel_bomb() -> bytes:
    """A small PNG that declares 12,000 x 12,000 pixels (144 MP)."""
    out = BytesIO()
    Image.new("1", (12_000, 12_000)).save(out, format="PNG")
    return out.getvalue()
