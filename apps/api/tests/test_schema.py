"""The OpenAPI schema is served, and every operation keeps to it: a schemathesis run over the WSGI app."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from ninja.responses import NinjaJSONEncoder
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from apps.api.api import api
from config.wsgi import application

pytestmark = pytest.mark.django_db

OPERATIONS = {"/api/v1/events", "/api/v1/events/{event_id}", "/api/v1/contributions", "/api/v1/members",
              "/api/v1/members/{code}", "/api/v1/people", "/api/v1/people/{slug}"}


def test_the_schema_describes_every_operation(api_client):
    response = api_client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    schema = response.json()
    assert schema["info"]["title"] == "Coalition Tracker API" and schema["info"]["version"] == "1"
    assert set(schema["paths"]) == OPERATIONS
    assert all(list(operations) == ["get"] for operations in schema["paths"].values())
    assert set(schema["components"]["securitySchemes"]) == {"BearerToken", "Session"}
    events = {p["name"] for p in schema["paths"]["/api/v1/events"]["get"]["parameters"]}
    assert events == {"member", "person", "type", "status", "lang", "agency", "review", "sure", "date_from", "date_to",
                      "q", "updated_since", "cursor", "limit"}


def test_the_docs_page_loads_its_scripts_from_this_site(analyst_client):
    html = analyst_client.get("/api/v1/docs").content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in html and "cdn." not in html  # the CSP allows 'self' only


@pytest.fixture
def wsgi_requests_keep_the_test_connection() -> Iterator[None]:
    """Requests go through the real WSGI handler in this thread, on the test's connection and transaction.

    Django's test client stops the request signals from closing that connection; so must this test.
    """
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


@pytest.fixture
def bearer(secret) -> dict[str, str]:
    return {"Authorization": f"Bearer {secret}"}


@pytest.fixture
def api_client(request):
    return request.getfixturevalue("api")  # the conftest's client; ``api`` here is the NinjaAPI object


# Loaded from the API object, not fetched: a module-level schema gives each operation its own test (the lazy
# loader, schemathesis.pytest.from_fixture, renames test nodes in a way pytest 9 no longer allows). The first test
# above checks that this is the schema the site serves.
schema = schemathesis.openapi.from_dict(api.get_openapi_schema())
schema.app = application  # calls go through Django's WSGI handler, middleware included
# Explicit examples and 20 generated cases per operation; the coverage phase (boundary values of every parameter,
# some 200 calls on /events alone) would take minutes.
schema.config.phases.update(phases=["examples", "fuzzing"])


def test_the_served_schema_is_the_one_tested(api_client):
    served = api_client.get("/api/v1/openapi.json").json()
    assert served == json.loads(json.dumps(api.get_openapi_schema(), cls=NinjaJSONEncoder))  # keys become strings


@schema.parametrize()
@settings(max_examples=20, deadline=None, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                 HealthCheck.filter_too_much])
@pytest.mark.usefixtures("wsgi_requests_keep_the_test_connection", "articles")
def test_every_operation_keeps_to_its_schema(case, bearer):
    case.call_and_validate(headers=bearer, checks=[not_a_server_error, response_schema_conformance])
