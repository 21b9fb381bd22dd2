"""prepare_photo writes no metadata; PhotoPolicy validates its fields; reports are deterministic.

Source: issue 10 (privacy: the JPEG comment survived; PhotoPolicy(output_width=0) divided
by zero; open_formats="JPEG" made every photo unreadable; check_photo(b"junk") named a
BytesIO address).  JPEG markers: ITU-T T.81 (B.1.1.2, table B.1); PNG chunks: ISO/IEC 15948.
"""

from __future__ import annotations

import re
import struct
from datetime import date
from io import BytesIO

import pytest
from PIL import Image

import nyukan_rules as nr
from nyukan_rules.errors import ArgumentTypeError, ArgumentValueError
from tests.files import fixtures

_ALLOWED = {0xD8, 0xDB, 0xC4, 0xDA, 0xDD, 0xD9} | set(range(0xC0, 0xD0)) - {0xC4, 0xC8, 0xCC}


def _markers(jpeg: bytes) -> list[tuple[int, bytes]]:
    """Every marker segment up to the scan data: (marker, payload)."""
    assert jpeg[:2] == b"\xff\xd8"
    found, offset = [(0xD8, b"")], 2
    while offset < len(jpeg):
        assert jpeg[offset] == 0xFF
        marker = jpeg[offset + 1]
        (length,) = struct.unpack(">H", jpeg[offset + 2 : offset + 4])
        found.append((marker, jpeg[offset + 4 : offset + 2 + length]))
        if marker == 0xDA:  # start of scan: entropy-coded data follows
            break
        offset += 2 + length
    return found


def _leaky_photo() -> bytes:
    image = Image.open(BytesIO(fixtures.photo(900, 1200, taken="2026:01:02 10:00:00", gps=True)))
    out = BytesIO()
    image.save(
        out,
        format="JPEG",
        exif=image.info["exif"],
        comment=b"Name: YAMADA TARO, Passport TZ1234567",
        icc_profile=b"\0" * 200,
        xmp=b"<x:xmpmeta>YAMADA</x:xmpmeta>",
        dpi=(300, 300),
    )
    return out.getvalue()


def test_prepared_jpeg_has_no_metadata_segment() -> None:
    data = _leaky_photo()
    assert b"YAMADA" in data  # the input does carry it
    prepared = nr.prepare_photo(data)
    assert b"YAMADA" not in prepared
    assert b"TZ1234567" not in prepared
    for marker, payload in _markers(prepared):
        if marker == 0xE0:  # APP0: at most a bare JFIF header
            assert payload.startswith(b"JFIF\0")
            assert len(payload) == 14
            continue
        assert marker in _ALLOWED, hex(marker)  # no COM, APP1 EXIF/XMP, APP2 ICC, APP13 ...


def test_prepared_photo_from_png_has_no_metadata() -> None:
    from PIL import PngImagePlugin

    info = PngImagePlugin.PngInfo()
    info.add_text("Author", "YAMADA TARO")
    out = BytesIO()
    Image.new("RGB", (900, 1200), (10, 20, 30)).save(out, format="PNG", pnginfo=info)
    prepared = nr.prepare_photo(out.getvalue())
    assert prepared[:3] == b"\xff\xd8\xff"  # always a JPEG: no PNG chunks at all
    assert b"YAMADA" not in prepared
    assert all(marker in _ALLOWED | {0xE0} for marker, _ in _markers(prepared))


@pytest.mark.parametrize(
    "junk", [b"junk", b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff\xe0" + b"\0" * 40]
)
def test_reports_are_deterministic(junk: bytes) -> None:
    first = nr.check_photo(junk, submitted_on=date(2026, 11, 22))
    second = nr.check_photo(junk, submitted_on=date(2026, 11, 22))
    assert first == second
    for finding in first:
        for text in (finding.message_en, finding.message_ja):
            assert not re.search(r"0x[0-9a-fA-F]{6,}|object at", text)


@pytest.mark.parametrize(
    ("values", "error"),
    [
        ({"output_width": 0}, ArgumentValueError),
        ({"output_width": 100_000, "output_height": 100_000}, ArgumentValueError),
        ({"open_formats": "JPEG"}, ArgumentTypeError),
        ({"open_formats": ("GIF",)}, ArgumentValueError),
        ({"open_formats": ()}, ArgumentValueError),
        ({"max_pixels": 10**12}, ArgumentValueError),
        ({"jpeg_quality": True}, ArgumentTypeError),
        ({"aspect_ratio": float("nan")}, ArgumentValueError),
        ({"format_severity": "error"}, ArgumentTypeError),
        ({"accepted_modes": "RGB"}, ArgumentTypeError),
    ],
)
def test_policy_fields_are_validated(values: dict[str, object], error: type[Exception]) -> None:
    with pytest.raises(error):
        nr.PhotoPolicy(**values)  # type: ignore[arg-type]


def test_policy_takes_a_frozenset_and_wrong_policy_types_are_refused() -> None:
    assert nr.PhotoPolicy(open_formats=frozenset({"PNG", "JPEG"})).open_formats == ("JPEG", "PNG")
    with pytest.raises(ArgumentTypeError):
        nr.check_photo(fixtures.photo(), submitted_on=date(2026, 1, 1), policy="strict")  # type: ignore[arg-type]
    with pytest.raises(ArgumentTypeError):
        nr.prepare_photo(bytearray(b"x").decode())  # type: ignore[arg-type]
