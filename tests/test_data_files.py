"""The world-knowledge files are read with libyaml's C loader where it is installed (faster
worker start-up); it must give exactly what the pure-Python safe loader gives, on every file."""
from pathlib import Path

import pytest
import yaml

from kzmon.extract.data_files import load_yaml

ROOT = Path(__file__).resolve().parent.parent
FILES = [path for folder in ("extract/data", "storage/data", "kzmon/digest/data", "kzmon/data")
         for path in sorted((ROOT / folder).glob("*.yaml"))]


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_fast_loader_reads_what_the_safe_loader_reads(path):
    assert load_yaml(path) == yaml.safe_load(path.read_text(encoding="utf-8"))


def test_the_fast_loader_is_safe():
    with pytest.raises(yaml.YAMLError):
        load_yaml("!!python/object/apply:os.system ['true']")
