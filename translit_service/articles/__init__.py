"""Articles: a file store, segmentation into translation units, translation memory, and
rendering of each variant (English, the translator's script, the derived script)."""

from .memory import FUZZY_THRESHOLD, Memory
from .render import ArticleService, NotPublished, Rendered
from .segment import Built, Unit, build, segment
from .store import ArticleError, ArticleNotFound, Store, valid_id
from .workflow import Extracted, extract_article

__all__ = [
    "FUZZY_THRESHOLD",
    "ArticleError",
    "ArticleNotFound",
    "ArticleService",
    "Built",
    "Extracted",
    "Memory",
    "NotPublished",
    "Rendered",
    "Store",
    "Unit",
    "build",
    "extract_article",
    "segment",
    "valid_id",
]
