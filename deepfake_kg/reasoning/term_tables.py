"""Triples between N-Triples files and DuckDB for the engine at scale (at_scale.py): read into table `asserted`
with every term coded as an integer (table `terms`: id, N-Triples spelling), written out as one N-Quads file of
the build's two named graphs, and, for graphs of the KG's size only, to and from rdflib."""
from __future__ import annotations

from pathlib import Path

from rdflib import Graph

from ..namespaces import ASSERTED_GRAPH, INFERRED_GRAPH

# The syntax of an N-Triples term (RDF 1.1 N-Triples, section 7): each distinct term is checked once when read,
# so that the store loads the written N-Quads without checking every IRI of every quad again (store_answers).
_IRI = r'<[A-Za-z][A-Za-z0-9+.\-]*:(?:[^\x00-\x20<>"{}|^`\\]|\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8})*>'
_TERM = (f"{_IRI}|_:[^\\s<>\"]+|" r'"(?:[^"\\\n\r]|\\.)*"(?:@[A-Za-z]+(?:-[A-Za-z0-9]+)*|\^\^' f"{_IRI})?")


def read_triples(db, sources: list[Path], vocabulary: dict[str, str]) -> dict:
    """The files' triples as table `asserted`(s, p, o) of term ids; returns the ids of `vocabulary` (name: its
    N-Triples spelling). Lines are split on their first two spaces (canonical N-Triples, as rdflib and Oxigraph
    write it: one space between terms; an object never ends with a space or a dot), which is fifteen times
    faster here than a regular expression per line."""
    import duckdb

    files = ", ".join("'" + str(path).replace("'", "''") + "'" for path in sources)
    try:  # a unit separator (U+001F) inside a literal would split a line: then the slower, exact reader
        lines = (f"SELECT line FROM read_csv([{files}], columns={{'line': 'VARCHAR'}}, delim=chr(31), quote='', "
                 "escape='', header=false, auto_detect=false)")
        db.execute(f"CREATE TABLE raw AS {split_lines(lines)}")
    except duckdb.Error:
        db.execute(f"CREATE OR REPLACE TABLE raw AS {split_lines(f'SELECT unnest(string_split(content, chr(10))) AS line FROM read_text([{files}])')}")
    if db.execute("SELECT EXISTS (SELECT 1 FROM raw WHERE s = '' OR p = '' OR o = '')").fetchone()[0]:
        raise ValueError("An input line is not one N-Triples triple with single spaces between its terms.")
    rows = [[nt] for nt in vocabulary.values()]
    db.execute("CREATE TABLE vocabulary(nt VARCHAR)")
    db.executemany("INSERT INTO vocabulary VALUES (?)", rows)
    db.execute("""CREATE TABLE terms AS SELECT row_number() OVER () AS id, nt FROM (
        SELECT s AS nt FROM raw UNION SELECT p FROM raw UNION SELECT o FROM raw UNION SELECT nt FROM vocabulary)""")
    db.execute("""CREATE TABLE asserted AS SELECT DISTINCT a.id AS s, b.id AS p, c.id AS o FROM raw
        JOIN terms a ON a.nt = raw.s JOIN terms b ON b.nt = raw.p JOIN terms c ON c.nt = raw.o""")
    db.execute("DROP TABLE raw")
    bad = db.execute(f"SELECT nt FROM terms WHERE NOT regexp_full_match(nt, '{_TERM}') LIMIT 1").fetchone()
    if bad:
        raise ValueError(f"An input term is not an N-Triples IRI, blank node or literal: {bad[0][:200]}")
    ids = dict(db.execute("SELECT nt, id FROM terms JOIN vocabulary USING (nt)").fetchall())
    return {name: ids[nt] for name, nt in vocabulary.items()}


def split_lines(lines: str) -> str:
    """(s, p, o) of each N-Triples line that `lines` selects, blank lines and comments skipped."""
    return (f"SELECT s, p, rtrim(substr(line, length(s) + length(p) + 3), ' .' || chr(9) || chr(13)) AS o FROM ("
            f"SELECT line, split_part(line, ' ', 1) AS s, split_part(line, ' ', 2) AS p FROM ({lines}) "
            "WHERE trim(line) <> '' AND NOT starts_with(ltrim(line), '#'))")


def write_nquads(db, target: Path) -> None:
    """Tables `asserted` and `inferred` as one N-Quads file, in the build's two named graphs."""
    _copy(db, f"{_quads('asserted', ASSERTED_GRAPH)} UNION ALL {_quads('inferred', INFERRED_GRAPH)}", target)


def write_graph(db, table: str, target: Path, parts: int = 1, written=None) -> None:
    """Table `asserted` or `inferred` as N-Quads in its named graph, in `parts` files (`target` with .0, .1, …
    before its suffix), each handed to `written` as soon as it is complete: a store can load one while the next
    is written (store_answers.reason_into_store)."""
    graph = {"asserted": ASSERTED_GRAPH, "inferred": INFERRED_GRAPH}[table]
    for part in range(parts):
        path = target.with_suffix(f".{part}{target.suffix}")
        _copy(db, _quads(table, graph, f"WHERE x.rowid % {parts} = {part}"), path)
        if written:
            written(path)


def _quads(table: str, graph, where: str = "") -> str:
    return (f"SELECT a.nt || ' ' || b.nt || ' ' || c.nt || ' <{graph}> .' AS line FROM {table} x "
            f"JOIN terms a ON a.id = x.s JOIN terms b ON b.id = x.p JOIN terms c ON c.id = x.o {where}")


def _copy(db, lines: str, target: Path) -> None:
    path = str(target).replace("'", "''")
    db.execute(f"COPY ({lines}) TO '{path}' (FORMAT csv, HEADER false, QUOTE '', ESCAPE '', DELIMITER '\t')")


def read_inferred(nquads: Path) -> set:
    """The inferred graph of an N-Quads file written here, as rdflib triples (for tests at the KG's size)."""
    graph = Graph()
    suffix = f" <{INFERRED_GRAPH}> ."
    lines = [line[: -len(suffix)] + " ." for line in nquads.read_text(encoding="utf-8").splitlines() if line.endswith(suffix)]
    graph.parse(data="\n".join(lines), format="nt", bnode_context=KeepLabels())
    return set(graph)


# --- between DuckDB and rdflib, for graphs of the KG's size -----------------------------------------------------

class KeepLabels(dict):
    """rdflib's N-Triples parser, told to keep blank-node labels: the schema's blank nodes are the very
    restrictions that the rows in DuckDB name."""

    def get(self, key, default=None):
        return key


def as_rdflib(db, select: str) -> Graph:
    rows = db.execute(f"SELECT a.nt || ' ' || b.nt || ' ' || c.nt || ' .' FROM ({select}) x "
                      "JOIN terms a ON a.id = x.s JOIN terms b ON b.id = x.p JOIN terms c ON c.id = x.o").fetchall()
    return Graph().parse(data="\n".join(row[0] for row in rows), format="nt", bnode_context=KeepLabels())


def term(nt: str):
    triple = next(iter(Graph().parse(data=f"<urn:x:s> <urn:x:p> {nt} .", format="nt", bnode_context=KeepLabels())))
    return triple[2]


def nt_line(triple) -> str:
    from rdflib.plugins.serializers.nt import _nt_row

    return _nt_row(triple).rstrip("\n")


def insert_lines(db, table: str, lines: list[str]) -> None:
    """N-Triples lines into `table`(s, p, o) as term ids, adding the terms not yet known."""
    db.execute(f"CREATE TEMP TABLE lines_in AS {split_lines('SELECT unnest(?) AS line')}", [lines])
    db.execute("""INSERT INTO terms SELECT (SELECT max(id) FROM terms) + row_number() OVER (), nt FROM (
        SELECT s AS nt FROM lines_in UNION SELECT p FROM lines_in UNION SELECT o FROM lines_in
        EXCEPT SELECT nt FROM terms)""")
    db.execute(f"""CREATE TABLE {table} AS SELECT DISTINCT a.id AS s, b.id AS p, c.id AS o FROM lines_in x
        JOIN terms a ON a.nt = x.s JOIN terms b ON b.nt = x.p JOIN terms c ON c.nt = x.o""")
    db.execute("DROP TABLE lines_in")
