// What a visitor would see broken, measured in the page (axe checks none of it).
// page.evaluate(script, "page"): the page's problems, each a short sentence naming the
// element; page.evaluate(script, "focus"): the same for the focused element's focus ring.
(what) => {
  const problems = [];
  const name = (el) =>
    el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") +
    (el.className && typeof el.className === "string" ? "." + el.className.trim().split(/\s+/).join(".") : "") +
    (el.textContent ? ` "${el.textContent.trim().slice(0, 30)}"` : "");
  const visible = (el) => {
    const box = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    return box.width > 0 && box.height > 0 && style.visibility !== "hidden" && style.display !== "none";
  };

  // --- Colours: WCAG relative luminance and contrast ratio -------------------------------
  const canvas = document.createElement("canvas").getContext("2d");
  const rgba = (css) => {
    canvas.clearRect(0, 0, 1, 1);
    canvas.fillStyle = "#000";
    canvas.fillStyle = css;  // any CSS colour syntax the browser computes
    canvas.fillRect(0, 0, 1, 1);
    const [r, g, b, a] = canvas.getImageData(0, 0, 1, 1).data;
    return { r, g, b, a: a / 255 };
  };
  const channel = (v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
  const luminance = (c) => 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
  const contrast = (a, b) => {
    const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (light + 0.05) / (dark + 0.05);
  };
  const backgroundOf = (el) => {
    for (let node = el; node; node = node.parentElement) {
      const colour = rgba(getComputedStyle(node).backgroundColor);
      if (colour.a > 0.5) return colour;
    }
    return rgba(getComputedStyle(document.body).backgroundColor);
  };
  const needs = (ratio, what, el) => {
    if (ratio < 3) problems.push(`${what} of ${name(el)} is ${ratio.toFixed(2)}:1, under 3:1`);
  };

  if (what === "focus") {
    // The ring is drawn outside the element, on what the element sits on.
    const el = document.activeElement;
    const style = getComputedStyle(el);
    if (style.outlineStyle === "none" || parseFloat(style.outlineWidth) < 2) {
      problems.push(`${name(el)} shows no focus ring`);
    } else {
      needs(contrast(rgba(style.outlineColor), backgroundOf(el.parentElement)), "the focus ring", el);
    }
    return problems;
  }

  // Form controls: their border against what they sit on.
  for (const el of document.querySelectorAll("input:not([type=hidden]), select, textarea")) {
    if (!visible(el)) continue;
    const border = rgba(getComputedStyle(el).borderTopColor);
    needs(contrast(border, backgroundOf(el.parentElement)), "the border", el);
  }
  // Chart marks: bars against the chart's background.
  for (const el of document.querySelectorAll("svg .salary-range, svg [class*='bar-role']")) {
    if (!visible(el)) continue;
    needs(contrast(rgba(getComputedStyle(el).fill), backgroundOf(el.closest("svg"))), "the fill", el);
  }

  // --- Salary charts: every label drawn whole inside its chart ---------------------------
  for (const svg of document.querySelectorAll("svg.salary-chart")) {
    const frame = svg.getBoundingClientRect();
    for (const text of svg.querySelectorAll("text")) {
      if (!visible(text)) continue;
      const box = text.getBoundingClientRect();
      if (box.left < frame.left - 0.5 || box.right > frame.right + 0.5 ||
          box.top < frame.top - 0.5 || box.bottom > frame.bottom + 0.5) {
        problems.push(`chart label ${name(text)} is cut by its chart`);
      }
    }
  }

  // --- Gaps: no block touching the one above it where the design puts space ------------
  const drawn = (el) => {
    const style = getComputedStyle(el);
    return rgba(style.backgroundColor).a > 0.1 || parseFloat(style.borderTopWidth) > 0 ||
      parseFloat(style.borderBottomWidth) > 0;
  };
  // The edge a reader sees: the border box of a drawn block, else its content box.
  const edges = (el) => {
    const box = el.getBoundingClientRect();
    if (drawn(el)) return { top: box.top, bottom: box.bottom };
    const style = getComputedStyle(el);
    return { top: box.top + parseFloat(style.paddingTop), bottom: box.bottom - parseFloat(style.paddingBottom) };
  };
  const blocks = "section, .panel, .honest-note, .cta-band, .compare-area, .factor-grid, .key-points, figure, table";
  for (const el of document.querySelectorAll(`main :is(${blocks})`)) {
    const above = el.previousElementSibling;
    if (!above || !visible(el) || !visible(above)) continue;
    if (getComputedStyle(el).position === "absolute") continue;
    // Under a heading, the heading's own margin sets the space.
    if (/^H[1-6]$/.test(above.tagName) || above.matches(".section-head")) continue;
    const gap = edges(el).top - edges(above).bottom;
    if (gap < 12) problems.push(`${name(el)} sits ${gap.toFixed(0)}px under ${name(above)}`);
  }

  // --- Nothing wider than the window ------------------------------------------------------
  if (document.documentElement.scrollWidth > window.innerWidth) {
    problems.push(`the page scrolls sideways (${document.documentElement.scrollWidth}px)`);
  }
  return problems;
}
