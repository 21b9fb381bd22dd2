"""The package's one error hierarchy.

Every error nyukan_rules raises on purpose is a :class:`NyukanRulesError`, which
is a :class:`ValueError`, so ``except ValueError`` keeps working for callers
who do not care about the difference.  An argument of the wrong type raises
:class:`ArgumentTypeError`, which is also a :class:`TypeError`.

Identifier checks raise the three errors python-stdnum raises, in the same
tree: :class:`InvalidLengthError` *is an* :class:`InvalidFormatError`, and
both, with :class:`InvalidChecksumError`, are a :class:`ValidationError`, so a
caller catches the general case or the particular one.  A missing optional
dependency raises :class:`MissingExtraError`, an :class:`ImportError` that
names the extra to install.

Every error has a ``code`` (a stable dotted id, or ``None``) and ``params``
(a dict of plain values), so a caller can show the error in its own
language; ``str(error)`` stays the English text.

Every error pickles and comes back equal in type, message and attributes, so
it crosses a process boundary (``ProcessPoolExecutor``, ``multiprocessing``):

>>> import pickle
>>> error = pickle.loads(pickle.dumps(UnknownNameError("kind", "x")))
>>> type(error).__name__, error.catalog, error.text, str(error)
('UnknownNameError', 'kind', 'x', "unknown kind: 'x'")
>>> error.code, error.params
('catalog.unknown_name', {'catalog': 'kind', 'text': 'x'})
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable, Mapping
from datetime import date
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from nyukan_rules.report import Report

__all__ = [
    "AmbiguousNameError",
    "ArgumentTypeError",
    "ArgumentValueError",
    "ConversionError",
    "InvalidChecksumError",
    "InvalidFormatError",
    "InvalidLengthError",
    "MissingExtraError",
    "MissingInputError",
    "NoRuleError",
    "NotOfferedError",
    "NyukanRulesError",
    "UnknownNameError",
    "ValidationError",
]


class NyukanRulesError(ValueError):
    """Base class of every error raised by nyukan_rules.

    ``code`` is a stable dotted id (or ``None``) and ``params`` a dict of
    plain values (str, int, float, bool, dates), so a caller can render the
    error in its own language; ``str(error)`` is the English text.

    >>> error = NyukanRulesError("no such day", code="date.not_a_date", params={"text": "x"})
    >>> str(error), error.code, error.params
    ('no such day', 'date.not_a_date', {'text': 'x'})
    """

    code: str | None
    params: dict[str, Any]

    def __init__(
        self, *args: object, code: str | None = None, params: Mapping[str, Any] | None = None
    ) -> None:
        super().__init__(*args)
        self.code = code
        self.params = dict(params) if params else {}

    def message(self, lang: str = "en") -> str:
        """The error in ``lang``, where its ``code`` has a catalogue message;
        otherwise the English text.

        >>> UnknownNameError("status", "技人").message("ja")
        '「技人」はstatusの名前として分かりません。'
        """
        if self.code is None:
            return str(self)
        from nyukan_rules.messages import ERROR_MESSAGES
        from nyukan_rules.messages.render import render

        if self.code not in ERROR_MESSAGES:
            return str(self)
        return render(self.code, self.params, lang)

    def __reduce__(self) -> tuple[Any, ...]:
        # The default reduce calls ``cls(*self.args)``, which fails for an
        # ``__init__`` that takes other arguments (UnknownNameError's catalog
        # and text).  Rebuild without calling ``__init__``: the same class,
        # message and attributes, whatever a subclass's ``__init__`` takes.
        return (_rebuild, (type(self), self.args, self._state()))

    def _state(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        # A param that may not pickle travels as the description a message gives.
        if any(not isinstance(v, _PARAM) for v in self.params.values()):
            state["params"] = {
                k: v if isinstance(v, _PARAM) else _describe(v) for k, v in self.params.items()
            }
        return state

    def _restored(self) -> None:
        """Set what ``__dict__`` does not hold, after unpickling (a no-op here)."""


def _rebuild(cls: type[NyukanRulesError], args: tuple[Any, ...], state: dict[str, Any]) -> Any:
    """Unpickle an error: ``cls`` with ``args`` and ``state``, without its ``__init__``."""
    error = cls.__new__(cls)
    error.args = args
    error.__dict__.update(state)
    error._restored()
    return error


class ArgumentTypeError(NyukanRulesError, TypeError):
    """An argument has the wrong type; a :class:`TypeError` too.

    Raised for a value of the wrong type given to a public function (a str
    where a flag must be a ``bool``, a list where a date is needed).  The
    message names the argument and the type given, never the value's repr.

    >>> issubclass(ArgumentTypeError, TypeError), issubclass(ArgumentTypeError, ValueError)
    (True, True)
    """


class ArgumentValueError(NyukanRulesError):
    """An argument has the right type but a value out of its range.

    >>> issubclass(ArgumentValueError, ValueError)
    True
    """


#: At most this many close names are offered, as difflib's default.
_CLOSEST = 3
#: At most this many valid names are listed in a message when none is close.
_LISTED = 12


class UnknownNameError(NyukanRulesError):
    """A text given for a catalog member (kind, status, role …) matches none.

    ``choices`` are the valid names (empty when the raiser gave none) and
    ``closest`` up to three of them that look like the text (difflib), best
    first; a raiser may give ``closest`` itself, or a function that finds
    them.  The choices are listed only for a text of at most 200 characters
    (a longer one, or a value that is not text, is no misspelt name).  The
    message offers the closest ones, or lists the choices when none is close.
    Both are worked out only when first asked for (the message too), so an
    error caught and turned into a finding costs little.  Its ``code`` is
    ``catalog.unknown_name`` unless the raiser names a closer one (with its
    own ``params``), as a period of stay does for a part out of range.

    >>> error = UnknownNameError("status", "Studnt", choices=("Student", "Dependent"))
    >>> error.closest
    ('Student',)
    >>> str(error)
    "unknown status: 'Studnt'; did you mean 'Student'?"
    >>> str(UnknownNameError("role", "boss", choices=("applicant", "agent")))
    "unknown role: 'boss'; valid names: 'applicant', 'agent'"
    """

    def __init__(
        self,
        catalog: str,
        text: object,
        *,
        choices: Iterable[str] = (),
        closest: Iterable[str] | Callable[[], Iterable[str]] | None = None,
        code: str = "catalog.unknown_name",
        params: Mapping[str, Any] | None = None,
    ) -> None:
        self.catalog = catalog
        self.text = text
        self.choices: tuple[str, ...] = tuple(choices)
        # Kept as it is: after pickling, a text that is not a str is its description.
        self._lists_choices = isinstance(text, str) and len(text) <= 200
        if callable(closest):  # worked out when first asked for
            self.__dict__["_find_closest"] = closest
        elif closest is not None:
            self.__dict__["closest"] = tuple(closest)[:_CLOSEST]
        super().__init__(
            f"unknown {catalog}: {_describe(text)}",
            code=code,
            params={"catalog": catalog, "text": text} if params is None else params,
        )

    @property
    def closest(self) -> tuple[str, ...]:
        """Up to three valid names close to the text, best first."""
        found = self.__dict__.get("closest")
        if found is None:
            find = self.__dict__.pop("_find_closest", None)
            found = ()
            if find is not None:
                found = tuple(find())[:_CLOSEST]
            elif isinstance(self.text, str) and len(self.text) <= 200 and self.choices:
                found = tuple(
                    difflib.get_close_matches(self.text, self.choices, n=_CLOSEST, cutoff=0.6)
                )
            self.__dict__["closest"] = found
        return found

    def __str__(self) -> str:
        text = str(self.args[0]) if self.args else ""
        if self.closest:
            return f"{text}; did you mean {_or(self.closest)}?"
        if self.choices and self._lists_choices:
            listed = ", ".join(repr(c) for c in self.choices[:_LISTED])
            more = len(self.choices) - _LISTED
            return f"{text}; valid names: {listed}" + (f" and {more} more" if more > 0 else "")
        return text

    def _state(self) -> dict[str, Any]:
        # Text and plain values travel as they are; any other object (which
        # may not pickle) travels as the description its message gives.
        self.closest  # noqa: B018 - worked out before it travels
        state = super()._state()
        if not isinstance(self.text, _PLAIN):
            state["text"] = _describe(self.text)
        return state


def _or(names: tuple[str, ...]) -> str:
    quoted = [repr(name) for name in names]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " or " + quoted[-1]


class AmbiguousNameError(UnknownNameError):
    """A text names more than one catalog member; ``candidates`` are their names.

    An :class:`UnknownNameError` too, so a caller that turns unknown names
    into findings treats it the same way.

    >>> str(AmbiguousNameError("StatusOfResidence", "高度専門職", candidates=("a", "b")))
    "ambiguous StatusOfResidence: '高度専門職' may mean 'a' or 'b'"
    """

    def __init__(
        self,
        catalog: str,
        text: object,
        candidates: Iterable[str],
        *,
        choices: Iterable[str] = (),
    ) -> None:
        self.candidates: tuple[str, ...] = tuple(candidates)
        super().__init__(catalog, text, choices=choices, closest=self.candidates)
        self.args = (f"ambiguous {catalog}: {_describe(text)}",)
        self.code = "catalog.ambiguous_name"
        self.params["candidates"] = ", ".join(self.candidates)

    def __str__(self) -> str:
        return f"{self.args[0]} may mean {_or(self.candidates)}"


_PLAIN = (str, int, float, bytes, type(None))
#: The values a param may hold as it is (enum members are str or int); others are described.
_PARAM = (str, int, float, bool, type(None), date)


def _describe(value: object) -> str:
    """``value``'s repr when it is text or a plain value, else only its type.

    An object's repr may hold a memory address (different on every run) or
    anything its author put there; a message names only its type.
    """
    if isinstance(value, (str, bytes)):
        return repr(value[:200])
    if isinstance(value, int) and value.bit_length() > 64:
        return "(a very large int, not text)"
    if isinstance(value, _PLAIN):
        return repr(value)
    name = type(value).__name__
    return f"({'an' if name[:1].lower() in 'aeiou' else 'a'} {name}, not text)"


class NotOfferedError(NyukanRulesError):
    """The procedure is not offered on that channel on that date."""


class MissingInputError(NyukanRulesError):
    """The answer depends on an input the caller did not give."""


class MissingExtraError(NyukanRulesError, ImportError):
    """An optional dependency is not installed; an :class:`ImportError` too.

    ``module`` is the module that could not be imported and ``extra`` the
    package extra that installs it.

    >>> error = MissingExtraError("openpyxl", extra="xlsm", needed_for="reading a workbook")
    >>> str(error)
    'reading a workbook needs openpyxl: pip install "nyukan-rules[xlsm]"'
    >>> isinstance(error, ImportError), error.name, error.params["extra"]
    (True, 'openpyxl', 'xlsm')
    """

    def __init__(self, module: str, extra: str, *, needed_for: str = "") -> None:
        self.module = module
        self.extra = extra
        what = needed_for or "this"
        NyukanRulesError.__init__(
            self,
            f'{what} needs {module}: pip install "nyukan-rules[{extra}]"',
            code="extra.missing",
            params={"module": module, "extra": extra},
        )
        self._restored()

    def _restored(self) -> None:
        # ImportError's own attributes live outside __dict__, and its
        # __init__ is not called above.
        self.name = self.module
        self.path = None


class NoRuleError(NyukanRulesError):
    """No rule the library knows covers the date asked about."""


class ValidationError(NyukanRulesError):
    """Raised by :meth:`Report.raise_for_errors`; carries the whole report.

    The base of the identifier errors, as python-stdnum's ``ValidationError``.
    """

    def __init__(
        self,
        message: str,
        report: Report | None = None,
        *,
        code: str | None = None,
        params: Mapping[str, Any] | None = None,
    ) -> None:
        self.report = report
        super().__init__(message, code=code, params=params)


#: At most this many problems are shown in a conversion error's message.
_SHOWN_PROBLEMS = 10


class ConversionError(ValidationError):
    """Data given to ``converter.structure`` does not make the type asked for.

    ``problems`` holds every problem found, each ``"<what> @ <path>"`` with
    the path in the data (``$.kinds[1]``), as cattrs' ``transform_error``
    gives them; the message shows the first ten.

    >>> error = ConversionError("Fee", ["required field missing @ $.channel"])
    >>> str(error), error.problems
    ('cannot read a Fee: required field missing @ $.channel', ('required field missing @ $.channel',))
    """  # noqa: E501

    def __init__(self, type_name: str, problems: Iterable[str]) -> None:
        self.type_name = type_name
        self.problems: tuple[str, ...] = tuple(problems)
        shown = "; ".join(self.problems[:_SHOWN_PROBLEMS])
        more = len(self.problems) - _SHOWN_PROBLEMS
        super().__init__(
            f"cannot read a {type_name}: {shown}" + (f"; and {more} more" if more > 0 else ""),
            code="convert.invalid",
            params={"type": type_name, "count": len(self.problems)},
        )


class InvalidFormatError(ValidationError):
    """An identifier has characters or a shape it cannot have.

    >>> issubclass(InvalidLengthError, InvalidFormatError)
    True
    """


class InvalidLengthError(InvalidFormatError):
    """An identifier has the wrong number of characters (an :class:`InvalidFormatError`)."""


class InvalidChecksumError(ValidationError):
    """An identifier's check digit does not match."""
