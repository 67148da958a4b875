/* The assessment's progressive enhancements (the pages work fully without them):
   - the form becomes a stepper, one decision factor per step, with Back and Next;
   - the result page gets a "Copy link" button;
   - marking a plan step done or skipped updates the step in place instead of reloading.
   Loaded with `defer`; no inline script anywhere (the Content Security Policy forbids it). */
(function () {
  "use strict";

  function makeButton(text, className) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = className;
    button.textContent = text;
    return button;
  }

  function unansweredIn(step) {
    return Array.prototype.filter.call(step.querySelectorAll(".likert"), function (group) {
      return !group.querySelector("input[type=radio]:checked");
    });
  }

  function initStepper(form) {
    var steps = Array.prototype.slice.call(form.querySelectorAll(".assessment-step"));
    if (steps.length < 2) {
      return;
    }
    var submit = form.querySelector(".assessment-submit");
    // The optional experience question belongs to the last step.
    var experience = form.querySelector(".assessment-experience");
    var current = 0;

    var progress = document.createElement("progress");
    progress.className = "stepper-progress";
    progress.max = steps.length;
    progress.setAttribute("aria-label", "Progress through the assessment");
    form.insertBefore(progress, steps[0]);

    var nav = document.createElement("div");
    nav.className = "stepper-nav";
    var back = makeButton("Back", "btn btn-outline-secondary");
    var next = makeButton("Next", "btn btn-primary");
    nav.appendChild(back);
    nav.appendChild(next);
    form.insertBefore(nav, submit);

    var alert = document.createElement("p");
    alert.className = "alert alert-warning stepper-alert";
    alert.setAttribute("role", "alert");
    alert.hidden = true;

    steps.forEach(function (step, index) {
      var count = step.querySelector(".step-count");
      if (count) {
        count.textContent = "Step " + (index + 1) + " of " + steps.length;
      }
    });

    function show(index, moveFocus) {
      current = index;
      steps.forEach(function (step, i) {
        step.hidden = i !== index;
      });
      progress.value = index + 1;
      progress.textContent = "Step " + (index + 1) + " of " + steps.length;
      back.hidden = index === 0;
      next.hidden = index === steps.length - 1;
      submit.hidden = index !== steps.length - 1;
      if (experience) {
        experience.hidden = index !== steps.length - 1;
      }
      alert.hidden = true;
      if (moveFocus) {
        var heading = steps[index].querySelector(".assessment-step-heading");
        heading.setAttribute("tabindex", "-1");
        heading.focus();
      }
    }

    function stepOf(element) {
      var index = steps.findIndex(function (step) {
        return step.contains(element);
      });
      // Outside every factor (the experience question): it is shown with the last step.
      return index === -1 ? steps.length - 1 : index;
    }

    function goNext() {
      var missing = unansweredIn(steps[current]);
      if (missing.length) {
        alert.textContent = missing.length === 1
          ? "Answer the statement left on this step to go on."
          : "Answer the " + missing.length + " statements left on this step to go on.";
        steps[current].appendChild(alert);
        alert.hidden = false;
        missing[0].querySelector("input[type=radio]").focus();
        return;
      }
      show(current + 1, true);
    }

    back.addEventListener("click", function () {
      show(current - 1, true);  // never validates: answers stay as they are
    });
    next.addEventListener("click", goNext);
    form.addEventListener("submit", function (event) {
      // Enter in a field submits forms; before the last step it means "Next".
      if (current < steps.length - 1) {
        event.preventDefault();
        goNext();
      }
    });

    // Links in the server's error summary open the step holding their statement.
    document.querySelectorAll("[data-error-link]").forEach(function (link) {
      link.addEventListener("click", function (event) {
        var target = document.getElementById(link.getAttribute("href").slice(1));
        if (!target) {
          return;
        }
        event.preventDefault();
        show(stepOf(target), false);
        target.focus();
      });
    });

    form.classList.add("is-stepper");
    var firstInvalid = form.querySelector(".likert-invalid");
    show(firstInvalid ? stepOf(firstInvalid) : 0, false);
    var summary = document.getElementById("error-summary");
    if (summary) {
      summary.focus();
    }
  }

  function initCopyButtons() {
    document.querySelectorAll("[data-copy-target]").forEach(function (button) {
      var input = document.getElementById(button.getAttribute("data-copy-target"));
      var status = document.getElementById("copy-status");
      if (!input) {
        return;
      }
      button.hidden = false;
      button.addEventListener("click", function () {
        function done(message) {
          if (status) {
            status.textContent = message;
          }
        }
        function fallback() {
          input.select();
          done(document.execCommand("copy") ? "Link copied." : "Press Ctrl+C (or Cmd+C) to copy the selected link.");
        }
        if (navigator.clipboard && window.isSecureContext) {
          navigator.clipboard.writeText(input.value).then(function () {
            done("Link copied.");
          }, fallback);
        } else {
          fallback();
        }
      });
    });
  }

  function showStepState(form, state, label) {
    var step = form.closest(".plan-step");
    step.className = step.className.replace(/\bstate-\S+/, "state-" + state);
    var shown = step.querySelector(".step-state");
    shown.textContent = label;
    shown.setAttribute("data-state", state);
    form.querySelectorAll("button[name=state]").forEach(function (button) {
      button.hidden = button.value === state;
    });
    var count = document.getElementById("plan-progress");
    if (count) {
      var steps = document.querySelectorAll(".plan-step");
      var done = document.querySelectorAll(".plan-step.state-done");
      count.textContent = done.length + " of " + steps.length + " steps done.";
    }
    var status = document.getElementById("progress-status");
    if (status) {
      status.textContent = step.querySelector(".step-title").textContent + ": " + label + ".";
    }
  }

  function initProgressForms() {
    var forms = document.querySelectorAll("form.step-progress");
    if (!forms.length || !window.fetch || !window.FormData) {
      return;
    }
    var status = document.createElement("p");
    status.id = "progress-status";
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    document.body.appendChild(status);
    forms.forEach(function (form) {
      form.addEventListener("submit", function (event) {
        var button = event.submitter;
        if (!button || button.name !== "state") {
          return;
        }
        event.preventDefault();
        var body = new FormData(form);
        body.append("state", button.value);
        fetch(form.action, {
          method: "POST",
          body: body,
          credentials: "same-origin",
          headers: { Accept: "application/json" }
        }).then(function (response) {
          if (!response.ok) {
            throw new Error(response.status);
          }
          return response.json();
        }).then(function (data) {
          showStepState(form, data.state, data.label);
          var next = Array.prototype.find.call(form.querySelectorAll("button"), function (b) {
            return !b.hidden;
          });
          if (next) {
            next.focus();
          }
        }).catch(function () {
          // Let the server answer the plain way (it shows why, e.g. a 403 or 429 page).
          var field = document.createElement("input");
          field.type = "hidden";
          field.name = "state";
          field.value = button.value;
          form.appendChild(field);
          form.submit();
        });
      });
    });
  }

  var form = document.getElementById("assessment-form");
  if (form) {
    initStepper(form);
  }
  initCopyButtons();
  initProgressForms();
})();
