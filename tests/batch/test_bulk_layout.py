"""bulk.py in three parts, no private names across modules, each condition judged once.

Issue 11 item 3 (one module per job: template index, checks, upload file; no
private name imported from another module) and issue 13 (the required columns'
conditions evaluated once per row).  Source of the rules checked:
isa-bulk-template-tool (the ledger's 必須 and チェック親列).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import nyukan_rules as nr
from nyukan_rules.batch import bulk, checks, upload_format
from nyukan_rules.batch.checks import column_applies

from .rows import valid_row

SRC = Path(__file__).resolve().parents[2] / "src" / "nyukan_rules"
MODULES = [
    SRC / "batch" / "bulk.py",
    SRC / "batch" / "checks.py",
    SRC / "batch" / "upload_format.py",
    SRC / "batch" / "templates.py",
    SRC / "batch" / "workbook.py",
    *sorted((SRC / "text").rglob("*.py")),
    Path(__file__).parent / "rows.py",
]


def test_bulk_stays_importable_as_it_was():
    assert bulk.validate_bulk_rows is checks.validate_bulk_rows
    assert bulk.write_bulk_files is upload_format.write_bulk_files
    assert bulk.read_bulk_file is upload_format.read_bulk_file
    assert bulk.BulkFile is nr.BulkFile


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.name)
def test_no_private_name_is_imported_from_another_module(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    private = [
        f"{node.module}.{alias.name}"
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("nyukan_rules")
        for alias in node.names
        if alias.name.startswith("_") and not alias.name.startswith("__")
    ]
    assert private == []


@pytest.mark.parametrize("code", ["04N2", "05N2", "04V1", "01N2"])
def test_each_condition_is_judged_once_and_answers_as_each_column(code):
    template = nr.bulk_template(code)
    ctx = template.checks
    assert len(ctx.required_groups) < len(ctx.required)
    row = valid_row(code)
    variants = [row, {}, {k: v for i, (k, v) in enumerate(row.items()) if i % 3}]
    chooser = next(iter(ctx.choosers.values()), None)
    if chooser is not None:
        variants.append({**row, chooser.header: "1"})
    for values in variants:
        expected = [
            column.header
            for column, _ in ctx.required
            if not values.get(column.header) and column_applies(template, values, column)[0]
        ]
        report = nr.validate_bulk_rows([values], template=template)
        assert [f.field for f in report if f.code == "batch.required"] == expected


@pytest.mark.parametrize("code", ["04N2", "05N2"])
def test_a_written_value_is_its_rows_code_whatever_the_other_rows(code):
    # isa-bulk-template-tool: labels are written as codes, a cascaded list's code found
    # through the row's own choice (mdMain.setValid), however many rows share the value.
    template = nr.bulk_template(code)
    ctx = template.checks
    row = valid_row(code)
    labelled = dict(row)
    for header, value in row.items():
        column = ctx.column_of[header]
        names = checks.code_lists_for(template, row, column) if column.code_list else []
        for name in names:
            found = template.code_list(name)
            label = found.label_for(value) if found is not None else None
            if label:
                labelled[header] = label
                break
    rows = [row, labelled, row]
    ((_, data),) = nr.write_bulk_files(rows, template=template)
    lines = data[2:].decode("utf-16-le").split("\r\n")[1:]
    for values, line in zip(rows, lines, strict=True):
        fields = line.split("\t")
        for column in template.columns:
            given = values.get(column.header)
            if given and column.code_list and len(template.by_header[column.header]) == 1:
                expected = checks.output_value(ctx, values, column, given)
                assert fields[column.position - 1] == expected == row[column.header]
