"""Full-text search over the graph's names, the paper's quoted passages and the provisions' texts, with facets
(instrument, paper section, status, jurisdiction).

A real index, not a scan: SQLite FTS5 with the trigram tokenizer, which matches any run of three or more
characters — English words and parts of words alike, and Chinese, which has no spaces to split words at.
Queries of one or two characters (常见 single Chinese words) fall back to LIKE over the same table. The index is
built once per graph build (its name carries the build's input digest) next to the build, written to a
temporary file and moved into place, and opened read-only afterwards.
"""
from __future__ import annotations

import csv
import io
import json
import os
import sqlite3
import tempfile
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field
from pathlib import Path

from rdflib import URIRef

from .build import KnowledgeGraph
from .namespaces import DFK, OA, RDF, RDFS, SKOS
from .paths import BUILD_DIR

SCHEMA_VERSION = "1"  # bump when what is indexed changes: the file name changes with it
FACETS = ("instrument", "section", "status", "jurisdiction")
STATUS_NAMES = {DFK.LexLata: "in force", DFK.LexFerenda: "proposed"}
# Control characters around a match in a snippet: never in the data, so the page can escape the text first
# and only then turn them into highlighting.
MATCH_START, MATCH_END = "\x02", "\x03"


@dataclass
class Snippet:
    kind: str  # "label", "quote" (a passage of the paper) or "text" (a provision's wording)
    lang: str
    text: str  # with MATCH_START/MATCH_END around the matches


@dataclass
class Hit:
    iri: str
    snippets: list[Snippet] = field(default_factory=list)


@dataclass
class SearchResult:
    query: str
    hits: list[Hit]  # the first `limit` of them
    total: int  # hits after the facet filters
    facets: dict[str, list[tuple[str, int]]]  # facet → (value, count) among the hits before facet filters

    def to_json(self) -> str:
        """The hits with their snippets, the match between MATCH_START and MATCH_END written as [[…]]."""
        found = asdict(self)
        for hit in found["hits"]:
            for snippet in hit["snippets"]:
                snippet["text"] = _plain(snippet["text"])
        return json.dumps(found, ensure_ascii=False, indent=2)

    def to_csv(self) -> str:
        """One row per snippet: the resource, what was found (a name, the paper, a provision's text), in what
        language, and the text around the match (marked [[…]])."""
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["iri", "kind", "lang", "snippet"])
        writer.writerows([h.iri, s.kind, s.lang, _plain(s.text)] for h in self.hits for s in h.snippets)
        return out.getvalue()


def _plain(text: str) -> str:
    return text.replace(MATCH_START, "[[").replace(MATCH_END, "]]")


def index_path(kg: KnowledgeGraph, build_dir: Path = BUILD_DIR) -> Path:
    digest = str(kg.manifest.get("inputs") or id(kg))[:16]
    return build_dir / f"search-{SCHEMA_VERSION}-{digest}.sqlite"


def _documents(kg: KnowledgeGraph):
    """(iri, kind, lang, text) for every text worth finding, under the resource a reader would open."""
    g = kg.closure
    for predicate in (RDFS.label, SKOS.altLabel):
        for s, o in g.subject_objects(predicate):
            if isinstance(s, URIRef):
                yield str(s), "label", getattr(o, "language", None) or "", str(o)
    for predicate in (DFK.officialText, DFK.unofficialTranslation):
        for s, o in g.subject_objects(predicate):
            yield str(s), "text", getattr(o, "language", None) or "", str(o)
    for passage in set(g.subjects(RDF.type, DFK.Passage)):
        quotes = [str(q) for sel in g.objects(passage, OA.hasSelector) for q in g.objects(sel, OA.exact)]
        for quote in quotes:
            yield str(passage), "quote", "en", quote
            for citing in set(g.subjects(DFK.source, passage)):  # found under the duty, provision … it supports
                if isinstance(citing, URIRef):
                    yield str(citing), "quote", "en", quote


def _sections(g, node) -> set[str]:
    passages = set(g.objects(node, DFK.source)) | ({node} if (node, RDF.type, DFK.Passage) in g else set())
    return {str(n) for p in passages for s in g.objects(p, DFK.inSection) for n in g.objects(s, DFK.sectionNumber)}


def _facets(kg: KnowledgeGraph, iri: URIRef) -> dict[str, set[str]]:
    g = kg.closure
    instruments = set()
    if (iri, RDF.type, DFK.LegalInstrument) in g:
        instruments.add(iri)
    for provision in {iri, *g.objects(iri, DFK.legalBasis)}:
        instruments |= {i for i in g.objects(provision, DFK.partOf) if (i, RDF.type, DFK.LegalInstrument) in g}
    jurisdictions = set(g.objects(iri, DFK.jurisdiction)) | {j for i in instruments for j in g.objects(i, DFK.jurisdiction)}
    return {"instrument": {str(i) for i in instruments}, "section": _sections(g, iri),
            "status": {STATUS_NAMES[s] for s in g.objects(iri, DFK.normativeStatus) if s in STATUS_NAMES},
            "jurisdiction": {str(j) for j in jurisdictions}}


def build_index(kg: KnowledgeGraph, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, staging = tempfile.mkstemp(prefix=".search-", suffix=".sqlite", dir=path.parent)
    os.close(handle)
    try:
        with sqlite3.connect(staging) as db:
            db.execute("CREATE VIRTUAL TABLE docs USING fts5(iri UNINDEXED, kind UNINDEXED, lang UNINDEXED, text, "
                       "tokenize='trigram')")
            db.execute("CREATE TABLE facet (iri TEXT, name TEXT, value TEXT)")
            documents = set(_documents(kg))
            db.executemany("INSERT INTO docs VALUES (?, ?, ?, ?)", sorted(documents))
            for iri in sorted({d[0] for d in documents}):
                for name, values in _facets(kg, URIRef(iri)).items():
                    db.executemany("INSERT INTO facet VALUES (?, ?, ?)", [(iri, name, v) for v in sorted(values)])
            db.execute("CREATE INDEX facet_iri ON facet (iri)")
        os.replace(staging, path)
    finally:
        if os.path.exists(staging):
            os.unlink(staging)
    for old in path.parent.glob("search-*.sqlite"):  # indexes of earlier builds
        if old != path:
            old.unlink(missing_ok=True)
    return path


_open: dict[str, sqlite3.Connection] = {}


def connect(kg: KnowledgeGraph, build_dir: Path = BUILD_DIR) -> sqlite3.Connection:
    """The index of this build, built on first use, opened read-only (shared by the threads of a server)."""
    path = index_path(kg, build_dir)
    if str(path) not in _open:
        if not path.exists():
            build_index(kg, path)
        _open[str(path)] = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
    return _open[str(path)]


def search(kg: KnowledgeGraph, text: str, filters: dict[str, set[str]] | None = None, limit: int = 50,
           build_dir: Path = BUILD_DIR) -> SearchResult:
    """Resources whose names, quoted passages or provision texts contain `text` (case-insensitive), best first;
    `filters` keeps the hits that have one of the given values of each named facet."""
    text = " ".join(text.split())
    filters = {k: set(v) for k, v in (filters or {}).items() if v and k in FACETS}
    if not text:
        return SearchResult(text, [], 0, {name: [] for name in FACETS})
    db = connect(kg, build_dir)
    if len(text) >= 3:
        found = db.execute("SELECT iri, kind, lang, text FROM docs WHERE docs MATCH ? ORDER BY rank",
                           ('"' + text.replace('"', '""') + '"',))
    else:  # the trigram index needs three characters; two are few enough to scan
        pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        found = db.execute("SELECT iri, kind, lang, text FROM docs WHERE text LIKE ? ESCAPE '\\'", (pattern,))
    # Snippets are cut here, not by FTS5's snippet(): with the trigram tokenizer its size counts trigrams, so a
    # "16-token" snippet was 16 characters ("…ual knowledge unle…"); a reader needs the words around the match.
    rows = [(iri, kind, lang, _mark(value, text)) for iri, kind, lang, value in found]
    hits: dict[str, Hit] = {}
    for iri, kind, lang, found in rows:
        hit = hits.setdefault(iri, Hit(iri))
        if len(hit.snippets) < 3 and all(s.text != found for s in hit.snippets):
            hit.snippets.append(Snippet(kind, lang, found))
    values: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for iri in hits:
        for name, value in db.execute("SELECT name, value FROM facet WHERE iri = ?", (iri,)):
            values[iri][name].add(value)
    counts = {name: Counter(v for iri in hits for v in values[iri][name]) for name in FACETS}
    kept = [hit for iri, hit in hits.items() if all(values[iri][name] & wanted for name, wanted in filters.items())]
    return SearchResult(text, kept[:limit], len(kept), {name: counts[name].most_common() for name in FACETS})


SNIPPET_BEFORE, SNIPPET_AFTER = 70, 110  # characters around the match: a clause of a sentence on either side


def _mark(value: str, text: str) -> str:
    """`value` around the first match of `text` (case-insensitive), the match between MATCH_START and MATCH_END,
    cut at a space where the text has spaces (so no word is cut in half) and marked … where it was cut."""
    start = value.lower().find(text.lower())
    if start < 0:
        return value[:SNIPPET_BEFORE + SNIPPET_AFTER]
    end = start + len(text)
    begin, stop = max(0, start - SNIPPET_BEFORE), min(len(value), end + SNIPPET_AFTER)
    if begin and " " in value[begin:start]:
        begin = value.index(" ", begin) + 1
    if stop < len(value) and " " in value[end:stop]:
        stop = value.rindex(" ", end, stop)
    return (("…" if begin else "") + value[begin:start] + MATCH_START + value[start:end] + MATCH_END
            + value[end:stop] + ("…" if stop < len(value) else ""))
