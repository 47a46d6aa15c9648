"""HTML pages and fragments: main text, title and date from the page, failures as errors."""

from __future__ import annotations

from newsevents.clean import clean_article
from newsevents.model import Article, ArticleError

PARAGRAPHS = [
    "Israeli Prime Minister Benjamin Netanyahu has cancelled the visit of two of his closest advisers to "
    "Washington, after the United States abstained in a Security Council vote on a ceasefire in Gaza.",
    "The delegation had been due to discuss alternatives to a ground offensive in Rafah with officials of "
    "the Biden administration, according to a statement from the prime minister's office.",
    "Defence Minister Yoav Gallant, already in Washington, went ahead with his own meetings on Tuesday and "
    "was expected to ask for more ammunition and air defence systems.",
]
PAGE = f"""<!DOCTYPE html>
<html lang="en"><head>
<title>Netanyahu cancels advisers' visit | Example News</title>
<meta property="og:title" content="Netanyahu cancels advisers' visit">
<meta property="article:published_time" content="2024-03-25T14:03:00+02:00">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/politics">Politics</a></nav>
<article><h1>Netanyahu cancels advisers' visit</h1>
{"".join(f"<p>{paragraph}</p>" for paragraph in PARAGRAPHS)}
</article>
<section id="comments"><h3>Leave a Reply</h3>
<form><p>Your email address will not be published. Required fields are marked *</p>
<textarea name="comment"></textarea><input type="submit" value="Post Comment"></form></section>
<footer><p>Copyright 2024 Example News. All rights reserved.</p></footer>
</body></html>"""


def test_the_main_text_of_a_page_is_kept_and_its_furniture_left() -> None:
    result = clean_article(Article(text=PAGE, raw_format="html"))
    assert isinstance(result, Article)
    # The page's h1 sits inside its <article>: like a .txt file's headline, it stays, a sentence of its own.
    assert result.text == "\n\n".join(["Netanyahu cancels advisers' visit.", *PARAGRAPHS])
    assert (result.title, result.published, result.language) == (
        "Netanyahu cancels advisers' visit",
        "2024-03-25",
        "en",
    )


def test_the_article_s_own_title_and_date_win_over_the_page_s() -> None:
    article = Article(text=PAGE, raw_format="html", title="Given title", published="2024-03-26")
    result = clean_article(article)
    assert isinstance(result, Article)
    assert (result.title, result.published) == ("Given title", "2024-03-26")


def test_a_page_with_no_main_text_is_an_error() -> None:
    page = "<html><head><title>Menu</title></head><body><nav><a href='/'>Home</a></nav></body></html>"
    result = clean_article(Article(text=page, raw_format="html", origin="menu.html"))
    assert isinstance(result, ArticleError)
    assert (result.stage, result.origin) == ("clean", "menu.html") and "no main text" in result.reason
    assert result.reason == "no main text found in the page, only 'Home'"


def test_a_short_html_fragment_from_a_feed_is_read_whole() -> None:
    fragment = (
        "<p>Troops entered the northern town on Monday,\nofficials said.</p>"
        + "<p>More <b>fighting</b> is due.</p>"
    )
    result = clean_article(Article(text=fragment, raw_format="html"))
    assert isinstance(result, Article)
    assert (
        result.text == "Troops entered the northern town on Monday, officials said.\n\nMore fighting is due."
    )


def test_raw_html_has_its_own_larger_size_limit() -> None:
    padding = "<!-- " + "x" * 1_200_000 + " -->"
    page = PAGE.replace("</body>", padding + "</body>")
    assert isinstance(clean_article(Article(text=page, raw_format="html")), Article)
    refused = clean_article(Article(text=page, raw_format="html"), max_html_chars=1_000_000)
    assert isinstance(refused, ArticleError) and refused.reason == "article is 1.2 MB, over the 1.0 MB limit"
