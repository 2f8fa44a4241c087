// Reading an action's response: only the declared fields are taken, each
// checked against its declared type, so an extra field (an internal score)
// can never reach the customer and a changed API is noticed, not shown.
#pragma once

#include <string>
#include <string_view>

#include "base/status.h"
#include "kb/action_templates.h"
#include "kb/actions.h"

namespace tandem::kb {

// The declared fields as answer text (dates as "14 December 2026"), or why the
// body is not what the action declares: not JSON, a field missing, of another
// type, or an enum value the knowledge base does not list.
Expected<TemplateValues> extract_fields(const Action& action, std::string_view body);

// The first answer whose `when` matches the values, or nullptr.
const ActionAnswer* choose_answer(const Action& action, const TemplateValues& values);

// RFC 6901 syntax: "" or "/a/b~1c"; "~" only as "~0" or "~1".
bool is_json_pointer(std::string_view pointer);

}  // namespace tandem::kb
