import os
import socket
from pathlib import Path

import pytest

from generator.errors import BadInput
from generator.ingest import decode, discover, read_seed, split_front_matter

TEXT = "“Prices will rise,” the minister said — café owners disagree."


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        b"\xef\xbb\xbf" + TEXT.encode("utf-8"),
        TEXT.encode("utf-16"),  # with BOM
        TEXT.encode("cp1252"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-bom", "windows-1252"],
)
def test_decode_common_encodings(data):
    assert decode(data, "a.txt") == TEXT


def test_decode_latin1_and_arabic_codepage():
    assert decode("Le café est fermé à Genève, dit-il.".encode("latin-1"), "a.txt") == "Le café est fermé à Genève, dit-il."
    arabic = "قال وزير الخارجية إن الحكومة ستعمل على خفض الأسعار في الأشهر المقبلة"
    assert decode(arabic.encode("cp1256"), "a.txt") == arabic


def test_decode_repairs_mojibake():
    import ftfy.bad_codecs  # noqa: F401 - registers the codec browsers effectively use

    broken = TEXT.encode("utf-8").decode("sloppy-windows-1252")  # "â€œPrices will rise,â€ ..."
    assert "â€" in broken
    assert decode(broken.encode("utf-8"), "a.txt") == TEXT


def test_decode_keeps_utf8_with_a_few_invalid_bytes():
    data = ("Il a dit « non » à la réforme. " * 20).encode("utf-8") + b"\xff\xfe" + "Fin de l’article.".encode()
    text = decode(data, "a.txt")
    assert "« non » à la réforme" in text and text.endswith("Fin de l’article.")


def test_decode_reads_mostly_utf8_as_utf8_and_replaces_only_the_bad_bytes():
    # A short news text in UTF-8 (curly quotes, dashes, accents) with stray Windows-1252 bytes pasted
    # in: more bad bytes than a fixed allowance, far fewer than valid characters.
    paragraphs = ["“We will rebuild the harbour,” said Anna Müller, the council’s leader — on Tuesday.",
                  "The vote{Q}s result was 9{D}4, officials said.", "“It{Q}s a fair deal,” she added.",
                  "The port{Q}s owners — and the city{Q}s unions — agreed, according to “Le Monde”."]
    data = "\n\n".join(paragraphs).encode("utf-8").replace(b"{Q}", b"\x92").replace(b"{D}", b"\x96")
    assert data.count(b"\x92") + data.count(b"\x96") == 5
    text = decode(data, "a.txt")
    assert text.startswith("“We will rebuild the harbour,” said Anna Müller, the council’s leader — on Tuesday.")
    assert "The vote\ufffds result was 9\ufffd4" in text and "“It\ufffds a fair deal,” she added." in text
    assert text.endswith("the city\ufffds unions — agreed, according to “Le Monde”.")
    assert "â€" not in text and "Ã" not in text


def test_decode_still_detects_a_legacy_file_with_one_utf8_like_pair():
    legacy = "Le café est fermé — « Ç’est fini », a dit le maire de Genève. Über alles, dit-il.".encode("cp1252")
    assert decode(legacy, "a.txt") == "Le café est fermé — « Ç’est fini », a dit le maire de Genève. Über alles, dit-il."


@pytest.mark.parametrize("data,what", [
    (b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "PNG image"),
    (b"%PDF-1.7\n" + bytes(200), "PDF"),
    (bytes(range(256)) * 4, "binary data"),
])
def test_decode_rejects_binary(data, what):
    with pytest.raises(BadInput, match=what):
        decode(data, "photo.txt")


def test_front_matter_split_and_errors():
    meta, body = split_front_matter("---\ntitle: A\npublished: 2025-11-20\n---\nBody text.\n", "a.md")
    assert meta == {"title": "A", "published": "2025-11-20"}  # dates stay text
    assert body == "Body text.\n"
    assert split_front_matter("No front matter.\n", "a.md") == (None, "No front matter.\n")
    with pytest.raises(BadInput, match="not closed"):
        split_front_matter("---\ntitle: A\nBody text.\n", "a.md")
    with pytest.raises(BadInput, match="must be a mapping"):
        split_front_matter("---\n- a\n- b\n---\nBody\n", "a.md")
    with pytest.raises(BadInput, match="YAML tag that is not allowed"):
        split_front_matter("---\ntitle: !!python/object/apply:os.system ['true']\n---\nBody\n", "a.md")


def _seed(root: Path, name: str):
    files, _ = discover(root)
    return next(f for f in files if f.rel == name)


def test_sidecar_values_of_wrong_type_are_dropped_with_a_warning(tmp_path):
    (tmp_path / "a.txt").write_text("Headline\n\nSome article text here.\n", encoding="utf-8")
    (tmp_path / "a.yml").write_text("source: Example Times\nurl: [not, a, string]\npublished: 2025-01-02\n")
    raw = read_seed(_seed(tmp_path, "a.txt"))
    assert raw.meta == {"source": "Example Times", "published": "2025-01-02"}
    assert len(raw.warnings) == 1 and "url" in raw.warnings[0] and "a.txt" in raw.warnings[0]


@pytest.mark.parametrize("sidecar,reason", [
    ("just a string", "must be a mapping"),
    ("source: [unclosed\n", "not valid YAML"),
    ("source: !!python/name:os.system\n", "not allowed"),
])
def test_invalid_sidecar_rejects_the_article(tmp_path, sidecar, reason):
    (tmp_path / "a.txt").write_text("Headline\n\nSome article text here.\n", encoding="utf-8")
    (tmp_path / "a.yml").write_text(sidecar)
    with pytest.raises(BadInput, match=reason) as info:
        read_seed(_seed(tmp_path, "a.txt"))
    assert info.value.path == "a.txt"


def test_markdown_front_matter_with_nested_source(tmp_path):
    (tmp_path / "b.md").write_text("---\ntitle: T\nsource:\n  name: Outlet\n  url: https://example.org/a\n---\n# T\n\nText.\n")
    raw = read_seed(_seed(tmp_path, "b.md"))
    assert raw.meta == {"title": "T", "source": "Outlet", "url": "https://example.org/a"}
    assert raw.text.startswith("# T")


def test_discover_skips_links_fifos_and_names_unknown_types(tmp_path):
    outside = tmp_path / "outside.txt"
    outside.write_text("secret")
    seeds = tmp_path / "seeds"
    (seeds / "sub").mkdir(parents=True)
    (seeds / "a.txt").write_text("x")
    (seeds / "sub" / "B.TXT").write_text("x")
    (seeds / "c.pdf").write_bytes(b"%PDF")
    (seeds / "orphan.yml").write_text("source: X")
    (seeds / ".DS_Store").write_bytes(b"\0")
    os.symlink(outside, seeds / "link.txt")
    os.symlink(seeds / "loop", seeds / "loop")
    os.mkfifo(seeds / "pipe.txt")
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(seeds / "sock.txt"))
    try:
        files, skipped = discover(seeds)
    finally:
        sock.close()
    assert [f.rel for f in files] == ["a.txt", "sub/B.TXT"]
    reasons = {s.path: s.reason for s in skipped}
    assert "symbolic link" in reasons["link.txt"] and "symbolic link" in reasons["loop"]
    assert "not a regular file" in reasons["pipe.txt"] and "not a regular file" in reasons["sock.txt"]
    assert "unsupported file type '.pdf'" in reasons["c.pdf"]
    assert "no article" in reasons["orphan.yml"]
    assert ".DS_Store" not in reasons
    # a link, FIFO or socket stands where an input would: it is rejected, not merely skipped
    rejected = sorted(s.path for s in skipped if s.rejected)
    assert rejected == ["link.txt", "loop", "pipe.txt", "sock.txt"]
    assert "a FIFO" in reasons["pipe.txt"] and "a socket" in reasons["sock.txt"]


def test_read_html_uses_the_article_extractor(tmp_path):
    page = """<!doctype html><html lang="en"><head><title>Dam Talks Resume | River Post</title>
    <meta property="og:site_name" content="River Post"><meta name="author" content="Jane Doe">
    <meta property="article:published_time" content="2025-03-04T10:00:00Z"></head><body>
    <nav><a href="/">Home</a> <a href="/world">World</a></nav>
    <article><h1>Dam Talks Resume</h1>
    <p>Negotiators from three countries met on Tuesday to resume talks over the operation of a disputed dam on the river, officials said.</p>
    <p>"We are closer than we have ever been," said the lead negotiator, adding that a deal could come within weeks.</p>
    <p>Farmers downstream have complained for years that the dam reduces the water available during the dry season.</p>
    </article><footer>© River Post 2025. All rights reserved.</footer></body></html>"""
    (tmp_path / "p.html").write_text(page, encoding="utf-8")
    raw = read_seed(_seed(tmp_path, "p.html"))
    assert raw.meta["author"] == "Jane Doe"
    assert raw.meta["published"] == "2025-03-04"
    assert raw.meta["source"] == "River Post"
    assert "Negotiators from three countries" in raw.text
    assert "Home" not in raw.text.split("\n\n")[1:]


def test_html_without_article_is_rejected(tmp_path):
    (tmp_path / "empty.html").write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    with pytest.raises(BadInput, match="no article text"):
        read_seed(_seed(tmp_path, "empty.html"))


def test_empty_file_is_rejected(tmp_path):
    (tmp_path / "e.txt").write_text("  \n\t\n")
    with pytest.raises(BadInput, match="empty"):
        read_seed(_seed(tmp_path, "e.txt"))


@pytest.mark.parametrize("sidecar,published", [
    ("published: 12/09/2026\nlanguage: en-GB\n", "2026-09-12"),
    ("published: 12/09/2026\nlanguage: en-US\n", "2026-12-09"),
    ("published: 12/09/2026\nlanguage: fr\n", "2026-09-12"),
    ("published: 12.09.2026\nlanguage: de-DE\n", "2026-09-12"),
    ("published: 25/09/2026\n", "25/09/2026"),  # one reading only: left to parse_date
])
def test_ambiguous_numeric_dates_are_read_by_the_stated_language(tmp_path, sidecar, published):
    (tmp_path / "a.txt").write_text("Headline\n\nText of the article.\n")
    (tmp_path / "a.yml").write_text(sidecar)
    raw = read_seed(discover(tmp_path)[0][0])
    assert raw.meta["published"] == published and not raw.warnings


@pytest.mark.parametrize("language", [None, "en", "English"])
def test_an_ambiguous_date_without_a_locale_is_dropped_with_the_reason(tmp_path, language):
    (tmp_path / "a.txt").write_text("Headline\n\nText of the article.\n")
    (tmp_path / "a.yml").write_text("published: 12/09/2026\n" + (f"language: {language}\n" if language else ""))
    raw = read_seed(discover(tmp_path)[0][0])
    assert "published" not in raw.meta
    assert raw.warnings == ("a.txt: 'published' '12/09/2026' is ambiguous: 12 September 2026 (day first) or "
                            "December 9, 2026 (month first); ignored. Write it as YYYY-MM-DD, or state the language "
                            "with its region (language: en-GB reads it day first, en-US month first)",)


def test_parse_date_reads_a_day_equal_to_its_month():
    from generator.metadata import parse_date

    assert parse_date("05/05/2026") == "2026-05-05" and parse_date("3/4/2025") is None
