"""Benchmarks for boilerstrip: text-mode accuracy and speed against peer extractors."""
