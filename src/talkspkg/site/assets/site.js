// Filter the rows of a table from a search box: <input data-filter="TABLE-ID">.
// A row stays shown when it (or its group's heading) contains every word typed, ignoring case;
// a group (tbody) whose rows are all hidden is hidden with them. Row texts are read once.
(function () {
  "use strict";
  document.querySelectorAll("input[data-filter]").forEach(function (input) {
    var id = input.getAttribute("data-filter");
    var table = document.getElementById(id);
    var counter = document.getElementById(id + "-count");
    if (!table) { return; }
    var groups = Array.prototype.map.call(table.tBodies, function (group) {
      var head = group.querySelector("th");
      var label = head ? head.textContent.toLowerCase() : "";
      var rows = Array.prototype.filter.call(group.rows, function (row) {
        return !row.querySelector("th");
      }).map(function (row) {
        return { row: row, text: label + " " + row.textContent.toLowerCase() };
      });
      return { group: group, rows: rows };
    });
    var timer = null;
    function apply() {
      var words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
      var shown = 0;
      groups.forEach(function (g) {
        var any = false;
        g.rows.forEach(function (r) {
          var hit = words.every(function (w) { return r.text.indexOf(w) !== -1; });
          if (r.row.hidden === hit) { r.row.hidden = !hit; }
          if (hit) { any = true; shown += 1; }
        });
        g.group.hidden = !any;
      });
      if (counter) { counter.textContent = shown + " shown"; }
    }
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(apply, 120);
    });
    apply();
  });
})();
