"""Near-duplicates: a lightly edited reprint is caught, a different article on the same story is not."""

from __future__ import annotations

from newsevents.clean import NearDuplicates
from newsevents.model import Article

ORIGINAL = (
    "JERUSALEM - Israeli Prime Minister Benjamin Netanyahu on Monday cancelled a planned visit to "
    "Washington by two of his closest advisers, hours after the United States allowed the UN Security "
    "Council to pass a resolution demanding an immediate ceasefire in Gaza. The delegation, led by "
    "national security adviser Tzachi Hanegbi and strategic affairs minister Ron Dermer, had been due to "
    "discuss alternatives to a ground offensive in Rafah with officials of the Biden administration. "
    "Netanyahu's office said the American abstention was a clear retreat from the consistent position of "
    "the United States since the beginning of the war. Defence Minister Yoav Gallant, who was already in "
    "Washington, went ahead with his meetings at the Pentagon and the State Department on Tuesday, where "
    "he was expected to ask for more ammunition and air defence systems."
)
# The same wire story as another paper ran it: another dateline, one word changed and two added. In a
# story of 134 words that leaves 5-shingle Jaccard similarity at 0.89 (each changed word costs 5 shingles).
REPRINT = ORIGINAL.replace("JERUSALEM -", "TEL AVIV (Reuters) -").replace(
    "closest advisers", "most senior advisers"
)
# The same event, written up independently.
OTHER = (
    "Benjamin Netanyahu called off a trip by a senior Israeli delegation to the United States after "
    "Washington declined to veto a Security Council resolution calling for a truce in Gaza. Officials "
    "in Jerusalem described the decision as a response to what they called a shift in American policy, "
    "while the White House said it was perplexed and that its position had not changed. The two envoys "
    "had been expected to hear American proposals for protecting civilians in Rafah."
)


def test_a_lightly_edited_reprint_is_a_near_duplicate_of_the_original() -> None:
    seen = NearDuplicates()
    original, reprint = Article(text=ORIGINAL), Article(text=REPRINT)
    assert seen.check(original) is None
    assert seen.check(reprint) == original.id
    assert len(seen) == 1  # the duplicate is not remembered


def test_a_different_article_on_the_same_story_is_not_a_duplicate() -> None:
    seen = NearDuplicates()
    assert seen.check(Article(text=ORIGINAL)) is None
    assert seen.check(Article(text=OTHER)) is None
    assert len(seen) == 2


def test_the_earliest_of_several_near_duplicates_is_named() -> None:
    seen = NearDuplicates()
    first = Article(text=ORIGINAL)
    second = Article(text=ORIGINAL + " Both men are expected back in Israel on Thursday.")
    assert seen.check(first) is None
    assert seen.check(Article(text=OTHER)) is None
    assert seen.check(second) == first.id
    assert seen.check(Article(text=REPRINT)) == first.id


def test_an_article_without_words_is_neither_a_duplicate_nor_remembered() -> None:
    seen = NearDuplicates()
    assert seen.check(Article(text="... !!!")) is None
    assert seen.check(Article(text="--- ???")) is None
    assert len(seen) == 0
