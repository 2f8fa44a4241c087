// Keeps the open panel inside the visual viewport on phones, so the on-screen
// keyboard never covers the input. The size goes into custom properties of a
// constructable stylesheet: no inline styles, so strict CSP pages work too.
export function trackViewport(shadowRoot) {
  const viewport = globalThis.visualViewport;
  if (!viewport || !('adoptedStyleSheets' in shadowRoot) || typeof CSSStyleSheet !== 'function') {
    return () => {}; // widget.css falls back to 100dvh
  }
  const sheet = new CSSStyleSheet();
  shadowRoot.adoptedStyleSheets = [...shadowRoot.adoptedStyleSheets, sheet];
  const update = () => {
    sheet.replaceSync(
      `:host{--tandem-viewport-height:${Math.round(viewport.height)}px;` +
        `--tandem-viewport-top:${Math.round(viewport.offsetTop)}px}`,
    );
  };
  update();
  viewport.addEventListener('resize', update);
  viewport.addEventListener('scroll', update);
  return () => {
    viewport.removeEventListener('resize', update);
    viewport.removeEventListener('scroll', update);
    shadowRoot.adoptedStyleSheets = shadowRoot.adoptedStyleSheets.filter((s) => s !== sheet);
  };
}
