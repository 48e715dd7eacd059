/* resume-checker: drag-and-drop onto the file inputs (tables sort with /static-sort-table.js). */
"use strict";
document.querySelectorAll("[data-drop]").forEach(function (zone) {
  var input = zone.querySelector("input[type=file]");
  var label = zone.querySelector("[data-drop-name]");
  function show() {
    var names = Array.prototype.map.call(input.files, function (f) { return f.name; });
    label.textContent = names.length > 3 ? names.length + " files chosen" : names.join(", ");
  }
  input.addEventListener("change", show);
  ["dragenter", "dragover"].forEach(function (type) {
    zone.addEventListener(type, function (e) { e.preventDefault(); zone.classList.add("over"); });
  });
  ["dragleave", "drop"].forEach(function (type) {
    zone.addEventListener(type, function () { zone.classList.remove("over"); });
  });
  zone.addEventListener("drop", function (e) {
    e.preventDefault();
    if (e.dataTransfer && e.dataTransfer.files.length) { input.files = e.dataTransfer.files; show(); }
  });
});
