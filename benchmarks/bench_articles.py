"""Article requests: cached against uncached, through the Flask test client.

    python -m benchmarks.bench_articles [--requests 300]

"Uncached" clears the rendered-variant LRU before every request, so each one reads the
article's files, segments the HTML, merges the translation and derives the other script.
"""

from __future__ import annotations

import argparse
import time

from translit_service.app import create_app

ARTICLE = "/api/v1/articles/2021-06-04-civil-military-conference?lang=sr-Cyrl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=300)
    args = parser.parse_args()
    app = create_app({"TESTING": True})
    client = app.test_client()
    service = app.extensions["articles"]
    assert client.get(ARTICLE).status_code == 200
    results = {}
    for name, clear in (("uncached", True), ("cached", False)):
        began = time.perf_counter()
        for _ in range(args.requests):
            if clear:
                service._cache.clear()
            client.get(ARTICLE)
        results[name] = (time.perf_counter() - began) / args.requests
    print(f"\nGET {ARTICLE}, {args.requests} requests each (in-process test client)")
    for name, seconds in results.items():
        print(f"  {name:<9} {seconds * 1000:7.3f} ms/request  {1 / seconds:8.0f} req/s")
    print(f"  cached requests cost {results['cached'] / results['uncached']:.2f}x uncached ones")


if __name__ == "__main__":
    main()
