"""Storage tests that need several apps' models: the bulk writer on real tables."""
