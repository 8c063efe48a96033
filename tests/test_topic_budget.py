"""The topic-regex budget is per topic, not per provision (issue 25 item 12): a pattern that
takes a little under the per-provision limit on every provision is stopped once the topic
has used its budget, instead of running for hours over a session's bills."""

import pytest

from lawdiff.errors import LawdiffError
from lawdiff.matrix import topics
from lawdiff.matrix.topics import load_topics

SLOW = r"(?:[\w ]|\w\w)+$"  # exponential in the length of a run of letters not ending the line


def test_a_slow_pattern_runs_out_of_the_topics_budget(tmp_path, monkeypatch):
    (tmp_path / "topics.toml").write_text(f"[[topic]]\nid = \"slow\"\nlabel = \"Slow\"\nregex = ['{SLOW}']\n")
    topic = load_topics(tmp_path)["slow"]
    provision = "a" * 21 + ";"  # a tenth of a second or so: far under the 2 s a provision may take
    monkeypatch.setattr(topics, "TOPIC_SECONDS", 1.0)  # 2 s, and 1 s for each 10,000 characters: the same shape
    with pytest.raises(LawdiffError, match=r"topic slow: pattern .* took over the topic's 1\.\d s for the [\d,]+ characters"):
        for _ in range(200):
            topic.matches(provision)
    assert 1.0 <= topic.allowance() < 2.0 and topic.spent < 3.0


def test_the_shipped_topics_over_the_shipped_corpus_use_little_of_the_budget():
    from helpers import CORPUS

    from lawdiff import Corpus, load_document
    from lawdiff.matrix.locate import locate

    corpus = Corpus.load(CORPUS)
    found = load_topics(CORPUS)
    for entry in corpus.with_text():
        doc = load_document(entry["id"], corpus)
        for topic in found.values():
            locate(doc, topic)
    assert found and all(0 < t.spent < t.allowance() / 10 for t in found.values()), \
        {t.id: (round(t.spent, 3), round(t.allowance(), 1)) for t in found.values()}
