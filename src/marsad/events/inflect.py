"""Surface forms of Arabic verbs and verbal nouns, generated from a few templates.

Unvocalized news text writes the active and passive of most verbs alike (حُذِّر = حذر), so
one set of forms per verb serves both voices. Forms are normalized (`marsad.text.normalize`):
hamza carriers fold to their base letter, ة to ه, ى to ي. Proclitics (و ف ل س, ب ال on
nouns) are not generated here: the matcher reads them off with `clitic_splits`.

Templates cover sound, hollow and doubled verbs and final-weak verbs whose perfect ends in
ا (دعا) or ى (ألغى, normalized ي). Irregular forms go in a lexicon entry's `forms`.
"""

from __future__ import annotations

from marsad.text import normalize

# Object pronoun suffixes (him, her, them, them two, them f., you, you pl., me, us).
OBJECT_SUFFIXES = ("ه", "ها", "هم", "هما", "هن", "ك", "كم", "ني", "نا")
# Possessive suffixes on nouns.
POSSESSIVE_SUFFIXES = ("ه", "ها", "هم", "هما", "ي", "نا", "كم")


def perfect_forms(lemma: str) -> set[str]:
    """Perfect (past) forms of a verb given as its 3rd person masculine singular."""
    w = normalize(lemma)
    out: set[str] = set()
    if w.endswith("ا") and len(w) >= 3:  # دعا, عفا, شكا, غزا
        stem = w[:-1]
        out |= {w, stem + "ت", stem + "وا", stem + "تا", stem + "يا"}  # (no دعونا 'let us')
        out |= {w + s for s in OBJECT_SUFFIXES if s != "نا"} | {stem + "اه", stem + "اها", stem + "اهم"}
        return out
    if w.endswith("ي") and len(w) >= 3:  # ألغى → الغي, التقى → التقي, أجرى → اجري
        stem = w[:-1]
        out |= {w, stem + "ت", stem + "وا", stem + "يا", stem + "تا", stem + "ين", stem + "ينا"}
        out |= {stem + "ا" + s for s in OBJECT_SUFFIXES}
        out |= {stem + "ت" + s for s in OBJECT_SUFFIXES if s not in ("ك", "ني")}
        return out
    # form -> the stem that takes an object pronoun (None: takes none)
    # (no feminine plural -ن: وعدن would read و + عدن)
    bases = {w: w, w + "ت": w + "ت", w + "وا": w + "و", w + "ا": w + "ا", w + "تا": w + "تا",
             w + "نا": w + "نا", w + "تم": w + "تمو"}
    for form, before_suffix in bases.items():
        out.add(form)
        if before_suffix:
            out |= {before_suffix + s for s in OBJECT_SUFFIXES}
    if len(w) == 3 and w[1] == "ا":  # hollow: زار → زرت, زرنا (1st/2nd person)
        short = w[0] + w[2]
        out |= {short + "ت", short + "نا", short + "تم"}
    return out


def imperfect_forms(form: str) -> set[str]:
    """Imperfect (present/future) forms of a verb given as its 3rd person masculine singular."""
    w = normalize(form)
    if len(w) < 3 or w[0] != "ي":
        raise ValueError(f"imperfect {form!r} must start with ي (3rd person masculine); "
                         "list other forms under 'forms'")
    stem = w[1:]
    out: set[str] = set()
    # 3rd person masculine/feminine and 1st plural; not the 1st singular أ-, whose forms collide
    # with nouns (أسلحة = أ + سلح + ه)
    persons = ("ي", "ت", "ن")
    if stem.endswith("و"):  # يدعو, يعفو
        core = stem[:-1]
        for p in persons:
            out |= {p + stem, p + core + "ون", p + core + "وا", p + core + "وان", p + core + "ين"}
            out |= {p + stem + s for s in OBJECT_SUFFIXES}
            out |= {p + core + "ونه", p + core + "ونها", p + core + "ونهم"}
        return out  # (no passive يُدعى: it reads 'is called')
    if stem.endswith("ي"):  # يلغي, يلتقي, يجري
        core = stem[:-1]
        for p in persons:
            out |= {p + stem, p + core + "ون", p + core + "وا", p + core + "يان", p + core + "ين"}
            out |= {p + stem + s for s in OBJECT_SUFFIXES}
            out |= {p + core + "ونه", p + core + "ونها", p + core + "ونهم"}
        return out
    for p in persons:
        out |= {p + stem, p + stem + "ون", p + stem + "وا", p + stem + "ان", p + stem + "ين"}
        # (no تـ...ـه: تكلفه would read تكلفة 'cost')
        out |= {p + stem + s for s in OBJECT_SUFFIXES if not (p == "ت" and s == "ه")}
        out |= {p + stem + "ون" + s for s in ("ه", "ها", "هم")}
        out |= {p + stem + "و" + s for s in ("ه", "ها", "هم")}
        out |= {p + stem + "ان" + s for s in ("ه", "ها", "هم")}
    return out


def noun_forms(noun: str) -> set[str]:
    """A verbal noun with possessive suffixes, dual and sound feminine plural where regular."""
    w = normalize(noun)
    out = {w}
    if " " in w:
        return out
    if w.endswith("ه"):  # taa marbuta: زيارة → زيارته, زيارتين, زيارات
        stem = w[:-1]
        out |= {stem + "ت" + s for s in POSSESSIVE_SUFFIXES}
        out |= {stem + "تين", stem + "تان", stem + "ات", stem + "ا"}
    elif w.endswith("ات"):
        out |= {w + s for s in POSSESSIVE_SUFFIXES}
    elif w.endswith("ا") and not w.endswith("اا") and len(w) > 3:  # accusative اتفاقا
        out.add(w)
    else:
        out |= {w + s for s in POSSESSIVE_SUFFIXES}
        out.add(w + "ا")  # accusative tanween
        out |= {w + "ين", w + "ان"}
        if w.endswith("اء"):  # لقاء → لقائه (normalized لقايه)
            out |= {w[:-1] + "ي" + s for s in POSSESSIVE_SUFFIXES}
    return out
