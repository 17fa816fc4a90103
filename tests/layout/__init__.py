"""Tests of the code's shape across apps: how the modules import one another."""
