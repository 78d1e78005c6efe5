"""Turn news articles into Markdown briefings and a searchable static site."""

__version__ = "0.1.0"
