"""News-language vocabulary used by :mod:`generator.quotes`.

Word lists only, no logic: attribution (speech and cognition) verbs, titles and role nouns,
pronouns and determiners, name particles and suffixes, and the Arabic cue verbs, role nouns
and clause words.  Regular-expression alternations are plain ``a|b|c`` strings; sets hold
lower-case words.  Everything here is general news usage, never names from a corpus.
"""
from __future__ import annotations

# --------------------------------------------------------------------- English attribution

SPEECH_VERBS = (
    "said|says|say|told|tells|tell|added|adds|asked|asks|stressed|stresses|warned|warns|"
    "noted|notes|explained|explains|argued|argues|insisted|insists|continued|continues|"
    "replied|replies|responded|responds|wrote|writes|tweeted|tweets|posted|declared|"
    "declares|announced|announces|claimed|claims|recalled|recalls|remarked|remarks|"
    "observed|observes|suggested|suggests|acknowledged|acknowledges|admitted|admits|"
    "conceded|concedes|complained|complains|joked|jokes|quipped|quips|predicted|predicts|"
    "promised|promises|vowed|vows|urged|urges|cautioned|cautions|emphasized|emphasised|"
    "emphasizes|emphasises|shouted|yelled|chanted|screamed|cried|concluded|concludes|"
    "agreed|agrees|countered|counters|lamented|laments|boasted|boasts|mused|muses|"
    "recounted|recounts|reiterated|reiterates|retorted|stated|states|testified|whispered|"
    "confirmed|confirms|pointed out|points out|shot back|went on|goes on|thundered|"
    "proclaimed|proclaims|exclaimed|assured|assures|maintained|maintains|contended|"
    "contends|demanded|demands|charged|charges|alleged|alleges|conceded|wondered|wonders|"
    "interjected|interrupted|began|begins|answered|answers|repeated|repeats|read|reads|"
    "texted|emailed|wrote back|added later|explained later|recalled later|tweeted out|"
    "cited|underscored|underlined|highlighted|clarified|affirmed|affirms|opined|adding|saying|"
    "asking|noting|writing|telling|explaining|arguing|stressing|warning|insisting|declaring|"
    "recalling|quipping|joking|tweeting|replying|responding|mocks|mocked|quoted|quoting|"
    "quotes|ask|add|write|insist|argue|warn|explain|told reporters|shouts|yells|sighed|"
    "sighs|laughed|laughs|ventured|deadpanned|marveled|marvelled|scoffed|scoffs|snapped|"
    "bragged|brags|gushed|fumed|huffed|pleaded|pleads|implored|begged|conceding|admitting|"
    "predicting|promising|vowing|urging|cautioning|emphasizing|emphasising|pointing out|"
    "announcing|claiming|calling|summed up|sums up|put it|puts it|wrote in|explained in|chanting|chants|chant|"
    "shouting|yelling|screaming|singing|sang|sings|cried out|crying|conclude|state|stating|"
    "remembered|remembers|recommended|recommends|boomed|reported|reports|reporting|"
    "advised|advises|beamed|called out|called back|called over|"
    "issued a statement|released a statement|issued the following statement|put out a statement"
)
COGNITION_VERBS = (
    "believes|believed|considers|considered|thinks|thought|argues|argued|contends|"
    "maintains|sees|views|expects|predicts|estimates|fears|hopes|worries|insists|"
    "acknowledges|suggests|notes|warns|says|said|told|added|explained|stressed|wrote|"
    "writes|noted|warned|urged|asserts|asserted|emphasized|emphasised|points out|"
    "pointed out|concluded|recalled|claimed|claims|announced|declared"
)
ADVERBS = r"(?:also|later|then|again|simply|previously|recently|once|further|flatly|quickly|only|repeatedly|often|had|has|have|would|will|has\s+long|once\s+again)"
NOT_SPEECH = {"used", "called", "named", "based", "listed", "published", "released", "reported",
               "needed", "wanted", "showed", "failed", "succeeded", "happened", "ended", "started",
               "owned", "opened", "closed", "elected", "appointed", "nominated", "reached"}

# --------------------------------------------------------------------- pronouns, determiners

PRONOUNS = {"he", "she", "they", "i", "we", "it", "you"}
PERSON_PRONOUNS = {"he", "she", "him", "her"}
INDEFINITE = {"a", "an", "one", "another", "some", "two", "three", "four", "several", "many",
               "hundreds", "thousands", "dozens", "millions", "scores", "crowds", "both", "all",
               "other", "others", "few", "most", "any", "someone", "somebody", "nobody"}

# --------------------------------------------------------------------- titles and roles

HONORIFICS = {"mr.", "mrs.", "ms.", "dr.", "mr", "mrs", "ms", "dr", "miss", "sir", "dame", "mx."}
TITLE_WORDS = {
    "president", "vice", "prime", "minister", "secretary", "sen.", "sen", "senator", "rep.",
    "representative", "gov.", "governor", "mayor", "gen.", "general", "lt.", "col.", "maj.",
    "adm.", "capt.", "sgt.", "cmdr.", "judge", "justice", "chief", "director", "chairman",
    "chairwoman", "chair", "speaker", "leader", "ambassador", "commissioner", "attorney",
    "king", "queen", "prince", "princess", "pope", "sheikh", "ayatollah", "imam", "rev.",
    "professor", "prof.", "ceo", "spokesman", "spokeswoman", "commander", "deputy",
    "assistant", "foreign", "defense", "defence", "interior", "finance", "supreme", "senate",
    "house", "majority", "minority", "whip", "press", "democrat", "republican", "democratic",
    "gop", "libertarian", "independent", "sens.", "reps.", "candidate", "nominee", "emir",
    "sultan", "cardinal", "bishop", "archbishop", "rabbi", "former", "acting", "lord",
    "counsel", "general's", "state", "treasury", "homeland", "security", "federal", "reserve",
    "chancellor", "premier", "envoy", "adviser", "advisor", "officer", "coach", "host",
    "anchor", "founder", "executive", "council", "councilman", "councilwoman", "congressman",
    "congresswoman", "del.", "lt", "gen", "col", "sgt", "atty.", "supt.", "insp.", "pres.",
}
ROLE_NOUNS = {
    "expert", "researcher", "analyst", "director", "spokesman", "spokeswoman", "spokesperson",
    "official", "minister", "president", "candidate", "leader", "chairman", "chairwoman",
    "adviser", "advisor", "aide", "professor", "economist", "strategist", "manager",
    "secretary", "senator", "governor", "commander", "chief", "founder", "host", "anchor",
    "reporter", "correspondent", "writer", "author", "lawyer", "attorney", "activist",
    "lawmaker", "congressman", "congresswoman", "representative", "nominee", "rival",
    "opponent", "ambassador", "envoy", "mayor", "judge", "general", "colonel", "officer",
    "member", "head", "coordinator", "pollster", "consultant", "specialist", "scholar",
    "historian", "journalist", "editor", "columnist", "billionaire", "businessman",
    "businesswoman", "mogul", "ceo", "student", "resident", "voter", "supporter", "veteran",
    "mother", "father", "wife", "husband", "son", "daughter", "brother", "sister", "friend",
    "chair", "fellow", "president-elect", "hopeful", "challenger", "incumbent", "operative",
    "organizer", "organiser", "pastor", "cleric", "scientist", "physician", "doctor",
    "surgeon", "engineer", "teacher", "diplomat", "politician", "legislator", "delegate",
    "deputy", "lieutenant", "captain", "sergeant", "soldier", "owner", "partner", "chancellor",
    "premier", "commissioner", "investigator", "prosecutor", "counsel", "witness", "victim",
    "colleague", "mate", "player", "coach", "actor", "actress", "singer", "comedian",
    "commentator", "blogger", "personality", "executive", "entrepreneur", "investor",
    "banker", "speaker", "whip", "nephew", "niece", "cousin", "uncle", "aunt", "grandson",
    "granddaughter", "grandmother", "grandfather", "employee", "worker", "director-general",
    "secretary-general", "sheriff", "detective", "superintendent", "trustee", "regent",
    "pundit", "contender", "secretary-designate", "designate", "observer", "thinker",
    "economists", "attorneys", "sen.", "rep.", "gov.", "justice", "imam", "sheikh",
    "ayatollah", "emeritus", "administrator", "dean", "provost", "principal",
    "rapporteur", "negotiator", "moderator", "interviewer", "panelist", "mediator", "militant", "fighter", "protester",
}
PARTY_WORDS = {"democrat", "republican", "independent", "libertarian", "conservative", "liberal",
                "progressive", "socialist", "member", "veteran", "native"}

# --------------------------------------------------------------------- names

PARTICLES = r"(?:al|el|bin|ibn|abu|van|von|de|da|di|du|del|della|der|den|la|le|dos|das|ben|bint|ould|al-|el-)"
SUFFIXES = {"jr.", "sr.", "jr", "sr", "ii", "iii", "iv"}
ABBREVIATIONS = (  # end in a period without ending the sentence (before the period)
    r"Mr|Mrs|Ms|Dr|Sen|Sens|Rep|Reps|Gov|Gen|Lt|Col|Jr|Sr|St|Sgt|Capt|Prof|Rev|Maj|Adm|Cmdr|Ft|Mt|"
    r"Inc|Co|Corp|Del|Atty|Supt|Pres|Gens|Insp|No|Calif|Mass|Fla|Ill|Pa|Va|Ga|Tenn|Ky|Wis|Mich|"
    r"Minn|Conn|Ariz|Colo|Nev|Ore|Wash|Tex|Okla|Ark|Ala|Miss|La|Md|Mo|Neb|Kan|Ind|Vt|N\.H|N\.J|"
    r"N\.Y|D-[A-Z][a-z]*|R-[A-Z][a-z]*"
)

# --------------------------------------------------------------------- clause words

FUNCTION_WORDS = {
    "the", "a", "an", "of", "in", "on", "at", "by", "for", "to", "from", "with", "and", "or",
    "but", "that", "which", "who", "whom", "when", "while", "as", "than", "this", "these",
    "those", "his", "her", "their", "its", "our", "my", "your", "is", "was", "were", "are",
    "be", "been", "has", "had", "have", "after", "before", "during", "under", "over", "into",
    "about", "against", "between", "without", "within", "says", "said", "told", "according",
    "if", "because", "since", "where", "what", "how", "why", "he", "she", "they", "it", "we",
    "i", "you", "not", "no", "also", "even", "so", "then", "there", "here", "like", "among",
}
SENTENCE_START_WORDS = {
    "the", "a", "an", "but", "and", "in", "on", "at", "for", "as", "if", "when", "while",
    "this", "that", "these", "those", "it", "he", "she", "they", "we", "i", "you", "after",
    "before", "during", "since", "still", "yet", "so", "then", "there", "here", "his", "her",
    "their", "its", "our", "my", "your", "what", "why", "how", "who", "where", "though",
    "although", "because", "instead", "meanwhile", "however", "now", "today", "last", "next",
    "asked", "later", "earlier", "according", "speaking", "even", "many", "some", "most",
    "both", "all", "no", "not", "one", "two", "three", "like", "unlike", "with",
    "without", "by", "from", "to", "of", "into", "over", "under", "among", "despite",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
}
INTRO_WORDS = {
    "after", "before", "during", "in", "on", "at", "as", "by", "for", "from", "with", "without",
    "when", "while", "since", "though", "although", "because", "if", "unless", "until", "once",
    "of", "later", "earlier", "still", "yet", "meanwhile", "however", "instead", "indeed",
    "ever", "here", "there", "back", "then", "now", "today", "yesterday", "tonight", "hours", "days",
    "weeks", "months", "years", "minutes", "moments", "last", "next", "this", "that", "asked",
    "speaking", "but", "and", "so", "also", "again", "contrast", "finally", "first",
    "separately", "similarly", "specifically", "elsewhere", "afterward", "afterwards", "soon",
    "like", "unlike", "despite", "according", "following", "under", "over", "about", "amid",
    "among", "against", "toward", "towards", "through", "throughout", "upon", "within", "to",
    "of course", "in fact", "recently", "previously", "just", "monday", "tuesday", "wednesday",
    "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "may",
    "june", "july", "august", "september", "october", "november", "december",
}
SUBJECT_STOP = {
    "is", "was", "were", "are", "has", "had", "have", "will", "would", "could", "can", "may",
    "might", "must", "should", "did", "does", "do", "also", "then", "later", "again", "went",
    "put", "got", "made", "took", "came", "gave", "left", "ran", "sat", "stood", "began", "held",
    "kept", "let", "met", "paid", "sent", "spent", "told", "thought", "wrote", "said", "says",
    "and", "but", "who", "which", "that", "in", "on", "at", "to", "for", "with", "as", "by",
    "from", "during", "after", "before", "when", "while", "not", "never", "still", "just",
}
NP_STOP = {"in", "on", "at", "during", "after", "before", "while", "when", "of", "to", "about",
            "who", "from", "last", "this", "earlier", "later", "via", "as", "recently", "yesterday",
            "today", "and", "referring", "adding", "noting", "told", "according"}
PLACE_HINT = {"u.s.", "united", "states", "america", "house", "senate", "congress", "white",
               "party", "state", "city", "county", "republic", "kingdom", "university", "news",
               "times", "post", "court", "department", "ministry", "committee", "council",
               "campaign", "iran", "iraq", "israel", "russia", "china", "washington", "tehran"}

# --------------------------------------------------------------------- Arabic

AR_SPEECH_VERBS = (  # past and present forms, with and without shadda
    r"قال|قالت|أضاف|أضافت|أكد|أكدت|أوضح|أوضحت|صرح|صرحت|تابع|تابعت|"
    r"أشار|أشارت|لفت|لفتت|شدد|شددت|اعتبر|اعتبرت|رأى|رأت|يقول|تقول|"
    r"يضيف|ذكر|ذكرت|أعلن|أعلنت|بيّن|بين|كتب|كتبت|صرّح|صرّحت|أكّد|"
    r"أكّدت|شدّد|شدّدت|بيّنت|أوضّح|تساءل|تساءلت|ختم|ختمت|استطرد|استدرك|نقل|"
    r"أفاد|أفادت"
)
AR_ROLE_NOUNS = {
    "وزير", "رئيس", "متحدث", "ناطق", "مدير", "نائب", "سفير", "قائد", "أمين", "عضو", "محافظ",
    "مستشار", "خبير", "محلل", "باحث", "كاتب", "أستاذ", "مبعوث", "زعيم", "عميد", "لواء", "عقيد",
    "شيخ", "جنرال", "مرشد", "مرشح", "ممثل", "مندوب", "مسؤول", "قاضي", "نقيب", "أمير", "ملك",
    "مفوض", "منسق", "مراسل", "محامي", "دكتور", "مصدر", "ضابط", "سكرتير",
}
AR_ROLE_LINKS = {"باسم", "في", "عن", "لشؤون", "العام"}
AR_STOP = {"إلى", "في", "خلال", "أمام", "عبر", "على", "بعد", "قبل", "يوم", "أمس", "اليوم", "مساء", "صباح",
            "إن", "أن", "إنه", "إنها", "بأن", "عن", "حول", "لدى", "مع"}

# --------------------------------------------------------------------- organisations

ORG_WORDS = {  # a capitalised name ending in one of these is an organisation, not a person
    "alliance", "association", "authority", "agency", "bank", "board", "bureau", "campaign",
    "center", "centre", "coalition", "commission", "committee", "company", "corp", "corp.",
    "corporation", "council", "court", "department", "federation", "foundation", "front",
    "fund", "group", "inc", "inc.", "institute", "league", "ltd", "ministry", "movement",
    "network", "office", "organization", "organisation", "party", "police", "press", "service",
    "society", "union", "university", "school", "college", "times", "post", "news", "journal",
    "club", "church", "army", "navy", "forces", "airlines", "port", "project", "trust", "bay",
    "street", "river", "county", "city", "state", "states", "republic", "kingdom", "house",
}

# --------------------------------------------------------------------- boilerplate

BOILERPLATE_LABELS = {  # upper-case labels opening a line that are not transcript speakers
    "correction", "corrections", "clarification", "update", "updated", "editor's note", "note",
    "email", "e-mail", "contact", "photo", "photos", "video", "watch", "read more", "related",
    "source", "sources", "credit", "credits", "disclosure", "disclaimer", "advertisement", "full text",
    "transcript", "caption", "listen", "subscribe", "follow", "tags", "topics", "share", "comments",
}
