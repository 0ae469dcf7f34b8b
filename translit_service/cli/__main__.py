"""``python -m translit_service.cli``: the same as the ``translit`` command."""

from . import main

main()
