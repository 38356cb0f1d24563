"""The application file for spark-submit: the same command as `diurna spark`.

    spark-submit --master spark://host:7077 \
        "$(python -c 'import diurna.engines.spark_app as a; print(a.__file__)')" \
        ingest hdfs:///news/2026-03/*.jsonl --out hdfs:///diurna/2026-03

spark-submit starts the session (master, resources) and `diurna spark ingest` picks it
up; leave out --master here so that spark-submit's wins.
"""

from __future__ import annotations


def main() -> None:
    from diurna.cli_spark import spark_app

    spark_app(prog_name="diurna spark")


if __name__ == "__main__":
    main()
