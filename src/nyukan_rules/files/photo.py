"""The face photo: who must give one, check it, and prepare one the system takes.

Pillow is imported inside the functions.  A check opens only the formats
its :class:`PhotoPolicy` admits, refuses an oversized image from its header
before decoding anything, and decodes JPEG at reduced scale.  Pillow's
process-wide settings (``Image.MAX_IMAGE_PIXELS``,
``ImageFile.LOAD_TRUNCATED_IMAGES``) are never changed: the limits are the
policy's, per call.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from io import BytesIO
from typing import TYPE_CHECKING, Any

import attrs

from nyukan_rules.catalog import ApplicationKind, StatusOfResidence
from nyukan_rules.dates import Effective, add_months, ensure_date
from nyukan_rules.errors import ValidationError
from nyukan_rules.files._capture import captured_messages
from nyukan_rules.messages import make_finding
from nyukan_rules.report import Finding, Report, Severity
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
class PhotoExemption:
    """Applicants younger than ``under_age`` give no photo while this row is in force.

    Except for a certificate of eligibility asking for one of
    ``coe_statuses_needing_photo``.
    """

    effective: Effective
    under_age: int
    source_ids: tuple[str, ...]
    coe_statuses_needing_photo: frozenset[StatusOfResidence] = frozenset()

    @property
    def sources(self) -> tuple[Source, ...]:
        return sources(*self.source_ids)


PHOTO_EXEMPTIONS: tuple[PhotoExemption, ...] = (
    PhotoExemption(
        Effective(None, date(2026, 6, 13)),
        16,
        ("photo-under-16", "photo-under-16-coe-exceptions"),
        frozenset(
            {
                S.DEPENDENT,
                S.LONG_TERM_RESIDENT,
                S.SPOUSE_OR_CHILD_OF_JAPANESE_NATIONAL,
                S.SPOUSE_OR_CHILD_OF_PERMANENT_RESIDENT,
            }
        ),
    ),
    PhotoExemption(Effective(date(2026, 6, 14), None), 1, ("photo-from-age-1",)),
)


def photo_required(
    kind: ApplicationKind | str,
    *,
    on: date,
    applicant_age: int,
    desired_status: StatusOfResidence | str | None = None,
) -> bool:
    """Whether an application of ``kind`` filed on ``on`` needs a face photo.

    Until 2026-06-13 applicants under 16 gave none, except for a certificate
    of eligibility under 家族滞在, 定住者, 日本人の配偶者等 or 永住者の配偶者等;
    from 2026-06-14 children from age 1 get a photo on their residence card,
    so only those under 1 are exempt.  Where the answer depends on a
    ``desired_status`` that is not given, the answer is True (giving a photo
    is never wrong).

    >>> photo_required("extension_of_period", on=date(2026, 6, 13), applicant_age=10)
    False
    >>> photo_required("extension_of_period", on=date(2026, 6, 14), applicant_age=10)
    True
    """
    kind = ApplicationKind.parse(kind)
    on = ensure_date(on, "on")
    if not isinstance(applicant_age, int) or isinstance(applicant_age, bool) or applicant_age < 0:
        raise ValidationError(
            f"applicant_age must be a whole number of years, not {applicant_age!r}"
        )
    desired = None if desired_status is None else StatusOfResidence.parse(desired_status)
    if kind not in PHOTO_KINDS:
        return False
    for exemption in PHOTO_EXEMPTIONS:
        if not exemption.effective.contains(on) or applicant_age >= exemption.under_age:
            continue
        if kind is K.CERTIFICATE_OF_ELIGIBILITY and exemption.coe_statuses_needing_photo:
            return desired is None or desired in exemption.coe_statuses_needing_photo
        return False
    return True


# --- the policy -----------------------------------------------------------------------


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
    """

    open_formats: tuple[str, ...] = ("JPEG", "PNG")
    format_severity: Severity = Severity.WARNING
    aspect_ratio: float = 4 / 3
    aspect_tolerance: float = 0.02
    min_side: int = 480
    max_side: int = 6_000
    size_severity: Severity = Severity.WARNING
    max_pixels: int = 40_000_000
    min_bytes: int = 20_000
    max_bytes: int = 7_000_000
    accepted_modes: tuple[str, ...] = ("RGB",)
    color_severity: Severity = Severity.WARNING
    max_age_months: int = 6
    output_width: int = 600
    output_height: int = 800
    jpeg_quality: int = 90

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
_UNUSABLE = frozenset({"photo.unreadable", "photo.too_many_pixels"})


def _sniff(data: bytes) -> str | None:
    for offset, signature, name in _SIGNATURES:
        if data[offset : offset + len(signature)] == signature:
            return name
    return None


def _exif_date(image: Image) -> date | None:
    try:
        raw = image.getexif().get_ifd(_EXIF_IFD).get(_DATE_TAKEN)
        return datetime.strptime(str(raw).strip("\x00 ")[:19], "%Y:%m:%d %H:%M:%S").date()
    except Exception:  # noqa: BLE001 - absent or malformed metadata means unknown
        return None


def _orientation(image: Image) -> int:
    try:
        value = int(image.getexif().get(_ORIENTATION, 1))
    except Exception:  # noqa: BLE001 - malformed EXIF: assume upright
        return 1
    return value if 1 <= value <= 8 else 1


@contextmanager
def _opened(data: bytes, policy: PhotoPolicy, findings: list[Finding]) -> Iterator[Image | None]:
    """Open ``data`` lazily with the policy's formats; None (and findings) if it can't be."""
    from PIL import Image as PILImage  # heavy: imported only when a photo is handled

    sniffed = _sniff(data)
    if sniffed is not None and sniffed not in policy.open_formats:
        findings.append(
            make_finding("photo.format", severity=Severity.ERROR, sources=_srcs(), format=sniffed)
        )
        yield None
        return
    with captured_messages("PIL"):
        try:
            image = PILImage.open(BytesIO(data), formats=list(policy.open_formats))
        except PILImage.DecompressionBombError:
            findings.append(
                make_finding(
                    "photo.too_many_pixels", width="?", height="?", limit=policy.max_pixels
                )
            )
            yield None
            return
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


def _why(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"[:160]


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
) -> PhotoReport:
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise ValidationError(f"data must be bytes, not {type(data).__name__}")
    data = bytes(data)
    policy = policy or PhotoPolicy()
    findings: list[Finding] = []
    details: dict[str, Any] = {"size": len(data)}
    if not data:
        findings.append(make_finding("photo.unreadable", detail="0 bytes"))
        return PhotoReport(findings, **details)
    with _opened(data, policy, findings) as image:
        if image is not None:
            findings.extend(_inspect(image, data, policy, details))
    unusable = any(
        f.code in _UNUSABLE or (f.code == "photo.format" and f.is_error) for f in findings
    )
    if submitted_on is not None and not unusable:
        findings.extend(_age(taken_on or details.get("taken_on"), submitted_on, policy, details))
    return PhotoReport(findings, **details)


def _inspect(
    image: Image, data: bytes, policy: PhotoPolicy, details: dict[str, Any]
) -> list[Finding]:
    findings: list[Finding] = []
    width, height = image.size
    details.update(format=image.format, mode=image.mode, taken_on=_exif_date(image))
    if _orientation(image) in _SWAPPING:
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
        image.load()
    except Exception as exc:  # noqa: BLE001 - truncated or corrupt data
        findings.append(make_finding("photo.unreadable", detail=_why(exc)))
        return findings
    ratio = height / width if width else 0.0
    if abs(ratio - policy.aspect_ratio) > policy.aspect_ratio * policy.aspect_tolerance:
        findings.append(
            make_finding(
                "photo.aspect_ratio", sources=_srcs(), width=width, height=height, ratio=ratio
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
    from PIL import ImageOps

    policy = policy or PhotoPolicy()
    report = _check(data, submitted_on=None, taken_on=None, policy=policy)
    if any(f.code in _UNUSABLE or (f.code == "photo.format" and f.is_error) for f in report):
        raise ValidationError(
            "the photo cannot be prepared: "
            + "; ".join(f.message_en for f in report if f.is_error),
            report=report,
        )
    with captured_messages("PIL"):
        try:
            with PILImage.open(BytesIO(bytes(data)), formats=list(policy.open_formats)) as image:
                upright = ImageOps.exif_transpose(image) or image
                rgb = upright.convert("RGB")
        except Exception as exc:
            raise ValidationError(
                f"the photo cannot be decoded: {_why(exc)}", report=report
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
        resized = rgb.crop(box).resize(
            (policy.output_width, policy.output_height), PILImage.Resampling.LANCZOS
        )
        out = BytesIO()
        resized.save(out, format="JPEG", quality=policy.jpeg_quality, optimize=True)
    return out.getvalue()
