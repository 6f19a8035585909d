#!/usr/bin/env python3
"""Score extract_announcements on a gold folder without the CLI.

    python3 bench/score_announcements.py [GOLD_DIR] [LANG]

Writes the scorer's input and our predictions to a temporary folder, then prints the
scorer's report (tests/data/score_extraction.py).
"""
from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kzmon.extract.announcements import extract_announcements  # noqa: E402

SCORER = ROOT / "tests" / "data" / "score_extraction.py"


def predict(gold_dir: Path, lang: str | None = None) -> Path:
    """Run the extractor over every gold document; return the predictions file."""
    docs = subprocess.run([sys.executable, str(SCORER), "input", str(gold_dir)] + ([lang] if lang else []),
                          check=True, capture_output=True, text=True).stdout.splitlines()
    out = Path(tempfile.mkdtemp()) / "pred.jsonl"
    with out.open("w", encoding="utf-8") as fh:
        for line in docs:
            doc = json.loads(line)
            published = date.fromisoformat(doc["published"]) if doc.get("published") else None
            records = extract_announcements(doc["text"], published)
            fh.write(json.dumps({"source": doc["source"], "announcements": records}, ensure_ascii=False) + "\n")
    return out


def score(gold_dir: Path, lang: str | None = None) -> dict:
    pred = predict(gold_dir, lang)
    if lang:  # the scorer reads every gold file; keep only this language's
        tmp = Path(tempfile.mkdtemp()) / gold_dir.name
        tmp.mkdir()
        for g in gold_dir.glob("*.json"):
            if json.loads(g.read_text(encoding="utf-8")).get("lang") == lang:
                (tmp / g.name).write_text(g.read_text(encoding="utf-8"), encoding="utf-8")
        # texts are resolved relative to the gold folder's parent
        for child in gold_dir.parent.iterdir():
            if child.name != gold_dir.name and not (tmp.parent / child.name).exists():
                (tmp.parent / child.name).symlink_to(child)
        gold_dir = tmp
    result = subprocess.run([sys.executable, str(SCORER), str(pred), str(gold_dir), "--json"],
                            check=True, capture_output=True, text=True).stdout
    return json.loads(result)


def main(argv: list[str]) -> None:
    gold = Path(argv[0]) if argv else ROOT / "tests" / "data" / "gold"
    lang = argv[1] if len(argv) > 1 else None
    if lang:   # the scorer reads every gold file of a folder: score one language's files only
        r = score(gold, lang)
        print(f"{lang}: precision {r['precision']} recall {r['recall']} f1 {r['f1']} "
              f"field_accuracy {r['field_accuracy']} violations {r['violations']}")
        return
    pred = predict(gold, lang)
    subprocess.run([sys.executable, str(SCORER), str(pred), str(gold)], check=True)


if __name__ == "__main__":
    main(sys.argv[1:])
