"""The HR job at the scale of Japan's whole foreign workforce, against a bare CSV round trip.

    python benchmarks/bench_scale.py                      # 10k, 100k, 1M and 2,302,587 records
    python benchmarks/bench_scale.py --sizes 2000         # a smoke test (CI runs this; never timed)
    python benchmarks/bench_scale.py --workers 2 --dir /tmp/rosters

2,302,587 is the number of foreign workers in Japan in October 2024 (MHLW,
外国人雇用状況の届出状況, 令和6年10月末).  For each size a realistic cp932 roster
with distinct values (``_roster.py``: names, dates, passport and card numbers
all differ; one row in fifty has an error) is written to a file once (not
timed), then each measurement runs in a fresh child process, which reports its
wall time, its CPU time (its worker processes' included) and its peak
resident memory:

* ``bare``: ``csv.reader`` over the file, every row written back by
  ``csv.writer`` to a file, streaming (the floor: decode, split, join,
  encode; nothing checked);
* ``flow``: the whole job, streaming, CSV to CSV: ``iter_roster_csv`` (read,
  normalize, validate with the duplicate check over the whole input, plan,
  write the normalized records and the plans to files), on one process and on
  ``--workers`` processes;
* ``streams``: the same job composed of the record streams, ``iter_read_csv`` →
  ``iter_roster`` → ``iter_write_csv``, on one process (up to
  ``--streams-up-to`` records: it yields every record and plan as objects);
* ``bulk``: ``iter_validate_records`` + ``iter_write_csv`` over records
  already read and normalized (up to 100,000 of them), against ``csv.writer``
  writing the same rows.

The goal of issue 13: the whole flow for 2,302,587 records in at most 60 s
wall on two cores and 500 MB; at most 5 times the bare round trip per record
on one core; the bulk path at most 3 times a bare ``csv.writer``.  The
``streams`` flow yields each record and plan to the caller as objects, which
the CSV-to-CSV flow never makes: it is shown for comparison, not the goal.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import resource
import subprocess
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))
sys.path.insert(0, str(HERE))

ON = date(2026, 11, 22)
BULK_SAMPLE = 100_000


def _peak_mb() -> float:
    """This process's peak resident memory (VmHWM: not the parent's, as ru_maxrss may be)."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _cpu() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def _bare(path: str, out: str) -> dict[str, Any]:
    rows = 0
    with (
        open(path, encoding="cp932", newline="") as source,
        open(out, "w", encoding="cp932", newline="") as sink,
    ):
        writer = csv.writer(sink, lineterminator="\r\n")
        for row in csv.reader(source):
            writer.writerow(row)
            rows += 1
    return {"rows": rows - 1}


def _flow(path: str, out: str, workers: int | None) -> dict[str, Any]:
    from nyukan_rules.batch import stream
    from nyukan_rules.batch.stream import iter_read_csv, iter_roster, iter_write_csv

    # Workers forked from this child, not from a fork server: their CPU time and peak
    # memory then count as this process's children's (getrusage RUSAGE_CHILDREN).
    stream._START_METHOD = "fork"
    from nyukan_rules.examples import EXAMPLE_HR_COLUMNS

    counts = {"rows": 0, "rows_with_errors": 0, "plans": 0, "unplanned": 0}
    with open(path, "rb") as source, open(out, "wb") as sink:
        table = iter_read_csv(source, columns=EXAMPLE_HR_COLUMNS)

        def normalized() -> Any:
            for done in iter_roster(table, on=ON, workers=workers):
                counts["rows"] += 1
                if any(f.is_error for f in done.findings):
                    counts["rows_with_errors"] += 1
                if isinstance(done.plan, Finding):
                    counts["unplanned"] += 1
                else:
                    counts["plans"] += 1
                yield done.record

        from nyukan_rules.report import Finding

        for data in iter_write_csv(normalized(), encoding="cp932"):
            sink.write(data)
    counts["csv_findings"] = len(table.report.findings)
    return counts


def _csv_flow(path: str, out: str, workers: int | None) -> dict[str, Any]:
    from nyukan_rules.batch import stream
    from nyukan_rules.batch.roster_csv import iter_roster_csv

    stream._START_METHOD = "fork"  # as in _flow: the workers count as this process's
    from nyukan_rules.examples import EXAMPLE_HR_COLUMNS

    counts = {"rows": 0, "rows_with_errors": 0, "plans": 0, "unplanned": 0}
    with (
        open(path, "rb") as source,
        open(out, "wb") as sink,
        open(out + ".plans", "wb") as plans,
    ):
        done = iter_roster_csv(source, on=ON, columns=EXAMPLE_HR_COLUMNS, workers=workers)
        for block in done:
            sink.write(block.records_csv)
            plans.write(block.plans_csv)
            counts["rows"] += block.rows
            counts["rows_with_errors"] += len({f.row for f in block.findings if f.is_error})
            counts["plans"] += block.planned
            counts["unplanned"] += len(block.unplanned)
    Path(out + ".plans").unlink(missing_ok=True)
    counts["csv_findings"] = len(done.report.findings)
    return counts


def _bulk(path: str, out: str) -> dict[str, Any]:
    import itertools

    from nyukan_rules.batch.records import normalize_records
    from nyukan_rules.batch.stream import iter_read_csv, iter_validate_records, iter_write_csv
    from nyukan_rules.examples import EXAMPLE_HR_COLUMNS

    with open(path, "rb") as source:
        read = list(
            itertools.islice(iter_read_csv(source, columns=EXAMPLE_HR_COLUMNS), BULK_SAMPLE)
        )
    records = normalize_records(read)[0]  # what the bulk path writes: normalized records
    del read
    names = list(records[0])
    rows = [[r[n] for n in names] for r in records]
    start, cpu = time.perf_counter(), _cpu()
    out_bytes = io.BytesIO()
    writer_text = io.StringIO()
    csv.writer(writer_text, lineterminator="\r\n").writerows([names, *rows])
    out_bytes.write(writer_text.getvalue().encode("cp932"))
    bare_wall, bare_cpu = time.perf_counter() - start, _cpu() - cpu
    start, cpu = time.perf_counter(), _cpu()
    findings = sum(1 for _ in iter_validate_records(records, on=ON))
    written = sum(len(b) for b in iter_write_csv(records, columns=names, encoding="cp932"))
    ours_wall, ours_cpu = time.perf_counter() - start, _cpu() - cpu
    return {
        "rows": len(records),
        "findings": findings,
        "bytes": written,
        "bare_wall": bare_wall,
        "bare_cpu": bare_cpu,
        "ours_wall": ours_wall,
        "ours_cpu": ours_cpu,
    }


def child(what: str, path: str, out: str, workers: str) -> None:
    start, cpu = time.perf_counter(), _cpu()
    if what == "bare":
        result = _bare(path, out)
    elif what == "flow":
        result = _csv_flow(path, out, int(workers) if int(workers) > 1 else None)
    elif what == "streams":
        result = _flow(path, out, None)
    else:
        result = _bulk(path, out)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    result.update(
        wall=time.perf_counter() - start, cpu=_cpu() - cpu, peak_mb=_peak_mb(), worker_mb=kids
    )
    print(json.dumps(result))


def _run(what: str, path: Path, workers: int) -> dict[str, Any]:
    out = str(path) + f".{what}.out"
    done = subprocess.run(
        [sys.executable, __file__, "--child", what, str(path), out, str(workers)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise SystemExit(f"{what} failed:\n{done.stderr[-3000:]}")
    Path(out).unlink(missing_ok=True)
    result: dict[str, Any] = json.loads(done.stdout.splitlines()[-1])
    return result


def roster_file(directory: Path, count: int) -> Path:
    import _roster

    path = directory / f"roster-{count}.csv"
    if not path.exists():
        part = path.with_suffix(".part")
        _roster.write(str(part), count)
        part.rename(path)
    return path


def _line(name: str, r: dict[str, Any], count: int, bare: dict[str, Any] | None) -> str:
    per = r["cpu"] / count * 1e6
    text = (
        f"  {name:<26}{r['wall']:9.2f} s wall {r['cpu']:9.2f} s CPU {r['peak_mb']:8.0f} MB"
        f" {per:8.1f} us CPU/record"
    )
    if bare is not None:
        text += f"  {r['cpu'] / bare['cpu']:6.1f}x bare CPU, {r['wall'] / bare['wall']:5.1f}x wall"
    return text


def run(count: int, workers: int, directory: Path, one_up_to: int, streams_up_to: int) -> None:
    path = roster_file(directory, count)
    bare = _run("bare", path, 1)
    many = _run("flow", path, workers) if workers > 1 else None
    one = _run("flow", path, 1) if count <= one_up_to or many is None else None
    streams = _run("streams", path, 1) if count <= streams_up_to else None
    bulk = _run("bulk", path, 1)
    some = one or many
    assert some is not None
    assert bare["rows"] == some["rows"] == count, (bare["rows"], some["rows"], count)
    print(
        f"{count:,} records, {path.stat().st_size:,} bytes: {some['rows_with_errors']:,} with"
        f" errors, {some['plans']:,} planned, {some['unplanned']:,} not planned"
    )
    print(_line("bare csv round trip", bare, count, None))
    if one is not None:
        print(_line("whole flow, 1 process", one, count, bare))
    if many is not None:
        print(_line(f"whole flow, {workers} workers", many, count, bare))
        print(f"  {'':<26}(peak MB: the parent; largest worker {many['worker_mb']:.0f} MB)")
    if streams is not None:
        print(_line("record streams, 1 process", streams, count, bare))
    for other in (many, streams):
        if one is not None and other is not None:
            assert other["rows_with_errors"] == one["rows_with_errors"]
            assert other["plans"] == one["plans"]
            assert other["unplanned"] == one["unplanned"]
    ratio = bulk["ours_cpu"] / bulk["bare_cpu"]
    print(
        f"  validate + write {bulk['rows']:,} records in memory: {bulk['ours_cpu']:.2f} s CPU"
        f" against csv.writer {bulk['bare_cpu']:.2f} s: {ratio:.1f}x"
    )
    if count >= 2_000_000:
        best = many or some
        memory = best["peak_mb"] + best.get("worker_mb", 0) * (workers if many else 0)
        print(
            "  goal (<= 60 s wall, <= 500 MB, <= 5x bare CPU per record, bulk <= 3x):"
            f" {best['wall']:.0f} s wall, {memory:.0f} MB (parent + workers),"
            f" {some['cpu'] / bare['cpu']:.1f}x CPU on 1 process, bulk {ratio:.1f}x"
        )
    sys.stdout.flush()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10000,100000,1000000,2302587")
    parser.add_argument("--workers", type=int, default=min(2, os.cpu_count() or 1))
    parser.add_argument("--dir", default=None, help="where the rosters are written (kept)")
    parser.add_argument(
        "--one-process-up-to",
        type=int,
        default=10**9,
        help="run the one-process flow only up to this size (the workers' run always)",
    )
    parser.add_argument(
        "--streams-up-to",
        type=int,
        default=1_000_000,
        help="run the record streams' flow only up to this size",
    )
    parser.add_argument("--child", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",")]
    if args.dir is None:
        import tempfile

        with tempfile.TemporaryDirectory() as tmp:
            for count in sizes:
                run(count, args.workers, Path(tmp), args.one_process_up_to, args.streams_up_to)
        return
    directory = Path(args.dir)
    directory.mkdir(parents=True, exist_ok=True)
    for count in sizes:
        run(count, args.workers, directory, args.one_process_up_to, args.streams_up_to)


if __name__ == "__main__":
    main()
