#include "desk/pages/inbox_page.h"

#include "desk/http/http_util.h"

namespace tandem::desk {
namespace {

std::string waiting(std::int64_t since_ms, std::int64_t now_ms) {
  const std::int64_t minutes = (now_ms - since_ms) / 60000;
  if (minutes < 1) return "just now";
  if (minutes < 60) return std::to_string(minutes) + " min";
  return std::to_string(minutes / 60) + " h " + std::to_string(minutes % 60) + " min";
}

}  // namespace

const char* const kInboxContentSecurityPolicy =
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

std::string render_inbox(const std::vector<ConversationRow>& rows, const AgentIdentity& me,
                         std::int64_t now_ms) {
  std::string items;
  for (const auto& row : rows) {
    const std::string wait =
        row.waiting_since_ms ? waiting(*row.waiting_since_ms, now_ms) : "answered";
    items += "<li><a href=\"#" + html_escape(row.id) + "\" data-id=\"" + html_escape(row.id) +
             "\"><span class=\"priority " + html_escape(row.priority) + "\">" +
             html_escape(row.priority) + "</span> <span class=\"queue\">" +
             html_escape(row.queue.empty() ? "default" : row.queue) +
             "</span> <span class=\"wait\">" + html_escape(wait) +
             "</span><span class=\"summary\">" + html_escape(row.summary) +
             "</span><span class=\"reason\">" + html_escape(row.reason) + "</span>" +
             (row.assignee.empty()
                  ? ""
                  : "<span class=\"assignee\">" + html_escape(row.assignee) + "</span>") +
             "</a></li>\n";
  }
  if (items.empty()) items = "<li class=\"empty\">No open conversations.</li>\n";
  const std::string who = me.shared() ? "shared token"
                          : me.display_name.empty()
                              ? me.name
                              : me.name + " (customers see " + me.display_name + ")";
  return "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
         "<title>Tandem desk · inbox</title><link rel=\"stylesheet\" href=\"/inbox.css\">"
         "<script type=\"module\" src=\"/inbox.js\"></script></head>\n<body>\n"
         "<header><h1>Inbox</h1><span id=\"status\" role=\"status\"></span>"
         "<button type=\"button\" id=\"alerts\" aria-pressed=\"false\" hidden>"
         "Alert me to urgent conversations</button>"
         "<form method=\"post\" action=\"/signout\" class=\"me\"><span id=\"me\" data-agent=\"" +
         html_escape(me.name) + "\">" + html_escape(who) +
         "</span> <button type=\"submit\">Sign out</button></form></header>\n"
         "<main><nav aria-label=\"Conversations\"><input type=\"search\" id=\"search\" "
         "placeholder=\"Search summary, reason, id\" aria-label=\"Search conversations\" hidden>"
         "<label class=\"mine\" hidden><input type=\"checkbox\" id=\"mine\"> Assigned to me</label>"
         "<ul id=\"conversations\">\n" +
         items +
         "</ul></nav>\n<section id=\"conversation\" aria-live=\"polite\">"
         "<p class=\"hint\">Choose a conversation.</p></section></main>\n</body></html>\n";
}

}  // namespace tandem::desk
