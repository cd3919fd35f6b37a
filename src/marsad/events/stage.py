"""Pipeline stage `marsad.events.v1`: PLOVER events with evidence, arguments and modality.

Per sentence: find triggers, cut clauses, give each trigger its actor and recipient parties,
its modality and reported speaker; then fill gaps from context (the subject of the clause
before, the speaker of reported speech, the story's home country for unnamed security forces
and protesters), add place and date, and merge statements of the same event. What fills in the
parties lives in `marsad.events.sides`, the place and date in `marsad.events.setting`.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from marsad.events import concrete
from marsad.events.arguments import Args, assign
from marsad.events.clauses import Clause, clause_of, split_clauses
from marsad.events.cues import Cues, load_cues
from marsad.events.lexicon import Lexicon, load_lexicon
from marsad.events.matcher import Hit, find_triggers, governs_noun
from marsad.events.merge import merge_events
from marsad.events.modality import modality, old_date
from marsad.events.parties import Party, build_parties, filed_range, home_country, parties_between
from marsad.events.setting import (
    PLACE_TYPES,
    coordinated_place,
    date_value,
    dateline_place,
    framing_people,
    headline_today,
    is_country,
    named_place,
    speaker_at_meeting,
    years_ago,
)
from marsad.events.sides import (
    DEFAULT_ACTOR,
    DEFAULT_RECIPIENT,
    dedupe_sentence,
    default_party,
    drop_own_city,
    fill_codes,
    nearby_recipient,
    one_side,
    same_party,
    unique,
)
from marsad.model import (
    CAMEO_ROOT,
    QUAD_CLASS,
    VERBAL_QUADS,
    Document,
    Event,
    Sentence,
    Span,
)
from marsad.places import event_location
from marsad.text import Token, normalize, tokenize
from marsad.times import event_date

# An imperfect verb as written (يكلف، تطلق، وتعلن): the present tense of a headline.
_PRESENT_VERB_RE = re.compile(r"^[وف]?[يت][\u0621-\u064A]{2,}$")
_DECLARE = frozenset(normalize(w) for w in ("تعلن", "يعلن", "أعلن", "أعلنت", "قرر", "قررت", "تقرر", "يقرر",
                                            "تعهد", "تعهدت", "أكد عزمه"))
# A condition after a warning, demand or accusation (حذر من عواقب إذا واصلت مناوراتها) says
# what the speaker warns against: an event it names is that warning's content.
_CONDITIONS = frozenset(normalize(w) for w in ("إذا", "لو", "طالما"))
_IN_CASE = normalize("حال")  # في حال: "in case"; alone, حال is also "prevented" (حال دون)
_SENTENCE_BREAKS = frozenset(["؛", ";", ".", "؟", "?"])
CONDITION_WINDOW = 15
VISIT_HOST_WINDOW = 3  # توجه إلى دوما: the destination right after the verb and its preposition
_IYYA = frozenset(normalize(w) for w in ("إياه", "إياها", "إياهم", "إياهما", "إياهن"))
_CONTENT_PREPS = frozenset(normalize(w) for w in ("على", "إلى", "من", "عن"))
_BREAKS = frozenset(["،", ",", "؛", ";", ".", ":", "«", "»", '"'])
_POSSESSIVE = ("ه", "ها", "هم", "هما")
_PAIR_WORDS = frozenset(normalize(w) for w in (
    "البلدين", "البلدان", "الجانبين", "الجانبان", "الطرفين", "الطرفان", "الدولتين", "الدولتان",
    "الزعيمين", "الزعيمان", "الرئيسين", "الرئيسان", "الوزيرين", "الوزيران", "الثلاث", "الثلاثة"))
_OWN_COUNTRY = frozenset(normalize(w) for w in ("بلاده", "بلادها", "بلادنا", "بلادهم", "حكومته", "حكومتها",
                                                  "حكومتنا", "حكومتهم"))
_COUNTERPART = frozenset(normalize(w) for w in ("نظيره", "نظيرها", "نظيريه", "نظرائه", "نظيرتها", "نظيرته", "نظيرهم"))
# every form `_resolve_references` acts on, with or without و/ف: one lookup per token
_REFERENCE_FORMS = frozenset(pre + w for w in _PAIR_WORDS | _OWN_COUNTRY | _COUNTERPART for pre in ("", "و", "ف"))


class EventExtractor:
    """Built once per process: the lexicon and cues; called per Document."""

    def __init__(self, lexicon: Lexicon | None = None, cues: Cues | None = None, *, observe=None):
        """`observe`: an optional callable(hit, features, event) told how each material-conflict
        trigger was read (see `concrete`), for diagnostics."""
        self.lexicon = lexicon or load_lexicon()
        self.cues = cues or load_cues()
        self.observe = observe
        self._speech = self.cues.words("speech")
        self._guessed: set[int] = set()  # ids of recipients guessed from proximity
        self._nominal: set[int] = set()  # ids of events told by a verbal noun
        self._alive: list[Event] = []  # every event made for the document, so that ids stay unique
        self._told: set[str] = set()
        self._switched: dict[int, tuple[str, str | None]] = {}  # entry line → switched type, mode
        self._light = self.cues.words("light_verb")
        self._occurrence = self.cues.words("occurrence_verb")
        self._name_heads = frozenset(pre + head for head in self.cues.words("name_head")
                                     for pre in ("", "و", "ب", "ل", "ال", "وال", "بال", "لل"))
        self._negative = self.cues.words("negative_context")
        self._pronoun_subject = self.cues.words("pronoun_subject")
        self._source = self.cues.words("source")
        self._parties: list[Party] = []  # the parties of the sentence being read
        self._last_speaker: list[Party] = []  # the last named speaker of the document
        self._topic = self.cues.words("topic_marker")
        # the same words with the clitics the loops above accept, for one lookup per token
        plain = frozenset(self._speech) | frozenset(self._light)
        self._verb_forms = (plain, frozenset(c + w for w in plain | frozenset(self._occurrence) for c in ("و", "ف")))
        self._negative_forms = frozenset(self._negative) | frozenset(
            c + w for w in self._negative for c in ("و", "ف", "ب", "ل"))

    def __call__(self, doc: Document) -> Document:
        tokens: list[Token] = doc.layers.get("tokens") or tokenize(doc.text)
        if not doc.sentences or not tokens:
            doc.events = []
            return doc
        parties = build_parties(doc, tokens)
        filed_at = filed_range(doc)
        published = doc.article.published_date
        home = home_country(doc, parties)
        starts = [t.start for t in tokens]
        name_tokens = _name_tokens(doc, starts) | self._after_name_heads(tokens)
        events: list[Event] = []
        recent: list[Party] = []  # country parties of the sentences so far (pronoun resolution)
        last_subject: list[Party] = []
        spans = [(sent, bisect_left(starts, sent.start), bisect_left(starts, sent.end)) for sent in doc.sentences]
        found = [find_triggers(tokens, lo, hi, self.lexicon, name_tokens) if lo < hi else [] for _, lo, hi in spans]
        self._guessed, self._switched, self._nominal, self._alive = set(), {}, set(), []
        self._present: set[int] = set()  # events told by a present-tense verb (a headline's news)
        self._told: set[str] = set()  # material types the article has reported so far
        self._last_speaker = []
        firsts = [p.first for p in parties]
        for (sent, lo, hi), hits in zip(spans, found, strict=True):
            if lo >= hi:
                continue
            sent_parties = [p for p in parties_between(parties, firsts, lo, hi) if p.start not in filed_at]
            sent_parties = self._resolve_references(tokens, lo, hi, sent_parties, recent)
            self._parties = sent_parties
            if hits:
                speech_like = self._verb_like(tokens, lo, hi)
                verb_at = {h.head for h in hits if h.is_verb} | set(speech_like)
                conj_at = {h.head for h in hits if h.is_verb and h.prefix[:1] in (("و",), ("ف",))} | \
                    {i for i, conj in speech_like.items() if conj}
                clauses = split_clauses(tokens, lo, hi, self.cues, verb_at, conj_at)
                off_topic = self._off_topic(tokens, lo, hi)
                made, last_subject = self._sentence_events(
                    doc, tokens, sent, clauses, hits, sent_parties, off_topic, published, home,
                    last_subject, recent)
                events += made
            recent = ([p for p in sent_parties if p.code and p.type in ("GPE", "NORP", "PER", "ROLE", "ORG")]
                      + recent)[:12]
        lede_end = _lede_end(doc)
        events = merge_events(events, len(doc.article.title), lede_end, self._guessed)
        for ev in events:
            one_side(ev, home, id(ev) in self._nominal)
        self._headline_context(doc, events)
        self._follow_up_dates(doc, events)
        for ev in events:
            drop_own_city(doc, ev)
        for n, ev in enumerate(events, 1):
            ev.id = f"EV{n}"
        doc.events = events
        self._alive = []
        return doc

    # --- per sentence ----------------------------------------------------------------
    def _sentence_events(self, doc, tokens, sent, clauses, hits, parties, off_topic, published, home,
                         last_subject, recent):
        out: list[Event] = []
        lo, hi = clauses[0].first, clauses[-1].last
        subject_here = False  # a subject was named earlier in this sentence
        material: dict[int, tuple[str, str]] = {}  # id(event) → (type, mention kind)
        svo_subject: list[Party] | None = None  # the subject standing before the last verb
        reports: dict[str, list[concrete.Report]] = {}
        told_here: list[tuple[int, str, int]] = []  # (last token, type, clause) of REPORT triggers
        last_object: list[Party] = []  # the recipients of the sentence's last event (إياها refers back)
        question = any(tokens[j].norm in ("؟", "?") for j in range(lo, hi))
        embedded = _embedded(hits, tokens)
        for hit in hits:
            if hit.head in embedded:
                continue
            entry = hit.entry
            k = clause_of(clauses, hit.head)
            args = assign(tokens, clauses, k, hit, parties, self._light, svo_subject)
            if args.switch_at is not None:
                embedded.add(args.switch_at)  # انسحب من الاتفاق: الاتفاق is no AGREE here
                self._switched[entry.line] = (args.type, args.mode)
            elif entry.line in self._switched and not hit.is_verb:
                args.type, args.mode = self._switched[entry.line]  # بعد انسحابه: from the same accord
            if entry.participant:
                # فرقت الشرطة آلاف المتظاهرين: the crowd protests, whoever the clause's subject
                end = max(hit.consumed or (hit.last,))
                args.actors = [p for p in args.actors if p.type in ("NORP", "GROUP") and 0 < p.first - end <= 2]
            explicit = (bool(args.actors) or entry.participant, bool(args.recipients))
            clause = clauses[k]
            speaker = self._speaker(tokens, clauses, k, parties)
            if entry.speaker_accuses:
                if not speaker:
                    continue
                args.recipients = args.recipients or args.actors
                args.actors = list(speaker)
            if entry.receive and not args.subject_found and not args.recipients:
                args.recipients = self._inherit(tokens, clauses, k, hit, speaker, last_subject)
            self._pronoun_object(tokens, hit, args, parties, recent)
            end = max(hit.consumed or (hit.last,))
            if last_object and end + 1 < hi and tokens[end + 1].norm in _IYYA:
                args.recipients = list(last_object)  # واتهم X ... محذرا إياها: X again
            explicit = (explicit[0] or bool(args.actors), explicit[1] or bool(args.recipients))
            inherited_here = False
            if not args.actors and not entry.participant:
                args.actors = self._inherit(tokens, clauses, k, hit, speaker, last_subject)
                inherited_here = bool(args.actors) and (subject_here or bool(speaker))
            has_party = bool(args.actors or args.recipients) or self._party_near(parties, hit, 8)
            noun = not hit.is_verb
            quad = QUAD_CLASS[args.type or entry.type]
            if entry.mode == "ban":
                dealing = self._dealing_ban(tokens, clauses[k], hit, parties)
                if dealing is not None:
                    if not dealing:
                        continue  # تحظر على مواطنيها التعامل معهم: a provision of sanctions told before
                    # تحظر على الأمريكيين التعامل مع الشركة: a sanction on the company, not on them
                    args.type, args.mode, args.recipients = "SANCTION", None, dealing
                    explicit = (explicit[0], True)
            if entry.needs == "recipient" and not explicit[1]:
                continue
            if entry.actor_sectors and not any(p.sector in entry.actor_sectors for p in args.actors):
                continue
            if noun and quad == 4 and entry.type not in concrete.MATERIAL_TYPES and not any(explicit):
                continue  # اعتقالات، تجاربها: a bare noun is a topic, not an event
            if not noun and quad in VERBAL_QUADS and not any(explicit) and not inherited_here:
                continue  # تهدد حرية الملاحة: nobody named on either side
            if entry.weak and (off_topic or not has_party or (noun and not any(explicit))):
                continue
            if off_topic and not has_party:
                continue
            if noun and not explicit[0] and hit.first > lo and tokens[hit.first - 1].norm in self._topic:
                continue  # لبحث سبل وقف إطلاق النار: what a meeting is about, not an event
            if noun and QUAD_CLASS[entry.type] in VERBAL_QUADS and not any(explicit):
                continue  # "تهديد وشيك": a verbal act needs someone doing it or facing it
            if entry.mode == "visit" and not self._visit_host(args, parties, hit, clauses, k):
                continue
            guessed = False
            if not args.recipients and not entry.recip and not entry.participant:
                args.recipients = nearby_recipient(args, parties, hit, clauses, k, speaker)
                guessed = bool(args.recipients)
            mod = modality(tokens, clauses, k, hit, self.cues, published)
            if mod.negated and QUAD_CLASS[args.type or entry.type] in (2, 4) and \
                    self._refusal(tokens, mod, lo):
                # لن تتدخل / عدم تدخلها: declining to act is a REJECT that did happen
                args.type, args.mode, mod.negated = "REJECT", None, False
            ev = self._event(doc, tokens, sent, clause, hit, args, mod, speaker, home)
            if ev is None:
                continue
            clause_span = (tokens[clause.first].start, tokens[clause.last - 1].end)
            # ids stay unique only while their objects live: keep them for the document
            self._alive.append(ev)
            if guessed:
                self._guessed.update(id(a) for a in ev.recipient)
            if not hit.is_verb:
                self._nominal.add(id(ev))
            if ev.type in concrete.MATERIAL_TYPES and not (ev.negated or ev.hypothetical) and \
                    not (ev.future and all(explicit)):
                before = [h for h in hits if h is not hit and 0 < hit.first - max(h.consumed or (h.last,)) <= 2]
                coordinated = hit.prefix[:1] == ("و",) and any(not h.is_verb for h in before)
                # قتل ثلاثة أشخاص في هجوم، اغتيل النائب بتفجير: the attack the clause has just
                # reported, told again as its means
                means = not hit.is_verb and any(
                    k2 == k and etype == ev.type and 0 < hit.first - last <= concrete.MEANS_WINDOW
                    for last, etype, k2 in told_here)
                feats = concrete.features(tokens, clause, hit, self.cues, sent.end <= len(doc.article.title),
                                          question, bool(before), coordinated, means)
                if self.observe is not None:
                    self.observe(hit, dict(feats, clause=k, kinds=[c.kind for c in clauses]), ev)
                past = ev.historical and ev.type in concrete.LEAD_NEEDED  # وقبل عامين سارت مظاهرات
                if feats["mention"] == concrete.TOPIC or past or years_ago(doc, clause_span, published):
                    continue  # في ديسمبر 2001 هاجم مسلحون: an attack of years ago is background
                material[id(ev)] = (ev.type, feats["mention"])
                if feats["mention"] == concrete.REPORT:
                    told_here.append((max(hit.consumed or (hit.last,)), ev.type, k))
                if feats["mention"] == concrete.REPORT:
                    located = ev.location is not None or any(
                        p.type in PLACE_TYPES and p.prep in ("في", "ب") and clause.first <= p.first < clause.last
                        for p in parties) or concrete.at_a_site(tokens, clause, self.cues)
                    reports.setdefault(ev.type, []).append(concrete.Report(
                        hit, k, feats["why"], located, any(a.text or a.entity for a in ev.actor),
                        any(a.text or a.entity for a in ev.recipient)))
            out.append(ev)
            if args.recipients and not guessed:
                last_object = list(args.recipients)
            if args.subject_found and args.actors:
                last_subject = args.actors
                subject_here = True
                if hit.is_verb:
                    svo_subject = (args.subject or args.actors) if args.subject_before else None
        # a material event needs one trigger of its type that reports it (see `concrete`)
        reported = {etype for etype, found in reports.items()
                    if concrete.reported(tokens, clauses, found, self.cues, etype, etype in self._told)}
        self._told |= reported
        out = [ev for ev in out if id(ev) not in material or material[id(ev)][0] in reported]
        return dedupe_sentence(out), last_subject

    def _event(self, doc, tokens, sent, clause: Clause, hit: Hit, args: Args, mod, speaker, home) -> Event | None:
        entry = hit.entry
        etype = args.type or entry.type
        text = doc.text
        c_start, c_end = tokens[clause.first].start, tokens[clause.last - 1].end
        t_start = tokens[hit.first].start
        t_end = tokens[max(hit.consumed)].end if hit.consumed else tokens[hit.last].end
        actors = [p.as_actor() for p in args.actors]
        recipients = [p.as_actor() for p in args.recipients if not same_party(p, args.actors)]
        explicit_actor, explicit_recipient = bool(actors), bool(recipients)
        visit = (args.mode or entry.mode) == "visit"
        said = QUAD_CLASS[etype] in VERBAL_QUADS and etype != "CONSULT"
        location = self._location(doc, c_start, c_end, visit, said=said) or \
            self._location(doc, sent.start, sent.end, visit, trigger=t_start, said=said) \
            or named_place(doc, hit, args, etype) or coordinated_place(doc, tokens, clause, self._parties)
        if location is not None and not visit and QUAD_CLASS[etype] in VERBAL_QUADS and location.entity and \
                any(p.entity == location.entity for p in args.recipients):
            location = None  # لن تتدخل في سوريا: the country spoken of, not where it was said
        if location is not None and location.country and QUAD_CLASS[etype] not in VERBAL_QUADS:
            home = location.country  # unnamed police arrest where it happened (a minister speaks for home)
        for a, p in zip(recipients, [p for p in args.recipients if not same_party(p, args.actors)], strict=True):
            if not a.code and p.type in PLACE_TYPES and home:
                a.code = home  # a village the gazetteer lacks lies where the story happens
        fill_codes(actors, home)
        if etype == "COERCE":
            # an unplaced person arrested or tried: most likely within the actor's jurisdiction
            fill_codes(recipients, next((a.code for a in actors if a.code and a.code != "UNK"), None),
                        people=True)
        fill_codes(recipients, home)
        if not actors and etype in DEFAULT_ACTOR:
            actors = [default_party(DEFAULT_ACTOR[etype], home)]
        if not recipients and etype in DEFAULT_RECIPIENT and home:
            recipients = [default_party(DEFAULT_RECIPIENT[etype], home)]
        actors = [a for a in actors if a.code]
        recipients = [a for a in recipients if a.code]
        ev = Event(
            id="", type=etype, actor=unique(actors), recipient=unique(recipients),
            evidence=Span(c_start, c_end, text[c_start:c_end]),
            sentence=Sentence(sent.start, sent.end),
            trigger=Span(t_start, t_end, text[t_start:t_end]),
            mode=args.mode or entry.mode, quad=QUAD_CLASS[etype], cameo=CAMEO_ROOT[etype],
            negated=mod.negated, hypothetical=mod.hypothetical, future=mod.future and not mod.historical,
            historical=mod.historical, reported_by=speaker[0].as_actor() if speaker else None,
            rule=entry.rule, confidence=_confidence(hit, explicit_actor, explicit_recipient),
        )
        if ev.reported_by is not None and not ev.reported_by.code:
            ev.reported_by.code = "UNK"
        ev.location = location
        self._attributes(doc, ev, (c_start, c_end), (sent.start, sent.end), t_start,
                         published=doc.article.published_date)
        if hit.is_verb and _PRESENT_VERB_RE.match(normalize(ev.trigger.text)):
            self._present.add(id(ev))
        return ev

    def _headline_context(self, doc: Document, events: list[Event]) -> None:
        """A headline tells the news of the lede: a title event that its own words do not date
        or place takes the date and place of the first body sentence; a visit to the country
        the story is filed from happened in the filing city (طرابلس (ا ف ب) - ... زيارة لليبيا)."""
        title_end = len(doc.article.title)
        lede = next((s for s in doc.sentences if s.start > title_end), None)
        filed = dateline_place(doc)
        for ev in events:
            if ev.sentence.end <= title_end and lede is not None:
                if ev.date is None:
                    self._attributes(doc, ev, (lede.start, lede.end), (lede.start, lede.end), lede.start,
                                     published=doc.article.published_date)
                if ev.location is None:
                    said = ev.quad in VERBAL_QUADS and ev.type != "CONSULT"
                    ev.location = self._location(doc, lede.start, lede.end, ev.mode == "visit", said=said)
                    if said and ev.location is not None and ev.mode != "visit" and ev.location.entity and \
                            any(r.entity == ev.location.entity for r in ev.recipient):
                        ev.location = None  # the country spoken of, as in the event's own sentence
            if ev.sentence.end <= title_end and ev.date is None and id(ev) in self._present:
                headline_today(doc, ev)
            if ev.mode == "visit" and filed is not None and filed.country and (
                    ev.location is None or is_country(doc, ev.location)) and \
                    filed.country in ({ev.location.country} if ev.location else {a.code for a in ev.recipient}):
                ev.location = filed
        speaker_at_meeting(events, framing_people(doc))

    def _follow_up_dates(self, doc: Document, events: list[Event]) -> None:
        """An undated statement takes the date of the sentence right after it when that
        sentence tells the same occasion: جاء ذلك في بيان ... اليوم الثلاثاء, or the same
        actor speaking (هنأ الملك الشعب ... وقال الملك في رسالة وجهها اليوم)."""
        sents = [s for s in doc.sentences if doc.text[s.start:s.end].strip()]
        following = {a.end: b for a, b in zip(sents, sents[1:], strict=False)}
        for ev in events:
            nxt = following.get(ev.sentence.end)
            if ev.date or ev.historical or nxt is None or ev.type in concrete.MATERIAL_TYPES:
                continue
            words = normalize(doc.text[nxt.start:nxt.start + 40]).split()[:2]
            if len(words) < 2:
                continue
            told = _bare(words[0]) == "جاء" and words[1] in ("ذلك", "هذا")
            if not told and _bare(words[0]) in self._speech:
                own = {a.entity for a in ev.actor if a.entity}
                told = any(m.start < nxt.start + 40 and m.start >= nxt.start
                           for e in doc.entities if e.id in own for m in e.mentions or [])
            if told:
                self._attributes(doc, ev, (nxt.start, nxt.end), (nxt.start, nxt.end), nxt.start,
                                 published=doc.article.published_date)

    @staticmethod
    def _location(doc, start: int, end: int, visit: bool = False, trigger: int | None = None,
                  said: bool = False):
        """Where the clause (or sentence) says it happened; a visit happens where it goes.
        `trigger`: the event's word, so that "X حيث" places only what follows حيث; `said`: a
        statement, which an envoy's post (سفير واشنطن في دمشق) does not place."""
        try:
            return event_location(doc, start, end, destination=visit, trigger=trigger, posts=not said)
        except Exception:  # noqa: BLE001 - a helper's failure must not lose the event
            return None

    def _attributes(self, doc, ev: Event, clause: tuple[int, int], sent: tuple[int, int], anchor: int,
                    published) -> None:
        """The date said in the clause, else in the sentence; only the clause's own date can
        make an event background (وأقر خامنئي بأن الاحتجاجات ... نهاية العام الماضي)."""
        own = True
        for span in (clause, sent):
            try:
                value = event_date(doc, span[0], span[1], anchor=anchor)
            except Exception:  # noqa: BLE001 - a helper's failure must not lose the event
                value = None
            ev.date, ev.date_text = date_value(value)
            if ev.date:
                break
            own = False
        if ev.date and own and old_date(ev.date, published):
            ev.historical, ev.future = True, False
        elif ev.date and len(ev.date) == 10 and published is not None and \
                ev.date > str(published)[:10] and not (ev.negated or ev.hypothetical):
            ev.historical, ev.future = False, True  # ويحشد أنصارهما الخميس: a day still to come

    def _refusal(self, tokens, mod, lo: int) -> bool:
        """لن تتدخل، أعلنت عدم تدخلها: a stated refusal, not a report that nothing happened."""
        if mod.negated_by == "لن":
            return True
        if mod.negated_by != "عدم":
            return False
        before = {_bare(tokens[j].norm) for j in range(max(lo, mod.negated_at - 3), mod.negated_at)}
        return bool(before & _DECLARE)

    def _pronoun_object(self, tokens, hit: Hit, args: Args, parties, recent) -> None:
        """سراحه، اعتقاله: the pronoun is the last person named before, the patient; on a
        noun whose genitive is its doer (زيارته، تصريحاته) it is the actor."""
        patient = hit.entry.gen == "recipient" or hit.entry.pos == "mwe"
        if (args.recipients if patient else (args.actors or hit.is_verb)):
            return
        last = max(hit.consumed or (hit.last,))
        norm = tokens[last].norm
        if not norm.endswith(_POSSESSIVE) or len(norm) < 5 or norm in self._pronoun_subject:
            return
        before = [p for p in parties if p.last < hit.first and p.type in ("PER", "ROLE")
                  and not (norm.endswith("ها") and p.masculine)]  # مناوراتها: not a man's
        pool = before[::-1] + [p for p in recent if p.type in ("PER", "ROLE")]
        if not pool or pool[0] in args.actors:
            return
        if patient:
            args.recipients = [pool[0]]
        else:
            args.actors = [pool[0]]

    def _dealing_ban(self, tokens, clause, hit: Hit, parties: list[Party]) -> list[Party] | None:
        """A ban on dealing with someone (يحظر على المواطنين التعامل مع X): the parties dealt
        with after مع; empty when a pronoun stands for them (معهم); None when the clause bans
        nothing of the kind or names no known party after مع."""
        dealing = self.cues.words("dealing_noun")
        for j in range(hit.head + 1, clause.last - 1):
            if _bare(tokens[j].norm) not in dealing and tokens[j].norm not in dealing:
                continue
            nxt = tokens[j + 1].norm
            if nxt == "مع":
                # No known party right after مع (التعامل مع جهات أجنبية): not a sanction on
                # anyone we can name; the ban is read as usual.
                return [p for p in parties if p.first == j + 2 and p.is_actor] or None
            if nxt.startswith("مع") and nxt[2:] in ("ه", "ها", "هم", "هما"):
                return []
        return None

    def _visit_host(self, args: Args, parties: list[Party], hit: Hit, clauses, k) -> bool:
        """A visit needs a host: a place or party it goes to. Without one in the clause, the
        nearest place of the sentence before it (كان قادما من الجزائر حيث تمحورت زيارته)."""
        hosts = [p for p in args.recipients if p.type in PLACE_TYPES or p.prep not in ("في", None)
                 or p.type in ("PER", "ROLE", "ORG")]
        if hit.entry.weak:
            hosts = [p for p in hosts if p.type in PLACE_TYPES and p.prep in ("الي", "ل", None)]
            # توجه فريق إلى دوما قبل زيارة المفتشين: the place the verb goes to, whatever else
            # the grammar took for its object
            hosts = hosts or [p for p in parties if p.type in PLACE_TYPES and p.prep in ("الي", "ل")
                              and 0 < p.first - hit.head <= VISIT_HOST_WINDOW]
        if hosts:
            args.recipients = hosts
            return True
        if hit.entry.weak:
            return False
        actor_codes = {p.code for p in args.actors}
        places = [p for p in parties if p.type in PLACE_TYPES and p.code and p.code not in actor_codes]
        before = [p for p in places if p.last < hit.head]
        after = [p for p in places if p.first > hit.head and p.first - hit.head <= 8]
        pick = after[0] if after else (before[-1] if before else None)
        args.recipients = [pick] if pick else []
        return True

    def _after_name_heads(self, tokens: list[Token]) -> set[int]:
        """The word after an institution noun (منظمة حظر، مكتب التعاون) belongs to a name."""
        heads = self._name_heads
        return {i + 1 for i, tok in enumerate(tokens[:-1]) if tok.norm in heads}

    # --- context -----------------------------------------------------------------------
    def _verb_like(self, tokens, lo, hi) -> dict[int, bool]:
        """Speech and light verbs, and occurrence verbs joined by و/ف: token index → whether
        و/ف is attached."""
        out: dict[int, bool] = {}
        plain, joined = self._verb_forms
        for i in range(lo, hi):
            norm = tokens[i].norm
            if norm in plain:
                out[i] = False
            elif norm in joined:
                out[i] = True  # وأدى إلى، وأسفر عن: a new clause with a verb of its own
        return out

    def _off_topic(self, tokens, lo, hi) -> bool:
        negative = self._negative_forms
        return sum(1 for i in range(lo, hi) if tokens[i].norm in negative) >= 2

    def _party_near(self, parties: list[Party], hit: Hit, dist: int) -> bool:
        return any(abs(p.first - hit.head) <= dist and p.is_actor for p in parties)

    def _speaker(self, tokens, clauses: list[Clause], k: int, parties: list[Party]) -> list[Party]:
        """The subject of the speech verb governing clause k (قال X إن ...), if any."""
        c = clauses[k]
        # a clause of bare punctuation (the colon before a quote) passes the search upward
        while c.parent is not None and (c.kind in ("complement", "quote") or (c.kind == "coord" and _quoted(tokens, c)) or (
                c is not clauses[k] and not any(tokens[i].is_arabic for i in range(c.first, c.last)))):
            parent = clauses[c.parent]
            verb = next((i for i in range(parent.first, parent.last)
                         if _bare(tokens[i].norm) in self._speech), None)
            if verb is not None:
                inside = [p for p in parties if parent.first <= p.first < parent.last and p.is_actor
                          and p.prep is None]
                after = [p for p in inside if p.first > verb]
                before = [p for p in inside if p.first < verb]
                if after:
                    self._last_speaker = [after[0]]
                    return [after[0]]
                if before:
                    self._last_speaker = [before[-1]]
                    return [before[-1]]
                return list(self._last_speaker)  # وأضاف: «...»: the one who spoke last goes on
            c = parent
        for i in range(c.first, c.last):  # وفقا لـ X / حسب X
            if _bare(tokens[i].norm) in self._source:
                src = [p for p in parties if i < p.first <= i + 3 and p.is_actor]
                if src:
                    return [src[0]]
        return []

    def _inherit(self, tokens, clauses, k, hit: Hit, speaker, last_subject) -> list[Party]:
        clause = clauses[k]
        quad = QUAD_CLASS[hit.entry.type]
        if clause.kind == "complement" and speaker:
            marker = tokens[clause.marker].norm if clause.marker is not None else ""
            # هدد أن يفرض رسوما: an intent in the imperfect is the speaker's own
            if quad in VERBAL_QUADS or marker in self._pronoun_subject or _bare(marker) in self._pronoun_subject \
                    or hit.kind == "impf":
                return list(speaker)
        if speaker and hit.kind == "impf" and \
                tokens[hit.head].norm.lstrip("وف").startswith(("ن", "سن")):
            return list(speaker)  # «وسندعم أي مبادرة»: we, the speaker's side
        if speaker and clause.kind in ("complement", "quote") and hit.first > clause.first:
            prev = tokens[hit.first - 1].norm
            prev = prev[1:] if prev[:1] in ("و", "ف") else prev
            if governs_noun(prev) and prev.startswith(("ن", "سن")):
                return list(speaker)  # «سنواصل دعم X»: the speaker's side does it
        if clause.kind in ("coord", "main", "opener") and hit.is_verb and last_subject:
            return list(last_subject)
        return []

    def _resolve_references(self, tokens, lo, hi, parties, recent) -> list[Party]:
        """البلدين / الجانبين → the last two countries; بلاده → the speaker's country;
        نظيره الروسي → the counterpart with the NORP's country."""
        extra: list[Party] = []
        for i in range(lo, hi):
            norm = tokens[i].norm
            if norm not in _REFERENCE_FORMS:
                continue
            bare = _bare(norm)
            tok = tokens[i]
            if bare in _PAIR_WORDS:
                codes: list[Party] = []
                for p in parties + recent:
                    if p.code and p.code not in {c.code for c in codes} and p.first < i and \
                            p.code not in ("IGO", "NGO", "UNK"):
                        codes.append(p)
                    if len(codes) == (3 if bare in ("الثلاث", "الثلاثه") else 2):
                        break
                for n, p in enumerate(codes):
                    extra.append(Party(tok.start, tok.end, i, i, "GPE", p.code, "GOV", p.name, tok.text,
                                       p.entity, conj=n > 0))
            elif bare in _OWN_COUNTRY:
                owner = next((p for p in reversed([q for q in parties if q.first < i] + recent[::-1])
                              if p.code and p.type in ("PER", "ROLE", "GPE", "ORG")), None)
                if owner is not None:
                    extra.append(Party(tok.start, tok.end, i, i, "GPE", owner.code, "GOV", owner.name,
                                       tok.text, None))
            elif bare in _COUNTERPART:
                norp = next((p for p in parties if p.first == i + 1 and p.type == "NORP"), None)
                if norp is not None:
                    norp.first, norp.start, norp.type = i, tok.start, "ROLE"
                    norp.sector = norp.sector or "GOV"
        if not extra:
            return parties
        covered = {p.first for p in parties}
        return sorted(parties + [p for p in extra if p.first not in covered or p.conj],
                      key=lambda p: (p.first, p.conj))


# --- helpers -----------------------------------------------------------------------------
def _quoted(tokens: list[Token], c: Clause) -> bool:
    """A clause inside quotation marks opened before it in the sentence and not yet closed."""
    opened = False
    for i in range(max(0, c.first - 60), c.first):
        if tokens[i].text in ("«", '"'):
            opened = not opened if tokens[i].text == '"' else True
        elif tokens[i].text == "»":
            opened = False
    return opened


def _bare(norm: str) -> str:
    return norm[1:] if norm[:1] in ("و", "ف") and len(norm) > 2 else norm


def _embedded(hits: list[Hit], tokens: list[Token]) -> set[int]:
    """Triggers that are the content of another trigger: of a verbal trigger right before
    them (هدد بفرض عقوبات، طالب بالإفراج، حذر من هجوم), of a call that lists several things
    (دعت إلى حماية المدنيين والالتزام بالقانون), the charge behind an arrest (اعتقال ٣٧
    شخصا بتهمة الإخلال بالنظام), or what a warning's condition names (حذرها من عواقب إذا
    واصلت مناوراتها): one event, not two."""
    out: set[int] = set()
    # وطالب المتظاهرون الصحف بمقاطعة: the protesters named between a demand and its content are
    # its subject, not what is demanded
    pairs = [(hits[n - 2] if hits[n - 1].entry.participant and n >= 2 else hits[n - 1], hits[n])
             for n in range(1, len(hits))]
    for a, b in pairs:
        gap = b.head - max(a.consumed or (a.last,))
        if a.entry.type in ("COERCE", "ASSAULT") and b.entry.lemma == "اتهم" and not b.is_verb and \
                0 < gap <= 4 and "ب" in b.prefix:
            out.add(b.head)
            continue
        if QUAD_CLASS[a.entry.type] not in VERBAL_QUADS or a.entry.type == "CONSULT" or a.entry.type == b.entry.type:
            continue
        # the content of a demand, threat or condemnation: بالتحقيق، بفرض، من هجوم
        if 0 < gap <= 3 or (gap <= 8 and not b.is_verb and
                            ({"ب", "ل"} & set(b.prefix) or tokens[b.head - 1].norm in _CONTENT_PREPS)):
            out.add(b.head)
        elif a.entry.type == "REQUEST" and not b.is_verb and b.prefix[:1] == ("و",) and gap <= 12 and \
                not any(tokens[j].norm in _BREAKS for j in range(a.head + 1, b.head)):
            out.add(b.head)  # دعت إلى حماية المدنيين والالتزام بالقانون
        elif gap <= CONDITION_WINDOW and any(_is_condition(tokens, j) for j in range(a.head + 1, b.head)) \
                and not any(tokens[j].norm in _SENTENCE_BREAKS for j in range(a.head + 1, b.head)):
            out.add(b.head)  # حذرها من عواقب وخيمة إذا واصلت مناوراتها: the condition of a warning
    return out


def _is_condition(tokens, j: int) -> bool:
    word = _bare(tokens[j].norm)
    return word in _CONDITIONS or word == _IN_CASE and j > 0 and _bare(tokens[j - 1].norm) == "في"


def _confidence(hit: Hit, actor: bool, recipient: bool) -> float:
    c = 0.4 + (0.2 if actor else 0.0) + (0.12 if recipient else 0.0)
    c += -0.1 if hit.entry.weak else 0.08
    if hit.entry.pos == "mwe" or hit.prep_at is not None:
        c += 0.07
    return round(max(0.05, min(0.95, c)), 3)


def _name_tokens(doc: Document, starts: list[int]) -> set[int]:
    """Tokens inside multi-word organization names: their words never trigger."""
    out: set[int] = set()
    for ent in doc.entities:
        if ent.type != "ORG":
            continue
        for m in ent.mentions or []:
            a, b = bisect_left(starts, m.start), bisect_left(starts, m.end)
            if b - a >= 2:
                out.update(range(a, b))
    return out


def _lede_end(doc: Document) -> int:
    """End of the title plus the first two body sentences."""
    body = doc.article.body_offset
    body_sents = [s for s in doc.sentences if s.start >= body]
    if len(body_sents) >= 2:
        return body_sents[1].end
    return body_sents[0].end if body_sents else body
