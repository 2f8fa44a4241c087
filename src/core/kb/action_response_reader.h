// Validation of an action's response side (docs/actions.md): the "fields" it
// takes from the API's response and the "answers" that use them, so every
// response the declared types allow gets an answer.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/status.h"
#include "kb/actions.h"

namespace tandem::kb {

// 1 to 40 characters of a-z, 0-9 and '_', starting with a letter: action ids and field names.
bool is_action_name(std::string_view name);

// "fields": {...}; none may take the name of one of the URL's variables (inputs).
std::vector<ActionField> read_action_fields(const nlohmann::json& object, const std::string& at,
                                            const std::vector<std::string>& inputs,
                                            std::vector<Error>& errors);

// "answers": [...] of an action whose fields are read; texts may use only
// the declared variables.
std::vector<ActionAnswer> read_action_answers(const nlohmann::json& list, const std::string& at,
                                              const Action& action,
                                              const std::vector<std::string>& variables,
                                              std::vector<Error>& errors);

// Records a problem for each {variable} of text not in declared: a typo must
// not render as a blank.
void check_template_variables(const std::string& text, const std::string& at,
                              const std::vector<std::string>& declared, std::vector<Error>& errors);

}  // namespace tandem::kb
