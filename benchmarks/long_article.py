"""Time and peak memory of the whole pipeline on one very long article.

    python benchmarks/long_article.py [--sizes 100000 250000 500000 1000000] [--plain-only|--punct-only]
                                      [--stages entities events ...] [--timeout 600]

Each article is built from news-style sentences written for this benchmark (invented, not
reports of real events), repeated with varied numbers until it has the size asked for; it
comes in two forms: punctuated (sentences end with . and ،) and plain (every punctuation mark
removed, so the text is one endless sentence). Each run is a fresh process (so peak RSS is
that article's), and prints one line: form, characters, seconds in the pipeline, seconds per
100k characters, peak RSS in MB, and the time spent in each stage. Targets: 1 M characters in
20 s or less and 1 GB or less, and time growing linearly with size.
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import subprocess
import sys
import time

SENTENCES = [
    "أعلن وزير الخارجية الأردني أيمن الصفدي أن عمّان ستستضيف الأسبوع المقبل اجتماعا لوزراء خارجية الدول العربية "
    "لبحث الأوضاع الإنسانية في قطاع غزة.",
    "وقال المتحدث باسم وزارة الدفاع التركية إن القوات التركية قصفت مواقع لحزب العمال الكردستاني شمال العراق، "
    "ما أسفر عن مقتل {n} مسلحين.",
    "وتظاهر آلاف المحتجين في شوارع الخرطوم للمطالبة بعودة الحكم المدني، فيما أطلقت الشرطة الغاز المسيل للدموع "
    "لتفريقهم.",
    "واتهمت طهران واشنطن بالسعي إلى زعزعة الاستقرار في المنطقة، وحذرت من رد حازم على أي اعتداء.",
    "وأجرى الرئيس المصري اتصالا هاتفيا مع نظيره الفرنسي بحثا خلاله سبل تعزيز التعاون الاقتصادي بين البلدين.",
    "وفي الرياض، وقّعت المملكة العربية السعودية والإمارات {n} اتفاقيات للتعاون في مجالات الطاقة والنقل.",
    "ودعا الأمين العام للأمم المتحدة أنطونيو غوتيريش الأطراف اليمنية إلى وقف إطلاق النار والعودة إلى طاولة "
    "المفاوضات في مسقط.",
    "وأفادت وكالة الأنباء الرسمية بأن انفجارا وقع صباح اليوم في سوق شعبي بمدينة الموصل وأدى إلى إصابة {n} "
    "أشخاص.",
    "ورفض البرلمان اللبناني مشروع قانون الموازنة للعام المقبل، معتبرا أنه يحمّل المواطنين أعباء جديدة.",
    "وقدمت الكويت مساعدات طبية عاجلة إلى المستشفيات في ليبيا عبر جسر جوي انطلق من مطار الكويت الدولي.",
    "وفرضت الولايات المتحدة عقوبات جديدة على {n} شركات إيرانية متهمة بتهريب النفط، بحسب بيان لوزارة الخزانة.",
    "وزار رئيس الوزراء العراقي محافظة البصرة أمس الخميس، حيث التقى بشيوخ العشائر وبحث معهم ملف المياه.",
]
_PUNCT_RE = re.compile(r"[.،,؛:!?؟«»\"()\-–]")


def build(size: int, *, punctuated: bool) -> str:
    parts: list[str] = []
    total = i = 0
    while total < size:
        sentence = SENTENCES[i % len(SENTENCES)].format(n=3 + i % 17)
        if not punctuated:
            sentence = " ".join(_PUNCT_RE.sub(" ", sentence).split())
        parts.append(sentence)
        total += len(sentence) + 1
        i += 1
    return " ".join(parts)[:size]


def run_one(size: int, punctuated: bool, stages: list[str] | None) -> dict:
    """In this process: build the pipeline, then time one article."""
    from marsad.model import Article
    from marsad.pipeline import Pipeline

    pipeline = Pipeline(stages)
    text = build(size, punctuated=punctuated)
    started = time.perf_counter()
    doc = pipeline(Article(id="long", text=text, published="2025-07-12"))
    seconds = time.perf_counter() - started
    return dict(form="punct" if punctuated else "plain", chars=len(text), seconds=round(seconds, 2),
                peak_mb=round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
                errors=[e.code for e in doc.errors], sentences=len(doc.sentences), entities=len(doc.entities),
                events=len(doc.events),
                stages={k.split(".")[1]: round(v, 2) for k, v in pipeline.stage_seconds.items()})


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", nargs="+", type=int, default=[100_000, 250_000, 500_000, 1_000_000])
    form = parser.add_mutually_exclusive_group()
    form.add_argument("--plain-only", action="store_true")
    form.add_argument("--punct-only", action="store_true")
    parser.add_argument("--stages", nargs="+", help="full stage names (default: all)")
    parser.add_argument("--timeout", type=float, default=600, help="seconds before a run is abandoned")
    parser.add_argument("--one", nargs=2, metavar=("SIZE", "FORM"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(int(args.one[0]), args.one[1] == "punct", args.stages)))
        return 0
    forms = [f for f in ("punct", "plain") if not (args.plain_only and f == "punct" or args.punct_only and f == "plain")]
    for form_name in forms:
        for size in args.sizes:
            cmd = [sys.executable, __file__, "--one", str(size), form_name]
            if args.stages:
                cmd += ["--stages", *args.stages]
            try:
                proc = subprocess.run(cmd, capture_output=True, text=True, timeout=args.timeout)
            except subprocess.TimeoutExpired:
                print(f"{form_name:5} {size:>9,} chars  not finished after {args.timeout:g} s", flush=True)
                continue
            if proc.returncode != 0:
                print(f"{form_name:5} {size:>9,} chars  failed: {proc.stderr.strip().splitlines()[-1:]}", flush=True)
                continue
            r = json.loads(proc.stdout.strip().splitlines()[-1])
            per = r["seconds"] / r["chars"] * 100_000
            stages = " ".join(f"{k} {v:.2f}" for k, v in r["stages"].items())
            print(f"{r['form']:5} {r['chars']:>9,} chars  {r['seconds']:7.2f} s  ({per:.2f} s/100k)  "
                  f"peak {r['peak_mb']:7.1f} MB  sentences {r['sentences']:,} entities {r['entities']:,} "
                  f"events {r['events']:,}  errors {r['errors']}  [{stages}]", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
