"""Files: the system's editions, PDF attachments, the face photo, the whole submission.

pypdf and Pillow are imported inside the functions that use them.
"""

from nyukan_rules.files.editions import EDITION_LIMITS, EditionLimits, SystemEdition
from nyukan_rules.files.pdf import AttachmentReport, check_attachment, merge_pdfs
from nyukan_rules.files.photo import (
    PhotoPolicy,
    PhotoReport,
    check_photo,
    photo_required,
    prepare_photo,
)
from nyukan_rules.files.submission import SubmissionReport, check_submission

__all__ = [
    "EDITION_LIMITS",
    "AttachmentReport",
    "EditionLimits",
    "PhotoPolicy",
    "PhotoReport",
    "SubmissionReport",
    "SystemEdition",
    "check_attachment",
    "check_photo",
    "check_submission",
    "merge_pdfs",
    "photo_required",
    "prepare_photo",
]
