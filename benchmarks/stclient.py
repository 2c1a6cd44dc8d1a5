"""A light Streamlit websocket client: one browser tab's protocol without the browser.

It speaks what Streamlit's frontend speaks on ``/_stcore/stream``: the ``streamlit``
subprotocol, binary protobuf frames, a ``BackMsg`` with ``rerun_script`` (a ``ClientState``
carrying the URL's query string, the page name from the URL path and the widget states) and
then the ``ForwardMsg`` stream of that run — ``new_session``, deltas, ``script_finished``.
Nothing is rendered, so a load test driven by it measures the server alone.

XSRF: Streamlit checks the token only before it reads an auth cookie; a client that sends no
cookie and no ``Origin`` header is accepted as it is (as ``curl`` or a health checker would be).

Used by ``bench_load.py``; ``parse_run`` is what the unit test checks.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ClientState_pb2 import ClientState
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetStates

FINISHED = {ForwardMsg.FINISHED_SUCCESSFULLY: "ok", ForwardMsg.FINISHED_WITH_COMPILE_ERROR: "compile error",
            ForwardMsg.FINISHED_EARLY_FOR_RERUN: "rerun", ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY: "fragment"}


def element_of(msg: ForwardMsg):
    """The new element a delta message carries, or None."""
    if msg.WhichOneof("type") != "delta" or msg.delta.WhichOneof("type") != "new_element":
        return None
    return msg.delta.new_element


def component_named(name: str) -> Callable[[ForwardMsg], bool]:
    """Matcher: a delta drawing the custom component whose name ends with ``name``."""
    def match(msg: ForwardMsg) -> bool:
        el = element_of(msg)
        return (el is not None and el.WhichOneof("type") == "component_instance"
                and el.component_instance.component_name.split(".")[-1] == name)
    return match


def markdown_equal(body: str) -> Callable[[ForwardMsg], bool]:
    """Matcher: a markdown delta whose text is exactly ``body`` (``st.write("ok")``)."""
    def match(msg: ForwardMsg) -> bool:
        el = element_of(msg)
        return el is not None and el.WhichOneof("type") == "markdown" and el.markdown.body == body
    return match


@dataclass
class RunStats:
    """What one script run sent: times are seconds since the run was requested."""

    first_match_s: float | None = None  # the delta the caller waits for (the map)
    finished_s: float | None = None  # script_finished (FINISHED_SUCCESSFULLY) arrived
    status: str | None = None
    messages: int = 0
    bytes: int = 0
    kinds: dict[str, int] = field(default_factory=dict)  # ForwardMsg type -> count
    elements: dict[str, int] = field(default_factory=dict)  # new_element type -> count
    widgets: dict[str, object] = field(default_factory=dict)  # widget id -> element (last seen)
    errors: list[str] = field(default_factory=list)  # exception messages the page showed


def parse_run(frames, match: Callable[[ForwardMsg], bool] | None = None, stats: RunStats | None = None,
              t0: float = 0.0, clock=None) -> RunStats:
    """Fold the frames of one run into ``RunStats``; stop at a successful ``script_finished``.

    ``frames`` yields ``bytes`` (one serialized ForwardMsg each). A run that ends
    FINISHED_EARLY_FOR_RERUN is followed by the rerun, so reading goes on. Returns as soon as
    the run has finished; the remaining frames are left in the iterator.
    """
    st = stats or RunStats()
    clock = clock or time.perf_counter
    for raw in frames:
        _fold(st, raw, match, t0, clock)
        if st.status is not None and st.status != "rerun":
            break
    return st


def _fold(st: RunStats, raw: bytes, match, t0: float, clock) -> None:
    msg = ForwardMsg()
    msg.ParseFromString(raw)
    st.messages += 1
    st.bytes += len(raw)
    kind = msg.WhichOneof("type") or "none"
    st.kinds[kind] = st.kinds.get(kind, 0) + 1
    el = element_of(msg)
    if el is not None:
        etype = el.WhichOneof("type") or "none"
        st.elements[etype] = st.elements.get(etype, 0) + 1
        if etype == "exception":
            st.errors.append(el.exception.message)
        widget_id = getattr(getattr(el, etype), "id", "") if etype else ""
        if isinstance(widget_id, str) and widget_id.startswith("$$ID"):
            st.widgets[widget_id] = getattr(el, etype)
    if st.first_match_s is None and match is not None and match(msg):
        st.first_match_s = clock() - t0
    if kind == "script_finished":
        st.status = FINISHED.get(msg.script_finished, str(msg.script_finished))
        if st.status != "rerun":
            st.finished_s = clock() - t0


def rerun_message(query_string: str = "", page_name: str = "", widget_states: WidgetStates | None = None,
                  url: str = "http://127.0.0.1/") -> bytes:
    """The BackMsg the frontend sends to run the page of ``url`` (first load or a widget change)."""
    cs = ClientState(query_string=query_string, page_name=page_name, page_script_hash="")
    if widget_states is not None:
        cs.widget_states.CopyFrom(widget_states)
    cs.context_info.timezone = "Europe/Moscow"
    cs.context_info.timezone_offset = -180
    cs.context_info.locale = "ru-RU"
    cs.context_info.url = url
    cs.context_info.is_embedded = False
    cs.context_info.color_scheme = "light"
    return BackMsg(rerun_script=cs).SerializeToString()


def string_widget(widget_id: str, value: str) -> WidgetStates:
    """Widget states with one string-valued widget (a radio or selectbox) set to ``value``."""
    ws = WidgetStates()
    w = ws.widgets.add()
    w.id = widget_id
    w.string_value = value
    return ws


def widget_with_key(stats: RunStats, key: str):
    """(id, element) of the widget whose user key is ``key`` (ids end with ``-<key>``)."""
    for wid, el in stats.widgets.items():
        if wid.endswith("-" + key):
            return wid, el
    raise KeyError(key)


class Session:
    """One websocket session (one browser tab) against a Streamlit server."""

    def __init__(self, port: int, host: str = "127.0.0.1"):
        self.url = f"ws://{host}:{port}/_stcore/stream"
        self.page_url = f"http://{host}:{port}/"
        self.ws = None

    async def connect(self) -> None:
        from websockets.asyncio.client import connect

        # max_size=None: a ForwardMsg can exceed the library's 1 MiB default; compression is
        # negotiated as a browser does (the server pays for deflate either way)
        self.ws = await connect(self.url, subprotocols=["streamlit"], max_size=None, open_timeout=120,
                                ping_interval=None)

    async def run(self, match=None, query_string: str = "", page_name: str = "",
                  widget_states: WidgetStates | None = None, t0: float | None = None,
                  timeout_s: float = 300) -> RunStats:
        """Ask for a run and read its messages until it has finished."""
        import asyncio

        t0 = time.perf_counter() if t0 is None else t0
        await self.ws.send(rerun_message(query_string, page_name, widget_states, self.page_url))
        st = RunStats()

        async def read():
            while st.status is None or st.status == "rerun":
                _fold(st, await self.ws.recv(), match, t0, time.perf_counter)

        await asyncio.wait_for(read(), timeout_s)
        return st

    async def close(self) -> None:
        if self.ws is not None:
            await self.ws.close()
            self.ws = None
