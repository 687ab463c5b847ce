"""JSON-LD for the blog: a Blog node on the index; on an article, a MedicalWebPage (who reviewed
it, when) whose main entity is the BlogPosting (who wrote it, when, for which clinic)."""

from django.conf import settings

from medical_review.structured_data import medical_web_page_nodes
from physicians.structured_data import page_node_id, page_public_url, physician_reference
from website.structured_data import clinic_id


def blog_node(index_page, request=None) -> dict:
    return {
        "@type": "Blog",
        "@id": page_node_id(index_page, "blog", request),
        "name": index_page.title,
        "url": page_public_url(index_page, request),
        "publisher": {"@id": clinic_id()},
    }


def article_nodes(article, request=None) -> list[dict]:
    posting = {
        "@type": "BlogPosting",
        "@id": page_node_id(article, "article", request),
        "headline": article.title,
        "description": article.intro,
        "url": page_public_url(article, request),
        "datePublished": article.date.isoformat(),
        "publisher": {"@id": clinic_id()},
        "mainEntityOfPage": {"@id": page_node_id(article, "webpage", request)},
        "timeRequired": f"PT{article.reading_time}M",
    }
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
