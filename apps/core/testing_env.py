"""A pytest plugin loaded with ``-p`` before Django settings: tests get their own embedded stack.

So a running ``make run`` and the test suite never share a Redis queue or a data folder.
"""

import os
from pathlib import Path

os.environ.setdefault("EMBEDDED_DIR", str(Path(__file__).resolve().parents[2] / ".embedded-test"))
# The test client and live server speak plain HTTP; production keeps HTTPS_ONLY on (a test checks it).
os.environ.setdefault("HTTPS_ONLY", "0")
# Pages render afresh for every request: tests make data without the services that announce changes.
os.environ.setdefault("FRAGMENT_CACHE_SECONDS", "0")
os.environ.setdefault("QUALITY_CACHE_SECONDS", "0")  # the review's quality page is computed afresh too
os.environ.setdefault("DEV_APPS", "1")  # apps.bench: its commands and their tests, whatever DATABASE_URL says
