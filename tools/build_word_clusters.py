"""Build knowledge/data/word_clusters.tsv: word stems grouped by the company they keep, learned
without labels from the Arabic news of ../shared/data/news (ANT corpus and News Credibility;
not SaudiNewsNet, whose licence is non-commercial).

    python tools/build_word_clusters.py [--shared ../shared] [--words 60000] [--clusters 512]

Every article is tokenized and stemmed as the event model reads it (`marsad.events.features.stem`);
a skip-gram word2vec model (gensim, a build-time tool only) learns 100-dimensional vectors of the
stems, and k-means groups the most frequent stems into clusters. The event model then reads a
cluster id where it has never seen a word: اشتباكات and مواجهات share a cluster, so what was
learned for one carries over to the other. Only stems and cluster numbers ship, no article text.
gensim runs on two threads, so vectors (and hence cluster numbers) may differ slightly between
builds; the shipped event model is trained against the shipped file.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "marsad" / "knowledge" / "data" / "word_clusters.tsv"
# SaudiNewsNet is licensed for non-commercial research only (CC BY-NC-SA): nothing shipped derives from it
NON_COMMERCIAL = ("saudinewsnet",)


def stemmed_sentences(news: Path):
    from marsad.events.features import stem
    from marsad.text import tokenize

    for path in sorted(news.glob("*.jsonl.gz")):
        if path.name.startswith(NON_COMMERCIAL):
            continue
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                art = json.loads(line)
                text = (art.get("title") or "") + "\n" + (art.get("text") or "")
                words = [stem(t.norm) for t in tokenize(text) if t.is_arabic]
                if words:
                    yield words


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--words", type=int, default=60000)
    ap.add_argument("--clusters", type=int, default=512)
    a = ap.parse_args(argv)
    from gensim.models import Word2Vec
    from sklearn.cluster import MiniBatchKMeans

    corpus = list(stemmed_sentences(a.shared / "data" / "news"))
    print(f"{len(corpus)} articles, {sum(map(len, corpus))} words", file=sys.stderr)
    w2v = Word2Vec(corpus, vector_size=100, window=5, min_count=5, sg=1, negative=5, epochs=3,
                   workers=2, seed=7)
    words = w2v.wv.index_to_key[: a.words]
    vectors = w2v.wv[words]
    vectors = vectors / ((vectors ** 2).sum(axis=1, keepdims=True) ** 0.5)
    labels = MiniBatchKMeans(n_clusters=a.clusters, random_state=7, n_init=3, batch_size=4096).fit_predict(vectors)
    with OUT.open("w", encoding="utf-8") as fh:
        fh.write(f"# stem\tcluster: {len(words)} stems in {a.clusters} clusters; word2vec skip-gram + k-means "
                 "over the news of shared/data/news except SaudiNewsNet (tools/build_word_clusters.py)\n")
        for word, label in zip(words, labels, strict=True):
            fh.write(f"{word}\t{label}\n")
    print(f"wrote {OUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
