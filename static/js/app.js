// Progressive enhancement only: every page works without this file.
"use strict";

// Upload drop zone: highlight while dragging, accept dropped files, list what was chosen.
document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("[data-dropzone]").forEach((zone) => {
    const input = zone.querySelector("input[type=file]");
    const list = zone.querySelector("[data-dropzone-files]");
    const show = () => {
      const names = Array.from(input.files).map((file) => file.name);
      // The label comes translated from the page (data-chosen-label): "Chosen (3): a.txt, b.txt, c.zip".
      const label = list.dataset.chosenLabel || "Chosen";
      list.textContent = names.length ? `${label} (${names.length}): ${names.slice(0, 8).join(", ")}${names.length > 8 ? "…" : ""}` : "";
    };
    ["dragenter", "dragover"].forEach((name) => zone.addEventListener(name, (event) => {
      event.preventDefault();
      zone.classList.add("is-dragging");
    }));
    ["dragleave", "drop"].forEach((name) => zone.addEventListener(name, () => zone.classList.remove("is-dragging")));
    zone.addEventListener("drop", (event) => {
      event.preventDefault();
      input.files = event.dataTransfer.files;
      show();
    });
    input.addEventListener("change", show);
  });
});

// Names page: "Select all on this page" ticks every box of the bulk form; the boxes sit in the rows, tied to
// the form by their form attribute (each row has forms of its own, which a form cannot hold).
document.addEventListener("change", (event) => {
  const all = event.target.closest && event.target.closest("[data-select-all-of]");
  if (!all) {
    return;
  }
  document.querySelectorAll(`input[type=checkbox][form="${all.dataset.selectAllOf}"]`).forEach((box) => {
    box.checked = all.checked;
  });
});

// htmx updates are announced by live regions that stay in the page (a live region swapped in with the new
// content is not announced): after a swap, each element with data-announce="<region id>" in the new content
// puts its text into that region ("12 events match", "3 commitments pledged more than 90 days ago …").
document.addEventListener("htmx:afterSettle", (event) => {
  const root = event.target;
  if (!(root instanceof Element)) {
    return;
  }
  const sources = [...(root.matches("[data-announce]") ? [root] : []), ...root.querySelectorAll("[data-announce]")];
  sources.forEach((source) => {
    const region = document.getElementById(source.dataset.announce);
    if (region) {
      region.textContent = source.textContent.trim().replace(/\s+/g, " ");
    }
  });
});

// Timeline: a "more" load says how many events are shown now; asked for from the focused "Older events"
// link (keyboard, click), it moves focus to the first new event instead of losing it with the link.
(() => {
  let loading = null;
  document.addEventListener("htmx:beforeRequest", (event) => {
    const more = event.target.closest && event.target.closest("#events .more");
    if (more) {
      loading = { previous: more.previousElementSibling, focused: document.activeElement === event.target };
    }
  });
  document.addEventListener("htmx:afterSettle", (event) => {
    if (!loading || !(event.target instanceof Element) || !event.target.closest("#events")) {
      return;
    }
    const { previous, focused } = loading;
    loading = null;
    const status = document.getElementById("timeline-status");
    if (status) {
      status.textContent = `${status.dataset.shownLabel || "Events shown:"} ${document.querySelectorAll("#events .event").length}`;
    }
    let item = previous ? previous.nextElementSibling : document.querySelector("#events > li");
    while (item && !item.matches(".event")) {
      item = item.nextElementSibling;
    }
    const link = item && item.querySelector(".event-headline a");
    if (focused && link) {
      link.focus();
    }
  });
})();

// Source page: "Show more of the text" appends the next part of a long article; asked for from the focused
// link, it moves focus to the part's first paragraph instead of losing it with the link.
(() => {
  let focusedPart = null;
  document.addEventListener("htmx:beforeRequest", (event) => {
    const more = event.target.closest && event.target.closest(".text-more");
    if (more) {
      focusedPart = document.activeElement === event.target ? more.id.replace("text-more-", "text-part-") : null;
    }
  });
  document.addEventListener("htmx:afterSettle", () => {
    const first = focusedPart && document.getElementById(focusedPart);
    focusedPart = null;
    if (first) {
      first.focus();
    }
  });
})();
