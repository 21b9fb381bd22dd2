"""check_photo, prepare_photo and photo_required.

Sources: isa-photo-standard (4:3, taken within 6 months), photo-three-months-
formerly (the strict policy), mynumber-photo-spec (the warning bounds),
photo-under-16, photo-under-16-coe-exceptions, photo-from-age-1.
"""

from __future__ import annotations

from datetime import date
from io import BytesIO

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

import nyukan_rules as nr
from nyukan_rules.errors import ArgumentTypeError, ArgumentValueError
from tests.files import fixtures

ON = date(2026, 11, 22)


def test_a_good_photo() -> None:
    report = nr.check_photo(fixtures.photo(), submitted_on=ON, taken_on=date(2026, 10, 1))
    assert report.ok
    assert report.codes == ()
    assert (report.format, report.mode, report.width, report.height) == ("JPEG", "RGB", 600, 800)


def test_unknown_date_is_a_note() -> None:
    assert nr.check_photo(fixtures.photo(), submitted_on=ON).codes == ("photo.date_unknown",)


def test_exif_orientation_is_applied_before_the_ratio() -> None:
    # Stored 800 wide x 600 high, shown turned a quarter (orientation 6): 600 x 800 portrait.
    turned = fixtures.photo(800, 600, orientation=6)
    report = nr.check_photo(turned, submitted_on=ON, taken_on=ON)
    assert (report.width, report.height) == (600, 800)
    assert report.ok
    landscape = nr.check_photo(fixtures.photo(800, 600), submitted_on=ON, taken_on=ON)
    assert landscape.codes == ("photo.aspect_ratio",)


def test_aspect_tolerance() -> None:
    assert nr.check_photo(fixtures.photo(600, 808), submitted_on=ON, taken_on=ON).ok  # 1% off
    off = nr.check_photo(fixtures.photo(600, 700), submitted_on=ON, taken_on=ON)
    assert off.codes == ("photo.aspect_ratio",)


def test_age_from_exif_and_from_the_caller() -> None:
    exif_dated = fixtures.photo(taken="2026:04:01 09:00:00")
    old = nr.check_photo(exif_dated, submitted_on=ON)
    assert old.codes == ("photo.too_old",)
    assert old.taken_on == date(2026, 4, 1)
    # six months before 2026-11-22 is 2026-05-22: still fine
    assert nr.check_photo(fixtures.photo(), submitted_on=ON, taken_on=date(2026, 5, 22)).ok
    assert not nr.check_photo(fixtures.photo(), submitted_on=ON, taken_on=date(2026, 5, 21)).ok
    # the caller's date wins over EXIF
    assert nr.check_photo(exif_dated, submitted_on=ON, taken_on=date(2026, 11, 1)).ok
    future = nr.check_photo(fixtures.photo(), submitted_on=ON, taken_on=date(2026, 12, 1))
    assert future.codes == ("photo.taken_after_submission",)


def test_strict_policy() -> None:
    strict = nr.PhotoPolicy.strict()
    assert strict.max_age_months == 3
    report = nr.check_photo(
        fixtures.photo(), submitted_on=ON, taken_on=date(2026, 7, 1), policy=strict
    )
    assert report.codes == ("photo.too_old",)
    assert report.errors[0].sources[0].id == "photo-three-months-formerly"
    png = nr.check_photo(fixtures.photo(fmt="PNG"), submitted_on=ON, taken_on=ON, policy=strict)
    assert png.codes == ("photo.format",)
    assert not png.ok


def test_png_is_a_warning_by_default_and_heic_an_error() -> None:
    png = nr.check_photo(fixtures.photo(fmt="PNG"), submitted_on=ON, taken_on=ON)
    assert png.ok
    assert "photo.format" in png.codes
    heic = nr.check_photo(b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00", submitted_on=ON)
    assert heic.codes == ("photo.format",)
    assert not heic.ok
    assert "HEIC" in heic.errors[0].message_en


def test_colour_modes() -> None:
    cmyk = nr.check_photo(fixtures.photo(mode="CMYK"), submitted_on=ON, taken_on=ON)
    assert cmyk.codes == ("photo.color_mode",)
    grey = nr.check_photo(fixtures.photo(mode="L"), submitted_on=ON, taken_on=ON)
    assert grey.codes == ("photo.color_mode",)


def test_small_and_large() -> None:
    small = nr.check_photo(fixtures.photo(300, 400), submitted_on=ON, taken_on=ON)
    assert "photo.too_small" in small.codes
    assert small.ok  # a warning: no official pixel figure exists


def test_pixel_bomb_is_refused_from_the_header() -> None:
    report = nr.check_photo(fixtures.pixel_bomb(), submitted_on=ON)
    assert report.codes == ("photo.too_many_pixels",)
    assert (report.width, report.height) == (12_000, 12_000)


def test_pillow_settings_are_untouched() -> None:
    from PIL import ImageFile

    before = (Image.MAX_IMAGE_PIXELS, ImageFile.LOAD_TRUNCATED_IMAGES)
    nr.check_photo(fixtures.pixel_bomb(), submitted_on=ON)
    nr.check_photo(fixtures.photo(), submitted_on=ON)
    after = (Image.MAX_IMAGE_PIXELS, ImageFile.LOAD_TRUNCATED_IMAGES)
    assert after == before


@pytest.mark.parametrize("junk", [b"", b"not an image", b"\xff\xd8\xff\xe0" + b"\x00" * 40])
def test_unreadable(junk: bytes) -> None:
    assert nr.check_photo(junk, submitted_on=ON).codes == ("photo.unreadable",)


def test_truncated_jpeg() -> None:
    data = fixtures.photo()
    assert nr.check_photo(data[: len(data) // 2], submitted_on=ON).codes == ("photo.unreadable",)


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_mutated_photos_give_a_report(draw: st.DataObject) -> None:
    data = bytearray(fixtures.photo(120, 160))
    for _ in range(draw.draw(st.integers(1, 8))):
        index = draw.draw(st.integers(0, len(data) - 1))
        data[index] = draw.draw(st.integers(0, 255))
    report = nr.check_photo(bytes(data), submitted_on=ON)
    assert isinstance(report, nr.PhotoReport)


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=500))
def test_random_bytes_give_a_report(data: bytes) -> None:
    assert isinstance(nr.check_photo(data, submitted_on=ON), nr.PhotoReport)


def test_prepare_photo() -> None:
    source = fixtures.photo(1600, 1000, orientation=6, taken="2026:11:01 10:00:00", gps=True)
    prepared = nr.prepare_photo(source)
    with Image.open(BytesIO(prepared)) as image:
        assert image.format == "JPEG"
        assert image.mode == "RGB"
        assert image.size == (600, 800)
        assert len(image.getexif()) == 0  # no GPS, no date, no orientation left
        assert "icc_profile" not in image.info
    report = nr.check_photo(prepared, submitted_on=ON, taken_on=ON)
    assert report.ok
    assert report.codes == ()


def test_prepare_refuses_what_it_cannot_use() -> None:
    with pytest.raises(nr.ValidationError) as info:
        nr.prepare_photo(b"not an image")
    assert info.value.report is not None
    assert info.value.report.codes == ("photo.unreadable",)
    with pytest.raises(nr.ValidationError):
        nr.prepare_photo(fixtures.pixel_bomb())


K = nr.ApplicationKind


@pytest.mark.parametrize(
    ("kind", "on", "age", "desired", "needed"),
    [
        # photo-under-16: until 2026-06-13, under 16 gave no photo
        (K.EXTENSION_OF_PERIOD, date(2026, 6, 13), 15, None, False),
        (K.EXTENSION_OF_PERIOD, date(2026, 6, 13), 16, None, True),
        (K.CHANGE_OF_STATUS, date(2025, 1, 1), 0, None, False),
        # photo-under-16-coe-exceptions is single-source: by default an under-16
        # certificate-of-eligibility applicant gives a photo (issue 11)
        (K.CERTIFICATE_OF_ELIGIBILITY, date(2026, 1, 1), 10, "家族滞在", True),
        (K.CERTIFICATE_OF_ELIGIBILITY, date(2026, 1, 1), 10, "日本人の配偶者等", True),
        (K.CERTIFICATE_OF_ELIGIBILITY, date(2026, 1, 1), 10, "留学", True),
        (K.CERTIFICATE_OF_ELIGIBILITY, date(2026, 1, 1), 10, None, True),
        # photo-from-age-1: from 2026-06-14 only those under 1 are exempt
        (K.EXTENSION_OF_PERIOD, date(2026, 6, 14), 1, None, True),
        (K.EXTENSION_OF_PERIOD, date(2026, 6, 14), 0, None, False),
        (K.CERTIFICATE_OF_ELIGIBILITY, date(2026, 11, 22), 0, "家族滞在", False),
        # procedures that issue no card
        (K.REENTRY_PERMIT_SINGLE, date(2026, 11, 22), 30, None, False),
        (K.EMPLOYMENT_CERTIFICATE, date(2026, 11, 22), 30, None, False),
        (K.PERMANENT_RESIDENCE, date(2026, 11, 22), 30, None, True),
    ],
)
def test_photo_required(
    kind: nr.ApplicationKind, on: date, age: int, desired: str | None, needed: bool
) -> None:
    assert nr.photo_required(kind, on=on, applicant_age=age, desired_status=desired) is needed


@pytest.mark.parametrize(
    ("desired", "needed"), [("留学", False), ("家族滞在", True), ("日本人の配偶者等", True)]
)
def test_coe_exceptions_on_request(desired: str, needed: bool) -> None:
    """photo-under-16-coe-exceptions (single source) applies with include_single_source."""
    assert (
        nr.photo_required(
            K.CERTIFICATE_OF_ELIGIBILITY,
            on=date(2026, 1, 1),
            applicant_age=10,
            desired_status=desired,
            include_single_source=True,
        )
        is needed
    )


@pytest.mark.parametrize(
    ("card_issued_on", "needed"),
    [(date(2026, 6, 13), False), (date(2026, 6, 14), True), (date(2026, 7, 1), True)],
)
def test_photo_from_age_1_follows_the_card_issue(card_issued_on: date, needed: bool) -> None:
    """photo-from-age-1 (trust-gyosei.com, tommyslegal.com): a filing before 2026-06-14
    whose card is issued on or after it needs a photo (audit 2026-11, item 3)."""
    answer = nr.photo_required(
        K.EXTENSION_OF_PERIOD, on=date(2026, 6, 10), applicant_age=10, card_issued_on=card_issued_on
    )
    assert answer is needed


def test_card_issue_before_filing_is_refused() -> None:
    with pytest.raises(ArgumentValueError):
        nr.photo_required(
            K.EXTENSION_OF_PERIOD,
            on=date(2026, 6, 10),
            applicant_age=10,
            card_issued_on=date(2026, 6, 9),
        )


def test_photo_required_rejects_bad_ages() -> None:
    # Issue 10: wrong types raise the package's TypeError, out-of-range values its ValueError.
    for age in ("3", None, True, 3.0):
        with pytest.raises(ArgumentTypeError):
            nr.photo_required("extension_of_period", on=ON, applicant_age=age)  # type: ignore[arg-type]
    for age in (-1, 151):
        with pytest.raises(ArgumentValueError):
            nr.photo_required("extension_of_period", on=ON, applicant_age=age)
