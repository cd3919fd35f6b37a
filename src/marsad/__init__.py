"""marsad: Arabic news in, verifiable PLOVER event data out."""

__version__ = "0.1.0"

from marsad.model import (  # noqa: E402
    Actor,
    Article,
    Document,
    Entity,
    ErrorRecord,
    Event,
    Mention,
    Place,
    Quote,
    Sentence,
    Span,
    TimeExpression,
)
from marsad.pipeline import Pipeline, extract  # noqa: E402

__all__ = [
    "Actor", "Article", "Document", "Entity", "ErrorRecord", "Event", "Mention", "Pipeline",
    "Place", "Quote", "Sentence", "Span", "TimeExpression", "__version__", "extract",
]
