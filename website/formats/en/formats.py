# How the site writes dates in English ("December 2, 2026"): templates use `date:"DATE_FORMAT"`,
# so each language writes them its own way (Spanish: Django's "2 de diciembre de 2026").
DATE_FORMAT = "F j, Y"
MONTH_DAY_FORMAT = "F j"
