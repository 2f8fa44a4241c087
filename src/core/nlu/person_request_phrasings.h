// The person-request detector's built-in training phrasings, one a line in
// each block, so that adding one is adding a line. Written apart from the
// held-out set in tests/data/person_requests/ (its README says how).
#pragma once

#include <string_view>
#include <vector>

namespace tandem::nlu {

// Requests for a person.
std::string_view plain_person_request_lines();
std::string_view person_request_with_need_lines();
std::string_view person_request_against_bot_lines();

// Messages that ask for no one, many in the words requests use.
std::string_view person_mention_lines();
std::string_view routine_banking_lines();
std::string_view routine_sector_lines();
std::string_view other_request_lines();
std::string_view chat_message_lines();

// The blocks split into phrasings, empty lines skipped.
std::vector<std::string_view> person_request_phrasings();
std::vector<std::string_view> person_mention_phrasings();

}  // namespace tandem::nlu
