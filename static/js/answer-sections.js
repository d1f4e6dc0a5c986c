// Progressive enhancement of the answer to a nomination request
// (templates/organisations/nomination_request_detail.html): show only the sections that the
// chosen answer needs. A section names its answers in data-answer; a hidden section is also
// disabled, so that what was typed there is not sent. Without JavaScript every section shows.
(function () {
  "use strict";
  var form = document.querySelector("form.answer-form");
  if (!form) {
    return;
  }
  var sections = form.querySelectorAll("[data-answer]");
  function update() {
    var chosen = form.querySelector("input[name='action']:checked");
    sections.forEach(function (section) {
      var needed = chosen !== null && section.getAttribute("data-answer").split(" ").indexOf(chosen.value) !== -1;
      section.hidden = !needed;
      section.disabled = !needed;
    });
  }
  form.addEventListener("change", function (event) {
    if (event.target.name === "action") {
      update();
    }
  });
  update();
})();
