"""The face photo: who must give one, check it, and prepare one the system takes.

Pillow is imported inside the functions.  A check opens only the formats
its :class:`PhotoPolicy` admits (JPEG, PNG) with that format's own plugin,
refuses an oversized image from its header before decoding anything, and
decodes JPEG at reduced scale.  It reads EXIF itself.  So Pillow emits no
warning (``Image.open``'s decompression-bomb and MPO warnings, corrupt-EXIF
and palette warnings are never reached) and nothing is caught with
``warnings.catch_warnings``, which is not thread-safe.  Pillow's
process-wide settings (``Image.MAX_IMAGE_PIXELS``,
``ImageFile.LOAD_TRUNCATED_IMAGES``) are never changed: the limits are the
policy's, per call.  (The host's ``LOAD_TRUNCATED_IMAGES``, if it sets it,
still lets a truncated image decode.)
"""

from __future__ import annotations

import re
import struct
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from io import BytesIO
from typing import TYPE_CHECKING, Any

import attrs

from nyukan_rules._args import ensure_bool, wrong_type
from nyukan_rules.catalog import ApplicationKind, StatusOfResidence
from nyukan_rules.dates import Effective, add_months, ensure_date
from nyukan_rules.errors import ArgumentTypeError, ArgumentValueError, ValidationError
from nyukan_rules.messages import make_finding
from nyukan_rules.milestones import PHOTO_FROM_AGE_1, day_before
from nyukan_rules.report import Finding, Report, Severity
from nyukan_rules.rules import DatedRule, in_force
from nyukan_rules.sources import Source, sources

if TYPE_CHECKING:
    from PIL.Image import Image

__all__ = [
    "PHOTO_EXEMPTIONS",
    "PHOTO_KINDS",
    "PhotoExemption",
    "PhotoPolicy",
    "PhotoReport",
    "check_photo",
    "photo_required",
    "prepare_photo",
]

K = ApplicationKind
S = StatusOfResidence


# --- who must give a photo ------------------------------------------------------------

#: Procedures that take a face photo (those that issue a residence card, and the
#: certificate of eligibility).  The employment certificate, re-entry permits and
#: permission for activity issue no card; whether an online employment
#: certificate needs a photo is not confirmed (research sheet, open doubt 8).
PHOTO_KINDS: frozenset[ApplicationKind] = frozenset(
    {
        K.CERTIFICATE_OF_ELIGIBILITY,
        K.CHANGE_OF_STATUS,
        K.EXTENSION_OF_PERIOD,
        K.ACQUISITION_OF_STATUS,
        K.PERMANENT_RESIDENCE,
    }
)


@attrs.frozen
class PhotoExemption(DatedRule):
    """Applicants younger than ``under_age`` give no photo for ``kinds`` while in force.

    Except, for a certificate of eligibility, when the status asked for is
    one of ``coe_statuses_needing_photo``.  The day that decides is the day
    the residence card is issued where it is known (the photo is for the card),
    else the filing day.
    """

    under_age: int
    kinds: frozenset[ApplicationKind]
    coe_statuses_needing_photo: frozenset[StatusOfResidence] = frozenset()


_CARD_KINDS = PHOTO_KINDS - {K.CERTIFICATE_OF_ELIGIBILITY}

PHOTO_EXEMPTIONS: tuple[PhotoExemption, ...] = (
    PhotoExemption(
        16,
        _CARD_KINDS,
        effective=Effective(None, day_before(PHOTO_FROM_AGE_1)),
        source_ids=("photo-under-16",),
    ),
    # For a certificate of eligibility the under-16 exemption and its
    # exceptions are known from one source: only with include_single_source=True
    # (by default an under-16 applicant for a certificate gives a photo).
    PhotoExemption(
        16,
        frozenset({K.CERTIFICATE_OF_ELIGIBILITY}),
        frozenset(
            {
                S.DEPENDENT,
                S.LONG_TERM_RESIDENT,
                S.SPOUSE_OR_CHILD_OF_JAPANESE_NATIONAL,
                S.SPOUSE_OR_CHILD_OF_PERMANENT_RESIDENT,
            }
        ),
        effective=Effective(None, day_before(PHOTO_FROM_AGE_1)),
        source_ids=("photo-under-16", "photo-under-16-coe-exceptions"),
    ),
    PhotoExemption(
        1,
        PHOTO_KINDS,
        effective=Effective(PHOTO_FROM_AGE_1, None),
        source_ids=("photo-from-age-1",),
    ),
)


def photo_required(
    kind: ApplicationKind | str,
    *,
    on: date,
    applicant_age: int,
    desired_status: StatusOfResidence | str | None = None,
    card_issued_on: date | None = None,
    include_single_source: bool = False,
) -> bool:
    """Whether an application of ``kind`` filed on ``on`` needs a face photo.

    Until 2026-06-13 applicants under 16 gave none for a change, extension,
    acquisition or permanent residence; from 2026-06-14 children from age 1
    get a photo on their residence card, so only those under 1 are exempt.
    The photo is for the card, so the card's issue decides: a filing before
    2026-06-14 whose card is issued on or after it needs one
    (``card_issued_on``; the filing day when not given).  For a certificate
    of eligibility an under-16 applicant gives a photo unless
    ``include_single_source=True``, which applies the one source that
    exempts them except under 家族滞在, 定住者, 日本人の配偶者等 or
    永住者の配偶者等.  Where the answer depends on a ``desired_status`` that
    is not given, the answer is True (giving a photo is never wrong).

    >>> photo_required("extension_of_period", on=date(2026, 6, 13), applicant_age=10)
    False
    >>> photo_required("extension_of_period", on=date(2026, 6, 13), applicant_age=10,
    ...                card_issued_on=date(2026, 6, 20))
    True
    """
    kind = ApplicationKind.parse(kind)
    on = ensure_date(on, "on")
    if not isinstance(applicant_age, int) or isinstance(applicant_age, bool):
        raise ArgumentTypeError(
            f"applicant_age must be a whole number of years, not {type(applicant_age).__name__}",
            **wrong_type("applicant_age", applicant_age, "int"),
        )
    if not 0 <= applicant_age <= 150:
        raise ArgumentValueError(
            f"applicant_age must be from 0 to 150, not {applicant_age}",
            code="argument.out_of_range",
            params={"name": "applicant_age", "minimum": 0, "maximum": 150},
        )
    desired = None if desired_status is None else StatusOfResidence.parse(desired_status)
    deciding_day = on
    if card_issued_on is not None:
        deciding_day = ensure_date(card_issued_on, "card_issued_on")
        if deciding_day < on:
            raise ArgumentValueError(
                f"card_issued_on {deciding_day.isoformat()} is before the filing day"
                f" {on.isoformat()}",
                code="photo.card_before_filing",
                params={"since": deciding_day, "on": on},
            )
    include_single_source = ensure_bool(include_single_source, "include_single_source")
    if kind not in PHOTO_KINDS:
        return False
    for exemption in in_force(
        PHOTO_EXEMPTIONS, deciding_day, include_single_source=include_single_source
    ):
        if kind not in exemption.kinds or applicant_age >= exemption.under_age:
            continue
        if kind is K.CERTIFICATE_OF_ELIGIBILITY and exemption.coe_statuses_needing_photo:
            return desired is None or desired in exemption.coe_statuses_needing_photo
        return False
    return True


# --- the policy -----------------------------------------------------------------------


#: Formats a policy may open: those whose header is read before Pillow decodes anything.
OPEN_FORMATS = frozenset({"JPEG", "PNG"})
#: The most pixels a policy may admit: a PNG is decoded whole, 4 bytes a pixel (200 MB).
MAX_PIXELS_LIMIT = 50_000_000
#: The longest output side a policy may ask :func:`prepare_photo` for.
MAX_OUTPUT_SIDE = 4_000


def _names(value: object) -> object:
    """A tuple of names from a tuple, list or frozenset (sorted); anything else unchanged."""
    if isinstance(value, (list, tuple)):
        return tuple(value)
    if isinstance(value, (set, frozenset)):
        return tuple(sorted(value, key=str))
    return value


def _texts(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, tuple) or not all(isinstance(item, str) for item in value):
        raise ArgumentTypeError(
            f"PhotoPolicy.{attribute.name} must be a tuple or frozenset of names"
            f" (a str is not), not {type(value).__name__}",
            **wrong_type(f"PhotoPolicy.{attribute.name}", value, "tuple or frozenset of str"),
        )


def _known_formats(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    _texts(instance, attribute, value)
    names: tuple[str, ...] = value  # type: ignore[assignment]  # checked just above
    unknown = sorted(set(names) - OPEN_FORMATS)
    if unknown or not names:
        raise ArgumentValueError(
            f"PhotoPolicy.open_formats takes one or more of {sorted(OPEN_FORMATS)};"
            f" not {unknown or 'none'}",
            code="photo.open_formats",
            params={"choices": ", ".join(sorted(OPEN_FORMATS))},
        )


def _severity(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, Severity):
        raise ArgumentTypeError(
            f"PhotoPolicy.{attribute.name} must be a Severity, not {type(value).__name__}",
            **wrong_type(f"PhotoPolicy.{attribute.name}", value, "Severity"),
        )


def _whole(low: int, high: int) -> Any:
    def check(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, int) or isinstance(value, bool):
            raise ArgumentTypeError(
                f"PhotoPolicy.{attribute.name} must be an int, not {type(value).__name__}",
                **wrong_type(f"PhotoPolicy.{attribute.name}", value, "int"),
            )
        if not low <= value <= high:
            raise ArgumentValueError(
                f"PhotoPolicy.{attribute.name} must be from {low:,} to {high:,}, not {value:,}",
                code="argument.out_of_range",
                params={"name": f"PhotoPolicy.{attribute.name}", "minimum": low, "maximum": high},
            )

    return check


def _number(low: float, high: float) -> Any:
    def check(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, (int, float)) or isinstance(value, bool):
            raise ArgumentTypeError(
                f"PhotoPolicy.{attribute.name} must be a number, not {type(value).__name__}",
                **wrong_type(f"PhotoPolicy.{attribute.name}", value, "number"),
            )
        if not low <= value <= high:  # NaN fails too
            raise ArgumentValueError(
                f"PhotoPolicy.{attribute.name} must be from {low} to {high}, not {value}",
                code="argument.out_of_range",
                params={"name": f"PhotoPolicy.{attribute.name}", "minimum": low, "maximum": high},
            )

    return check


def _policy(policy: object) -> PhotoPolicy:
    if policy is None:
        return PhotoPolicy()
    if not isinstance(policy, PhotoPolicy):
        raise ArgumentTypeError(
            f"policy must be a PhotoPolicy, not {type(policy).__name__}",
            **wrong_type("policy", policy, "PhotoPolicy"),
        )
    return policy


@attrs.frozen
class PhotoPolicy:
    """The limits a photo is checked against.  No official pixel, byte or format
    figure exists for the online system; the defaults and their reasons:

    * ``open_formats`` JPEG and PNG: JPEG is what every source uses; PNG is
      opened so it can be reported with ``format_severity`` (a warning)
      rather than refused unread.  Other formats (HEIC, WebP, GIF, PDF) are
      named from their signature and never decoded.
    * ``aspect_ratio`` 4/3 (height / width) within ``aspect_tolerance`` 2%:
      the ISA standard is 4cm x 3cm.
    * ``min_side`` 480 and ``max_side`` 6,000 pixels, ``min_bytes`` 20,000
      and ``max_bytes`` 7,000,000: the My Number card's online photo rule
      (J-LIS, not ISA), used for warnings only.
    * ``max_pixels`` 40,000,000: refused from the header as a decompression
      bomb; far above any camera photo a person would upload (24 MP passes).
    * ``accepted_modes`` RGB: CMYK and YCCK JPEGs show wrong colours in many
      viewers; greyscale is reported too.
    * ``max_age_months`` 6: the current ISA wording (formerly 3: see
      :meth:`strict`).
    * ``output_width`` x ``output_height`` 600 x 800 at ``jpeg_quality`` 90:
      what :func:`prepare_photo` writes; about 100 KB, well inside the budget.

    Every field is checked when a policy is made: a wrong type raises
    :class:`~nyukan_rules.errors.ArgumentTypeError`, a value out of range
    :class:`~nyukan_rules.errors.ArgumentValueError` (``open_formats`` a
    tuple or frozenset of "JPEG" / "PNG", never a str; ``max_pixels`` up to
    50,000,000; output sides 16 to 4,000; ``jpeg_quality`` 1 to 100).

    >>> PhotoPolicy(output_width=0)
    Traceback (most recent call last):
    ...
    nyukan_rules.errors.ArgumentValueError: PhotoPolicy.output_width must be from 16 to 4,000, not 0
    """

    open_formats: tuple[str, ...] = attrs.field(
        default=("JPEG", "PNG"), converter=_names, validator=_known_formats
    )
    format_severity: Severity = attrs.field(default=Severity.WARNING, validator=_severity)
    aspect_ratio: float = attrs.field(default=4 / 3, validator=_number(0.1, 10.0))
    aspect_tolerance: float = attrs.field(default=0.02, validator=_number(0.0, 1.0))
    min_side: int = attrs.field(default=480, validator=_whole(1, 100_000))
    max_side: int = attrs.field(default=6_000, validator=_whole(1, 100_000))
    size_severity: Severity = attrs.field(default=Severity.WARNING, validator=_severity)
    max_pixels: int = attrs.field(default=40_000_000, validator=_whole(1, MAX_PIXELS_LIMIT))
    min_bytes: int = attrs.field(default=20_000, validator=_whole(0, 1_000_000_000))
    max_bytes: int = attrs.field(default=7_000_000, validator=_whole(0, 1_000_000_000))
    accepted_modes: tuple[str, ...] = attrs.field(
        default=("RGB",), converter=_names, validator=_texts
    )
    color_severity: Severity = attrs.field(default=Severity.WARNING, validator=_severity)
    max_age_months: int = attrs.field(default=6, validator=_whole(1, 1_200))
    output_width: int = attrs.field(default=600, validator=_whole(16, MAX_OUTPUT_SIDE))
    output_height: int = attrs.field(default=800, validator=_whole(16, MAX_OUTPUT_SIDE))
    jpeg_quality: int = attrs.field(default=90, validator=_whole(1, 100))

    @classmethod
    def strict(cls) -> PhotoPolicy:
        """JPEG only, 3 months, and size and colour problems as errors."""
        return cls(
            open_formats=("JPEG",),
            format_severity=Severity.ERROR,
            size_severity=Severity.ERROR,
            color_severity=Severity.ERROR,
            max_age_months=3,
        )


@attrs.frozen
class PhotoReport(Report):
    """The findings on a photo, and what was learnt about it."""

    size: int = attrs.field(default=0, kw_only=True)
    format: str | None = attrs.field(default=None, kw_only=True)
    mode: str | None = attrs.field(default=None, kw_only=True)
    width: int | None = attrs.field(default=None, kw_only=True)
    """After the EXIF orientation is applied."""
    height: int | None = attrs.field(default=None, kw_only=True)
    taken_on: date | None = attrs.field(default=None, kw_only=True)


# --- checking -------------------------------------------------------------------------

_SIGNATURES: tuple[tuple[int, bytes, str], ...] = (
    (0, b"\xff\xd8\xff", "JPEG"),
    (0, b"\x89PNG\r\n\x1a\n", "PNG"),
    (0, b"GIF8", "GIF"),
    (0, b"BM", "BMP"),
    (0, b"II*\x00", "TIFF"),
    (0, b"MM\x00*", "TIFF"),
    (0, b"%PDF-", "PDF"),
    (8, b"WEBP", "WEBP"),
    (4, b"ftypheic", "HEIC"),
    (4, b"ftypheix", "HEIC"),
    (4, b"ftypmif1", "HEIC"),
    (4, b"ftypavif", "AVIF"),
)
_ORIENTATION, _EXIF_IFD, _DATE_TAKEN = 0x0112, 0x8769, 0x9003
_SWAPPING = frozenset({5, 6, 7, 8})  # orientations that turn the picture a quarter
_SOURCES_STANDARD = ("isa-photo-standard",)
_SOURCES_BOUNDS = ("mynumber-photo-spec",)
_UNUSABLE = frozenset({"photo.unreadable", "photo.too_many_pixels", "photo.too_complex"})


def _sniff(data: bytes) -> str | None:
    for offset, signature, name in _SIGNATURES:
        if data[offset : offset + len(signature)] == signature:
            return name
    return None


_TRANSPOSE = {2: "FLIP_LEFT_RIGHT", 3: "ROTATE_180", 4: "FLIP_TOP_BOTTOM", 5: "TRANSPOSE"}
_TRANSPOSE.update({6: "ROTATE_270", 7: "TRANSVERSE", 8: "ROTATE_90"})
_MAX_IFD_ENTRIES = 512


def _ifd(tiff: bytes, order: str, offset: int) -> dict[int, tuple[int, int, bytes]]:
    """The entries of one TIFF directory: tag -> (type, count, 4-byte value field)."""
    (count,) = struct.unpack_from(order + "H", tiff, offset)
    entries = {}
    for index in range(min(count, _MAX_IFD_ENTRIES)):
        start = offset + 2 + 12 * index
        tag, kind, number = struct.unpack_from(order + "HHI", tiff, start)
        entries[tag] = (kind, number, tiff[start + 8 : start + 12])
    return entries


def _exif(raw: object) -> tuple[int, date | None]:
    """The orientation (1 where unknown) and the day taken, from EXIF bytes.

    Read here rather than by Pillow's ``getexif``, which warns (``warnings.warn``)
    on corrupt EXIF: a check must not write to the host's warnings.
    """
    orientation, taken = 1, None
    if not isinstance(raw, bytes):
        return orientation, taken
    tiff = raw[6:] if raw.startswith(b"Exif\x00\x00") else raw
    order = {b"II": "<", b"MM": ">"}.get(tiff[:2])
    if order is None:
        return orientation, taken
    try:
        (first,) = struct.unpack_from(order + "I", tiff, 4)
        ifd0 = _ifd(tiff, order, first)
        kind, _number, value = ifd0.get(_ORIENTATION, (0, 0, b""))
        if kind == 3:  # SHORT
            (found,) = struct.unpack_from(order + "H", value)
            orientation = found if 1 <= found <= 8 else 1
        kind, _number, value = ifd0.get(_EXIF_IFD, (0, 0, b""))
        if kind == 4:  # LONG
            (pointer,) = struct.unpack_from(order + "I", value)
            kind, number, value = _ifd(tiff, order, pointer).get(_DATE_TAKEN, (0, 0, b""))
            if kind == 2 and 19 <= number <= 64:  # ASCII "YYYY:MM:DD HH:MM:SS"
                (where,) = struct.unpack_from(order + "I", value)
                text = tiff[where : where + 19].decode("ascii")
                taken = datetime.strptime(text, "%Y:%m:%d %H:%M:%S").date()
    except (struct.error, ValueError, UnicodeDecodeError):
        pass  # malformed metadata: what was read so far stands
    return orientation, taken


#: Structure Pillow walks in Python, one step at a time, before and while it decodes.
MAX_SEGMENTS = 2_000  # JPEG marker segments before the scan (a camera writes about 20)
MAX_JUNK_BYTES = 100_000  # bytes between JPEG segments, which Pillow reads one by one
MAX_CHUNKS = 20_000  # PNG chunks (25 MB of 8 KB image-data chunks is about 3,000)
#: Scans of a progressive JPEG: libjpeg decodes every block once a scan, so thousands of
#: tiny scans cost minutes (libjpeg-turbo's djpeg has -maxscans for this); encoders write
#: about 10.  Counted as start-of-scan markers anywhere in the file: an over-count.
MAX_SCANS = 100
_NO_LENGTH = frozenset({0x01, *range(0xD0, 0xDA)})  # TEM, RSTn, SOI, EOI


def _jpeg_walk(data: bytes) -> tuple[str | None, bytes | None, bytes]:
    """Walk a JPEG's segments to the first scan, as Pillow would, counting the cost.

    Returns why the walk would cost too much (or None), the EXIF segment's
    payload, and the bytes to give Pillow: the same without the EXIF segment,
    which Pillow would otherwise parse as it opens the file (for a DPI) and
    warn about through the host's ``warnings`` where it is corrupt.
    """
    offset, segments, junk = 2, 0, 0
    exif: bytes | None = None
    spans: list[tuple[int, int]] = []
    while offset + 1 < len(data):
        if data[offset] != 0xFF:
            following = data.find(b"\xff", offset)
            if following < 0:
                break  # no scan at all: Pillow fails cheaply
            junk += following - offset
            if junk > MAX_JUNK_BYTES:
                return f"more than {MAX_JUNK_BYTES:,} stray bytes between JPEG segments", None, data
            offset = following
            continue
        marker = data[offset + 1]
        segments += 1
        if segments > MAX_SEGMENTS:
            return f"more than {MAX_SEGMENTS:,} JPEG segments before the image data", None, data
        if marker == 0xDA:  # start of scan: libjpeg takes over
            if data.count(b"\xff\xda") > MAX_SCANS:
                return f"more than {MAX_SCANS} JPEG scans", None, data
            break
        if marker == 0xFF:  # fill byte
            offset += 1
        elif marker == 0x00 or marker in _NO_LENGTH:
            offset += 2
        else:
            end = offset + 2 + int.from_bytes(data[offset + 2 : offset + 4], "big")
            if marker == 0xE1 and data[offset + 4 : offset + 10] == b"Exif\x00\x00":
                exif = data[offset + 4 : end] if exif is None else exif
                spans.append((offset, end))
            offset = end
    if not spans:
        return None, exif, data
    kept, start = [], 0
    for begin, end in spans:
        kept.append(data[start:begin])
        start = end
    kept.append(data[start:])
    return None, exif, b"".join(kept)


def _png_chunks(data: bytes) -> list[bytes] | None:
    """The chunk types of a PNG (a bounded walk); None where there are too many."""
    kinds: list[bytes] = []
    offset = 8
    while offset + 8 <= len(data):
        if len(kinds) >= MAX_CHUNKS:
            return None
        (length,) = struct.unpack_from(">I", data, offset)
        kind = data[offset + 4 : offset + 8]
        kinds.append(kind)
        if kind == b"IEND":
            break
        offset += 12 + length
    return kinds


@contextmanager
def _opened(data: bytes, policy: PhotoPolicy, findings: list[Finding]) -> Iterator[Image | None]:
    """Open ``data`` lazily with the policy's formats; None (and findings) if it can't be.

    The format's own plugin class is used rather than ``Image.open``: the
    latter warns (decompression-bomb and MPO warnings, through the host's
    ``warnings``) and names the buffer object in its error text.  Nothing is
    decoded here: the header gives the size.
    """
    from PIL import JpegImagePlugin, PngImagePlugin  # heavy: imported only for a photo

    sniffed = _sniff(data)
    problem: str | None = None
    exif: bytes | None = None
    if sniffed == "PNG":
        chunks = _png_chunks(data)
        if chunks is None:
            problem = f"more than {MAX_CHUNKS:,} PNG chunks"
        elif b"acTL" in chunks:
            sniffed = "APNG"  # animated: not a photo, and Pillow warns on a broken one
    elif sniffed == "JPEG":
        problem, exif, data = _jpeg_walk(data)
    if problem is not None and sniffed in policy.open_formats:
        findings.append(make_finding("photo.too_complex", detail=problem))
        yield None
        return
    if sniffed not in policy.open_formats:
        if sniffed is None:
            findings.append(make_finding("photo.unreadable", detail="not a JPEG or PNG image"))
        else:
            findings.append(
                make_finding(
                    "photo.format", severity=Severity.ERROR, sources=_srcs(), format=sniffed
                )
            )
        yield None
        return
    plugin = JpegImagePlugin.JpegImageFile if sniffed == "JPEG" else PngImagePlugin.PngImageFile
    try:
        image = plugin(BytesIO(data))
        if sniffed == "JPEG":
            image.info.pop("exif", None)
            if exif is not None:
                image.info["exif"] = exif  # read by _exif(), never by Pillow
    except Exception as exc:  # noqa: BLE001 - untrusted bytes: any failure is unreadable
        findings.append(make_finding("photo.unreadable", detail=_why(exc)))
        yield None
        return
    try:
        yield image
    finally:
        image.close()


def _srcs() -> tuple[Source, ...]:
    return sources(*_SOURCES_STANDARD)


_ADDRESS = re.compile(r" at 0x[0-9a-fA-F]+")


def _why(exc: BaseException) -> str:
    """``Type: message`` without memory addresses: equal reports for equal bytes."""
    return _ADDRESS.sub("", f"{type(exc).__name__}: {exc}")[:160]


def check_photo(
    data: bytes,
    *,
    submitted_on: date,
    taken_on: date | None = None,
    policy: PhotoPolicy | None = None,
) -> PhotoReport:
    """Check a face photo before upload.

    ``taken_on`` is the day it was taken; without it the EXIF
    DateTimeOriginal is used where present.  ``policy`` defaults to
    :class:`PhotoPolicy` ().

    >>> check_photo(b"not an image", submitted_on=date(2026, 11, 22)).codes
    ('photo.unreadable',)
    """
    submitted_on = ensure_date(submitted_on, "submitted_on")
    if taken_on is not None:
        taken_on = ensure_date(taken_on, "taken_on")
    return _check(data, submitted_on=submitted_on, taken_on=taken_on, policy=policy)


def _check(
    data: bytes,
    *,
    submitted_on: date | None,
    taken_on: date | None,
    policy: PhotoPolicy | None,
    decode: bool = True,
) -> PhotoReport:
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise ArgumentTypeError(
            f"data must be bytes, not {type(data).__name__}", **wrong_type("data", data, "bytes")
        )
    data = bytes(data)
    policy = _policy(policy)
    findings: list[Finding] = []
    details: dict[str, Any] = {"size": len(data)}
    if not data:
        findings.append(make_finding("photo.unreadable", detail="0 bytes"))
        return PhotoReport(findings, **details)
    with _opened(data, policy, findings) as image:
        if image is not None:
            findings.extend(_inspect(image, data, policy, details, decode=decode))
    unusable = any(
        f.code in _UNUSABLE or (f.code == "photo.format" and f.is_error) for f in findings
    )
    if submitted_on is not None and not unusable:
        findings.extend(_age(taken_on or details.get("taken_on"), submitted_on, policy, details))
    return PhotoReport(findings, **details)


def _inspect(
    image: Image, data: bytes, policy: PhotoPolicy, details: dict[str, Any], *, decode: bool
) -> list[Finding]:
    findings: list[Finding] = []
    width, height = image.size
    orientation, taken = _exif(image.info.get("exif"))
    details.update(format=image.format, mode=image.mode, taken_on=taken)
    if orientation in _SWAPPING:
        width, height = height, width
    details.update(width=width, height=height)
    if width * height > policy.max_pixels:
        findings.append(
            make_finding(
                "photo.too_many_pixels", width=width, height=height, limit=policy.max_pixels
            )
        )
        return findings  # never decoded
    if image.format != "JPEG":
        findings.append(
            make_finding(
                "photo.format",
                severity=policy.format_severity,
                sources=_srcs(),
                format=image.format,
            )
        )
    if image.mode not in policy.accepted_modes:
        findings.append(
            make_finding("photo.color_mode", severity=policy.color_severity, mode=image.mode)
        )
    try:
        if image.format == "JPEG":
            image.draft("RGB", (max(1, image.size[0] // 8), max(1, image.size[1] // 8)))
        if decode:  # prepare_photo decodes once, itself
            image.load()
    except Exception as exc:  # noqa: BLE001 - truncated or corrupt data
        findings.append(make_finding("photo.unreadable", detail=_why(exc)))
        return findings
    ratio = height / width if width else 0.0
    if abs(ratio - policy.aspect_ratio) > policy.aspect_ratio * policy.aspect_tolerance:
        findings.append(
            make_finding(
                "photo.aspect_ratio",
                sources=_srcs(),
                width=width,
                height=height,
                ratio=round(ratio, 3),
            )
        )
    bounds = sources(*_SOURCES_BOUNDS)
    if min(width, height) < policy.min_side:
        findings.append(
            make_finding(
                "photo.too_small",
                severity=policy.size_severity,
                sources=bounds,
                width=width,
                height=height,
                limit=policy.min_side,
            )
        )
    elif max(width, height) > policy.max_side:
        findings.append(
            make_finding(
                "photo.too_large", sources=bounds, width=width, height=height, limit=policy.max_side
            )
        )
    if not policy.min_bytes <= len(data) <= policy.max_bytes:
        findings.append(
            make_finding(
                "photo.file_size",
                sources=bounds,
                size=len(data),
                low=policy.min_bytes,
                high=policy.max_bytes,
            )
        )
    return findings


def _age(
    taken: date | None, submitted_on: date, policy: PhotoPolicy, details: dict[str, Any]
) -> list[Finding]:
    months = policy.max_age_months
    if taken is None:
        return [make_finding("photo.date_unknown", sources=_srcs(), months=months)]
    details["taken_on"] = taken
    taken_text, submitted_text = taken.isoformat(), submitted_on.isoformat()
    if taken > submitted_on:
        return [
            make_finding(
                "photo.taken_after_submission", taken_on=taken_text, submitted_on=submitted_text
            )
        ]
    if taken < add_months(submitted_on, -months):
        ids = _SOURCES_STANDARD if months >= 6 else ("photo-three-months-formerly",)
        return [
            make_finding(
                "photo.too_old",
                sources=sources(*ids),
                months=months,
                taken_on=taken_text,
                submitted_on=submitted_text,
            )
        ]
    return []


# --- preparing ------------------------------------------------------------------------


def _decoded(image: Image, side: int) -> Image:
    """The picture upright in RGB, decoded at the smallest scale that keeps ``side`` pixels.

    JPEG is decoded at reduced scale (draft mode); other formats are reduced
    in their own mode before the conversion, so memory stays near the
    decoded size of the file itself.
    """
    from PIL import Image as PILImage

    orientation, _taken = _exif(image.info.get("exif"))
    if image.format == "JPEG":
        image.draft("RGB", (side, side))
    image.load()
    picture: Image = image
    picture.info.pop("transparency", None)  # converting it warns; a JPEG has none anyway
    factor = min(picture.size) // (2 * side)
    if factor >= 2:
        if picture.mode in ("1", "P", "I;16"):  # modes reduce() does not take
            picture = picture.convert("RGB" if picture.mode == "P" else "L")
        picture = picture.reduce(factor)
    rgb = picture.convert("RGB")
    if orientation in _TRANSPOSE:
        rgb = rgb.transpose(PILImage.Transpose[_TRANSPOSE[orientation]])
    return rgb


def prepare_photo(data: bytes, *, policy: PhotoPolicy | None = None) -> bytes:
    """A copy of the photo the system takes: upright, 4:3 portrait, RGB JPEG, no metadata.

    The EXIF orientation is applied, the picture centre-cropped to 4:3
    (height:width), scaled to the policy's output size and written as a
    baseline JPEG with no EXIF (no GPS position, no camera serial) and no
    ICC profile.  Bytes that cannot be used raise
    :class:`~nyukan_rules.ValidationError` carrying the check's report.
    Cropping does not place the face: check the result by eye.
    """
    from PIL import Image as PILImage

    policy = _policy(policy)
    report = _check(data, submitted_on=None, taken_on=None, policy=policy, decode=False)
    if any(f.code in _UNUSABLE or (f.code == "photo.format" and f.is_error) for f in report):
        raise ValidationError(
            "the photo cannot be prepared: "
            + "; ".join(f.message_en for f in report if f.is_error),
            report=report,
            code="photo.cannot_prepare",
            params={"count": sum(1 for f in report if f.is_error)},
        )
    try:
        with _opened(bytes(data), policy, []) as image:
            if image is None:  # pragma: no cover - the check above opened it
                raise ValidationError(
                    "the photo cannot be opened", report=report, code="photo.cannot_open"
                )
            rgb = _decoded(image, max(policy.output_width, policy.output_height))
    except ValidationError:
        raise
    except Exception as exc:
        unreadable = make_finding("photo.unreadable", detail=_why(exc))
        report = attrs.evolve(report, findings=(*report.findings, unreadable))
        raise ValidationError(
            f"the photo cannot be decoded: {_why(exc)}",
            report=report,
            code="photo.cannot_decode",
            params={"error": type(exc).__name__},
        ) from exc
    width, height = rgb.size
    target = policy.output_height / policy.output_width
    if height / width > target:  # too tall: trim top and bottom
        new_height = round(width * target)
        top = (height - new_height) // 2
        box = (0, top, width, top + new_height)
    else:  # too wide: trim the sides
        new_width = round(height / target)
        left = (width - new_width) // 2
        box = (left, 0, left + new_width, height)
    # resize(box=) rather than crop(): crop runs Pillow's decompression-bomb check.
    resized = rgb.resize(
        (policy.output_width, policy.output_height), PILImage.Resampling.LANCZOS, box=box
    )
    # A new image from the pixels alone: no info (comment, EXIF, ICC, XMP, DPI) can follow.
    clean = PILImage.frombytes("RGB", resized.size, resized.tobytes())
    out = BytesIO()
    clean.save(out, format="JPEG", quality=policy.jpeg_quality, optimize=True)
    return out.getvalue()
