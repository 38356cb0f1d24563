"""Engines that run the per-document pipeline at scale: `local` spreads it over worker
processes on one machine (used by `diurna ingest` and `diurna eval --workers`); `spark` maps the same pipeline over a Spark cluster
and writes the same tables. Only this package imports pyspark, and only when asked.
`ingest` is `diurna ingest`: read the inputs, run the pipeline (on `local`'s workers),
write the store."""
