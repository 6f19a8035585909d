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


def test_one_bad_line_costs_only_that_line(tmp_path):
    """Bad lines of every kind (not JSON, not an object, not UTF-8, wrong field types) are each one
    line on stderr, FILE:LINE first; the good lines before and after them, and the next input, still print."""
    docs = tmp_path / "docs.jsonl"
    good = json.dumps({"source": "a", "text": PLANT, "published": "2026-11-18"}).encode()
    docs.write_bytes(b"\n".join([
        good,
        b"{not json",
        b"[1, 2]",
        "Алматы".encode("cp1251"),
        json.dumps({"source": "e", "text": 5}).encode(),
        json.dumps({"source": "f", "text": "Snow is expected in Astana on Friday."}).encode(),
    ]) + b"\n")
    txt = tmp_path / "plant.txt"
    txt.write_text(PLANT, encoding="utf-8")
    result = run("--format", "jsonl", "--published", "2026-01-01", str(docs), str(txt))
    assert result.returncode == 1
    assert [json.loads(line)["source"] for line in result.stdout.splitlines()] == ["a", "f", str(txt)]
    errors = result.stderr.splitlines()
    assert [e.split(": ", 1)[0] for e in errors] == [f"{docs}:{n}" for n in (2, 3, 4, 5)]
    assert errors[0].startswith(f"{docs}:2: not JSON: ")
    assert errors[1] == f"{docs}:3: not a JSON object but an array"
    assert errors[2].startswith(f"{docs}:4: not UTF-8 text")
    assert errors[3] == f'{docs}:5: "text" must be a string, not a number'
    assert "Traceback" not in result.stderr
