// The agent inbox: a server-rendered list of open conversations (readable
// without script), and a script that keeps it live and opens conversations.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "desk/store/store.h"

namespace tandem::desk {

// Everything the page shows from a bundle is HTML-escaped here, or set as
// textContent by the script: no customer text ever becomes markup.
// me: who is signed in, named in the header beside Sign out.
std::string render_inbox(const std::vector<ConversationRow>& rows, const AgentIdentity& me,
                         std::int64_t now_ms);

extern const char* const kInboxScript;
extern const char* const kInboxStyle;
extern const char* const kInboxContentSecurityPolicy;

}  // namespace tandem::desk
