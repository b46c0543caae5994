"""The OWL 2 RL rules about individuals, as set operations in DuckDB over integer-coded triples (at_scale.py).

The schema's closure is computed first, and exactly, by the fast engine (it is small); these rules then read it
as lookup tables — SC (subclasses, closed), SP (subproperties, closed), INV, DOM, RNG, HV (hasValue), SVF, AVF,
INTM (intersection members) — and derive types TY(x, c) and property values PV(x, p, y) to a fixpoint,
semi-naively: each round joins only what the last round added (dTY, dPV) with everything known.
Rules: cax-sco, cax-eqc (through SC), prp-dom, prp-rng, prp-spo1, prp-eqp (through SP), prp-inv1/2, prp-symp,
prp-trp, prp-spo2, cls-hv1, cls-hv2, cls-svf1, cls-svf2, cls-avf, cls-int1; cls-int2 and cls-uni through SC.
The rules at_scale.py does not run here make it hand the graph to the general engine (FALLBACK_* there).
"""
from __future__ import annotations

# Each rule: the new facts one round derives from the last round's (d*) and all facts (TY, PV).
_NEW_TYPES = """
    SELECT d.x, sc.d AS c FROM dTY d JOIN SC sc ON d.c = sc.c
    UNION SELECT d.x, dom.c FROM dPV d JOIN DOM dom ON d.p = dom.p
    UNION SELECT d.y, rng.c FROM dPV d JOIN RNG rng ON d.p = rng.p
    UNION SELECT d.x, hv.r FROM dPV d JOIN HV hv ON d.p = hv.p AND d.y = hv.v
    UNION SELECT d.x, s.r FROM dPV d JOIN SVF s ON d.p = s.p AND s.d = $thing
    UNION SELECT d.x, s.r FROM dPV d JOIN SVF s ON d.p = s.p JOIN TY t ON t.x = d.y AND t.c = s.d
    UNION SELECT pv.x, s.r FROM dTY t JOIN SVF s ON t.c = s.d JOIN PV pv ON pv.p = s.p AND pv.y = t.x
    UNION SELECT pv.y, a.d FROM dTY t JOIN AVF a ON t.c = a.r JOIN PV pv ON pv.x = t.x AND pv.p = a.p
    UNION SELECT d.y, a.d FROM dPV d JOIN AVF a ON d.p = a.p JOIN TY t ON t.x = d.x AND t.c = a.r
    UNION SELECT t.x, i.c FROM (SELECT DISTINCT x FROM dTY) n JOIN TY t ON t.x = n.x JOIN INTM i ON i.m = t.c
          GROUP BY t.x, i.c HAVING count(DISTINCT t.c) = max(i.n)
"""
_NEW_VALUES = """
    SELECT d.x, sp.q AS p, d.y FROM dPV d JOIN SP sp ON d.p = sp.p
    UNION SELECT d.y, inv.q, d.x FROM dPV d JOIN INV inv ON d.p = inv.p
    UNION SELECT d.y, d.p, d.x FROM dPV d JOIN SYM ON d.p = SYM.p
    UNION SELECT d.x, d.p, pv.y FROM dPV d JOIN TRANS ON d.p = TRANS.p JOIN PV pv ON pv.x = d.y AND pv.p = d.p
    UNION SELECT pv.x, d.p, d.y FROM dPV d JOIN TRANS ON d.p = TRANS.p JOIN PV pv ON pv.y = d.x AND pv.p = d.p
    UNION SELECT d.x, hv.p, hv.v FROM dTY d JOIN HV hv ON d.c = hv.r
"""


def lookup_tables(db, v: dict) -> None:
    """The schema closure (table `closure`, schema rows) as the rules' lookup tables. `v`: vocabulary ids."""
    pairs = lambda p: f"SELECT s, o FROM closure WHERE p = {v[p]}"  # noqa: E731
    typed = lambda t: f"SELECT DISTINCT s AS p FROM closure WHERE p = {v['type']} AND o = {v[t]}"  # noqa: E731
    on_property = f"(SELECT s AS r, o AS p FROM closure WHERE p = {v['onProperty']})"
    db.execute(f"CREATE OR REPLACE TABLE SC AS SELECT DISTINCT s AS c, o AS d FROM ({pairs('subClassOf')})")
    db.execute(f"CREATE OR REPLACE TABLE SP AS SELECT DISTINCT s AS p, o AS q FROM ({pairs('subPropertyOf')}) WHERE s <> o")
    db.execute(f"CREATE OR REPLACE TABLE INV AS SELECT DISTINCT s AS p, o AS q FROM ({pairs('inverseOf')}) "
               f"UNION SELECT o, s FROM ({pairs('inverseOf')})")
    db.execute(f"CREATE OR REPLACE TABLE DOM AS SELECT DISTINCT s AS p, o AS c FROM ({pairs('domain')})")
    db.execute(f"CREATE OR REPLACE TABLE RNG AS SELECT DISTINCT s AS p, o AS c FROM ({pairs('range')})")
    db.execute(f"CREATE OR REPLACE TABLE SYM AS {typed('SymmetricProperty')}")
    db.execute(f"CREATE OR REPLACE TABLE TRANS AS {typed('TransitiveProperty')}")
    for name, predicate, column in (("HV", "hasValue", "v"), ("SVF", "someValuesFrom", "d"), ("AVF", "allValuesFrom", "d")):
        db.execute(f"CREATE OR REPLACE TABLE {name} AS SELECT DISTINCT x.s AS r, op.p, x.o AS {column} "
                   f"FROM closure x JOIN {on_property} op ON op.r = x.s WHERE x.p = {v[predicate]}")
    lists(db, v, "intersectionOf", "INTLIST")
    db.execute("CREATE OR REPLACE TABLE INTM AS SELECT owner AS c, member AS m, "
               "count(*) OVER (PARTITION BY owner) AS n FROM (SELECT DISTINCT owner, member FROM INTLIST)")


def lists(db, v: dict, predicate: str, table: str, source: str = "closure") -> None:
    """`table`(owner, position, member): the members of each RDF list that `predicate` points to in the
    triples of table `source`."""
    db.execute(f"""CREATE OR REPLACE TABLE {table} AS
        WITH RECURSIVE walk(owner, node, position) AS (
            SELECT s, o, 0 FROM {source} WHERE p = {v[predicate]}
            UNION ALL SELECT w.owner, r.o, w.position + 1 FROM walk w
                JOIN {source} r ON r.s = w.node AND r.p = {v['rest']} WHERE w.position < 10000)
        SELECT DISTINCT w.owner, w.position, f.o AS member FROM walk w
            JOIN {source} f ON f.s = w.node AND f.p = {v['first']}""")


def run_to_fixpoint(db, v: dict, chains: list[tuple[int, list[int]]]) -> int:
    """Apply the rules to TY and PV until nothing is new; the number of rounds."""
    db.execute("CREATE OR REPLACE TABLE dTY AS SELECT * FROM TY")
    db.execute("CREATE OR REPLACE TABLE dPV AS SELECT * FROM PV")
    chain_links = {link for _, links in chains for link in links}
    rounds = 0
    while True:
        rounds += 1
        db.execute(f"CREATE OR REPLACE TABLE nTY AS {_unseen(_NEW_TYPES.replace('$thing', str(v['Thing'])), 'TY', 'x, c')}")
        values = [_NEW_VALUES]
        if chain_links and db.execute(f"SELECT 1 FROM dPV WHERE p IN ({','.join(map(str, chain_links))}) LIMIT 1").fetchone():
            values += [_chain_sql(q, links, i) for q, links in chains for i in range(len(links))]
        db.execute(f"CREATE OR REPLACE TABLE nPV AS {_unseen(' UNION '.join(values), 'PV', 'x, p, y')}")
        if not db.execute("SELECT (SELECT count(*) FROM nTY) + (SELECT count(*) FROM nPV)").fetchone()[0]:
            return rounds
        db.execute("INSERT INTO TY SELECT * FROM nTY")
        db.execute("INSERT INTO PV SELECT * FROM nPV")
        db.execute("CREATE OR REPLACE TABLE dTY AS SELECT * FROM nTY")
        db.execute("CREATE OR REPLACE TABLE dPV AS SELECT * FROM nPV")


def _unseen(derived: str, known: str, columns: str) -> str:
    """The rows `derived` gives that table `known` does not hold (each once)."""
    match = " AND ".join(f"k.{c} = n.{c}" for c in columns.split(", "))
    return f"SELECT DISTINCT n.* FROM ({derived}) n ANTI JOIN {known} k ON {match}"


def _chain_sql(q: int, links: list[int], new: int) -> str:
    """prp-spo2, semi-naively: chains whose link `new` is a fact the last round added (dPV), the other links any
    fact (PV, which holds dPV): every chain not derived before has at least one such link."""
    tables = ["dPV" if i == new else "PV" for i in range(len(links))]
    joins = " ".join(f"JOIN {tables[i]} l{i} ON l{i}.x = l{i - 1}.y AND l{i}.p = {p}" for i, p in enumerate(links[1:], 1))
    return f"SELECT l0.x, {q}, l{len(links) - 1}.y FROM {tables[0]} l0 {joins} WHERE l0.p = {links[0]}"
