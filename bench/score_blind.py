#!/usr/bin/env python3
"""Score the real `kzmon extract` CLI on the blind test set, per language and overall.

    python3 bench/score_blind.py [--summary] [--gold DIR]

The blind set (tests/data/blind/) was written and annotated without reading the extractor,
so it measures how the rules generalise to unseen wording. This runs the same pipeline a
reviewer would run by hand:

    score_extraction.py input GOLD > docs.jsonl
    kzmon extract --format jsonl docs.jsonl > pred.jsonl
    score_extraction.py pred.jsonl GOLD

The CLI runs once over every document; each language is then scored against a copy of the
gold folder holding only that language's files, because the scorer counts every gold file it
sees as expected output. --summary prints only the figures, not the per-document misses.
"""
from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCORER = ROOT / "tests" / "data" / "score_extraction.py"
BLIND_GOLD = ROOT / "tests" / "data" / "blind" / "gold"


def kzmon_command() -> list[str]:
    """The installed console script if there is one, else the CLI module of this checkout."""
    exe = shutil.which("kzmon")
    if exe:
        return [exe]
    return [sys.executable, "-c", "import sys; from kzmon.cli import main; sys.exit(main())"]


def run(cmd: list[str], stdout_path: Path | None = None) -> str:
    """Run a step of the pipeline; stop with its stderr if it fails."""
    if stdout_path is None:
        done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    else:
        with stdout_path.open("w", encoding="utf-8") as out:
            done = subprocess.run(cmd, cwd=ROOT, stdout=out, stderr=subprocess.PIPE, text=True)
    if done.returncode != 0:
        sys.exit(f"failed ({done.returncode}): {' '.join(map(str, cmd))}\n{done.stderr}")
    return done.stdout if stdout_path is None else ""


def gold_languages(gold_dir: Path) -> dict[str, list[Path]]:
    """Gold files grouped by their "lang", in a stable order."""
    groups: dict[str, list[Path]] = {}
    for path in sorted(gold_dir.glob("*.json")):
        lang = json.loads(path.read_text(encoding="utf-8")).get("lang") or "unknown"
        groups.setdefault(lang, []).append(path)
    return dict(sorted(groups.items()))


def predict(gold_dir: Path, work: Path) -> Path:
    """Feed every gold document through `kzmon extract`; return the predictions file."""
    docs, pred = work / "docs.jsonl", work / "pred.jsonl"
    run([sys.executable, str(SCORER), "input", str(gold_dir)], docs)
    run(kzmon_command() + ["extract", "--format", "jsonl", str(docs)], pred)
    return pred


def gold_subset(files: list[Path], work: Path, name: str) -> Path:
    """A gold folder holding only `files` (the scorer does not read texts when scoring)."""
    folder = work / name / "gold"
    folder.mkdir(parents=True)
    for path in files:
        shutil.copy(path, folder / path.name)
    return folder


def score_text(pred: Path, gold_dir: Path, summary: bool) -> str:
    report = run([sys.executable, str(SCORER), str(pred), str(gold_dir)])
    if not summary:
        return report
    return "\n".join(line for line in report.splitlines()
                     if line.startswith(("fields on matched records", "precision ")))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold", type=Path, default=BLIND_GOLD, help="gold folder (texts relative to its parent)")
    parser.add_argument("--summary", action="store_true", help="print only the figures")
    args = parser.parse_args(argv)
    gold_dir = args.gold.resolve()
    with tempfile.TemporaryDirectory(prefix="kzmon-blind-") as tmp:
        work = Path(tmp)
        pred = predict(gold_dir, work)
        for lang, files in gold_languages(gold_dir).items():
            print(f"== {lang} ({len(files)} documents)")
            print(score_text(pred, gold_subset(files, work, lang), args.summary))
        print(f"== all ({len(list(gold_dir.glob('*.json')))} documents)")
        print(score_text(pred, gold_dir, args.summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
