// The page's `integrity` option: a Subresource Integrity hash per file name
// (docs/embedding.md, Hosting), e.g. the build's integrity.json pasted as is.
// The hashes go to fetch(), which refuses bytes that do not match.

// The hashes by file name, or null when the option is not such an object.
export function parseIntegrity(text) {
  let hashes;
  try {
    hashes = JSON.parse(text || '{}');
  } catch {
    return null;
  }
  const valid = hashes?.constructor === Object && Object.values(hashes).every((hash) => typeof hash === 'string');
  return valid ? hashes : null;
}

export function integrityOf(hashes, url) {
  return hashes?.[new URL(url).pathname.split('/').pop()] || '';
}
