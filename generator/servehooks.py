"""MkDocs hooks of the live preview (``briefings serve``; see generator.serve).

After each build of the preview, the Pagefind search index is written into the preview's site, as
``briefings build`` writes it into site/, so that the search box of the preview works.
"""
from __future__ import annotations

import logging
from pathlib import Path

log = logging.getLogger("generator.serve")


def on_post_build(config, **_kwargs) -> None:
    from generator.errors import GeneratorError
    from generator.search import index_site
    from generator.site import _owned, _own_pages

    docs = Path(config["docs_dir"])
    try:
        index_site(Path(config["site_dir"]), _own_pages(docs, _owned(docs)),
                   config.get("use_directory_urls", True) is not False)
    except GeneratorError as exc:  # the preview still works, without search: say why
        log.warning("warning: the preview's search index could not be built (%s); search will say it is "
                    "not available", exc)
