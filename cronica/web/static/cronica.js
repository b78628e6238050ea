// cronica: layer toggles and hover links on the article page. No libraries.
(function () {
  "use strict";
  var text = document.getElementById("text");
  if (!text) { return; }
  document.querySelectorAll(".layers input[data-layer]").forEach(function (box) {
    box.addEventListener("change", function () {
      text.classList.toggle("off-" + box.dataset.layer, !box.checked);
    });
  });
  function focus(id, on) {
    text.querySelectorAll(".hl").forEach(function (span) {
      if ((" " + span.dataset.ids + " ").indexOf(" " + id + " ") >= 0) { span.classList.toggle("focus", on); }
    });
  }
  document.querySelectorAll(".side [data-id]").forEach(function (item) {
    item.addEventListener("mouseenter", function () { focus(item.dataset.id, true); });
    item.addEventListener("mouseleave", function () { focus(item.dataset.id, false); });
  });
})();
