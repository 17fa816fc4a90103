"""Extraction tests need no database and no Django."""
