#include "dialogue/details.h"

#include <array>

#include "dialogue/detail_scan.h"

namespace tandem::dialogue {
namespace {

constexpr std::array<std::pair<DetailType, std::string_view>, 6> kNames = {{
    {DetailType::kOrderId, "order_id"},
    {DetailType::kEmail, "email"},
    {DetailType::kPhone, "phone"},
    {DetailType::kAmount, "amount"},
    {DetailType::kDate, "date"},
    {DetailType::kCardLast4, "card_last4"},
}};

}  // namespace

std::string_view detail_name(DetailType type) {
  for (const auto& [t, name] : kNames) {
    if (t == type) return name;
  }
  return {};
}

std::optional<DetailType> detail_from_name(std::string_view name) {
  for (const auto& [type, n] : kNames) {
    if (n == name) return type;
  }
  return std::nullopt;
}

// Most specific first: an email's digits are not a phone, a card's are not an
// order, a date's are not an amount, and phones take only the digits left over.
std::vector<Detail> extract_details(std::string_view message, const DetailContext& context) {
  detail::Scan scan(message, context);
  detail::find_emails(scan);
  detail::find_card_numbers(scan);
  detail::find_card_last4(scan);
  detail::find_dates(scan);
  detail::find_order_ids(scan);
  detail::find_amounts(scan);
  detail::find_phones(scan);
  return scan.take_details();
}

}  // namespace tandem::dialogue
