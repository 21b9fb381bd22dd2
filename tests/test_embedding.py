"""Safe to embed: every model, report and exception crosses a process boundary.

Issue 10: ``pickle.loads(pickle.dumps(UnknownNameError("kind", "x")))`` raised
``TypeError``, so one misspelt name in a ``ProcessPoolExecutor`` broke the
pool.  These tests send a real instance of every public model, report and
error through a process pool and back, and check that nothing is missed:
each attrs class and each error class the package exports must have a sample.
"""

from __future__ import annotations

import inspect
import pickle
from concurrent.futures import ProcessPoolExecutor
from datetime import date
from typing import Any

import attrs
import pytest

import nyukan_rules as nr
from nyukan_rules import errors
from tests.batch.hr import records
from tests.batch.rows import valid_row
from tests.files import fixtures
from tests.host import host_state

ON = date(2026, 11, 22)


def _samples() -> list[Any]:
    """Real answers of the public functions: one or more of every exported model."""
    table = nr.read_csv(nr.write_csv(records(3)))
    template = nr.bulk_template("04N2")
    pdf = fixtures.pdf()
    photo = fixtures.photo()
    schedule = nr.plan_renewals(records(3), on=ON)
    roster = [dict(r, status="技術・人文知識・国際業務") for r in records(2)]
    checklist = nr.required_documents("extension_of_period", "技術・人文知識・国際業務", on=ON)
    return [
        nr.fee("extension_of_period", channel="online", accepted_on=ON, period_of_stay="1年"),
        nr.fee_schedule(ON),
        *nr.iter_roster(records(2), on=ON),
        *nr.iter_roster_csv(nr.write_csv(records(2)), on=ON),
        nr.check_online_eligibility(
            ["extension_of_period"], on=ON, role="foreign_national", status="留学"
        ),
        nr.renewal_window(date(2027, 1, 31), period_of_stay="1年", channel="online"),
        nr.organization_id_expiry(date(2026, 1, 5)),
        nr.Effective(date(2020, 1, 1), None),
        nr.SOURCES[next(iter(nr.SOURCES))],
        nr.PeriodOfStay.parse("1年"),
        nr.check_attachment(pdf, filename="a.pdf"),
        nr.check_photo(photo, taken_on=ON, submitted_on=ON),
        nr.check_submission([("a.pdf", pdf)], photo=photo, submitted_on=ON),
        nr.PhotoPolicy(),
        nr.SystemEdition.CURRENT.limits,
        nr.check_field("ＡＢＣ", "roman_name"),
        nr.check_field("ＡＢＣ", "roman_name").findings[0],
        *nr.unsupported_chars("髙"),
        nr.FIELD_RULES[nr.FieldKind.ROMAN_NAME],
        nr.StayBand(
            low=nr.PeriodOfStay(years=1),
            low_inclusive=False,
            high=None,
            high_inclusive=False,
            ja="1年超",
            en="over 1 year",
        ),
        table,
        table.report,
        nr.DEFAULT_APPLICANT_SPEC,
        nr.DEFAULT_APPLICANT_SPEC.fields[0],
        template.columns[0],
        next(iter(template.lists.values())),
        template,
        schedule,
        schedule[0],
        schedule[0].person,
        template.required_for({})[0],
        nr.records_to_bulk_files(roster, kind="extension_of_period", defaults={}),
        nr.read_bulk_file(nr.write_bulk_files([valid_row(template)], template=template)[0][1]),
        # --- documents
        checklist,
        checklist.documents[0],
        checklist.questions[0],
        nr.employer_category(withholding_tax_yen=20_000_000, on=ON),
        nr.organization_request_checklist(role="organization_staff", on=ON).prerequisites[0],
        nr.after_filing("extension_of_period", on=ON, channel="online")[0],
        nr.languages()[0],
    ]


def _errors() -> list[BaseException]:
    made: list[BaseException] = []
    try:
        nr.ApplicationKind.parse("no such procedure")
    except nr.UnknownNameError as exc:
        made.append(exc)
    report = nr.check_field("", "roman_name", required=True)
    try:
        report.raise_for_errors()
    except nr.ValidationError as exc:
        made.append(exc)
    for name, cls in inspect.getmembers(errors, inspect.isclass):
        if not issubclass(cls, errors.NyukanRulesError) or name.startswith("_"):
            continue
        params = [
            p
            for p in inspect.signature(cls.__init__).parameters.values()
            if p.name != "self" and p.default is inspect.Parameter.empty
        ]
        made.append(cls(*[f"value {i}" for i in range(len(params))] or ["a message"]))
    return made


def _round_trip(value: Any) -> Any:
    return value


def _raise_unknown(name: str) -> None:
    nr.ApplicationKind.parse(name)


def _equal(a: Any, b: Any) -> bool:
    if isinstance(a, BaseException):
        return type(a) is type(b) and a.args == b.args and vars(a).keys() == vars(b).keys()
    return bool(a == b)


def test_every_exported_model_has_a_sample() -> None:
    exported = {
        obj for name in nr.__all__ if inspect.isclass(obj := getattr(nr, name)) and attrs.has(obj)
    }
    covered = {type(s) for s in _samples() if s is not None}
    covered |= {base for s in covered for base in s.__mro__}
    missing = sorted(c.__name__ for c in exported - covered)
    assert not missing, f"add a sample of {missing} to _samples()"


def test_models_and_errors_cross_a_process_pool() -> None:
    values = [s for s in _samples() if s is not None] + _errors()
    with ProcessPoolExecutor(max_workers=2) as pool:
        back = list(pool.map(_round_trip, values))
    for sent, got in zip(values, back, strict=True):
        assert _equal(sent, got), type(sent).__name__


@pytest.mark.parametrize("error", _errors(), ids=lambda e: type(e).__name__)
def test_every_error_pickles(error: BaseException) -> None:
    again = pickle.loads(pickle.dumps(error))
    assert _equal(error, again)
    assert str(again) == str(error)


def test_a_misspelt_name_does_not_break_the_pool() -> None:
    with ProcessPoolExecutor(max_workers=2) as pool:
        failed = pool.submit(_raise_unknown, "extensoin")
        with pytest.raises(nr.UnknownNameError):
            failed.result()
        # The pool still works after the error came back.
        assert pool.submit(_round_trip, 3).result() == 3


def _jobs() -> list[tuple[str, Any]]:
    """Every file check and the bulk path, on good and odd input."""
    pdf = fixtures.pdf(2)
    truncated = pdf[: len(pdf) - 40]
    photo = fixtures.photo()
    jobs: list[tuple[str, Any]] = [
        ("pdf", lambda: nr.check_attachment(pdf, filename="a.pdf")),
        ("truncated", lambda: nr.check_attachment(truncated, filename="b.pdf")),
        ("encrypted", lambda: nr.check_attachment(fixtures.encrypted_pdf(), filename="c.pdf")),
        ("loop", lambda: nr.check_attachment(fixtures.page_tree_loop(), filename="d.pdf")),
        ("photo", lambda: nr.check_photo(photo, submitted_on=ON)),
        ("junk photo", lambda: nr.check_photo(b"junk" * 10, submitted_on=ON)),
        ("bomb", lambda: nr.check_photo(fixtures.pixel_bomb(), submitted_on=ON)),
        ("prepare", lambda: nr.prepare_photo(photo)),
        ("merge", lambda: nr.merge_pdfs([pdf, pdf])),
        (
            "submission",
            lambda: nr.check_submission(
                [("a.pdf", pdf), ("b.pdf", truncated)], photo=photo, submitted_on=ON
            ),
        ),
    ]
    for code in ("04N2", "04V1", "01N2", "05N2", "04R1"):
        template = nr.bulk_template(code)
        row = valid_row(template)
        bad = dict(row, txtName="yamada taro")
        jobs.append(
            (f"validate {code}", lambda t=template, r=bad: nr.validate_bulk_rows([r], template=t))
        )
        jobs.append(
            (f"write {code}", lambda t=template, r=row: nr.write_bulk_files([r], template=t))
        )
    return jobs


@pytest.mark.usefixtures("short_switch_interval")
def test_threads_leave_the_host_alone_and_agree_with_a_sequential_run() -> None:
    """Issue 10: after 8 threads of check_photo the host's warnings were swallowed."""
    import warnings
    from concurrent.futures import ThreadPoolExecutor

    jobs = _jobs()
    expected = {name: job() for name, job in jobs}
    before = host_state()
    with ThreadPoolExecutor(max_workers=8) as pool:
        futures = [(name, pool.submit(job)) for _ in range(3) for name, job in jobs]
        results = [(name, future.result()) for name, future in futures]
    for name, result in results:
        assert result == expected[name], name
    assert host_state() == before
    # A warning of the host's own, after the threads, still reaches the host.
    with pytest.warns(UserWarning, match="host"):
        warnings.warn("host warning", UserWarning, stacklevel=1)
