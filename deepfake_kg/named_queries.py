"""The competency questions in queries/: one SPARQL file each, described by a header comment.

    # title: Duties by platform type
    # question: For every platform type, which duties attach to it …?
    # note: runs on the inferred graph …
    # title@zh: 按平台类型列出义务              (the same in Simplified Chinese, for the explorer's Chinese pages)

A header line that does not start with a known key continues the previous one, so a long question can wrap.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .paths import QUERIES_DIR

_KEYS = ("title", "question", "note", "title@zh", "question@zh", "note@zh")
_HEADER_LINE = re.compile(r"#\s?(?:(?P<key>[a-z]+(?:@zh)?):\s*)?(?P<value>.*)")


@dataclass(frozen=True)
class NamedQuery:
    name: str  # the file name without .rq: what the CLI and the app's URL use
    title: str
    question: str
    text: str
    note: str = ""
    title_zh: str = ""  # in Simplified Chinese, where the header gives it (`# title@zh:`)
    question_zh: str = ""
    note_zh: str = ""

    def said(self, lang: str = "en") -> tuple[str, str, str]:
        """Title, question and note for a reader of `lang`: the Chinese where the header has it, else the English."""
        if lang == "zh" and self.title_zh:
            return self.title_zh, self.question_zh or self.question, self.note_zh or self.note
        return self.title, self.question, self.note


def parse_named_query(name: str, text: str) -> NamedQuery:
    fields: dict[str, str] = {}
    current = None
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        match = _HEADER_LINE.match(line)
        key, value = match.group("key"), match.group("value").strip()
        if key in _KEYS:
            current = key
            fields[key] = (fields.get(key, "") + " " + value).strip()
        elif current and value:
            fields[current] = f"{fields[current]} {line.lstrip('#').strip()}".strip()
    title = fields.get("title") or name.replace("-", " ").capitalize()
    return NamedQuery(name, title, fields.get("question", ""), text, fields.get("note", ""),
                      fields.get("title@zh", ""), fields.get("question@zh", ""), fields.get("note@zh", ""))


# A query that takes a date names it in one line, `VALUES ?asOf { "YYYY-MM-DD"^^xsd:date }`: the file runs as it
# is (on that default day) anywhere, and `on_date` rewrites that one line for another day.
_AS_OF = re.compile(r'VALUES\s+\?asOf\s*\{(?P<value>[^}]*)\}')
_DAY = re.compile(r'\s*"(?P<day>\d{4}-\d{2}-\d{2})"\^\^(?:xsd:date|<http://www\.w3\.org/2001/XMLSchema#date>)\s*')
_XSD_PREFIX = re.compile(r'PREFIX\s+xsd:\s*<http://www\.w3\.org/2001/XMLSchema#>', re.IGNORECASE)


def takes_date(text: str) -> bool:
    return bool(_AS_OF.search(text))


def day_of(text: str):
    """The day the query's VALUES ?asOf line names (a datetime.date), or None: it takes no date, or its line holds
    something other than one xsd:date."""
    import datetime as dt

    match = _AS_OF.search(text)
    literal = _DAY.fullmatch(match.group("value")) if match else None
    if not literal:
        return None
    try:
        return dt.date.fromisoformat(literal.group("day"))
    except ValueError:
        return None


def on_date(text: str, day) -> str:
    """The query with its ?asOf set to `day` (a date or YYYY-MM-DD); KGError if the query takes no date or `day` is
    not one. Only the VALUES line changes, and only to a typed literal written from a parsed date (never the
    caller's text), so no SPARQL can come in through the day."""
    from .errors import KGError
    from .validity import parse_day

    if not takes_date(text):
        raise KGError("This query takes no date (it has no line VALUES ?asOf { ... }).")
    # xsd:date where the query declares the prefix (the files of queries/ do), the full IRI where it does not
    datatype = "xsd:date" if _XSD_PREFIX.search(text) else "<http://www.w3.org/2001/XMLSchema#date>"
    line = f'VALUES ?asOf {{ "{parse_day(day).isoformat()}"^^{datatype} }}'
    return _AS_OF.sub(lambda _match: line, text, count=1)


def load_named_queries(directory: Path = QUERIES_DIR) -> list[NamedQuery]:
    """Every named query, ordered by title."""
    queries = [parse_named_query(path.stem, path.read_text(encoding="utf-8")) for path in sorted(directory.glob("*.rq"))]
    return sorted(queries, key=lambda q: q.title.lower())


def named_query(name: str, directory: Path = QUERIES_DIR) -> NamedQuery | None:
    """The query called `name` (file stem), or None; never reads outside `directory`."""
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_.-]*", name):
        return None
    path = directory / f"{name.removesuffix('.rq')}.rq"
    if not path.is_file():
        return None
    return parse_named_query(path.stem, path.read_text(encoding="utf-8"))
