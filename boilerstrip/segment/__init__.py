"""Segmentation: turning a source into blocks."""

from boilerstrip.segment.text import Segment, segment_text

__all__ = ["Segment", "segment_text"]
