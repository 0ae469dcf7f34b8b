"""Batch conversion: a generated tree of 2,000 HTML articles, --jobs 1 against --jobs 2.

    python -m benchmarks.bench_convert [--files 2000]

Runs the same code path as `translit convert --out` (plan, convert in processes, atomic
writes) and prints files/s and MB/s for each worker count, and their ratio.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from benchmarks import corpus
from translit_service import batch
from translit_service.fileio import atomic_write


def make_tree(root: Path, files: int) -> int:
    size = 0
    for i in range(files):
        folder = root / f"{2000 + i % 24}" / f"{i % 12 + 1:02d}"
        folder.mkdir(parents=True, exist_ok=True)
        paragraphs = "\n".join(f"<p>{corpus.make(corpus.MIXED, 400, seed=i * 7 + j)}</p>"
                               for j in range(6))
        html = (f'<article><h1 title="Vest {i}">Vest broj {i}</h1>\n{paragraphs}\n'
                f'<figure><img src="p{i}.jpg" alt="Fotografija sa vežbe"></figure></article>\n')
        path = folder / f"article-{i}.html"
        path.write_text(html, "utf-8")
        size += len(html.encode())
    return size


def run(src: Path, out: Path, workers: int) -> float:
    began = time.perf_counter()
    jobs = batch.plan([f"{src}/"], mirror=True).jobs
    for outcome in batch.convert_all(jobs, "cyrl", workers=workers):
        target = out / outcome.job.relative
        target.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(target, outcome.text)
    return time.perf_counter() - began


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=2000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "src"
        size = make_tree(src, args.files)
        print(f"\n{args.files} HTML articles, {size / 1e6:.1f} MB")
        times = {}
        for workers in (1, 2):
            times[workers] = run(src, Path(tmp) / f"out{workers}", workers)
            print(f"  --jobs {workers}: {args.files / times[workers]:8.0f} files/s  "
                  f"{size / 1e6 / times[workers]:6.2f} MB/s  ({times[workers]:.2f} s)")
        print(f"  speed-up with 2 workers: {times[1] / times[2]:.2f}x")


if __name__ == "__main__":
    main()
