"""One story, many articles: levels 2-4 of issue 5 (level 1, same URL, is the crawler's).

An article joins the story of the first stored article that is
  2. the same normalised text (hash), or
  3. a near-duplicate (MinHash of word bigrams, LSH band table), or
  4. the same event: what outlets keep when they rewrite or translate a report (figures,
     names, what the facility is, where it is) shared within days,
and otherwise starts a story of its own. Every probe is an index lookup, so the cost per
article does not grow with the database.

An undated article (no trustworthy date, storage/dating.py) is put on its fetch day only as
the latest it can be from: near that day the same rules hold (a daily crawl fetches what is
new); further back, up to UNDATED_WINDOW_DAYS, it joins a story only on identity-level
evidence (two telling figures), since a backfill fetches years of reporting in one night.
"""
from __future__ import annotations

import hashlib
import json

from ..dating import trusted_published, trusted_sql
from .fingerprints import Fact, article_facts, is_anchor, is_money, text_facts
from .identity import EVIDENCE_CHARS, concepts, concepts_agree, regions_meet, towns_in
from .minhash import band_keys, estimate_jaccard, from_blob, signature, to_blob
from .normalise import text_hash
from .records import StoredArticle, day_number, load_announcements, load_article

NEAR_DUPLICATE_JACCARD = 0.5     # estimated Jaccard of word bigrams; see bench/bench_dedup.py
CERTAIN_DUPLICATE_JACCARD = 0.8  # above this no fact check: the texts are the same
MAX_NEAR_CANDIDATES = 20         # most band hits first
MIN_WORDS_FOR_TEXT_MATCH = 25    # shorter bodies ("Фото: пресс-служба") say nothing about the story
EVENT_WINDOW_DAYS = 14          # how far apart two reports of one event may be dated
SAME_DAYS = 3                   # within this many days shared names, concepts and places suffice
EVENT_MIN_SCORE = 3.5           # shared evidence needed within SAME_DAYS ...
SCORE_PER_EXTRA_DAY = 0.3       # ... and this much more per day beyond: later reports need a shared figure
STATUS_VETO_AFTER_DAYS = SAME_DAYS  # a status conflict splits stories only beyond this gap: reports
                                # of the same days disagree only through extraction errors
REGION_OVERRIDE_SCORE = 6.0     # this much evidence outweighs stated places that do not meet
MAX_REGION_SCORE = 2.0          # places are shared by every story of a region
FIGURES_DISAGREE_PENALTY = 2.0  # both state money figures and none is shared
RARITY_WINDOW_DAYS = 30         # a name or concept in many recent articles says little
UNDATED_WINDOW_DAYS = 730      # an undated article (storage/dating.py) may be this much older than its fetch
MAX_ANCHOR_PROBES = 60
MAX_FACT_CANDIDATES = 30
MAX_POSTINGS_PER_ANCHOR = 40    # read of one anchor's postings in a window (see _same_facts)
FACILITY_TOWN_WEIGHT = 3.0      # a kind of facility in one town: the plant itself, as a company name is
MAX_TOWN_CONCEPTS = 2


def text_work(title: str | None, text: str | None, language: str | None) -> dict:
    """The pure, costly part of assign_story for an article about to be stored: its MinHash
    signature and the facts of its text. The processing stage's workers compute it; it is
    used only for the very title, text and language it was made from."""
    title = title or ""
    body = text or title
    return {"key": _work_key(title, body, language), "sig": to_blob(signature(body)),
            "facts": [(f.key, f.weight) for f in text_facts(f"{title}\n{body}", language)]}


def _work_key(title: str, body: str, language: str | None) -> str:
    return hashlib.sha1(f"{language}\x00{title}\x00{body}".encode("utf-8")).hexdigest()


def assign_story(db, article_id: int, precomputed: dict | None = None) -> int:
    """Put a stored article into a story (an existing one or a new one) and return its id.
    `precomputed`: text_work() of the article, made in a worker (else computed here)."""
    article = load_article(db, article_id)
    indexed = db.execute("SELECT 1 FROM dedup_articles WHERE article_id = ?", [article_id]).fetchone()
    if article.story_id is not None and indexed:
        return article.story_id

    body = article.text or article.title
    body_hash = text_hash(body)
    if precomputed and precomputed.get("key") == _work_key(article.title, body, article.language):
        sig = from_blob(precomputed["sig"])
        text_part = {Fact(k, w) for k, w in precomputed["facts"]}
    else:
        sig = signature(body)
        text_part = None
    facts = {f.key: f.weight for f in article_facts(f"{article.title}\n{body}", article.language,
                                                     article.announcements, text_part=text_part)}
    facts.update(facility_town_facts(article.announcements))
    day, undated = _dating(db, article_id)

    long_enough = len(body.split()) >= MIN_WORDS_FOR_TEXT_MATCH
    other = ((long_enough and (_same_text(db, body_hash, article_id) or _near_duplicate(db, sig, article_id, facts)))
             or _same_facts(db, article, facts, day, undated))
    story_id = article.story_id or (_story_of(db, other) if other else None) or _new_story(db)

    db.execute("UPDATE articles SET story_id = ? WHERE id = ?", [story_id, article_id])
    _index(db, article_id, body_hash, sig, facts, day, undated)
    refresh_story(db, story_id)
    return story_id


def facility_town_facts(records: list[dict]) -> dict[str, float]:
    """"A gas processing plant in Zhanaozen": a kind of facility and the town below the region
    that one record's title or sentence names it in. Two reports of the same days that both say
    it speak of one plant, though one names its firm and the other does not, and their other
    figures differ (a meeting's totals, one project's cost)."""
    facts: dict[str, float] = {}
    for rec in records:
        kinds = concepts(rec)
        if not kinds or len(kinds) > MAX_TOWN_CONCEPTS:
            continue    # a sentence of several facilities does not say which stands in the town
        places = towns_in(rec.get("title") or "") or towns_in((rec.get("evidence") or "")[:EVIDENCE_CHARS])
        if len(places) != 1:
            continue    # "three coal CHPs in Kokshetau, Semey and Ust-Kamenogorsk": which town is whose
        for kind in kinds:
            facts[f"tc:{kind}:{next(iter(places))}"] = FACILITY_TOWN_WEIGHT
    return facts


def _dating(db, article_id: int) -> tuple[int | None, bool]:
    """The article's day, and whether it is undated: then the day is its fetch day, the
    latest it can be from, not when it was published."""
    published, source, fetched_at = db.execute(
        "SELECT published, published_source, fetched_at FROM articles WHERE id = ?", [article_id]).fetchone()
    trusted = trusted_published(published, source)
    if trusted is not None and day_number(trusted) is not None:
        return day_number(trusted), False
    return day_number(fetched_at), True


def _same_text(db, body_hash: str, article_id: int) -> int | None:
    row = db.execute("SELECT article_id FROM dedup_articles WHERE text_hash = ? AND article_id != ? "
                     "ORDER BY article_id LIMIT 1", [body_hash, article_id]).fetchone()
    return row[0] if row else None


def _near_duplicate(db, sig, article_id: int, facts: dict[str, float]) -> int | None:
    """The most similar stored text above the threshold. Between NEAR_DUPLICATE_JACCARD and
    CERTAIN_DUPLICATE_JACCARD the figures must not contradict: a government press template
    reused for another meeting shares half its bigrams but none of its amounts."""
    # One equality probe per band (a UNION ALL, not a row-value IN list, which SQLite answers
    # with a table scan): each probe is a primary-key search, so the cost is flat in DB size.
    keys = band_keys(sig)
    probe = " UNION ALL ".join("SELECT article_id FROM dedup_bands WHERE band = ? AND hash = ?" for _ in keys)
    params = [v for key in keys for v in key]
    rows = db.execute(
        f"SELECT article_id, count(*) AS hits FROM ({probe}) WHERE article_id != ? GROUP BY article_id "
        f"ORDER BY hits DESC, article_id LIMIT {MAX_NEAR_CANDIDATES}", params + [article_id]).fetchall()
    best, best_j = None, NEAR_DUPLICATE_JACCARD
    for candidate, _hits in rows:
        stored = db.execute("SELECT minhash, facts FROM dedup_articles WHERE article_id = ?", [candidate]).fetchone()
        jaccard = estimate_jaccard(sig, from_blob(stored[0]))
        if jaccard < best_j:
            continue
        if jaccard < CERTAIN_DUPLICATE_JACCARD and figures_contradict(facts, json.loads(stored[1])):
            continue
        best, best_j = candidate, jaccard
    return best


def figures_contradict(a: dict[str, float], b: dict[str, float]) -> bool:
    money_a = {k for k in a if is_money(k)}
    money_b = {k for k in b if is_money(k)}
    return bool(money_a and money_b and not money_a & money_b)


def _telling(key: str, weight: float) -> bool:
    """A money-sized figure that points at one event: precise ('1.35 million'), or
    investment-sized and not round ('590 million', not '3 billion'); '2.5 million' people or
    customers are in any day's news."""
    return weight >= 1.5 or (weight >= 1.0 and float(key[2:]) >= 100_000_000)


def rarity(db, key: str, day: int | None, article_id: int) -> float:
    """How much sharing a name or concept says: 1 when few recent articles have it, down to
    0.1 when it is in everything ('Tokayev', 'wind' in a season of wind farms)."""
    if day is None:
        return 0.6
    n = db.execute(
        "SELECT count(*) FROM (SELECT 1 FROM dedup_facts WHERE fact = ? AND day BETWEEN ? AND ? AND article_id != ? "
        "LIMIT 11)", [key, day - RARITY_WINDOW_DAYS, day + RARITY_WINDOW_DAYS, article_id]).fetchone()[0]
    return 1.0 if n <= 2 else 0.6 if n <= 5 else 0.3 if n <= 10 else 0.1


def event_score(a: dict[str, float], b: dict[str, float], a_records: list[dict], b_records: list[dict],
                days_apart: int, weight_of=lambda key: 1.0, uncertain: bool = False,
                b_later: bool | None = None, both_undated: bool = False) -> float:
    """Evidence that two articles report one event; 0 when it is not enough.

    Money figures identify an event across languages and time; names, what the facility is
    and where it is identify it only among reports of the same days. `weight_of` scales a
    name or concept by its rarity. `uncertain`: one of them is undated and they may be any
    time apart: one telling figure marks a project, which is in the news for
    years; only two mark one report of it. `b_later`: whether b is the later report (None:
    not known, as with two undated ones). `both_undated`: neither has a date of its own (a
    backfill fetches years of them in one night), so stages that disagree split them however
    close their fetch days are."""
    shared = a.keys() & b.keys()
    money = [k for k in shared if is_money(k)]
    telling = [k for k in money if _telling(k, max(a[k], b[k]))]
    place = any(k.startswith("rg:") for k in shared)
    what = any(k.startswith(("co:", "nm:", "cn:", "tc:")) for k in shared)
    # Identity: the same place and the same company, name or facility; a telling figure with
    # a second one, a place or a name; two figures and a name or facility; or the same company
    # building the same kind of facility (one report names the region, the other only the
    # company). Names, or a name and what a facility is, are shared by any two articles of a
    # busy news day, and so is one figure now and then.
    company_facility = any(k.startswith("co:") for k in shared) and any(k.startswith("cn:") for k in shared)
    if not (place and what) and not (telling and (len(telling) > 1 or place or what)) \
            and not (len(money) > 1 and what) and not company_facility:
        return 0.0
    score = region = 0.0
    for key in shared:
        weight = max(a[key], b[key])
        if key.startswith("rg:"):
            region += weight
        elif is_money(key):
            score += 2 * weight
        elif key.startswith(("nm:", "cn:", "co:", "tc:")):
            score += weight * weight_of(key)
        else:
            score += weight
    score += min(region, MAX_REGION_SCORE)
    if not money and any(is_money(k) for k in a) and any(is_money(k) for k in b):
        score -= FIGURES_DISAGREE_PENALTY
    if days_apart > SAME_DAYS and not telling:
        return 0.0
    concepts_a = frozenset(k[3:] for k in a if k.startswith("cn:"))
    concepts_b = frozenset(k[3:] for k in b if k.startswith("cn:"))
    if concepts_a and concepts_b and not concepts_agree(concepts_a, concepts_b) and not telling:
        return 0.0      # one governor's briefing, one reporting its grain plant, the other its CHP plant
    if uncertain and len(telling) < 2:
        return 0.0
    if score < EVENT_MIN_SCORE + SCORE_PER_EXTRA_DAY * max(0, days_apart - SAME_DAYS):
        return 0.0
    regions_a = {k[3:] for k in a if k.startswith("rg:")}
    regions_b = {k[3:] for k in b if k.startswith("rg:")}
    if regions_a and regions_b and not regions_meet(regions_a, regions_b) and score < REGION_OVERRIDE_SCORE:
        return 0.0
    status_a = {r.get("status") for r in a_records if r.get("status")}
    status_b = {r.get("status") for r in b_records if r.get("status")}
    if status_a and status_b and not status_a & status_b and (days_apart > STATUS_VETO_AFTER_DAYS or both_undated) \
            and not _stage_went_back(status_a, status_b, b_later):
        return 0.0
    return score


STAGES = {"planned": 0, "under_construction": 1, "commissioned": 2}


def _stage_went_back(status_a: set, status_b: set, b_later: bool | None) -> bool:
    """Whether the later report stands at an earlier stage than the earlier one. Statuses that
    disagree split a story because the later report is news of the next stage (works began, the
    plant opened); a project does not go back from opened to being built, so a later report at
    an earlier stage is the same news read differently ("запущена печь" taken for construction),
    and does not split. None: which one is later is not known."""
    if b_later is None:
        return False
    stage_a = max((STAGES.get(s, -1) for s in status_a), default=-1)
    stage_b = max((STAGES.get(s, -1) for s in status_b), default=-1)
    if min(stage_a, stage_b) < 0:
        return False
    return stage_b < stage_a if b_later else stage_a < stage_b


def probes(day: int, undated: bool) -> list[tuple[str, bool, int, int]]:
    """The index lookups of one article: (table, figures only, first day, last day).

    Near its day (EVENT_WINDOW_DAYS) every anchor is looked up, dated articles in dedup_facts
    and undated ones (by fetch day) in dedup_undated_facts. Beyond, an undated article may
    still be one report with another: it was published on or before its fetch day, up to
    UNDATED_WINDOW_DAYS before. Only telling figures can join reports that far apart
    (event_score's `uncertain`), so only money figures are looked up there: their postings are
    short, and the wide window costs no more as the database grows."""
    near = [("dedup_facts", False, day - EVENT_WINDOW_DAYS, day + EVENT_WINDOW_DAYS),
            ("dedup_undated_facts", False, day - EVENT_WINDOW_DAYS, day + EVENT_WINDOW_DAYS)]
    far = [("dedup_undated_facts", True, day + EVENT_WINDOW_DAYS + 1, day + UNDATED_WINDOW_DAYS)]
    if undated:
        far += [("dedup_facts", True, day - UNDATED_WINDOW_DAYS, day - EVENT_WINDOW_DAYS - 1),
                ("dedup_undated_facts", True, day - UNDATED_WINDOW_DAYS, day - EVENT_WINDOW_DAYS - 1)]
    return near + far


def _same_facts(db, article: StoredArticle, facts: dict[str, float], day: int | None,
                undated: bool = False) -> int | None:
    if day is None:
        return None
    # A match needs a shared anchor, so only anchors are looked up: specific keys with short
    # posting lists within the window, whatever the size of the database.
    anchors = sorted(k for k in facts if is_anchor(k))[:MAX_ANCHOR_PROBES]
    figures = [k for k in anchors if is_money(k)]
    # Each anchor's postings are read up to MAX_POSTINGS_PER_ANCHOR: a name in more reports of
    # the window than that says little (rarity 0.1), and the rarer anchors a report shares find
    # it. So a busy window costs no more than a quiet one, and the probe stays flat.
    selects, params = [], []
    for table, figures_only, first, last in probes(day, undated):
        for key in figures if figures_only else anchors:
            selects.append(f"SELECT * FROM (SELECT article_id FROM {table} WHERE fact = ? AND day BETWEEN ? AND ? "
                           f"LIMIT {MAX_POSTINGS_PER_ANCHOR})")
            params += [key, first, last]
    if not selects:
        return None
    # With an undated article on either side the distance is uncertain: the days between them
    # when close (a daily crawl fetches what is new), else as far as two dated reports of one
    # event may be, and only identity-level evidence joins them (event_score's `uncertain`).
    rows = db.execute(
        f"SELECT article_id, count(*) AS n FROM ({' UNION ALL '.join(selects)}) "
        f"WHERE article_id != ? GROUP BY article_id ORDER BY n DESC, article_id LIMIT {MAX_FACT_CANDIDATES}",
        params + [article.id],
    ).fetchall()
    rarities: dict[str, float] = {}

    def weight_of(key: str) -> float:
        if key not in rarities:
            rarities[key] = rarity(db, key, day, article.id)
        return rarities[key]

    best, best_score = None, 0.0
    for candidate, _n in rows:
        stored = db.execute("SELECT facts, day, undated FROM dedup_articles WHERE article_id = ?",
                            [candidate]).fetchone()
        apart = abs(day - stored[1])
        uncertain = (undated or bool(stored[2])) and apart > EVENT_WINDOW_DAYS
        score = event_score(facts, json.loads(stored[0]), article.announcements, load_announcements(db, candidate),
                            min(apart, EVENT_WINDOW_DAYS) if uncertain else apart, weight_of, uncertain,
                            _later(day, undated, stored[1], bool(stored[2])), undated and bool(stored[2]))
        if score > best_score:
            best, best_score = candidate, score
    return best


def _later(day_a: int, undated_a: bool, day_b: int, undated_b: bool) -> bool | None:
    """Whether b was published after a; None when that is not certain. An undated article's
    day is its fetch day, the latest it can be from: it is certainly earlier than a dated
    article of a later day, and never certainly later than anything."""
    if day_a < day_b and not undated_b:
        return True
    if day_b < day_a and not undated_a:
        return False
    return None


def _story_of(db, article_id: int) -> int | None:
    row = db.execute("SELECT story_id FROM articles WHERE id = ?", [article_id]).fetchone()
    if row and row[0] is not None:
        return row[0]
    return None


def _new_story(db) -> int:
    return db.execute("INSERT INTO stories (article_count) VALUES (0)").lastrowid


def _index(db, article_id: int, body_hash: str, sig, facts: dict[str, float], day: int | None,
           undated: bool = False) -> None:
    db.execute("INSERT OR REPLACE INTO dedup_articles (article_id, text_hash, minhash, facts, day, undated) "
               "VALUES (?, ?, ?, ?, ?, ?)", [article_id, body_hash, to_blob(sig), json.dumps(facts), day, int(undated)])
    db.conn.executemany("INSERT OR IGNORE INTO dedup_bands (band, hash, article_id) VALUES (?, ?, ?)",
                        [(band, h, article_id) for band, h in band_keys(sig)])
    if day is not None:  # only anchors are ever looked up (_same_facts); the rest is in the JSON
        table = "dedup_undated_facts" if undated else "dedup_facts"
        db.conn.executemany(f"INSERT OR IGNORE INTO {table} (fact, day, article_id) VALUES (?, ?, ?)",
                            [(key, day, article_id) for key in facts if is_anchor(key)])


# An article's day for ordering a story: its trusted date (storage/dating.py), else its fetch time.
_SEEN = f"coalesce({trusted_sql('articles')}, fetched_at)"


def refresh_story(db, story_id: int) -> None:
    """Recompute a story's display fields from its articles (a handful of rows). Its days are
    those of its dated articles when it has any: an undated one fetched today in a story of
    last year does not make the story last seen today."""
    rows = db.execute(
        f"SELECT id, source_id, language, {_SEEN} AS seen, title, {trusted_sql('articles')} IS NOT NULL "
        "FROM articles WHERE story_id = ? ORDER BY seen, id", [story_id]).fetchall()
    if not rows:
        return
    sources = list(dict.fromkeys(r[1] for r in rows))
    languages = list(dict.fromkeys(r[2] for r in rows if r[2]))
    days = [r[3] for r in rows if r[5]] or [r[3] for r in rows if r[3]]
    db.execute(
        "UPDATE stories SET representative_article_id = ?, title = ?, first_seen = ?, last_seen = ?, "
        "article_count = ?, sources = ?, languages = ? WHERE id = ?",
        [rows[0][0], rows[0][4], min(days, default=None), max(days, default=None), len(rows),
         json.dumps(sources), json.dumps(languages), story_id])


def story_sources(db, story_id: int) -> list[dict]:
    """The articles of a story, first reporter first: for 'also reported by ...'."""
    rows = db.execute(
        "SELECT id, url, source_id, language, title, coalesce(published, fetched_at) AS seen FROM articles "
        "WHERE story_id = ? ORDER BY seen, id", [story_id]).fetchall()
    return [{"article_id": r[0], "url": r[1], "source_id": r[2], "language": r[3], "title": r[4],
             "published": r[5]} for r in rows]
