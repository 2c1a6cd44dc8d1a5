"""The load benchmark's light websocket client (benchmarks/stclient.py) reads runs correctly."""

import asyncio
import concurrent.futures
import sys
from pathlib import Path

import pytest
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import stclient  # noqa: E402


def _frames():
    """A run interrupted by a rerun, the rerun, then the next run's first message."""
    msgs = []
    m = ForwardMsg()
    m.new_session.name = "run-1"
    msgs.append(m)
    m = ForwardMsg()
    m.delta.new_element.markdown.body = "first"
    msgs.append(m)
    msgs.append(ForwardMsg(script_finished=ForwardMsg.FINISHED_EARLY_FOR_RERUN))
    m = ForwardMsg()
    m.delta.new_element.markdown.body = "ok"
    msgs.append(m)
    m = ForwardMsg()
    m.delta.new_element.exception.message = "boom"
    msgs.append(m)
    msgs.append(ForwardMsg(script_finished=ForwardMsg.FINISHED_SUCCESSFULLY))
    m = ForwardMsg()
    m.new_session.name = "run-2"
    msgs.append(m)
    return [x.SerializeToString() for x in msgs]


def test_parse_run_reads_through_a_rerun_and_stops_at_the_end():
    frames = iter(_frames())
    ticks = iter(range(100))
    st = stclient.parse_run(frames, stclient.markdown_equal("ok"), clock=lambda: next(ticks))
    assert st.status == "ok"
    assert st.messages == 6
    assert st.kinds == {"new_session": 1, "delta": 3, "script_finished": 2}
    assert st.elements == {"markdown": 2, "exception": 1}
    assert st.errors == ["boom"]
    assert st.first_match_s == 0  # the first tick: the "ok" delta, not "first"
    assert st.finished_s == 1
    rest = list(frames)
    assert len(rest) == 1 and ForwardMsg.FromString(rest[0]).new_session.name == "run-2"


def test_component_matcher_uses_the_declared_name():
    m = ForwardMsg()
    m.delta.new_element.component_instance.component_name = "atlas.ui.atlas_map"
    assert stclient.component_named("atlas_map")(m)
    assert not stclient.component_named("map")(m)
    assert not stclient.markdown_equal("ok")(m)


def test_a_bare_page_over_the_websocket(tmp_path):
    """A real server: first run, widget found by its key, a rerun with the widget changed."""
    from atlas.serve import start_app

    (tmp_path / "page.py").write_text(
        'import streamlit as st\nv = st.radio("pick", ["a", "b"], key="pick")\nst.write("picked " + v)\n',
        encoding="utf-8")
    proc, url = start_app(tmp_path / "page.py", cwd=tmp_path)

    async def drive():
        s = stclient.Session(int(url.rsplit(":", 1)[1]))
        await s.connect()
        try:
            first = await s.run(stclient.markdown_equal("picked a"))
            wid, radio = stclient.widget_with_key(first, "pick")
            second = await s.run(stclient.markdown_equal("picked b"),
                                 widget_states=stclient.string_widget(wid, radio.options[1]))
        finally:
            await s.close()
        return first, list(radio.options), second

    try:
        # in a thread of its own: an earlier test in the same process may leave an event loop
        # running in this thread (asyncio.run refuses to start inside one)
        with concurrent.futures.ThreadPoolExecutor(1) as pool:
            first, options, second = pool.submit(asyncio.run, drive()).result()
    finally:
        proc.terminate()
        proc.wait(20)
    assert first.status == "ok" and first.errors == []
    assert first.kinds["new_session"] == 1 and first.kinds["script_finished"] == 1
    assert first.elements == {"radio": 1, "markdown": 1}
    assert options == ["a", "b"]
    assert first.first_match_s is not None and first.first_match_s <= first.finished_s
    assert second.status == "ok" and second.first_match_s is not None
    with pytest.raises(KeyError):
        stclient.widget_with_key(first, "nope")
