"""Annotation stages: each a pure function of the article, the knowledge base and earlier stages."""
