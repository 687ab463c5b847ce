"""Blog articles: see issue "Physicians and the blog"."""
