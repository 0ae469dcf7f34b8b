"""The HTTP boundary: Flask blueprints and the one JSON error handler."""
