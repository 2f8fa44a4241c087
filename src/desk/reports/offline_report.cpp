#include "desk/reports/offline_report.h"

#include <algorithm>
#include <fstream>
#include <iostream>
#include <iterator>
#include <limits>
#include <map>
#include <set>

#include "desk/http/http_util.h"
#include "desk/reports/events.h"
#include "desk/reports/facts.h"
#include "desk/reports/summary.h"

namespace tandem::desk {

int run_offline_report(const std::vector<std::string>& args) {
  constexpr const char* kUsage =
      "usage: tandem-desk report EVENTS.json [--since S] [--until U] [--tz Z]\n";
  std::string file, since, until, tz;
  for (std::size_t i = 0; i < args.size(); ++i) {
    std::string* target = args[i] == "--since"   ? &since
                          : args[i] == "--until" ? &until
                          : args[i] == "--tz"    ? &tz
                                                 : nullptr;
    if (target && i + 1 < args.size()) {
      *target = args[++i];
    } else if (!target && file.empty() && args[i].rfind("--", 0) != 0) {
      file = args[i];
    } else {
      std::cerr << kUsage;
      return 2;
    }
  }
  if (file.empty()) {
    std::cerr << kUsage;
    return 2;
  }
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    std::cerr << "tandem-desk report: cannot read " << file << "\n";
    return 1;
  }
  const auto body = nlohmann::json::parse(std::istreambuf_iterator<char>(in),
                                          std::istreambuf_iterator<char>(), nullptr, false);
  if (body.is_discarded()) {
    std::cerr << "tandem-desk report: " << file << " is not valid JSON\n";
    return 1;
  }
  auto parsed = parse_event_batch(body, std::numeric_limits<std::size_t>::max());
  if (const auto* problem = std::get_if<std::string>(&parsed)) {
    std::cerr << "tandem-desk report: " << file << ": " << *problem << "\n";
    return 1;
  }
  auto period = parse_period(since, until, tz, now_ms());
  if (const auto* problem = std::get_if<std::string>(&period)) {
    std::cerr << "tandem-desk report: " << *problem << "\n";
    return 2;
  }
  // As the desk does: each event once, folded into its conversation's facts.
  std::map<std::string, Facts> conversations;
  std::set<std::string> seen;
  for (const Event& event : std::get<std::vector<Event>>(parsed)) {
    if (!seen.insert(event.id).second) continue;
    Facts& facts = conversations[event.conversation];
    facts.conversation = event.conversation;
    apply(facts, event);
  }
  const Period& p = std::get<Period>(period);
  std::vector<Facts> in_period;
  for (auto& [id, facts] : conversations) {
    if (facts.started_ms >= p.since_ms && facts.started_ms < p.until_ms) {
      in_period.push_back(std::move(facts));
    }
  }
  std::stable_sort(in_period.begin(), in_period.end(),
                   [](const Facts& a, const Facts& b) { return a.started_ms < b.started_ms; });
  std::cout << summarise(in_period, p).dump(2) << "\n";
  return 0;
}

}  // namespace tandem::desk
