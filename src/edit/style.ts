/**
 * The editing page's style: the form and the tables on the left, the problems and the preview on
 * the right; one column below 900 px (a phone at 390 px scrolls each table sideways inside its own
 * box). Sizes in rem, so the browser's zoom (200 %) and the 大字 button (适老化) scale everything.
 */
export const EDIT_CSS = `
:root { font-family: system-ui, "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", sans-serif; font-size: 100%; color: #1a1a1a; background: #fff; }
html.large { font-size: 137.5%; }
* { box-sizing: border-box; }
html { scroll-padding-top: 6rem; }
body { margin: 0; line-height: 1.5; }
.bar { position: sticky; top: 0; z-index: 2; display: flex; flex-wrap: wrap; align-items: center; gap: .5rem 1rem; padding: .5rem 1rem; background: #f4f6f8; border-bottom: 1px solid #c8ced6; }
.bar h1 { font-size: 1.1rem; margin: 0; overflow-wrap: anywhere; }
.tools { display: flex; flex-wrap: wrap; align-items: center; gap: .5rem; }
button, .tools a { font: inherit; padding: .35rem .9rem; border: 1px solid #2b5797; border-radius: .25rem; background: #fff; color: #1d3f73; text-decoration: none; cursor: pointer; min-height: 2.25rem; }
#save { background: #1d4f91; color: #fff; }
button:focus-visible, a:focus-visible, input:focus-visible, textarea:focus-visible { outline: 3px solid #e08a00; outline-offset: 1px; }
[aria-pressed="true"] { background: #1d3f73; color: #fff; }
#status { color: #333; }
#notice:not(:empty) { margin: .5rem 1rem; padding: .5rem 1rem; border: 2px solid #b35c00; background: #fff6e5; display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; }
#notice p { margin: 0; }
.layout { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 1rem; padding: 1rem; }
@media (max-width: 900px) { .layout { grid-template-columns: minmax(0, 1fr); } }
.part h2, .side h2 { font-size: 1.1rem; margin: 1.25rem 0 .5rem; }
.field { display: grid; gap: .25rem; margin: .5rem 0; position: relative; }
.field label { font-weight: 600; }
.field input, .field textarea { font: inherit; width: 100%; padding: .35rem .5rem; border: 1px solid #767676; border-radius: .2rem; }
.field textarea { min-height: 6rem; resize: vertical; }
.table-wrap { overflow-x: auto; max-width: 100%; }
table.grid { border-collapse: collapse; font-size: .9rem; }
table.grid th, table.grid td { border: 1px solid #8a8f96; padding: .15rem .3rem; vertical-align: middle; }
table.grid th { font-weight: normal; background: #f7f7f7; text-align: left; min-width: 3.5rem; }
table.grid td { position: relative; padding: 0; }
table.grid input { font: inherit; width: 100%; min-width: 5.5em; border: 0; padding: .3rem; text-align: right; font-variant-numeric: tabular-nums; background: transparent; }
table.grid input::placeholder { color: #595959; }
td.bad, .field.bad { background: #fde8e8; }
td.bad input, .field.bad input, .field.bad textarea { box-shadow: inset 0 0 0 2px #c21b1b; }
td.warn, .field.warn { background: #fff4d6; }
.msg { display: none; }
.bad > .msg:not(:empty), .warn > .msg:not(:empty) { white-space: pre-line; }
#bubble { position: fixed; z-index: 5; max-width: min(22rem, 92vw); padding: .4rem .6rem; background: #fff; border: 2px solid #5a6470; box-shadow: 0 2px 6px rgba(0,0,0,.25); white-space: pre-line; font-size: .9rem; }
#bubble.problem { border-color: #c21b1b; }
#bubble strong { font-weight: 600; }
#bubble[hidden] { display: none; }
.field.bad > .msg:not(:empty), .field.warn > .msg:not(:empty) { display: block; color: #8f1414; }
.side { min-width: 0; }
@media (min-width: 901px) { .side { position: sticky; top: 4rem; align-self: start; max-height: calc(100vh - 5rem); overflow-y: auto; } }
#problems { max-height: 35vh; overflow-y: auto; border: 1px solid #c8ced6; padding: 0 .75rem .5rem; }
#problems[aria-busy="true"] #problem-list { opacity: .5; }
#problem-list { padding-left: 1.2rem; margin: 0; }
#problem-list li { margin: .3rem 0; }
#problem-list li.error::marker { color: #c21b1b; }
#problem-list a { color: #1d3f73; }
#machine { white-space: pre-line; font-size: .85rem; color: #404040; margin: .5rem 0 0; }
#machine:empty { display: none; }
.preview h2 { margin-top: .75rem; }
.preview iframe { width: 100%; height: 55vh; border: 1px solid #c8ced6; background: #fff; }
dialog { max-width: min(40rem, 95vw); }
dialog table { border-collapse: collapse; }
dialog th, dialog td { border: 1px solid #8a8f96; padding: .2rem .4rem; text-align: left; }
.dialog-buttons { display: flex; gap: .5rem; margin-top: .75rem; }
.unusable { padding: .75rem; border: 2px solid #c21b1b; }
.start { max-width: 48rem; padding: 0 1rem 2rem; }
.start section { margin-top: 1.5rem; }
.reports { list-style: none; padding: 0; }
.reports li { margin: .4rem 0; }
.reports span { color: #404040; font-size: .9rem; }
`;
