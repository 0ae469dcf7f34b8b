"""The WSGI entry point: ``gunicorn -c gunicorn.conf.py wsgi:app``.

With ``preload_app`` (gunicorn.conf.py) this runs once in the master: the word tables are read
here, so that the workers share those pages instead of each reading its own copy.
"""

from translit_service.app import create_app
from translit_service.web.transliteration import warm_up

app = create_app()
warm_up(app)
