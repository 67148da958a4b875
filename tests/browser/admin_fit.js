// Whether an admin page fits its window: no field past the right edge (of the window or of
// its form), nothing scrolling sideways inside a form, no sideways scroll of the page.
// Returns one short sentence per problem, naming the element.
() => {
  const width = document.documentElement.clientWidth;
  const problems = [];
  const name = (el) =>
    el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + (el.name ? `[name=${el.name}]` : "");
  const visible = (el) => {
    const box = el.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== "hidden";
  };
  const page = document.scrollingElement;
  if (page.scrollWidth > width + 1) problems.push(`the page scrolls sideways (${page.scrollWidth} > ${width} px)`);
  for (const field of document.querySelectorAll("input, select, textarea, button, label")) {
    if (field.type === "hidden" || !visible(field)) continue;
    const box = field.getBoundingClientRect();
    if (box.right > width + 1) problems.push(`${name(field)} ends past the right edge (${Math.round(box.right)} > ${width} px)`);
    const form = field.closest("form");
    if (form && box.right > form.getBoundingClientRect().right + 1) problems.push(`${name(field)} ends past its form`);
  }
  for (const form of document.querySelectorAll("form")) {
    for (const el of [form, ...form.querySelectorAll("*")]) {
      if (!visible(el) || !["auto", "scroll"].includes(getComputedStyle(el).overflowX)) continue;
      if (el.scrollWidth > el.clientWidth + 1) problems.push(`${name(el)}.${el.className} scrolls sideways inside a form`);
    }
  }
  return problems;
}
