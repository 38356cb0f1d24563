"""Engines that run the per-document pipeline at scale: the local one is
`store.ingest` (worker processes); `spark` maps the same pipeline over a Spark cluster
and writes the same tables. Only this package imports pyspark, and only when asked."""
