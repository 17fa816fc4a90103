// Progressive enhancement only: every page works without this file.
"use strict";

// Upload drop zone: highlight while dragging, accept dropped files, list what was chosen.
document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("[data-dropzone]").forEach((zone) => {
    const input = zone.querySelector("input[type=file]");
    const list = zone.querySelector("[data-dropzone-files]");
    const show = () => {
      const names = Array.from(input.files).map((file) => file.name);
      list.textContent = names.length ? `${names.length} chosen: ${names.slice(0, 8).join(", ")}${names.length > 8 ? "…" : ""}` : "";
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
