#include "desk/reports/gaps.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "desk/limits.h"
#include "desk/reports/gap_questions.h"

namespace tandem::desk {
namespace {

using nlohmann::json;

std::string text_of(const json& fields, const char* name) {
  const auto found = fields.find(name);
  return found != fields.end() && found->is_string() ? found->get<std::string>() : "";
}

// The signal an event gives, as {key, kind}; kind empty: none.
std::pair<std::string, std::string> signal_of(const GapEvent& e) {
  const json& f = e.fields;
  if (e.type == "fallback") {
    const auto candidates = f.find("candidates");
    const bool any = candidates != f.end() && candidates->is_array() && !candidates->empty();
    return {any ? (*candidates)[0].get<std::string>() : "", "fallback"};
  }
  if (e.type == "feedback" && f.value("helpful", true) == false) {
    return {text_of(f, "intent"), "not_helpful"};
  }
  if (e.type == "answer_shown" && text_of(f, "confidence") == "low") {
    return {text_of(f, "intent"), "low_confidence_answer"};
  }
  if (e.type == "handoff" && missing_knowledge(text_of(f, "reason"))) {
    return {text_of(f, "intent"), "handoff_" + text_of(f, "reason")};
  }
  return {"", ""};
}

// What a handed-off conversation came nearest to: the answer the customer
// said did not help, else the bot's top candidate.
std::string nearest_of(const json& bundle) {
  for (const json& tried : bundle.value("answers_tried", json::array())) {
    if (tried.value("feedback", "") == "not_helpful") return text_of(tried, "intent");
  }
  const json intent = bundle.value("intent", json::object());
  const json candidates = intent.is_object() ? intent.value("candidates", json::array()) : json();
  if (candidates.is_array() && !candidates.empty() && candidates[0].is_object()) {
    return text_of(candidates[0], "id");
  }
  return "";
}

// A question the desk has in words: opted in through analytics, or read
// from a handed-off transcript (then with its conversation and agent reply).
struct Said {
  std::string text, conversation, reply;
};

struct Gap {
  std::size_t signals = 0;
  std::map<std::string, std::size_t> kinds;
  std::set<std::string> conversations, unresolved;
  std::vector<std::string> questions;  // opted in, as the events carried them
  std::map<std::string, std::size_t> handoff_kinds;
  std::size_t handed_off = 0;
  std::vector<Said> said;
};

// Questions that say the same thing, each group led by its first question.
json similarity_groups(const std::vector<Said>& said) {
  struct Group {
    std::set<std::string> leader;
    std::vector<const Said*> members;
  };
  std::vector<Group> groups;
  for (const Said& s : said) {
    const auto words = fingerprint(s.text);
    auto found = std::find_if(groups.begin(), groups.end(), [&](const Group& g) {
      return similarity(g.leader, words) >= kSameQuestionSimilarity;
    });
    if (found == groups.end()) found = groups.insert(groups.end(), Group{words, {}});
    found->members.push_back(&s);
  }
  std::stable_sort(groups.begin(), groups.end(), [](const Group& a, const Group& b) {
    return a.members.size() > b.members.size();
  });
  json out = json::array();
  for (const Group& g : groups) {
    json questions = json::array(), conversations = json::array(), draft = nullptr;
    for (const Said* s : g.members) {
      if (questions.size() < kMaxGapGroupQuestions &&
          std::find(questions.begin(), questions.end(), s->text) == questions.end()) {
        questions.push_back(s->text);
      }
      if (!s->conversation.empty()) conversations.push_back(s->conversation);
      if (draft.is_null() && !s->reply.empty()) draft = s->reply;
    }
    out.push_back({{"count", g.members.size()},
                   {"questions", questions},
                   {"conversations", conversations},
                   {"draft_answer", draft}});
  }
  return out;
}

// "faq.gap-gift-card-balance": from the group's first question, unique in `used`.
std::string suggested_id(const std::string& question, std::set<std::string>& used) {
  std::string slug;
  for (unsigned char c : question) {
    if (slug.size() >= 40) break;
    if (std::isalnum(c) && c < 0x80) {
      slug.push_back(static_cast<char>(std::tolower(c)));
    } else if (!slug.empty() && slug.back() != '-') {
      slug.push_back('-');
    }
  }
  while (!slug.empty() && slug.back() == '-') slug.pop_back();
  const std::string base = "faq.gap-" + (slug.empty() ? std::string("question") : slug);
  std::string id = base;
  for (int n = 2; !used.insert(id).second; ++n) id = base + "-" + std::to_string(n);
  return id;
}

}  // namespace

bool missing_knowledge(const std::string& reason) {
  return reason == "low_confidence" || reason == "not_helpful" || reason == "repeated_failure";
}

json knowledge_gaps(const std::vector<GapEvent>& events, const std::vector<GapHandoff>& handoffs) {
  std::map<std::string, Gap> gaps;
  const auto gap_named = [&gaps](const std::string& nearest) -> Gap& {
    return gaps[nearest.empty() ? "(none)" : nearest];
  };
  for (const GapEvent& e : events) {
    const auto [key, kind] = signal_of(e);
    if (kind.empty()) continue;
    // An event that names nothing is put with what its conversation was about.
    Gap& gap = gap_named(key.empty() ? e.intent : key);
    ++gap.signals;
    ++gap.kinds[kind];
    gap.conversations.insert(e.conversation);
    if (e.outcome != "resolved_confirmed" && e.outcome != "resolved_assumed") {
      gap.unresolved.insert(e.conversation);
    }
    const std::string question = text_of(e.fields, "question");
    if (!question.empty()) {
      if (gap.questions.size() < kMaxGapQuestions) gap.questions.push_back(question);
      gap.said.push_back({question, "", ""});
    }
  }
  for (const GapHandoff& h : handoffs) {
    const json reason = h.bundle.value("reason", json::object());
    Gap& gap = gap_named(nearest_of(h.bundle));
    ++gap.handed_off;
    ++gap.handoff_kinds["handoff_" + (reason.is_object() ? text_of(reason, "code") : "")];
    for (std::string& question : failed_questions(h.bundle)) {
      gap.said.push_back({std::move(question), h.conversation, h.reply});
    }
  }
  json rows = json::array();
  for (auto& [key, gap] : gaps) {
    // Analytics ids never name a desk conversation, so the two counts cannot
    // be merged: without events (analytics off), the transcripts rank the gap.
    const bool from_events = gap.signals > 0;
    const std::size_t signals = from_events ? gap.signals : gap.handed_off;
    const std::size_t conversations = from_events ? gap.conversations.size() : gap.handed_off;
    const std::size_t unresolved = from_events ? gap.unresolved.size() : gap.handed_off;
    const double share = static_cast<double>(unresolved) / static_cast<double>(conversations);
    rows.push_back({{"nearest", key},
                    {"signals", signals},
                    {"by_kind", from_events ? gap.kinds : gap.handoff_kinds},
                    {"conversations", conversations},
                    {"unresolved", unresolved},
                    {"unresolved_share", share},
                    {"score", static_cast<double>(signals) * share},
                    {"handed_off", gap.handed_off},
                    {"questions", gap.questions},
                    {"groups", similarity_groups(gap.said)}});
  }
  std::stable_sort(rows.begin(), rows.end(), [](const json& a, const json& b) {
    return a["score"].get<double>() > b["score"].get<double>();
  });
  return {{"schema", "tandem.gaps/1"}, {"gaps", rows}};
}

json knowledge_base_suggestions(const json& gaps) {
  json suggestions = json::array();
  std::set<std::string> used;
  for (const json& gap : gaps["gaps"]) {
    for (const json& group : gap["groups"]) {
      const bool drafted = group["draft_answer"].is_string();
      suggestions.push_back(
          {{"nearest", gap["nearest"]},
           {"count", group["count"]},
           {"conversations", group["conversations"]},
           {"faq",
            {{"id", suggested_id(group["questions"][0].get<std::string>(), used)},
             {"questions", group["questions"]},
             {"answer", drafted ? group["draft_answer"].get<std::string>() : std::string()}}},
           {"answer_is_draft", drafted}});
    }
  }
  return {{"schema", "tandem.kb-suggestions/1"},
          {"how_to_use",
           "Each suggestion is a faq object for kb.json's \"faqs\" (write or edit its answer: a "
           "draft is an agent's reply to one customer), or its questions are new examples for the "
           "intent named in \"nearest\" when they ask for what that intent answers."},
          {"suggestions", suggestions}};
}

}  // namespace tandem::desk
