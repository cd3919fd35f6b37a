"""Who did it and to whom: actor and recipient parties of one trigger in its clause.

Verbs: a party before the verb in its clause is the subject (SVO, headlines, complement
clauses); otherwise the first party after it (VSO). The next party without a preposition is
the direct object; parties after one of the entry's `rprep` prepositions are recipients too.
A relative clause's antecedent is the subject, or the patient for arrest/kill verbs with no
other party. Verbal nouns take their genitive (زيارة كاميرون، اعتقال قيادي) as actor or
recipient by the entry's `gen`, an agent after على يد / من قبل, and otherwise the subject of
the light verb before them (شنت قوات التحالف غارات). Coordinated parties (الولايات المتحدة
وبريطانيا وفرنسا) act together. Reciprocal entries put partners among the actors.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from marsad.events.clauses import Clause
from marsad.events.matcher import Hit, governs_noun, prep_of
from marsad.events.parties import Party
from marsad.text import Token, normalize

Group = list[Party]
_MATERIAL_CONFLICT = frozenset(["ASSAULT", "COERCE"])
_ARMED = frozenset(["MIL", "REB", "UAF", "COP"])
# Subjects before a kill/arrest verb with no object are its victims (قُتلوا، اعتُقلوا).
_VICTIMS = frozenset(["REB", "UAF", "CVL", "OPP"])
# Words that may stand between a verb and its subject.
_SKIPPABLE = frozenset(normalize(w) for w in (
    "أمس", "امس", "اليوم", "الليلة", "مساء", "صباح", "فجر", "ظهر", "يوم", "الأحد", "الاثنين",
    "الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "أيضا", "بدوره", "بدورها",
    "كذلك", "رسميا", "قد", "من", "جهته", "جهتها", "ناحيته", "ناحيتها", "في", "وقت", "سابق",
    "لاحق", "الماضي", "الماضية", "أول", "به", "بها", "بهم", "له", "لها", "لهم", "عليه", "عليها",
    "منه", "منها", "فيه", "فيها", "«", "»", '"'))
# Attacks and arrests reach their target through these too (مواقع للحوثيين، ضد المدنيين).
_MATERIAL_RPREP = ("ل", "ضد", "علي")
_CRITICAL = frozenset(["ACCUSE", "REJECT", "REQUEST", "THREATEN", "SUPPORT"])
_PREPS = frozenset(normalize(w) for w in ("في", "خلال", "ضد", "بعد", "قبل", "إثر", "عقب", "جراء"))
# A verbal noun takes the subject before it only this close (شنت قوات التحالف غارات).
NOUN_SUBJECT_DISTANCE = 6  # with a light verb in between
NEAR_SUBJECT = 3
SVO_DISTANCE = 4


@dataclass(slots=True)
class Args:
    actors: list[Party] = field(default_factory=list)
    recipients: list[Party] = field(default_factory=list)
    type: str | None = None  # a switched type (دعا إلى التعاون → AGREE)
    mode: str | None = None
    switch_at: int | None = None  # the token that switched it (never a trigger of its own)
    subject_found: bool = False
    subject_before: bool = False  # the subject stands before the verb (SVO)
    subject: list[Party] = field(default_factory=list)  # the subject group alone (no partners)


def groups_of(parties: list[Party]) -> list[Group]:
    """Parties joined by و (or listed with commas) form one group."""
    groups: list[Group] = []
    for p in parties:
        prev = groups[-1][-1] if groups else None
        if prev is not None and p.conj and p.first - prev.last <= 2:
            groups[-1].append(p)
        elif prev is not None and p.prep is None and not (prev.type == "PER" and p.type in ("GROUP", "NORP")) and (
                (p.first == prev.last + 1 and (prev.code == p.code if prev.code and p.code else
                                               (not prev.code and bool(p.code)) or
                                               (not prev.code and not p.code and prev.sector == p.sector)))
                or (p.first == prev.last + 2 and prev.type == "GROUP" and not prev.code and p.type == "PER")):
            groups[-1].append(p)  # apposition: الرئيس (الأمريكي) دونالد ترامب
            for q in groups[-1]:  # the unnamed role takes the named person's country
                if not q.code and p.code and q.type in ("GROUP", "ROLE"):
                    q.code = p.code
        else:
            groups.append([p])
    return groups


def _prep(g: Group) -> str | None:
    return g[0].prep


def _free(g: Group) -> bool:
    return _prep(g) is None


def _actor_like(g: Group) -> bool:
    return any(p.type != "LOC" for p in g)


def assign(tokens: list[Token], clauses: list[Clause], k: int, hit: Hit, parties: list[Party],
           light=frozenset(), carried: list[Party] | None = None) -> Args:
    """Actor and recipient parties of `hit` in clause k (see the module docstring). `carried`:
    the subject that stood before the verb this one is coordinated with (لافروف يلتقي كيم
    ويحذر واشنطن): a verb joined by و with no subject before it shares it."""
    clause = clauses[k]
    lo, hi = clause.first, clause.last
    taken = set(hit.consumed) | {hit.head}
    here = [p for p in parties if lo <= p.first < hi and p.first not in taken and p.last not in taken]
    groups = groups_of(here)
    before = [g for g in groups if g[-1].last < hit.head]
    after = [g for g in groups if g[0].first > hit.head]
    entry = hit.entry
    args = Args()
    rprep = entry.rprep + (_MATERIAL_RPREP if entry.type in _MATERIAL_CONFLICT else ())
    agents = [g for g in after if _prep(g) == "agent"]
    prepped = [g for g in after if _prep(g) in rprep and _actor_like(g)]
    if not hit.is_verb:
        _noun_args(tokens, hit, before, after, agents, prepped, args, light)
    else:
        _verb_args(tokens, clauses, k, hit, before, after, agents, prepped, parties, args, carried)
    _between(after, hit, args)
    if entry.recip and args.recipients and entry.type not in _MATERIAL_CONFLICT:
        # a meeting or agreement: every named side is a party to it (قمة عقدها مع نظيره)
        args.actors = args.actors + [p for p in args.recipients if p not in args.actors]
        args.recipients = []
    _apply_switch(tokens, hit, hi, args)
    return args


# Weapons a strike is "of" (غارات لطائرات التحالف): the party after them is the striker.
_STRIKERS = frozenset(normalize(w) for w in (
    "طائرات", "طائرة", "طيران", "مقاتلات", "مدفعية", "بوارج", "زوارق", "مسيرات", "صواريخ"))


def _lam_genitive(tokens: list[Token], end: int, after: list[Group]) -> Group | None:
    """A strike's doer written with لـ (غارة للتحالف، هجوم لقوات النظام، غارات لطائرات
    التحالف): the party right after the noun, or after a weapon word, under a ل.
    Not a place of the strike (قصف لمواقع المسلحين: مواقع is no weapon)."""
    for g in after:
        if g[0].first > end + 2:
            return None
        if _prep(g) != "ل" or not _actor_like(g):
            continue
        between = [tokens[j].norm for j in range(end + 1, g[0].first)]
        if all((w[1:] if w[:1] == "ل" else w) in _STRIKERS for w in between):
            return g
        return None
    return None


def _light_between(tokens: list[Token], g: Group, hit: Hit, light) -> bool:
    """A light verb (شن، نفذ، أجرى، وجه) next to the subject, before or after it."""
    lo = max(0, g[0].first - 2)
    for j in range(lo, hit.head):
        if g[0].first <= j <= g[-1].last:
            continue
        norm = tokens[j].norm
        if norm in light or (norm[:1] in ("و", "ف") and norm[1:] in light):
            return True
    return False


def _noun_args(tokens: list[Token], hit: Hit, before, after, agents, prepped, args: Args, light) -> None:
    entry = hit.entry
    end = max(hit.consumed) if hit.consumed else hit.last
    # the genitive: right after the noun, or a nationality after a bare noun (اعتقال صحفي روسي)
    genitive = None
    for g in after:
        if g[0].first > end + 3:
            break
        if _free(g) and _actor_like(g) and g[0].first <= end + (3 if g[0].type == "NORP" else 2):
            genitive = g
            break
    if genitive is None and entry.gen == "actor" and entry.type in _MATERIAL_CONFLICT:
        genitive = _lam_genitive(tokens, end, after)
    actor: Group | None = None
    recipients: list[Group] = [g for g in prepped if g is not genitive]
    if genitive is not None:
        if entry.gen == "recipient" or (entry.governed_gen == "recipient" and not recipients
                                        and _governed_noun(tokens, hit)):
            recipients.insert(0, genitive)
        else:
            actor = genitive
    if actor is None and agents:
        actor = agents[0]
    if actor is None:
        # شنت قوات التحالف غارات / قوات الأمن نفذت ملاحقات: a light verb carries the subject
        # (a noun whose genitive is its patient, اعتقال قيادي، or that a preposition governs,
        # مقتل مدنيين في غارة، takes no bare neighbour as its doer)
        governed = bool({"ب", "ل"} & set(hit.prefix)) or (hit.first > 0 and tokens[hit.first - 1].norm in _PREPS)
        # لمواقع الهجوم: the genitive of a noun a preposition governs; what stands before is not its doer
        governed = governed or (hit.first > 0 and len(tokens[hit.first - 1].norm) > 3
                                and prep_of(tokens[hit.first - 1]) in ("ل", "ب"))
        subj = [g for g in before if _free(g) and _actor_like(g) and (
            (hit.head - g[-1].last <= NEAR_SUBJECT and entry.gen != "recipient" and not governed) or
            (hit.head - g[-1].last <= NOUN_SUBJECT_DISTANCE and _light_between(tokens, g, hit, light)))]
        if subj:
            actor = subj[-1]
    if entry.recip and actor is not None:
        partners = [g for g in recipients if _prep(g) in ("مع", "ب")]
        args.actors = [p for g in [actor, *partners] for p in g]
        recipients = [g for g in recipients if g not in partners]
    elif actor is not None:
        args.actors = list(actor)
    args.recipients = [p for g in recipients for p in g]
    args.subject_found = actor is not None
    _in_words(entry, actor, args, verb=False)


def _governed_noun(tokens: list[Token], hit: Hit) -> bool:
    """The verbal noun is the object of a verb or a preposition (سنواصل دعم بيونغ يانغ، تعهد
    بدعم أوكرانيا، استمرارها في دعم): its genitive is the one acted on, not the doer."""
    if {"ب", "ل"} & set(hit.prefix):
        return True
    if hit.first == 0:
        return False
    norm = tokens[hit.first - 1].norm
    return norm in ("في", "علي") or governs_noun(norm)


def _antecedent(clauses: list[Clause], k: int, parties: list[Party]) -> Group | None:
    clause = clauses[k]
    if clause.kind != "relative" or clause.marker is None:
        return None
    cands = [p for p in parties if p.last < clause.marker and clause.marker - p.last <= 4]
    if not cands:
        return None
    groups = groups_of([p for p in parties if p.last < clause.marker])
    return groups[-1] if groups and groups[-1][-1] is cands[-1] else [cands[-1]]


def _verb_args(tokens, clauses, k, hit: Hit, before, after, agents, prepped, parties, args: Args,
               carried: list[Party] | None = None) -> None:
    entry = hit.entry
    clause = clauses[k]
    opening = clause.first + (1 if clause.marker == clause.first else 0)
    # the subject before a verb: right before it, or opening the clause (headlines, أن X ...)
    # (a nationality describing a topic, الأزمة السورية, is neither subject nor object)
    before = [g for g in before if not g[0].attributive]
    described = [g for g in after if g[0].attributive and g[0].first - hit.last <= 6]
    after = [g for g in after if not g[0].attributive]
    free_before = [g for g in before if _free(g) and _actor_like(g) and
                   (hit.head - g[-1].last <= SVO_DISTANCE or g[0].first <= opening + 1)]
    free_after = [g for g in after if _free(g)]
    subj: Group | None = free_before[-1] if free_before else None
    args.subject_before = subj is not None
    if subj is None and carried and hit.prefix[:1] in (("و",), ("ف",)):
        subj = list(carried)
    patient_first = False
    # اتهم لافروف واشنطن بتأجيج التوتر: a subject may stand between the verb and the words
    # the entry needs after it; it follows the verb itself then
    verb_end = hit.head if any(hit.head < g[0].first < hit.last for g in after) else hit.last
    if entry.gen == "recipient" and hit.last + 1 < len(tokens) and _is_number(tokens[hit.last + 1].norm):
        # قتل خمسة جنود / اعتقل 20 شخصا: a count after the verb introduces its victims
        recip_first = [g for g in free_after if g[0].first - hit.last <= 4][:1]
        if recip_first:
            args.recipients = list(recip_first[0])
            free_after = [g for g in free_after if g is not recip_first[0]]
            patient_first = True
    if subj is None and not patient_first and free_after and _actor_like(free_after[0]) and \
            _adjacent(tokens, verb_end, free_after[0][0].first, free_after[0][0].type == "NORP") and \
            not (hit.feminine and all(p.masculine for p in free_after[0])):
        subj = free_after.pop(0)  # verb first: its subject follows (اتهمت تركيا ...)
    if subj is None:
        ante = _antecedent(clauses, k, parties)
        if ante is not None:
            if entry.gen == "recipient" and not free_after and entry.type in _MATERIAL_CONFLICT | {"ACCUSE"}:
                patient_first = True  # الذي اعتقل السبت: the antecedent was arrested
                args.recipients = list(ante)
            else:
                subj = ante
    if subj is None and free_after and not patient_first and _actor_like(free_after[0]) and \
            _adjacent(tokens, verb_end, free_after[0][0].first) and \
            not (hit.feminine and all(p.masculine for p in free_after[0])):
        subj = free_after.pop(0)
    if agents:
        # passive with a named agent: the subject slot holds the patient
        if subj is not None:
            args.recipients = list(subj)
        subj = agents[0]
    direct = free_after[0] if free_after else None
    if direct is not None and subj is not None and direct[0].first < subj[0].first:
        direct = None
    recips: list[Group] = []
    if entry.obj == "host":
        targets = ([direct] if direct else []) + [g for g in after if _prep(g) in ("الي", "ل", "في") or g in prepped]
        recips = targets[:1]
    elif entry.obj == "visitor":
        if direct is not None and subj is not None:
            subj, recips = direct, [subj]
        elif direct is not None:
            subj = direct
    else:
        if direct is not None and entry.obj != "none":
            recips.append(direct)
        recips += [g for g in prepped if g not in recips]
    if subj is not None and entry.gen == "recipient" and not recips and subj[0].first < hit.head and (
            all(p.sector in _VICTIMS for p in subj) or
            subj[0].first > 0 and _is_number(tokens[subj[0].first - 1].norm)):
        # عشرات من المسلحين قتلوا: the militants were killed; so were counted people
        # (14 جنديا قتلوا): news counts the victims of an attack, not its doers
        recips, subj = [subj], None
    if described and entry.type in _CRITICAL and entry.obj != "none" and direct is None and \
            (not recips or described[0][0].first < recips[0][0].first):
        recips = described[:1]  # انتقد السياسة الإسرائيلية: criticizing Israel's policy targets Israel
    if entry.receive and subj is not None:
        giver = next((g for g in after if _prep(g) == "من"), None)
        recips, subj = [subj], giver
    if entry.recip and subj is not None:
        partners = [g for g in recips if g is direct or _prep(g) in ("مع", "ب")]
        args.actors = [p for g in [subj, *partners] for p in g]
        recips = [g for g in recips if g not in partners]
    elif subj is not None:
        args.actors = list(subj)
    args.recipients = args.recipients + [p for g in recips for p in g if p not in args.recipients]
    args.subject_found = subj is not None
    args.subject = list(subj or [])
    _in_words(entry, subj, args, verb=True)


# Sectors whose attacks are words, not force (a party leader, an NGO, a newspaper).
_CIVIL = frozenset(["GOV", "LEG", "PTY", "OPP", "CVL", "MED", "NGO", "IGO", "JUD", "BUS", "REL"])


def _in_words(entry, subj: Group | None, args: Args, verb: bool) -> None:
    """هاجم الوزير خصومه: a politician or a civil body attacking, or anyone attacking a named
    person with no weapon said, is criticizing; احتجت مصر لدى إيران: a state protesting does it
    through its diplomats. Both are ACCUSE."""
    if subj is not None and any(p.sector in _ARMED or p.type == "GROUP" for p in subj):
        return
    if entry.lemma == "هاجم":
        by_civilian = subj is not None and all(
            p.type in ("PER", "ROLE", "NORP") or (p.type == "ORG" and p.sector in _CIVIL - {"GOV"}) for p in subj)
        at_person = subj is None and bool(args.recipients) and all(p.type == "PER" for p in args.recipients)
        if by_civilian or at_person:
            args.type, args.mode = "ACCUSE", "disapprove"
    elif entry.lemma == "احتج" and verb and subj is not None and \
            all(p.type in ("GPE", "ROLE") or p.sector == "GOV" for p in subj):
        args.type, args.mode = "ACCUSE", "disapprove"


_NUMBERS = frozenset(normalize(w) for w in (
    "اثنان", "اثنين", "ثلاثة", "أربعة", "خمسة", "ستة", "سبعة", "ثمانية", "تسعة", "عشرة", "عشرات",
    "مئات", "آلاف", "ثلاث", "أربع", "خمس", "ست", "سبع", "ثماني", "تسع", "عشر", "نحو", "قرابة",
    "حوالي", "أكثر", "عدد", "عددا"))


def _is_number(norm: str) -> bool:
    return norm.isdigit() or norm in _NUMBERS


def _adjacent(tokens: list[Token], verb_last: int, first: int, norp: bool = False) -> bool:
    """The subject of a verb-first clause follows the verb, at most past a time phrase, an
    adverb or punctuation (اعتقلت مساء الثلاثاء، X); a nationality may qualify the noun
    before it (أفرجت عن صحفي بريطاني)."""
    if first - verb_last > 6:
        return False
    for j in range(verb_last + 1, first - 1 if norp else first):
        norm = tokens[j].norm
        if not tokens[j].is_arabic or norm in _SKIPPABLE or (len(norm) > 3 and norm.endswith("ا")):
            continue
        return False
    return True


def _between(after: list[Group], hit: Hit, args: Args) -> None:
    """اشتباكات بين X و Y / محادثات بين X و Y: the parties after بين."""
    g = next((g for g in after if _prep(g) == "بين" and g[0].first - hit.last <= 6), None)
    if g is None:
        return
    sides: list[list[Party]] = []
    for p in g:  # split the coordination into its sides (قوات الجيش | والميليشيات)
        if not sides or p.conj:
            sides.append([p])
        else:
            sides[-1].append(p)
    if len(sides) < 2 and not (hit.entry.recip and hit.entry.type not in _MATERIAL_CONFLICT):
        return  # اجتماع بين وزراء مال منطقة اليورو: a meeting among one body's members
    if hit.entry.type in _MATERIAL_CONFLICT:
        args.actors, args.recipients = sides[0], [p for s in sides[1:] for p in s]
    else:
        args.actors, args.recipients = list(g), []
    args.subject_found = True


def _apply_switch(tokens: list[Token], hit: Hit, hi: int, args: Args) -> None:
    sw = hit.entry.switch
    if not sw:
        return
    end = min(hi, hit.last + 6)
    for j in range(hit.last + 1, end):
        stems = {tokens[j].norm}
        norm = tokens[j].norm
        for pre in ("ال", "بال", "لل", "وال", "ل", "ب"):
            if norm.startswith(pre):
                stems.add(norm[len(pre):])
                stems.add("ال" + norm[len(pre):])
        if stems & sw["after"]:
            if sw.get("no_object") and any(hit.last < p.first < j for p in args.recipients):
                return  # دعا X إلى: a request to X, whatever it asks for
            args.type = sw["type"]
            args.mode = sw.get("mode")
            args.switch_at = j
            return
