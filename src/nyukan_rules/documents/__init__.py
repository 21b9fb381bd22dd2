"""Which documents to attach: dated, sourced checklists.

:func:`required_documents` gives the documents of one application (a
certificate of eligibility, a change or an extension) for the statuses in
:data:`COVERAGE`; :func:`employer_category` decides the organization's
category 1-4; :func:`organization_request_checklist` covers the
organization's own request to use the online system and its periodic
report; :func:`after_filing` says what to know once the application is in.

These are the agency's minimum lists: it may ask for more.  The library
informs; it does not prepare documents for a fee.
"""

from nyukan_rules.documents._api import (
    NOTICE_EN,
    NOTICE_JA,
    after_filing,
    employer_category,
    organization_request_checklist,
    required_documents,
)
from nyukan_rules.documents._model import (
    DOCUMENTS_SEEN,
    AfterFilingRow,
    AfterFilingStep,
    Checklist,
    Condition,
    Document,
    DocumentRow,
    EmployerCategory,
    Fact,
    Level,
    OnlineDelivery,
    OrganizationRow,
    Preparer,
    Prerequisite,
    PrerequisiteRow,
    Question,
    SpecifiedSkillField,
)
from nyukan_rules.documents._reference import documents_reference_markdown
from nyukan_rules.documents._tables import (
    AFTER_FILING,
    CATEGORY_THRESHOLDS,
    COMMON_DOCUMENTS,
    COVERAGE,
    DOCUMENT_TABLES,
    ORGANIZATION_DOCUMENTS,
    ORGANIZATION_PREREQUISITES,
    TB_NATIONALITIES,
)

__all__ = [
    "AFTER_FILING",
    "CATEGORY_THRESHOLDS",
    "COMMON_DOCUMENTS",
    "COVERAGE",
    "DOCUMENTS_SEEN",
    "DOCUMENT_TABLES",
    "NOTICE_EN",
    "NOTICE_JA",
    "ORGANIZATION_DOCUMENTS",
    "ORGANIZATION_PREREQUISITES",
    "TB_NATIONALITIES",
    "AfterFilingRow",
    "AfterFilingStep",
    "Checklist",
    "Condition",
    "Document",
    "DocumentRow",
    "EmployerCategory",
    "Fact",
    "Level",
    "OnlineDelivery",
    "OrganizationRow",
    "Preparer",
    "Prerequisite",
    "PrerequisiteRow",
    "Question",
    "SpecifiedSkillField",
    "after_filing",
    "documents_reference_markdown",
    "employer_category",
    "organization_request_checklist",
    "required_documents",
]
