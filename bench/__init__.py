"""Benchmarks for the "Speed at scale" question: how Bahith compares with plain Whoosh and
SQLite FTS5 on a large, realistic, reproducible corpus.

Run ``python -m bench --help``. The corpus is synthesised from the real seed articles in
``../shared/corpus/seeds`` (never copied into the repository) so that any N, up to 100,000
articles, can be rebuilt byte for byte on any machine.
"""
