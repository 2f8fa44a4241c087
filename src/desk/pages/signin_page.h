// The agents' sign-in page: a plain form (no script needed), name and secret.
#pragma once

#include <string>

namespace tandem::desk {

// error: shown above the form (HTML-escaped here); empty: none.
std::string render_sign_in(const std::string& error, const std::string& name);

}  // namespace tandem::desk
