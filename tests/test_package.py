"""The package as a user meets it: the import, the public face, the command."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

import nyukan_rules as nr
from nyukan_rules.__main__ import main

HEAVY = (
    "pypdf",
    "PIL",
    "holidays",
    "stdnum",
    "jaconv",
    "cattrs",
    "nyukan_rules.files",
    "nyukan_rules.text",
)


def test_import_stays_light() -> None:
    code = (
        "import sys, nyukan_rules as nr\n"
        "from datetime import date\n"
        "nr.fee('extension_of_period', channel='online', accepted_on=date(2025, 6, 1))\n"
        f"print([m for m in {HEAVY!r} if m in sys.modules])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_holidays_loads_only_when_a_closed_day_is_asked() -> None:
    code = (
        "import sys, nyukan_rules as nr\n"
        "from datetime import date\n"
        "nr.is_office_closed(date(2026, 11, 24))\n"
        "print('holidays' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "True"


def test_everything_in_all_is_importable() -> None:
    for name in nr.__all__:
        assert hasattr(nr, name), name
    assert len(set(nr.__all__)) == len(nr.__all__)


def test_the_command_shows_the_example(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 0
    out = capsys.readouterr().out
    assert "OK: this filing can go online." in out
    assert "30,500" in out  # 27,000 + 3,500 online on 2026-11-22 (isa-fee-2026)
    # last online day: the day before expiry, written the language's way
    from datetime import date

    from nyukan_rules.i18n import format_date

    assert format_date(date(2027, 1, 30), "en") in out


def test_the_command_on_another_day_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--on", "2025-06-01", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    online = {row["kind"]: row["yen"] for row in data["fees"]["online"]}
    assert online == {"extension_of_period": 5_500, "reentry_permit_single": 3_500}
    assert data["eligibility"]["findings"] == []


def test_the_command_reports_a_bad_date(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--on", "someday"]) == 2
    assert "on must be a date" in capsys.readouterr().err


# --- A public face that cannot drift (issue 11) -------------------------------------


def _face() -> tuple[dict[str, str], dict[str, str], list[str], dict[str, str]]:
    """Eager imports, TYPE_CHECKING imports (name -> module), __all__ and the lazy map."""
    import ast
    import importlib.util
    from pathlib import Path

    source = Path(nr.__file__).read_text(encoding="utf-8")
    tree = ast.parse(source)
    eager: dict[str, str] = {}
    typed: dict[str, str] = {}
    exported: list[str] = []
    lazy: dict[str, str] = {}

    def imports(body: list[ast.stmt], into: dict[str, str]) -> None:
        for node in body:
            if isinstance(node, ast.ImportFrom) and node.module:
                for alias in node.names:
                    name = alias.asname or alias.name
                    # ``from nyukan_rules.text import ids`` names the module itself.
                    try:
                        is_module = importlib.util.find_spec(f"{node.module}.{alias.name}")
                    except ModuleNotFoundError:  # the parent is a module, not a package
                        is_module = None
                    into[name] = f"{node.module}.{alias.name}" if is_module else node.module

    for node in tree.body:
        if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING":
            imports(node.body, typed)
        elif isinstance(node, ast.Assign | ast.AnnAssign):
            target = node.targets[0] if isinstance(node, ast.Assign) else node.target
            if isinstance(target, ast.Name) and target.id == "__all__":
                exported = ast.literal_eval(node.value)  # type: ignore[arg-type]
            if isinstance(target, ast.Name) and target.id == "_LAZY":
                lazy = ast.literal_eval(node.value)  # type: ignore[arg-type]
    imports(tree.body, eager)
    eager = {k: v for k, v in eager.items() if v.startswith("nyukan_rules")}
    return eager, typed, exported, lazy


def test_type_checking_imports_are_the_lazy_map() -> None:
    _, typed, _, lazy = _face()
    assert typed == lazy


def test_all_is_the_eager_and_lazy_names() -> None:
    eager, _, exported, lazy = _face()
    assert set(exported) == {*eager, *lazy, "__version__"}
    assert len(exported) == len(set(exported))
    assert not set(eager) & set(lazy)


def test_every_lazy_name_comes_from_its_module() -> None:
    import importlib

    _, _, _, lazy = _face()
    for name, module in lazy.items():
        loaded = importlib.import_module(module)
        value = loaded if module.endswith("." + name) else getattr(loaded, name)
        assert getattr(nr, name) is value, name


def test_every_error_is_on_the_face() -> None:
    from nyukan_rules import errors

    assert set(errors.__all__) <= set(nr.__all__)


def test_every_public_name_is_in_the_api_reference() -> None:
    """docs/api.md names every name of nr.__all__: a ``:::`` entry or in backticks."""
    import re
    from pathlib import Path

    from nyukan_rules import errors

    text = (Path(__file__).parent.parent / "docs" / "api.md").read_text(encoding="utf-8")
    named: set[str] = set()
    for target in re.findall(r"^::: ([\w.]+)", text, re.MULTILINE):
        named.add(target.rsplit(".", 1)[-1])
        if target == "nyukan_rules.errors":  # the module entry documents every error
            named.update(errors.__all__)
        if target == "nyukan_rules.convert":
            named.add("converter")
    named.update(re.findall(r"`(?:nr\.|nyukan_rules\.(?:\w+\.)*)?(\w+)`", text))
    assert [name for name in nr.__all__ if name not in named] == []
