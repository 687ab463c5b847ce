from datetime import date

import factory
import wagtail_factories

from notices.models import NoticePage


class NoticePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Notice {n}")
    slug = factory.Sequence(lambda n: f"notice-{n}")
    intro = "What this notice is about."
    effective_date = date(2027, 1, 1)
    body = factory.LazyFunction(lambda: [("paragraph", "<p>The notice.</p>")])

    class Meta:
        model = NoticePage
