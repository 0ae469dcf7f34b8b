"""The WSGI entry point: ``gunicorn -c gunicorn.conf.py wsgi:app``."""

from translit_service.app import create_app

app = create_app()
