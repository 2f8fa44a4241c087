// The inbox's and sign-in page's style sheet (inbox_page.h).
#include "desk/pages/inbox_page.h"

namespace tandem::desk {

const char* const kInboxStyle = R"css(
body { margin: 0; font: 14px/1.4 system-ui, sans-serif; color: #1d232a; background: #f5f6f8; }
header { display: flex; flex-wrap: wrap; gap: .5em 1em; align-items: center; padding: .5em 1em; background: #1d232a; color: #fff; }
header h1 { font-size: 1.1em; margin: 0; }
header button { margin-left: auto; }
header form.me { display: flex; gap: .5em; align-items: center; margin: 0; }
nav label.mine { display: flex; align-items: center; gap: .4em; margin: 0 .8em .4em; }
nav label.mine[hidden] { display: none; }
.assignee { float: right; font-size: .85em; color: #1f5fbf; }
.note { margin: .4em 0; padding: .45em .75em; border-radius: 6px; background: #fff4c2; border: 1px dashed #8a6d00; overflow-wrap: anywhere; white-space: pre-line; }
.note .meta { white-space: normal; font-size: .85em; color: #5c4a00; }
.note .who { font-weight: 700; }
ol.audit { padding-left: 1.2em; color: #3b4450; }
main.signin { display: block; height: auto; max-width: 24em; margin: 2em auto; padding: 0 1em; }
main.signin form { flex-direction: column; flex-wrap: nowrap; }
main.signin input { font: inherit; padding: .4em .6em; }
.error { color: #b00020; font-weight: 600; }
main { display: grid; grid-template-columns: minmax(16em, 28em) 1fr; height: calc(100vh - 2.8em); }
nav { overflow-y: auto; border-right: 1px solid #d5d9df; background: #fff; }
nav input[type="search"] { box-sizing: border-box; width: calc(100% - 1.6em); margin: .6em .8em; padding: .4em .6em; font: inherit; }
nav ul { list-style: none; margin: 0; padding: 0; }
nav a { display: block; padding: .6em 1em; border-bottom: 1px solid #eceff3; color: inherit; text-decoration: none; }
nav a:hover, nav a.open { background: #e9f1ff; }
nav li.new a { box-shadow: inset 4px 0 #c62828; }
.summary { display: block; font-weight: 600; }
.reason, .wait, .queue { color: #505a66; font-size: .9em; }
.priority { font-size: .8em; text-transform: uppercase; padding: 0 .4em; border-radius: 3px; background: #e3e6ea; }
.priority.urgent { background: #c62828; color: #fff; }
.priority.high { background: #b34700; color: #fff; }
section { overflow-y: auto; padding: 1em 1.5em; }
.back { display: none; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .2em 1em; overflow-wrap: anywhere; }
dt { color: #505a66; }
dd { margin: 0; }
/* Who said what at a glance: colour, side and a label. */
.turn { width: fit-content; max-width: min(85%, 46em); margin: .4em 0; padding: .45em .75em; border-radius: 12px; overflow-wrap: anywhere; white-space: pre-line; }
.turn .meta { white-space: normal; }
.turn .meta { font-size: .85em; color: #505a66; }
.turn .who { font-weight: 700; }
.turn.customer { background: #fff; border: 1px solid #c9ced6; border-bottom-left-radius: 3px; }
.turn.bot { background: #e6e9ee; border-bottom-left-radius: 3px; }
.turn.agent { margin-left: auto; background: #1f5fbf; color: #fff; border-bottom-right-radius: 3px; }
.turn.agent .meta { color: #e6eeff; }
form { display: flex; flex-wrap: wrap; gap: .5em; margin-top: 1em; }
div.notes { display: flex; flex-wrap: wrap; gap: .5em; }
textarea { flex: 1 1 100%; min-height: 4em; font: inherit; box-sizing: border-box; }
/* A phone: the list and the open conversation are two views, not two panes. */
@media (max-width: 700px) {
  main { display: block; height: auto; }
  nav { border-right: none; }
  section { padding: .8em; }
  body.viewing nav, body:not(.viewing) section { display: none; }
  .back { display: inline-block; margin-bottom: .5em; padding: .3em 0; }
  dl { grid-template-columns: 1fr; }
  dt { margin-top: .3em; }
}
)css";

}  // namespace tandem::desk
