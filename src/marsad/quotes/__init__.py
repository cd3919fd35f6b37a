"""Direct quotations, their speakers and the outlets that relay them (stage `marsad.quotes.v1`)."""

from marsad.quotes.finder import AttributedQuoteFinder, QuoteFinder
from marsad.quotes.frames import frames
from marsad.quotes.spans import QuoteSpan, find_quote_spans

__all__ = ["AttributedQuoteFinder", "QuoteFinder", "QuoteSpan", "find_quote_spans", "frames"]
