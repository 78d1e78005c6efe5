"""The shapes of web page furniture: one test per kind of line, none about one site's wording.

Each rule describes a *shape* such lines have on any site: short, no sentence punctuation, a call
to action, a bare URL or image file name, a copyright sign, a skip-link, a widget's label. Body
paragraphs are long, punctuated sentences and never match.
"""
from __future__ import annotations

import re

from generator.words import count_words

_URL_ONLY = re.compile(r"^(?:<?(?:https?://|www\.)\S+>?|\S+\.(?:png|jpe?g|gif|webp|svg|avif)(?:\?\S*)?"
                       r"(?:\s*\(\d+\s*[×x]\s*\d+\))?)$", re.I)
COPYRIGHT = re.compile(r"^(?:©|\(c\)\s|c\.\s?\d{4}\s|copyright\b|all rights reserved)|\ball rights reserved\b|"
                       r"جميع الحقوق محفوظة", re.I)
# The owner in "© 2026 Name", "Copyright © 2017 Name. All rights reserved.", "© Name L.P. 2024":
# company suffixes with full stops ("L.P.", "Inc.", "Co.") belong to the name.
_COMPANY_SUFFIX = r"(?:L\.\s?P\.|L\.\s?L\.\s?C\.|Inc\.|Ltd\.|Co\.|Corp\.|S\.\s?A\.|N\.\s?V\.|P\.\s?L\.\s?C\.|A\.\s?G\.)"
COPYRIGHT_OWNER = re.compile(
    r"^[(\[]?(?:©|\(c\)|c\.(?=\s?\d{4}\s)|copyright)\s*:?\s*(?:(?:©|\(c\)|copyright)\s*)*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?"
    r"(?:by\s+)?"
    r"(?P<owner>(?:[^\d©|.,]|\.(?=[A-Za-z]{2,}\b)|,\s*(?=" + _COMPANY_SUFFIX + r"))+?"
    r"(?:\s*" + _COMPANY_SUFFIX + r")?)"
    r"\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*(?:[.,|].*)?$", re.I)
_SUFFIX_DOT = re.compile(r"(?:,\s*)?(?:" + _COMPANY_SUFFIX + r"|\b(?:LLC|LLP|Ltd|GmbH|PLC|Limited|SARL|S\.?A\.?S)\b)")


def copyright_owner(line: str) -> str | None:
    """The owner a copyright line names, company suffixes ("L.P.", ", Inc.", ", LLC") kept whole."""
    protected = _SUFFIX_DOT.sub(lambda m: m.group(0).replace(".", "\x00").replace(",", "\x01"), line)
    match = COPYRIGHT_OWNER.match(protected)
    if not match:
        return None
    owner = re.sub(r"\x00\s.*$", "\x00", match.group("owner"))  # "L.P. All rights reserved" ends at "L.P."
    return owner.replace("\x00", ".").replace("\x01", ",").strip(" -–|") or None


# The page's footer starts at a full copyright notice: "© 2026 X", "Copyright 2017 X. All rights reserved."
FOOTER_COPYRIGHT = re.compile(r"^(?:copyright\s*:?\s*)?(?:©|\(c\))\s*(?:\d{4}|[A-Z])|^copyright\s+\d{4}|"
                              r"\ball rights reserved\b", re.I)

# Calls to action and page furniture. Matched only on short lines (see is_boilerplate).
_CTA = re.compile(
    r"\b(?:subscribe|sign[ -]?up|sign in|log ?in|newsletters?|unsubscribe|inbox|"
    r"continue reading|keep reading|read more|read also|also read|see also|more from|discover more|"
    r"related (?:posts?|articles?|stories|news|content|coverage|topics)|you may (?:also )?like|"
    r"recommended (?:for you|stories|articles)|most (?:read|popular|viewed|recent)|trending|"
    r"leave a (?:reply|comment)|post (?:a )?comment|comments?(?: \(\d+\))?$|\d+ comments?|no comments|"
    r"required fields|email address will not be published|cancel reply|"
    r"share (?:this|on|via|the article|article)|share$|follow us|social (?:links|media)|"
    r"click here|tap here|download (?:the|our) app|get (?:the|our) app|advertisement|sponsored|"
    r"cookie|privacy policy|terms of (?:use|service)|all rights reserved|skip to (?:the )?(?:main )?content|"
    r"back to top|top of (?:the )?page|print this|listen to (?:this|the) article|full archive|get access|"
    r"our standards|take a tour|watch video|latest videos|upcoming events|media kit|ad rates|"
    r"never\s+miss\s+(?:a|an|another|the)\b|get\s+(?:daily|weekly|breaking|the\s+latest)\b[^.!?]{0,30}\b(?:news|updates|alerts|headlines)\b|"
    r"tu\s+suscripci[oó]n|suscr[ií]bete|abonnez-vous|votre\s+abonnement|jetzt\s+abonnieren|assine\s+(?:já|agora)|sua\s+assinatura|"
    r"contact us|about us|posted in|categor(?:y|ies)\s*:|fact[- ]checked by|editorial (?:standards|guidelines|policy)|powered by|advertise (?:with|here|on)|alexa|google assistant|flash briefing|"
    r"\d+[ -]min(?:ute)?s?(?: read|$)|(?:updated|published|posted)\s+\d+\s+(?:second|minute|hour|day|week)s?\s+ago|"
    r"tags?:|tagged:?|filed under|photo:|image:|caption:|credit:|source:|logo|masthead|getty images|reuters/|"
    # a social network named in a prompt ("Follow us on Twitter", "Twitter: @vnn"), not in a headline about it
    r"(?:follow|share|join|like|find|connect\s+with|watch|listen|chat\s+with|message)\s+(?:us\s+|it\s+|this\s+)?(?:on|via|at)\s+"
    r"(?:whatsapp|facebook|twitter|telegram|linkedin|instagram|youtube|tiktok|pinterest|reddit|x)|"
    r"(?:whatsapp|facebook|twitter|telegram|linkedin|instagram|youtube|tiktok|pinterest|reddit)\s*(?::\s*@|@|\|)|email this|"
    # the same furniture on Arabic sites: read also/more, subscribe, newsletter, follow us, share, related
    r"اقرأ أيضا|اقرأ أيضاً|اقرأ المزيد|إقرأ أيضا|اشترك|النشرة البريدية|تابعونا|تابعنا|شارك|مشاركة|"
    r"ذات صلة|اضغط هنا|جميع الحقوق محفوظة|أضف تعليق|اترك تعليقا)(?:\b|(?<=:))",
    re.I,
)
# Furniture that is furniture at any length: skip-links and accessibility links, archive labels,
# cookie notices, syndication notices, "continue reading" widgets, alt texts of images.
_FURNITURE_ANY_LENGTH = re.compile(
    r"^(?:please\s+)?(?:(?:skip(?:ping)?|jump|go)\s+(?:to|the)\s+(?:the\s+)?(?:main\s+)?"
    r"(?:content|menu|navigation|text|footer|search|article|story)|"
    # accessibility and navigation widgets, also in the other languages pages are written in
    r"skip\s+(?:main\s+)?(?:navigation|links?)$|accessibility\s+(?:links|help|statement|options|menu|settings)$|toggle\s+(?:the\s+)?(?:navigation|menu|search)$|"
    r"(?:open|close|show|hide)\s+(?:the\s+)?(?:main\s+)?(?:menu|navigation|search)$|main\s+(?:menu|navigation)$|"
    r"(?:text|font)\s+size\b[^.!?]{0,20}$|you\s+are\s+here\s*(?::|$)|"
    r"(?:aller|passer)\s+au\s+contenu\b|(?:direkt\s+)?zum\s+inhalt\b(?:\s+springen)?$|springe?\s+zum\s+inhalt\b|"
    r"(?:ir|saltar)\s+al\s+contenido\b|pular\s+para\s+o\s+conte[uú]do\b|vai\s+al\s+contenuto\b|"
    r"(?:انتقل|تخطى|تخطي|الانتقال)\s+(?:إلى|الى)\s+المحتوى|"
    r"(?:please\s+)?view\s+the\s+main\s+(?:text|content)\b.*\bskipping\b|"
    r"(?:tag|category|author|date|monthly)\s+archives?\s*:|archives?\s+(?:for|of)\s+(?:the\s+)?[^.!?]{1,40}\s+(?:category|tag|label)$|"
    r"(?:showing|displaying)\s+posts\s+(?:with\s+(?:the\s+)?label|from|for|matching|tagged)\b|posts?\s+tagged\b[^.!?]{0,40}$|"
    r"(?:browsing|search\s+results\s+for)\s*(?:category|tag)?\s*:|"
    r"archives?\s+de\s+(?:la\s+)?(?:catégorie|l['’]étiquette)|(?:etiqueta|categoría|schlagwort|kategorie)\s*:|you\s+are\s+(?:reading|viewing|browsing)\s+(?:about|in)?\s*:|"
    r"\(?\s*(?:the\s+)?(?:article|story)\s+continues\s+(?:below|after)\b[^.]{0,30}\)?$|"
    r"\(?(?:this|the)\s+(?:story|article|report|content)\s+(?:has\s+not\s+been|was\s+not|is\s+auto|was\s+auto|"
    r"has\s+been\s+(?:auto|published\s+from)|is\s+published\s+from)[^)]{0,160}(?:feed|wire|agency|staff)\b|"
    # a syndication credit: "This story was provided by the X Agency", "This article is supplied by X"
    r"\(?(?:this|the\s+following)\s+(?:story|article|content|piece|post)\s+(?:was|is|has\s+been)\s+"
    r"(?:provided|supplied|distributed|contributed)\s+(?:to\s+us\s+)?(?:by|through|via)\b|"
    r"we\s+use\s+cookies\b|(?:this|our)\s+(?:web)?site\s+uses\s+cookies\b|by\s+(?:continuing\s+to\s+)?(?:use|using|browse|browsing)"
    r"\s+(?:this|our)\s+(?:web)?site\b|(?:accept|reject|allow)\s+(?:all\s+)?cookies\b|cookie\s+(?:settings|preferences|policy)$|"
    r"(?:please\s+)?(?:enable|turn\s+on)\s+javascript\b|javascript\s+(?:is\s+)?(?:disabled|required)\b|"
    # related-article headings and pointers, also in French, Spanish, German, Italian, Portuguese
    r"you\s+(?:might|may)\s+(?:also\s+)?(?:like|enjoy|be\s+interested(?:\s+in)?)\b[^.!?]{0,40}$|don['’]t\s+miss\b[^.!?,]{0,60}$|"
    r"also\s+on\s+[\w .&'’-]{2,40}$|more\s+(?:stories\s+)?like\s+this$|(?:à\s+)?lire\s+(?:aussi|également|la\s+suite)\b|"
    r"sur\s+le\s+même\s+sujet\b|vous\s+aimerez\s+(?:aussi|également)\b|leer\s+m[aá]s\b|lea\s+(?:también|más)\b|"
    r"te\s+puede\s+interesar\b|(?:noticias|art[ií]culos|notas)\s+relacionad[ao]s\b|weiterlesen\b|mehr\s+zum\s+thema\b|"
    r"lesen\s+sie\s+(?:auch|mehr|hier)\b|das\s+könnte\s+sie\s+(?:auch\s+)?interessieren\b|leggi\s+(?:anche|tutto)\b|"
    r"(?:veja|leia)\s+(?:também|mais)\b|"
    # the next and previous posts of a blog or listing page
    r"(?:next|previous|prev|older|newer)\s+(?:post|article|story|entry|page)\b[^.!?]{0,100}$|"
    r"(?:next|previous|prev|up\s+next|coming\s+up)\s*[:|»›]\s*\S|"
    # trust statements and page labels above the story
    r"trust\s+(?:statement|indicators?)$|fact[- ]checked$|"
    r"(?:this|the)\s+(?:article|story|page|content)\s+is\s+more\s+than\s+\w+\s+(?:years?|months?|days?)\s+old\b|"
    r"the\s+views\s+(?:and\s+opinions\s+)?expressed\s+(?:in\s+this\s+\w+\s+|here\s+)?(?:are|is)\b|"
    r"(?:have|got)\s+a\s+(?:news\s+)?(?:tip|story(?:\s+idea)?)\s*\?|"
    # "(With inputs from agencies)", "With inputs from PTI": the wire's share of the story
    r"[(\[—–-]*\s*with\s+(?:inputs?\s+from\s+[\w&/ ,.'’-]{2,40}|agency\s+inputs)\s*[)\]]?\.?$|"
    # funding notes and follow-our-coverage pointers
    r"(?:this|the)\s+(?:content|article|story|report|series|project|coverage|reporting)\s+(?:was|is)\s+"
    r"(?:funded|supported|sponsored|paid\s+for|made\s+possible)\s+(?:in\s+part\s+)?by\b|"
    r"support\s+for\s+(?:this|our)\s+(?:reporting|coverage|journalism|series|story)\s+(?:comes|is\s+provided)\b|"
    r"for\s+more\s+(?:coverage|news|updates|stories)\b[^.!?]{0,80}\bfollow\b|"
    r"follow\s+(?:our|the)\s+(?:live\s+)?(?:coverage|updates|blog)\b|"
    # comment sections closed, comment-form fields and their notices, in several languages
    r"comments\s+are\s+closed\b|(?:los\s+)?comentarios\s+(?:están\s+)?cerrados|(?:les\s+)?commentaires\s+(?:sont\s+)?fermés|"
    r"kommentare\s+(?:sind\s+)?geschlossen|commenti\s+chiusi|التعليقات\s+مغلقة|"
    r"[^\s.!?*]{1,25}(?:\s+[^\s.!?*]{1,25}){0,2}\s*\*$|"
    r"(?:save|guardar|enregistrer|salva|salvar)\s+(?:my|mi|mon|il\s+mio|meu|o\s+meu)\s+(?:name|nombre|nom|nome)\b|"
    r"meinen\s+namen,?\s+(?:meine\s+)?e-?mail|notify\s+me\s+of\s+(?:follow-?up\s+comments|new\s+(?:posts|comments))\b|"
    r"(?:avísame|recibir\s+un\s+aviso|prévenez-moi|benachrichtige\s+mich)\b|this\s+site\s+uses\s+akismet\b|"
    # cookie notices in other languages
    r"(?:diese|unsere)\s+(?:webseite|seite|website)\s+(?:verwendet|nutzt)\s+cookies|(?:ce|notre)\s+site\s+utilise\s+(?:des\s+)?cookies|"
    r"(?:este|nuestro)\s+(?:sitio(?:\s+web)?|portal|site)\s+(?:utiliza|usa)\s+cookies|questo\s+sito\s+(?:utilizza|usa)\s+(?:i\s+)?cookie|"
    r"(?:يستخدم\s+هذا\s+الموقع|هذا\s+الموقع\s+يستخدم)\s+(?:ملفات\s+)?(?:تعريف\s+الارتباط|الكوكيز)|"
    # syndication and print notices
    r"this\s+material\s+may\s+not\s+be\s+(?:published|reproduced)\b|a\s+version\s+of\s+this\s+(?:article|story)\s+appears?\s+in\s+print\b|"
    # a note to the readers asking for feedback or money: "Dear readers! ... fill out this form ..."
    r"dear\s+readers?\b[^\n]{0,200}?\b(?:fill\s+(?:out|in)|survey|questionnaire|donat|support\s+us|subscribe|feedback)|"
    r"your\s+(?:opinion|feedback|support)\s+(?:matters|counts)\b[^.]{0,40}$|"
    # image widgets and shortcodes: "[caption id=...]", "Click to enlarge", "toggle caption", "Image via X"
    r"\[/?(?:caption|gallery|embed|video|audio|img)\b[^\]]*\]|(?:click|tap)\s+(?:to|here\s+to)\s+(?:enlarge|zoom|expand)\b|"
    r"enlarge\s+this\s+image$|(?:toggle|hide|show)\s+caption$|(?:image|photo|picture)s?\s+(?:via|by|from|courtesy(?:\s+of)?)\s+[^.!?]{2,60}$|"
    r"read\s+the\s+(?:full|whole|complete|original)\s+(?:story|article|report|text)\s+(?:here|at|on)\b[^.!?]{0,60}$|sources\s*:\s*\S|"
    # WordPress widgets and post headers: "Like this:", "Like Loading...", "Posted by admin on March 4, 2025"
    r"like\s+this\s*:$|like\s+loading\b|be\s+the\s+first\s+to\s+like\s+this\b|"
    r"(?:posted|published|submitted|written)\s+by\s+[^.!?]{2,40}?\s+(?:on|at)\s+[^.!?]{0,30}\d{4}\b[^.!?]{0,25}$|"
    r"special\s+to\s+(?:the\s+)?[A-Z][^.!?]{1,50}$|"
    # app and audio prompts
    r"(?:open|read|continue|view)\s+(?:this\s+(?:story|article)\s+)?in\s+(?:the\s+|our\s+)?app$|"
    r"(?:listen\s+to|hear)\s+(?:this\s+)?(?:story|article|podcast)$|"
    # wire notices: how to reach the reporters and editors, where to follow the coverage, who funds it
    r"to\s+contact\s+the\s+(?:reporters?|editors?|authors?|writers?)\b|"
    r"(?:follow|find\s+more|read\s+more|see\s+more|more\s+of)\s+[\w.&’'-]+(?:['’]s)?\s+(?:full\s+)?(?:coverage|reporting)\s+(?:of|on|at|about)\b|"
    r"(?:the\s+)?[\w.&’' -]{2,40}\s+receives\s+(?:financial\s+)?support\s+from\b.{0,200}\b(?:coverage|content|journalism|reporting)\b|"
    r"[\w.&’' -]{2,40}\s+is\s+solely\s+responsible\s+for\s+all\s+content\b|"
    r"(?:this|the)\s+(?:story|article|report|coverage|content)\s+(?:was|is)\s+(?:produced|published|supported|funded|made\s+possible)"
    r"\s+(?:in\s+partnership\s+with|with\s+(?:the\s+)?(?:support|funding|help)\s+of|with\s+support\s+from|by\s+a\s+grant)\b|"
    # comment policies and comment forms, also in the other languages pages are written in
    r"(?:our\s+|read\s+our\s+|please\s+read\s+our\s+)?comments?\s+(?:policy|guidelines|are\s+(?:moderated|closed|reviewed))\b|"
    r"(?:we\s+welcome|please\s+keep)\s+(?:your\s+)?comments\b|"
    r"(?:deja|dejar|deixe|deixar|lascia|laisser|laissez)\s+(?:un|una|uma|une|tu|votre|seu)\s+(?:comentario|comentário|commento|commentaire|respuesta|resposta|réponse)|"
    r"(?:cancelar|annuler|antworten)\s+(?:respuesta|resposta|la\s+réponse|abbrechen)|kommentar\s+(?:schreiben|verfassen|hinterlassen)|"
    r"schreibe?\s+einen\s+kommentar\b|لن\s+يتم\s+نشر\s+(?:عنوان\s+)?بريدك|(?:أضف|اترك|اكتب)\s+(?:تعليق|ردا|رداً)|"
    r"(?:tu|su|votre|seu|o\s+seu|deine|ihre|la\s+tua)\s+(?:dirección\s+de\s+correo|adresse\s+(?:e-)?mail|endereço\s+de\s+e-?mail|"
    r"e-?mail-adresse|indirizzo\s+email)\b|"
    # app and voice-assistant prompts, trust statements
    r"(?:download|get|install|open)\s+(?:the|our)\s+(?:free\s+)?[\w ]{0,25}\bapp\b|"
    r"(?:ask|tell)\s+(?:alexa|siri|google)\b|(?:listen|enable)\s+[^.]{0,40}\b(?:alexa|google\s+assistant|flash\s+briefings?|smart\s+speakers?)\b|"
    r"why\s+you\s+can\s+trust\b|"
    # related-article pointers: "Related: ...", "READ MORE | ...", "Also read: ..."
    r"(?:related|read\s+more|read\s+also|also\s+read|see\s+also|recommended|more\s+on\s+this(?:\s+story)?|more|watch|listen)"
    r"\s*[:|]\s|"
    # "scroll down to read the complete text", a place's dateline alone on its line ("MOSCOW --")
    r"scroll\s+(?:down|up|to\s+(?:the\s+)?top)\b|(?:::|>>|»)\s+\S[^.!?]{0,120}$|"
    r"(?:media|image|video)\s+(?:caption|source)\b|live\s+updates$|no\s+sidebar$|"
    r"(?-i:[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+){0,3})\s*[-–—]{1,2}$|"
    # a photo credit alone in brackets: "(Saul Loeb/AFP/Getty Images)", "[(Jane Roe/Reuters)]"
    r"[\[(]{1,2}[^()\[\]]{2,60}/[^()\[\]]{2,60}[)\]]{1,2}$|"
    # a wire's note to editors: "(ATTN: ADDS photo, more info in paras 7-10)", "(EDS: Updates with quotes)"
    r"\(\s*(?:attn|eds?|editors?|note\s+to\s+editors)\s*:[^()]{2,200}\)$|"
    # a breaking-news notice above an earlier version of the story
    r"this\s+is\s+a\s+breaking\s+news\s+update\b|check\s+back\s+(?:soon|later|shortly)\s+for\s+(?:further|more|updates)\b|"
    # a comment prompt, a donation appeal, a blog template's greeting
    r"join\s+the\s+(?:conversation|discussion|debate)\b|"
    r"we(?:['’]re|\s+are)\s+(?:only\s+)?(?:here|able\s+to\s+do\s+this)\s+(?:thanks\s+to|because\s+of)\s+(?:you|our\s+readers)\b|"
    r"(?:/?\s*(?:posted\s+)?on\s*:\s*\d{1,2}:\d{2}\s*[ap]\.?m\.?\s*/\s*)?thank\s+you\s+for\s+visiting\s+(?:my|our|this)\s+"
    r"(?:small\s+|little\s+|humble\s+)?(?:blog|site|website|web\s+site|page|channel)\b|"
    # a broken or missing widget's message
    r"(?:this|the)\s+(?:block|widget|module|embed|embedded\s+content|player)\s+(?:is|was|has\s+been)\s+"
    r"(?:broken|missing|unavailable|not\s+available|removed)\b|your\s+browser\s+does\s+not\s+support\b|"
    # a link to the story in another language: "Read in Russian here", "Read this article in Spanish"
    r"read\s+(?:this\s+(?:article|story|post)\s+|it\s+)?in\s+(?-i:[A-Z][a-z]{3,12})(?:\s+here)?\s*[.:]?$|"
    # a print page's masthead: "- Global Voices - https://globalvoices.org -"
    r"[-–—|]\s*[^.!?]{2,60}?\s*[-–—|]\s*(?:https?://|www\.)\S+\s*[-–—|]?$|"
    # a promotion in brackets: "(To receive our E-paper on WhatsApp daily, please click here. ...)"
    r"\([^()]{0,200}\b(?:click\s+here|subscribe|e-?paper|download\s+(?:our|the)\s+app)\b[^()]{0,200}\)$|"
    # the site's weather and date header: "38.6c New Delhi, India, Wednesday, November 26, 2025"
    r"-?\d{1,2}(?:[.,]\d)?\s*°?\s*[cf]\b[^.!?]{0,60}\b\d{4}$|"
    # an image's file name with a timestamp: "fili flood-1666964682755"
    r"[\w -]{1,40}[-_]\d{9,}$|"
    # counters and search and edition widgets: "165 total views today", "Close this search box.",
    # "English Edition", a language flag's alt text ("Bandera inglesa", "English flag")
    r"\d[\d,.]*\s+(?:total\s+)?(?:views?|reads?|shares?)(?:\s+today)?$|(?:close|open)\s+(?:this\s+)?search\s+(?:box|form|bar)\b|"
    r"(?:english|international|global|french|spanish|arabic|us|uk|asia|africa|europe)\s+edition$|"
    r"(?:bandera|drapeau|flagge|bandeira)\s+[\w-]+$|[\w-]+\s+flag$|"
    # a video player's own text: "0 seconds of 0 secondsVolume 0%", "Press shift question mark to access ..."
    r"\d+\s+seconds?\s+of\s+\d+\s+seconds?|press\s+shift\s+question\s+mark\b|"
    # a credit for the page's images: "The above images are all from the Associated Press."
    r"(?:the\s+)?(?:above\s+)?(?:images?|photos?|pictures?)\s+(?:above\s+)?(?:are|is)\s+(?:all\s+)?(?:from|by|courtesy\s+of)\b[^.!?]{2,60}[.]?$)",
    re.I,
)
# "Article continues after this advertisement": the page's inline widget, glued to a paragraph.
INLINE_FURNITURE = re.compile(
    r"\(?\s*(?:the\s+)?(?:article|story)\s+continues\s+(?:below|after)\s+(?:this\s+|the\s+)?"
    r"(?:advertisement|advert|ad|image|video|photo|graphic)\s*\)?|"
    r"\s*continue\s+reading\s+the\s+main\s+story\b|"
    r"^advertisement(?=(?-i:[A-Z]))|^-\s*advertisement\s*-\s*",
    re.I,
)
_INLINE_HINTS = ("continue", "advertisement")
# A page builder's formatting shortcodes left in the text: "[dropcap]I[/dropcap]N an unusual move".
# Only the markup goes; the letters it wraps are the article's.
SHORTCODE = re.compile(r"\[/?(?:dropcap|highlight|pullquote|tooltip|su_[a-z_]+|tie_[a-z_]+|vc_[a-z_]+|et_pb_[a-z_]+|"
                       r"(?:one|two)_(?:half|third|fourth)(?:_last)?)(?:\s[^\]]{0,80})?\]", re.I)


def has_inline_furniture(line: str) -> bool:
    """Cheap test first: the inline widgets all contain one of a few words."""
    lower = line[:60].lower() if len(line) > 60 and "continue" not in line.lower() else line.lower()
    return any(h in lower for h in _INLINE_HINTS) and bool(INLINE_FURNITURE.search(line))


# "Jane Roe/AFP", "John Doe / Reuters": a photographer's credit alone on its line.
PHOTO_CREDIT_LINE = re.compile(r"^[A-Z][\w.'’-]+(?:\s[A-Z][\w.'’-]+){1,3}\s*/\s*[A-Z][A-Za-z.-]+"
                               r"(?:\s(?:Images|Photos?|Pictures))?$")
# A caption closing with its credit: "... a historic occasion. Photo / AP", "... Photo: Jane Roe/Reuters".
CAPTION_CREDIT = re.compile(r"\b(?:photo|picture|image|file\s+photo|photograph)s?\s*(?:/|:|\|)\s*[\w .&/'’-]{1,40}$|"
                            r"[.!?]\s+(?:photo|picture|image|photograph)s?\s+(?:courtesy\s+of|by|via)\s+[^!?]{2,60}$", re.I)


# An image's alt text or file description left as a line: "image of CT scan of a molar".
_ALT_TEXT = re.compile(r"^(?:an?\s+)?(?:image|photo|picture|illustration|screenshot|graphic|icon|thumbnail)"
                       r"\s+(?:of|showing)\s+[a-z]", re.I)
# Widget buttons and icon ligature names left as text: "More info OK", "folder_openLebanon".
_BUTTONS = re.compile(r"^(?:(?:more\s+info|ok|okay|accept(?:\s+all)?|agree|i\s+agree|got\s+it|close|dismiss|"
                      r"reject(?:\s+all)?|now\s+live|live|play|next|previous|prev|menu|search|home)[\s!.]*){1,4}$", re.I)
_ICON_LIGATURE = re.compile(r"\b[a-z]+_[a-z]+(?=[A-Z\d]|\s|$)")
_VIDEO_TIME = re.compile(r"^\d{1,2}:\d{2}(?::\d{2})?\s*(?:mins?\.?|minutes?)?\.?$", re.I)
_SOCIAL_WORDS = re.compile(r"^(?:(?:facebook|twitter|x|whatsapp|telegram|linkedin|instagram|youtube|"
                           r"tiktok|pinterest|reddit|email|print|copy link|share)[\s,|•·/]*)+$|"
                           r"^(?:facebook|twitter|whatsapp|telegram|linkedin|instagram|youtube|tiktok|pinterest|reddit)\.$|"
                           # an image taken from a network, credited so: "Facebook/Jane Roe."
                           r"^(?:facebook|twitter|instagram|youtube|linkedin|tiktok)\s*/\s*[^/.]{2,40}\.?$|"
                           # a style sheet's rules left in the text: ".bio-text, .twitter-bio {"
                           r"^[.#][\w-]+(?:\s*,\s*[.#][\w-]+)*\s*\{$", re.I)
# "Reporting by X; Editing by Y", "(Additional reporting by X)": the wire's credits, not the story.
CREDIT = re.compile(r"^[(\[]?(?:(?:additional\s+)?reporting|writing|written|editing|edited|compiled|produced|"
                    r"graphics|photos?|research|fact-checking)\s+by\s+(?P<names>[^;)\]]{3,120})", re.I)
# "Home > World > Asia", "News | Politics | Europe", "Home»World»Asia": a '>', '/' or '|' is a separator
# only with spaces around it, so that markup in a headline ("Say <b>Bold</b> Things") is no breadcrumb.
BREADCRUMB = re.compile(r"^[^.!?]{1,80}(?:(?:\s+[>/|]\s+|\s*[»›]\s*)[^.!?>»›/|]{1,40}){2,}$")
_SENTENCE_END = re.compile(r"[.!?…。！？]['\"’”»)」』]?$|[.!?。！？][’”\"」』]\s")
# Letters of scripts written without spaces or in their own alphabet (Hangul, kana, Han).
_CJK_LETTER = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
_LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f]")


# "News | Analysis", "World": a line of section names only.
SECTION_WORDS = {"news", "world", "politics", "business", "sport", "sports", "opinion", "culture", "science",
                 "health", "home", "latest", "top stories", "local", "national", "international", "economy",
                 "tech", "technology", "entertainment", "lifestyle", "middle east", "africa", "asia",
                 "europe", "americas", "video", "videos", "analysis", "features", "feature", "blog", "blogs",
                 "breaking news", "editorial", "editorials", "comment", "commentary", "interview", "interviews",
                 "region", "regional", "society", "environment", "climate", "education", "arts", "life", "nation",
                 "metro"}
_SECTION_SPLIT = re.compile(r"\s*[|/•·>»›,&]\s*|\s+and\s+")


def is_section_line(line: str) -> bool:
    parts = [p for p in _SECTION_SPLIT.split(line.strip().lower().rstrip(".:")) if p]
    return bool(parts) and len(parts) <= 6 and all(p in SECTION_WORDS for p in parts)


def words(line: str) -> int:
    """Words of a line, in any script (Chinese, Japanese, Thai ... are written without spaces)."""
    return len(line.split()) if line.isascii() else count_words(line)


def is_sentence(line: str) -> bool:
    return bool(_SENTENCE_END.search(line))


# A quotation or an attribution in a sentence: what a person said is prose, whatever its words.
_ATTRIBUTED = re.compile(r"(?<![=\w])[“\"«][^”\"»<>=]*\s[^”\"»<>=]*[”\"»]|,\s+(?:he|she|they|we|I)\s+(?:said|says|told|added|asked)\b|"
                         r"\b(?:said|says|told)\s+(?:the\s+)?[A-Z]?[a-z]+\b[^.]{0,40}[.!?]$|"
                         r",\s+(?:\w+\s+){1,3}(?:said|says|added|reported)\.$")


def is_boilerplate(line: str, count: int | None = None) -> bool:
    """True when a line has the shape of page furniture rather than article prose.

    ``count``: the line's word count (:func:`words`), when the caller has it."""
    if count is None:
        count = words(line)
    if _URL_ONLY.match(line) or _SOCIAL_WORDS.match(line) or _VIDEO_TIME.match(line) or (
            count <= 12 and is_section_line(line)):
        return True
    if count <= 40 and CREDIT.match(line):
        return not (is_sentence(line) and _ATTRIBUTED.search(line))  # "Photos by X show ..., officials said."
    if count <= 25 and COPYRIGHT.search(line):
        return True
    if count <= 80 and COPYRIGHT.match(line) and FOOTER_COPYRIGHT.search(line):
        return True  # "Copyright © 2017 X. All rights reserved. Distributed by ..."
    if count <= 60 and _FURNITURE_ANY_LENGTH.match(line):
        return True
    if count <= 40 and _CLICK_HERE.search(line) and not _ATTRIBUTED.search(line):
        return True  # "Breaking News, ... get paid in US Dollars, click hereto apply today."
    if count <= 50 and CAPTION_CREDIT.search(line):
        return True
    if count <= 6 and PHOTO_CREDIT_LINE.match(line):
        return True
    if count <= 30 and line[:3].lower() == "by " and byline_head(line):
        return False  # "By Jane Roe March 4, 2025 1 Comments": a byline, kept for the headline's sake
    if count <= 16 and _CTA.search(line):
        # A quoted sentence or a long statement that mentions "subscribe" is prose, not a prompt.
        if is_sentence(line) and _ATTRIBUTED.search(line):
            return False  # a speaker's words: "Share it," he said.
        return not (count >= 10 and is_sentence(line) and not line.lower().startswith(("subscribe", "sign up")))
    if count <= 40 and _is_dot_menu(line):
        return True
    if count <= 12 and not is_sentence(line) and (
            (BREADCRUMB.match(line) and not is_page_title(line)) or _is_language_switch(line) or _is_glued_widget(line) or _ALT_TEXT.match(line) or _BUTTONS.match(line)
            or (count <= 8 and _ICON_LIGATURE.search(line))):
        return True
    return False


_CLICK_HERE = re.compile(r"\b(?:click|tap)\s*here", re.I)
# "About Us . Contact Us . Xinhua . China Daily .": a footer menu, its items separated by spaced dots.
_DOT_SEPARATOR = re.compile(r"\s+[.·•]\s+|\s+[.·•]$")


def _is_dot_menu(line: str) -> bool:
    if " . " not in line and " · " not in line and " • " not in line:
        return False
    parts = [p for p in _DOT_SEPARATOR.split(line.strip()) if p.strip(" .·•")]
    return len(parts) >= 4 and all(words(p) <= 4 for p in parts)


def is_page_title(line: str) -> bool:
    """"Headline of four words or more | Section | Outlet": a page's title, not a breadcrumb."""
    parts = [p.strip() for p in line.split(" | ")]
    return (len(parts) >= 2 and words(parts[0]) >= 4 and not is_sentence(parts[0])
            and all(p and words(p) <= 4 for p in parts[1:]))


# A language switcher: "English | Español", "EN | FR | AR", "Français / Deutsch".
_LANGUAGE_WORDS = {
    "english", "español", "espanol", "spanish", "français", "francais", "french", "deutsch", "german", "italiano",
    "italian", "português", "portugues", "portuguese", "русский", "russian", "українська", "ukrainian", "العربية",
    "عربي", "arabic", "فارسی", "persian", "farsi", "türkçe", "turkish", "中文", "简体中文", "繁體中文", "chinese", "日本語",
    "japanese", "한국어", "korean", "हिन्दी", "hindi", "اردو", "urdu", "bahasa", "indonesia", "kiswahili", "swahili",
    "nederlands", "dutch", "polski", "polish", "עברית", "hebrew", "tiếng việt", "ελληνικά", "svenska", "română"}
_LANGUAGE_SPLIT = re.compile(r"\s*[|/•·,]\s*|\s+")


def _is_language_switch(line: str) -> bool:
    tokens = [t for t in _LANGUAGE_SPLIT.split(line.strip()) if t]
    return len(tokens) >= 2 and all(t.lower() in _LANGUAGE_WORDS or (len(t) == 2 and t.isupper() and t.isalpha())
                                    for t in tokens) and any(len(t) > 2 or t not in _COUNTRY_CODES for t in tokens)


_COUNTRY_CODES = {"US", "UK", "EU", "UN"}


# Widget labels glued together by the page's text extraction: "Video PlayerClose", "ShareTweetEmail".
_WIDGET_WORDS = {"video", "player", "close", "open", "share", "tweet", "comment", "comments", "more", "menu", "play",
                 "pause", "search", "print", "email", "next", "previous", "prev", "home", "login", "subscribe", "watch",
                 "listen", "copy", "link", "save", "mute", "unmute", "fullscreen", "ad", "advertisement", "loading", "reply"}
_CAMEL_JOIN = re.compile(r"(?<=[a-z])(?=[A-Z])|\s+")


def _is_glued_widget(line: str) -> bool:
    if len(line) > 60 or not re.search(r"[a-z][A-Z]", line):
        return False
    parts = [p.lower() for p in _CAMEL_JOIN.split(line.strip()) if p]
    return len(parts) >= 2 and all(p in _WIDGET_WORDS for p in parts)


def is_foreign_widget(line: str) -> bool:
    """A line wholly in Hangul, kana or Han characters (a site's widget text) on a page in a
    Latin-script language; the caller checks the page's script."""
    if not _CJK_LETTER.search(line):
        return False
    cjk = len(_CJK_LETTER.findall(line))
    return cjk >= 5 and len(_LATIN_LETTER.findall(line)) * 4 <= cjk  # "亚洲最新国产AV_..." is still a widget


def is_latin_page(lines: list[str]) -> bool:
    sample = " ".join(lines[:40])[:4000]
    return len(_LATIN_LETTER.findall(sample)) > 4 * len(_CJK_LETTER.findall(sample)) + 200


def is_menu_run(lines: list[str], index: int) -> bool:
    """A numbered navigation menu: three or more short numbered items in a row ("1. Home")."""
    def item(i: int) -> bool:
        return 0 <= i < len(lines) and bool(_MENU_ITEM.match(lines[i]))
    if not item(index):
        return False
    run = 1
    j = index - 1
    while item(j) and run < 3:
        run, j = run + 1, j - 1
    j = index + 1
    while item(j) and run < 3:
        run, j = run + 1, j + 1
    return run >= 3


_MENU_ITEM = re.compile(r"^\d{1,2}\.\s+\S+(?:\s+\S+){0,4}$")


_DATE_LINE = re.compile(
    r"^(?:(?:published|updated|posted|last updated|date|pubdate|dated)\s*:?\s*)?(?:on\s+)?"
    r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?"
    r"(?:\d{1,2}\s+[A-Za-z]{3,9}\.?,?\s+\d{4}|[A-Za-z]{3,9}\.?\s+\d{1,2},?\s+\d{4}|\d{4}-\d{2}-\d{2}|"
    r"\d{1,2}/\d{1,2}/\d{4}|\d{1,2}\.\d{1,2}\.\d{4})(?:[\s,|-]+(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?"
    r"(?:\s*(?:[A-Z]{2,5}|GMT|UTC)(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?)?)?\s*$",
    re.I,
)
_BYLINE = re.compile(r"^(?:(?:by|written by|words by|reporting by)\s+|author\s*:\s*)(?P<name>[^\d:|]{3,80}?)(?:\s*\|\s*[^\d:|]{2,40})?\d{0,3}$", re.I)
# "date 2017-09-04 4 September 2017": a site's date header giving the date twice.
_DOUBLE_DATE = re.compile(r"^(?:date\s*:?\s*)?(?P<a>\d{4}-\d{2}-\d{2})\s+(?P<b>.+)$", re.I)


# A date anywhere, and what else a date line is made of: times, time zones, weekdays, labels.
_DATE_ANY = re.compile(r"\d{1,2}\s+[A-Za-z]{3,9}\.?,?\s+\d{4}|[A-Za-z]{3,9}\.?\s+\d{1,2},?\s+\d{4}|\d{4}-\d{2}-\d{2}|"
                       r"\b(?:January|February|March|April|June|July|August|September|October|November|December)\s+\d{4}\b|"
                       r"\d{1,2}/\d{1,2}/\d{4}|\d{1,2}\.\d{1,2}\.\d{4}")
_DATE_RESIDUE = re.compile(
    r"\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s*\d{4}|"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s*\d{4}|"
    r"\b(?:january|february|march|april|june|july|august|september|october|november|december)\s+\d{4}\b|"
    r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?|"
    r"\d{1,2}/\d{1,2}/\d{4}|\d{1,2}\.\d{1,2}\.\d{4}|"
    r"\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?\s?m\.?)?(?:[+-]\d{2}(?::?\d{2})?)?|"
    r"\b(?:[A-Z]{1,3}[SD]?T|GMT|UTC|IST|CET|CEST|EET|EEST|WIB|JST|KST|HKT|SGT)\b|"
    r"\b(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\b\.?|"
    r"\b\d{1,2}(?:st|nd|rd|th)\b|\bfull\s+(?:article|story)\b|"
    r"\b(?:published|posted|updated|last|modified|first|at|on|and|date|dated|pubdate|am|pm)\b", re.I)
_DATE_SEPARATORS = re.compile(r"\s[|•·]\s|\s[-–—]\s|\s(?=(?:updated|published|posted|last updated)\b)", re.I)


def is_dateline(line: str) -> bool:
    """A line that only dates the article: "March 4, 2025", "Politics | June 30, 2026 | 10:00",
    "/ 12 June 2018", "July 10, 2018 Updated: July 10, 2018"."""
    line = line.lstrip("/|•·–—- ")
    if _DATE_LINE.match(line):
        return True
    double = _DOUBLE_DATE.match(line)
    if double and _DATE_LINE.match(double.group("b")):
        return True
    if words(line) <= 14 and _DATE_ANY.search(line) and not _DATE_RESIDUE.sub("", line).strip(" ,.|:;()-–—"):
        return True  # "Posted at 9:10 AM, Mar 10, 2019", "and last updated 2019-03-10 19:00:11-04"
    parts = [p.strip() for p in _DATE_SEPARATORS.split(line) if p.strip()]
    return (len(parts) >= 2 and any(_DATE_LINE.match(p) for p in parts)
            and all(words(p) <= 4 or _DATE_LINE.match(p) for p in parts))


# "FPJ Web Desk", "HT Correspondent", "Express News Service": a desk's or a bureau's byline, no "By".
DESK_BYLINE = re.compile(r"^(?!(?i:by|our|the)\s)(?P<name>[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,2})\s+(?:(?:Web|News|Online|Digital|City|"
                         r"Sports|Political|Foreign|Metro|National)\s+Desk|Correspondent|Staff\s+Reporter|News\s+Service|Bureau)$")
# "By Jane Roe 21 February, 2020 07:02 AM 1 Comments": a byline with the post's date and counters after it.
_BYLINE_DATE_TAIL = re.compile(r"\s+(?=(?:\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]{2,8}\.?,?\s*\d{4}|[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s*\d{4}|"
                               r"\d{4}-\d{2}-\d{2})\b)")
_COUNTERS = re.compile(r"\b\d+\s+(?:comments?|views?|shares?|likes?)\b", re.I)


def is_byline(line: str) -> bool:
    if bool(_BYLINE.match(line)) and words(line) <= 10 and not is_sentence(line.rstrip(".") + "x"):
        return True
    if DESK_BYLINE.match(line):
        return True
    head = byline_head(line)
    return head is not None and head != line and (is_byline(head) or bool(re.fullmatch(r"(?i:by)\s+[A-Z]{2,6}", head)))


def byline_head(line: str) -> str | None:
    """"By Jane Roe" for "By Jane Roe 21 February, 2020 07:02 AM 1 Comments"; None when no date follows."""
    if not line[:3].lower() == "by " or len(line) > 160:
        return None
    parts = _BYLINE_DATE_TAIL.split(line, maxsplit=1)
    if len(parts) != 2 or _DATE_RESIDUE.sub("", _COUNTERS.sub("", parts[1])).strip(" ,.|:;()-–—"):
        return None
    return parts[0].strip(" ,|-–—")


# ", La Prensa Reporter", ", Staff Writer", " | Associated Press": what a byline adds after the name.
_BYLINE_TAIL = re.compile(r"\s*[,|]\s*(?:the\s+)?[^,|]{0,40}?\b(?:reporter|correspondent|writer|staff|contributor|editor|"
                          r"press|news|agency|times|post|herald|journal|tribune|daily)\.?$", re.I)


def byline_name(line: str) -> str | None:
    """"Jane Roe" for "By Jane Roe", "By Jane Roe, Valley News Reporter", "Author: Jane Roe"."""
    match = _BYLINE.match(line)
    if not (match and is_byline(line)):
        return None
    return _BYLINE_TAIL.sub("", match.group("name").strip()).strip() or None
