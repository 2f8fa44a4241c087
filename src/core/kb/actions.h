// Actions: declared HTTP requests to the company's own API whose declared
// response fields feed answer templates (docs/actions.md, ARCHITECTURE.md
// 3.5). The browser makes the call; the knowledge base only says what may be
// called, with what, and how each answer reads.
#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace tandem::kb {

inline constexpr std::size_t kMaxActions = 50;
inline constexpr std::size_t kMaxActionHosts = 20;
inline constexpr std::size_t kMaxActionFields = 30;
inline constexpr std::size_t kMaxActionAnswers = 30;
inline constexpr std::size_t kMaxActionUrlChars = 2000;
inline constexpr int kDefaultActionTimeoutMs = 4000;
inline constexpr int kMaxActionTimeoutMs = 30000;

enum class FieldType { kString, kNumber, kDate, kEnum };

// A value the answer may use: where it is in the response, and what it must be.
struct ActionField {
  std::string name;     // the template variable
  std::string pointer;  // JSON pointer into the response ("/shipment/carrier")
  FieldType type = FieldType::kString;
  std::vector<std::string> values;  // kEnum: every value the API may send
};

// One answer, chosen when every enum field named in `when` has that value;
// an answer without `when` is the default. Texts are {variable} templates.
struct ActionAnswer {
  std::vector<std::pair<std::string, std::string>> when;  // field -> enum value
  std::string text;
};

struct Action {
  std::string id;
  std::string method = "GET";
  std::string url;  // template: "https://api.example.com/v1/orders/{order_id}"
  std::vector<std::pair<std::string, std::string>> headers;  // declared, non-secret
  bool needs_customer = false;  // sent with the identify() token; never called without one
  int timeout_ms = kDefaultActionTimeoutMs;
  std::vector<ActionField> fields;
  std::vector<ActionAnswer> answers;  // first match wins
  std::string sign_in;                // said when the customer must sign in first; empty = default
  std::string not_found;  // said before asking a URL detail again (404); empty = default
};

std::string_view field_type_name(FieldType type);

// The detail names a URL template uses, in order ("order_id").
std::vector<std::string> url_variables(const Action& action);

// "https://shop.example.com:8443/x" -> "shop.example.com:8443"; "" when not http(s).
std::string url_host(std::string_view url);
// Loopback hosts may be called over plain http (a company's local test API).
bool is_loopback_host(std::string_view host);

}  // namespace tandem::kb
