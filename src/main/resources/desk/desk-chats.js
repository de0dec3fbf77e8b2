// The chat console (desk/chats.jte), on top of htmx and its server-sent events extension.
(function () {
  "use strict";

  // A refused form (409, 422) comes back as its fragment with the error beside the control.
  document.addEventListener("htmx:beforeSwap", function (event) {
    var status = event.detail.xhr.status;
    if ((status === 409 || status === 422) && event.detail.elt.closest("[data-chats]")) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });

  // Each line once and in order: a stream the extension reopens from its first URL replays
  // what the page already shows, so lines at or before the last seen event id, or already
  // on the page, are dropped.
  var lastSeen = 0;
  document.addEventListener("htmx:sseBeforeMessage", function (event) {
    if (event.target.id !== "conversation") return;
    var seq = Number(event.detail.lastEventId || 0);
    var id = /^<li id="([^"]+)"/.exec(event.detail.data);
    if ((seq && seq <= lastSeen) || (id && document.getElementById(id[1]))) {
      event.preventDefault();
      return;
    }
    if (seq) lastSeen = seq;
  });

  function follow() {
    var log = document.getElementById("conversation");
    if (log) log.scrollTop = log.scrollHeight;
  }
  document.addEventListener("htmx:sseMessage", function (event) {
    if (event.target.id === "conversation") follow();
  });
  document.addEventListener("DOMContentLoaded", follow);
})();
