// Keyboard shortcuts of the review pages (/review/), documented on each page under "Keyboard shortcuts".
// Progressive enhancement only: every action is a plain form without this file.
"use strict";

(() => {
  const isTyping = (element) => Boolean(element) && (element.isContentEditable
    || ["INPUT", "TEXTAREA", "SELECT"].includes(element.tagName));

  const rows = () => Array.from(document.querySelectorAll("[data-review-row]"));

  function moveRow(step) {
    const all = rows();
    if (!all.length) return;
    const current = document.activeElement ? document.activeElement.closest("[data-review-row]") : null;
    const index = current ? all.indexOf(current) : -1;
    const next = all[Math.max(0, Math.min(all.length - 1, index < 0 ? 0 : index + step))];
    const link = next.querySelector("[data-row-link]");
    if (link) {
      link.focus();
      next.scrollIntoView({ block: "nearest" });
    }
  }

  function toggleCurrentRow() {
    const current = document.activeElement ? document.activeElement.closest("[data-review-row]") : null;
    const box = current ? current.querySelector("input[type=checkbox]") : null;
    if (box) box.click();
  }

  function anySelected() {
    return Boolean(document.querySelector("[data-review-row] input[type=checkbox]:checked"));
  }

  function activate(target) {
    if (target.tagName === "DETAILS") {
      if (target.open && target.dataset.shortcut === "?") {
        target.open = false;
        return;
      }
      target.open = true;
      // The first field (in page order), else the list, else the summary: one selector list would pick
      // the summary, which comes first, and the keys typed next would act as shortcuts.
      const field = target.querySelector("textarea, select, input:not([type=hidden])")
        || target.querySelector("dl") || target.querySelector("summary");
      if (field) {
        if (field.tagName === "DL") field.setAttribute("tabindex", "-1");
        field.focus();
      }
      target.scrollIntoView({ block: "nearest" });
      return;
    }
    if (target.tagName === "INPUT" || target.tagName === "TEXTAREA") {
      target.focus();
      return;
    }
    if (target.hasAttribute("data-needs-selection") && !anySelected()) return;
    target.click();
  }

  document.addEventListener("keydown", (event) => {
    if (!document.querySelector("[data-review-shortcuts]")) return;
    if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
    if (isTyping(event.target)) {
      if (event.key === "Escape") event.target.blur();
      return;
    }
    const key = event.key;
    if (rows().length && (key === "j" || key === "k")) {
      event.preventDefault();
      moveRow(key === "j" ? 1 : -1);
      return;
    }
    if (rows().length && key === "x") {
      event.preventDefault();
      toggleCurrentRow();
      return;
    }
    const target = Array.from(document.querySelectorAll("[data-shortcut]")).find((el) => el.dataset.shortcut === key);
    if (!target || target.disabled) return;
    event.preventDefault();
    activate(target);
  });

  // "Select all on this page": shown only when this script runs (it does nothing without it).
  function enhance(root) {
    root.querySelectorAll("[data-js-only]").forEach((element) => { element.hidden = false; });
  }

  document.addEventListener("change", (event) => {
    if (!event.target.matches("[data-select-all]")) return;
    const form = event.target.closest("form");
    form.querySelectorAll("[data-review-row] input[type=checkbox]").forEach((box) => {
      box.checked = event.target.checked;
    });
  });

  // Adding a commitment: the sentence picked beforehand (that of the commitment under review) in view.
  function pickedInView() {
    const picked = document.querySelector("[data-sentence-pick] input:checked");
    if (picked) picked.closest("label").scrollIntoView({ block: "center" });
  }

  document.addEventListener("DOMContentLoaded", () => {
    enhance(document);
    pickedInView();
  });
  // After htmx swaps in the next item (or the queue), enhance it and move the focus to its heading.
  document.addEventListener("htmx:afterSwap", (event) => {
    const target = event.detail && event.detail.target ? event.detail.target : null;
    enhance(document);
    const root = document.getElementById("review-item");
    if (root && target && (target.id === "review-item" || !document.body.contains(target))) {
      const heading = root.querySelector("[data-review-focus]");
      if (heading) heading.focus();
    }
    // The add form came back with errors: the focus goes to the first of them.
    // (outerHTML: the target is the element swapped out; the new one has its id.)
    const addForm = document.getElementById("add-form");
    if (addForm && target && target.id === "add-form") {
      const problem = addForm.querySelector("[data-add-focus], [aria-invalid=true]");
      if (problem) problem.focus();
    }
    // After a bulk action the list is new: j/k go on from its first row.
    const queue = document.getElementById("review-queue");
    if (queue && !queue.contains(document.activeElement)) {
      const link = queue.querySelector("[data-row-link]");
      if (link) link.focus();
    }
  });
})();
