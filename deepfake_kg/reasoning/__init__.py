"""OWL 2 RL reasoning: three engines behind one interface, the completion of the fast one, every contradiction
check, and the filter that keeps reasoning artefacts from users. Why it is built this way: docs/reasoning.md.

    engines.py                the interface (`closure`, `infer`, `reason`) and the engine choice
    reasonable_completion.py  what `reasonable` lacks, completed to owlrl's closure
    schema_rules.py           the scm-* rules (OWL 2 RL, Table 9), part of that completion
    views.py                  the term and triple views the completion and the checks read
    consistency.py            every contradiction check, for both engines
    filter.py                 what a user never sees (axiomatic, reflexive, literal-subject triples)
    at_scale.py               the "scale" engine: the closure in DuckDB, written as N-Quads for a store
    instance_rules.py         its rules about individuals, as set operations
"""
from .consistency import check_consistency, list_members, rl_violations
from .engines import DEFAULT_ENGINE, ENGINES, closure, infer, owlrl_closure, reason
from .filter import inferred_part, is_meaningful

__all__ = ["DEFAULT_ENGINE", "ENGINES", "check_consistency", "closure", "infer", "inferred_part", "is_meaningful",
           "list_members", "owlrl_closure", "reason", "rl_violations"]
