"""The pipeline's limits: what a briefing keeps and what the analysis reads (part of every cache key)."""

MIN_WORDS = 15  # shorter than this is a caption or a stub, not an article
KEYWORDS = 10  # F1@10 judges the list: fewer than 10 when the article has fewer subjects
# Sane limits: a long news article has 10,000 words; past these, work stays bounded.
MAX_TEXT_CHARS = 8_000_000  # text read for cleaning
MAX_BODY_WORDS = 100_000  # text kept in the briefing
MAX_KEYWORD_WORDS = 20_000  # text YAKE reads (its cost grows with length)
