"""Is a violence or protest word the report of one happening, or only a mention of one?

News names attacks, killings and protests far more often than it reports one: as a charge
(المتهم بقتل), a topic (سياسة الاغتيالات), background (منذ اغتيال الحريري، الهجوم الذي استهدف
السفارة), a purpose (لتفجيرها) or a habit (يقتلون الأبرياء). Each material-conflict trigger is
read as one of three kinds of mention:

- `REPORT`: the sentence tells that it happened: a finite verb of the clause (اغتال مسلحون،
  فجر انتحاري نفسه), a noun that a verb of occurrence carries (وقع هجوم، شنت غارات، خرجت
  مظاهرة) or that counts its victims (مقتل 18 شخصا), an indefinite crowd of participants
  (تجمع آلاف المتظاهرين), or a headline.
- `ANAPHOR`: a definite noun (الهجوم، المتظاهرون) that takes up an event already told; it
  belongs to that event and never reports one alone.
- `TOPIC`: a verb in a relative clause (describing something else), a purpose (ليفجر،
  لتفجير), a habit (an imperfect with no time), or a noun framed as a charge, policy, memory
  or background (تهمة، سياسة، ذكرى، منذ).

A sentence reports a material event of a type when one of its triggers of that type is a
`REPORT`; its `ANAPHOR` triggers then join that event, and `TOPIC` triggers never count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from marsad.events.clauses import Clause
from marsad.events.cues import Cues
from marsad.events.matcher import PREPOSITIONS, Hit, governs_noun, prep_of
from marsad.text import Token, normalize

# Only these are filtered: other material types are rarer in passing mentions, and analysts
# code their background mentions (اعتقاله، العقوبات الدولية) as events.
MATERIAL_TYPES = frozenset(["PROTEST", "ASSAULT"])
REPORT, ANAPHOR, TOPIC = "report", "anaphor", "topic"
# How close a verb of occurrence must stand to the noun it carries (وقع الهجوم، هجوم استهدف).
ANCHOR_WINDOW = 4
# How far a carrying verbal noun may stand before its attack (توجيه الولايات المتحدة وبريطانيا
# وفرنسا ضربات): the doers stand between them.
CARRIER_WINDOW = 7
# A count this close after a noun gives its victims or participants (مقتل 18 شخصا).
COUNT_WINDOW = 3
# A frame word this close before a noun makes it a topic (ذكرى اغتيال، بتهمة قتل).
FRAME_WINDOW = 2
# How far from a crowd of protesters the act that makes it a protest may stand (خرج آلاف
# المتظاهرين في مدن عدة ... هاتفين).
PARTICIPANT_ACT_WINDOW = 6
_DIGIT_RE = re.compile(r"^\d+$")
# Words that hedge a count (ما لا يقل عن، أكثر من، نحو، حوالي).
_ESTIMATE = frozenset(normalize(w) for w in ("ما", "لا", "يقل", "عن", "أكثر", "أقل", "من", "نحو", "حوالي",
                                             "حوالى", "قرابة", "زهاء", "يزيد", "على"))
_PREP_PRONOUNS = frozenset(["بينهم", "بينها", "معهم", "منهم", "عليهم", "اليهم", "ضدهم"])
_PAST_AUX = frozenset(["كان", "كانت", "كانوا", "وكان", "وكانت", "وكانوا", "ظل", "ظلت", "راح", "راحت",
                       "بدا", "بدأ", "بدات", "بداوا", "اخذ", "اخذت", "اخذوا", "واصل", "واصلت", "استمر",
                       "استمرت", "مازال", "مازالت", "لايزال", "لاتزال", "ما", "زال", "زالت"])


def _bare(norm: str) -> str:
    for pre in ("وب", "ول", "وال", "بال", "لل", "و", "ف", "ب", "ل"):
        if norm.startswith(pre) and len(norm) - len(pre) >= 2:
            return norm[len(pre):]
    return norm


def _in(norm: str, words) -> bool:
    return norm in words or _bare(norm) in words


def _definite(hit: Hit, tokens: list[Token]) -> bool:
    """الهجوم، بالتفجير، المتظاهرون: the article is among the clitics or opens the stem."""
    return "ال" in hit.prefix or hit.stem.startswith("ال") or tokens[hit.head].norm.startswith(("ال", "وال"))


def _count_after(tokens: list[Token], hit: Hit, hi: int, numbers) -> bool:
    end = max(hit.consumed) if hit.consumed else hit.last
    j, seen = end + 1, 0
    while j < hi and seen < COUNT_WINDOW:
        norm = tokens[j].norm
        if _DIGIT_RE.match(norm) or _in(norm, numbers):
            return True
        if norm not in _ESTIMATE:
            seen += 1  # مقتل ما لا يقل عن ثلاثة: the hedge before a count takes no room
        j += 1
    return False


def _anchor(tokens: list[Token], clause: Clause, hit: Hit, cues: Cues, window: int = ANCHOR_WINDOW) -> bool:
    """A verb of occurrence near the noun (وقع الهجوم، شنت غارات، هجوم استهدف، أسفر عن مقتل)."""
    occurrence = cues.words("occurrence_verb")
    taken = set(hit.consumed) | {hit.head}
    lo, hi = max(clause.first, hit.head - window), min(clause.last, hit.head + window + 1)
    if any(j not in taken and _in(tokens[j].norm, occurrence) for j in range(lo, hi)):
        return True
    # أدى إلى توجيه الولايات المتحدة وبريطانيا ضربات: the result of an occurrence verb, through
    # the verbal noun that carries the attack
    carriers = cues.words("carrier_noun")
    at = next((j for j in range(hit.first - 1, max(clause.first, hit.first - CARRIER_WINDOW) - 1, -1)
               if _in(tokens[j].norm, carriers)), None)
    if at is None:
        return False
    return any(_in(tokens[j].norm, occurrence) for j in range(max(clause.first, at - 3), at))


def _framed(tokens: list[Token], clause: Clause, hit: Hit, cues: Cues, window: int = FRAME_WINDOW) -> bool:
    frames = cues.words("frame_noun")
    if any(_in(tokens[j].norm, frames) for j in range(max(clause.first, hit.first - window), hit.first)):
        return True
    return _after_interval(tokens, clause, hit, cues)


# بعد يومين من مقتل، قبل أقل من أسبوع من الهجوم: a span of time between a temporal
# preposition and the event it measures from (the event is the reference point, told before;
# بعد أسبوعين على هجوم شنه ... often tells that attack in full, and is left alone)
_INTERVAL_WORDS = frozenset(normalize(w) for w in (
    "من", "يوم", "يومين", "أيام", "ساعة", "ساعات", "ساعتين", "دقائق", "دقيقة", "أسبوع", "أسبوعين",
    "أسابيع", "شهر", "شهرين", "أشهر", "شهور", "عام", "عامين", "أعوام", "سنة", "سنتين", "سنوات", "قليل",
    "أقل", "أكثر", "نحو", "حوالي", "قرابة", "زهاء", "فقط"))
_INTERVAL_HEADS = frozenset(normalize(w) for w in ("بعد", "قبل", "منذ", "إثر", "عقب", "غداة"))
INTERVAL_WINDOW = 5


def _after_interval(tokens: list[Token], clause: Clause, hit: Hit, cues: Cues) -> bool:
    if hit.first == clause.first or tokens[hit.first - 1].norm != "من":
        return False
    numbers = cues.words("number_word")
    for j in range(hit.first - 2, max(clause.first, hit.first - 1 - INTERVAL_WINDOW) - 1, -1):
        norm = tokens[j].norm
        if _bare(norm) in _INTERVAL_HEADS or norm in _INTERVAL_HEADS:
            return True
        if not (norm in _INTERVAL_WORDS or _DIGIT_RE.match(norm) or _in(norm, numbers)):
            return False
    return False


def _timed(tokens: list[Token], clause: Clause, cues: Cues) -> bool:
    times = cues.words("time_anchor")
    return any(_in(tokens[j].norm, times) for j in range(clause.first, clause.last))


def _after_preposition(tokens: list[Token], clause: Clause, hit: Hit) -> bool:
    """بين المتظاهرين، لعشرات آلاف المتظاهرين: the word is governed by a preposition."""
    if any(p in ("ب", "ل", "ك") for p in hit.prefix):
        return True
    return hit.first > clause.first and prep_of(tokens[hit.first - 1]) is not None and \
        tokens[hit.first - 1].norm in PREPOSITIONS | _PREP_PRONOUNS


def at_a_site(tokens: list[Token], clause: Clause, cues: Cues) -> bool:
    """في موقع قرب مقر الحكومة، في سوق شعبي: the clause places the event at a site the
    gazetteer cannot name (في + a site noun)."""
    sites = cues.words("site_noun")
    return any(tokens[j].norm in _AT and _bare(tokens[j + 1].norm) in sites
               for j in range(clause.first, clause.last - 1))


_AT = frozenset(["في", "وفي", "داخل", "قرب", "امام"])


def mention(tokens: list[Token], clause: Clause, hit: Hit, cues: Cues, in_title: bool,
            question: bool = False, governed: bool = False, coordinated: bool = False,
            means: bool = False) -> tuple[str, str]:
    """(REPORT | ANAPHOR | TOPIC, the reason) for one material-conflict trigger. `question`:
    the sentence asks (هل يرى في قتل الأبرياء ...؟) and asserts nothing; `governed`: another
    trigger stands right before it (اعتقلت عشرات المتظاهرين: its object); `coordinated`: it is
    joined by و to a verbal noun trigger right before it (اغتصاب وقتل); `means`: a trigger of
    its type reported just before it in the clause (قتل ثلاثة في هجوم، اغتيل بتفجير)."""
    if question:
        return TOPIC, "question"
    if in_title:
        return REPORT, "headline"
    if clause.kind == "relative":
        return TOPIC, "relative clause"  # الهجوم الذي استهدف السفارة، الذين نفذوا الاعتداء: describes
    if hit.is_verb and hit.kind == "perf" and not hit.stem.endswith(_PERSON_ENDINGS) and \
            (_framed(tokens, clause, hit, cues, 1) or coordinated):
        # عملية خطف، جرائم اغتصاب وقتل: the bare perfect form is the verbal noun here
        return ANAPHOR, "verbal noun"
    if hit.is_verb:
        if "ل" in hit.prefix:
            return TOPIC, "purpose"  # ليفجر نفسه
        if _described(tokens, clause, hit):
            return TOPIC, "described"  # جثث 11 شخصا كان مسلحون قد خطفوهم: what befell them before
        if hit.kind == "impf":
            before = {tokens[j].norm for j in range(max(clause.first, hit.first - 3), hit.first)}
            if not (before & _PAST_AUX or _timed(tokens, clause, cues)):
                return TOPIC, "habit"  # يقتلون الأبرياء: no time, no past
        return REPORT, "verb"
    if _framed(tokens, clause, hit, cues):
        return TOPIC, "framed"  # بتهمة قتل، ذكرى اغتيال، سياسة الاغتيالات
    acts = cues.words("protest_act")
    if hit.entry.participant:
        # تجمع آلاف المتظاهرين / توجه المتظاهرون إلى: the crowd doing what makes a protest
        # (gathering, marching, sitting in, chanting, in protest at something); a crowd that only
        # clashes, is dispersed or does something else is a detail of another event
        if hit.first > clause.first and _in(tokens[hit.first - 1].norm, acts):
            return REPORT, "participants act"  # توجه المتظاهرون، يعتصم آلاف المتظاهرين: its subject
        if governed or _after_preposition(tokens, clause, hit):
            return ANAPHOR, "participants as object"  # اعتقلت عشرات المتظاهرين، أمام حشد من المتظاهرين
        if hit.entry.pos == "mwe" and hit.kind in ("perf", "impf", "form"):
            return REPORT, "participants"  # تجمع آلاف: the gathering verb is the mwe's head
        if _near(tokens, clause, hit, acts, PARTICIPANT_ACT_WINDOW) or _described_acting(tokens, hit, acts):
            return REPORT, "participants act"
        if (hit.entry.pos == "mwe" or not _definite(hit, tokens)) and _crowd_at_site(tokens, clause, hit):
            return REPORT, "crowd at a site"  # فرقت الشرطة آلاف المتظاهرين أمام مبنى المحافظة
        return ANAPHOR, "participants only"
    if hit.entry.type == "PROTEST" and _in_protest(tokens, clause, hit):
        return REPORT, "in protest"  # أحرق نفسه احتجاجا على، خرجوا في مسيرة احتجاجا على
    if hit.first > clause.first and tokens[hit.first - 1].norm == "من" and \
            _near(tokens, clause, hit, _SURVIVE, SUFFER_WINDOW, after=False):
        return REPORT, "survived"  # نجا الوزير من انفجار سيارة مفخخة
    attempted = hit.first > clause.first and tokens[hit.first - 1].norm in _ATTEMPT
    if "ل" in hit.prefix or attempted:
        if hit.entry.type == "PROTEST" and _near(tokens, clause, hit, acts, PURPOSE_WINDOW, after=False):
            return REPORT, "purpose of a gathering"  # خرجوا إلى الشوارع للاحتجاج على
        if _near(tokens, clause, hit, cues.words("suffer_verb"), SUFFER_WINDOW, after=False):
            return REPORT, "suffered"  # تعرض قيادي في الحركة للخطف، تعرضت الوزيرة لمحاولة اغتيال
        return TOPIC, "purpose"  # لتفجيرها: what an act was for
    if not hit.is_verb and _carried_as_content(tokens, clause, hit, cues):
        return TOPIC, "purpose"  # استعدادا لشن هجوم، اتهمهم بتنفيذ الاعتداء: planned or charged
    if not hit.is_verb and _attempted(tokens, clause, hit, cues):
        return TOPIC, "attempt"  # اعتقلوا أثناء محاولتهم إطلاق صواريخ: what was tried, not done
    if "ب" in hit.prefix and _done(tokens, clause, hit.first, cues):
        # قام متظاهرون في ضواحي المدينة بالاحتجاج على، قام جنود بقتل مدنيين: the verb of doing
        # with its act as a verbal noun, definite or not
        return REPORT, "done"
    if means and ("ب" in hit.prefix or (hit.first > clause.first and tokens[hit.first - 1].norm in _MEANS_PREPS)):
        return REPORT, "means"  # قتل ثلاثة جنود في هجوم انتحاري: the same attack, told twice
    if _definite(hit, tokens):
        # اندلعت الاشتباكات، تجددت المظاهرات: the occurrence verb right before introduces it
        if _near(tokens, clause, hit, cues.words("occurrence_verb"), 2, after=False):
            return REPORT, "occurrence"
        return ANAPHOR, "definite"
    if _opens(tokens, clause, hit):
        return REPORT, "headline style"  # 21 مايو: اغتيال النائب ... / تفجير انتحاري في فندق
    if _count_after(tokens, hit, clause.last, cues.words("number_word")):
        return REPORT, "count"  # مقتل 18 شخصا
    if _anchor(tokens, clause, hit, cues):
        return REPORT, "occurrence"  # وقع هجوم، هجوم استهدف
    if hit.entry.type == "PROTEST" and _near(tokens, clause, hit, acts, 6, after=False):
        return REPORT, "purpose of a gathering"  # أحرق نفسه احتجاجا، خرجوا في مظاهرة
    return ANAPHOR, "bare noun"


# How far after a reported trigger its means may stand (قتل ثلاثة جنود أمس في هجوم).
MEANS_WINDOW = 6
_MEANS_PREPS = frozenset(["في", "ب", "اثر", "جراء", "خلال"])
# How far before the attack noun the verbal noun carrying it may stand (لشن هجوم واسع،
# بتنفيذ سلسلة هجمات), and an attempt on it (محاولة إرهابيين تفجير).
CARRIED_WINDOW = 3


def _carried_as_content(tokens: list[Token], clause: Clause, hit: Hit, cues: Cues) -> bool:
    """The verbal noun that carries the attack (شن، تنفيذ) stands as a purpose (لشن هجوم)
    or as the content of a threat, charge or demand (هدد بشن هجمات، المتهمين بتنفيذ
    الهجوم); قامت بشن غارات, with its verb of doing, is a report."""
    carriers, occurrence = cues.words("carrier_noun"), cues.words("occurrence_verb")
    for j in range(hit.first - 1, max(clause.first, hit.first - CARRIED_WINDOW) - 1, -1):
        norm = tokens[j].norm
        if norm[:1] not in ("ل", "ب") or norm.startswith(("ال", "لل")):
            continue
        if norm[1:] in carriers or norm[1:] in occurrence:
            return norm[0] == "ل" or not _done(tokens, clause, j, cues)
    return False


def _attempted(tokens: list[Token], clause: Clause, hit: Hit, cues: Cues) -> bool:
    """محاولة إرهابيين تفجير طائرات، حاولوا اغتياله: an attempt named before the act, unless
    someone suffered or survived it (تعرض لمحاولة اغتيال، نجا من محاولة اغتيال)."""
    attempts = cues.words("attempt_word")
    at = next((j for j in range(hit.first - 1, max(clause.first, hit.first - CARRIED_WINDOW) - 1, -1)
               if tokens[j].norm in attempts or _bare(tokens[j].norm) in attempts), None)
    if at is None:
        return False
    lo = max(clause.first, at - SUFFER_WINDOW)
    return not any(_in(tokens[j].norm, _SURVIVE) or _in(tokens[j].norm, cues.words("suffer_verb"))
                   for j in range(lo, at + 1))


# A perfect verb with a person ending (احتجزت، خطفوا) is never the verbal noun its bare form
# can be (عملية خطف).
_PERSON_ENDINGS = ("ت", "وا", "تا")
# تعرض لمحاولة اغتيال: an attempt on someone suffered is an attack that happened.
_ATTEMPT = frozenset(normalize(w) for w in ("لمحاولة", "لمحاولات"))
# تعرض قيادي في حركة حماس هو وكيل وزارة النقل أمس للخطف: the victim is often named at length.
SUFFER_WINDOW = 12
_SURVIVE = frozenset(normalize(w) for w in ("نجا", "نجت", "نجوا", "ينجو", "تنجو"))
# How far before a purpose (خرجوا إلى الشوارع للاحتجاج على) the gathering may stand: the
# crowd and its size often come between.
PURPOSE_WINDOW = 12
# قام X بالاحتجاج: the verb of doing, then its subject, then the act as a verbal noun.
_DOING = frozenset(normalize(w) for w in ("قام", "قامت", "قاموا", "يقوم", "تقوم", "يقومون"))
LIGHT_WINDOW = 8
_DOING_PAST = frozenset(normalize(w) for w in ("قام", "قامت", "قاموا"))
_DONE_WITH = frozenset(normalize(w) for w in ("به", "بها", "بهم", "بهما"))


def _done(tokens: list[Token], clause: Clause, at: int, cues: Cues) -> bool:
    """قام X بـ<noun>: a verb of doing within reach before the noun whose ب-object is still
    open (not تقوم بها, whose object is a pronoun); in the imperfect only when the clause
    gives a time or a past auxiliary (غالبا ما تقوم بقتل is a habit)."""
    for j in range(at - 1, max(clause.first, at - LIGHT_WINDOW) - 1, -1):
        norm = tokens[j].norm
        if not _in(norm, _DOING):
            continue
        if j + 1 < len(tokens) and tokens[j + 1].norm in _DONE_WITH:
            return False
        if _bare(norm).startswith(("ي", "ت")) and _bare(norm) not in _DOING_PAST:
            before = {tokens[i].norm for i in range(max(clause.first, j - 3), j)}
            return bool(before & _PAST_AUX - {"ما"}) or _timed(tokens, clause, cues)  # not غالبا ما
        return True
    return False
_WHO = frozenset(normalize(w) for w in ("الذين", "اللذين", "اللواتي", "اللاتي", "التي"))
WHO_WINDOW = 3


def _described_acting(tokens: list[Token], hit: Hit, acts) -> bool:
    """آلاف المتظاهرين الذين تجمعوا أمام البرلمان: the relative clause right after the crowd
    says what it did."""
    end = max(hit.consumed) if hit.consumed else hit.last
    if end + 1 >= len(tokens) or tokens[end + 1].norm not in _WHO:
        return False
    return any(_in(tokens[j].norm, acts) for j in range(end + 2, min(len(tokens), end + 2 + WHO_WINDOW)))


# Where a crowd stands when it demonstrates (أمام البرلمان، وسط المدينة، في ساحة التحرير).
_SITE_WORDS = frozenset(normalize(w) for w in ("أمام", "قرب", "حول", "وسط", "قبالة", "ساحة", "ميدان"))
SITE_WINDOW = 2
VOICING_WINDOW = 4  # وسجلت الوزارة أمس احتجاجا: the voicing verb, its subject and a time between


def _crowd_at_site(tokens: list[Token], clause: Clause, hit: Hit) -> bool:
    end = max(hit.consumed) if hit.consumed else hit.last
    return any(_bare(tokens[j].norm) in _SITE_WORDS or tokens[j].norm in _SITE_WORDS
               for j in range(end + 1, min(clause.last, end + 1 + SITE_WINDOW)))


def _in_protest(tokens: list[Token], clause: Clause, hit: Hit) -> bool:
    """احتجاجا على: an indefinite accusative verbal noun saying what an act was done in protest
    against; the act it qualifies is the protest."""
    stem = hit.stem
    if hit.prefix or not stem.endswith("ا") or stem.endswith(("ها", "نا")) or stem.startswith("ال"):
        return False
    if hit.last + 1 >= clause.last or prep_of(tokens[hit.last + 1]) not in ("علي", "ضد", "ل"):
        return False
    # سجل احتجاجا على: the object of a verb of voicing is a verbal protest, not an act's purpose
    return not any(governs_noun(tokens[j].norm) for j in range(max(clause.first, hit.first - VOICING_WINDOW), hit.first))


_WAS = frozenset(normalize(w) for w in ("كان", "كانت", "كانوا", "كانا"))
PLUPERFECT_WINDOW = 6


def _described(tokens: list[Token], clause: Clause, hit: Hit) -> bool:
    """كان ... قد + verb standing inside a clause, right after a noun: a pluperfect that
    describes that noun (طفلة كانوا قد خطفوها، صحافي كان قد خطف الشهر الماضي), background
    to what the sentence reports. Opening its sentence or clause (وكانت الحركة قد خطفت)
    it tells the story's own past and is left alone."""
    qad = next((j for j in range(hit.first - 1, max(clause.first, hit.first - 3) - 1, -1)
                if tokens[j].norm == "قد"), None)
    if qad is None:
        return False
    was = next((j for j in range(qad - 1, max(clause.first, qad - PLUPERFECT_WINDOW) - 1, -1)
                if tokens[j].norm in _WAS), None)
    return was is not None and was > clause.first and tokens[was - 1].is_arabic


def _opens(tokens: list[Token], clause: Clause, hit: Hit) -> bool:
    """The noun is the first word of its clause (a chronology entry or a headline)."""
    words = [j for j in range(clause.first, hit.first) if tokens[j].is_arabic]
    return not words and hit.prefix in ((), ("و",))


def _near(tokens: list[Token], clause: Clause, hit: Hit, words, window: int, after: bool = True) -> bool:
    """One of `words` within `window` tokens before the trigger (and after it, unless `after`
    is False) in its clause."""
    taken = set(hit.consumed) | {hit.head}
    hi = min(clause.last, hit.head + window + 1) if after else hit.first
    return any(j not in taken and _in(tokens[j].norm, words)
               for j in range(max(clause.first, hit.first - window), hi))


def features(tokens: list[Token], clause: Clause, hit: Hit, cues: Cues, in_title: bool,
             question: bool = False, governed: bool = False, coordinated: bool = False,
             means: bool = False) -> dict[str, str]:
    """The mention kind and its reason, for diagnostics (EventExtractor's `observe`)."""
    kind, why = mention(tokens, clause, hit, cues, in_title, question, governed, coordinated, means)
    return {"mention": kind, "why": why}


@dataclass(slots=True)
class Report:
    """A trigger read as a `REPORT`, with what the stage found around it."""

    hit: Hit
    clause: int  # index of its clause in the sentence
    why: str
    located: bool  # the event has a place
    actor: bool  # its actor is named (not filled in from context)
    recipient: bool  # its recipient is named


# How much detail a sentence must give before a material event counts as reported: a point
# each (unless WEIGHTS says more) for the report itself, a second reporting trigger, a count, a
# time, a place, a named party, the event leading the sentence (its first clause, or what the
# first clause's speaker says), the story's own subject, the attack told twice, and a full
# statement (named actor and recipient, a place, leading the sentence).
NEEDED = {"ASSAULT": 6, "PROTEST": 3}
# An attack told as news leads its sentence, is dated and is told in more than one word
# (قتل خمسة جنود أمس في هجوم): those details count double.
WEIGHTS = {"ASSAULT": {"lead": 2, "time": 2, "told twice": 2}}
# Types whose report must lead its sentence: a protest told in passing, or told as of the past
# (قبل عامين، العام الماضي), is background.
LEAD_NEEDED = frozenset(["PROTEST"])


def evidence(tokens: list[Token], clauses: list[Clause], found: list[Report], cues: Cues) -> set[str]:
    """The kinds of detail the sentence gives about the reported event."""
    lo, hi = clauses[0].first, clauses[-1].last
    out = {"report"}
    if len({r.hit.head for r in found}) >= 2:
        out.add("told twice")
    numbers, times = cues.words("number_word"), cues.words("time_anchor")
    norms = [tokens[j].norm for j in range(lo, hi)]
    if any(_DIGIT_RE.match(n) or _in(n, numbers) for n in norms):
        out.add("count")
    if any(_in(n, times) for n in norms):
        out.add("time")
    if any(r.located for r in found):
        out.add("place")
    if any(r.actor or r.recipient for r in found):
        out.add("party")
    for r in found:
        if r.why == "headline" or _leads(tokens, clauses, r.clause):
            out.add("lead")
            if r.actor and r.recipient and r.located:
                out.add("full statement")  # قصفت طائرات التحالف مواقع للحوثيين في صعدة
    return out


LEAD_PREAMBLE = 8  # words before the event's clause that still leave it leading the sentence


def _leads(tokens: list[Token], clauses: list[Clause], k: int) -> bool:
    """The event opens the sentence: nothing but a dateline, an opener or the speech clause
    that reports it (قال مصدر أمني إن ...) stands before its clause."""
    c = clauses[k]
    before = range(clauses[0].first, c.first)
    if c.kind in ("complement", "quote") and c.parent is not None:
        before = range(clauses[0].first, clauses[c.parent].first)
    return sum(1 for j in before if tokens[j].is_arabic) <= LEAD_PREAMBLE


def reported(tokens: list[Token], clauses: list[Clause], found: list[Report], cues: Cues, etype: str,
             in_story: bool = False) -> bool:
    """Whether a sentence with these `REPORT` triggers of `etype` tells that one happened.
    `in_story`: an earlier sentence of the article already reported one of this type, so the
    story gives the time and place this sentence leaves out."""
    if not found:
        return False
    if any(r.why == "headline" for r in found):
        return True
    seen = evidence(tokens, clauses, found, cues)
    if in_story:
        seen.add("story")
    if etype in LEAD_NEEDED and "lead" not in seen:
        return False
    weights = WEIGHTS.get(etype, {})
    return sum(weights.get(kind, 1) for kind in seen) >= NEEDED.get(etype, 1)
