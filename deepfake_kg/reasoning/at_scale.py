"""OWL 2 RL at scale: the closure computed in a database and handed to the store as N-Quads, never as
per-triple rdflib objects (issue 16; docs/reasoning.md, "At scale").

    read      N-Triples files into DuckDB, every term coded as an integer (term_tables.py)
    schema    the schema part closed by the scm-* rules, as set operations too (schema_tables.py)
    rules     the rules about individuals as set operations to a fixpoint (instance_rules.py)
    check     every contradiction the rules can meet, by query
    filter    closure minus asserted minus reasoning artefacts (filter.py's rules), by query
    write     one N-Quads file, asserted and inferred graphs, as the build writes kg.nq (term_tables.py)

A graph this path does not cover exactly — equality (owl:sameAs, a functional property with two values),
cardinality, keys, property disjointness, negative assertions, a contradiction, or a rule about individuals that
concludes a schema triple — is handed whole to the general engine, so the answer never depends on the path.
tests/test_at_scale.py compares it with owlrl triple for triple on the KG and on every OWL 2 RL rule.
"""
from __future__ import annotations

import resource
import time
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Literal

from ..namespaces import OWL, RDF, RDFS, XSD
from . import instance_rules, schema_tables, term_tables
from .term_tables import read_inferred  # noqa: F401  (re-exported: tests and the benchmark read the output)

_NS = {"rdf": str(RDF), "rdfs": str(RDFS), "owl": str(OWL)}
_VOCABULARY = {name: f"<{_NS[ns]}{name}>" for ns, names in {
    "rdf": ["type", "first", "rest", "nil"],
    "rdfs": ["subClassOf", "subPropertyOf", "domain", "range", "Resource"],
    "owl": ["equivalentClass", "equivalentProperty", "inverseOf", "disjointWith", "complementOf", "intersectionOf",
            "unionOf", "oneOf", "onProperty", "hasValue", "someValuesFrom", "allValuesFrom", "onClass",
            "propertyChainAxiom", "members", "Thing", "Nothing", "sameAs", "differentFrom", "AllDisjointClasses",
            "SymmetricProperty", "TransitiveProperty", "FunctionalProperty", "Class", "Restriction", "ObjectProperty",
            "DatatypeProperty", "AnnotationProperty", "Ontology", "distinctMembers", "sourceIndividual", "hasKey",
            "maxCardinality", "maxQualifiedCardinality", "propertyDisjointWith", "disjointUnionOf", "cardinality",
            "AllDifferent", "IrreflexiveProperty", "AsymmetricProperty", "AllDisjointProperties",
            "InverseFunctionalProperty", "NegativePropertyAssertion", "ReflexiveProperty", "DeprecatedClass",
            "DeprecatedProperty", "NamedIndividual"],
}.items() for name in names}
# Triples about the schema: closed by schema_tables.py before the rules about individuals read them.
_SCHEMA_PREDICATES = ["subClassOf", "subPropertyOf", "domain", "range", "equivalentClass", "equivalentProperty",
                      "inverseOf", "disjointWith", "complementOf", "intersectionOf", "unionOf", "oneOf", "onProperty",
                      "hasValue", "someValuesFrom", "allValuesFrom", "onClass", "propertyChainAxiom", "members",
                      "first", "rest", "disjointUnionOf", "cardinality", "distinctMembers"]
_SCHEMA_TYPES = ["Class", "Restriction", "ObjectProperty", "DatatypeProperty", "AnnotationProperty",
                 "SymmetricProperty", "TransitiveProperty", "FunctionalProperty", "AllDisjointClasses", "Ontology",
                 "DeprecatedClass", "DeprecatedProperty", "AllDifferent"]
# What only the general engine reasons about: a graph that uses any of it goes there whole. (owl:differentFrom
# and owl:AllDifferent stay: without owl:sameAs, which sends a graph there, they can contradict nothing.)
_FALLBACK_PREDICATES = ["sameAs", "sourceIndividual", "hasKey", "maxCardinality", "maxQualifiedCardinality",
                        "propertyDisjointWith"]
_FALLBACK_TYPES = ["IrreflexiveProperty", "AsymmetricProperty", "AllDisjointProperties",
                   "InverseFunctionalProperty", "NegativePropertyAssertion", "ReflexiveProperty"]
_META = ("<" + str(RDF), "<" + str(RDFS), "<" + str(OWL), "<" + str(XSD))


class NotCovered(Exception):
    """The graph needs a rule this path does not run: the general engine must reason over it."""


@dataclass
class Stages:
    """Seconds and peak resident memory (MB, of the process so far) at the end of each stage."""
    seconds: dict = field(default_factory=dict)
    cpu_seconds: dict = field(default_factory=dict)  # user + system, all threads: what a busy machine inflates less
    peak_mb: dict = field(default_factory=dict)
    asserted: int = 0
    inferred: int = 0
    path: str = "at scale"
    fallback: str = ""  # why the general engine reasoned instead
    _started: float = field(default_factory=time.perf_counter)
    _cpu: float = field(default_factory=lambda: _cpu_now())

    def done(self, stage: str) -> None:
        now, cpu = time.perf_counter(), _cpu_now()
        self.seconds[stage], self.cpu_seconds[stage] = now - self._started, cpu - self._cpu
        self.peak_mb[stage] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        self._started, self._cpu = now, cpu


def _cpu_now() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def closure_to_nquads(sources: list[Path], target: Path, memory_limit: str = "4GB", unfiltered: bool = False,
                      parts: int = 0, written=None) -> Stages:
    """Reason over N-Triples `sources`; write asserted and inferred triples to `target` as N-Quads (the build's
    two named graphs). Raises InconsistentGraph naming the resources, as the general engine does. `unfiltered`:
    the inferred graph keeps reasoning artefacts (the closure, for comparing engines). With `parts`, for a store
    loading while this reasons (store_answers.reason_into_store): the asserted graph in one file as soon as it
    is read (in stage "read"), then the inferred graph in `parts` files, each handed to `written` when complete
    (files named from `target`: term_tables.write_graph)."""
    import duckdb

    stages = Stages()
    db = duckdb.connect(config={"memory_limit": memory_limit, "threads": 2, "preserve_insertion_order": False})
    try:
        v = term_tables.read_triples(db, sources, _VOCABULARY)
        if parts:
            term_tables.write_graph(db, "asserted", target.with_suffix(".asserted" + target.suffix), 1, written)
        stages.done("read")
        try:
            _close_schema(db, v)
            stages.done("schema")
            instance_rules.run_to_fixpoint(db, v, _chains(db, v))
            stages.done("rules")
            _check(db, v)
            stages.done("check")
        except NotCovered as reason:
            stages.fallback = str(reason)
            _general_engine(db, v)
            stages.path = "general engine"
            stages.done("rules")
        stages.asserted, stages.inferred = _filter(db, v, unfiltered)
        stages.done("filter")
        if parts:
            term_tables.write_graph(db, "inferred", target, parts, written)
        else:
            term_tables.write_nquads(db, target)
        stages.done("write")
        return stages
    finally:
        db.close()


def _ids(v: dict, names: list[str]) -> str:
    return ", ".join(str(v[name]) for name in names)


# --- schema -------------------------------------------------------------------------------------------------

def _close_schema(db, v: dict) -> None:
    """The closure of the schema triples by the scm-* rules in SQL (schema_tables.py); with the asserted
    triples, table `closure`."""
    if db.execute(f"SELECT 1 FROM asserted WHERE p IN ({_ids(v, _FALLBACK_PREDICATES)}) "
                  f"OR (p = {v['type']} AND o IN ({_ids(v, _FALLBACK_TYPES)})) LIMIT 1").fetchone():
        raise NotCovered("a construct only the general engine reasons about")
    schema_tables.close_schema(db, v, f"SELECT * FROM asserted WHERE {_schema_row('asserted', v)}")
    if schema_tables.vocabulary_axioms(db, v, _ids(v, _SCHEMA_PREDICATES + ["type"]), _ids(v, _SCHEMA_TYPES)):
        raise NotCovered("an axiom about the RDF/OWL vocabulary itself")
    db.execute("CREATE TABLE closure AS SELECT * FROM asserted UNION SELECT * FROM schema_closure")
    instance_rules.lookup_tables(db, v)
    db.execute(f"CREATE TABLE TY AS SELECT DISTINCT s AS x, o AS c FROM closure WHERE p = {v['type']} "
               f"AND o NOT IN ({_ids(v, _SCHEMA_TYPES)})")
    db.execute(f"CREATE TABLE PV AS SELECT DISTINCT s AS x, p, o AS y FROM closure WHERE p <> {v['type']} "
               f"AND p NOT IN ({_ids(v, _SCHEMA_PREDICATES)})")


def _chains(db, v: dict) -> list[tuple[int, list[int]]]:
    """(q, [p1 … pn]) for each q owl:propertyChainAxiom (p1 … pn)."""
    instance_rules.lists(db, v, "propertyChainAxiom", "CHAINS")
    links: dict[int, list] = {}
    for owner, _, member in db.execute("SELECT owner, position, member FROM CHAINS ORDER BY owner, position").fetchall():
        links.setdefault(owner, []).append(member)
    return list(links.items())


# --- check --------------------------------------------------------------------------------------------------

def _check(db, v: dict) -> None:
    """Whether any rule that derives 'false' or owl:sameAs could fire, or a rule about individuals concluded a
    schema triple: then the general engine decides (and words the refusal as it always does)."""
    db.execute("CREATE TABLE DISJOINT AS SELECT s AS a, o AS b FROM closure WHERE p IN "
               f"({v['disjointWith']}, {v['complementOf']})")
    instance_rules.lists(db, v, "members", "MEMBERS")
    db.execute(f"""INSERT INTO DISJOINT SELECT m1.member, m2.member FROM MEMBERS m1
        JOIN MEMBERS m2 ON m1.owner = m2.owner AND m1.position < m2.position
        JOIN closure t ON t.s = m1.owner AND t.p = {v['type']} AND t.o = {v['AllDisjointClasses']}""")
    functional = f"SELECT s FROM closure WHERE p = {v['type']} AND o = {v['FunctionalProperty']}"
    schema_types = f"SELECT * FROM TY WHERE c IN ({_ids(v, _SCHEMA_TYPES)}) EXCEPT SELECT s, o FROM closure WHERE p = {v['type']}"
    questions = [
        "SELECT 1 FROM DISJOINT d JOIN TY a ON a.c = d.a JOIN TY b ON b.x = a.x AND b.c = d.b",  # cax-dw, cax-adc, cls-com
        f"SELECT 1 FROM TY WHERE c = {v['Nothing']}",  # cls-nothing2
        f"SELECT 1 FROM PV WHERE p IN ({functional}) GROUP BY x, p HAVING count(*) > 1",  # prp-fp: sameAs or a clash
        f"SELECT 1 FROM PV WHERE p IN ({_ids(v, _SCHEMA_PREDICATES + _FALLBACK_PREDICATES)})",  # schema from individuals
        schema_types,
        # a restriction on dfk:hasDuty without owl:hasValue (consistency._blank_restriction_errors)
        "SELECT 1 FROM closure r JOIN terms t ON t.id = r.o AND t.nt = '<https://w3id.org/deepfake-kg/ontology#hasDuty>' "
        f"WHERE r.p = {v['onProperty']} AND NOT EXISTS (SELECT 1 FROM closure h WHERE h.s = r.s AND h.p = {v['hasValue']})",
    ]
    for number, question in enumerate(questions):
        if db.execute(f"SELECT EXISTS ({question})").fetchone()[0]:
            raise NotCovered(f"check {number}")
    typed = db.execute("SELECT nt FROM terms WHERE starts_with(nt, '\"') AND contains(nt, '\"^^<')").fetchall()
    from .consistency import _ill_typed

    for (nt,) in typed:  # dt-not-type: few distinct typed literals, checked by rdflib's own parser
        literal = term_tables.term(nt)
        if isinstance(literal, Literal) and _ill_typed(literal):
            raise NotCovered("an ill-typed literal")


def _general_engine(db, v: dict) -> None:
    """The whole graph through the general engine (reasonable + completion + every check): table `closure`."""
    from .consistency import check_consistency, rl_violations
    from .engines import _literals_of
    from .reasonable_completion import reasonable_view
    from .views import TripleView

    asserted = set(term_tables.as_rdflib(db, "SELECT * FROM asserted"))
    view = reasonable_view(set(asserted))
    check_consistency(view, TripleView(asserted), extra_problems=rl_violations(view, _literals_of(asserted)))
    for table in ("closure", "TY", "PV"):  # what the set-operation path had derived before it stopped
        db.execute(f"DROP TABLE IF EXISTS {table}")
    term_tables.insert_lines(db, "closure", [term_tables.nt_line(t) for t in view.triples])


# --- filter and write -----------------------------------------------------------------------------------------

def _filter(db, v: dict, unfiltered: bool = False) -> tuple[int, int]:
    """Table `inferred`: what the closure adds to the asserted triples, less what filter.py drops.

    On the set-operation path the closure is the disjoint union of TY, PV and the schema rows (the checks made
    sure no rule put a schema triple into TY or PV), so it is never copied into one table and deduplicated:
    at KG + 1M that copy and an EXCEPT over 7.7 M rows were most of this stage."""
    if db.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = 'PV'").fetchone()[0]:
        closure = (f"SELECT x AS s, {v['type']} AS p, c AS o FROM TY UNION ALL SELECT x, p, y FROM PV UNION ALL "
                   f"SELECT * FROM schema_closure WHERE ({_schema_row('schema_closure', v)})")
    else:  # the general engine's closure
        closure = "SELECT * FROM closure"
    new = f"SELECT c.* FROM ({closure}) c ANTI JOIN asserted a ON a.s = c.s AND a.p = c.p AND a.o = c.o"
    if unfiltered:
        db.execute(f"CREATE TABLE inferred AS {new}")
    else:
        hidden = " OR ".join(["starts_with(nt, '\"')"] + [f"starts_with(nt, '{prefix}')" for prefix in _META])
        reflexive = _ids(v, ["sameAs", "equivalentClass", "equivalentProperty", "subClassOf", "subPropertyOf"])
        db.execute(f"""CREATE TABLE inferred AS SELECT n.* FROM ({new}) n
            ANTI JOIN (SELECT id FROM terms WHERE {hidden}) h ON h.id = n.s
            WHERE NOT (n.p = {v['type']} AND n.o IN ({v['Thing']}, {v['Resource']}))
              AND NOT (n.p IN ({reflexive}) AND n.s = n.o)
              AND NOT (n.p = {v['subClassOf']} AND n.o = {v['Thing']})""")
    return (db.execute("SELECT count(*) FROM asserted").fetchone()[0],
            db.execute("SELECT count(*) FROM inferred").fetchone()[0])


def _schema_row(table: str, v: dict) -> str:
    """The condition that a row of `table` is a schema triple (what the rules about individuals never read)."""
    return (f"{table}.p IN ({_ids(v, _SCHEMA_PREDICATES)}) "
            f"OR ({table}.p = {v['type']} AND {table}.o IN ({_ids(v, _SCHEMA_TYPES)}))")


def triples_through_a_file(asserted, unfiltered: bool = False) -> set:
    """`closure_to_nquads` for rdflib triples: the inferred triples (with `unfiltered`, the whole closure), as
    rdflib triples. For graphs of the KG's size (tests, engines.infer); at scale, call closure_to_nquads."""
    import tempfile

    from rdflib.plugins.serializers.nt import _nt_row

    with tempfile.TemporaryDirectory(prefix="deepfake-kg-scale-") as folder:
        source, target = Path(folder) / "asserted.nt", Path(folder) / "closure.nq"
        with open(source, "w", encoding="utf-8") as out:
            out.writelines(_nt_row(t) for t in set(asserted))
        closure_to_nquads([source], target, unfiltered=unfiltered)
        inferred = term_tables.read_inferred(target)
    return inferred | set(asserted) if unfiltered else inferred


