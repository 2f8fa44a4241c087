// The agents' reports page: the summary and knowledge gaps of a period drawn
// as inline SVG by a script under the inbox's CSP (no inline script or style),
// with the previous period of the same length beside each figure and a CSV
// of the per-intent table.
#pragma once

namespace tandem::desk {

extern const char* const kReportsPage;
extern const char* const kReportsScript;
extern const char* const kReportsStyle;

}  // namespace tandem::desk
