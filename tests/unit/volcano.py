"""A short self-written news story that the page-furniture tests wrap in furniture.

Its paragraphs are prose that must stay: a test puts furniture around them and checks that the
cleaned page keeps exactly these paragraphs, this headline and nothing else.
"""

LEDE = ("Hundreds of residents were evacuated on Tuesday after a volcano on the island erupted, "
        "officials said, but no casualties were reported in the nearby villages.")
MORE = ("The mountain had last erupted twelve years ago, and experts said a team had been sent to "
        "watch the crater and warn the villages if the ash column grew any higher.")
LAST = ("Airlines were told to be careful when flying near the airport, which stayed open during "
        "the night while ash fell on the roads around the town.")
HEADLINE = "Volcano erupts on island"


def page(*lines: str) -> str:
    """The lines as a scraped page gives them: paragraphs apart by one blank line."""
    return "\n\n".join(lines)
