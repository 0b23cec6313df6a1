// Filter the rows of a table from a search box: <input data-filter="TABLE-ID">.
// Rows are hidden when they do not contain every word typed (case-insensitive);
// a group (tbody) whose rows are all hidden is hidden with them.
(function () {
  "use strict";
  document.querySelectorAll("input[data-filter]").forEach(function (input) {
    var table = document.getElementById(input.getAttribute("data-filter"));
    var counter = document.getElementById(input.getAttribute("data-filter") + "-count");
    if (!table) { return; }
    function apply() {
      var words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
      var shown = 0;
      table.querySelectorAll("tbody").forEach(function (group) {
        var label = group.querySelector("th") ? group.querySelector("th").textContent.toLowerCase() : "";
        var any = false;
        group.querySelectorAll("tr").forEach(function (row) {
          if (row.querySelector("th")) { return; }
          var text = label + " " + row.textContent.toLowerCase();
          var hit = words.every(function (w) { return text.indexOf(w) !== -1; });
          row.hidden = !hit;
          if (hit) { any = true; shown += 1; }
        });
        group.hidden = !any;
      });
      if (counter) { counter.textContent = shown + " quotes shown"; }
    }
    input.addEventListener("input", apply);
    apply();
  });
})();
