"""Related briefings: the ones sharing the most people and topics, rare ones weighing more."""
from __future__ import annotations

import heapq
import math
from collections.abc import Sequence

from generator.models import Briefing
from generator.sitepages.common import PERSON_WEIGHT, RELATED, RELATED_WINDOW, TOPIC_WEIGHT, _slug, sort_newest_first

def related_briefings(briefings: Sequence[Briefing], limit: int = RELATED,
                      window: int = RELATED_WINDOW, jobs: int | None = 1,
                      min_items: int = 500) -> dict[str, list[Briefing]]:
    """Slug -> up to ``limit`` other briefings sharing the most people and topics, best first.

    Each shared person or topic (compared by slug) adds its weight, PERSON_WEIGHT or TOPIC_WEIGHT
    times 1 + ln(N / df) (N briefings, df of them with that person or topic): sharing a rare topic
    says more than sharing one that is everywhere. Ties go to the briefing nearer in time, then to
    the newer one. Candidates come from inverted indexes (topic or person -> briefings, in time
    order); for a topic or person with very many briefings only the ``window`` nearest in time on
    either side are looked at, so the work is O(n * k * window) for n briefings with k topics and
    people each, never O(n^2).
    """
    ordered = sort_newest_first(briefings)
    postings: dict[tuple[str, str], list[int]] = {}
    keys_of: list[list[tuple[tuple[str, str], int]]] = []
    for i, b in enumerate(ordered):
        keys = {("p", _slug(p, "person")) for p in b.people} | {("t", _slug(k, "topic")) for k in b.keywords}
        mine = []
        for key in sorted(keys):
            posting = postings.setdefault(key, [])
            mine.append((key, len(posting)))
            posting.append(i)
        keys_of.append(mine)
    n = len(ordered)
    # integer weights (in millionths): sums are exact, so equal scores tie whatever the order of adding
    weights = {key: round(1e6 * (PERSON_WEIGHT if key[0] == "p" else TOPIC_WEIGHT) * (1 + math.log(n / len(posting))))
               for key, posting in postings.items()}

    def best(i: int) -> list[int]:
        scores: dict[int, int] = {}
        get = scores.get
        for key, pos in keys_of[i]:
            weight = weights[key]
            for j in postings[key][max(0, pos - window): pos + window + 1]:
                scores[j] = get(j, 0) + weight
        scores.pop(i, None)
        if len(scores) > limit:  # only candidates scoring at least the limit-th best can make it
            floor = heapq.nlargest(limit, scores.values())[-1]
            candidates = [(-score, abs(j - i), j) for j, score in scores.items() if score >= floor]
        else:
            candidates = [(-score, abs(j - i), j) for j, score in scores.items()]
        return [j for _, _, j in sorted(candidates)[:limit]]

    from generator.runner import fork_map

    chosen = fork_map(best, range(n), jobs, min_items=min_items)
    return {b.slug: [ordered[j] for j in chosen[i]] for i, b in enumerate(ordered)}
