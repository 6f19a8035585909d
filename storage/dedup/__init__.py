"""Deduplication (issue 5): each story once, each project once with its history.

The pipeline calls assign_story then link_projects right after storing an article and its
announcements, inside its transaction; queries and the digest call story_sources and
project_timeline.
"""
from .projects import link_projects, project_timeline
from .stories import assign_story, story_sources

__all__ = ["assign_story", "link_projects", "story_sources", "project_timeline"]
