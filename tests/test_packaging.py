"""The package list in pyproject.toml is written by hand (the folders stay at the top of the
repository and install under kzmon.*); this keeps it equal to the folders that are packages,
so a new subpackage cannot be left out of the wheel, and keeps the code on the kzmon.* names."""
from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NAMESPACE = {"crawler": "kzmon.crawler", "extract": "kzmon.extract", "storage": "kzmon.storage", "kzmon": "kzmon"}


def test_every_package_folder_is_listed_under_its_kzmon_name():
    tool = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    on_disk = set()
    for top, name in NAMESPACE.items():
        for init in (ROOT / top).rglob("__init__.py"):
            parts = init.parent.relative_to(ROOT / top).parts
            on_disk.add(".".join((name, *parts)))
    assert set(tool["packages"]) == on_disk
    assert tool["package-dir"] == {v: k for k, v in NAMESPACE.items() if k != "kzmon"}


def test_code_imports_the_namespaced_names_only():
    top_level = re.compile(r"^\s*(from|import) (crawler|extract|storage)\b", re.M)
    offenders = [str(p.relative_to(ROOT)) for folder in ("crawler", "extract", "storage", "kzmon", "tests", "bench")
                 for p in (ROOT / folder).rglob("*.py") if top_level.search(p.read_text(encoding="utf-8"))]
    assert offenders == []


def test_the_command_never_loads_a_top_level_package(tmp_path):
    """Run from a folder outside the tree, as a user would: every module kzmon loads for a job
    lives under kzmon.*, so nothing imports `extract` twice under two names."""
    code = ("import sys, kzmon.cli, kzmon.job, kzmon.processing, kzmon.crawler.spider, kzmon.crawler.settings; "
            "print(sorted({m.split('.')[0] for m in sys.modules} & {'crawler', 'extract', 'storage'}))")
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
