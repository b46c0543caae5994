"""Finding English a Chinese reader was not meant to see: shared by the AppTest and the browser tests.

On a Chinese page, English may stand only where it says so: inside an element whose `lang` is another language
(a quote of the paper, a name the graph has only in English — marked EN — or `und`, a literal in no language), in code, or as a name marked "[EN]" in a
widget's option. Any other run of text with English words and no Chinese character is a string the code forgot
to mark or the catalogue forgot to translate. (Technical names — SPARQL, CSV, IRIs and CURIEs — are no English.)
"""
from __future__ import annotations

import re
from html.parser import HTMLParser

CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]")
WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]{2,}")
# Names of formats, languages and standards, Latin terms of art and the paper's bibliographic data stay as they are.
ALLOWED = {w.lower() for w in """SPARQL OWL RDF RDFS SKOS IRI IRIs CURIE CSV JSON JSON-LD Turtle TriG N-Quads N-Triples
    XML RDF/XML BibTeX MIT CC-BY lex lata ferenda deepfake_kg deepfake-kg Graphviz Streamlit OWL-RL pyLODE VoID DCAT
    Oxigraph PDF HTML URL ELI DOI Xuanting Liu English""".split()}  # "English": the language switch names it so
PAPER_TITLE = "Normative construction of platform criminal liability in the governance of deepfake technology"
TECHNICAL = re.compile(r"\S*[:/_.#=]\S*|\S*@[\w-]+")  # IRIs, CURIEs, paths, file names, lang=zh, data@en


def untranslated(text: str) -> bool:
    """True if `text` (one run of visible text) is English that should have been Chinese."""
    text = text.replace(PAPER_TITLE, "")
    if CJK.search(text) or "[EN]" in text:
        return False
    words = [w for w in WORD.findall(TECHNICAL.sub(" ", text)) if w.lower() not in ALLOWED]
    return bool(words)


class _Texts(HTMLParser):
    SKIP = {"code", "pre", "style", "script", "svg", "kbd", "samp"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[bool] = []  # per open element: is its text exempt?
        self.runs: list[str] = []
        self.current: list[str] = []

    def _flush(self):
        text = " ".join("".join(self.current).split())
        if text:
            self.runs.append(text)
        self.current = []

    def handle_starttag(self, tag, attrs):
        self._flush()
        attrs = dict(attrs)
        lang = (attrs.get("lang") or "").lower()
        exempt = tag in self.SKIP or bool(lang and not lang.startswith("zh")) or (self.stack and self.stack[-1])
        if tag not in ("br", "img", "hr", "input", "meta", "link"):
            self.stack.append(bool(exempt))

    def handle_endtag(self, tag):
        self._flush()
        if self.stack:
            self.stack.pop()

    def handle_data(self, data):
        if not (self.stack and self.stack[-1]):
            self.current.append(data)


def html_runs(markup: str) -> list[str]:
    """The runs of text of some HTML that are not declared English (nor code)."""
    parser = _Texts()
    parser.feed(markup)
    parser.close()
    parser._flush()
    return parser.runs


def untranslated_in(texts) -> list[str]:
    return sorted({t for t in texts if t and untranslated(t)})
