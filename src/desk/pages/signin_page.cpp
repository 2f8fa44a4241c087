#include "desk/pages/signin_page.h"

#include "desk/http/http_util.h"

namespace tandem::desk {

std::string render_sign_in(const std::string& error, const std::string& name) {
  const std::string alert =
      error.empty() ? "" : "<p class=\"error\" role=\"alert\">" + html_escape(error) + "</p>";
  return "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
         "<title>Tandem desk · sign in</title><link rel=\"stylesheet\" href=\"/inbox.css\">"
         "</head>\n<body>\n<header><h1>Tandem desk</h1></header>\n"
         "<main class=\"signin\"><form method=\"post\" action=\"/signin\">"
         "<h2>Sign in</h2>" +
         alert +
         "<label for=\"name\">Agent name</label>"
         "<input id=\"name\" name=\"name\" autocomplete=\"username\" required "
         "autocapitalize=\"none\" spellcheck=\"false\" value=\"" +
         html_escape(name) +
         "\"><label for=\"secret\">Secret</label>"
         "<input id=\"secret\" name=\"secret\" type=\"password\" "
         "autocomplete=\"current-password\" required>"
         "<button type=\"submit\">Sign in</button></form></main>\n</body></html>\n";
}

}  // namespace tandem::desk
