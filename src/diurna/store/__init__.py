"""The corpus store: articles and their facts in an embedded DuckDB file, merged across
articles (one person = one entity, one real event = one event), queried, followed and
exported. Only this package imports duckdb.

    from diurna.engines.ingest import ingest
    from diurna.store import Store, query
    ingest(["examples/"], "diurna.duckdb", Settings.load())
    with Store("diurna.duckdb", read_only=True) as store:
        for event in query.events(store, query.EventFilter(actor="Macron")):
            print(event.to_dict())
"""

from .duckdb import Store

# Ingesting (reading, the pipeline on worker processes, then this store) is orchestration:
# it lives in diurna.engines.ingest, above the store, which it uses.
__all__ = ["Store"]
