"""Fonts for bilingual charts (internal).

Matplotlib's default DejaVu Sans has no Chinese glyphs, so zh-CN titles would
print as empty boxes. Matplotlib (3.6+) falls back glyph by glyph through the
families named in ``font.family`` (not through the generic ``sans-serif`` list),
so we name DejaVu Sans followed by the CJK families found on this machine
(WenQuanYi Micro Hei from Debian's ``fonts-wqy-microhei``, which ``make``
installs when it can, or the system fonts of Windows and macOS). Only installed
families are added, so matplotlib never logs "font family not found".
"""

from __future__ import annotations

from typing import Any

CJK_FAMILIES = (
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
    "Noto Sans CJK SC",
    "Noto Sans SC",
    "Source Han Sans SC",
    "Microsoft YaHei",
    "SimHei",
    "PingFang SC",
    "Heiti SC",
    "Hiragino Sans GB",
)

_done = {"configured": False}


def configure_fonts() -> list[str]:
    """Put DejaVu Sans first and every installed CJK family after it; return the CJK ones used."""
    import matplotlib
    from matplotlib import font_manager

    installed = {f.name for f in font_manager.fontManager.ttflist}
    cjk = [name for name in CJK_FAMILIES if name in installed]
    if not cjk:
        # matplotlib's font cache may predate the font's installation: register the files directly.
        for path in font_manager.findSystemFonts():
            if any(key in path.lower() for key in ("wqy", "notosanscjk", "sourcehansans", "msyh", "simhei")):
                font_manager.fontManager.addfont(path)
        installed = {f.name for f in font_manager.fontManager.ttflist}
        cjk = [name for name in CJK_FAMILIES if name in installed]
    if not _done["configured"]:
        if cjk:
            matplotlib.rcParams["font.family"] = ["DejaVu Sans", *cjk]
        matplotlib.rcParams["axes.unicode_minus"] = False
        _done["configured"] = True
    return cjk


def axes(ax: Any = None, size: tuple[float, float] = (7, 4.5)) -> Any:
    """The Axes a chart draws on: ``ax`` itself, or a new figure of ``size`` inches.

    Text objects that already exist on a passed-in Axes (its title and axis
    labels) took their font when the Axes was created, possibly before the CJK
    fallback was configured; they are switched to the fallback families so a
    Chinese title set on them still renders.
    """
    families = configure_fonts()
    if ax is None:
        import matplotlib.pyplot as plt

        return plt.subplots(figsize=size)[1]
    if families:
        import matplotlib
        from matplotlib.text import Text

        wanted = list(matplotlib.rcParams["font.family"])
        for text in ax.findobj(Text):
            if not set(families) & set(text.get_fontfamily()):
                text.set_fontfamily(wanted)
    return ax
