// The span marker's view: the passage word by word; a click or press-drag marks words.
// Offsets count code points, as Python does, so the passage is split with Array.from.
// Passage text only ever reaches the page through textContent (never innerHTML).

const HINT =
  "Click a word to mark it, or press on a word and drag across several words. " +
  "Click a marked word to unmark it; × removes a whole marked phrase.";

function phrase(chars, [start, end]) {
  return chars.slice(start, end).join("").replace(/\s+/g, " ");
}

// Sorted stretches; those that overlap or that only whitespace separates become one.
function mergeSpans(spans, chars) {
  const sorted = spans
    .filter(([start, end]) => start < end)
    .map(([start, end]) => [start, end])
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged = [];
  for (const [start, end] of sorted) {
    const last = merged[merged.length - 1];
    if (last && chars.slice(last[1], start).join("").trim() === "") {
      last[1] = Math.max(last[1], end);
    } else {
      merged.push([start, end]);
    }
  }
  return merged;
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function render({ model, el }) {
  const root = element("div", "kit-span-marker");
  const hint = element("p", "kit-span-hint", HINT);
  const passage = element("div", "kit-span-passage");
  passage.dir = "auto";
  passage.setAttribute("role", "group");
  passage.setAttribute("aria-label", "Passage: click or drag over words to mark them");
  // Enter, Space and arrows on a word belong to the marker, not to JupyterLab's shortcuts.
  passage.setAttribute("data-lm-suppress-shortcuts", "true");
  const list = element("p", "kit-span-list");
  list.setAttribute("aria-live", "polite");
  root.append(hint, passage, list);
  el.append(root);

  let chars = [];
  let words = [];
  let wordEls = [];
  let gaps = []; // {node, start, end}: the text between words
  let drag = null; // {anchor, current, pointerId} while a press-drag is under way

  const spans = () => mergeSpans(model.get("spans") || [], chars);
  const covers = (marked, [start, end]) => marked.some(([s, e]) => s <= start && end <= e);

  function save(newSpans) {
    model.set("spans", mergeSpans(newSpans, chars));
    model.save_changes();
  }

  function markWords(first, last) {
    save([...spans(), [words[first][0], words[last][1]]]);
  }

  function unmarkWord(index) {
    const [ws, we] = words[index];
    const kept = [];
    for (const [s, e] of spans()) {
      if (!(s <= ws && we <= e)) {
        kept.push([s, e]);
        continue;
      }
      if (index > 0 && words[index - 1][0] >= s) kept.push([s, words[index - 1][1]]);
      if (index + 1 < words.length && words[index + 1][1] <= e) {
        kept.push([words[index + 1][0], e]);
      }
    }
    save(kept);
  }

  function toggleWord(index) {
    if (covers(spans(), words[index])) unmarkWord(index);
    else markWords(index, index);
  }

  function removeSpan(span) {
    const first = words.findIndex(([ws]) => ws >= span[0]);
    save(spans().filter(([s, e]) => s !== span[0] || e !== span[1]));
    if (first >= 0 && wordEls[first]) wordEls[first].focus();
  }

  function removeButton(className, span) {
    const button = element("button", className, "×");
    const label = `Remove the mark on '${phrase(chars, span)}'`;
    button.type = "button";
    button.title = label;
    button.setAttribute("aria-label", label);
    button.addEventListener("click", (event) => {
      event.stopPropagation();
      removeSpan(span);
    });
    return button;
  }

  function build() {
    chars = Array.from(model.get("text") || "");
    words = (model.get("words") || []).filter(
      ([start, end]) => 0 <= start && start < end && end <= chars.length,
    );
    passage.replaceChildren();
    wordEls = [];
    gaps = [];
    let position = 0;
    const addGap = (start, end) => {
      if (start >= end) return;
      const node = element("span", "kit-span-gap", chars.slice(start, end).join(""));
      gaps.push({ node, start, end });
      passage.append(node);
    };
    words.forEach(([start, end], index) => {
      addGap(position, start);
      const word = element("span", "kit-span-word", chars.slice(start, end).join(""));
      word.tabIndex = 0;
      word.dataset.index = String(index);
      word.setAttribute("role", "button");
      wordEls.push(word);
      passage.append(word);
      position = end;
    });
    addGap(position, chars.length);
    if (!words.length) {
      passage.append(element("em", "kit-span-empty", "There are no words to mark."));
    }
    paint();
  }

  function paint() {
    const marked = spans();
    wordEls.forEach((word, index) => {
      const on = covers(marked, words[index]);
      word.classList.toggle("kit-span-marked", on);
      word.setAttribute("aria-pressed", String(on));
    });
    for (const gap of gaps) {
      gap.node.classList.toggle("kit-span-marked", covers(marked, [gap.start, gap.end]));
    }
    // A × about to be replaced hands the focus to the word before it.
    const focused = document.activeElement;
    const keepFocus = passage.contains(focused) && focused.classList.contains("kit-span-remove")
      ? focused.previousElementSibling
      : null;
    passage.querySelectorAll(".kit-span-remove").forEach((button) => button.remove());
    for (const span of marked) {
      const last = words.reduce((found, [, we], index) => (we <= span[1] ? index : found), -1);
      if (last >= 0) wordEls[last].after(removeButton("kit-span-remove", span));
    }
    if (keepFocus) keepFocus.focus({ preventScroll: true });
    list.replaceChildren();
    if (!marked.length) {
      list.textContent = "Nothing marked yet";
      return;
    }
    list.append("Marked: ");
    marked.forEach((span, index) => {
      if (index) list.append(", ");
      const item = element("span", "kit-span-item", `'${phrase(chars, span)}' `);
      item.append(removeButton("kit-span-list-remove", span));
      list.append(item);
    });
  }

  // The words a press-drag would mark, outlined while the pointer moves.
  function showPreview() {
    const first = drag ? Math.min(drag.anchor, drag.current) : 1;
    const last = drag ? Math.max(drag.anchor, drag.current) : 0;
    wordEls.forEach((word, index) => {
      word.classList.toggle("kit-span-preview", first <= index && index <= last);
    });
    const [from, to] = drag ? [words[first][0], words[last][1]] : [0, 0];
    for (const gap of gaps) {
      gap.node.classList.toggle("kit-span-preview", from <= gap.start && gap.end <= to);
    }
  }

  const wordAt = (target) => {
    const word = target && target.closest ? target.closest(".kit-span-word") : null;
    return word && passage.contains(word) ? Number(word.dataset.index) : null;
  };

  passage.addEventListener("pointerdown", (event) => {
    const index = wordAt(event.target);
    if (event.button !== 0 || index === null) return;
    event.preventDefault(); // no text selection while dragging
    wordEls[index].focus({ preventScroll: true });
    drag = { anchor: index, current: index, pointerId: event.pointerId };
    passage.setPointerCapture(event.pointerId);
    showPreview();
  });
  passage.addEventListener("pointermove", (event) => {
    if (!drag || event.pointerId !== drag.pointerId) return;
    const index = wordAt(document.elementFromPoint(event.clientX, event.clientY));
    if (index !== null && index !== drag.current) {
      drag.current = index;
      showPreview();
    }
  });
  passage.addEventListener("pointerup", (event) => {
    if (!drag || event.pointerId !== drag.pointerId) return;
    const { anchor, current } = drag;
    drag = null;
    showPreview();
    if (anchor === current) toggleWord(anchor);
    else markWords(Math.min(anchor, current), Math.max(anchor, current));
  });
  passage.addEventListener("pointercancel", () => {
    drag = null;
    showPreview();
  });
  passage.addEventListener("selectstart", (event) => {
    if (drag) event.preventDefault();
  });
  // A click with no pointer behind it (detail 0) comes from a screen reader or similar.
  passage.addEventListener("click", (event) => {
    const index = wordAt(event.target);
    if (event.detail === 0 && index !== null) toggleWord(index);
  });
  passage.addEventListener("keydown", (event) => {
    const index = wordAt(event.target);
    if (index === null || event.altKey || event.ctrlKey || event.metaKey) return;
    let next = null;
    if (event.key === "Enter" || event.key === " ") toggleWord(index);
    else if (event.key === "ArrowRight") next = Math.min(index + 1, wordEls.length - 1);
    else if (event.key === "ArrowLeft") next = Math.max(index - 1, 0);
    else return;
    event.preventDefault();
    event.stopPropagation();
    if (next !== null) wordEls[next].focus();
  });

  build();
  model.on("change:text", build);
  model.on("change:words", build);
  model.on("change:spans", paint);
  return () => {
    model.off("change:text", build);
    model.off("change:words", build);
    model.off("change:spans", paint);
  };
}

export default { render };
