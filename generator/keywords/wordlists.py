"""English word lists and word-shape patterns the filters and names use."""
from __future__ import annotations

import re


# --------------------------------------------------------------------------- English word lists

def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_REPORTING = _words("""
    say says said saying tell tells told telling add adds added adding according accordingly
    report reports reported reporting reportedly argue argues argued arguing believe believes
    believed claim claims claimed claiming stated note notes noted noting explain explains
    explained explaining warn warns warned warning stress stresses stressed emphasize
    emphasizes emphasized emphasise emphasises emphasised insist insists insisted announce
    announces announced confirm confirms confirmed deny denies denied suggest suggests
    suggested describe describes described assert asserts asserted acknowledge acknowledges
    acknowledged admit admits admitted reveal reveals revealed indicate indicates indicated
    ask asks asked asking quote quoted quoting cite cites cited write writes wrote written
    consider considers considered think thinks comment comments commented remark remarks
    remarked reply replies replied respond responds responded urge urges urged conclude
    concludes concluded spoke speaking spokesman spokeswoman spokesperson allegedly
    editing edited interview interviews interviewed via
""")
_GENERIC = _words("""
    report reports statement statements people person persons year years time times week
    weeks month months day days today yesterday tomorrow tonight morning afternoon evening
    night nights hour hours minute minutes moment moments official officials source sources
    percent news article articles story stories comment comments press update updates photo
    photos picture pictures image images video videos thing things way ways part parts number
    numbers lot lots end start place places point points issue issues group groups region
    regions area areas country countries side sides term terms kind type fact facts matter
    reason reasons question questions member members level levels role use effort efforts
    man men woman women situation example information details detail case cases world
    recent past future current latest term
    family families life lives friend friends someone everyone something anything
    everything idea ideas
""")
_TEMPORAL = _words("""
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday
    saturday sunday mon tue tues wed thu thur thurs fri sat sun weekend weekday decade decades
    century centuries season seasons quarter
""")
_NUMBER_WORDS = _words("""
    zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen
    fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty
    ninety hundred hundreds thousand thousands million millions billion billions trillion
    dozen dozens half first second third fourth fifth sixth seventh eighth ninth tenth once
    twice several many numerous
""")
# Titles and abbreviations written with a period that does not end the sentence ("Gen. James")
_ABBREVIATIONS = _words("""
    mr mrs ms dr gen sen sens rep reps gov govs lt col sgt capt cmdr st jr sr prof rev hon pres
    adm maj cpl pvt supt det insp gov no vs etc inc corp co ltd bros dept univ
""")
# Common English words ending in -ly that are not adverbs
_LY_NOUNS = _words("""
    family supply assembly rally ally anomaly monopoly reply jelly belly bully lily butterfly
    melancholy italy july sicily homily fly firefly oligopoly
""")
# Roles that name no subject on their own
_ROLES = _words("""
    president vice minister prime governor senator sen representative congressman
    congresswoman mayor secretary chairman chairwoman chair director chief ceo executive
    leader head manager coach spokesman spokeswoman adviser advisor commander officer
    expert experts analyst analysts researcher specialist specialists professor mr ms mrs
    editor ombudsman ombudswoman reporter correspondent columnist commissioner envoy ambassador
""")
# Words that name a change, an event of the news cycle or an amount, not what it is about: a
# "cut", a "record", an "approval" or a "cost" is a subject only with its noun ("quota cut",
# "record heat"). Kept inside phrases; never a keyword on their own.
_EVENT_WORDS = _words("""
    cut cuts rise rises fall falls increase increases decrease decreases drop drops decline
    declines hike hikes jump jumps surge surges slump boost boosts reduction reductions gain
    gains record records high highs low lows decision decisions move moves plan plans approval
    proposal proposals announcement step steps attempt attempts cost costs amount
    sum total share figure figures rate change changes
""")
# Irregular past tenses and participles of the commonest English verbs: "built", "left", "made"
# are verb forms, almost never topic names on their own.
_IRREGULAR_VERB_FORMS = _words("""
    been was were had did done went gone got gotten made knew known thought took taken saw seen
    came gave given told found felt became left put meant kept let began begun brought held
    stood heard ran run sat lost paid met set led understood spoke spoken read spent grew grown
    won bought sent built fell fallen cut hit hurt shut spread chose chosen wrote written drove
    driven broke broken drew drawn threw thrown caught taught sold rose risen woke woken wore
    worn sought fought shot struck stuck hung dealt fed fled forgot forgotten forgave hid hidden
    laid lent lit quit rode shook shone slept slid sought sank sunk swore sworn swept swam swung
    tore torn withdrew withdrawn
""")
# Words before which a word in verb position stands: subject pronouns, modals and auxiliaries
# ("he left", "will pay", "had cut").
_VERB_BEFORE = _words("""
    i you he she it we they who will would can could shall should may might must do does did
    has have had not never also still already just cannot 'll 'd
""")
# Copulas: a participle after them is a verb ("was built")
_COPULAS = _words("is are was were be been being get gets got")
# Determiners and object pronouns: a word right after a noun and before one of these is a verb
# ("the authority cut the quota", "fruit left to rot")
_DETERMINERS = _words("""
    the a an this that these those his her its their our my your some any every each no all
    him them us me to
""")
# The only function word kept inside an English keyword ("Walk of Fame", "Bank of America")
_INNER_WORDS = frozenset({"of"})
# Units of measurement: "40 degrees Celsius" or "Celsius" alone names an amount, not a subject
_UNITS = _words("""
    celsius fahrenheit centigrade kelvin degree degrees percent cent kilometre kilometres kilometer
    kilometers km kms mile miles metre metres meter meters centimetre centimetres centimeter
    centimeters cm millimetre millimetres millimeter millimeters mm inch inches foot feet yard yards
    acre acres hectare hectares kilogram kilograms kilo kilos kg gram grams ton tons tonne tonnes
    litre litres liter liters gallon gallons mph kph
""")
_NON_TOPICAL = _ROLES | _REPORTING | _GENERIC | _TEMPORAL | _NUMBER_WORDS | _ABBREVIATIONS | _UNITS
_EDGE_REJECTS = _TEMPORAL | _ABBREVIATIONS  # never the first or last word of an English keyword
_NOT_NAME_WORDS = _ROLES | _TEMPORAL | _REPORTING | _ABBREVIATIONS  # capitalised, yet no part of a name

# English demonyms that suffix rules cannot derive (adjective -> place)
_IRREGULAR_DEMONYMS = {
    "british": "britain", "turkish": "turkey", "spanish": "spain", "polish": "poland",
    "french": "france", "dutch": "netherlands", "swiss": "switzerland", "greek": "greece",
    "german": "germany", "danish": "denmark", "swedish": "sweden", "finnish": "finland",
    "irish": "ireland", "scottish": "scotland", "welsh": "wales", "english": "england",
    "norwegian": "norway", "filipino": "philippines", "thai": "thailand",
    "afghan": "afghanistan", "peruvian": "peru", "belgian": "belgium", "emirati": "emirates",
    "argentine": "argentina", "argentinian": "argentina", "portuguese": "portugal",
    "icelandic": "iceland", "haitian": "haiti", "cypriot": "cyprus", "czech": "czechia",
}
# (suffix, replacement): Iraqi->Iraq, Iranian->Iran, Syrian->Syria, Canadian->Canada,
# Ukrainian->Ukraine, Italian->Italy, American->America, Mexican->Mexico, European->Europe,
# Japanese->Japan, Chinese->China, Lebanese->Lebanon, Kurdish->Kurd, Somali->Somalia
_DEMONYM_SUFFIXES = (
    ("i", ""), ("i", "ia"), ("ian", ""), ("ian", "ia"), ("ian", "a"), ("ian", "e"), ("ian", "y"),
    ("an", "a"), ("an", "o"), ("ean", "e"), ("ese", ""), ("ese", "a"), ("ese", "on"),
    ("ish", ""),
)

_ADVERB_RE = re.compile(r"^[a-z]{3,}(?:ally|ently|antly|ately|ously|ively|edly|ibly|ably|ingly)$")
_PARTICIPLE_RE = re.compile(r"^[a-z]{2,}[^e]ed$")  # "ended", "armed", "reported"
_GERUND_RE = re.compile(r"^[a-z]{2,}ing$")
_ADJECTIVE_RE = re.compile(r"^[a-z]{3,}(?:ional|ical|ous)$")
_LY_RE = re.compile(r"^[a-z]{3,}ly$")
_NUMBER_RE = re.compile(r"^[\d.,:/%-]+(?:st|nd|rd|th|s)?$")

# Other languages' dates, written in lower case mid-sentence (French, Portuguese, Spanish, Italian;
# Arabic months and weekdays): a date is no subject in any language. A capitalised form (German
# nouns, "Mars", "Domingo") is a name of the text and is not matched.
_FOREIGN_DATES = frozenset("""
    janvier février fevrier mars avril mai juin juillet août aout septembre octobre novembre
    décembre decembre lundi mardi mercredi jeudi vendredi samedi dimanche
    janeiro fevereiro março marco abril maio junho julho agosto setembro outubro novembro dezembro
    segunda-feira terça-feira quarta-feira quinta-feira sexta-feira sábado domingo
    enero febrero marzo mayo junio julio septiembre setiembre octubre noviembre diciembre lunes
    martes miércoles jueves viernes
    gennaio febbraio aprile maggio giugno luglio settembre ottobre dicembre lunedì martedì
    mercoledì giovedì venerdì sabato domenica
    يناير فبراير مارس ابريل أبريل مايو يونيو يوليو أغسطس اغسطس سبتمبر أكتوبر اكتوبر نوفمبر ديسمبر
    الاثنين الإثنين الثلاثاء الأربعاء الاربعاء الخميس الجمعة السبت الأحد الاحد
""".split())
# The words that join a noun to its complement inside a keyword in other languages ("suicide de
# postier", "forces de la coalition", "Ministério da Saúde"); any other function word inside a
# phrase of three words makes it a fragment ("bord à Lagos", "visant un hôtel").
_FOREIGN_INNER_WORDS = frozenset("de du des d' la le da do das dos del della di degli von der van".split())

