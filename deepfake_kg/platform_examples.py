"""Ready-made platforms a student can start from in the explorer: each a combination of platform types.

Not to be confused with scenario.py (facts about a platform and an incident, for assessment): an example here
says only what kind of platform it is. tests/test_platform_examples.py checks that each type exists and that
no example combines disjoint types.
"""
from __future__ import annotations

from dataclasses import dataclass

from rdflib import URIRef

from .namespaces import DFK


@dataclass(frozen=True)
class PlatformExample:
    slug: str
    label: str
    label_zh: str
    types: tuple[URIRef, ...]


EXAMPLES = (
    PlatformExample("large-video-sharing", "large video-sharing platform", "大型视频分享平台",
             (DFK.VideoSharingPlatform, DFK.LargeLeadingPlatform)),
    PlatformExample("small-face-swap", "face-swap app run by a small company", "小型公司运营的AI换脸应用",
             (DFK.FaceSwapService, DFK.SmallMediumPlatform)),
    PlatformExample("high-risk-social", "high-risk social platform", "高风险社交平台",
             (DFK.SocialPlatform, DFK.HighRiskPlatform)),
    PlatformExample("large-live-streaming", "large live-streaming platform", "大型网络直播平台",
             (DFK.LiveStreamingPlatform, DFK.LargeLeadingPlatform)),
    PlatformExample("public-opinion-deep-synthesis", "deep synthesis service with public-opinion attributes",
             "具有舆论属性的深度合成服务", (DFK.DeepSynthesisServiceProvider, DFK.PublicOpinionAttributeProvider)),
    PlatformExample("small-generative-ai", "generative AI service run by a small company", "小型公司运营的生成式人工智能服务",
             (DFK.GenerativeAIServiceProvider, DFK.SmallMediumPlatform)),
    PlatformExample("small-messaging", "small instant-messaging app", "小型即时通信应用",
             (DFK.InstantMessagingPlatform, DFK.SmallMediumPlatform)),
)


def example(slug: str) -> PlatformExample | None:
    return next((e for e in EXAMPLES if e.slug == slug), None)
