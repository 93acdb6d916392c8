/**
 * The sidebar's width, and the narrowest window beside which it makes room: the manifest
 * CSS (highlights.content.css) takes the same width off the page (a unit test holds the
 * two together).
 */
export const SIDEBAR_WIDTH_PX = 380;
export const ROOM_MIN_VIEWPORT_PX = 640;

/**
 * The card's and sidebar's styles, adopted into our closed shadow root. Page styles cannot
 * reach in; `:host` with !important beats even a page's `* { all: unset !important }`
 * (inner !important wins over outer), and `all: initial` stops inherited page fonts.
 */
export const PAGE_UI_CSS = `
:host { all: initial !important; display: block !important; position: static !important; }
.root {
  all: initial;
  --bg: #ffffff; --fg: #1b1b1f; --muted: #5b5f6b; --line: #d8dae0; --accent: #1a5fd0;
  --mark: #fff1a8; --warn-bg: #fff3e0; --warn-fg: #8a3b00; --ok: #1e7b34; --bad: #b3261e;
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK SC", sans-serif;
  color: var(--fg);
}
@media (prefers-color-scheme: dark) {
  .root {
    --bg: #1f2127; --fg: #eceef3; --muted: #a9aebb; --line: #3a3d46; --accent: #8ab4ff;
    --mark: #5c4b00; --warn-bg: #3d2a12; --warn-fg: #ffcf99; --ok: #7fd48f; --bad: #ff9b93;
  }
}
* { box-sizing: border-box; }
.card, .sidebar {
  position: fixed; z-index: 2147483647; background: var(--bg); color: var(--fg);
  border: 1px solid var(--line); box-shadow: 0 6px 24px rgba(0,0,0,.22); overflow: auto;
  text-align: left; direction: ltr; font: inherit; letter-spacing: normal;
}
.card { width: 340px; padding: 10px 12px 0; border-radius: 8px; animation: fade .12s ease-out; }
/* The way into the sidebar stays in view when a short viewport makes the card scroll. */
.card-foot { position: sticky; bottom: 0; background: var(--bg); padding: 4px 0 10px; }
.card-foot .link { margin-top: 0; }
.sidebar { top: 0; right: 0; bottom: 0; width: min(${SIDEBAR_WIDTH_PX}px, 100vw); border-width: 0 0 0 1px;
  display: flex; flex-direction: column; animation: slide .16s ease-out; }
@keyframes fade { from { opacity: 0; } }
@keyframes slide { from { transform: translateX(24px); } }
@media (prefers-reduced-motion: reduce) { .card, .sidebar { animation: none; } }
.card-head, .sb-head { display: flex; align-items: center; gap: 8px; }
.card-tools { margin-left: auto; display: flex; gap: 2px; }
.tool { color: var(--muted); width: 24px; height: 24px; border-radius: 4px; display: grid; place-items: center; }
.tool:hover { color: var(--fg); background: var(--line); }
.tool[aria-pressed="true"] { color: var(--accent); background: var(--line); }
.sb-head { padding: 8px 12px; border-bottom: 1px solid var(--line); }
.brand { font-weight: 600; flex: 1; }
.sb-body { padding: 4px 14px 24px; overflow: auto; flex: 1; }
.term { font-size: 15px; }
h2 { font-size: 18px; margin: 12px 0 4px; }
h3 { font-size: 14px; margin: 16px 0 6px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
h4 { font-size: 14px; margin: 10px 0 0; }
p { margin: 6px 0; }
.muted { color: var(--muted); font-size: 13px; }
.kind { font-size: 12px; padding: 1px 6px; border-radius: 9px; border: 1px solid var(--line); color: var(--muted); }
.disagree { display: inline-block; background: var(--warn-bg); color: var(--warn-fg); font-size: 12px;
  font-weight: 600; padding: 2px 8px; border-radius: 9px; margin-left: 6px; }
p.disagree { margin: 6px 0; }
.quote { quotes: "\\201C" "\\201D"; }
.quote.own-marks { quotes: none; }
.verdicts { margin: 6px 0; }
.verdict { font-size: 13px; padding: 3px 8px; border-radius: 6px; border-left: 3px solid var(--line); margin: 4px 0; }
.verdict-conflict { background: var(--warn-bg); color: var(--warn-fg); border-left-color: var(--warn-fg); }
.verdict-compatible, .verdict-different-moments, .verdict-different-things { border-left-color: var(--accent); }
.question, .topic { border-top: 1px solid var(--line); padding-top: 2px; margin-top: 8px; }
.answers { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: 8px; margin-top: 6px; }
.answer { border: 1px solid var(--line); border-radius: 6px; padding: 4px 8px; min-width: 0; }
.gist { font-weight: 600; margin: 2px 0 4px; }
.answer blockquote { margin: 0; font-size: 13px; }
.values { display: flex; flex-wrap: wrap; gap: 4px 14px; margin: 4px 0; font-size: 13px; }
.context blockquote { border-left-style: dashed; margin-top: 2px; }
.context > p { margin-bottom: 0; }
.answer-quote { margin: 4px 0 6px; }
.answer-quote figcaption { margin: 0 0 0 13px; }
mark { background: var(--mark); color: inherit; font-weight: 600; }
figure { margin: 8px 0; } figcaption { color: var(--muted); font-size: 12px; margin-top: 2px; }
blockquote { margin: 6px 0 10px; padding-left: 10px; border-left: 3px solid var(--line); }
button { font: inherit; color: inherit; cursor: pointer; background: none; border: 0; padding: 0; }
button:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
.link { color: var(--accent); text-decoration: underline; font-size: 13px; display: block; margin-top: 4px; }
/* A quote's caption: source, caveat, then "Read in source" and "Copy with citation" on one line. */
.source-name, .caveat { display: block; }
.caveat { color: var(--warn-fg); }
.quote-links { display: flex; flex-wrap: wrap; gap: 0 12px; align-items: baseline; }
.quote-links .link { display: inline; margin-top: 2px; font-size: 12px; }
.icon { font-size: 18px; line-height: 1; padding: 2px 6px; border-radius: 4px; }
.info-icon { display: block; }
.chip { border: 1px solid var(--line); border-radius: 12px; padding: 2px 10px; }
ul { list-style: none; margin: 0; padding: 0; }
.related { display: flex; flex-wrap: wrap; gap: 6px; }
.terms li { display: flex; align-items: center; border-bottom: 1px solid var(--line); }
.term-row { flex: 1; display: flex; justify-content: space-between; padding: 6px 4px; text-align: left; }
.count { color: var(--muted); font-variant-numeric: tabular-nums; }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
th, td { text-align: left; padding: 4px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-weight: 500; }
.page-row { background: var(--warn-bg); }
.agree { color: var(--ok); } .differs { color: var(--bad); font-weight: 600; }
.compare { font-weight: 600; } .compare-differs { color: var(--bad); border-left: 3px solid var(--bad); padding-left: 6px; }
/* Scrollbar markers: a strip at the window's edge, or at the open sidebar's. */
.scroll-marks { position: fixed; z-index: 2147483646; top: 0; bottom: 0; right: 0; width: 10px;
  pointer-events: none; }
.scroll-marks.beside { right: min(${SIDEBAR_WIDTH_PX}px, 100vw); }
.tick { position: absolute; left: 1px; right: 1px; height: 3px; padding: 0; margin-top: -1px; border-radius: 1px;
  background: var(--accent); box-shadow: 0 0 0 1px var(--bg); pointer-events: auto; cursor: pointer; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
`;
