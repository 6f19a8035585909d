"""The deduplicator fed by the real extractor, as the pipeline will run it: records are not
hand-written, so extraction slips (an incidental region, a status misread) must not split
or merge stories."""
from datetime import date
from pathlib import Path

import pytest

from kzmon import storage
from kzmon.storage.dedup.evaluation import load_labelled, run_labelled, score_labelled

DATA = Path(__file__).parent / "data" / "dedup"


@pytest.mark.parametrize("name", ["labelled.json", "labelled_heldout.json"])
def test_stories_with_extracted_records(tmp_path, name):
    from kzmon.extract.announcements import extract_announcements

    docs = []
    for doc in load_labelled(DATA / name):
        records = extract_announcements(doc["text"], date.fromisoformat(doc["published"]), doc["language"],
                                        doc["title"])
        docs.append(doc | {"records": [r | {"project": "?"} for r in records]})
    db = storage.open_db(tmp_path / "kzmon.db")
    stories, _, errors = score_labelled(db, docs, run_labelled(db, docs))
    assert stories.precision >= 0.95 and stories.recall >= 0.90, errors
