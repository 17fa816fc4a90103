"""Whole-product page tests that span apps: languages, caching headers."""
