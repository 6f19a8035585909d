"""Split an article into sentences, keeping paragraphs and telling the headline apart.

Records quote their evidence verbatim, so sentences are slices of the original text.
The headline restates the body in other words; it is kept apart so that its figures
can confirm a body record instead of making a second one.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# Abbreviations after which a full stop does not end the sentence.
ABBREVIATIONS = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|St|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|No|Co|Inc|Ltd|vs|approx|est|"
    r"руб|долл|г|гг|ж|жж|т|т\.е|им|ул|обл|р-н|кв|м|км|га|тг|проц)|\b[A-ZА-Я])\.$")
BOUNDARY = re.compile(r"(?<=[.!?…])[»\"”']?\s+(?=[«\"“A-ZА-ЯЁӘҒҚҢӨҰҮҺІ0-9—–-])"
                      # "в акимате.В министерстве": a full stop typed without its space
                      # (the next word may be one capital letter: "акимате.В министерстве")
                      r"|(?<=[a-zа-яёәғқңөұүһі]{3}[.!?])(?=[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ](?:[a-zа-яёәғқңөұүһі]|\s))")


# "ERG plans wind power plant in Kazakhstan. (Credit: Nathan Rodriguez on Unsplash)": a photo caption
# ends with its credit; it restates the article beside a picture, no statement of its own
CAPTION = re.compile(r"\((?:credit|photo|image|picture|фото|сурет|источник фото)\s*:[^()]*\)\s*$", re.IGNORECASE)


@dataclass
class Sentence:
    text: str
    start: int
    paragraph: int
    headline: bool


def _split_paragraph(par: str, offset: int):
    start = 0
    for m in BOUNDARY.finditer(par):
        head = par[start:m.start()].rstrip()
        if ABBREVIATIONS.search(head) and not re.search(r"\b(?:г|ж)\.$", head):
            continue
        if re.search(r"\b(?:г|ж)\.$", head) and not re.search(r"\d{4}\s*(?:г|ж)\.$", head):
            continue
        piece = par[start:m.start()].strip()
        if piece:
            yield piece, offset + start + (len(par[start:m.start()]) - len(par[start:m.start()].lstrip()))
        start = m.end()
    piece = par[start:].strip()
    if piece:
        yield piece, offset + start + (len(par[start:]) - len(par[start:].lstrip()))


def _sidebar_lines(lines: list[str]) -> set[int]:
    """Headline-like lines between the headline and its repetition a few lines below: the page's
    other headlines ("Glass melting furnace starts operating / Baiterek Holding funds over 30
    projects in 2023 / Glass melting furnace starts operating"), page furniture of no statement."""
    filled = [(i, line.strip()) for i, line in enumerate(lines[:40]) if line.strip()][:8]
    if len(filled) < 3:
        return set()
    first = filled[0][1]
    for k in range(2, len(filled)):
        if filled[k][1] == first:
            between = filled[1:k]
            if all(len(s) <= 200 and not s.endswith((".", "!", "?")) for _, s in between):
                return {i for i, _ in between}
            return set()
    return set()


# A line broken inside a sentence ("among them two cotton\nginning plants and a PVC pipe ..."): a line
# that ends with no stop and a next one that opens in lower case are one line, wrapped by the page
HARD_WRAP = re.compile(r"(?<=[^\s.!?…:;»\"”)\]])[ \t]*\n(?=[ \t]*[a-zа-яёәғқңөұүһі])")


def _unwrapped(text: str) -> str:
    """The text with wrapped lines joined, each break a space: every offset stays the same, so
    sentences remain slices of the original text. The first line (a headline) is left alone."""
    first = text.find("\n")
    if first < 0:
        return text
    return text[:first + 1] + HARD_WRAP.sub(lambda m: m.group(0).replace("\n", " "), text[first + 1:])


def split_sentences(text: str, title: str | None = None) -> list[Sentence]:
    """Sentences in order; headline lines (the title, repeated or not) are flagged."""
    out: list[Sentence] = []
    lines = _unwrapped(text).split("\n")
    pos = 0
    paragraph = 0
    headline_zone = True
    first_line: str | None = None
    if title and title.strip() and title.strip() not in text[:len(title) + 200]:
        out.append(Sentence(title.strip(), -1, -1, True))
        first_line = title.strip()
        headline_zone = False
    furniture = _sidebar_lines(lines)
    for i, line in enumerate(lines):
        stripped = line.strip()
        line_start = pos
        pos += len(line) + 1
        if not stripped or i in furniture or CAPTION.search(stripped):
            continue
        is_headline = False
        if first_line is None and headline_zone:
            if len(stripped) <= 200 and not stripped.endswith((".", "!", "?", "»", '"')) or (title and stripped == title.strip()):
                is_headline = True
                first_line = stripped
            headline_zone = False
        elif first_line is not None and stripped == first_line:
            is_headline = True
        if is_headline:
            out.append(Sentence(stripped, line_start + line.index(stripped), paragraph, True))
            continue
        paragraph += 1
        for piece, start in _split_paragraph(line, line_start):
            out.append(Sentence(piece, start, paragraph, False))
    return out
