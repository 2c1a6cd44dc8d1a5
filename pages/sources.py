"""Sources, licences, the boundary policy, list editions, sector definitions and build counts."""

import pandas as pd
import streamlit as st

from atlas import fmt, ui
from atlas.i18n import act_number, edition_label, has, source_text, t, vocab_codes, vocab_label
from atlas.paths import data_dir
from atlas.views import build_count_table, parse_build_counts

lang = ui.lang()
st.title(t("sources.title", lang))
st.write(t("sources.intro", lang))

# --- sources and licences ------------------------------------------------------------------
st.subheader(t("sources.licences", lang))
SOURCE_ROWS = ["regions", "districts", "list", "editions", "rosstat", "places", "profiles", "toser", "science",
               "corridors", "network", "ports", "airports", "neighbours"]
header = (f"| {t('sources.col_layer', lang)} | {t('sources.col_source', lang)} "
          f"| {t('sources.col_licence', lang)} |\n|---|---|---|\n")
rows = "".join(f"| **{t(f'src.{r}.layer', lang)}** | {t(f'src.{r}.source', lang)} "
               f"| {t(f'src.{r}.licence', lang)} |\n" for r in SOURCE_ROWS)
st.markdown(header + rows)

st.subheader(t("sources.boundaries", lang))
st.write(t("footer.boundaries", lang))
st.subheader(t("sources.attribution", lang))
st.write(t("footer.attribution", lang))


# --- editions of the list ---------------------------------------------------------------------
def _edition_name(r) -> str:
    act, day = r.get("act_no"), r.get("act_date")
    if r.get("kind") == "original":
        return t("edition.first", lang, date=fmt.date(day, lang))
    if r.get("kind") == "statistical":  # issue #19: Rosstat's tables, not an act
        return edition_label(r.get("label"), lang)
    if fmt.is_empty(act):  # an act whose number (and maybe date) is not established
        if not fmt.is_empty(day):
            return t("edition.amended_no_number", lang, date=fmt.date(day, lang))
        return edition_label(r.get("label"), lang)
    return t("edition.amended", lang, act=act_number(act, lang), date=fmt.date(day, lang))


def _editions_table() -> pd.DataFrame | None:
    try:
        from atlas.editions import list_editions

        ed = list_editions()
    except Exception:  # noqa: BLE001 - an older build without the editions layer
        return None
    recs = ed.to_dict("records")
    out = {
        t("sources.col_edition", lang): [_edition_name(r) for r in recs],
        t("sources.col_date", lang): [fmt.date(r.get("in_force_from") or r.get("act_date"), lang)
                                      for r in recs],
        t("col.towns_total", lang): [fmt.integer(r.get("towns"), lang) for r in recs],
    }
    for c in (1, 2, 3):
        out[t("sources.col_cat", lang, n=c)] = [fmt.integer(r.get(f"cat{c}"), lang) for r in recs]
    out[t("sources.col_source", lang)] = [source_text(r.get("source"), lang) for r in recs]
    return pd.DataFrame(out)


st.subheader(t("sources.editions", lang))
st.write(t("sources.editions_text", lang))
editions = _editions_table()
if editions is not None and len(editions):
    st.table(editions.set_index(t("sources.col_edition", lang)), border="horizontal")
st.markdown(f"**{t('sources.reform_title', lang)}**")
st.write(t("sources.reform_text", lang))

# --- sector definitions (when the vocabulary carries them) --------------------------------------
definitions = [(vocab_label("specialization", c, lang), t(f"specialization_definition.{c}", lang))
               for c in vocab_codes("specialization")
               if has(f"specialization_definition.{c}")]
if definitions:
    st.subheader(t("sources.definitions", lang))
    st.write(t("sources.definitions_text", lang))
    with st.expander(t("sources.definitions_open", lang, n=len(definitions))):
        st.markdown("\n".join(f"- **{sector}.** {text}" for sector, text in definitions))

# --- build counts and the full log --------------------------------------------------------------
report = data_dir() / "build_report.txt"
st.subheader(t("sources.counts", lang))
if report.exists():
    text = report.read_text(encoding="utf-8")
    st.caption(t("sources.counts_text", lang))
    st.table(build_count_table(parse_build_counts(text), lang).set_index(t("sources.col_item", lang)),
             border="horizontal")
    st.caption(t("sources.report_text", lang))
    c1, c2 = st.columns(2)
    c1.download_button(t("sources.report_download", lang), text.encode("utf-8"), "build_report.txt",
                       "text/plain", key="src_report", on_click="ignore")
    md = data_dir() / "SOURCES.md"
    if md.exists():
        c2.download_button(t("sources.md_download", lang), md.read_bytes(), "SOURCES.md",
                           "text/markdown", key="src_md", on_click="ignore")
else:
    st.info(t("sources.no_build", lang))
ui.footer(lang)
