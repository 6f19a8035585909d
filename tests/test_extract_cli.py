"""`kzmon extract` as docs/announcements.md specifies it: inputs, one line per document, errors."""
from __future__ import annotations

import json
import subprocess
import sys

PLANT = ("A steel pipe plant will be built in Pavlodar region\n\nPAVLODAR – A steel pipe plant worth 45 billion tenge "
         "(US$90 million) will be built in Pavlodar region this year, creating 600 permanent jobs, the regional akimat said.")


def run(*args):
    return subprocess.run([sys.executable, "-m", "kzmon.cli", "extract", *args], capture_output=True, text=True, timeout=120)


def test_jsonl_in_order_with_bad_documents_reported_and_skipped(tmp_path):
    docs = tmp_path / "docs.jsonl"
    docs.write_text("\n".join([
        json.dumps({"source": "a", "text": PLANT, "published": "2026-11-18"}),
        "{not json",
        json.dumps({"source": "c"}),
        json.dumps({"source": "d", "text": "Snow is expected in Astana on Friday.", "published": None}),
    ]) + "\n", encoding="utf-8")
    result = run("--format", "jsonl", str(docs))
    assert result.returncode == 1
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["source"] for line in lines] == ["a", "d"]
    assert lines[0]["published"] == "2026-11-18"
    record = lines[0]["announcements"][0]
    assert record["regions"] == ["KZ-55"] and record["investment_kzt"] == 45e9 and record["jobs"] == 600
    assert record["period"] == "2026"
    assert lines[1]["announcements"] == []
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 2 and all("Traceback" not in e for e in errors)


def test_txt_with_published_and_html_with_its_own_date(tmp_path):
    txt = tmp_path / "plant.txt"
    txt.write_text(PLANT, encoding="utf-8")
    html = tmp_path / "plant.html"
    html.write_text(f"""<html lang="en"><head><title>Plant</title>
        <meta property="article:published_time" content="2025-03-02T09:00:00+05:00"></head>
        <body><nav>Home | News</nav><article><h1>A steel pipe plant will be built</h1>
        <p>{PLANT.split(chr(10))[-1]}</p></article></body></html>""", encoding="utf-8")
    result = run("--format", "jsonl", "--published", "2024-05-01", str(txt), str(html))
    assert result.returncode == 0, result.stderr
    first, second = [json.loads(line) for line in result.stdout.splitlines()]
    assert first["source"].endswith("plant.txt") and first["published"] == "2024-05-01"
    assert first["announcements"][0]["period"] == "2024"
    assert second["published"] == "2025-03-02" and second["announcements"][0]["period"] == "2025"


def test_missing_file_is_one_line(tmp_path):
    result = run(str(tmp_path / "nope.txt"))
    assert result.returncode == 1 and result.stderr.count("\n") == 1 and "cannot read" in result.stderr
