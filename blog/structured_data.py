"""JSON-LD for the blog: a Blog node on the index; on an article, a MedicalWebPage (who reviewed
it, when) whose main entity is the BlogPosting (who wrote it, when, for which clinic)."""

from django.conf import settings

from medical_review.structured_data import medical_web_page_nodes
from physicians.structured_data import physician_reference
from website.structured_data import clinic_id, page_node, page_node_id


def blog_node(index_page, request=None) -> dict:
    return page_node(
        index_page,
        "Blog",
        "blog",
        request,
        name=index_page.title,
        publisher={"@id": clinic_id()},
    )


def article_nodes(article, request=None) -> list[dict]:
    posting = page_node(
        article,
        "BlogPosting",
        "article",
        request,
        headline=article.title,
        description=article.intro,
        datePublished=article.date.isoformat(),
        publisher={"@id": clinic_id()},
        mainEntityOfPage={"@id": page_node_id(article, "webpage", request)},
        timeRequired=f"PT{article.reading_time}M",
    )
    if article.last_published_at:
        posting["dateModified"] = article.last_published_at.isoformat()
    extra_nodes = []
    if article.author:
        posting["author"] = {"@id": page_node_id(article.author, "physician", request)}
        extra_nodes.append(physician_reference(article.author, request))
    elif article.staff_author:
        posting["author"] = {"@type": "Person", "name": article.staff_author}
    tags = [tag.name for tag in article.topic_tags]
    if tags:
        posting["keywords"] = tags
    if article.hero_image:
        rendition = article.hero_image.get_rendition("width-1200|format-jpeg")
        posting["image"] = f"{settings.SITE_URL}{rendition.url}"
    blog = article.get_parent()
    if blog is not None:
        posting["isPartOf"] = {"@id": page_node_id(blog, "blog", request)}
    nodes = [*medical_web_page_nodes(article, request, main_entity=posting), posting]
    known = {node["@id"] for node in nodes}
    nodes.extend(node for node in extra_nodes if node["@id"] not in known)
    return nodes
