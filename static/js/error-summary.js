// Progressive enhancement of the error summary (templates/includes/error_summary.html).
// When the page loads, focus moves to the summary so that it is read first; its links focus
// the field they name and bring the field's label (or a group's legend) into view. Without
// JavaScript the summary still shows, and its links still lead to the fields.
(function () {
  "use strict";
  var summary = document.querySelector("[data-error-summary]");
  if (!summary) {
    return;
  }
  summary.focus();
  summary.addEventListener("click", function (event) {
    var link = event.target.closest("a[href^='#']");
    var field = link && document.getElementById(link.getAttribute("href").slice(1));
    if (!field) {
      return;
    }
    event.preventDefault();
    var group = field.closest(".choices") && field.closest("fieldset");
    var caption = group ? group.querySelector("legend") : document.querySelector("label[for='" + field.id + "']");
    (caption || field).scrollIntoView();
    field.focus({ preventScroll: true });
  });
})();
