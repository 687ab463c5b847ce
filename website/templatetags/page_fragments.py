"""{% page_fragment "name" %}…{% end_page_fragment %}: base.html wraps a page's own blocks in it,
so they are rendered once per content version (website/page_fragments.py)."""

from django import template
from django.utils.safestring import mark_safe

from website.page_fragments import rendered_once

register = template.Library()


class PageFragmentNode(template.Node):
    def __init__(self, name: str, nodelist):
        self.name = name
        self.nodelist = nodelist

    def render(self, context):
        html = rendered_once(
            self.name,
            context.get("request"),
            context.get("page"),
            lambda: self.nodelist.render(context),
        )
        return mark_safe(html)  # noqa: S308 -- the block's own output, escaped when it was built


@register.tag("page_fragment")
def page_fragment(parser, token):
    try:
        _, name = token.split_contents()
    except ValueError:
        raise template.TemplateSyntaxError('usage: {% page_fragment "name" %}') from None
    if name[0] != name[-1] or name[0] not in "\"'":
        raise template.TemplateSyntaxError("page_fragment: the name is a quoted string")
    nodelist = parser.parse(("end_page_fragment",))
    parser.delete_first_token()
    return PageFragmentNode(name[1:-1], nodelist)
