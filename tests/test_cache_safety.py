"""No response can be reused by a shared cache for a request it is wrong for.

A cache (RFC 9111 §4.1) reuses a stored response for another request to the same URL when
every request header the response's ``Vary`` names has the same value in both.  For every
route whose content may depend on the reader's variant, and every combination of ``lang``
cookie and ``Accept-Language``, this test stores each response and checks that every other
request the cache would answer with it gets the same content from the service.
"""

from __future__ import annotations

import itertools

import pytest
from flask.testing import FlaskClient

from translit_service.app import create_app

CONFERENCE = "2021-06-04-civil-military-conference"
INTERVIEW = "2022-03-15-interview-head-of-office"  # not published in Cyrillic

ROUTES = [
    "/", f"/news/{CONFERENCE}", f"/news/{INTERVIEW}", "/vesti", "/search?q=vojska", "/tool",
    "/api/v1/articles", f"/api/v1/articles/{CONFERENCE}", f"/api/v1/articles/{INTERVIEW}",
    f"/articles/{CONFERENCE}.html", f"/articles/{INTERVIEW}.html", "/api/v1/switcher?path=/",
    "/api/v1/transliterate?text=Beograd&to=cyrl", "/api/v1/catalogs/sr-Latn",
]
COOKIES = [None, "en", "sr-Latn", "sr-Cyrl", "bogus"]
ACCEPT = [None, "en", "sr-Latn", "sr", "sr-RS, en;q=0.5", "fr"]


def _request_headers(cookie: str | None, accept: str | None) -> dict[str, str]:
    headers = {}
    if cookie is not None:
        headers["Cookie"] = f"lang={cookie}"
    if accept is not None:
        headers["Accept-Language"] = accept
    return headers


def _vary(response) -> set[str]:  # type: ignore[no-untyped-def]
    return {v.strip().lower() for v in response.headers.get("Vary", "").split(",") if v.strip()}


def _content(response) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    return (response.status_code, response.headers.get("Content-Language", ""),
            response.get_data(as_text=True))


@pytest.fixture(scope="module")
def client() -> FlaskClient:
    return create_app({"TESTING": True, "CORS_ORIGINS": ["https://site.example"]}).test_client()


@pytest.mark.parametrize("route", ROUTES)
def test_no_response_is_reused_for_a_request_it_is_wrong_for(client: FlaskClient,
                                                             route: str) -> None:
    requests = [_request_headers(c, a) for c, a in itertools.product(COOKIES, ACCEPT)]
    answers = []
    for headers in requests:
        client._cookies.clear()  # type: ignore[attr-defined]  # only the header we send
        answers.append(client.get(route, headers=headers))
    for stored_for, stored in zip(requests, answers, strict=True):
        vary = _vary(stored)
        assert "*" not in vary
        for other, fresh in zip(requests, answers, strict=True):
            # the two requests differ only in Cookie and Accept-Language: a cache reuses the
            # stored response when they agree on every one of those the response varies on
            reusable = all(stored_for.get(h) == other.get(h)
                           for h in ("Cookie", "Accept-Language") if h.lower() in vary)
            if reusable:
                assert _content(stored) == _content(fresh), (route, stored_for, other)


@pytest.mark.parametrize("route", ROUTES)
def test_cors_responses_vary_on_origin(client: FlaskClient, route: str) -> None:
    for origin in (None, "https://site.example", "https://evil.example"):
        headers = {"Origin": origin} if origin else {}
        assert "origin" in _vary(client.get(route, headers=headers))


def test_a_response_that_sets_a_cookie_is_private(client: FlaskClient) -> None:
    r = client.get("/?lang=sr-Latn")
    assert "Set-Cookie" in r.headers and "private" in r.headers["Cache-Control"]
